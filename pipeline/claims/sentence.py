"""One sentence as the claim rules see it: read once, then only looked at.

`Sentence` holds the normalized text and everything computed from it before any
claim is assembled: clause starts, period mentions, metric mentions, figures and
the distributive runs among them (all in sentence coordinates).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pipeline.periods import PeriodMention
from pipeline.quantities import Quantity
from pipeline.text.segment import clause_starts

from . import lexicon
from .document import DocFacts
from .figure_list import read_figures
from .figures import Figure
from .lexicon import MetricMention
from .lists import change_runs, distribute

_SEMICOLON = regex.compile("[;；]")


@dataclass(frozen=True)
class Sentence:
    text: str                              # normalized sentence
    start: int                             # its offset in the document
    clauses: list[int]                     # clause start of every index (one past the end too)
    periods: list[PeriodMention]
    metrics: list[MetricMention]
    figures: list[Figure]
    runs: list[list[Figure]]               # distributive runs of level figures
    change_runs: list[list[Figure]]        # distributive runs of changes
    distributive: bool                     # a distributive word ("respectively") is written in it

    def clause(self, position: int) -> int:
        return self.clauses[position]

    def in_prior_figure_bracket(self, fig: Figure) -> bool:
        """Whether the figure stands in a bracket that gives a prior figure ("(2024: 36.02 tn)")."""
        return any(p.prior_figure and p.end <= fig.start and not any(ch in self.text[p.end:fig.start] for ch in ")）")
                   for p in self.periods)

    def in_prior_values(self, fig: Figure) -> bool:
        """Whether the figure stands in a bracket that gives earlier values ("(previous: 58.3/76.1/96.4 bn)")."""
        # a bracket of earlier values is short: look back a bounded window, not to the sentence's start
        lo = max(0, fig.start - lexicon.windows()["prior_values_reach"])
        opening = max(self.text.rfind("(", lo, fig.start), self.text.rfind("（", lo, fig.start))
        closing = max(self.text.rfind(")", lo, fig.start), self.text.rfind("）", lo, fig.start))
        return opening > closing and lexicon.claim_rules()["prior_values_bracket"].match(self.text, opening) is not None

    def in_sub_items(self, position: int) -> bool:
        """Whether `position` stands among the sub-items a clause opening with "of which" (rules/
        claim_filters.yaml sub_item_opening) lists, up to the next semicolon: "…, of which
        Shanghai up 5.1%, Beijing down 2.0%" — or, to the sentence's end, among those of a
        breakdown ("among the three sectors, …"; breakdown_opening)."""
        items, breakdowns = self._sub_item_starts
        return any(position >= at and not _SEMICOLON.search(self.text, at, position) for at in items) \
            or any(position >= at for at in breakdowns)

    @functools.cached_property
    def _sub_item_starts(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        rules = lexicon.claim_rules()
        starts = [at for at in sorted(set(self.clauses)) if at < len(self.text)]
        return (tuple(at for at in starts if rules["sub_item_opening"].match(self.text, at)),
                tuple(at for at in starts if rules["breakdown_opening"].match(self.text, at)))

    def run_index(self, fig: Figure) -> int | None:
        """The figure's place in its distributive run (of levels, else of changes), if it is in one."""
        place = self._listed_places.get((fig.start, fig.end))
        return place[0] if place is not None else None

    def listed(self, fig: Figure) -> tuple[int, int] | None:
        """(place, length) of the figure's distributive list, when "respectively" is written."""
        return self._listed_places.get((fig.start, fig.end)) if self.distributive else None

    @functools.cached_property
    def _listed_places(self) -> dict[tuple[int, int], tuple[int, int]]:
        """(place, length) of every run member by its span (one look-up per figure, not a scan; a
        figure read again, as a growth rate read as a level, keeps its place)."""
        places: dict[tuple[int, int], tuple[int, int]] = {}
        for run in (*self.runs, *self.change_runs):
            for i, fig in enumerate(run):
                places.setdefault((fig.start, fig.end), (i, len(run)))
        return places

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.start + start, self.start + end


def read_sentence(text: str, start: int, quantities: Sequence[Quantity], facts: DocFacts) -> Sentence:
    """The sentence `text` (normalized) at document offset `start`, with its quantities."""
    clauses = clause_starts(text)
    periods = facts.periods_in(start, start + len(text))
    blocked = [(p.start, p.end) for p in periods] + facts.blocked_in(start, start + len(text))
    table_row = lexicon.is_table_row(text)     # tables are outside the contract
    figures = [] if table_row else read_figures(text, quantities, clauses, blocked)
    figures, runs = distribute(figures, text)
    metrics = lexicon.find_metrics(text) if figures else []
    distributive = bool(figures) and lexicon.claim_rules()["distributive"].search(text) is not None
    return Sentence(text, start, clauses, periods, metrics, figures, runs, change_runs(figures, text), distributive)
