"""A sentence's figures in order: each quantity read by `read_figure`, then neighbours that
form one figure combined — two counts joined as a range, two changes joined as a range of
changes, a rate after an absolute change — and list members after a change made changes."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from pipeline.quantities import Quantity

from . import lexicon
from .figures import Figure, direction_of, fixed_change_figures, read_figure, set_change


def _listed(sentence: str, start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """Only list separators (and period phrases) between two figures: the second is the
    next item of the same list."""
    gap = list(sentence[start:end])
    for b_start, b_end in blocked:
        for i in range(max(b_start, start), min(b_end, end)):
            gap[i - start] = " "
    return lexicon.list_separator().match("".join(gap)) is not None


def _count_range(previous: Figure | None, figure: Figure, sentence: str) -> bool:
    """Two counts with the same measure word joined by a range separator are one range."""
    return (previous is not None and previous.role == figure.role == "level" and previous.measure == "count"
            and figure.measure == "count" and bool(previous.unit) and previous.unit == figure.unit
            and previous.value_max is None and previous.value is not None and figure.value is not None
            and previous.value < figure.value
            and lexicon.range_gap().fullmatch(sentence, previous.end, figure.start) is not None)


def _range_of_changes(previous: Figure | None, figure: Figure, sentence: str) -> bool:
    """Two changes in percent joined by a range separator, each with its own verb, are one
    range of changes ("down 3.3% to up 0.3% on the quarter")."""
    if previous is None or previous.role != "change" or figure.role != "change" or previous.change_max is not None:
        return False
    gap = lexicon.range_gap().match(sentence, previous.end, figure.start)
    verb = direction_of(sentence[gap.end():figure.start])[0] if gap else 0
    return (previous.measure == figure.measure == "percent" and previous.change_pct is not None
            and figure.change_pct is not None and verb != 0 and figure.start - gap.end() <= 4)


def _rate_of_change(previous: Figure | None, figure: Figure, sentence: str) -> bool:
    """A percent right after an absolute change, joined by "or", is that change's rate."""
    return (previous is not None and previous.role == "change" and previous.change_abs is not None
            and previous.change_pct is None and figure.measure == "percent"
            and (figure.value is not None or figure.change_pct is not None)
            and (lexicon.changes()["change_rate_gap"].fullmatch(sentence, previous.end, figure.start) is not None
                 or _same_base_rate(previous, figure, sentence)))


def _same_base_rate(previous: Figure, figure: Figure, sentence: str) -> bool:
    """A rate with its own basis word after an absolute change told against the same base."""
    gap = lexicon.changes()["basis_rate_gap"].fullmatch(sentence, previous.end, figure.start)
    if gap is None:
        return False
    lo = max(0, previous.start - lexicon.windows()["change_clause_reach"])     # a bounded look back
    clause = max(max(sentence.rfind(mark, lo, previous.start) for mark in ",，;；") + 1, lo)
    if lexicon.changes()["stock_base"].search(sentence, clause, previous.start):
        return False
    return _basis_named(sentence[gap.start("word"):gap.end()]) == _basis_named(sentence[clause:previous.start]) != ""


def _basis_named(text: str) -> str:
    return next((name for name, pattern in lexicon.changes()["basis"] if pattern.search(text)), "")


_COMMA = regex.compile(r"[,，;；]")

# A rate of change in percent and one as a multiple ("up 86.4% and 1.3 times") are one kind of change.
_RELATIVE = frozenset(("percent", "multiple"))


def _same_kind_of_change(previous: Figure, figure: Figure) -> bool:
    return figure.measure == previous.measure or {figure.measure, previous.measure} <= _RELATIVE


def read_figures(sentence: str, quantities: Sequence[Quantity], clause_starts: list[int],
                 blocked: list[tuple[int, int]]) -> list[Figure]:
    """Every figure of a normalized sentence, in order, from its quantities; `blocked`
    spans (periods) are skipped."""
    figures: list[Figure] = []
    for q in quantities:
        if any(q.start < b_end and b_start < q.end for b_start, b_end in blocked):
            continue
        figure = read_figure(sentence, clause_starts[q.start], q)
        if figure is None:
            continue
        previous = figures[-1] if figures else None
        if _count_range(previous, figure, sentence):
            assert previous is not None
            previous.value_max, previous.end = figure.value, figure.end     # "125,000 to 132,000 cars"
            continue
        if _range_of_changes(previous, figure, sentence):
            assert previous is not None and previous.change_pct is not None and figure.change_pct is not None
            low, high = sorted((previous.change_pct, figure.change_pct))
            previous.change_pct, previous.change_max, previous.end = low, high, figure.end
            continue
        if _rate_of_change(previous, figure, sentence):
            assert previous is not None
            rate = figure.value if figure.value is not None else figure.change_pct
            previous.change_pct = abs(rate or 0) * previous.sign     # "down 2.39 bn, or 44%"
            # "up 121 m or 3.0% to 4.16 bn": the change runs into the level after its rate, in its clause
            head = lexicon.changes()["link_head"].match(sentence[figure.end:])
            previous.to_level = previous.to_level or (head is not None and not _COMMA.search(head.group()))
            continue
        if (previous is not None and previous.role == "change" and figure.role == "level"
                and _same_kind_of_change(previous, figure) and _listed(sentence, previous.end, q.start, blocked)):
            set_change(figure, q, previous.sign)      # "up 11.4% and 24.1% respectively", "Q1 up 5.5%, Q2 5.9%"
        figures.append(figure)
    taken = [(f.start, f.end) for f in figures]
    for figure in fixed_change_figures(sentence):
        if not any(figure.start < e and s < figure.end for s, e in taken):
            figures.append(figure)
    return sorted(figures, key=lambda f: f.start)
