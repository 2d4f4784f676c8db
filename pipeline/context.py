"""Context: what the words of a sentence say about one figure.

Pure functions that the claim assembler asks about a figure: which metric names it,
which period phrase is its P (contract §3 step 1), whether a plan or forecast word
governs it, which basis word its change has, and which figures form a distributive
list. All words come from the rule files.
"""
from __future__ import annotations

import functools

import regex

from . import lexicon, rules
from .figures import Figure
from .normalize import normalize_text


@functools.cache
def claim_rules() -> dict:
    data = rules.load("claim_filters")
    return {"distributive": regex.compile(lexicon._alt(data["distributive_words"])),
            "yuan": set(data["generic_yuan_currencies"]),
            "conversion": regex.compile(data["conversion_gap"]),
            "share_of": regex.compile(data["share_of"]),
            "share_words": {normalize_text(w) for w in data["share_words"]},
            "sub_item_opening": regex.compile(data["sub_item_opening"]),
            "continuation": regex.compile(data["continuation_gap"]),
            "item_flags": tuple(data["continuation_item_flags"])}


def metric_for(fig: Figure, metrics, clause: int, sentence: str):
    """The metric mention of a figure: in its clause before it, else right after it,
    else a metric-like noun phrase right before it."""
    before = [m for m in metrics if clause <= m.start and m.end <= fig.start]
    if fig.measure == "pp":
        nouns = list(lexicon.changes()["growth_nouns"].finditer(sentence, clause, fig.start))
        if nouns and (not before or nouns[-1].start() >= before[-1].end):
            return lexicon.MetricMention(nouns[-1].start(), nouns[-1].end(), "growth_rate", "ratio"), True
    verbs, verb_gap = lexicon.verb_metrics()
    if before and sentence[before[-1].start:before[-1].end] in verbs \
            and verb_gap.match(sentence[before[-1].end:fig.start]):
        return None, False                    # "the company earned 40 bn": a verb names no metric
    if before:
        last = before[-1]
        # "name (ALIAS) 14.5%": take the name written before the bracketed alias.
        if len(before) > 1 and sentence[before[-2].end:last.start] in ("(", "（"):
            return before[-2], True
        return last, True
    links = lexicon.possessive_links()
    after = [m for m in metrics if fig.end <= m.start <= fig.end + 1 and sentence[fig.end:m.start] in links]
    if after:
        return after[0], True
    gap = 1 if sentence[fig.end:fig.end + 1] in links else 0
    noun = lexicon.metric_right_after(sentence, fig.end + gap)
    if noun is not None:
        return noun, True
    match = lexicon.metric_fallback().search(sentence, clause, fig.start)
    if match:
        start, end = match.span("metric")
        return lexicon.MetricMention(start, end, "", ""), True
    return None, False


def period_for(fig: Figure, periods, clause: int, sentence: str):
    """P of contract §3 step 1, in sentence coordinates: own clause, bracket after, earlier."""
    for p in periods:
        if fig.end <= p.start <= fig.end + 2 and sentence[fig.end:p.start].strip() in "(（":
            if sentence[fig.end:fig.end + 1] in "(（":
                return p
    in_clause = [p for p in periods if clause <= p.start and p.end <= fig.start]
    if in_clause:
        return in_clause[-1]
    earlier = [p for p in periods if p.end <= fig.start]
    return earlier[-1] if earlier else None


def modality_of(sentence: str, position: int, clauses: list[int]) -> str:
    """Forecast or plan when such a word governs the figure at `position`: earlier in
    the sentence, with no scope-breaking clause (rules/modality.yaml) in between."""
    m = lexicon.modality()
    scope_start = 0
    for start in sorted(set(clauses[:position + 1])):
        if m["scope_breakers"].match(sentence, start):
            scope_start = start
    prefix = m["blocked"].sub(lambda x: " " * len(x.group()), sentence[scope_start:position])
    if m["forecast"].search(prefix):
        return "forecast"
    if m["plan"].search(prefix):
        return "plan"
    return "actual"


def basis_of(sentence: str, clause: int, position: int, period_shape: str) -> str:
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


def apply_distributive(figures: list[Figure], sentence: str) -> list[list[Figure]]:
    """Runs of level figures that form a list ("A, B and C yuan"); the last unit applies to all."""
    runs, current = [], []
    for fig in figures:
        if fig.role != "level":
            current = []
            continue
        if current and lexicon.list_separator().match(sentence[current[-1].end:fig.start]):
            current.append(fig)
        else:
            current = [fig]
            runs.append(current)
    runs = [r for r in runs if len(r) > 1]
    for run in runs:
        last = run[-1]
        scale = scale_of(last, sentence)
        for fig in run[:-1]:
            if fig.bare and scale and fig.value is not None:
                fig.value *= scale
                fig.unit_text = last.unit_text
            if fig.measure == "count" and not fig.unit and last.measure == "money":
                fig.measure, fig.unit, fig.generic_currency = "money", last.unit, last.generic_currency
            fig.bare = False
    return runs


def scale_of(fig: Figure, sentence: str) -> float | None:
    """The power of ten that a figure's scale word applied (1e8 for "hundred million"), from its digits."""
    digits = regex.match(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?", sentence[fig.start:fig.end])
    if not digits or fig.value is None:
        return None
    written = float(digits.group().replace(",", ""))
    return fig.value / written if written else None
