"""Subjects: the entity a claim is about, as written (docs/annotation-guide.md, Subjects).

Candidates in a sentence are entities of the entity table (rules/entities.yaml), group
words (the industry, the nation, private enterprises …), names jieba tags as organisations
or places, words that end in a name or segment suffix, and back-references ("the company",
"the bank"). Statistics bodies are the
source of a figure, not its subject; persons — and anyone credited as reporter, author
or editor — never are (rules/subjects.yaml). A claim's subject is the nearest candidate
before its metric (or anchor) in its sentence; a back-reference, or no candidate, keeps
the paragraph's previous subject, else the article's main subject.
"""
from __future__ import annotations

import functools
from collections.abc import Collection
from typing import NamedTuple

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import pos_tokenizer

from .entities import entity_id, entity_mentions
from .lexicon import metric_table


class Candidate(NamedTuple):
    start: int
    end: int
    entity_id: str
    kind: str            # entity | group | name | segment | reference | source


class SubjectMention(NamedTuple):
    start: int
    end: int
    reference: bool      # a back-reference ("the company"), not a name
    entity_id: str


@functools.cache
def _lexicon() -> dict:
    data = rules.load("subjects")
    norm = lambda words: frozenset(normalize_text(w) for w in words)   # noqa: E731
    return {"groups": regex.compile(rules.alternation(data["group_words"], key=normalize_text)),
            "suffixes": tuple(normalize_text(w) for w in data["name_suffixes"]),
            "segments": tuple(normalize_text(w) for w in data["segment_suffixes"]),
            "references": norm(data["references"]), "flags": frozenset(data["name_flags"]),
            "stop": norm(data["stop_words"]) | frozenset(metric_table()),
            "credit": regex.compile(data["credit_pattern"])}


def credited_names(text: str, credits: Collection[str] = ()) -> frozenset[str]:
    """Names credited as reporter, author or editor anywhere in normalized `text`."""
    found = {m.group("name") for m in _lexicon()["credit"].finditer(text)}
    return frozenset(found | {normalize_text(name) for name in credits if name})


def _token_kind(word: str, flag: str) -> str:
    lex = _lexicon()
    if word in lex["references"]:
        return "reference"
    if word in lex["stop"] or len(word) < 2:
        return ""
    if word.endswith(lex["segments"]) and not any(word == s for s in lex["segments"]):
        return "segment"
    if (flag in lex["flags"] and not word.isascii()) or (
            word.endswith(lex["suffixes"]) and word not in lex["suffixes"]):
        return "name"
    return ""


def _named(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names and references by jieba's tags and the suffixes, adjacent names merged."""
    out: list[Candidate] = []
    position = 0
    for token in pos_tokenizer().cut(text):
        start, end = position, position + len(token.word)
        position = end
        kind = _token_kind(token.word, token.flag)
        if not kind or any(s < end and start < e for s, e in taken):
            continue
        if kind in ("name", "segment") and out and out[-1].end == start and out[-1].kind in ("name", "segment"):
            out[-1] = Candidate(out[-1].start, end, "", kind)
        else:
            out.append(Candidate(start, end, "", kind))
    return out


@functools.lru_cache(maxsize=4096)
def candidates(text: str) -> tuple[Candidate, ...]:
    """Every subject candidate of a normalized sentence, in order."""
    found = [Candidate(m.start, m.end, m.entity.id, "source" if m.entity.type == "statistics_body" else "entity")
             for m in entity_mentions(text)]
    taken = [(c.start, c.end) for c in found]
    for m in _lexicon()["groups"].finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), entity_id(m.group()), "group"))
            taken.append(m.span())
    found += _named(text, taken)
    return tuple(sorted(found))


def _usable(text: str, c: Candidate, credited: Collection[str]) -> bool:
    return c.kind != "source" and text[c.start:c.end] not in credited


def find_subject(sentence: str, s0: int, row, credited: Collection[str] = ()) -> SubjectMention | None:
    """The candidate nearest before `row`'s metric (or anchor) in `sentence` (normalized,
    starting at document offset s0), or None."""
    limit = (row.metric_span[0] if row.metric_span and row.metric_span[0] < row.start else row.start) - s0
    limit = max(0, min(limit, len(sentence)))
    usable = [c for c in candidates(sentence) if c.end <= limit and _usable(sentence, c, credited)]
    if not usable:
        return None
    c = usable[-1]
    return SubjectMention(c.start, c.end, c.kind == "reference", c.entity_id or entity_id(sentence[c.start:c.end]))


def main_subject(text: str, credited: Collection[str] = ()) -> tuple[int, int] | None:
    """The first named entity of `text` that is not a back-reference or a source."""
    for c in candidates(text):
        if c.kind != "reference" and _usable(text, c, credited):
            return c.start, c.end
    return None


def names_an_entity(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] names an entity of its own (not a back-reference)."""
    return any(start <= c.start and c.end <= end and c.kind not in ("reference", "source")
               for c in candidates(sentence))


def is_noun_phrase(text: str, flags: tuple[str, ...]) -> bool:
    """True when every jieba token of `text` has one of the part-of-speech `flags` ('' is one)."""
    return all(token.flag in flags or token.flag[:1] == "n" for token in pos_tokenizer().cut(text.strip()))
