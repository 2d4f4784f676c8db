"""Segment: sentences and clauses by the rules, and jieba tokens with the finance dictionary.

Sentences end after 。！？!? (with closing quotes) and at line breaks — not at ；— and a
list item (a bullet such as ● or ■, or a circled number ①) starts a new one: scraped
pages often have neither 。 nor line breaks between items (contract §2 `sentence`).
No sentence is longer than MAX_SENTENCE characters: a longer run (a page saved without
punctuation, a scraped table) is cut at its last clause break or space before the limit,
else at the limit, so the work per sentence stays bounded.
Clauses break at commas and semicolons outside brackets, and at a run of spaces between
two words of a list item (rules/segmentation.yaml). Both are one regex pass, linear in
the text.

Tokens come from a private `jieba.Tokenizer` that knows every metric term of
rules/metrics.yaml and the extra words of rules/segmentation.yaml; jieba's global
dictionary is never changed (a library is a guest in its user's process).
"""
from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

import regex

from pipeline import rules

from . import dictionary_cache
from .jieba_loader import import_jieba, import_posseg
from .normalize import normalize_text
from .tagging import tag_block

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

_jieba = import_jieba()
_posseg = import_posseg()
_jieba.setLogLevel(logging.WARNING)

MAX_SENTENCE = 600


@functools.cache
def _boundaries() -> dict:
    data = rules.load("segmentation")
    return {
        "sentence_end": regex.compile(data["sentence_end"]),
        "item_start": regex.compile(rules.scannable(data["list_item_start"])),
        "clause_sep": regex.compile(data["clause_separators"]),
        "thousands": regex.compile(data["thousands_comma"]),
        "last_break": regex.compile(rf"{data['clause_separators']}|\s", regex.REVERSE),
        "clause_space": regex.compile(data["clause_space"]),
        "open": set(data["brackets_open"]),
        "close": set(data["brackets_close"]),
    }


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as (start, end) offsets into `text`, trimmed of
    surrounding whitespace, blank ones dropped."""
    end = len(text) if end is None else end
    b = _boundaries()
    cuts = {m.end() for m in b["sentence_end"].finditer(text, start, end)}
    cuts |= {m.start() for m in b["item_start"].finditer(text, start, end)}
    out, previous = [], start
    for cut in sorted(cuts | {end}):
        for piece in _bounded(text, previous, cut):
            span = _trimmed(text, previous, piece)
            if span:
                out.append(span)
            previous = piece
    return out


def _bounded(text: str, start: int, end: int) -> list[int]:
    """Cuts that split [start, end) into pieces of at most MAX_SENTENCE characters: after
    the last clause break or space of the second half of each piece, else at the limit."""
    cuts = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        found = _boundaries()["last_break"].search(text, start + MAX_SENTENCE // 2, limit)
        start = found.end() if found is not None else limit
        cuts.append(start)
    return cuts + [end]


def clause_starts(sentence: str) -> list[int]:
    """For each index of `sentence`, the start of its clause (one entry past the end too).

    Clauses break at commas and semicolons outside brackets (not at a thousands separator,
    rules/segmentation.yaml thousands_comma) and at spaces between the words of a list item.
    """
    b = _boundaries()
    spaces = {m.end() for m in b["clause_space"].finditer(sentence)}
    thousands = {m.start() for m in b["thousands"].finditer(sentence)}
    starts, current, depth = [], 0, 0
    for i, ch in enumerate(sentence):
        if depth == 0 and i in spaces:
            current = i
        starts.append(current)
        if ch in b["open"]:
            depth += 1
        elif ch in b["close"]:
            depth = max(0, depth - 1)
        elif depth == 0 and _separates(ch) and i not in thousands:
            current = i + 1
    starts.append(current)
    return starts


@functools.lru_cache(maxsize=4096)
def _separates(ch: str) -> bool:
    # the pattern is matched against the character alone: its answer depends on the character only
    return _boundaries()["clause_sep"].match(ch) is not None


@functools.cache
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the finance terms (the global one stays untouched)."""
    private = _jieba.Tokenizer()
    metric_terms = [t for entry in rules.load("metrics")["metrics"].values() for t in entry["terms"]]
    words = sorted({normalize_text(w) for w in metric_terms + rules.load("segmentation")["extra_words"]})
    key = dictionary_cache.cache_key(words)
    if not dictionary_cache.load(private, key):
        for term in words:
            private.add_word(term, freq=200000)
        dictionary_cache.save(private, key)
    return private


class _PrivatePOSTokenizer(_posseg.POSTokenizer):  # type: ignore[name-defined]
    """jieba's tagger on the private tokenizer. It shares the tag table jieba.posseg holds for
    the same default dictionary (see jieba_loader): reading it again costs 0.3-0.4 s of every cold start."""

    def __init__(self, private: jieba.Tokenizer):
        self.tokenizer = private
        self.word_tag_tab = dict(_posseg.dt.word_tag_tab)

    def _POSTokenizer__cut(self, sentence: str):   # overrides the HMM step of jieba (name-mangled)
        return iter(_hmm_tagged(sentence))



_HMM_CUT = _posseg.POSTokenizer._POSTokenizer__cut
_BLOCK = _posseg.re_han_internal            # jieba's blocks: no word crosses a block's edge


def tagged_words(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of `text`, the same as `pos_tokenizer().cut(text)` gives: jieba tags
    each block (a run of word characters between punctuation and spaces) on its own, so the
    words of a block are memoized. Clauses such as a name with its metric recur from sentence
    to sentence and from article to article: about a third of the tagged characters of a
    batch are in a block tagged before."""
    out: list[tuple[str, str]] = []
    for block in _BLOCK.split(text):
        if block:
            out += _block_tagged(block)
    return out


@functools.lru_cache(maxsize=1 << 14)      # a few MB: memory must not grow with the batch
def _block_tagged(block: str) -> tuple[tuple[str, str], ...]:
    tagger = pos_tokenizer()
    if _BLOCK.match(block) is None:           # punctuation and spaces, tagged one by one
        return tuple((pair.word, pair.flag) for pair in tagger.cut(block))
    tagger.makesure_userdict_loaded()
    return tuple(tag_block(tagger, block))


@functools.lru_cache(maxsize=1 << 15)
def _hmm_tagged(block: str) -> tuple:
    """jieba's HMM words and tags for a run of characters its dictionary does not hold. The
    HMM step is most of the tagging time and a pure function of the run; names and rare
    words recur from article to article, so a bounded memo of it pays for itself."""
    return tuple(_HMM_CUT(None, block))


@functools.cache
def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """Part-of-speech tagging with the private tokenizer's dictionary."""
    return _PrivatePOSTokenizer(tokenizer())


def tokens(text: str) -> list[tuple[int, int]]:
    """jieba tokens of `text` as (start, end) offsets."""
    out, position = [], 0
    for word in tokenizer().cut(text):
        out.append((position, position + len(word)))
        position += len(word)
    return out
