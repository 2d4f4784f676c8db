"""Which metric a figure gets: the mention in the text, then an ordered list of strategies.

`metric_mention` (mention.py) finds the metric phrase the words name for a figure (before
it in its clause, right after it, or a metric-like noun phrase). For a level, the
strategies in `LEVEL_STRATEGIES` then decide, first answer wins, whether the row
takes that mention, another phrase, or continues the metric of an earlier claim.
Each strategy is a small function of a `LevelCase`; the table-driven tests in
tests/test_metric_strategies.py show each one at work.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from . import lexicon
from .continuation import continues_previous, unit_text
from .figures import Figure
from .lexicon import MetricMention
from .mention import metric_mention
from .metric_ids import is_quoted_rate
from .rows import Row
from .sentence import Sentence
from .state import PassState
from .subject_words import lexicon as subject_lexicon
from .subjects import is_noun_phrase, names_an_entity
from .topic import topic_metric


def metric_since_last_figure(fig: Figure, s: Sentence, state: PassState) -> MetricMention | None:
    """A metric named after the previous figure, in an earlier clause ("…; vegetable prices turned, up 1.5%")."""
    verbs, _, _ = lexicon.verb_metrics()
    between = [m for m in s.metrics if state.last_end <= m.start and m.end <= fig.start
               and s.text[m.start:m.end] not in verbs]
    if len(between) > 1 and between[-2].metric == between[-1].metric \
            and lexicon.alias_opening().fullmatch(s.text, between[-2].end, between[-1].start):
        return between[-2]           # "consumer price index (CPI)": the name, not its alias
    return between[-1] if between else None


def _unclaimed_ratio(fig: Figure, s: Sentence, state: PassState) -> MetricMention | None:
    """A ratio metric named earlier in the sentence that no row has taken yet."""
    used = {row.metric_span for row in state.rows}
    earlier = [m for m in s.metrics if m.end <= fig.start and m.kind == "ratio"
               and s.doc_span(m.start, m.end) not in used]
    return earlier[-1] if earlier else None


@dataclass(frozen=True)
class Choice:
    """A level's metric: a phrase of its own, or the metric of a claim it continues (both: a
    phrase of its own about the subject of the claim before, as a share of that claim's part)."""
    metric: MetricMention | None = None
    continued: Row | None = None


@dataclass(frozen=True)
class LevelCase:
    """What the level strategies look at."""
    fig: Figure
    found: MetricMention | None            # metric_mention() of the figure
    clause: int
    s: Sentence
    state: PassState
    share: regex.Match | None              # a share-of phrase before a percent figure

    @property
    def ratio(self) -> bool:
        return self.fig.measure in ("percent", "multiple")


def share_of_phrase(case: LevelCase) -> Choice | None:
    """"…, 39% of the group total": a share's metric is its own phrase, from its share word to
    the total (and its noun), as contract-only labellers read it; the part named before it is
    the claim it continues (for the subject)."""
    if case.share is None or case.share.group("phrase") in lexicon.claim_rules()["share_words"]:
        return None
    start, end = case.share.span("phrase")
    end = start + len(lexicon.claim_rules()["share_tail"].sub("", case.share.group("phrase")))
    if end - start < 2:
        return None                  # the share word alone: the total is named after the figure
    metric = MetricMention(start, end, lexicon.claim_rules()["share_metric"], "ratio")
    rows = case.state.rows
    return Choice(metric, rows[-1] if rows and rows[-1].metric_span else None)


def prior_figure_continues(case: LevelCase) -> Choice | None:
    """A prior figure in brackets ("(2024: 36.02 tn)") is the claim before it, a year earlier."""
    previous = case.state.previous_row()
    inside = case.s.in_prior_figure_bracket(case.fig)
    return Choice(None, previous) if inside and previous is not None and case.found is None else None


def named_in_text(case: LevelCase) -> Choice | None:
    found = case.found
    if found is not None and case.s.text[found.start:found.end] in lexicon.claim_rules()["share_words"]:
        # "computing investment's share will rise to 40%": the part written right before the share word
        part = [m for m in case.s.metrics if m.end == found.start]
        if part:
            return Choice(MetricMention(part[-1].start, found.end, found.metric, found.kind))
    return Choice(found) if found is not None else None


def sentence_topic(case: LevelCase) -> Choice | None:
    """"As for the share price, X closed at 168.5": a metric named as the sentence's topic
    (rules/subjects.yaml topic_words right after it) is the metric of figures that name none."""
    topic = topic_metric(case.s)
    return Choice(topic) if topic is not None and topic.end <= case.fig.start else None


