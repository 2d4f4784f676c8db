"""Weeks as periods: a week is the span of its days (contract §3 spans, `A/B`).

Weekly reports declare the week they cover by its days (this week (17–21 November), or a
span of days that is a whole week: 3–9 November); later week words are told against that
declaration: the week before it, the whole week, next week. Without a declaration a week
word is told against the publication date (Monday to Friday, the trading week), and a
numbered week is the ISO week of the year.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex

from pipeline import rules


@dataclass(frozen=True)
class DeclaredWeek:
    """The days of the week an article declared, and which week it was: weeks from the
    week of publication (0 for a numbered week, taken as the current one) and its number."""
    span: str                 # "2025-11-17/2025-11-21"
    from_now: int
    number: int | None


def declared_week(word: str, number: str | None, span: str) -> DeclaredWeek | None:
    """The declaration a week word with its days in brackets makes, when its days resolved."""
    if not span:
        return None
    from_now = rules.load("periods")["weeks_from_now"].get(_plain(word), 0)
    return DeclaredWeek(span, from_now, int(number) if number else None)


def week_of_days(span: str) -> DeclaredWeek | None:
    """A span of days that is a whole week, Monday to Friday or to Sunday (2025-11-03/2025-11-09):
    a weekly report's week, which its later week words (this week, last week) are told against."""
    try:
        first, last = (datetime.date.fromisoformat(day) for day in span.split("/"))
    except ValueError:
        return None
    whole = first.weekday() == 0 and (last - first).days in (4, 6)
    return DeclaredWeek(span, 0, None) if whole else None


def week_period(word: str, number: str | None, year: int, declared: DeclaredWeek | None,
                published: tuple[int, int, int] | None) -> str:
    """The days of the week a week word means, as a span; '' when nothing says which week."""
    shift = _weeks_after_declared(_plain(word), number, declared)
    if declared is not None and shift is not None:
        return _shifted(declared.span, 7 * shift)
    if number:
        try:
            monday = datetime.date.fromisocalendar(year, int(number), 1)
        except ValueError:
            return ""
        return _days_from(monday, 7)
    offset = rules.load("periods")["weeks_from_now"].get(_plain(word))
    if published is None or offset is None:
        return ""
    today = datetime.date(*published)
    monday = today - datetime.timedelta(days=today.weekday() - 7 * offset)
    return _days_from(monday, rules.load("periods")["relative_week_days"])


def _weeks_after_declared(word: str, number: str | None, declared: DeclaredWeek | None) -> int | None:
    if declared is None:
        return None
    data = rules.load("periods")
    if number:
        return int(number) - declared.number if declared.number is not None else None
    if word in data["weeks_from_declared"]:
        return data["weeks_from_declared"][word]
    if word in data["weeks_from_now"]:
        return data["weeks_from_now"][word] - declared.from_now
    return None


def _plain(word: str) -> str:
    return regex.sub(r"\s+", "", word)


def _days_from(monday: datetime.date, days: int) -> str:
    return f"{monday.isoformat()}/{(monday + datetime.timedelta(days=days - 1)).isoformat()}"


def _shifted(span: str, days: int) -> str:
    try:
        first, last = (datetime.date.fromisoformat(day) for day in span.split("/"))
    except ValueError:
        return ""
    step = datetime.timedelta(days=days)
    return f"{(first + step).isoformat()}/{(last + step).isoformat()}"
