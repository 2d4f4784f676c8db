"""What the report marks in each article: its text as shown, where each claim sits in it,
and the status of each claim against gold and against an older table.

Claim offsets index the raw file (`Source.raw`). A plain-text article is shown as it is; an
HTML page is shown as its visible text (`Source.text`), and raw offsets are mapped onto it
through the per-character map the loader keeps, so a highlight covers exactly the visible
characters of its anchor.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pandas as pd

from pipeline.eval.diff import Difference, compare_tables
from pipeline.eval.evaluate import REPORT_FIELDS, STRICT_FIELDS, field_equal, match_document
from pipeline.io.load import Source

from .figures import is_empty


@dataclass
class Shown:
    """An article as the report shows it, and a map from raw offsets to shown offsets."""
    text: str
    fmt: str
    starts: list[int] | None = None       # per shown character: its first raw index
    ends: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The shown span of the raw span [start, end); None when nothing of it is shown."""
        if self.starts is None or self.ends is None:
            return (start, end) if 0 <= start <= end <= len(self.text) else None
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.text) and self.ends[i] <= start:      # breaks and entities before it
            i += 1
        j = bisect.bisect_right(self.ends, end)
        while j > i and self.starts[j - 1] == self.ends[j - 1]:    # a line break added after it
            j -= 1
        return (i, j) if i < j else None


def shown(source: Source) -> Shown:
    if source.fmt == "html" and source.to_raw_start is not None:
        return Shown(source.text, "html", source.to_raw_start, source.to_raw_end)
    return Shown(source.raw, source.fmt)


def sentence_span(raw: str, row: dict) -> tuple[int, int] | None:
    """The raw span of the claim's sentence (the one around its anchor)."""
    sentence, start, end = str(row.get("sentence") or ""), int(row["start"]), int(row["end"])
    if not sentence:
        return None
    at = raw.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    return (at, at + len(sentence)) if at >= 0 else None


# ----- gold ------------------------------------------------------------------------------------

@dataclass
class GoldMarks:
    status: dict[str, str] = field(default_factory=dict)           # claim_id → right, wrong, spurious
    wrong: dict[str, dict[str, tuple]] = field(default_factory=dict)   # claim_id → field → (pred, gold)
    misses: list[dict] = field(default_factory=list)                # gold rows nothing matched
    docs: set[str] = field(default_factory=set)                      # the documents that have gold

    def misses_of(self, doc: str) -> list[dict]:
        return [g for g in self.misses if g["doc_id"] == doc]


def _wrong_fields(p: pd.Series, g: pd.Series) -> dict[str, tuple]:
    return {name: (p[name], g[name]) for name in REPORT_FIELDS
            if name in p and name in g and not field_equal(name, p[name], g[name])}


def gold_marks(pred: pd.DataFrame, gold: pd.DataFrame, docs: list[str]) -> GoldMarks:
    """Each predicted claim of `docs` against gold (contract §5): right when every strict
    field is, wrong when one is not, spurious when no gold claim overlaps it; and the misses."""
    out = GoldMarks(docs=set(docs))
    for doc in docs:
        p_doc = pred[pred["doc_id"] == doc].reset_index(drop=True)
        g_doc = gold[gold["doc_id"] == doc].reset_index(drop=True)
        pairs = match_document(p_doc, g_doc)
        for pi, gi in pairs:
            p, g = p_doc.loc[pi], g_doc.loc[gi]
            wrong = _wrong_fields(p, g)
            out.status[p["claim_id"]] = "wrong" if set(wrong) & set(STRICT_FIELDS) else "right"
            out.wrong[p["claim_id"]] = wrong
        matched_p, matched_g = {pi for pi, _ in pairs}, {gi for _, gi in pairs}
        out.status.update({p_doc.loc[i, "claim_id"]: "spurious" for i in p_doc.index if i not in matched_p})
        out.misses += [g_doc.loc[i].to_dict() for i in g_doc.index if i not in matched_g]
    return out


# ----- a rule change ---------------------------------------------------------------------------

@dataclass
class DiffMarks:
    status: dict[str, str] = field(default_factory=dict)            # claim_id → added, changed
    changed: dict[str, dict[str, tuple]] = field(default_factory=dict)  # claim_id → field → (old, new)
    removed: list[dict] = field(default_factory=list)
    summary: Difference | None = None

    def removed_of(self, doc: str) -> list[dict]:
        return [r for r in self.removed if r["doc_id"] == doc]


def diff_marks(new: pd.DataFrame, old: pd.DataFrame, docs: list[str]) -> DiffMarks:
    """What changed from `old` to `new` in `docs`: claims added, changed (field by field) and removed."""
    d = compare_tables(old[old["doc_id"].isin(docs)], new[new["doc_id"].isin(docs)])
    out = DiffMarks(summary=d, removed=list(d.removed))
    out.status.update({r["claim_id"]: "added" for r in d.added})
    for before, after, names in d.changed:
        out.status[after["claim_id"]] = "changed"
        out.changed[after["claim_id"]] = {n: (before[n], after[n]) for n in names}
    return out


def plain(value):
    """A cell as JSON can hold it: None for empty, numbers as numbers, else text."""
    if is_empty(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value if isinstance(value, (int, float, str)) else str(value)