def price_named_before_a_quote(case: LevelCase) -> Choice | None:
    """"the share price opened higher, touched 12.04, now at 11.86": a price named earlier in
    the sentence is the metric of a quote after it that names none; an index, of a level in
    points after it ("the index opened 117 points lower, fell 338 points to 26,311") (rules/metrics.yaml)."""
    quote_before, quoted = _quote_rules()
    s = case.s
    if case.found is not None or not quote_before.search(s.text, case.clause, case.fig.start):
        return None
    index = case.fig.measure != "money"
    prices = [m for m in s.metrics if m.end <= case.clause and m.metric in quoted
              and (m.metric in lexicon.self_named_metrics()) == index]
    if not prices:
        return None
    price = prices[-1]
    # a price measured in its own clause ("up 3.2% pre-market") or a quote of another name after
    # it is no such topic; an index stays the topic of its own moves
    own_figure = not index and any(s.clause(f.start) == s.clause(price.start) for f in s.figures)
    return None if own_figure or names_an_entity(s.text, price.end, case.fig.start) else Choice(price)


@functools.cache
def _quote_rules() -> tuple[regex.Pattern, frozenset[str]]:
    data = rules.load("metrics")
    return regex.compile(data["quote_before"]), frozenset(data["quoted_prices"])


def base_continues_previous(case: LevelCase) -> Choice | None:
    """A comparison base ("than last year's 11.6 bn") continues the claim it is compared with."""
    previous = case.state.previous_row()
    return Choice(None, previous) if case.fig.base and previous else None


def ratio_named_since_last_figure(case: LevelCase) -> Choice | None:
    """"…revenue share is highest, at 41.0%": a ratio's metric named after the last figure."""
    if not case.ratio:
        return None
    metric = metric_since_last_figure(case.fig, case.s, case.state)
    return Choice(metric) if metric is not None else None


def named_before_a_link_clause(case: LevelCase) -> Choice | None:
    """"the share price rose today, closing at 7.12": a clause of only a link verb takes the metric named
    in the clause before it."""
    if not lexicon.claim_rules()["link_only_clause"].fullmatch(case.s.text, case.clause, case.fig.start):
        return None
    metric = metric_since_last_figure(case.fig, case.s, case.state)
    if metric is not None:
        return Choice(metric)
    # "the index touched 23,612 intraday and closed at 23,567": the level before, restated
    rows = case.state.rows
    same_unit = rows and rows[-1].metric_span and rows[-1].unit_spans and case.fig.unit_spans and \
        case.s.text[slice(*case.fig.unit_spans[-1])] == unit_text(rows[-1], case.s)
    return Choice(None, rows[-1]) if same_unit else None


def continues_previous_clause(case: LevelCase) -> Choice | None:
    if continues_previous(case.fig, case.clause, case.s, case.state):
        return Choice(None, _continued_amount(case))
    return None


def _continued_amount(case: LevelCase) -> Row | None:
    """The claim before — but an amount continues the last amount: one converted at an exchange
    rate ("at 30.6 to the dollar, about NT$979.2 bn") restates the amount before the rate, and a
    market's orders after a share ("US 20.97 bn, a share above 30%; ASEAN 9.25 bn") the orders."""
    previous = case.state.previous_row()
    if previous is not None and previous.kind == "change" and case.fig.measure == "count" and case.fig.unit:
        # a count continues the last level counted in its measure word, not a change after it
        levels = (r for r in reversed(case.state.rows or case.state.last_rows)
                  if r.kind == "count" and r.unit == case.fig.unit)
        return next(levels, previous)
    if previous is None or case.fig.measure != "money":
        return previous
    amounts = (row for row in reversed(case.state.rows or case.state.last_rows)
               if row.kind == "amount" and not is_quoted_rate(row.metric))
    return next(amounts, previous)


def _run_of(case: LevelCase) -> list[Figure] | None:
    """The list of figures the level is a member of, or None."""
    return next((run for run in case.s.runs if case.fig in run), None)


def listed_metric(case: LevelCase) -> Choice | None:
    """"output and sales were 16.1 m and 15.9 m respectively": a list of as many metrics
    written before a distributive list of figures is handed out in order."""
    place = case.s.run_index(case.fig)
    run = _run_of(case)
    if place is None or run is None or not case.s.distributive:
        return None
    metrics = lexicon.listed_run([m for m in case.s.metrics if m.end <= run[0].start], case.s.text)
    if len(metrics) == 1 and len(run) > 1:         # one term naming as many metrics ("output and sales")
        ids = _paired_ids(case.s.text[metrics[0].start:metrics[0].end])
        return Choice(replace(metrics[0], metric=ids[place])) if len(ids) == len(run) else None
    return Choice(metrics[place]) if len(metrics) == len(run) > 1 else None


