"""Resolving a period mention to its normalized form (contract §3).

`resolve(mention, context)` turns a `PeriodMention` into `2025`, `2025-Q4`,
`2025-Q1/2025-Q3`, `FY2025` …, taking a missing year from the context: the most
recent explicit year before the claim (`YearContext`).
"""
from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

import regex

from pipeline import rules
from pipeline.quantities.numerals import small_int

from .find import PeriodMention
from .weeks import DeclaredWeek, week_period

__all__ = ["YearContext", "resolve"]


@dataclass(frozen=True)
class YearContext:
    """The year a year-less period phrase borrows, whether it was fiscal, and the
    normalized period of the most recent dated phrase (for "same period last year")."""
    year: int
    fiscal: bool = False
    last_period: str = ""
    published: tuple[int, int, int] | None = None   # the publication date, for days relative to it
    week: DeclaredWeek | None = None                # the week the article last declared by its days
    reporting: str = ""                             # the period last reported ("during the period")
    report: str = ""                                # the first period reported ("the reporting period")


def _base_year(mention: PeriodMention, context: YearContext | None) -> tuple[int, bool] | None:
    explicit = mention.first_year
    if explicit is not None:
        return explicit, mention.fiscal
    if context is None:
        return None
    offset = rules.load("periods")["relative_years"].get(mention.get("rel") or "", 0)
    return context.year + offset, context.fiscal


def _ended(year: int, month: int, span: str) -> str:
    """The period of "the N months ended <year>-<month>" as a quarter, half, span or year."""
    data = rules.load("periods")
    counted = regex.fullmatch(data["ended_count"], span)
    months = data["ended_spans"].get(span) or (small_int(counted.group("n")) if counted else None)
    return _months_ended(year, month, months or data["ended_quarter_months"])


def _months_ended(year: int, month: int, months: int) -> str:
    if months == 12:                       # a year ended on another date than 31 December is a fiscal year
        return f"FY{year}" if month != 12 else f"{year}"
    if months == 9 and month == 9:
        return f"{year}-Q1/{year}-Q3"
    if months == 6 and month in (6, 12):
        return f"{year}-H{month // 6}"
    if months == 3 and month in (3, 6, 9, 12):
        return f"{year}-Q{month // 3}"
    if not 1 <= month <= 12:
        return ""
    first = year * 12 + month - months      # other lengths or ends: the months it covers
    return f"{first // 12}-{first % 12 + 1:02d}/{year}-{month:02d}"


