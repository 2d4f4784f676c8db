"""Subjects: the entity a claim is about, as written (not scored strictly).

The nearest entity-like token before the claim's metric (or anchor) in the
sentence: a jieba token tagged as an organization, brand or proper name, a
token ending in a company suffix, or a group word ("the industry"). Failing that,
the subject of the previous claim in the document.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from pipeline import rules
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import pos_tokenizer

from .lexicon import metric_table

_ENTITY_FLAGS = {"nt", "nz", "nr", "nrt", "ns", "nrfg"}


@functools.cache
def _lexicon() -> tuple[tuple[str, ...], frozenset, frozenset]:
    data = rules.load("claim_filters")
    suffixes = tuple(normalize_text(w) for w in data["subject_suffixes"])
    words = frozenset(normalize_text(w) for w in data["subject_words"])
    references = frozenset(normalize_text(w) for w in data["subject_references"])
    return suffixes, words, references


@functools.cache
def _stop_words() -> frozenset:
    """Words that are never a subject: the stop list and every metric term."""
    stop = {normalize_text(w) for w in rules.load("claim_filters")["subject_stop_words"]}
    return frozenset(stop | set(metric_table()))


@functools.lru_cache(maxsize=4096)
def _entities(text: str) -> tuple[tuple[int, int], ...]:
    """Entity-like token spans of `text`, adjacent ones merged (brand + "group")."""
    suffixes, words, _ = _lexicon()
    stop = _stop_words()
    spans: list[list[int]] = []
    position = 0
    for token in pos_tokenizer().cut(text):
        start, end = position, position + len(token.word)
        position = end
        is_entity = ((token.flag in _ENTITY_FLAGS and len(token.word) >= 2 and not token.word.isascii())
                     or token.word in words or (len(token.word) >= 2 and token.word.endswith(suffixes)))
        is_entity = is_entity and token.word not in stop
        if is_entity:
            if spans and spans[-1][1] == start:
                spans[-1][1] = end
            else:
                spans.append([start, end])
    return tuple((s, e) for s, e in spans)


def is_noun_phrase(text: str, flags: tuple[str, ...]) -> bool:
    """True when every jieba token of `text` has one of the part-of-speech `flags` ('' is one)."""
    return all(token.flag in flags or token.flag[:1] == "n" for token in pos_tokenizer().cut(text.strip()))


def main_subject(text: str) -> tuple[int, int] | None:
    """The first named entity of `text` that is not a back-reference ("the company")."""
    _, _, references = _lexicon()
    for start, end in _entities(text):
        if text[start:end] not in references:
            return start, end
    return None


class SubjectMention(NamedTuple):
    start: int
    end: int
    reference: bool         # a back-reference ("the company"), not a name


def find_subject(sentence: str, s0: int, row) -> SubjectMention | None:
    """The entity nearest before `row`'s metric (or anchor) in `sentence` (normalized,
    starting at document offset s0), or None. A back-reference is flagged: the caller
    then keeps the paragraph's previous subject or the article's main subject."""
    _, _, references = _lexicon()
    limit = (row.metric_span[0] if row.metric_span and row.metric_span[0] < row.start else row.start) - s0
    limit = max(0, min(limit, len(sentence)))
    candidates = [span for span in _entities(sentence) if span[1] <= limit]
    if not candidates:
        return None
    start, end = candidates[-1]
    return SubjectMention(start, end, sentence[start:end] in references)


def names_an_entity(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] names an entity of its own (not a back-reference)."""
    _, _, references = _lexicon()
    return any(start <= s and e <= end and sentence[s:e] not in references for s, e in _entities(sentence))
