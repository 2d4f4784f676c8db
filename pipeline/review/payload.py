"""The data of a review report: one row per mark (claims, gold misses, removed claims) in
columns, the articles, and what gold, an older table, the checks and the facts say.

The report page (report.py) embeds this as JSON and renders it in the browser, so nothing of
an article is ever written into the page as markup.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.eval.evaluate import REPORT_FIELDS, STRICT_FIELDS, score
from pipeline.io.load import Source
from pipeline.io.table import COLUMNS

from .marks import DiffMarks, GoldMarks, Shown, plain, sentence_span, shown

SHOWN_COLUMNS = [c for c in COLUMNS if c not in ("doc_id", "start", "end", "sentence")] + ["rule"]


@dataclass
class Inputs:
    sources: list[Source]
    claims: pd.DataFrame
    titles: dict[str, str]
    gold: GoldMarks | None = None
    gold_table: pd.DataFrame | None = None
    diff: DiffMarks | None = None
    findings: pd.DataFrame | None = None
    verified: pd.DataFrame | None = None
    hidden: int = 0
    title: str = "zhclaims review"


class Columns:
    """Mark rows built up column by column."""

    def __init__(self) -> None:
        self.names = ["doc", "type", "start", "end", "sent_start", "sent_end", *SHOWN_COLUMNS, "gold", "diff"]
        self.data: dict[str, list] = {n: [] for n in self.names}
        self.by_claim: dict[str, int] = {}

    def add(self, doc: int, kind: str, row: dict, view: Shown, raw: str, status: dict) -> int:
        index = len(self.data["doc"])
        span = view.span(int(row["start"]), int(row["end"]))
        sentence = sentence_span(raw, row)
        sentence_shown = view.span(*sentence) if sentence else None
        values = {"doc": doc, "type": kind, "start": span[0] if span else None, "end": span[1] if span else None,
                  "sent_start": sentence_shown[0] if sentence_shown else None,
                  "sent_end": sentence_shown[1] if sentence_shown else None, **status}
        for name in self.names:
            self.data[name].append(plain(values[name]) if name in values else plain(row.get(name)))
        if kind == "claim":
            self.by_claim[str(row["claim_id"])] = index
        return index


def encoded(values: list) -> list | dict:
    """A column as it is, or — when it repeats a few strings — as those strings and an index
    into them (kinds, units, metric ids, rules …), which the page decodes on load."""
    if not values or not all(v is None or isinstance(v, str) for v in values):
        return values
    distinct = list(dict.fromkeys(values))
    if len(distinct) * 2 > len(values):
        return values
    position = {v: i for i, v in enumerate(distinct)}
    return {"values": distinct, "index": [position[v] for v in values]}


def _details(fields: dict[str, tuple]) -> dict[str, list]:
    return {name: [plain(a), plain(b)] for name, (a, b) in fields.items()}


def _document_rows(cols: Columns, doc: int, source: Source, claims: list[dict], inputs: Inputs,
                   extra: dict[str, dict]) -> None:
    view, raw = shown(source), source.raw
    gold, diff = inputs.gold, inputs.diff
    for row in claims:
        claim = str(row["claim_id"])
        status = {"gold": gold.status.get(claim, "") if gold else "",
                  "diff": diff.status.get(claim, "") if diff else ""}
        index = cols.add(doc, "claim", row, view, raw, status)
        if gold and gold.wrong.get(claim):
            extra["gold_fields"][str(index)] = _details(gold.wrong[claim])
        if diff and claim in diff.changed:
            extra["diff_fields"][str(index)] = _details(diff.changed[claim])
    for miss in gold.misses_of(source.doc_id) if gold else ():
        cols.add(doc, "miss", {**miss, "claim_id": ""}, view, raw, {"gold": "miss", "diff": ""})
    for old in diff.removed_of(source.doc_id) if diff else ():
        cols.add(doc, "removed", {**old, "claim_id": ""}, view, raw, {"gold": "", "diff": "removed"})


def _evaluation(inputs: Inputs, docs: list[str]) -> dict | None:
    if inputs.gold_table is None:
        return None
    s = score(inputs.claims, inputs.gold_table, docs)
    wrong_counts = {f: sum(1 for w in s.wrong if w[1] == f) for f in REPORT_FIELDS}
    return {"documents": len(docs), "detection": s.detection, "strict": s.strict,
            "fields": [{"field": f, "strict": f in STRICT_FIELDS, "accuracy": s.fields[f], "wrong": wrong_counts[f]}
                       for f in REPORT_FIELDS],
            "misses": len(s.misses), "spurious": len(s.spurious)}


def _difference(inputs: Inputs) -> dict | None:
    if inputs.diff is None or inputs.diff.summary is None:
        return None
    d = inputs.diff.summary
    return {"added": len(d.added), "removed": len(d.removed), "changed": len(d.changed), "fields": d.per_field()}


def _findings(inputs: Inputs, cols: Columns) -> list[dict]:
    if inputs.findings is None:
        return []
    out = []
    for f in inputs.findings.to_dict("records"):
        ids = [str(f["claim_id"]), *str(f["other_claim_id"]).split()]
        rows = [cols.by_claim[i] for i in ids if i in cols.by_claim]
        if rows:
            out.append({"check": f["check"], "scope": f["scope"], "confidence": f["confidence"],
                        "message": f["message"], "rows": rows})
    return out


def _verification(inputs: Inputs, cols: Columns) -> tuple[dict, dict | None]:
    if inputs.verified is None:
        return {}, None
    per_row: dict[str, list] = {}
    for v in inputs.verified.to_dict("records"):
        index = cols.by_claim.get(str(v["claim_id"]))
        telling = v["status"] != "not_found" or str(v["detail"]).startswith("no reference for")
        if index is not None and telling:                # not "no entity", "no metric", "a plan"
            per_row.setdefault(str(index), []).append(
                {k: plain(v[k]) for k in ("figure", "claimed", "status", "reference_period", "reference_value",
                                          "reference_unit", "reference_metric", "source", "detail")})
    totals = inputs.verified["status"].value_counts().to_dict()
    return per_row, {k: int(v) for k, v in totals.items()}


def build(inputs: Inputs) -> tuple[dict, list[str]]:
    """(the report's data, the shown text of each article, in the order of `data['docs']`)."""
    cols = Columns()
    extra: dict[str, dict] = {"gold_fields": {}, "diff_fields": {}}
    texts: list[str] = []
    docs: list[dict] = []
    by_doc: dict[str, list[dict]] = {}
    for row in inputs.claims.sort_values(["doc_id", "start"], kind="stable").to_dict("records"):
        by_doc.setdefault(str(row["doc_id"]), []).append(row)
    for index, source in enumerate(inputs.sources):
        _document_rows(cols, index, source, by_doc.get(source.doc_id, []), inputs, extra)
        texts.append(shown(source).text)
        docs.append({"id": source.doc_id, "title": inputs.titles.get(source.doc_id, ""), "fmt": source.fmt,
                     "gold": inputs.gold is not None and source.doc_id in inputs.gold.docs})
    with_gold = [str(d["id"]) for d in docs if d["gold"]]
    verify_rows, verify_totals = _verification(inputs, cols)
    data = {"title": inputs.title, "columns": {name: encoded(values) for name, values in cols.data.items()},
            "docs": docs, "hidden": inputs.hidden,
            "findings": _findings(inputs, cols), "evaluation": _evaluation(inputs, with_gold),
            "difference": _difference(inputs), "verify": verify_rows, "verify_totals": verify_totals,
            "gold_fields": extra["gold_fields"], "diff_fields": extra["diff_fields"],
            "strict_fields": STRICT_FIELDS}
    return data, texts
