"""Filling a row's fields from its figure and the words around it.

Kind and unit (contract §2), currency of money without a currency word (§1), the
period (§3 rule 1 in the sentence, rules 3–4 from the document), the basis of a
change, modality, and subject. `new_row` puts them together.
"""
from __future__ import annotations

import regex

from pipeline import rules
from pipeline.periods import PeriodMention, resolve

from . import lexicon
from .document import DocFacts
from .entities import entity_id, entity_type
from .figures import Figure
from .lexicon import MetricMention
from .metric_ids import canonical_metric
from .rows import Row
from .sentence import Sentence
from .state import PassState
from .subjects import find_subject, is_area_word, last_named


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


def period_for(fig: Figure, s: Sentence) -> PeriodMention | None:
    """P of contract §3 step 1, in sentence coordinates: own clause, bracket after, earlier."""
    gap = lexicon.windows()["bracket_period_gap"]
    text, clause = s.text, s.clause(fig.start)
    # A bracket giving a prior figure ("(2024: …)") is the period of the figures inside it
    # only; a comparison base ("than September's 41,581") is the period of its own figure only.
    periods = [p for p in s.periods if (not p.prior_figure or _inside_bracket(p, fig, text))
               and (not p.comparison_base or _names(p, fig, text)) and not p.since]
    for p in periods:
        if fig.end <= p.start <= fig.end + gap and text[fig.end:p.start].strip() in "(（":
            if text[fig.end:fig.end + 1] in "(（":
                return p
    in_clause = [p for p in periods if clause <= p.start and p.end <= fig.start]
    if in_clause:
        return in_clause[-1]
    # "same period last year" dates its own figure only: a figure written after it ends its reach.
    earlier = [p for p in periods if p.end <= fig.start
               and not (p.shape == "same_period" and any(p.end <= f.start < fig.start for f in s.figures))]
    return earlier[-1] if earlier else None


def _names(p: PeriodMention, fig: Figure, text: str) -> bool:
    """A comparison base names this figure ("than last year's 11.6 bn"): it stands right before it."""
    gap = text[p.end:fig.start]
    return p.names_figure and p.end <= fig.start and len(gap) <= lexicon.windows()["base_figure_gap"] \
        and not any(ch in gap for ch in ",，;；")


def _inside_bracket(p: PeriodMention, fig: Figure, text: str) -> bool:
    return p.end <= fig.start and not any(ch in text[p.end:fig.start] for ch in ")）")


def _year_earlier(period: str) -> str:
    return regex.sub(r"(?<!\d)\d{4}(?!\d)", lambda y: str(int(y.group()) - 1), period)


def _prior_period(mention: PeriodMention, main: Row | None) -> str:
    """A prior figure in brackets ("(2024: HK$0.37)", "(last year: 67.9%)") has the main
    figure's period in the named year — a relative year counted from the main figure's."""
    if mention.shape != "year" or main is None or not main.period:
        return resolve(mention, None)
    year = mention.year
    main_year = regex.search(r"(?<!\d)\d{4}(?!\d)", main.period)
    if year is None and main_year is not None and mention.get("rel"):
        year = int(main_year.group()) + rules.load("periods")["relative_years"].get(mention.get("rel"), 0)
    if year is None:
        return resolve(mention, None)
    return regex.sub(r"(?<!\d)\d{4}(?!\d)", str(year), main.period)


def _listed_period(fig: Figure, s: Sentence) -> PeriodMention | None:
    """"Q1, Q2 and Q3 imports were 10.3, 11.1 and 12.2 trillion respectively": a list of as
    many period phrases before a distributive list hands them out in order."""
    listed = s.listed(fig)
    if listed is None:
        return None
    before = [p for p in s.periods if p.end <= fig.start and not p.since and not p.comparison_base]
    run = lexicon.listed_run(before, s.text)
    return run[listed[0]] if len(run) == listed[1] > 1 else None


def set_period(row: Row, fig: Figure, s: Sentence, facts: DocFacts, main: Row | None = None) -> None:
    """The row's period: P in the sentence resolved against the document's years, else
    the most recent year-bearing period before it (contract §3 rules 1–5). `main` is the
    claim a prior figure in brackets is compared with."""
    mention = _listed_period(fig, s) or period_for(fig, s)
    if mention is not None and mention.shape == "same_period" and main is not None and main.period:
        row.period = _year_earlier(main.period)      # "same period last year": a year before the compared figure
        row.period_span, row.period_shape = s.doc_span(mention.start, mention.end), mention.shape
        return
    if mention is not None and mention.prior_figure:
        row.period = _prior_period(mention, main)
        row.period_span, row.period_shape = s.doc_span(mention.start, mention.end), mention.shape
        return
    if mention is not None:
        run_index = s.run_index(fig)
        if mention.shape == "year_span" and s.distributive and run_index is not None:
            year = (mention.first_year or 0) + run_index       # "2025-2027: A, B and C respectively"
            row.period = str(year) if year <= (mention.year or 0) else ""
        else:
            row.period = resolve(mention, facts.year_before(s.start + fig.start))
        row.period_span, row.period_shape = s.doc_span(mention.start, mention.end), mention.shape
        return
    dated = facts.dated_before(s.start + fig.start)
    if dated is not None:
        row.period, row.period_span, row.period_shape = dated.period, dated.span, dated.shape


