"""Whether a level that names no metric continues the claim before it.

A clause with only a period phrase, a sub-item's name and a link verb before its level
("same period last year: 0.85 dollars", "; PICC Life 110.2 bn", "next year falling to 1.6%")
restates the metric of the claim before it (rules/claim_filters.yaml continuation_gap).
"""
from __future__ import annotations

import regex

from . import lexicon
from .candidates import candidates
from .figures import Figure
from .rows import Row
from .sentence import Sentence
from .state import PassState
from .subjects import is_noun_phrase, names_an_entity


def continues_previous(fig: Figure, clause: int, s: Sentence, state: PassState) -> bool:
    """A clause with only a period phrase, a sub-item noun and a link before the level
    ("same period last year: 0.85 dollars"; rules/claim_filters.yaml continuation_gap)."""
    previous = state.previous_row()
    # (a claim whose metric a verb told, "delivered 36,552 cars", is continued by the counts after it)
    told = previous is not None and previous.metric and previous.kind in ("count", "change") and fig.measure == "count"
    if previous is None or not (previous.metric_span or told):
        return False
    # a method phrase ("in US dollars") restates the claim before: it is no sub-item; a list item
    # after the claim before in the same clause ("brand A 21,030、brand B 11,406") starts after it
    # (the later members of a distributive list, "300 and 120 respectively", are the list's own)
    start = max(clause, min(previous.end - s.start, fig.start)) if state.rows and not s.run_index(fig) else clause
    gap = lexicon.mask_method_phrases(_without_periods(s, start, fig.start))
    match = lexicon.claim_rules()["continuation"].match(gap)
    if match is None:
        return False
    item = match.group("item").strip()
    if not state.rows:           # across sentences: only a period and a link verb — or a sub-item's name
        # ("of which, Ping An Life 473.2 bn": the premiums of the sentence before)
        if item and lexicon.claim_rules()["sub_item_opening"].match(s.text) is not None:
            # (a named part too, of a level in its unit: "of which, integrated circuits 1.25 tn")
            return names_an_entity(item, 0, len(item)) or (
                is_noun_phrase(item, lexicon.claim_rules()["item_flags"]) and bool(fig.unit)
                and any(r.unit == fig.unit and r.kind != "change" for r in state.last_rows))
        # ... and nothing before it in its sentence ("sectors A, B lead, at 58, 71" names its own count)
        return not item and bool(match.group("link")) and not regex.search(r"\p{L}", _without_periods(s, 0, clause))
    # a sub-item ("of which, own-brand cars 213,377") is named by any short item; so is a
    # parallel clause, a name and a level in the unit of the claim before ("; PICC Life 110.2 bn")
    return s.in_sub_items(fig.start) or is_noun_phrase(match.group("item"), lexicon.claim_rules()["item_flags"]) \
        or (_same_unit_as(previous, fig, s) and _names_a_part(item))


def _names_a_part(item: str) -> bool:
    """Names with nouns between them ("PICC Life", "Shekou and CR Land"), not a verb phrase ("opened at")."""
    rest = list(item)
    for c in candidates(item):
        if c.kind not in ("reference", "source"):
            rest[c.start:c.end] = " " * (c.end - c.start)
    flags = (*lexicon.claim_rules()["item_flags"], "a", "x")
    return bool(item) and all(is_noun_phrase(piece, flags) for piece in "".join(rest).split())


def _same_unit_as(row: Row, fig: Figure, s: Sentence) -> bool:
    return bool(row.unit_spans and fig.unit_spans) and s.text[slice(*fig.unit_spans[-1])] == unit_text(row, s)


def _without_periods(s: Sentence, start: int, end: int) -> str:
    """s.text[start:end] with its period phrases blanked."""
    text = list(s.text[start:end])
    for p in s.periods:
        if start <= p.start and p.end <= end:
            text[p.start - start:p.end - start] = " " * (p.end - p.start)
    return "".join(text)


def unit_text(row: Row, s: Sentence) -> str:
    start, end = row.unit_spans[-1]
    return s.text[start - s.start:end - s.start] if s.start <= start <= end <= s.start + len(s.text) else ""
