"""Assemble claims: the figures of one sentence → rows of the claim table (contract §1–3).

For each figure in order: a level gets its metric (`metric.choose_level_metric`), its
fields (`fields.new_row`) and any change that ran into it ("up 68% to …"); a money
figure right after an amount in brackets is a conversion of it; a change is linked
to its level or becomes a change-only row (`link.link_change`). The running state of
the pass is `state.PassState`.
"""
from __future__ import annotations

import regex

from . import lexicon
from .conversion import conversion_of
from .document import DocFacts
from .fields import new_row
from .figures import Figure, as_rate_level
from .lexicon import MetricMention
from .link import Attach, ChangeCase, attach, link_change
from .metric import choose_level_metric, level_case, metric_mention
from .rows import Row
from .sentence import Sentence
from .state import PassState


def _add_conversion(fig: Figure, main: Row, s: Sentence, facts: DocFacts, state: PassState) -> None:
    row = new_row(fig, None, main, s, facts, state)
    row.take_period(main)
    row.subject, row.subject_id = main.subject, main.subject_id
    row.take_change(main)
    main.linked.append(row)
    state.rows.append(row)


def _attach_pending(row: Row, clause: int, s: Sentence, state: PassState) -> None:
    """A change written before its level in the same clause ("up 68% to 194 bn"), or in the
    clause right before one that opens with the link ("up 12%, to 36.9 m")."""
    pending = [p for p in state.pending if s.clause(p.start) == clause or _next_clause(p, s) == clause]
    if pending:
        attach(row, pending[0], s)
        state.pending = [p for p in state.pending if p is not pending[0]]


def _runs_in_metric(clause: int, s: Sentence, state: PassState) -> MetricMention | None:
    """The metric of a change in the clause before that runs into this level ("revenue up 10%, to 10 bn")."""
    runs_in = [p for p in state.pending if s.clause(p.start) != clause and _next_clause(p, s) == clause]
    return metric_mention(runs_in[0], s) if runs_in else None


def _next_clause(fig: Figure, s: Sentence) -> int:
    comma = _COMMA_AFTER.match(s.text, fig.end)
    return s.clause(comma.end()) if comma and comma.end() < len(s.text) else -1


_COMMA_AFTER = regex.compile(r"\s*[,，]")


def _track_level(row: Row, fig: Figure, s: Sentence, state: PassState) -> None:
    """The new level is the one later changes attach to; a list's rows are remembered."""
    prior = row.period_shape == "same_period" and state.level is not None     # "a year earlier it was 8.6%"
    if fig.base or s.in_prior_figure_bracket(fig) or s.in_prior_values(fig) or prior:
        return                                  # a comparison base or a prior figure: changes belong to the main level
    run_index = s.run_index(fig)
    if run_index is None:
        state.run_rows = []                     # a level outside the list ends it
    else:
        state.run_rows = [row] if run_index == 0 else [*state.run_rows, row]
    share = row.kind == "ratio" and row.metric in lexicon.claim_rules()["share_metrics"]
    state.share_of = state.level if share else None
    state.level = (row, fig)


def add_level(fig: Figure, s: Sentence, facts: DocFacts, state: PassState) -> None:
    case = level_case(fig, s, state)
    if fig.bare and not _named_or_reached(fig, s):
        return                                  # a plain number far from any metric is no claim
    main = conversion_of(fig, s, state)
    if main is not None:
        _add_conversion(fig, main, s, facts, state)
        return
    choice = choose_level_metric(case)
    metric = choice.metric or _runs_in_metric(case.clause, s, state)
    row = new_row(fig, metric, choice.continued, s, facts, state)
    _attach_pending(row, case.clause, s, state)
    _take_changes_written_before(row, case.clause, s, state)
    _take_shared_list_change(row, fig, s, state)
    state.rows.append(row)
    _track_level(row, fig, s, state)


def _named_or_reached(fig: Figure, s: Sentence) -> bool:
    """A bare number is a level right after its metric ("R&D 706"), or where a change reaches it
    ("down 0.3% to 98.64")."""
    w = lexicon.windows()
    start = max(0, fig.start - w["bare_level_reach"])
    reach = lexicon.claim_rules()["bare_level_after"].search(s.text, start, fig.start)
    return reach is not None or any(fig.start - w["bare_metric_gap"] <= m.end <= fig.start for m in s.metrics)


