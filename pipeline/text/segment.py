"""Segment: a spaCy `zh` pipeline with jieba as segmenter, sentences and clauses.

The pipeline runs on the normalized text (same length as the plain text), so
token and sentence offsets are plain-text offsets. jieba gets a finance user
dictionary — every metric term of `rules/metrics.yaml` plus the extra words of
`rules/segmentation.yaml` — so metric phrases stay single tokens.
"""
from __future__ import annotations

import bisect
import functools
import logging

import jieba
import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import rules

from .normalize import normalize_text

jieba.setLogLevel(logging.WARNING)


@functools.cache
def _boundaries() -> dict:
    data = rules.load("segmentation")
    return {
        "sentence_end": regex.compile(data["sentence_end"]),
        "clause_sep": regex.compile(data["clause_separators"]),
        "open": set(data["brackets_open"]),
        "close": set(data["brackets_close"]),
    }


@functools.cache
def load_user_dictionary() -> int:
    """Add the finance terms to jieba's dictionary once; returns how many were added."""
    metric_terms = [t for entry in rules.load("metrics")["metrics"].values() for t in entry["terms"]]
    terms = {normalize_text(w) for w in metric_terms + rules.load("segmentation")["extra_words"]}
    for term in sorted(terms):
        jieba.add_word(term, freq=200000)
    return len(terms)


@Language.component("zh_sentences")
def mark_sentences(doc: Doc) -> Doc:
    """Sentence starts after 。！？!? and after line breaks (not after ；)."""
    ends = sorted(m.end() for m in _boundaries()["sentence_end"].finditer(doc.text))
    for token in doc[1:]:
        # A boundary that falls after the previous token's start and by this token's start
        # (whitespace between tokens is not a token of its own).
        at = bisect.bisect_right(ends, doc[token.i - 1].idx)
        token.is_sent_start = at < len(ends) and ends[at] <= token.idx
    if len(doc):
        doc[0].is_sent_start = True
    return doc


@functools.cache
def make_nlp() -> Language:
    """The blank Chinese pipeline with jieba and the sentence marker."""
    load_user_dictionary()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zh_sentences")
    return nlp


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] (by the spaCy pipeline) as (start, end) offsets into
    `text`, trimmed of surrounding whitespace, blank ones dropped."""
    end = len(text) if end is None else end
    out = []
    for sent in make_nlp()(text[start:end]).sents:
        s, e = start + sent.start_char, start + sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def clause_starts(sentence: str) -> list[int]:
    """For each index of `sentence`, the start of its clause (one entry past the end too).

    Clauses break at commas and semicolons outside brackets; a comma between two
    digits is a thousands separator and does not break.
    """
    b = _boundaries()
    starts, current, depth = [], 0, 0
    for i, ch in enumerate(sentence):
        starts.append(current)
        if ch in b["open"]:
            depth += 1
        elif ch in b["close"]:
            depth = max(0, depth - 1)
        elif depth == 0 and b["clause_sep"].match(ch):
            between_digits = 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit() and sentence[i + 1].isdigit()
            if not between_digits:
                current = i + 1
    starts.append(current)
    return starts


def tokens(text: str) -> list[tuple[int, int]]:
    """jieba tokens of `text` as (start, end) offsets, through the spaCy pipeline."""
    return [(t.idx, t.idx + len(t.text)) for t in make_nlp()(text)]