def basis_start(fig: Figure, s: Sentence) -> int:
    """Where a change's basis word may stand: its own clause — or, when the change follows
    the base it is compared with ("than last year's 5.4 bn, down 0.37 bn"), the base's clause too."""
    clause = s.clause(fig.start)
    before = [f for f in s.figures if f.end <= fig.start]
    if before and before[-1].base and s.clause(before[-1].start) < clause:
        return s.clause(before[-1].start)
    return clause


def basis_of(sentence: str, clause: int, position: int, period_shape: str) -> str:
    """yoy, qoq or mom from the last basis word in the change's clause before it;
    the sequential word (huanbi) reads as mom on a monthly figure and qoq otherwise."""
    window = sentence[clause:position]
    c = lexicon.changes()
    best, best_at = "", -1
    for name, pattern in c["basis"]:
        for match in pattern.finditer(window):
            if match.start() > best_at:
                best, best_at = name, match.start()
    for match in c["sequential"].finditer(window):
        if match.start() > best_at:
            best, best_at = ("mom" if period_shape.startswith("month") else "qoq"), match.start()
    return best


def modality_of(sentence: str, position: int, clauses: list[int], end: int | None = None) -> str:
    """Forecast or plan when such a word governs the figure at `position`: earlier in
    the sentence, with no scope-breaking clause (rules/modality.yaml) in between; or a
    goal named right after the figure (ending at `end`)."""
    m = lexicon.modality()
    after = m["plan_after"].match(sentence, end) if end is not None else None
    scope_start = 0
    for start in sorted(set(clauses[:position + 1])):
        if m["scope_breakers"].match(sentence, start):
            scope_start = start
    prefix = m["blocked"].sub(lambda x: " " * len(x.group()), sentence[scope_start:position])
    if m["forecast"].search(prefix):
        return "forecast"
    if m["plan"].search(prefix) or after is not None:
        return "plan"
    return "actual"


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
    found = find_subject(s.text, s.start, row, s.clauses, facts.credited, facts.statistics, s.listed(fig),
                         facts.known_names)
    if found is not None and found.segment:
        return facts.raw_text(*s.doc_span(found.start, found.end)), ""
    if found is not None and _means_the_region(s.text[found.start:found.end], facts):
        return facts.main_subject, facts.main_subject_id
    if found is not None and not found.reference:
        written = facts.raw_text(*s.doc_span(found.start, found.end))
        state.last_subject, state.last_subject_id, state.unread = written, found.entity_id, []
    _read_unread(facts, state)
    if state.last_subject:
        return state.last_subject, state.last_subject_id
    return facts.main_subject, facts.main_subject_id


def _means_the_region(word: str, facts: DocFacts) -> bool:
    """A word for the whole of a region in a release about a named region ("the whole province")."""
    return facts.statistics and is_area_word(word) and entity_type(facts.main_subject_id) == "region"


def remember_subject(sentence: str, start: int, facts: DocFacts, state: PassState) -> None:
    """A sentence without claims may still name the entity that a later back-reference means;
    it is read when a claim needs it (`_read_unread`)."""
    state.unread.append((sentence, start))


def _read_unread(facts: DocFacts, state: PassState) -> None:
    """The last entity named by the claim-less sentences since the last subject, latest first."""
    while state.unread:
        sentence, start = state.unread.pop()
        found = last_named(sentence, facts.credited, facts.statistics, facts.known_names)
        if found is not None:
            state.last_subject = facts.raw_text(start + found.start, start + found.end)
            state.last_subject_id, state.unread = found.entity_id, []


def new_row(fig: Figure, metric: MetricMention | None, continued: Row | None,
            s: Sentence, facts: DocFacts, state: PassState) -> Row:
    """A row for `fig`, its metric named by `metric` or continued from `continued`."""
    kind, unit = kind_and_unit(fig, metric.kind if metric else "", facts, s.start + fig.start)
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
        row.subject, row.subject_id = continued.subject, continued.subject_id
    else:
        # the figure a "same period last year" base or a prior-figure bracket is compared with:
        # the sentence's main level (not a base written after it), else the claim before
        main = state.level[0] if state.level is not None and state.rows else state.previous_row()
        set_period(row, fig, s, facts, main)
        if metric is not None and continued is not None:      # a share of the part named before
            row.subject, row.subject_id = continued.subject, continued.subject_id
        else:
            row.subject, row.subject_id = _subject(row, fig, s, facts, state)
    row.metric = canonical_metric(row, fig, s)
    # a base compared with, or a prior figure in brackets, is a past fact even inside a forecast
    past = fig.base or s.in_prior_figure_bracket(fig) or row.period_shape == "same_period"
    row.modality = "actual" if past else modality_of(s.text, fig.start, s.clauses, fig.end)
    if fig.role == "change":
        row.change_basis = basis_of(s.text, basis_start(fig, s), fig.start, row.period_shape)
    return row
