"""Linking changes to levels (contract §1): which row a change belongs to.

A change attaches to the level it is stated for — in the same clause, or in the
next clause without a metric of its own — and a level's further changes are
change-only rows continuing it. The decision is an ordered list of strategies
(`CHANGE_STRATEGIES`), each a small function of a `ChangeCase`, first answer wins.
Conversions in brackets ("236.4 bn yuan (32.5 bn dollars)", conversion.py) are rows linked to
their main row and share its change.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from pipeline import rules

from . import lexicon
from .basis import change_basis
from .figures import Figure, direction_of
from .improvement import signed_for, signed_for_profit_below_zero
from .lexicon import MetricMention
from .metric import Choice, metric_since_last_figure
from .rows import Row
from .sentence import Sentence
from .state import PassState
from .subjects import candidates, names_an_entity, opens_with_noun


@dataclass(frozen=True)
class Attach:
    """The change is stated for this existing row (`rate_only`: the rate of a change it already has)."""
    row: Row
    rate_only: bool = False


# The change is a change-only row, whose metric is decided as a level's is: a phrase of
# its own, or the metric of a claim it continues.
NewRow = Choice


@dataclass(frozen=True)
class ChangeCase:
    fig: Figure
    found: MetricMention | None             # metric_mention() of the change
    clause: int
    s: Sentence
    state: PassState

    def level_clauses(self) -> tuple[bool, bool]:
        """(same clause as the current level, in a later clause without a metric or period of its own)."""
        assert self.state.level is not None
        row, level_fig = self.state.level
        level_clause = self.s.clause(level_fig.start)
        same = level_clause == self.clause and (self.found is None or self.found.start < level_fig.start)
        own_metric = self.found is not None and not _restates_share(self.found, row) and not self._base_metric() \
            and not self._restates_level(row, level_clause)
        following = level_clause != self.clause and not own_metric and not _own_period(self)
        return same, following

    def _restates_level(self, row: Row, level_clause: int) -> bool:
        """The clause right after the level's names its metric again, shorter ("net loss 380 m,
        the loss narrowed 97 m"; "net loss attributable 1.67 bn, the loss amount up 26.5%"): the
        change is still the level's."""
        assert self.found is not None
        if not row.metric_span or row.metric_span[0] < self.s.start \
                or self.s.clause(max(self.clause - 1, 0)) != level_clause:
            return False
        named = self.s.text[self.found.start:self.found.end]
        level = self.s.text[row.metric_span[0] - self.s.start:row.metric_span[1] - self.s.start]
        named = lexicon.claim_rules()["restated_tail"].sub("", named) or named
        return named != level and named in level and self.found.metric in (row.metric, "")

    def _base(self) -> regex.Match | None:
        """The comparison word right before the clause's metric ("than the offer price")."""
        return None if self.found is None else \
            lexicon.changes()["base_metric_before"].search(self.s.text, self.clause, self.found.start)

    def _base_metric(self) -> bool:
        """The clause's metric is the base compared with ("than the offer price, up 36%") — and
        no metric of its own stands before the base ("the opening price, than the offer price, …")."""
        return self._base() is not None and self.metric_before_base() is None

    def metric_before_base(self) -> MetricMention | None:
        """The metric the clause names before the base it compares with ("opening price, 120% over offer price")."""
        base = self._base()
        own = [m for m in self.s.metrics if base is not None and self.clause <= m.start and m.end <= base.start()]
        return own[-1] if own else None


def _restates_share(found: MetricMention, row: Row) -> bool:
    """"57.1% of all trade, a share 3.5 points up": the share word names the level's own share."""
    return found.metric == lexicon.claim_rules()["share_metric"] and row.kind == "ratio"


def _own_period(case: ChangeCase) -> bool:
    """The change's clause names a period of its own after any figure before it (a Q3 net addition)."""
    start = max(case.clause, case.state.last_end)
    # a since-phrase ("up 94% since the start of the year") dates nothing of its own, nor does "that day"
    same_day = rules.load("periods")["same_day_words"]
    return any(start <= p.start and p.end <= case.fig.start and not p.comparison_base and not p.since
               and p.get("adverb") is None and (p.get("dayrel") or p.get("wk")) not in same_day for p in case.s.periods)


