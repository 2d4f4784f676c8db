"""The metric phrase the words name for a figure: before it in its clause, right after it,
or a metric-like noun phrase right before it (rules/metrics.yaml fallback); a growth rate
told by its noun is measured by that noun."""
from __future__ import annotations

import functools

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import pos_tokenizer

from . import lexicon
from .figures import Figure, change_verb_of
from .lexicon import MetricMention
from .sentence import Sentence

_DIGIT = regex.compile(r"\d")
FALLBACK_WINDOW = 64   # characters before a figure where the fallback metric phrase may start
TENOR_REACH = 8        # characters between a figure and a metric named after it ("of", a tenor)


def _growth_noun(fig: Figure, before: list[MetricMention], s: Sentence, clause: int) -> MetricMention | None:
    """A change in points of a growth rate measures the rate: the growth noun is its metric."""
    nouns = list(lexicon.changes()["growth_nouns"].finditer(s.text, clause, fig.start))
    if nouns and (not before or nouns[-1].start() >= before[-1].end):
        return MetricMention(nouns[-1].start(), nouns[-1].end(), lexicon.change_word("growth_noun_metric"), "ratio")
    return None


def _rate_phrase(fig: Figure, before: list[MetricMention], s: Sentence, clause: int) -> MetricMention | None:
    """A growth rate as a level is measured by its growth noun, with the metric it is the rate
    of when that is written right before the noun ("loan growth")."""
    noun = _growth_noun(fig, before, s, clause)
    if noun is None:
        return None
    start = before[-1].start if before and not s.text[before[-1].end:noun.start].strip() else noun.start
    return MetricMention(start, noun.end, noun.metric, noun.kind)


def _after(fig: Figure, s: Sentence) -> MetricMention | None:
    """A metric named right after the figure ("70.6 bn of R&D", "2 bn dollars of buybacks")."""
    links = lexicon.possessive_links()
    after = [m for m in s.metrics if fig.end <= m.start <= fig.end + TENOR_REACH
             and (s.text[fig.end:m.start] in links or lexicon.tenor_link().fullmatch(s.text, fig.end, m.start))]
    if after:
        return after[0]
    offset = 1 if s.text[fig.end:fig.end + 1] in links else 0
    return lexicon.metric_right_after(s.text, fig.end + offset)


def metric_mention(fig: Figure, s: Sentence) -> MetricMention | None:
    """The metric phrase of a figure: in its clause before it, else right after it,
    else a metric-like noun phrase right before it (rules/metrics.yaml fallback)."""
    clause = s.clause(fig.start)
    # (a metric may end inside a currency written before the number: "USD 1 to NTD 30.2")
    before = [m for m in s.metrics if clause <= m.start < fig.start
              and (m.end <= fig.start or not _DIGIT.search(s.text, fig.start, m.end))]
    if fig.rate_noun and fig.role == "level":
        return _rate_phrase(fig, before, s, clause)
    if fig.measure == "pp":
        noun = _growth_noun(fig, before, s, clause)
        if noun is not None:
            return noun
    verbs, verb_gap, noun_after = lexicon.verb_metrics()
    reach = max(clause, before[-1].start - lexicon.windows()["verb_noun_reach"]) if before else clause
    verb = s.text[before[-1].start:before[-1].end] if before else ""
    if verb in verbs and verb_gap.match(s.text[before[-1].end:fig.start]) \
            and (verb in _verbs_after_periods() or not noun_after.search(s.text, reach, before[-1].start)):
        # "the company earned 40 bn": a verb names no metric — but "adjusted EBITA recorded a
        # profit of 4.2 bn" names it before the verb
        return before[-2] if len(before) > 1 else None
    if before:
        # "name (ALIAS) 14.5%", "name (short name: ALIAS)": take the name written before the alias.
        if len(before) > 1 and lexicon.alias_opening().fullmatch(s.text, before[-2].end, before[-1].start):
            return before[-2]
        return before[-1]
    after = _after(fig, s)
    if after is not None:
        return after
    # The fallback phrase is a few words long: search only the window before the figure (before
    # a change's verb: "mining investment grew 4.2%").
    end = fig.start
    if fig.role == "change":
        sign, stem = change_verb_of(s.text[clause:fig.start])
        end = clause + len(stem) if sign else end
    match = lexicon.metric_fallback().search(s.text, max(clause, end - FALLBACK_WINDOW), end)
    # a bare growth-rate noun ("its annual growth rate was 34.1%") names the change, not a metric
    if match and not lexicon.names_no_metric(match.group("metric")) \
            and not lexicon.changes()["growth_nouns"].fullmatch(match.group("metric")) \
            and not _fallback_not_after().search(s.text, clause, match.start("metric")):
        start, end = match.span("metric")
        return _listed_category_metric(s, start, end) or MetricMention(_word_start(s.text, start, end), end, "", "")
    return _counted_noun(fig, s)


def _listed_category_metric(s: Sentence, start: int, end: int) -> MetricMention | None:
    """A bare category after one written with its metric ("grain and food category retail sales
    +6.1%, jewellery category +8.5%"): the category is what the figure is of; the metric is the one
    the last such category named."""
    data = rules.load("metrics")
    word = data["category_word"]
    if not s.text.endswith(word, start, end):
        return None
    named = [m for m in s.metrics if m.end <= start and s.text.endswith(word, 0, m.start)]
    return named[-1] if named and named[-1].metric not in data["category_not_of"] else None


@functools.cache
def _verbs_after_periods() -> frozenset[str]:
    """Verbs that stay verbs after a period word ("delivered in October"), unlike a result's verbs."""
    return frozenset(normalize_text(w) for w in rules.load("metrics")["verbs_after_periods"])


def _word_start(text: str, start: int, end: int) -> int:
    """The fallback phrase starts at a word: not inside the word before it ("cumulative" cut in
    half before "inspected entries")."""
    at = max(0, start - 3)
    for token in pos_tokenizer().cut(text[at:end]):
        if at >= start:
            return at if end - at >= 2 else start
        at += len(token.word)
    return start


_WORD_AFTER = regex.compile(r"[\p{Han}A-Za-z]{2,8}")


@functools.cache
def _fallback_not_after() -> regex.Pattern:
    return regex.compile(rules.load("metrics")["fallback_not_after"])


@functools.cache
def _counted_noun_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that are never what a count counts, and the part-of-speech flags (besides nouns) it may have."""
    data = rules.load("metrics")
    return frozenset(data["counted_noun_not"]), frozenset(data["counted_noun_flags"])


def _counted_noun(fig: Figure, s: Sentence) -> MetricMention | None:
    """What a count counts, written right after its measure word ("86 new listings", "22 cities"):
    the nouns there, up to the first word that is not one."""
    if fig.measure != "count" or not fig.unit:
        return None
    words = _WORD_AFTER.match(s.text, fig.end)
    if words is None:
        return None
    end, noun_end = fig.end, None
    never, flags = _counted_noun_words()
    for token in pos_tokenizer().cut(words.group()):
        if not (token.flag.startswith("n") or token.flag in flags) or token.word in never:
            break
        end += len(token.word)
        noun_end = end if token.flag.startswith("n") else noun_end
    return MetricMention(fig.end, noun_end, "", "") if noun_end and noun_end - fig.end >= 2 else None
