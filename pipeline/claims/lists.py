"""Distributive lists: figures written as a list share what is written after the last one.

"12, 15 and 18 bn yuan respectively" gives three amounts in yuan; "12.8/11.6/10.6 times"
three multiples; "-0.31/+0.05/-0.08 pct" three changes in percentage points. The list's
members are returned as completed copies (a figure, once read, is never changed).
"""
from __future__ import annotations

from dataclasses import replace

import regex

from . import lexicon
from .figures import Figure, direction_of

# What a bare list member takes from the list's last figure.
_TAKES_MEASURE = ("money", "percent", "multiple", "pp")


def _runs(figures: list[Figure], sentence: str, role: str) -> list[list[Figure]]:
    """Runs of two or more figures of `role` separated only by list separators."""
    runs: list[list[Figure]] = []
    current: list[Figure] = []
    for fig in figures:
        if fig.role != role:
            current = []
            continue
        if current and _joined(sentence[current[-1].end:fig.start], role):
            current.append(fig)
        else:
            current = [fig]
            runs.append(current)
    return [run for run in runs if len(run) > 1]


def _joined(gap: str, role: str) -> bool:
    """Two figures of a list: only separators between them — or, for changes, a separator and
    the second change's own verb ("up 5% and down 2% respectively")."""
    if lexicon.list_separator().match(gap):
        return True
    sign, stem = direction_of(gap)
    return role == "change" and sign != 0 and lexicon.verb_list_separator().match(stem) is not None


def distribute(figures: list[Figure], sentence: str) -> tuple[list[Figure], list[list[Figure]]]:
    """The figures with list members completed, and the runs of levels (for periods and
    metrics handed out in order)."""
    figures = _bare_before_changes(figures, sentence)
    completed: dict[int, Figure] = {}
    level_runs = _runs(figures, sentence, "level")
    for run in level_runs:
        last = run[-1]
        scale = _scale_of(last, sentence)
        for i, fig in enumerate(run[:-1]):
            run[i] = completed[id(fig)] = _completed(fig, last, scale)
    for run in _runs(figures, sentence, "change"):
        for fig in run[:-1]:
            completed[id(fig)] = _completed_change(fig, run[-1], sentence)
        # "lower by 0.3 and 0.5 points": the verb before the first member signs them all
        for before, fig in zip(run, run[1:], strict=False):
            member = completed.get(id(fig), fig)
            if run[0].sign < 0 < member.sign and not direction_of(sentence[before.end:fig.start])[0]:
                completed[id(fig)] = _negated(member)
    return [completed.get(id(f), f) for f in figures], level_runs


def _negated(fig: Figure) -> Figure:
    def flip(v: float | None) -> float | None:
        return -v if v is not None else None
    return replace(fig, sign=-1, change_pct=flip(fig.change_pct), change_pp=flip(fig.change_pp),
                   change_abs=flip(fig.change_abs))


def change_runs(figures: list[Figure], sentence: str) -> list[list[Figure]]:
    """Runs of changes written as a list ("up 11.7% and 10.2% respectively"). A list told by a
    growth noun ("growth rates of 4.5% and 5.2% respectively") is a list of rates: every member
    is read as its first is."""
    runs = _runs(figures, sentence, "change")
    for run in runs:
        for fig in run[1:]:
            fig.rate_noun = fig.rate_noun or run[0].rate_noun
    return runs


def _bare_before_changes(figures: list[Figure], sentence: str) -> list[Figure]:
    """A bare number listed before a change is a change too ("faster by 4.6 and 3.1 points")."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        fig, following = out[i], out[i + 1]
        if (fig.role == "level" and fig.bare and fig.measure == "count" and fig.value is not None
                and following.role == "change" and following.measure in ("pp", "percent")
                and lexicon.list_separator().match(sentence[fig.end:following.start])):
            change = abs(fig.value) * (following.sign or 1)
            out[i] = replace(fig, role="change", measure=following.measure, bare=False, value=None,
                             sign=following.sign, unit_spans=following.unit_spans,
                             change_pp=change if following.measure == "pp" else None,
                             change_pct=change if following.measure == "percent" else None)
    return out


def _unit_opens(fig: Figure, following: Figure, sentence: str) -> bool:
    """The figure's measure word is the start of the next figure's unit as written."""
    if not fig.unit or not following.unit_spans:
        return False
    start, end = following.unit_spans[-1]
    return sentence[start:end].startswith(fig.unit) and len(sentence[start:end]) > len(fig.unit)


def _completed(fig: Figure, last: Figure, scale: float | None) -> Figure:
    """A list member with the scale, unit and currency written after the list's last figure."""
    changes: dict = {"bare": False}
    if fig.bare and scale and fig.value is not None:
        changes.update(value=fig.value * scale, unit_spans=last.unit_spans)
    if fig.measure == "count" and not fig.unit and last.measure in _TAKES_MEASURE:
        changes.update(measure=last.measure, unit=last.unit, generic_currency=last.generic_currency)
    elif fig.measure == "count" and not fig.unit and last.measure == "count" and last.unit:
        changes.update(unit=last.unit)                 # "1210, 1190 and 10 million sets": all counted in sets
    return replace(fig, **changes)


def _completed_change(fig: Figure, last: Figure, sentence: str) -> Figure:
    """A bare change in a list of changes takes the unit of the last ("-0.31/+0.05/-0.08pct"),
    also when it is written with the first part of that unit ("0.2 ge and 0.7 ge-points")."""
    bare = not fig.unit or _unit_opens(fig, last, sentence)
    if fig.measure != "count" or not bare or fig.change_abs is None or last.measure not in ("pp", "percent"):
        return fig
    return replace(fig, measure=last.measure, change_abs=None, unit_spans=last.unit_spans,
                   change_pp=fig.change_abs if last.measure == "pp" else None,
                   change_pct=fig.change_abs if last.measure == "percent" else None)


def _scale_of(fig: Figure, sentence: str) -> float | None:
    """The power of ten that a figure's scale word applied (1e8 for "hundred million"), from its digits."""
    digits = regex.match(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?", sentence[fig.start:fig.end])
    if not digits or fig.value is None:
        return None
    written = float(digits.group().replace(",", ""))
    return fig.value / written if written else None
