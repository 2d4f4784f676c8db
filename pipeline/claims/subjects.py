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
from .lexicon import find_metrics, metric_parent, metric_table


class Candidate(NamedTuple):
    start: int
    end: int
    entity_id: str
    kind: str            # entity | group | sector | name | segment | reference | source


class SubjectMention(NamedTuple):
    start: int
    end: int
    reference: bool      # a back-reference ("the company"), not a name
    entity_id: str
    segment: bool = False  # a business unit: the subject of its own sentence's claims only


@functools.cache
def _lexicon() -> dict:
    data = rules.load("subjects")
    norm = lambda words: frozenset(normalize_text(w) for w in words)   # noqa: E731
    return {"groups": regex.compile(rules.alternation(data["group_words"], key=normalize_text)),
            "sectors": regex.compile(rules.alternation(data["sector_words"], key=normalize_text)),
            "release_words": regex.compile(rules.alternation(data["release_words"], key=normalize_text)),
            "segment_metric_words": regex.compile(rules.alternation(data["segment_metric_words"], key=normalize_text)),
            "reference_words": regex.compile(rules.alternation(
                [w for w in data["references"] if len(w) > 1], key=normalize_text)),
            "suffixes": tuple(normalize_text(w) for w in data["name_suffixes"]),
            "segments": tuple(normalize_text(w) for w in data["segment_suffixes"]),
            "references": norm(data["references"]), "flags": frozenset(data["name_flags"]),
            "stop": norm(data["stop_words"]) | frozenset(metric_table()),
            "credit": regex.compile(data["credit_pattern"])}


def credited_names(text: str, credits: Collection[str] = ()) -> frozenset[str]:
    """Names credited as reporter, author or editor anywhere in normalized `text`."""
    found = {m.group("name") for m in _lexicon()["credit"].finditer(text)}
    return frozenset(found | {normalize_text(name) for name in credits if name})


_NOUNISH = ("n", "nz", "vn", "eng", "j", "nt", "nrt", "ns", "an", "a", "x")


def _token_kind(word: str, flag: str) -> str:
    lex = _lexicon()
    if word in lex["references"]:
        return "reference"
    if word in lex["segments"]:
        return "segment_word"
    if word in lex["stop"] or len(word) < 2:
        return ""
    if word.endswith(lex["segments"]):
        return "segment"
    if (flag in lex["flags"] and not word.isascii()) or (
            word.endswith(lex["suffixes"]) and word not in lex["suffixes"]):
        return "name"
    return ""


def _segment_start(tokens: list[tuple[int, int, str, str]], at: int) -> int:
    """Where the noun phrase before a segment word ("smartphone" + "business") starts: up to 8 characters."""
    start = tokens[at][0]
    for s, _e, word, flag in reversed(tokens[:at]):
        if not flag.startswith(_NOUNISH) or word in _lexicon()["stop"] or tokens[at][1] - s > 8:
            break
        start = s
    return start


def _named(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names, segments and references by jieba's tags and the suffixes, adjacent names merged."""
    tokens, position = [], 0
    for token in pos_tokenizer().cut(text):
        tokens.append((position, position + len(token.word), token.word, token.flag))
        position += len(token.word)
    out: list[Candidate] = []
    for i, (start, end, word, flag) in enumerate(tokens):
        kind = _token_kind(word, flag)
        if kind == "segment_word":
            start, kind = _segment_start(tokens, i), "segment"
            if start == tokens[i][0]:
                continue                                   # a segment word alone names nothing
            while out and out[-1].start >= start:
                out.pop()
        if not kind or any(s < end and start < e for s, e in taken):
            continue
        if kind == "name" and out and out[-1].end == start and out[-1].kind == "name":
            out[-1] = Candidate(out[-1].start, end, "", kind)
        else:
            out.append(Candidate(start, end, "", kind))
    return out


def _is_code(text: str) -> bool:
    """A stock code (601398, 0700.HK): it identifies the entity but is never written as its name."""
    return text.isascii() and any(ch.isdigit() for ch in text)


@functools.lru_cache(maxsize=4096)
def candidates(text: str) -> tuple[Candidate, ...]:
    """Every subject candidate of a normalized sentence, in order. Group words and names
    inside a metric phrase ("domestic" in "gross domestic product") are not candidates."""
    found = [Candidate(m.start, m.end, m.entity.id, "source" if m.entity.type == "statistics_body" else "entity")
             for m in entity_mentions(text) if not _is_code(text[m.start:m.end])]
    taken = [(c.start, c.end) for c in found]
    for m in _lexicon()["sectors"].finditer(text):        # sectors may open a metric phrase
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), "", "sector"))
            taken.append(m.span())
    taken += [(m.start, m.end) for m in find_metrics(text)]
    for m in _lexicon()["reference_words"].finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), "", "reference"))
            taken.append(m.span())
    for m in _lexicon()["groups"].finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), entity_id(m.group()), "group"))
            taken.append(m.span())
    found += _named(text, taken)
    found += _segments_in_metrics(text, found)
    return tuple(sorted(found))


