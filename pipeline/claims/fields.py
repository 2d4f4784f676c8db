"""Filling a row's fields from its figure and the words around it.

Kind and unit (contract §2), currency of money without a currency word (§1), the
period (row_period.py), the basis of a change, modality, and subject. `new_row` puts
them together.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import replace

from . import lexicon
from .areas import is_area_word
from .basis import change_basis, listed_basis
from .candidates import candidates
from .document import DocFacts
from .entities import entity_id, entity_type
from .figures import Figure
from .improvement import signed_for
from .lexicon import MetricMention
from .metric_ids import canonical_metric, is_quoted_rate, refined_by_topic
from .row_period import period_for, set_period
from .rows import Row
from .sentence import Sentence
from .state import PassState
from .subject_words import coded_heading
from .subjects import SubjectMention, find_subject, last_named, listed_at


def currency(fig: Figure, facts: DocFacts, position: int) -> str:
    if fig.generic_currency:
        return facts.currencies.bare_yuan(position)
    return fig.unit or facts.currencies.unwritten(position)


def kind_and_unit(fig: Figure, metric_kind: str, facts: DocFacts, position: int) -> tuple[str, str]:
    if fig.role == "change":
        if fig.change_abs is None:
            return "change", ""
        return "change", currency(fig, facts, position) if fig.measure == "money" else fig.unit
    if fig.measure == "money":
        return "amount", currency(fig, facts, position)
    if fig.measure in ("percent", "multiple"):
        return "ratio", fig.unit or "%"
    if fig.measure == "count" and metric_kind == "money" and not fig.unit:
        return "amount", facts.currencies.unwritten(position)
    if fig.measure == "count" and metric_kind == "ratio" and not fig.unit:
        return "ratio", ""                    # a rate written without its percent sign (PMI 51.2)
    return "count", fig.unit


@functools.lru_cache(maxsize=256)
def _item_starts(sentence: str) -> tuple[int, ...]:
    """Where each item of a sentence joined by spaced dashes starts (0 first)."""
    return (0, *(m.end() for m in lexicon.modality()["item_separator"].finditer(sentence)))


def _starts_between(clauses: list[int], low: int, position: int) -> list[int]:
    """The clause starts after `low` up to the clause of `position`, walking back clause by
    clause (each step jumps to the start before), so the cost is the number of clauses."""
    starts, at = [], clauses[min(position, len(clauses) - 1)]
    while at > low:
        starts.append(at)
        at = clauses[at - 1]
    return starts[::-1]


def modality_of(sentence: str, position: int, clauses: list[int], end: int | None = None) -> str:
    """Forecast or plan when such a word governs the figure at `position`: earlier in
    the sentence, with no scope-breaking clause (rules/modality.yaml) in between; or a
    goal named right after the figure (ending at `end`)."""
    m = lexicon.modality()
    after = m["plan_after"].match(sentence, end) if end is not None else None
    items = _item_starts(sentence)
    scope_start = items[bisect.bisect_right(items, position) - 1]
    for start in _starts_between(clauses, scope_start, position):
        if m["scope_breakers"].match(sentence, start):
            scope_start = start
    if m["expected_value"].search(sentence, scope_start, position):
        return "forecast"       # "above the market's expected 34.9 bn": that figure is the expectation
    # a noun use may be told by the figure itself ("target ... 76%"): mask up to the figure's end
    seen = sentence[scope_start:position if end is None else end]
    prefix = m["blocked"].sub(lambda x: " " * len(x.group()), seen)[:position - scope_start]
    if any(_governs(sentence, scope_start + x.start(), position, clauses) for x in m["forecast"].finditer(prefix)):
        return "forecast"
    if m["plan"].search(prefix) or after is not None:
        return "plan"
    return "actual"


def _governs(sentence: str, at: int, position: int, clauses: list[int]) -> bool:
    """A forecast word reaches a figure in a later clause unless it reports what others
    expected ("the market had expected …"): that reaches its own clause only."""
    m, own = lexicon.modality(), clauses[min(at, len(clauses) - 1)]
    return own == clauses[min(position, len(clauses) - 1)] or \
        not (m["consensus_before"].search(sentence, own, at) and m["consensus_after"].match(sentence, at))


def _continues(level_row: Row, fig: Figure, s: Sentence) -> bool:
    """A change continues its level's period unless its own clause names a later one."""
    own = period_for(fig, s)
    return own is None or s.start + own.start <= (level_row.period_span or (0, 0))[0]


