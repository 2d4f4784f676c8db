"""`zhclaims check`: claims that contradict each other, within an article and across a batch.

    different_values         the same subject, metric and period with values that differ
                             beyond rounding (figures as intervals: figures.py)
    same_figure_other_period the same figure (three or more significant digits, so not by
                             chance) given for two periods, neither inside the other
    growth_mismatch          a stated change that two stated levels contradict (arithmetic.py)
    parts_exceed_total       parts that add up to more than their stated total (arithmetic.py)

A finding is something a reader would not dismiss, so claims are compared only when they
are alike: the same metric, unit and modality; for different values also the same metric
phrase, the same words before it in the clause ("Moutai liquor revenue" is not "direct sales
revenue"), the same change basis, and different sentences (figures listed in one sentence
are about different things). By default a claim takes part only when its own sentence
states what the check relies on — its period, and for different values and across a batch
its subject — since a period or subject carried over from earlier in the article is the
extractor's reading, not the writer's statement. `loose` lets every claim take part and
marks findings that rely on a carried-over period or subject as low confidence. Across a
batch, claims are compared by subject (one script, named entities only).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from . import arithmetic
from .figures import period_stated
from .keys import (
    Figure,
    comparable,
    figures,
    is_specific,
    nested,
    qualifier_words,
    same_subject,
    subject_key,
    subject_stated,
)

FINDING_COLUMNS = ["check", "scope", "confidence", "doc_id", "claim_id", "text", "period", "sentence",
                   "other_doc_id", "other_claim_id", "other_text", "other_period", "other_sentence", "message"]
DISTINCTIVE_DIGITS = 3          # a figure this precise is not given for two periods by chance


@dataclass(frozen=True)
class Entry:
    row: dict
    figure: Figure

    @property
    def doc(self) -> str:
        return str(self.row["doc_id"])

    @property
    def period(self) -> str:
        return str(self.row["period"])


def short_id(row: dict, batch: bool = False) -> str:
    claim = str(row.get("claim_id", ""))
    return claim if batch or "#" not in claim else "#" + claim.rsplit("#", 1)[1]


def needs_subject(check: str, scope: str) -> bool:
    return check == "different_values" or scope == "batch"


def stated(row: dict, check: str, scope: str) -> bool:
    """True when the claim's sentence states what `check` relies on (see the module doc)."""
    return period_stated(row) and (not needs_subject(check, scope) or subject_stated(row))


def finding(check: str, scope: str, rows: list[dict], others: list[dict], message: str) -> dict:
    """A finding naming its claims: `rows[0]` and the claims it conflicts with (`others`);
    of high confidence when every claim states what the check relies on."""
    first = rows[0]
    confidence = "high" if all(stated(r, check, scope) for r in rows + others) else "low"
    return {"check": check, "scope": scope, "confidence": confidence, "doc_id": first["doc_id"],
            "claim_id": first["claim_id"], "text": first["text"], "period": first.get("period", ""),
            "sentence": first.get("sentence", ""),
            "other_doc_id": " ".join(dict.fromkeys(str(o["doc_id"]) for o in others)),
            "other_claim_id": " ".join(str(o["claim_id"]) for o in others),
            "other_text": " + ".join(str(o["text"]) for o in others),
            "other_period": " ".join(dict.fromkeys(str(o.get("period", "")) for o in others)),
            "other_sentence": " | ".join(dict.fromkeys(str(o.get("sentence", "")) for o in others)),
            "message": message}


def clusters(entries: list[Entry]) -> list[list[Entry]]:
    """Entries whose intervals share a common point, in order of their lower ends."""
    out: list[list[Entry]] = []
    common = None
    for entry in sorted(entries, key=lambda e: (e.figure.span.lo, e.figure.span.hi)):
        span = entry.figure.span
        if common is not None and span.meets(common):
            out[-1].append(entry)
            common = type(span)(max(common.lo, span.lo), min(common.hi, span.hi))
        else:
            out.append([entry])
            common = span
    return out


def _label(entry: Entry) -> str:
    name = {"value": "", "change_pct": " change", "change_pp": " change", "change_abs": " change"}
    return f"{entry.row['metric']}{name[entry.figure.name]}"


def _first(entries: Iterable[Entry]) -> Entry:
    return min(entries, key=lambda e: (e.doc, int(e.row.get("start", 0))))


def _apart(x: Entry, y: Entry, batch: bool) -> bool:
    """Across a batch: from different articles; within one: from different sentences (two
    figures of one metric in one sentence are a list — other segments, products, regions)."""
    if batch:
        return x.doc != y.doc
    return str(x.row.get("sentence", "")) != str(y.row.get("sentence", ""))


def _pair(left: list[Entry], right: list[Entry], batch: bool) -> tuple[Entry, Entry] | None:
    """The first claims of two groups that are apart (see `_apart`), if any."""
    order = sorted(left, key=lambda e: (e.doc, int(e.row.get("start", 0))))
    for x in order:
        others = [y for y in right if _apart(x, y, batch)]
        if others:
            return x, _first(others)
    return None