def _year(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return f"{prefix}{year}"


def same_period_of(m: PeriodMention, period: str) -> str:
    """"The same period last year" (or "of 2019") of a figure dated `period`: that period a
    year earlier (after 2025-H1, 2024-H1), or in the year named."""
    first = _YEAR.search(period)
    shift = 1 if m.year is None or first is None else int(first.group()) - m.year
    return _YEAR.sub(lambda y: str(int(y.group()) - shift), period)


_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")      # a year inside a normalized period


def _same_period(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    # The period last dated in the text, in the year before or the year named.
    if context is not None and context.last_period:
        return same_period_of(m, context.last_period)
    return f"{prefix}{year}"


def _ended_shape(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return _ended(year, small_int(m.get("m") or "") or 0, m.get("span") or "")


def _year_span(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return f"{year}/{m.year}"


def _duration(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    count = small_int(m.get("n") or "")
    return f"{year - count + 1}/{year}" if count else ""


def _half(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    half = rules.load("periods")["halves"].get(m.get("h") or "", 1)
    return f"{prefix}{year}-H{half}"


def _quarter(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    nth = rules.load("periods")["ordinal_quarters"].get(m.get("nth") or "", 1)
    quarter = small_int(m.get("q") or "") if m.get("q") else nth
    return f"{prefix}{year}-Q{quarter}" if quarter and 1 <= quarter <= 4 else ""


def _quarter_span(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    last = small_int(m.get("q2") or "") or 0
    return f"{prefix}{year}-Q1/{prefix}{year}-Q{last}" if 1 <= last <= 4 else ""


def _month(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    month = small_int(m.get("m") or "")
    return f"{year}-{month:02d}" if month and 1 <= month <= 12 else ""


def _month_span(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    first = small_int(m.get("m") or "") if m.get("m") else 1
    last = small_int(m.get("m2") or "")
    if not (first and last and 1 <= first <= last <= 12):
        return ""
    if m.get("first") and last % 3 == 0:        # the first 3, 6, 9 or 12 months, as the months ended then
        return _months_ended(year, last, last)
    half = rules.load("periods")["half_month_spans"].get(f"{first}-{last}")
    if half:
        return f"{year}-H{half}"
    return f"{year}-{first:02d}/{year}-{last:02d}"


def _month_number(text: str) -> int | None:
    """A month written in digits, in Chinese numerals or as an English name (Dec)."""
    return small_int(text) or rules.load("periods")["english_months"].get(text[:3].lower())


def _day(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    # (a span of a month's first days names no first day: it is the 1st)
    month, day = _month_number(m.get("m") or ""), small_int(m.get("d") or "") or (1 if m.get("from_first") else 0)
    if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year}-{month:02d}-{day:02d}"


def _day_span(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    """From one day to another ("from 2 to 5 December", "from 8 pm on 13 October to 11 November");
    from the first of a month to the last of a month, the months it covers, as months ended are
    read (1 January to 31 October: 2025-01/2025-10; to 30 June: 2025-H1)."""
    first, last_month = _day(m, year, prefix, context), small_int(m.get("m2") or m.get("m") or "")
    last_day, last_year = small_int(m.get("d2") or ""), small_int(m.get("y2") or "") or year
    if not (first and last_month and last_day and 1 <= last_month <= 12 and 1 <= last_day <= 31):
        return ""
    last = f"{last_year}-{last_month:02d}-{last_day:02d}"
    if not last > first:
        return ""
    months = last_year * 12 + last_month - (year * 12 + int(first[5:7])) + 1
    whole = first.endswith("-01") and last_day == calendar.monthrange(last_year, last_month)[1]
    if whole and months > 1:
        return _months_ended(last_year, last_month, months)
    return f"{year}-{last_month:02d}" if whole else f"{first}/{last}"


def _dekad(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    """A ten-day period of a month ("late October": the 21st to the month's end)."""
    month, starts = small_int(m.get("m") or ""), rules.load("periods")["dekad_starts"]
    first = starts.get(m.get("x") or "")
    if not (month and 1 <= month <= 12 and first):
        return ""
    later = [day for day in starts.values() if day > first]
    last = min(later) - 1 if later else calendar.monthrange(year, month)[1]
    return f"{year}-{month:02d}-{first:02d}/{year}-{month:02d}-{last:02d}"


def _pub_day(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    """A day told against the publication date: today, yesterday, "today (the 10th)", "(the 9th)"."""
    if context is None or context.published is None:
        return ""
    py, pm, pd_ = context.published
    day, last = small_int(m.get("d") or ""), small_int(m.get("d2") or "")
    try:
        if day and last:                 # "from the 13th to the 17th"
            return f"{datetime.date(py, pm, day).isoformat()}/{datetime.date(py, pm, last).isoformat()}"
        if day:
            return datetime.date(py, pm, day).isoformat()
        offset = rules.load("periods")["relative_days"].get(m.get("dayrel") or "", 0)
        return (datetime.date(py, pm, pd_) + datetime.timedelta(days=offset)).isoformat()
    except ValueError:
        return ""


def _pub_month(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    """This month: the publication month."""
    if context is None or context.published is None:
        return ""
    py, pm, _ = context.published
    return f"{py}-{pm:02d}"


def _pub_quarter(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    """A quarter told against the publication date (the last quarter before it)."""
    if context is None or context.published is None:
        return ""
    py, pm, _ = context.published
    index = py * 4 + (pm - 1) // 3 + rules.load("periods")["relative_quarters"].get(m.get("qrel") or "", 0)
    return f"{index // 4}-Q{index % 4 + 1}"


def _week(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return week_period(m.get("wk") or "", m.get("wn"), year, context.week if context else None,
                       context.published if context else None)


def _reporting(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return context.reporting if context is not None else ""


def _report(m: PeriodMention, year: int, prefix: str, context: YearContext | None) -> str:
    return context.report if context is not None else ""


# One normalizer per shape of rules/periods.yaml.
_SHAPES = {"year": _year, "same_period": _same_period, "ended": _ended_shape, "year_span": _year_span,
           "duration": _duration, "half": _half, "quarter": _quarter, "quarter_span": _quarter_span,
           "month": _month, "month_span": _month_span, "day": _day, "day_span": _day_span, "dekad": _dekad,
           "pub_day": _pub_day,
           "pub_month": _pub_month, "pub_quarter": _pub_quarter, "week": _week, "reporting": _reporting,
           "report": _report}


def resolve(mention: PeriodMention, context: YearContext | None) -> str:
    """The normalized period of `mention`; '' when no year can be assigned."""
    base = _base_year(mention, context)
    shape = _SHAPES.get(mention.shape)
    if base is None or shape is None:
        return ""
    year, fiscal = base
    return shape(mention, year, "FY" if fiscal else "", context)