def _self_named(row: Row, fig: Figure, s: Sentence) -> tuple[int, int] | None:
    """The metric phrase of a metric that names its own subject (an index), in the claim's clause."""
    if row.metric not in lexicon.self_named_metrics() or not row.metric_span:
        return None
    start = row.metric_span[0] - s.start
    return row.metric_span if 0 <= start and s.clause(start) == s.clause(fig.start) else None


def _subject(row: Row, fig: Figure, s: Sentence, facts: DocFacts, state: PassState) -> tuple[str, str]:
    """(subject as written, its entity id): the candidate before the claim, else the
    paragraph's last subject, else the article's main subject."""
    named = _self_named(row, fig, s)
    if named is not None:
        written = facts.raw_text(*named)
        return written, entity_id(written)
    # a clause that continues an earlier clause's metric (a sub-item, "of which, the NIO brand 17,143";
    # a market, "ASEAN 9.25 bn") is about what it names before its figure, not before that metric
    asked = replace(row, metric_span=None) if row.metric_span and not _in_own_clause(row, fig, s) else row
    found = find_subject(s.text, s.start, asked, s.clauses, facts.credited, facts.statistics, s.listed(fig),
                         facts.known_names)
    if found is not None and found.segment:
        ending = facts.raw_text(*s.doc_span(*found.suffix)) if found.suffix else ""
        return facts.raw_text(*s.doc_span(found.start, found.end)) + ending, ""
    if found is not None and _means_the_region(s.text[found.start:found.end], facts):
        return facts.main_subject, facts.main_subject_id
    if found is not None and not found.reference:
        written = facts.raw_text(*s.doc_span(found.start, found.end))
        if s.in_sub_items(fig.start) and not listed_at(s.text, found.end):
            return written, found.entity_id     # a part of a breakdown is no topic for the claims after it
        state.last_subject, state.last_subject_id, state.unread = written, found.entity_id, []
    _read_unread(facts, state)
    # "the company" means an organisation: not a place named since ("bases in Tianjin")
    place = found is not None and found.reference and entity_type(state.last_subject_id) == "region"
    if state.last_subject and not place:
        return state.last_subject, state.last_subject_id
    if found is None and state.section_topic:
        return state.section_topic, ""          # a release's section on a sector: its sub-indices are the sector's
    if state.section_name:
        return state.section_name, entity_id(state.section_name)
    return facts.main_subject, facts.main_subject_id


def _in_own_clause(row: Row, fig: Figure, s: Sentence) -> bool:
    start = (row.metric_span or (-1, -1))[0] - s.start
    return 0 <= start < len(s.text) and s.clause(start) == s.clause(fig.start)


def _means_the_region(word: str, facts: DocFacts) -> bool:
    """A word for the whole of a region in a release about a named region ("the whole province")."""
    return facts.statistics and is_area_word(word) and entity_type(facts.main_subject_id) == "region"


def remember_section(heading: str, start: int, facts: DocFacts, state: PassState) -> None:
    """A statistics release's section heading ("II. China's non-manufacturing PMI") names the sector
    its claims are about when they name none of their own; a heading without a sector ends it."""
    sector = next((c for c in candidates(heading) if c.kind == "sector"), None)
    state.section_topic = facts.raw_text(start + sector.start, start + sector.end) if sector else ""


def remember_coded_heading(sentence: str, start: int, facts: DocFacts, state: PassState) -> None:
    """A line that is a name with its stock code in brackets heads a section about it, to the next
    blank line: its lines that name no one are that name's."""
    heading = coded_heading(sentence)
    if heading is not None:
        state.section_name = facts.raw_text(start + heading[0], start + heading[1])


