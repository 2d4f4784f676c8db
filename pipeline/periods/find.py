"""Finding period expressions (contract §3) in normalized text.

`find_periods(text)` returns every period expression as a `PeriodMention`: where
it is, what shape it has (year, half, quarter, month, day, spans, duration, "same
period last year", "N months ended"), and the year it carries if any. Patterns
are in `rules/periods.yaml`. Resolving a mention to its normal form is `resolve.py`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import regex

from pipeline import rules
from pipeline.quantities.numerals import small_int

__all__ = ["PeriodMention", "find_periods"]


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    text: str
    shape: str                  # year, half, quarter, month, day, *_span, duration, pub_day …
    fields: tuple               # (name, value) pairs of the named groups that matched
    rule: str
    serves_context: bool = True  # False for since-phrases, kept comparison bases, prior-figure brackets
    prior_figure: bool = False   # the year of a bracket giving a prior figure: "(2024: HK$…)"
    comparison_base: bool = False  # a comparison base ("than last year"): the period of no claim …
    names_figure: bool = False     # … except of the figure it names ("than last year's 11.6 bn")
    since: bool = False            # a since-phrase ("since 2023"): the period of no claim

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)

    @property
    def year(self) -> int | None:
        """The explicit year the phrase carries (the last one written), else None."""
        for name in ("y2", "y", "yy2", "yy"):
            year = _year_value(self.get(name), name.startswith("yy"))
            if year is not None:
                return year
        return None

    @property
    def first_year(self) -> int | None:
        year = _year_value(self.get("y"), False)
        return year if year is not None else _year_value(self.get("yy"), True)

    @property
    def fiscal(self) -> bool:
        """A fiscal year written as such ("FY25"), or a year ended on another day than
        31 December ("the year ended 30 June 2026"): phrases that borrow its year are fiscal too."""
        return self.get("fy") is not None or (self.shape == "ended" and _ends_a_fiscal_year(self))


def _ends_a_fiscal_year(m: PeriodMention) -> bool:
    months = rules.load("periods")["ended_spans"].get(m.get("span") or "")
    return months == 12 and small_int(m.get("m") or "") not in (None, 12)


def _year_value(raw: str | None, two_digits: bool) -> int | None:
    """A year written in Arabic or Chinese digits (2025, or four Chinese digits); 25 → 2025 for two digits."""
    value = small_int(raw) if raw else None
    if value is None:
        return None
    return value + 2000 if two_digits else value


@functools.cache
def _compiled() -> tuple[list[tuple[str, str, regex.Pattern, regex.Pattern | None]], regex.Pattern, regex.Pattern]:
    """(rule id, shape, pattern, gate) of every period pattern: a gated pattern is tried only in
    a text where its gate (its `needs`) occurs."""
    data = rules.load("periods")
    parts = data["parts"]

    def splice(pattern: str) -> str:
        for name, sub in parts.items():
            pattern = pattern.replace("{" + name + "}", sub)
        return pattern

    compiled = []
    for rule in data["rules"]:
        patterns = rule["pattern"] if isinstance(rule["pattern"], list) else [rule["pattern"]]
        for entry in patterns:
            pattern, needs = (entry, None) if isinstance(entry, str) else (entry["pattern"], entry["needs"])
            try:
                # No pattern starts with optional white space (a relative year takes its spaces
                # with it: (?:(?<rel>…)\s*)?), so no match starts in a run of spaces and the
                # engine can scan for each pattern's first characters.
                gate = None if needs is None else regex.compile(rules.scannable(splice(needs)))
                compiled.append((rule["id"], rule["shape"], regex.compile(rules.scannable(splice(pattern))), gate))
            except regex.error as exc:
                raise rules.RuleError(f"rules/periods.yaml: rule {rule['id']}: {exc}") from exc
    return compiled, regex.compile(data["comparison_before"]), regex.compile(data["comparison_keeps"])


@functools.cache
def _contexts() -> dict[str, regex.Pattern]:
    data = rules.load("periods")
    return {key: regex.compile(data[key]) for key in
            ("since_before", "since_after", "prior_figure_before", "prior_figure_after",
             "event_day_before", "event_day_after", "event_day_named", "event_day_verb", "release_day_verb",
             "multiple_base_after")}


def _candidates(text: str) -> list[PeriodMention]:
    compiled, _, _ = _compiled()
    found: list[PeriodMention] = []
    for rule_id, shape, pattern, gate in compiled:
        if gate is not None and gate.search(text) is None:
            continue                        # the pattern cannot match where what it needs is absent
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            if start == end:
                continue
            fields = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            found.append(PeriodMention(start, end, text[start:end], shape, fields, rule_id))
    return found


def _longest_first(found: list[PeriodMention], length: int) -> list[PeriodMention]:
    """Where mentions overlap, the longest wins."""
    found.sort(key=lambda p: (-(p.end - p.start), p.start))
    chosen: list[PeriodMention] = []
    taken = [False] * (length + 1)
    for mention in found:
        if any(taken[mention.start:mention.end]):
            continue
        chosen.append(mention)
        for i in range(mention.start, mention.end):
            taken[i] = True
    return chosen


def _serves_context(text: str, p: PeriodMention, window: int, kept_base: bool, since: bool) -> bool:
    """Since-phrases ("since 2023"), comparison bases kept for a figure of their own ("than
    last year's 11.6 bn"), prior-figure brackets ("(2024: HK$…)"), "same period last year"
    and a past relative year that names a prior figure ("last year's 417,000 cars") never
    lend their year to later claims (contract §3 rule 5); nor does a day an event is set for."""
    _, _, keeps = _compiled()
    past = rules.load("periods")["relative_years"].get(p.get("rel") or "", 0) < 0
    if p.shape == "same_period" or (past and keeps.match(text, p.end)):
        return False
    return not (kept_base or since or _is_prior_figure(text, p, window) or _is_event_day(text, p))


def _is_event_day(text: str, p: PeriodMention) -> bool:
    """A yearless day an event is set for ("listing on 9 December"), not a date figures are told as of."""
    c = _contexts()
    if p.shape not in ("day", "pub_day") or p.year is not None:
        return False
    if c["release_day_verb"].match(text, p.end) is not None:
        return True         # the day figures came out on ("released today"), not what they measure
    if rules.load("periods")["relative_days"].get(p.get("dayrel") or "") == 0:
        return False        # what happens today ("listed today") is what the page reports, no event ahead
    if c["event_day_verb"].match(text, p.end) is not None:
        return True
    if c["event_day_named"].search(text, max(0, p.start - 2), p.start):
        return True         # "the ex-dividend day is 22 January"
    # the preposition stands right before the day (a space or a time zone at most)
    return (c["event_day_before"].search(text, max(0, p.start - 10), p.start) is not None
            and c["event_day_after"].match(text, p.end) is not None)


def _is_since(text: str, p: PeriodMention, window: int) -> bool:
    """A since-phrase; "from January to October" is a span, not one."""
    if p.shape.endswith("_span"):
        return False
    return bool(_contexts()["since_before"].search(text, max(0, p.start - window), p.start)
                or _contexts()["since_after"].match(text, p.end))


def _is_prior_figure(text: str, p: PeriodMention, window: int) -> bool:
    c = _contexts()
    return bool(c["prior_figure_before"].search(text, max(0, p.start - window), p.start)
                and c["prior_figure_after"].match(text, p.end))


def find_periods(text: str) -> list[PeriodMention]:
    """Every period expression in `text`, longest first where they overlap, in order."""
    _, comparison, keeps = _compiled()
    window = rules.load("periods")["comparison_window"]
    out = []
    multiple = _contexts()["multiple_base_after"]
    for p in _longest_first(_candidates(text), len(text)):
        compared = bool(comparison.search(text, max(0, p.start - window), p.start))
        # "2.1 times 2024's": no figure of its own ("below the 5-year average of 22 times" has one)
        told_against = not compared and bool(multiple.match(text, p.end))
        base = told_against or compared
        since = _is_since(text, p, window)
        out.append(replace(p, serves_context=_serves_context(text, p, window, base, since),
                           prior_figure=_is_prior_figure(text, p, window), comparison_base=base,
                           names_figure=base and not told_against and bool(keeps.match(text, p.end)),
                           since=since))
    return sorted(out, key=lambda p: p.start)
