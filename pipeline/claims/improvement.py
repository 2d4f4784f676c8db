"""Changes told as an improvement (rules/changes.yaml improvement_verbs): their sign depends on
the metric. A lower cost ratio or non-performing-loan ratio is the better one, so an improvement
of it is a fall; of anything else, a rise."""
from __future__ import annotations

import functools

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .rows import Row


@functools.cache
def _rules() -> tuple[regex.Pattern, frozenset[str]]:
    data = rules.load("changes")
    verbs = rules.alternation(data["improvement_verbs"], key=normalize_text)
    return regex.compile(rf"(?:{verbs})\s*$"), frozenset(data["improvement_lowers"])


def told_as_improvement(before: str) -> bool:
    """Whether the text before a change figure ends with an improvement word."""
    return _rules()[0].search(before) is not None


def signed_for(metric: str, row: Row) -> None:
    """Turn the change on `row` (told as an improvement) into a fall when `metric` is better lower."""
    if metric not in _rules()[1]:
        return
    for name in ("change_pct", "change_pp", "change_abs", "change_max"):
        value = getattr(row, name)
        if value is not None:
            setattr(row, name, -abs(value))


@functools.cache
def _loss_narrowing() -> regex.Pattern:
    return regex.compile(rules.load("changes")["loss_narrowing"])


def signed_for_profit_below_zero(row: Row, before: str) -> None:
    """A narrowing loss told of a profit written below zero is a rise of that profit."""
    if row.value is None or row.value >= 0 or not _loss_narrowing().search(before):
        return
    for name in ("change_pct", "change_abs"):
        value = getattr(row, name)
        if value is not None:
            setattr(row, name, abs(value))
    low = "change_pct" if row.change_pct is not None else "change_abs"
    if row.change_max is not None and getattr(row, low) is not None:     # a range: its ends in order again
        ends = sorted((getattr(row, low), abs(row.change_max)))
        setattr(row, low, ends[0])
        row.change_max = ends[1]