def distributive_waiting(case: ChangeCase) -> Attach | NewRow | None:
    """"revenue A and B, up x% and y% respectively": each change goes to the next waiting level
    — the levels of a list, or else as many levels of the sentence as the list has changes
    ("A revenue 2860, B revenue 712, up 9.8% and 36.1% respectively")."""
    if not case.s.distributive or case.found is not None:
        return None
    waiting = [row for row in case.state.run_rows if not row.has_change]
    listed = case.s.listed(case.fig)
    if not waiting and listed is not None:
        count = listed[1]
        conversions = {id(linked) for row in case.state.rows for linked in row.linked}
        levels = [row for row in case.state.rows if row.kind != "change" and id(row) not in conversions]
        waiting = [row for row in levels[-count:] if not row.has_change] if len(levels) >= count > 1 else []
    return Attach(waiting[0]) if waiting else None


def pull_on_growth(case: ChangeCase) -> Attach | NewRow | None:
    """"contribution rate 17.9%, pulling growth up 0.9 points" (rules/changes.yaml contribution_before):
    the pull continues the last pull of the sentence, never the level before it."""
    if case.found is not None or not lexicon.changes()["contribution_before"].search(case.s.text, case.clause,
                                                                                   case.fig.start):
        return None
    pulls = [row for row in case.state.rows if row.kind == "change" and row.change_pp is not None]
    return NewRow(None, pulls[-1] if pulls else None)


def rate_in_a_list(case: ChangeCase) -> Attach | NewRow | None:
    """"growth rates of 4.5% and 5.2% respectively" with no levels waiting: each rate is its own
    row, never the change of the rate before it."""
    if case.fig.rate_noun and case.s.listed(case.fig) is not None:
        return NewRow()
    return None


def first_change_of_level(case: ChangeCase) -> Attach | NewRow | None:
    if case.state.level is None:
        return None
    row, _ = case.state.level
    same, following = case.level_clauses()
    # a later clause opening with another entity ("…; shipping fell, Evergreen down 2.35%") is not the level's change
    return Attach(row) if not row.has_change and (same or (following and not _opens_with_name(case)
                                                            and not _new_item(case))) else None


def change_of_what_a_share_is_of(case: ChangeCase) -> Attach | NewRow | None:
    """"installed 17.8 GWh, 19.0% of the total, down 2.1% year on year": a share moves in points;
    a percent change after it, in a later clause, is the change of the level the share is of — a
    further change continuing it when it has one ("…, up 9.4% yoy, up 11.2% mom")."""
    if case.state.share_of is None or case.fig.measure != "percent" or case.found is not None:
        return None
    row, level_fig = case.state.share_of
    share_clause = case.s.clause(case.state.level[1].start) if case.state.level else case.clause
    later = share_clause != case.clause and case.s.clause(level_fig.start) <= share_clause and not _own_period(case)
    return None if not later else NewRow(None, row) if row.has_change else Attach(row)


def _opens_with_name(case: ChangeCase) -> bool:
    """The change's clause opens with a name of the entity table (another company's move)."""
    text = case.s.text
    start = len(text) - len(text[case.clause:].lstrip())
    return any(c.start == start and c.kind == "entity" for c in candidates(text))


_SEMICOLON = regex.compile(r"[;；]")


def _new_item(case: ChangeCase) -> bool:
    """"…made up 78.8% of exports; plastics fell 13.6%", "growth forecast at 3.10%, consumption in
    turn up 2.1%": past a semicolon, or set against the level by a contrast word (rules/changes.yaml
    contrast_item), a clause that names an item of its own before its change verb tells that
    item's change, not the level's."""
    assert case.state.level is not None
    text = case.s.text
    # "…412 m visitors, of which foreigners up 41.6%": a sub-item opened by "of which" is apart too
    opening = lexicon.claim_rules()["sub_item_opening"].match(text, case.clause)
    sign, stem = direction_of(text[opening.end() if opening else case.clause:case.fig.start])
    item = stem.strip(" ,，")
    if not sign or len(item) < 2:
        return False
    level_start = case.state.level[1].start
    sub_item = opening is not None or (case.s.in_sub_items(case.fig.start) and not case.s.in_sub_items(level_start))
    apart = sub_item or _SEMICOLON.search(text, case.state.level[1].end, case.clause) is not None \
        or lexicon.changes()["contrast_item"].match(item) is not None
    return apart and opens_with_noun(item, lexicon.claim_rules()["item_flags"])     # tagging last: it costs most


def rate_of_absolute_change(case: ChangeCase) -> Attach | NewRow | None:
    """"closed at 27,436 points, up 182.55, a rise of 0.67%": a rate noun after a level whose
    change so far is absolute gives the same change as a rate (one row)."""
    if case.state.level is None or case.fig.change_pct is None:
        return None
    row, _ = case.state.level
    rate_noun = lexicon.changes()["growth_noun"].search(case.s.text, case.clause, case.fig.start) \
        or lexicon.changes()["period_move_rate"].match(case.s.text, case.clause, case.fig.start)
    if row.change_abs is not None and row.change_pct is None and rate_noun is not None:
        return Attach(row, rate_only=True)
    return None


