"""The basis of a change (contract §2 change_basis): a basis word in the change's own clause
(year on year → yoy; the sequential word → mom or qoq by the claim's period), a base listed
for a list of changes, or a base named by the year before the claim's (the same period of
2024 on a 2025 figure → yoy) or by the month before the claim's month (September on an
October figure → mom). A base named by a quarter names none (rules/changes.yaml)."""
from __future__ import annotations

import functools

import regex

from pipeline import rules
from pipeline.quantities.numerals import small_int

from . import lexicon
from .figures import Figure
from .sentence import Sentence

__all__ = ["basis_of", "basis_start", "change_basis", "listed_basis"]


def basis_start(fig: Figure, s: Sentence) -> int:
    """Where a change's basis word may stand: its own clause — or, when the change follows
    the base it is compared with ("than last year's 5.4 bn, down 0.37 bn"), the base's clause too."""
    clause = s.clause(fig.start)
    before = [f for f in s.figures if f.end <= fig.start]
    if before and before[-1].base and s.clause(before[-1].start) < clause:
        return s.clause(before[-1].start)
    return clause


def _sequential(period_shape: str) -> str:
    # a figure dated only by its year (the publication's, rule 5) or not at all: monthly data
    # releases say huanbi of it far more often than quarterly reports (30 gold rows to 2)
    if period_shape.startswith("month") or period_shape in ("year", ""):
        return "mom"
    return "" if period_shape in ("day", "day_span", "dekad", "week", "pub_day") else "qoq"


def listed_basis(fig: Figure, s: Sentence, period_shape: str) -> str:
    """The basis in a list member's place among the bases listed before its list (rules/changes.yaml)."""
    place = s.run_index(fig)
    if place is None:
        return ""
    pattern, separator, prefix = _listed_bases()
    listed = pattern.search(s.text, s.clause(fig.start), fig.start)
    bases = separator.split(listed.group("bases")) if listed else []
    if place >= len(bases):
        return ""
    word = prefix + bases[place].strip()
    return basis_of(word, 0, len(word), period_shape)


@functools.cache
def _listed_bases() -> tuple[regex.Pattern, regex.Pattern, str]:
    r = rules.load("changes")
    return regex.compile(r["listed_bases"]), regex.compile(r["listed_bases_separator"]), r["listed_bases_prefix"]


@functools.cache
def _named_year_base() -> regex.Pattern:
    return regex.compile(rules.load("changes")["named_year_base"])


@functools.cache
def _named_year_base_bare() -> regex.Pattern:
    return regex.compile(rules.load("changes")["named_year_base_bare"])


@functools.cache
def _named_month_base() -> regex.Pattern:
    return regex.compile(rules.load("changes")["named_month_base"])


def change_basis(fig: Figure, s: Sentence, period_shape: str, period: str) -> str:
    """The basis of a change: a basis word in its clause, else a base named by the year before `period`."""
    start = basis_start(fig, s)
    return (basis_of(s.text, start, fig.start, period_shape) or _year_named_basis(s, start, fig.start, period)
            or _month_named_basis(s, start, fig.start, period))


def _year_named_basis(s: Sentence, start: int, position: int, period: str) -> str:
    """yoy for a base named by the year before the claim's period ("than the same period of 2024" on a 2025 figure)."""
    named = _named_year_base().search(s.text, start, position)
    if named is None and len(period) == 4 and period.isdigit():     # a whole year's figure: the year before, bare
        named = _named_year_base_bare().search(s.text, start, position)
    year = small_int(named.group("y")) if named else None
    return "yoy" if year is not None and period[:4].isdigit() and year == int(period[:4]) - 1 else ""


def _month_named_basis(s: Sentence, start: int, position: int, period: str) -> str:
    """mom for a base named by the month before the claim's month ("than September" on an October figure)."""
    named = _named_month_base().search(s.text, start, position)
    month = small_int(named.group("m")) if named else None
    own = regex.fullmatch(r"\d{4}-(\d{2})", period)
    return "mom" if month is not None and own is not None and int(own.group(1)) == month % 12 + 1 else ""


def basis_of(sentence: str, clause: int, position: int, period_shape: str) -> str:
    """yoy, qoq or mom from the last basis word in the change's clause before it;
    the sequential word (huanbi) reads as mom on a monthly figure or one dated by its year
    alone, qoq on a quarterly one and as no basis on any other (a week, a day)."""
    window = sentence[clause:position]
    c = lexicon.changes()
    best, best_at = "", -1
    for name, pattern in c["basis"]:
        for match in pattern.finditer(window):
            if match.start() > best_at:
                best, best_at = name, match.start()
    for match in c["sequential"].finditer(window):
        if match.start() > best_at:
            best, best_at = _sequential(period_shape), match.start()
    return best
