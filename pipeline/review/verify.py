"""`zhclaims verify`: each claim against a reference table of published figures (facts.py).

Every figure a claim states is checked — its level, and its change, which is computed from
the references for its period and the period before — and gets one status:

    supported        it agrees with the reference for its period (rounding-aware: "706 yi"
                     agrees with 70.69 bn, which a writer may cut to it)
    period_mismatch  it disagrees with (or has no) reference for its period but agrees with
                     the reference for another period: the figure is real, the period wrong
    contradicted     there is a reference for its period and the figure disagrees
    not_found        no reference to compare with (no subject, metric or period, another
                     entity, a plan or forecast, or a figure the file does not hold)

A period mismatch is called only for a figure written with three or more significant
digits ("706.9 yi", 221%): that 57% is also another quarter's margin may be chance.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .facts import Fact, Facts
from .figures import Interval, prior_period, show
from .keys import Figure, figures

VERIFY_COLUMNS = ["doc_id", "claim_id", "text", "subject", "metric", "period", "figure", "claimed", "status",
                  "reference_period", "reference_value", "reference_unit", "reference_metric", "source", "detail"]
STATUSES = ["supported", "period_mismatch", "contradicted", "not_found"]
DISTINCTIVE_DIGITS = 3


@dataclass(frozen=True)
class Reference:
    """A reference figure: one fact, or a change computed from two."""
    period: str
    span: Interval
    shown: str
    unit: str
    metric: str
    source: str


def _level_refs(facts: list[Fact], figure: Figure, kind: str) -> list[Reference]:
    """The facts in the figure's unit; a fact without a unit is a count and fits any count
    (whatever measure word the article writes)."""
    return [Reference(f.period, f.span, f"{'' if f.qualifier == '=' else f.qualifier}{show(f.value)}", f.unit,
                      f.metric, f.source) for f in facts
            if f.unit == figure.unit or (not f.unit and kind == "count")]


def _change_refs(facts: list[Fact], figure: Figure, basis: str) -> list[Reference]:
    """Changes computed from two references of the same metric: period and period before."""
    by_key = {(f.metric, f.period): f for f in facts}
    out = []
    for f in facts:
        before = by_key.get((f.metric, prior_period(f.period, basis)))
        if before is None or (figure.name == "change_abs" and f.unit != figure.unit):
            continue
        if figure.name == "change_pct" and f.unit != "%":
            span = f.span.growth_over(before.span)
            shown = f"{(f.value / before.value - 1) * 100:+.3g}% ({show(before.value)} → {show(f.value)})"
        elif (figure.name == "change_pp" and f.unit == "%") or figure.name == "change_abs":
            span = f.span - before.span
            shown = f"{f.value - before.value:+.4g} ({show(before.value)} → {show(f.value)})"
        else:
            continue
        if span is not None:
            out.append(Reference(f.period, span, shown, figure.unit, f.metric, f"{before.source} {f.source}".strip()))
    return out


def _judge(row: dict, figure: Figure, refs: list[Reference]) -> tuple[str, Reference | None, str]:
    period = str(row.get("period") or "")
    at_period = [r for r in refs if r.period == period]
    agree = [r for r in at_period if r.span.meets(figure.span)]
    if agree:
        return "supported", agree[0], ""
    elsewhere = [r for r in refs if r.period != period and r.span.meets(figure.span)
                 and (figure.digits >= DISTINCTIVE_DIGITS or not period)]
    if elsewhere and not period:
        return "supported", elsewhere[0], "the claim has no period; the figure is the reference's"
    if elsewhere:
        best = elsewhere[0]
        said = f"; the reference for {period} is {at_period[0].shown}" if at_period else ""
        return "period_mismatch", best, f"the figure is the reference for {best.period}, not {period}{said}"
    if at_period:
        return "contradicted", at_period[0], f"the reference for {period} is {at_period[0].shown}"
    return "not_found", None, f"no reference for {row.get('metric')} {period or '(no period)'}"


def _result(row: dict, figure: Figure, status: str, ref: Reference | None, detail: str) -> dict:
    return {"doc_id": row["doc_id"], "claim_id": row["claim_id"], "text": row["text"],
            "subject": row.get("subject", ""), "metric": row.get("metric", ""), "period": row.get("period", ""),
            "figure": figure.name, "claimed": figure.written, "status": status,
            "reference_period": ref.period if ref else "", "reference_value": ref.shown if ref else "",
            "reference_unit": ref.unit if ref else "", "reference_metric": ref.metric if ref else "",
            "source": ref.source if ref else "", "detail": detail}


def _why_not(row: dict, entity: str) -> str:
    if str(row.get("modality") or "actual") != "actual":
        return f"a {row['modality']}, not a published figure"
    if not row.get("metric"):
        return "the claim has no metric"
    if not entity:
        return f"no reference entity for subject {row.get('subject') or '(none)'!r}"
    return ""


def verify_row(row: dict, facts: Facts, default_entity: str = "") -> list[dict]:
    """The statuses of one claim's figures (at least one row per claim)."""
    entity = facts.entity_of(str(row.get("subject") or "")) or (default_entity if not row.get("subject") else "")
    found = figures(row) or [Figure("value", "", Interval(0, 0), str(row.get("text", "")), 0)]
    reason = _why_not(row, entity)
    if reason:
        return [_result(row, f, "not_found", None, reason) for f in found]
    about = facts.about(entity, str(row["metric"]))
    judged = []
    for figure in found:
        if figure.name == "value":
            refs = _level_refs(about, figure, str(row.get("kind", "")))
        else:
            refs = _change_refs(about, figure, str(row.get("change_basis") or ""))
        judged.append((figure, refs, *_judge(row, figure, refs)))
    return [_result(row, figure, *_shared_period(judged, figure, refs, status, ref, detail))
            for figure, refs, status, ref, detail in judged]


def _shared_period(judged: list, figure: Figure, refs: list[Reference], status: str, ref: Reference | None,
                   detail: str) -> tuple[str, Reference | None, str]:
    """A claim's figures share a period: when its level is another period's figure, a change
    that agrees with that period is a period mismatch too, however few its digits."""
    if status in ("supported", "period_mismatch"):
        return status, ref, detail
    for other, _, other_status, other_ref, _ in judged:
        if other is figure or other_status != "period_mismatch" or other_ref is None:
            continue
        agree = [r for r in refs if r.period == other_ref.period and r.span.meets(figure.span)]
        if agree:
            said = f"like the claim's {other.name}, it is the reference for {agree[0].period}"
            return "period_mismatch", agree[0], said
    return status, ref, detail


def verify(table: pd.DataFrame, facts: Facts, entity: str = "") -> pd.DataFrame:
    """Every claim of `table` against `facts` (VERIFY_COLUMNS); `entity` is assumed for claims
    without a subject."""
    rows = [r for row in table.to_dict("records") for r in verify_row(row, facts, entity)]
    return pd.DataFrame(rows, columns=VERIFY_COLUMNS)


def counts(result: pd.DataFrame) -> dict[str, int]:
    return {status: int((result["status"] == status).sum()) for status in STATUSES}


def claim_status(result: pd.DataFrame) -> dict[str, str]:
    """One status per claim: the most telling of its figures' (contradicted, then period
    mismatch, then supported, then not found)."""
    order = {"contradicted": 0, "period_mismatch": 1, "supported": 2, "not_found": 3}
    out: dict[str, str] = {}
    for claim, status in zip(result["claim_id"], result["status"], strict=True):
        if claim not in out or order[status] < order[out[claim]]:
            out[claim] = status
    return out