@functools.cache
def _paired_terms() -> dict[str, tuple[str, ...]]:
    return {normalize_text(k): tuple(v) for k, v in rules.load("metrics")["paired_terms"].items()}


def _paired_ids(term: str) -> tuple[str, ...]:
    """The metrics a term names at once, in order (rules/metrics.yaml paired_terms), or ()."""
    return _paired_terms().get(term, ())


def named_after_list(case: LevelCase) -> Choice | None:
    """"A, B and C led with 268 bn, 215 bn and 193 bn of sales respectively": a metric named
    right after the last figure of a distributive list is every member's."""
    run = _run_of(case)
    if run is None or not case.s.distributive or case.fig is run[-1]:
        return None
    found = metric_mention(run[-1], case.s)
    return Choice(found) if found is not None and found.start >= run[-1].end else None


def later_member_of_list(case: LevelCase) -> Choice | None:
    """Later figures of a distributive list share the first one's metric."""
    if case.s.run_index(case.fig) and case.state.run_rows:
        return Choice(None, case.state.run_rows[0])
    return None


def _bare_item(text: str) -> regex.Match | None:
    """A list item that opens with a name and its figure, no colon between ("② Film 2 315 m"),
    when the name is a noun phrase or a work's title (not a verb: "A registered 15,200")."""
    bare = subject_lexicon()["bare_item"].match(text)
    if bare is None or bare.group("name")[:1] in lexicon.claim_rules()["title_marks"]:
        return bare
    return bare if is_noun_phrase(bare.group("name"), lexicon.claim_rules()["item_flags"]) else None


def list_item_continues(case: LevelCase) -> Choice | None:
    """A list item that gives a name and its figure ("● Leapmotor: 14,600 cars") continues the
    last claim counted in the same unit, in its sentence or the one before (the list's lead)."""
    heading = subject_lexicon()["layout_names"][0].match(case.s.text)
    bare = _bare_item(case.s.text) if heading is None else None
    opening = heading or bare
    if opening is None or case.fig.start > opening.end() + 2 or case.fig.measure not in ("count", "money"):
        return None
    earlier = case.state.rows or case.state.last_rows     # its sentence's claims, else the lead's
    # (an item with no heading continues the claim right before it, even one told by a verb)
    same = [r for r in earlier if r.unit == case.fig.unit and (r.metric_span or bare) and r.kind != "change"]
    return Choice(None, same[-1]) if same and case.fig.unit else None


def unclaimed_ratio(case: LevelCase) -> Choice | None:
    """A ratio takes a ratio metric named earlier in the sentence that no row has taken."""
    return Choice(_unclaimed_ratio(case.fig, case.s, case.state)) if case.ratio else None


LevelStrategy = Callable[[LevelCase], "Choice | None"]
# The order is the precedence: a share phrase overrides a metric named in the text;
# a named metric overrides every continuation.
LEVEL_STRATEGIES: tuple[LevelStrategy, ...] = (
    share_of_phrase, prior_figure_continues, listed_metric, named_in_text, named_after_list,
    base_continues_previous, sentence_topic, price_named_before_a_quote,
    ratio_named_since_last_figure, named_before_a_link_clause, continues_previous_clause, later_member_of_list,
    list_item_continues, unclaimed_ratio,
)


def level_case(fig: Figure, s: Sentence, state: PassState) -> LevelCase:
    clause = s.clause(fig.start)
    share = lexicon.claim_rules()["share_of"].search(s.text, clause, fig.start) if fig.measure == "percent" else None
    if share is not None and any(m.start < share.start("phrase") < m.end for m in s.metrics):
        share = None                # a term that names a part and its share ("overseas revenue share")
    elif share is not None and share.group("phrase").startswith(tuple(lexicon.claim_rules()["share_words"])) \
            and share.group("phrase") not in lexicon.claim_rules()["share_words"]:
        share = None                # "its share rose to 28.7%": the share word is the metric term itself
    return LevelCase(fig, metric_mention(fig, s), clause, s, state, share)


def choose_level_metric(case: LevelCase) -> Choice:
    """The first strategy that answers decides; none answering means no metric."""
    for strategy in LEVEL_STRATEGIES:
        choice = strategy(case)
        if choice is not None:
            return choice
    return Choice()