def _take_changes_written_before(row: Row, clause: int, s: Sentence, state: PassState) -> None:
    """"up 412.36 points, a rise of 1.38%, closing at 30,215.48": changes in the clauses right
    before a level reached by a link verb are that level's (one row, not change-only rows)."""
    if row.has_change or not lexicon.claim_rules()["link_only_clause"].fullmatch(s.text, clause, row.start - s.start):
        return
    trailing: list[Row] = []
    intraday = lexicon.claim_rules()["intraday_move"]
    for earlier in reversed(state.rows):
        if earlier.kind != "change" or earlier.linked or intraday.search(
                s.text, s.clause(earlier.start - s.start), earlier.start - s.start):
            break
        trailing.insert(0, earlier)
    pairs = zip(trailing, trailing[1:], strict=False)
    if not trailing or any(not lexicon.list_separator().match(s.text, a.end - s.start, b.start - s.start)
                           and not _only_rate_between(a, b, s) for a, b in pairs):
        return
    for earlier in trailing:
        row.change_abs = row.change_abs if row.change_abs is not None else earlier.change_abs
        row.change_pct = row.change_pct if row.change_pct is not None else earlier.change_pct
        row.change_pp = row.change_pp if row.change_pp is not None else earlier.change_pp
        row.change_max = row.change_max if row.change_max is not None else earlier.change_max
        row.change_basis = row.change_basis or earlier.change_basis
        state.rows.remove(earlier)


def _take_shared_list_change(row: Row, fig: Figure, s: Sentence, state: PassState) -> None:
    """"1-year and 2-year rates both cut 15 bp, to 0.65% and 0.95% respectively": the change told as
    shared right before a distributive list is each listed level's (rules/changes.yaml shared_before_list)."""
    place = s.run_index(fig)
    if place is None or row.has_change:
        state.list_change = None if place is None else state.list_change
        return
    if place == 0:
        state.list_change = _shared_before(fig, s, state)
        if state.list_change is not None:
            state.rows.remove(state.list_change)
    if state.list_change is not None:
        _copy_change(state.list_change, row)


def _shared_before(fig: Figure, s: Sentence, state: PassState) -> Row | None:
    """The change-only row in the clause right before the list's, told as shared."""
    earlier = state.rows[-1] if state.rows and state.rows[-1].kind == "change" else None
    if earlier is None or not s.distributive:
        return None
    at, clause = earlier.end - s.start, s.clause(fig.start)
    between = s.text[at:clause]
    shared = lexicon.changes()["shared_before_list"].search(s.text, s.clause(at), earlier.start - s.start)
    return earlier if shared and s.clause(at) < clause and _COMMA_AFTER.fullmatch(between) else None


def _copy_change(change: Row, row: Row) -> None:
    row.change_abs, row.change_pct, row.change_pp = change.change_abs, change.change_pct, change.change_pp
    row.change_max, row.change_basis = change.change_max, change.change_basis


def _only_rate_between(a: Row, b: Row, s: Sentence) -> bool:
    """Between two changes only a separator and a rate noun ("up 35, a rise of 2.24%")."""
    gap = s.text[a.end - s.start:b.start - s.start]
    return lexicon.changes()["change_rate_gap"].fullmatch(gap) is not None or \
        lexicon.changes()["growth_noun"].fullmatch(gap.strip(" ,，、")) is not None


def _sharing_levels(row: Row, fig: Figure, s: Sentence, state: PassState) -> list[Row]:
    """The levels before `row` in its sentence that a change told as shared ("both down 10 bp
    on the month", rules/changes.yaml shared_change) is also the change of: the run of levels in
    the same unit (or of the same metric: dividends in yuan and in cents) with no change of
    their own right before it."""
    if not lexicon.changes()["shared_change"].match(s.text, s.clause(fig.start), fig.start) \
            or row not in state.rows:
        return []
    sharing: list[Row] = []
    for earlier in reversed(state.rows[:state.rows.index(row)]):
        same_measure = earlier.unit == row.unit or (earlier.kind == row.kind and earlier.metric == row.metric)
        if earlier.kind == "change" or not same_measure or earlier.has_change:
            break
        sharing.insert(0, earlier)
    return sharing


def add_change(fig: Figure, s: Sentence, facts: DocFacts, state: PassState) -> None:
    case = ChangeCase(fig, metric_mention(fig, s), s.clause(fig.start), s, state)
    link = link_change(case)
    if isinstance(link, Attach):
        for row in (*_sharing_levels(link.row, fig, s, state), link.row):
            attach(row, fig, s, link.rate_only)
    elif fig.rate_noun:
        add_level(as_rate_level(fig), s, facts, state)   # "loan growth reached 9.1%": the rate is the level
    else:
        state.rows.append(new_row(fig, link.metric, link.continued, s, facts, state))


def add_figure(fig: Figure, s: Sentence, facts: DocFacts, state: PassState) -> None:
    """One figure of the sentence, in order: a level row, a change kept until its level
    ("up 68% to …"), or a change linked now."""
    if fig.role == "level":
        add_level(fig, s, facts, state)
    elif fig.to_level:
        state.pending.append(fig)
    else:
        add_change(fig, s, facts, state)
    state.last_end = fig.end


def assemble_sentence(s: Sentence, facts: DocFacts, state: PassState) -> list[Row]:
    """Claim rows of one sentence, in order of their anchors."""
    state.start_sentence()
    for fig in s.figures:
        add_figure(fig, s, facts, state)
    for fig in state.pending:
        add_change(fig, s, facts, state)
    return state.finish_sentence()
