"""The regression ledger: every way the pipeline disagrees with gold, claim by claim.

`mismatches(pred, gold, docs)` lists each miss (a gold claim nothing matches), each
spurious claim (a prediction nothing matches) and each wrong field of a matched pair —
with the gold and predicted values. The ledger file (tests/ledger.yaml) records every
current mismatch with a category and a reason. `compare(ledger, found)` then says what
changed: a mismatch not in the ledger is a regression; a ledger entry that no longer
happens is a fix (take it out); an entry that points at no gold or predicted claim is
stale. `zhclaims ledger --update` rewrites the file, keeping the reasons of entries
that still happen, so its diff is what a reviewer reads.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .evaluate import LEDGER_FIELDS, by_document, field_equal, match_document

CATEGORIES = {
    "lexicon": "a metric phrase or word the lexicon lacks",
    "share": "which phrase names a share of a total",
    "scope": "a metric, period or modality taken from outside the figure's clause, or not carried to it",
    "grammar": "a form the rules do not read",
    "period": "a period rule the pipeline does not follow",
    "subject": "the subject heuristic picks another entity",
    "metric-id": "the canonical metric id differs (the phrase may be right)",
    "judgement": "a labelling call no rule can see",
    "new": "not yet reviewed: replace with a category and a reason",
}
UNREVIEWED = "new"


@dataclass(frozen=True)
class Mismatch:
    doc: str
    kind: str               # miss | spurious | field
    start: int              # gold start (miss, field) or predicted start (spurious)
    anchor: str
    field: str = ""
    gold: str = ""
    predicted: str = ""

    @property
    def key(self) -> tuple:
        return (self.doc, self.kind, self.start, self.anchor, self.field, self.gold, self.predicted)

    def describe(self) -> str:
        if self.kind == "field":
            return (f"{self.doc} @{self.start} {self.anchor}: {self.field} is {self.predicted!r}, "
                    f"gold {self.gold!r}")
        what = "gold claim not found" if self.kind == "miss" else "predicted claim not in gold"
        return f"{self.doc} @{self.start} {self.anchor}: {what}"


def _text(value: Any) -> str:
    """A field value as the ledger writes it: numbers plainly, empty for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value).strip()


def _document(doc: str, p_doc: pd.DataFrame, g_doc: pd.DataFrame) -> list[Mismatch]:
    pairs = match_document(p_doc, g_doc)
    found = []
    for pi, gi in pairs:
        p, g = p_doc.loc[pi], g_doc.loc[gi]
        for name in LEDGER_FIELDS:
            if name in g and name in p and not field_equal(name, p[name], g[name]):
                found.append(Mismatch(doc, "field", int(g["start"]), str(g["text"]), name,
                                      _text(g[name]), _text(p[name])))
    matched_p, matched_g = {pi for pi, _ in pairs}, {gi for _, gi in pairs}
    found += [Mismatch(doc, "miss", int(g["start"]), str(g["text"]))
              for gi, g in g_doc.iterrows() if gi not in matched_g]
    found += [Mismatch(doc, "spurious", int(p["start"]), str(p["text"]))
              for pi, p in p_doc.iterrows() if pi not in matched_p]
    return found


def mismatches(pred: pd.DataFrame, gold: pd.DataFrame, docs: Iterable[str]) -> list[Mismatch]:
    """Every miss, spurious claim and wrong field of `docs`, in document order."""
    out: list[Mismatch] = []
    by_doc_pred, by_doc_gold = by_document(pred), by_document(gold)
    for doc in docs:
        out += _document(doc, by_doc_pred.get(doc, pred.iloc[0:0]), by_doc_gold.get(doc, gold.iloc[0:0]))
    return sorted(out, key=lambda m: (m.doc, m.start, m.kind, m.field))


@dataclass(frozen=True)
class Entry:
    mismatch: Mismatch
    category: str
    reason: str


