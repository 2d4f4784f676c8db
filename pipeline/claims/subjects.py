"""Subjects: the entity a claim is about, as written (docs/annotation-guide.md, Subjects).

Statistics bodies are the source of a figure, not its subject; persons — and anyone
credited as reporter, author or editor — never are (rules/subjects.yaml). A claim's
subject is the nearest candidate (candidates.py) before its metric (or anchor) in its
sentence; a figure of a "respectively" list takes the matching member of a list of as
many candidates; a back-reference, or no candidate, keeps the paragraph's previous
subject, else the article's main subject.
"""
from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import NamedTuple

import regex

from pipeline import rules
from pipeline.text.segment import pos_tokenizer

from .candidates import Candidate, candidates, credited_names, lexicon
from .entities import entity_id, entity_type
from .enumerations import ListedName, written_list
from .lexicon import claim_rules, find_metrics, list_separator

__all__ = ["SubjectMention", "candidates", "credited_names", "find_subject", "main_subject", "last_named",
           "names_an_entity", "is_noun_phrase"]

_DIGIT = regex.compile(r"\d")
_PUNCT = ",，;；:：、 "


class SubjectMention(NamedTuple):
    start: int
    end: int
    reference: bool      # a back-reference ("the company"), not a name
    entity_id: str
    segment: bool = False  # a business unit: the subject of its own sentence's claims only
    suffix: tuple[int, int] | None = None   # an ending shared with the last member of a list

def _usable(text: str, c: Candidate, credited: Collection[str], statistics: bool = False) -> bool:
    """Sources and credited names are never subjects; in a statistics release, neither is a
    name only jieba knows (a product measured: integrated-circuit imports are the country's);
    a place after a locative word is where, not who; a name after a comparison word is a base."""
    return (c.kind != "source" and not _credited(text, c, credited)
            and lexicon()["comparison_base"].search(text, max(0, c.start - 8), c.start) is None
            and not (statistics and c.kind == "name") and (statistics or c.kind != "sector")
            and not (c.kind in ("group", "name", "entity") and text[:c.start].endswith(lexicon()["locative"])
                     and _is_place(c)))


def _credited(text: str, c: Candidate, credited: Collection[str]) -> bool:
    """A credited name, or the first part of one as written (the outlet name before the "net news" of its dateline)."""
    return text[c.start:c.end] in credited or any(
        len(name) > c.end - c.start and text.startswith(name, c.start) for name in credited)


def _is_place(c: Candidate) -> bool:
    return c.kind == "group" or entity_type(c.entity_id) in ("region", "exchange")


def with_known(sentence: str, known: Sequence[str]) -> list[Candidate]:
    """The sentence's candidates, and every place it writes a name the article has already
    established (its headline name) that no candidate covers."""
    found = list(candidates(sentence))
    for name in filter(None, known):
        start = sentence.find(name)         # each place it is written, none overlapping
        while start >= 0:
            end = start + len(name)
            # a candidate inside the name (a place inside a fund's name) is part of it
            found = [c for c in found if not (start <= c.start and c.end <= end and c.end - c.start < len(name))]
            if not any(c.start < end and start < c.end for c in found):
                found.append(Candidate(start, end, "", "name"))
            start = sentence.find(name, end)
    return sorted(found)


def _before(sentence: str, row, s0: int, credited: Collection[str], statistics: bool,
            clauses: Sequence[int], known: Sequence[str] = ()) -> list[Candidate]:
    """The usable candidates before `row`'s metric (or anchor); group words, sectors, segments and
    named entities may open the metric phrase itself ("property developers' funds", an index's level)."""
    metric = row.metric_span if row.metric_span and s0 <= row.metric_span[0] < row.start else None
    limit = max(0, min((metric[0] if metric else row.start) - s0, len(sentence)))
    inner = metric[1] - s0 if metric else limit
    opening = ("group", "sector", "segment", "entity")
    found = [c for c in with_known(sentence, known) if _usable(sentence, _as_actor(c, row.metric), credited, statistics)
             and (c.end <= limit or (c.kind in opening and c.start <= limit and c.end <= inner))]
    clause = clauses[min(max(row.start - s0, 0), len(clauses) - 1)]
    # A segment is the subject of its own clause's figures — of the whole sentence when it opens it.
    return [c for i, c in enumerate(found)
            if c.kind != "segment" or c.start >= min(clause, limit) or (i == 0 and _topic(sentence, c, clauses))]


def _as_actor(c: Candidate, metric: str) -> Candidate:
    """A source (a central bank) is the subject of figures of its own acts (its policy rate,
    its open-market operations), not only their source."""
    return c._replace(kind="entity") if c.kind == "source" and metric in _acts_of_sources() else c


@functools.cache
def _acts_of_sources() -> frozenset[str]:
    return frozenset(rules.load("subjects")["acts_of_sources"])


