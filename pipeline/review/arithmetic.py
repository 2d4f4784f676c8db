"""The checks that compute, within one article: a stated change against two stated levels,
and parts against their stated total.

Each returns findings as (check, scope, claims, other claims, message) for check.py.
Levels and changes are intervals (figures.py), so rounding never raises a finding: a
growth rate disagrees only when no reading of the two levels gives it.
"""
from __future__ import annotations

import math

from .figures import Interval, change_interval, level_interval, prior_period
from .keys import metrics_as_part, parts_of, qualifier_words, same_subject

Found = tuple[str, str, list[dict], list[dict], str]
CHANGES = (("change_pct", "%"), ("change_pp", "pp"), ("change_abs", ""))


def _short(row: dict) -> str:
    claim = str(row.get("claim_id", ""))
    return "#" + claim.rsplit("#", 1)[1] if "#" in claim else claim


def _alike(a: dict, b: dict) -> bool:
    """Levels of one thing: same metric, unit, modality, subject and words before the metric."""
    return (a["metric"] == b["metric"] and str(a.get("unit", "")) == str(b.get("unit", ""))
            and a.get("modality") == b.get("modality") and same_subject(a.get("subject", ""), b.get("subject", ""))
            and qualifier_words(a) == qualifier_words(b))


def _level(rows: list[dict], like: dict, period: str) -> dict | None:
    for row in rows:
        if row.get("period") == period and level_interval(row) is not None and _alike(row, like):
            return row
    return None


def _computed(name: str, current: Interval, base: Interval, unit: str) -> Interval | None:
    if name == "change_pct":
        return None if unit == "%" else current.growth_over(base)      # % of a ratio: pp or relative?
    if name == "change_pp":
        return current - base if unit == "%" else None
    return current - base


def _point(name: str, current: float, base: float) -> float:
    """The change the two written levels give."""
    return (current / base - 1) * 100 if name == "change_pct" else current - base


def _growth(rows: list[dict], row: dict, name: str, suffix: str) -> Found | None:
    claimed = change_interval(row, name)
    prior = prior_period(str(row.get("period") or ""), str(row.get("change_basis") or ""))
    if claimed is None or not prior or not row.get("metric"):
        return None
    current = row if level_interval(row) is not None else _level(rows, row, str(row["period"]))
    base = _level(rows, current or row, prior)
    if current is None or base is None or base is current:
        return None
    computed = _computed(name, level_interval(current), level_interval(base), str(current.get("unit", "")))  # type: ignore[arg-type]
    if computed is None or not all(map(math.isfinite, (computed.lo, computed.hi))) or computed.meets(claimed):
        return None
    middle = _point(name, float(current["value"]), float(base["value"]))
    said = row["text"] if row.get("kind") == "change" else f"{float(row[name]):+g}{suffix}"
    levels = [r for r in (current, base) if r is not row]
    of = f"{current['text']} for {row['period']}" if current is row else \
        f"{current['text']} for {row['period']} ({_short(current)})"
    message = (f"{row['metric']} change {said} ({_short(row)}) disagrees with {of} and {base['text']} "
               f"for {prior} ({_short(base)}), which give {middle:+.3g}{suffix or ' ' + str(current.get('unit', ''))}")
    return "growth_mismatch", "document", [row], levels, message


def growth_mismatches(rows: list[dict]) -> list[Found]:
    """Changes that the levels stated for their period and the period before contradict."""
    out = []
    for row in rows:
        for name, suffix in CHANGES:
            found = _growth(rows, row, name, suffix)
            if found:
                out.append(found)
    return out


def _exceeds(total: dict, parts: list[dict]) -> Found | None:
    span = level_interval(total)
    spans = [level_interval(p) for p in parts]
    low = sum(s.lo for s in spans if s is not None)
    if span is None or low <= span.hi:
        return None
    names = " + ".join(f"{p['metric']} {p['text']} ({_short(p)})" for p in parts)
    verb = "adds up to" if len(parts) > 1 else "is"
    message = (f"{names} {verb} more than the {total['metric']} total {total['text']} ({_short(total)}) "
               f"for {total['period']}")
    return "parts_exceed_total", "document", [total], parts, message


def _same_scope(part: dict, total: dict) -> bool:
    return (part.get("period") == total.get("period") and str(part.get("unit", "")) == str(total.get("unit", ""))
            and part.get("modality") == total.get("modality")
            and same_subject(part.get("subject", ""), total.get("subject", "")))


def _breakdown(levels: list[dict], total: dict) -> list[dict]:
    """Claims that may be parts of `total`: its taxonomy's parts, stated after it in its own
    sentence or the next one (where a breakdown is written), for the same subject, period,
    unit and modality; neither the total nor a part may carry words before its metric phrase
    (trade *with one partner* is not the total, *machinery* exports not all exports)."""
    kinds = parts_of(str(total["metric"]))
    if not kinds or qualifier_words(total):
        return []
    after = [r for r in levels if int(r["start"]) > int(total["start"])]
    following = [str(r.get("sentence", "")) for r in sorted(after, key=lambda r: int(r["start"]))
                 if r.get("sentence") != total.get("sentence")]
    sentences = {str(total.get("sentence", ""))} | set(following[:1])
    return [p for p in after if p["metric"] in kinds and str(p.get("sentence", "")) in sentences
            and p.get("kind") in ("amount", "count") and not qualifier_words(p) and _same_scope(p, total)]


def parts_exceeding(rows: list[dict]) -> list[Found]:
    """A part larger than its total, or parts that add up to more (cross-cutting parts, such
    as overseas revenue beside the segments, are never summed)."""
    out = []
    levels = [r for r in rows if r.get("metric") and level_interval(r) is not None]
    for total in levels:
        if total.get("kind") not in ("amount", "count"):
            continue
        parts = _breakdown(levels, total)
        single = [f for f in (_exceeds(total, [p]) for p in parts) if f]
        members: dict[str, dict] = {}
        for part in parts:
            if part["metric"] not in metrics_as_part("alone"):
                members.setdefault(str(part["metric"]), part)
        summed = _exceeds(total, list(members.values())) if len(members) > 1 and not single else None
        out += single + ([summed] if summed else [])
    return out