def different_values(group: list[Entry], scope: str) -> list[dict]:
    batch = scope == "batch"
    out = []
    by_period: dict[str, list[Entry]] = defaultdict(list)
    for entry in group:
        by_period[entry.period].append(entry)
    for period, entries in by_period.items():
        found = clusters(entries)
        for left, right in zip(found, found[1:], strict=False):
            pair = _pair(left, right, batch)
            if pair is None:
                continue
            a, b = sorted(pair, key=lambda e: (e.doc, int(e.row.get("start", 0))))
            message = (f"{_label(a)} for {period}: {a.figure.written} ({short_id(a.row, batch)}) and "
                       f"{b.figure.written} ({short_id(b.row, batch)}) differ beyond rounding")
            out.append(finding("different_values", scope, [a.row], [b.row], message))
    return out


def same_figure_other_period(group: list[Entry], scope: str) -> list[dict]:
    batch = scope == "batch"
    out = []
    distinctive = [e for e in group if e.figure.digits >= DISTINCTIVE_DIGITS]
    for cluster in clusters(distinctive):
        by_period: dict[str, list[Entry]] = defaultdict(list)
        for entry in sorted(cluster, key=lambda e: (e.doc, int(e.row.get("start", 0)))):
            by_period[entry.period].append(entry)
        periods = list(by_period)
        for i, pa in enumerate(periods):
            for pb in periods[i + 1:]:
                pair = None if nested(pa, pb) else _pair(by_period[pa], by_period[pb], batch)
                if pair is None:
                    continue
                a, b = pair
                message = (f"{_label(a)}: {a.figure.written} is given for {pa} ({short_id(a.row, batch)}) "
                           f"and {b.figure.written} for {pb} ({short_id(b.row, batch)})")
                out.append(finding("same_figure_other_period", scope, [a.row], [b.row], message))
    return out


def _by_subject(entries: list[Entry]) -> list[list[Entry]]:
    """Within one article: entries grouped by subject, a short name joining its long form."""
    groups: list[list[Entry]] = []
    for entry in entries:
        for group in groups:
            if same_subject(group[0].row.get("subject", ""), entry.row.get("subject", "")):
                group.append(entry)
                break
        else:
            groups.append([entry])
    return groups


def entries(rows: list[dict]) -> list[Entry]:
    return [Entry(row, figure) for row in rows if comparable(row) for figure in figures(row)]


def _groups(found: list[Entry], scope: str, strict_key: bool) -> list[list[Entry]]:
    """Entries that may be compared: same metric, figure, unit and modality — and, when
    `strict_key`, the same metric phrase and, for changes, the same basis (yoy, qoq …)."""
    keyed: dict[tuple, list[Entry]] = defaultdict(list)
    for e in found:
        common: tuple = (e.row["metric"], e.figure.name, e.figure.unit, e.row.get("modality", ""))
        if strict_key:
            basis = e.row.get("change_basis", "") if e.figure.name != "value" else ""
            common += (subject_key(e.row.get("metric_text", "")), qualifier_words(e.row), basis)
        if scope == "document":
            keyed[(e.doc, *common)].append(e)
        elif is_specific(e.row.get("subject", "")):
            keyed[(subject_key(e.row["subject"]), *common)].append(e)
    if scope == "batch":
        return [g for g in keyed.values() if len({e.doc for e in g}) > 1]
    return [sub for group in keyed.values() for sub in _by_subject(group)]


def _usable(found: list[Entry], check: str, scope: str, loose: bool) -> list[Entry]:
    return found if loose else [e for e in found if stated(e.row, check, scope)]


def check(table: pd.DataFrame, loose: bool = False, batch: bool = True) -> pd.DataFrame:
    """Findings for a claim table (FINDING_COLUMNS), within articles and, if `batch`, across them."""
    rows = table.to_dict("records")
    found = entries(rows)
    out: list[dict] = []
    for scope in ("document", "batch") if batch else ("document",):
        for group in _groups(_usable(found, "different_values", scope, loose), scope, strict_key=True):
            out += different_values(group, scope)
        for group in _groups(_usable(found, "same_figure_other_period", scope, loose), scope, strict_key=False):
            out += same_figure_other_period(group, scope)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows if loose else [r for r in rows if period_stated(r)]:
        by_doc[str(row["doc_id"])].append(row)
    for doc_rows in by_doc.values():
        for check_of in (arithmetic.growth_mismatches, arithmetic.parts_exceeding):
            out += [finding(*f) for f in check_of(doc_rows)]
    out.sort(key=lambda f: (f["doc_id"], claim_number(f["claim_id"]), f["check"], f["other_claim_id"]))
    return pd.DataFrame(out, columns=FINDING_COLUMNS)


def claim_number(claim_id: str) -> int:
    tail = str(claim_id).rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0