def _topic(sentence: str, c: Candidate, clauses: Sequence[int]) -> bool:
    """Whether a segment opens the sentence as its topic: in its first clause, which gives a
    figure of it or ends in a topic word ("as for new businesses, …")."""
    end = next((p for p in clauses if p > 0), len(sentence))
    first = sentence[:end].rstrip(_PUNCT)
    return c.start < end and (_DIGIT.search(first) is not None or first.endswith(lexicon()["topic"]))


def find_subject(sentence: str, s0: int, row, clauses: Sequence[int], credited: Collection[str] = (),
                 statistics: bool = False, listed: tuple[int, int] | None = None,
                 known: Sequence[str] = ()) -> SubjectMention | None:
    """The candidate nearest before `row`'s metric (or anchor) in `sentence` (normalized,
    starting at document offset s0), or None. A segment counts only in the claim's own
    clause (`clauses`: the clause start of every index, as Sentence.clauses) unless it opens
    the sentence as its topic: it is the subject of its own figures. A figure
    `listed` as (place, count) in a distributive list takes the matching member of a list of
    as many candidates ("A, B and C's sales were 1, 2 and 3 respectively")."""
    usable = _before(sentence, row, s0, credited, statistics, clauses, known)
    members = _enumeration(sentence, usable) if usable and listed is not None else []
    if listed is not None and len(members) != listed[1]:
        written = _written_members(sentence, row, s0, clauses, listed[1])
        if written:
            found = written[listed[0]]
            return SubjectMention(found.start, found.end, False, "", True, found.suffix)
    if not usable:
        return None
    c = usable[-1]
    if c.kind == "sector" and len(usable) > 1 and usable[-2].end == c.start and _is_place(usable[-2]):
        c = usable[-2]                 # "the province's industry above designated size": the province's figure
    named = [n for n in usable if n.kind in ("entity", "name")]
    if c.kind == "reference" and named and (_RIGHT_BEFORE.fullmatch(sentence, named[-1].end, c.start)
                                            or lexicon()["coded_name"].match(sentence, named[-1].end)):
        # "Moutai (600519.SH): the company's revenue …", "Montage (688008) announced that the
        # company expects …": the name just written, or written with its stock code
        c = named[-1]
    if listed is not None and len(members) == listed[1]:
        c = members[listed[0]]
    return SubjectMention(c.start, c.end, c.kind == "reference", c.entity_id or entity_id(sentence[c.start:c.end]),
                          c.kind == "segment")


def _written_members(sentence: str, row, s0: int, clauses: Sequence[int], count: int) -> list[ListedName]:
    """The names of a list written right before a distributive figure's metric (or its
    distributive word) in its own clause, when no list of candidates has as many members."""
    anchor = min(max(row.start - s0, 0), len(sentence) - 1)
    metric = row.metric_span[0] - s0 if row.metric_span and 0 <= row.metric_span[0] - s0 < anchor else None
    start = clauses[metric if metric is not None else anchor]
    word = claim_rules()["distributive"].search(sentence, start, anchor)
    ends = [p for p in (metric, word.start() if word else None) if p is not None and p > start]
    return written_list(sentence, start, min(ends), count) if ends else []


_BRACKETED = regex.compile(r"[(（][^()（）]{0,20}[)）]")
_RIGHT_BEFORE = regex.compile(r"\s*+(?:[(（][^()（）]{0,20}[)）])?\s*+[:：,，]?\s*+")


def _enumeration(sentence: str, usable: list[Candidate]) -> list[Candidate]:
    """The last run of candidates written as a list (separated only by list separators; a
    bracketed gloss such as an English name may follow each)."""
    run = [usable[-1]]
    for c in reversed(usable[:-1]):
        gap = _BRACKETED.sub("", sentence[c.end:run[0].start])
        if not gap or not list_separator().match(gap):
            break
        run.insert(0, c)
    return run


def main_subject(text: str, credited: Collection[str] = (), title: bool = False) -> tuple[int, int] | None:
    """The article's main entity in `text`: the first name (not a group word, a back-reference,
    a source or — outside a `title`, where it is what the story is about — an exchange), unless
    a headline opens with a name of its own before it — else the first group word (never a segment)."""
    not_main = () if title else lexicon()["not_main_types"]
    usable = [c for c in candidates(text) if c.kind != "reference" and _usable(text, c, credited)
              and entity_type(c.entity_id) not in not_main]
    names = _listed_before_place([c for c in usable if c.kind in ("entity", "name")], text)
    headline = _headline_name(text)
    if headline is not None and _credited(text, Candidate(*headline, "", "name"), credited):
        headline = None
    if names and (headline is None or names[0].start <= headline[0]):
        return names[0].start, names[0].end
    # A segment or an instrument is the subject of its own figures only: it never stands for the article.
    pool = [c for c in usable if c.kind not in ("segment", "instrument")]
    return headline or ((pool[0].start, pool[0].end) if pool else None)