def remember_subject(sentence: str, start: int, facts: DocFacts, state: PassState) -> None:
    """A sentence without claims may still name the entity that a later back-reference means;
    it is read when a claim needs it (`_read_unread`)."""
    state.unread.append((sentence, start))


def _read_unread(facts: DocFacts, state: PassState) -> None:
    """The last entity named by the claim-less sentences since the last subject, latest first."""
    while state.unread:
        sentence, start = state.unread.pop()
        found = last_named(sentence, facts.credited, facts.statistics, facts.known_names)
        # a place a company's article mentions in passing ("plants in Vietnam and India") is where, not who
        if found is not None and not _passing_place(found, facts):
            state.last_subject = facts.raw_text(start + found.start, start + found.end)
            state.last_subject_id, state.unread = found.entity_id, []


def _passing_place(found: SubjectMention, facts: DocFacts) -> bool:
    return (entity_type(found.entity_id) == "region" and bool(facts.main_subject)
            and entity_type(facts.main_subject_id) != "region")


def new_row(fig: Figure, metric: MetricMention | None, continued: Row | None,
            s: Sentence, facts: DocFacts, state: PassState) -> Row:
    """A row for `fig`, its metric named by `metric` or continued from `continued`."""
    # a clause that continues a money metric ("live commerce 413.8 bn") states money too
    named_kind = metric.kind if metric else lexicon.metric_kind(continued.metric) if continued else ""
    kind, unit = kind_and_unit(fig, named_kind, facts, s.start + fig.start)
    row = Row(s.start + fig.start, s.start + fig.end, kind, value=fig.value, value_max=fig.value_max,
              unit=unit, unit_spans=tuple(s.doc_span(a, b) for a, b in fig.unit_spans), qualifier=fig.qualifier,
              change_pct=fig.change_pct, change_pp=fig.change_pp, change_abs=fig.change_abs,
              change_max=fig.change_max, rule=fig.rule, sentence_span=s.doc_span(0, len(s.text)))
    if metric is not None:
        row.metric, row.metric_span = metric.metric, s.doc_span(metric.start, metric.end)
    elif continued is not None:
        row.metric, row.metric_span = continued.metric, continued.metric_span
    if continued is not None and fig.role == "change" and _continues(continued, fig, s):
        row.take_period(continued)
        # "of which, Shanghai up 5.1%": a sub-item's own name, else the subject of the claim continued
        row.subject, row.subject_id = _subject(row, fig, s, facts, state) if s.in_sub_items(fig.start) \
            else (continued.subject, continued.subject_id)
    else:
        # the figure a "same period last year" base or a prior-figure bracket is compared with:
        # the sentence's main level (not a base written after it), else the claim before
        main = state.level[0] if state.level is not None and state.rows else state.previous_row()
        set_period(row, fig, s, facts, main)
        if metric is not None and continued is not None:      # a share of the part named before
            row.subject, row.subject_id = continued.subject, continued.subject_id
        else:
            row.subject, row.subject_id = _subject(row, fig, s, facts, state)
    row.metric = canonical_metric(row, fig, s, facts.session)
    if facts.statistics or not row.metric:       # (a phrase with no id: any page's title may head it)
        phrase = s.text[row.metric_span[0] - s.start:row.metric_span[1] - s.start] if row.metric_span else ""
        row.metric = refined_by_topic(row.metric, facts.topic_metrics, phrase)
    if row.kind == "amount" and is_quoted_rate(row.metric):
        row.kind, row.unit = "ratio", ""
    # a base compared with, or a prior figure in brackets, is a past fact even inside a forecast
    expected = fig.base and lexicon.changes()["expected_base"].search(
        s.text, max(0, fig.start - lexicon.windows()["expected_base_reach"]), fig.start)
    past = (fig.base and not expected) or s.in_prior_figure_bracket(fig) or row.period_shape == "same_period"
    row.modality = "actual" if past else modality_of(s.text, fig.start, s.clauses, fig.end)
    if fig.role == "change":
        row.change_basis = listed_basis(fig, s, row.period_shape) \
            or change_basis(fig, s, row.period_shape, row.period)
        if fig.improvement:
            signed_for(row.metric, row)
    return row