def _segments_in_metrics(text: str, found: list[Candidate]) -> list[Candidate]:
    """A segment's own metric phrase names it ("smartphone business revenue" → "smartphone business"): the phrase
    without its closing metric word, when the phrase measures a part of its parent."""
    closing = _lexicon()["segment_metric_words"]
    out = []
    for m in find_metrics(text):
        match = closing.search(text, m.start, m.end)
        if (match and match.end() == m.end and match.start() - m.start >= 2 and metric_parent(m.metric)
                and not any(c.start < m.end and m.start < c.end for c in found)):
            out.append(Candidate(m.start, match.start(), "", "segment"))
    return out


def _usable(text: str, c: Candidate, credited: Collection[str], statistics: bool = False) -> bool:
    """Sources and credited names are never subjects; in a statistics release, neither is a
    name only jieba knows (a product measured: integrated-circuit imports are the country's)."""
    return (c.kind != "source" and text[c.start:c.end] not in credited
            and not (statistics and c.kind == "name") and (statistics or c.kind != "sector"))


def find_subject(sentence: str, s0: int, row, credited: Collection[str] = (),
                 statistics: bool = False, clause: int = 0) -> SubjectMention | None:
    """The candidate nearest before `row`'s metric (or anchor) in `sentence` (normalized,
    starting at document offset s0), or None. A segment counts only in the claim's own
    clause (`clause`, sentence coordinates): it is the subject of its own figures."""
    metric = row.metric_span if row.metric_span and row.metric_span[0] < row.start else None
    limit = max(0, min((metric[0] if metric else row.start) - s0, len(sentence)))
    # A sector or segment may open the metric phrase itself ("property developers' funds").
    inner = metric[1] - s0 if metric else limit
    usable = [c for c in candidates(sentence) if _usable(sentence, c, credited, statistics)
              and (c.end <= limit or (c.kind in ("group", "sector", "segment") and c.start <= limit and c.end <= inner))
              and (c.kind != "segment" or c.start >= min(clause, limit))]
    if not usable:
        return None
    c = usable[-1]
    return SubjectMention(c.start, c.end, c.kind == "reference", c.entity_id or entity_id(sentence[c.start:c.end]),
                          c.kind == "segment")


def main_subject(text: str, credited: Collection[str] = ()) -> tuple[int, int] | None:
    """The first entity of `text` that is a name (not a group word, a back-reference or a
    source) — else the first group word."""
    usable = [c for c in candidates(text) if c.kind != "reference" and _usable(text, c, credited)]
    names = [c for c in usable if c.kind in ("entity", "name")]
    pool = names or usable
    return (pool[0].start, pool[0].end) if pool else None


def cites_a_source(text: str) -> bool:
    """Whether `text` names a statistics body or a release's words (a statistics release:
    its area is the subject)."""
    return any(c.kind == "source" for c in candidates(text)) or _lexicon()["release_words"].search(text) is not None


@functools.cache
def _areas() -> regex.Pattern:
    return regex.compile(rules.alternation(rules.load("subjects")["statistics_areas"], key=normalize_text))


def statistics_area(text: str) -> tuple[int, int] | None:
    """The first area word of a statistics release ("nationwide", "the whole city" …) written in `text`."""
    match = _areas().search(text)
    return match.span() if match else None


def last_named(sentence: str, credited: Collection[str] = (), statistics: bool = False) -> SubjectMention | None:
    """The last entity a sentence names (not a group word): what a later back-reference means."""
    named = [c for c in candidates(sentence) if c.kind in ("entity", "name")
             and _usable(sentence, c, credited, statistics)]
    if not named:
        return None
    c = named[-1]
    return SubjectMention(c.start, c.end, False, c.entity_id or entity_id(sentence[c.start:c.end]))


def names_an_entity(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] names an entity of its own (not a back-reference)."""
    return any(start <= c.start and c.end <= end and c.kind not in ("reference", "source")
               for c in candidates(sentence))


def is_noun_phrase(text: str, flags: tuple[str, ...]) -> bool:
    """True when every jieba token of `text` has one of the part-of-speech `flags` ('' is one)."""
    return all(token.flag in flags or token.flag[:1] == "n" for token in pos_tokenizer().cut(text.strip()))