def _listed_before_place(names: list[Candidate], text: str) -> list[Candidate]:
    """A place that opens the names is a listed company's descriptor when that company, its
    stock code written after it, follows in the same sentence (a mainland tea chain X (02597)): the
    company comes first."""
    if not names or not _is_place(names[0]):
        return names
    end = _SENTENCE_END.search(text, names[0].end)
    limit = end.start() if end else len(text)
    listed = next((c for c in names[1:] if c.end <= limit and not _is_place(c) and listed_at(text, c.end)), None)
    return [listed, *(c for c in names if c is not listed)] if listed else names


_SENTENCE_END = regex.compile(r"[。！？!?\n]")


@functools.cache
def _headline_flags() -> tuple[frozenset[str], frozenset[str]]:
    data = rules.load("subjects")
    return frozenset(data["headline_name_flags"]), frozenset(data["headline_end_flags"])


def _headline_name(text: str) -> tuple[int, int] | None:
    """The name that opens the first line of `text` stating a figure (a headline; a section name
    may stand above it), as a run of noun-like words closed by a time word, a verb, a number or a
    metric (rules/subjects.yaml)."""
    name_flags, end_flags = _headline_flags()
    line_start, seen = 0, 0
    for line in text.split("\n"):
        seen += bool(line.strip())
        if seen > _headline_lines():
            break
        if _DIGIT.search(line):               # the first line with a figure: the headline, not a body sentence
            span = _opening_run(line, name_flags, end_flags)
            return (line_start + span[0], line_start + span[1]) if span is not None else None
        line_start += len(line) + 1
    return None


@functools.cache
def _headline_lines() -> int:
    return rules.load("subjects")["headline_lines"]


def _opening_run(line: str, name_flags: frozenset[str], end_flags: frozenset[str]) -> tuple[int, int] | None:
    lead = len(line) - len(line.lstrip())
    metrics = [m.start for m in find_metrics(line)]
    position, last_flag = lead, ""
    for token in pos_tokenizer().cut(line[lead:]):
        if position in metrics or token.flag in end_flags:
            break
        if token.flag not in name_flags:
            return None
        position, last_flag = position + len(token.word), token.flag
    else:
        return None                    # a line of nouns alone is a heading or a breadcrumb, not a headline
    name = line[lead:position]
    # A headline states a figure; a user name or a column name before a verb does not.
    if (_DIGIT.search(line, position) is None or not 2 <= len(name) <= 10 or last_flag == "a"
            or lexicon()["credit"].search(name) is not None
            or not _HAN_ONLY.fullmatch(name) or _generic(name)):
        return None
    return lead, position


_HAN_ONLY = regex.compile(r"\p{Han}+")


def _generic(name: str) -> bool:
    """A stop word, a back-reference, a group or sector word, or a source: no subject of its own."""
    lex = lexicon()
    return (name in lex["stop"] or lex["reference_words"].fullmatch(name) is not None
            or lex["groups"].search(name) is not None or lex["sectors"].search(name) is not None
            or entity_type(entity_id(name)) in lex["source_types"] | lex["not_main_types"])


def last_named(sentence: str, credited: Collection[str] = (), statistics: bool = False,
               known: Sequence[str] = ()) -> SubjectMention | None:
    """The last entity a sentence names (not a group word): what a later back-reference means."""
    named = [c for c in with_known(sentence, known) if c.kind in ("entity", "name")
             and _usable(sentence, c, credited, statistics)]
    if not named:
        return None
    c = named[-1]
    return SubjectMention(c.start, c.end, False, c.entity_id or entity_id(sentence[c.start:c.end]))


def listed_at(sentence: str, end: int) -> bool:
    """Whether a stock code in brackets follows `end`: the name before it is a listed company's."""
    return lexicon()["coded_name"].match(sentence, end) is not None


def names_an_entity(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] names an entity of its own (not a back-reference, nor a base
    it is compared with: "1.8 points above the national rate")."""
    base = lexicon()["comparison_base"]
    return any(start <= c.start and c.end <= end and c.kind not in ("reference", "source")
               and base.search(sentence, max(0, c.start - 8), c.start) is None for c in candidates(sentence))


def opens_with_noun(text: str, flags: tuple[str, ...]) -> bool:
    """True when the first jieba token of `text` has one of the part-of-speech `flags` (or is a noun)."""
    first = next(iter(pos_tokenizer().cut(text.strip())), None)
    return first is not None and (first.flag in flags or first.flag[:1] == "n")


def is_noun_phrase(text: str, flags: tuple[str, ...]) -> bool:
    """True when every jieba token of `text` has one of the part-of-speech `flags` ('' is one)."""
    return all(token.flag in flags or token.flag[:1] == "n" for token in pos_tokenizer().cut(text.strip()))