def _sub_items(case: ChangeCase) -> bool:
    """The sentence, or the change's clause, lists sub-items of the claim before it ("of
    which, cities up 0.3%")."""
    opening = lexicon.claim_rules()["sub_item_opening"]
    return opening.match(case.s.text) is not None or case.s.in_sub_items(case.fig.start)


def _own_subject(case: ChangeCase) -> bool:
    """The change's clause names an entity of its own ("the ADR rose 3.4%"): it continues no
    one — unless the sentence lists sub-items, whose names are parts of the claim before."""
    return not _sub_items(case) and names_an_entity(case.s.text, case.clause, case.fig.start)


def further_change_of_level(case: ChangeCase) -> Attach | NewRow | None:
    """A level's second change (sequential after year on year) is a change-only row continuing it."""
    if case.state.level is None or _own_subject(case):
        return None
    row, _ = case.state.level
    same, _ = case.level_clauses()
    return NewRow(None, _listed_level(case) or row) if case.found is None or same else None


def _listed_level(case: ChangeCase) -> Row | None:
    """"output and sales 3.53 m and 3.43 m, …, up 2.8% and 3.1% year on year respectively": a further
    list of changes continues the sentence's list of as many levels, member by member."""
    listed = case.s.listed(case.fig)
    levels = [row for row in case.state.rows if row.kind != "change"]
    return levels[-listed[1]:][listed[0]] if listed is not None and len(levels) >= listed[1] > 1 else None


def named_in_text(case: ChangeCase) -> Attach | NewRow | None:
    return NewRow(case.metric_before_base() or case.found) if case.found is not None else None


def named_since_last_figure(case: ChangeCase) -> Attach | NewRow | None:
    metric = metric_since_last_figure(case.fig, case.s, case.state)
    return NewRow(metric) if metric is not None else None


def continues_previous(case: ChangeCase) -> Attach | NewRow | None:
    """No metric: the sentence's last claim, or, in a sub-item sentence ("of which, …"), the document's."""
    if _own_subject(case):
        return NewRow()
    listed = _listed_level(case)
    if listed is not None:
        return NewRow(None, listed)
    if case.state.rows:
        return NewRow(None, _continued(case.state.rows, case.fig))
    return NewRow(None, _continued(case.state.last_rows, case.fig) if _sub_items(case) else None)


def _continued(rows: list[Row], fig: Figure) -> Row | None:
    """The claim a metric-less change continues: the last one — but a percent change does not
    continue a move in points of a growth rate ("CPI up 0.6%, its rise 0.3 points wider; in
    cities up 0.7%": the cities' CPI), it continues the claim the rate was of."""
    if fig.measure != "pp":
        for row in reversed(rows):
            if not (row.change_pp is not None and row.metric == lexicon.change_word("growth_noun_metric")):
                return row
    return rows[-1] if rows else None


ChangeStrategy = Callable[[ChangeCase], "Attach | NewRow | None"]
CHANGE_STRATEGIES: tuple[ChangeStrategy, ...] = (
    distributive_waiting, pull_on_growth, rate_in_a_list, change_of_what_a_share_is_of, first_change_of_level,
    rate_of_absolute_change, further_change_of_level,
    named_in_text, named_since_last_figure, continues_previous,
)


def link_change(case: ChangeCase) -> Attach | NewRow:
    for strategy in CHANGE_STRATEGIES:
        link = strategy(case)
        if link is not None:
            return link
    return NewRow()


def attach(row: Row, fig: Figure, s: Sentence, rate_only: bool = False) -> None:
    """Put the change `fig` on `row` and on the conversions linked to it."""
    if rate_only:
        for target in [row, *row.linked]:
            target.change_pct, target.change_max = fig.change_pct, fig.change_max
        return
    before = s.text[s.clause(fig.start):fig.start]
    for target in [row, *row.linked]:
        target.change_pct, target.change_pp = fig.change_pct, fig.change_pp
        target.change_abs, target.change_max = fig.change_abs, fig.change_max
        target.change_basis = change_basis(fig, s, target.period_shape, target.period)
        if fig.change_abs is not None and target.kind == "change":
            target.unit = fig.unit
        if fig.improvement:
            signed_for(target.metric, target)
        signed_for_profit_below_zero(target, before)
