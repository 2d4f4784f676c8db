"""A claim's period (contract §3): P in its sentence (own clause, a bracket right after it,
earlier in the sentence), resolved against the document's years, else the most recent
year-bearing period before it; comparison bases and prior-figure brackets date only the
figures they name ("than last year's …", "(2024: …)").
"""
from __future__ import annotations

import regex

from pipeline import rules
from pipeline.periods import PeriodMention, resolve, same_period_of

from . import lexicon
from .document import DocFacts
from .figures import Figure
from .rows import Row
from .sentence import Sentence

_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")      # a year inside a normalized period


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
    # a since-phrase ("since the start of this year, a cumulative 16.9 m") dates a claim in its
    # own clause (rule 1) but no other (rule 5)
    own = [p for p in s.periods if p.since and not p.comparison_base and clause <= p.start and p.end <= fig.start]
    in_clause = sorted([p for p in periods if clause <= p.start and p.end <= fig.start] + own, key=lambda p: p.start)
    if in_clause:
        return in_clause[-1]
    # "same period last year" dates its own figure only: a figure written after it ends its reach.
    # … and a week adverb ("fell 35 on the week") dates only the move it tells.
    earlier = [p for p in periods if p.end <= fig.start and p.get("adverb") is None
               and not (p.shape == "same_period" and any(p.end <= f.start < fig.start for f in s.figures))]
    return earlier[-1] if earlier else None


def _names(p: PeriodMention, fig: Figure, text: str) -> bool:
    """A comparison base names this figure ("than last year's 11.6 bn"): it stands right before it."""
    gap = text[p.end:fig.start]
    return p.names_figure and p.end <= fig.start and len(gap) <= lexicon.windows()["base_figure_gap"] \
        and not any(ch in gap for ch in ",，;；")


def _inside_bracket(p: PeriodMention, fig: Figure, text: str) -> bool:
    return p.end <= fig.start and not any(ch in text[p.end:fig.start] for ch in ")）")


def _named_before(base: PeriodMention, s: Sentence) -> list[PeriodMention]:
    """The sentence's periods before a base that date a figure (no bases, no since-phrases)."""
    return [p for p in s.periods if p.end <= base.start and not p.comparison_base and not p.since]


def _compared_period(base: PeriodMention, s: Sentence, facts: DocFacts) -> str:
    """The period of the figure a base is compared with when that figure follows the base
    ("from last quarter's 76% up to 78%"): the sentence's period before the base, else the document's."""
    earlier = _named_before(base, s)
    if earlier:
        return resolve(earlier[-1], facts.year_before(s.start + earlier[-1].start))
    dated = facts.dated_before(s.start + base.start)
    return dated.period if dated is not None else ""


def _publication_month(facts: DocFacts) -> str:
    return f"{facts.published[0]}-{facts.published[1]:02d}" if facts.published else ""


def _period_before(mention: PeriodMention, period: str) -> str:
    """The quarter or month before the compared figure's ("than last quarter's 76%")."""
    quarter = regex.fullmatch(r"(FY)?(\d{4})-Q([1-4])", period)
    month = regex.fullmatch(r"(\d{4})-(\d{2})", period)
    if mention.get("prevq") is not None and quarter:
        index = int(quarter.group(2)) * 4 + int(quarter.group(3)) - 2
        return f"{quarter.group(1) or ''}{index // 4}-Q{index % 4 + 1}"
    if mention.get("prevm") is not None and month:
        index = int(month.group(1)) * 12 + int(month.group(2)) - 2
        return f"{index // 12}-{index % 12 + 1:02d}"
    return ""


def _prior_period(mention: PeriodMention, main: Row | None) -> str:
    """A prior figure in brackets ("(2024: HK$0.37)", "(last year: 67.9%)") has the main
    figure's period in the named year — a relative year counted from the main figure's."""
    if mention.shape != "year" or main is None or not main.period:
        return resolve(mention, None)
    year = mention.year
    main_year = _YEAR.search(main.period)
    if year is None and main_year is not None and mention.get("rel"):
        year = int(main_year.group()) + rules.load("periods")["relative_years"].get(mention.get("rel"), 0)
    if year is None:
        return resolve(mention, None)
    return _YEAR.sub(str(year), main.period)


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
    if mention is not None:
        row.period = _period_of(mention, fig, s, facts, main)
        row.period_span, row.period_shape = s.doc_span(mention.start, mention.end), mention.shape
        return
    dated = facts.dated_before(s.start + fig.start)
    if dated is not None:
        row.period, row.period_span, row.period_shape = dated.period, dated.span, dated.shape


def _last_month_of_publication(mention: PeriodMention, s: Sentence, facts: DocFacts, main: Row | None) -> bool:
    """"Last month" on its own, with no claim of its sentence before it and no period named
    earlier in the sentence to count back from: the month before the article's publication."""
    own_sentence = main is not None and main.sentence_span == s.doc_span(0, len(s.text))
    return facts.published is not None and mention.get("prevm") is not None and not mention.comparison_base \
        and not own_sentence and not _named_before(mention, s)


def _period_of(mention: PeriodMention, fig: Figure, s: Sentence, facts: DocFacts, main: Row | None) -> str:
    """The period P gives the figure: a base's or a prior figure's is told against the claim
    it is compared with; a year span handed out over a list gives each member its year."""
    if mention.shape == "same_period" and main is not None and main.period:
        if main.sentence_span != s.doc_span(0, len(s.text)) and _named_before(mention, s):
            # the claim before is another sentence's: the figure compared is dated in this one
            return same_period_of(mention, _compared_period(mention, s, facts))
        return same_period_of(mention, main.period)
    if mention.shape == "previous":
        if main is not None and main.period and main.period_span == s.doc_span(mention.start, mention.end):
            return main.period              # the same "last month" dated the claim before: the same month
        if _last_month_of_publication(mention, s, facts, main):
            return _period_before(mention, _publication_month(facts))
        compared = main.period if main is not None and main.period else _compared_period(mention, s, facts)
        return _period_before(mention, compared) or _period_before(mention, _publication_month(facts))
    if mention.prior_figure:
        return _prior_period(mention, main)
    run_index = s.run_index(fig)
    if mention.shape == "year_span" and s.distributive and run_index is not None:
        year = (mention.first_year or 0) + run_index       # "2025-2027: A, B and C respectively"
        return str(year) if year <= (mention.year or 0) else ""
    return resolve(mention, facts.year_before(s.start + fig.start))
