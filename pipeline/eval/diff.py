"""Comparing two claim tables of the same articles: what a rule change did, claim by claim.

Claims are paired per document by their anchors, as in scoring (largest overlap first);
an unpaired old claim was removed, an unpaired new one added, and a pair that differs in
any column is changed, field by field (old → new).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pipeline.io.table import COLUMNS

from .evaluate import match_document

COMPARED = [c for c in COLUMNS if c not in ("doc_id", "claim_id")]


def _same(a: Any, b: Any) -> bool:
    a_empty = a is None or (isinstance(a, float) and math.isnan(a)) or a == ""
    b_empty = b is None or (isinstance(b, float) and math.isnan(b)) or b == ""
    if a_empty or b_empty:
        return a_empty and b_empty
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9)
    return str(a) == str(b)


def _show(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.15g}" if isinstance(value, float) else str(value)


@dataclass
class Difference:
    added: list[dict] = field(default_factory=list)                 # new rows nothing old pairs with
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict, list[str]]] = field(default_factory=list)   # (old, new, fields)
    documents: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def per_field(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, _, names in self.changed:
            for name in names:
                counts[name] = counts.get(name, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def per_document(self) -> dict[str, tuple[int, int, int]]:
        out = {}
        for doc in self.documents:
            counts = (sum(r["doc_id"] == doc for r in self.added), sum(r["doc_id"] == doc for r in self.removed),
                      sum(old["doc_id"] == doc for old, _, _ in self.changed))
            if any(counts):
                out[doc] = counts
        return out


def compare_tables(old: pd.DataFrame, new: pd.DataFrame) -> Difference:
    result = Difference(documents=sorted(set(old["doc_id"]) | set(new["doc_id"])))
    for doc in result.documents:
        o = old[old["doc_id"] == doc].reset_index(drop=True)
        n = new[new["doc_id"] == doc].reset_index(drop=True)
        pairs = match_document(n, o)
        for ni, oi in pairs:
            before, after = o.loc[oi].to_dict(), n.loc[ni].to_dict()
            names = [c for c in COMPARED if c in before and c in after and not _same(before[c], after[c])]
            if names:
                result.changed.append((before, after, names))
        paired_new, paired_old = {ni for ni, _ in pairs}, {oi for _, oi in pairs}
        result.added += [n.loc[i].to_dict() for i in n.index if i not in paired_new]
        result.removed += [o.loc[i].to_dict() for i in o.index if i not in paired_old]
    return result


def _cell(value: Any) -> str:
    return _show(value).replace("|", "\\|").replace("\n", " ")


def markdown(d: Difference) -> str:
    out = ["# Claim table diff", "",
           f"{len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} changed.", ""]
    if d.per_field():
        out += ["| field | changed |", "|---|---|"] + [f"| {k} | {v} |" for k, v in d.per_field().items()] + [""]
    if d.per_document():
        out += ["| document | added | removed | changed |", "|---|---|---|---|"]
        out += [f"| {doc} | {a} | {r} | {c} |" for doc, (a, r, c) in d.per_document().items()] + [""]
    for title, rows in (("Added", d.added), ("Removed", d.removed)):
        if rows:
            out += [f"## {title}", "", "| document | start | text | kind | metric_text | value | period |",
                    "|---|---|---|---|---|---|---|"]
            out += [f"| {r['doc_id']} | {r['start']} | {_cell(r['text'])} | {r['kind']} | {_cell(r.get('metric_text'))}"
                    f" | {_cell(r.get('value'))} | {_cell(r.get('period'))} |" for r in rows] + [""]
    if d.changed:
        out += ["## Changed", "", "| document | start | text | field | old | new |", "|---|---|---|---|---|---|"]
        for old, new, names in d.changed:
            out += [f"| {old['doc_id']} | {old['start']} | {_cell(old['text'])} | {name} | {_cell(old[name])} | "
                    f"{_cell(new[name])} |" for name in names]
    return "\n".join(out) + "\n"


def rows(d: Difference) -> pd.DataFrame:
    """The diff as a table: one row per added or removed claim and per changed field."""
    records = [{"change": "added", "doc_id": r["doc_id"], "start": r["start"], "text": r["text"],
                "field": "", "old": "", "new": ""} for r in d.added]
    records += [{"change": "removed", "doc_id": r["doc_id"], "start": r["start"], "text": r["text"],
                 "field": "", "old": "", "new": ""} for r in d.removed]
    records += [{"change": "changed", "doc_id": old["doc_id"], "start": old["start"], "text": old["text"],
                 "field": name, "old": _show(old[name]), "new": _show(new[name])}
                for old, new, names in d.changed for name in names]
    return pd.DataFrame(records, columns=["change", "doc_id", "start", "text", "field", "old", "new"])