def load(path: str | Path) -> list[Entry]:
    """Read a ledger file; every entry needs the mismatch's fields, a known category and a reason."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries = []
    for i, item in enumerate(data.get("entries") or [], 1):
        item = {k: ("" if v is None else v) for k, v in item.items()}
        if item.get("category") not in CATEGORIES:
            raise ValueError(f"{path}: entry {i}: unknown category {item.get('category')!r}")
        fields = {k: item.get(k, "") for k in ("doc", "kind", "start", "anchor", "field", "gold", "predicted")}
        fields = {k: (int(v) if k == "start" else str(v)) for k, v in fields.items()}
        entries.append(Entry(Mismatch(**fields), item["category"], str(item.get("reason", ""))))
    return entries


def _line(entry: Entry) -> str:
    m = asdict(entry.mismatch)
    items = {k: v for k, v in m.items() if v != "" or k in ("doc", "kind", "start", "anchor")}
    items |= {"category": entry.category, "reason": entry.reason}
    return "  - " + yaml.safe_dump(items, allow_unicode=True, default_flow_style=True, width=10_000,
                                   sort_keys=False).strip()


HEADER = """\
# The regression ledger: every current mismatch between the pipeline and the corpus gold
# (docs/regression.md). tests/test_ledger.py fails on a mismatch missing here (a regression),
# on an entry that no longer happens (a fix: take it out) and on an entry that points at no
# claim (stale). Regenerate with `zhclaims ledger --update`, then give every `new` entry a
# category and a reason. Categories: {categories}.
"""


def write(path: str | Path, entries: list[Entry], scope: dict) -> None:
    lines = [HEADER.format(categories=", ".join(CATEGORIES)).rstrip(), yaml.safe_dump({"scope": scope},
             allow_unicode=True, sort_keys=False).strip(), "entries:"]
    lines += [_line(e) for e in sorted(entries, key=lambda e: (e.mismatch.doc, e.mismatch.start,
                                                                e.mismatch.kind, e.mismatch.field))]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def scope_of(path: str | Path) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return dict(data.get("scope") or {})


@dataclass
class Comparison:
    regressions: list[Mismatch]        # happening, not in the ledger
    fixed: list[Entry]                 # in the ledger, no longer happening (the claim is there)
    stale: list[Entry]                 # in the ledger, pointing at no gold or predicted claim
    unreviewed: list[Entry]            # in the ledger without a category and reason

    @property
    def clean(self) -> bool:
        return not (self.regressions or self.fixed or self.stale or self.unreviewed)


def _exists(m: Mismatch, pred: pd.DataFrame, gold: pd.DataFrame) -> bool:
    table = pred if m.kind == "spurious" else gold
    rows = table[(table["doc_id"] == m.doc) & (table["start"] == m.start)]
    return bool((rows["text"] == m.anchor).any())


def compare(entries: list[Entry], found: list[Mismatch], pred: pd.DataFrame, gold: pd.DataFrame) -> Comparison:
    known = {e.mismatch.key for e in entries}
    happening = {m.key for m in found}
    gone = [e for e in entries if e.mismatch.key not in happening]
    return Comparison(
        regressions=[m for m in found if m.key not in known],
        fixed=[e for e in gone if _exists(e.mismatch, pred, gold)],
        stale=[e for e in gone if not _exists(e.mismatch, pred, gold)],
        unreviewed=[e for e in entries if e.category == UNREVIEWED or not e.reason.strip()])


def updated(entries: list[Entry], found: list[Mismatch]) -> list[Entry]:
    """The ledger for `found`: reviewed entries that still happen keep their category and reason."""
    known = {e.mismatch.key: e for e in entries}
    return [known.get(m.key) or Entry(m, UNREVIEWED, "") for m in found]


def explain(result: Comparison, pred: pd.DataFrame, gold: pd.DataFrame) -> str:
    """What changed, claim by claim, with gold and prediction side by side."""
    out = []
    for m in result.regressions:
        out.append(f"REGRESSION {m.describe()}")
        out += [f"    {line}" for line in _side_by_side(m, pred, gold)]
    out += [f"FIXED (remove from the ledger) {e.mismatch.describe()}" for e in result.fixed]
    out += [f"STALE (points at no claim) {e.mismatch.describe()}" for e in result.stale]
    out += [f"UNREVIEWED (give a category and a reason) {e.mismatch.describe()}" for e in result.unreviewed]
    return "\n".join(out)


def _side_by_side(m: Mismatch, pred: pd.DataFrame, gold: pd.DataFrame) -> list[str]:
    lines = []
    for label, table in (("gold", gold), ("predicted", pred)):
        rows = table[(table["doc_id"] == m.doc) & (table["start"] < m.start + max(len(m.anchor), 1))
                     & (table["end"] > m.start)]
        for _, row in rows.head(2).iterrows():
            fields = ", ".join(f"{f}={_text(row.get(f))}" for f in ("text", *LEDGER_FIELDS) if f in row)
            lines.append(f"{label:>9}: {fields}")
        if rows.empty:
            lines.append(f"{label:>9}: (none)")
    return lines
