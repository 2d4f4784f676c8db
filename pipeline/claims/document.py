"""Facts about one document that every sentence needs, computed once, never changed.

`DocFacts` holds the body's period mentions (with bisection indexes for "the most
recent year before here"), the main currency and what a bare yuan sign means
(contract §1), the article's main subject, and a map from document spans to the
raw text.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from pipeline import rules
from pipeline.periods import PeriodMention, YearContext, resolve
from pipeline.quantities import Quantity


def currencies(quantities: Iterable[Quantity]) -> tuple[str, str]:
    """(main currency, currency of a bare yuan sign) of the body's money mentions (contract §1).

    The main currency is the one written most often. A bare yuan sign is CNY, except in
    a document whose most written explicit currency also counts in yuan (New Taiwan
    dollars: rules/claim_filters.yaml `generic_yuan_currencies`).
    """
    explicit: Counter[str] = Counter()
    generic = 0
    for q in quantities:
        if q.kind == "money" and q.unit:
            if q.generic_currency:
                generic += 1
            else:
                explicit[q.unit] += 1
    top = explicit.most_common(1)[0][0] if explicit else ""
    yuan = top if top in rules.load("claim_filters")["generic_yuan_currencies"] else "CNY"
    counts = explicit + Counter({yuan: generic})
    return (counts.most_common(1)[0][0] if counts else "CNY"), yuan


def _last_index(mentions: Sequence[PeriodMention], keep: Callable[[PeriodMention], bool]) -> list[int]:
    """For each mention, the index of the last mention at or before it that `keep`s (-1: none)."""
    out, last = [], -1
    for i, mention in enumerate(mentions):
        if keep(mention):
            last = i
        out.append(last)
    return out


@dataclass(frozen=True)
class DocFacts:
    periods: tuple[PeriodMention, ...]         # body period mentions, document coordinates, by start
    main_currency: str = "CNY"
    yuan_currency: str = "CNY"                 # what a bare yuan sign means in this document
    main_subject: str = ""                     # the article's main company, as written
    raw_text: Callable[[int, int], str] = lambda start, end: ""   # document span → raw text
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _year_at: tuple[int, ...] = field(default=(), repr=False)
    _dated_at: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def build(cls, periods: Sequence[PeriodMention], main_currency: str, yuan_currency: str,
              main_subject: str, raw_text: Callable[[int, int], str]) -> DocFacts:
        ordered = tuple(sorted(periods, key=lambda p: p.start))
        return cls(ordered, main_currency, yuan_currency, main_subject, raw_text,
                   tuple(p.start for p in ordered),
                   tuple(_last_index(ordered, lambda p: p.year is not None)),
                   tuple(_last_index(ordered, lambda p: p.first_year is not None)))

    def _before(self, position: int, index: tuple[int, ...]) -> PeriodMention | None:
        at = bisect.bisect_left(self._starts, position) - 1
        if at < 0 or index[at] < 0:
            return None
        return self.periods[index[at]]

    def year_before(self, position: int) -> YearContext | None:
        """The most recent explicit year before `position` (contract §3 rule 3)."""
        best = self._before(position, self._year_at)
        if best is None or best.year is None:
            return None
        return YearContext(best.year, best.fiscal, resolve(best, None))

    def dated_mention_before(self, position: int) -> PeriodMention | None:
        """The most recent year-bearing period expression before `position` (rule 4)."""
        return self._before(position, self._dated_at)

    def periods_in(self, start: int, end: int) -> list[PeriodMention]:
        """The period mentions inside [start, end), in coordinates relative to `start`."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [replace(p, start=p.start - start, end=p.end - start)
                for p in self.periods[lo:hi] if p.end <= end]
