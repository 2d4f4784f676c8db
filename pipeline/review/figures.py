"""Figures as intervals: what a written number can stand for, and periods one step back.

A figure written as "706 yi" (70.6 bn) stands for anything a writer could have rounded or
cut to it: from half a unit of its last written digit below to a whole unit above (70.69 bn
is cut, not rounded, to "706 yi", and writers do both). A published reference figure is
rounded: half a unit either way. A qualifier widens the interval: more than (> >=) opens it
upwards, less than (< <=) downwards, about (~) by ten percent. Two figures agree when
their intervals meet.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

_NUMBER = regex.compile(r"\d+(?:\.\d+)?")
_YEAR = regex.compile(r"(?<!\d)(\d{4})(?!\d)")
ABOUT = 0.10                    # how far "about" (~) reaches either way, relative


def is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def growth_over(self, base: Interval) -> Interval | None:
        """The relative change in percent from `base` to this one (None if base may be <= 0)."""
        if base.lo <= 0 or self.lo < 0:
            return None
        return Interval((self.lo / base.hi - 1) * 100, (self.hi / base.lo - 1) * 100)


def decimals(value: float) -> int:
    text = f"{abs(value):.12g}"
    return 0 if "e" in text or "." not in text else len(text.split(".")[1])


def number_unit(value: float) -> float:
    """The unit of the last digit of a number given without its written form: the last
    non-zero digit, but at least three significant digits (212000000000 → 1e9)."""
    if value == 0:
        return 1.0
    if decimals(value):
        return 10.0 ** -decimals(value)
    digits = str(int(abs(round(value))))
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(10 ** max(0, min(zeros, len(digits) - 3)))


def written_unit(text: str, value: float) -> float:
    """The value of one unit of the last digit written in `text` ("706.9 yi yuan" → 1e7)."""
    match = _NUMBER.search(unicodedata.normalize("NFKC", str(text)).replace(",", ""))
    if match is None or not value or float(match.group()) == 0:
        return number_unit(value)
    written = match.group()
    places = len(written.partition(".")[2])
    return abs(value / float(written)) * 10.0 ** -places


def significant_digits(text: str, value: float) -> int:
    """How many significant digits the figure is written with ("706.9 yi" → 4, "57%" → 2)."""
    match = _NUMBER.search(unicodedata.normalize("NFKC", str(text)).replace(",", ""))
    digits = match.group().replace(".", "").lstrip("0") if match else ""
    if not digits:
        digits = f"{abs(value):.12g}".replace(".", "").strip("0")
    return len(digits)


def interval(value: float, unit: float, qualifier: str = "=", value_max: float | None = None,
             cut: bool = True) -> Interval:
    """The values a figure stands for; `cut`: the writer may have cut digits off (one unit
    away from zero), not only rounded (half a unit)."""
    top = value if value_max is None or is_empty(value_max) else float(value_max)
    low, high = min(value, top), max(value, top)
    away = unit if cut else unit / 2
    lo = low - (away if low < 0 else unit / 2)
    hi = high + (unit / 2 if high < 0 else away)
    if qualifier in (">", ">="):
        hi = math.inf
    elif qualifier in ("<", "<="):
        lo = -math.inf
    elif qualifier == "~":
        lo, hi = min(lo, low - abs(low) * ABOUT), max(hi, high + abs(high) * ABOUT)
    return Interval(lo, hi)


def level_interval(row) -> Interval | None:
    """The interval a claim's level value stands for; None for change-only claims."""
    if is_empty(row.get("value")):
        return None
    value = float(row["value"])
    return interval(value, written_unit(row.get("text", ""), value), str(row.get("qualifier") or "="),
                    row.get("value_max"))


def change_interval(row, name: str) -> Interval | None:
    """The interval of a claim's change (`change_pct`, `change_pp` or `change_abs`)."""
    if is_empty(row.get(name)):
        return None
    value = float(row[name])
    anchored = row.get("kind") == "change"           # the anchor is the change figure itself
    unit = written_unit(row.get("text", ""), value) if anchored else number_unit(value)
    qualifier = str(row.get("qualifier") or "=") if anchored else "="
    top = row.get("change_max") if name != "change_abs" else None
    return interval(value, unit, qualifier, top)


def show(value: Any) -> str:
    """A number for a reader: 70690000000 → 70,690,000,000; 0.52 → 0.52."""
    if is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:.6g}"
    return str(value)


# ----- periods -----------------------------------------------------------------------------

def year_before(period: str) -> str:
    """The same period a year earlier: 2025 → 2024, 2025-Q1/2025-Q3 → 2024-Q1/2024-Q3."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) - 1), period)


def step_before(period: str) -> str:
    """The previous quarter of a quarter, the previous month of a month; else ''."""
    quarter = regex.fullmatch(r"(FY)?(\d{4})-Q([1-4])", period)
    if quarter:
        fy, year, q = quarter.group(1) or "", int(quarter.group(2)), int(quarter.group(3))
        return f"{fy}{year - 1}-Q4" if q == 1 else f"{fy}{year}-Q{q - 1}"
    month = regex.fullmatch(r"(\d{4})-(\d{2})", period)
    if month:
        year, m = int(month.group(1)), int(month.group(2))
        return f"{year - 1}-12" if m == 1 else f"{year}-{m - 1:02d}"
    return ""


def prior_period(period: str, basis: str) -> str:
    """The period a change is measured from: a year back for yoy (and for a bare change of
    a whole year), a step back for qoq and mom; '' when the text does not say."""
    if not period:
        return ""
    if basis == "yoy" or (not basis and regex.fullmatch(r"(FY)?\d{4}", period)):
        return year_before(period)
    if basis in ("qoq", "mom"):
        return step_before(period)
    return ""


def period_shape(period: str) -> str:
    """What kind of period it is (year, quarter, month, span …), digits blanked."""
    return regex.sub(r"\d", "9", period)


def period_stated(row) -> bool:
    """True when the claim's own sentence names its period ("the full year", "2024" …); False when the
    period was carried over from earlier in the article."""
    phrase = str(row.get("period_text") or "").strip()
    return bool(row.get("period")) and bool(phrase) and phrase in str(row.get("sentence") or "")
