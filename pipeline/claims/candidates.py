"""Subject candidates: every name, group, sector, segment and back-reference a sentence writes.

Candidates in a sentence are entities of the entity table (rules/entities.yaml), group
words (the industry, the nation, private enterprises …), sectors (in statistics releases),
names jieba tags as organisations or places, words that end in a name suffix, segments
(a noun phrase ending in a segment word, or a segment's own metric phrase), members of
an enumerated breakdown ("finance, manufacturing and energy industries"), and
back-references ("the company", "the bank"). Choosing among them is subjects.py's work.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Collection

import regex

from pipeline.text.normalize import normalize_text
from pipeline.text.segment import pos_tokenizer, tokenizer

from .coded_names import NOT_NAME_FLAGS, coded_names
from .entities import entity_id, entity_mentions
from .enumerations import breakdown_members, list_members
from .lexicon import find_metrics, metric_parent, metric_table
from .subject_words import NOUNISH, WORD, Candidate, Token, joined_with_place, lexicon, tagged_tokens


def credited_names(text: str, credits: Collection[str] = ()) -> frozenset[str]:
    """Names credited as reporter, author or editor anywhere in normalized `text`."""
    found = {m.group("name") for m in lexicon()["credit"].finditer(text)}
    return frozenset(found | {normalize_text(name) for name in credits if name})

_HAN = regex.compile(r"\p{Han}+")
_NAME_PART = frozenset(("nz", "ns", "nt", "nr", "nrt"))

@functools.lru_cache(maxsize=8192)   # words recur from sentence to sentence; the lexicon tests are linear scans
def _token_kind(word: str, flag: str) -> str:
    lex = lexicon()
    if word in lex["references"]:
        return "reference"
    if word in lex["segments"] or (word.startswith(lex["segments"]) and word in lex["stop"]):
        return "segment_word"
    if word in lex["stop"] or len(word) < 2 or lex["joined_fragment"].match(word):
        return ""
    if word.endswith(lex["segments"]):
        return "segment"
    if (flag in lex["flags"] and not word.isascii()) or (
            word.endswith(lex["suffixes"]) and word not in lex["suffixes"]):
        return "name"
    return ""


def _segment_start(tokens: list[Token], at: int) -> int:
    """Where the noun phrase before a segment word ("smartphone" + "business") starts: up to 8
    characters before it, over a joiner between two of its words ("power and components" group)."""
    start = tokens[at][0]
    for i in range(at - 1, -1, -1):
        s, _e, word, _flag = tokens[i]
        if tokens[at][0] - s > 8:
            break
        if word in lexicon()["joiners"] and start < tokens[at][0] and i and _segment_part(tokens[i - 1]):
            continue
        if not _segment_part(tokens[i]):
            break
        start = s
    return start


def _segment_part(token: Token) -> bool:
    _s, _e, word, flag = token
    # A verb of two characters can name a business ("innovation", "take-away"); one character
    # cannot. jieba tags some business names as set phrases ("automation").
    wordlike = flag.startswith(NOUNISH) or flag == "l" or (flag == "v" and len(word) > 1)
    return wordlike and WORD.fullmatch(word) is not None and word not in lexicon()["stop"]


def _opens_name(tokens: list[Token], at: int) -> bool:
    """Whether the token before a suffix word ("group", "company") is the first part of a name."""
    if at == 0 or tokens[at - 1][1] != tokens[at][0]:
        return False
    _s, _e, word, flag = tokens[at - 1]
    # A common noun ("Internet company") is a name's first part only in a list of names.
    listed = at > 1 and tokens[at - 2][2] in lexicon()["joiners"]
    return (len(word) > 1 and (flag in _NAME_PART or (flag in ("n", "x") and listed))
            and word not in lexicon()["stop"] and lexicon()["reference_words"].fullmatch(word) is None
            and _HAN.match(word) is not None)


def _named(tokens: list[Token], taken: list[tuple[int, int]]) -> list[Candidate]:
    """Names, segments and references by jieba's tags and the suffixes, adjacent names merged."""
    out: list[Candidate] = []
    for i, (start, end, word, flag) in enumerate(tokens):
        kind = _token_kind(word, flag)
        if i and (tokens[i - 1][2][-1:].isdigit() or tokens[i - 1][3] == "m") and tokens[i - 1][1] == start:
            continue                                       # right after a number: its measure word, never a name
        if word in lexicon()["suffixes"] and kind in ("reference", "") and _opens_name(tokens, i):
            start, kind = tokens[i - 1][0], "name"       # a name's first part and its suffix (Gemdale + Group)
            while out and out[-1].start >= start:
                out.pop()
        if kind == "segment_word":
            start, kind = _segment_start(tokens, i), "segment"
            if word not in lexicon()["segments"]:
                end = tokens[i][0]                         # "segment revenue" is the metric; the segment is before it
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


def _is_code(text: str, start: int, end: int) -> bool:
    """A stock code (601398, 0700.HK, JD.US): it identifies the entity but is never written as its name."""
    written = text[start:end]
    ticker = written.isascii() and text[end:end + 1] == "." and text[end + 1:end + 2].isascii()
    return written.isascii() and (ticker or any(ch.isdigit() for ch in written))


def _entities(text: str, starts: Collection[int], taken: list[tuple[int, int]]) -> list[Candidate]:
    """The entity table's names in `text` outside `taken` spans (stock codes aside). A short
    name inside a longer word (`starts`: where jieba's words start) is no name ("China" across
    "of which domestic"); a place that opens a registered company name (Suzhou … Co., Ltd.) is
    part of that name."""
    sources = lexicon()["source_types"]
    registered = [m.span() for m in lexicon()["registered"].finditer(text)]
    # the exchange labelling a code ("(Nasdaq: MOMO)") names no subject
    taken = taken + [m.span() for m in lexicon()["coded_name"].finditer(text)]
    return joined_with_place([Candidate(m.start, m.end, m.entity.id, "source" if m.entity.type in sources else "entity")
            for m in entity_mentions(text) if not _is_code(text, m.start, m.end)
            and (m.end - m.start > 3 or m.start in starts or text[m.start].isascii())
            and not any(s <= m.start and m.end <= e for s, e in taken)
            and not (m.entity.type == "region" and any(s <= m.start and m.end < e for s, e in registered))])


@functools.lru_cache(maxsize=4096)
def candidates(text: str) -> tuple[Candidate, ...]:
    """Every subject candidate of a normalized sentence, in order. Group words and names
    inside a metric phrase ("domestic" in "gross domestic product") are not candidates."""
    tokens = tagged_tokens(text)
    starts = {s for s, _e, _w, _f in tokens}
    masks = (lexicon()["masked"], *lexicon()["masked_patterns"])
    taken = [m.span() for pattern in masks for m in pattern.finditer(text)]
    # a fund named after an index is the fund, not the index
    found = _instrument_names(text, tokens, taken)
    found += _entities(text, starts, taken + [(c.start, c.end) for c in found])
    taken += [(c.start, c.end) for c in found]
    # an industry named in full (its sector word is part of it), then sector words, which may open a metric phrase
    spans = [m.span("name") for m in lexicon()["industry"].finditer(text)
             if not lexicon()["groups"].match(text, m.start("name"))]
    for start, end in spans + [m.span() for m in lexicon()["sectors"].finditer(text)]:
        if not any(s < end and start < e for s, e in taken):
            found.append(Candidate(start, end, "", "sector"))
            taken.append((start, end))
    taken += [(m.start, m.end) for m in find_metrics(text)]
    for m in lexicon()["reference_words"].finditer(text):
        # "group" after a name's first part completes the name (jieba's tokens decide, below)
        if m.group() in lexicon()["suffixes"] and m.start() and _HAN.match(text, m.start() - 1):
            continue
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), "", "reference"))
            taken.append(m.span())
    for m in lexicon()["registered"].finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), entity_id(m.group()), "name"))
            taken.append(m.span())
    for c in _layout_names(text):
        if not any(s < c.end and c.start < e for s, e in taken):
            found.append(c)
            taken.append((c.start, c.end))
    for members, span in breakdown_members(tokens):
        if not any(s < span[1] and span[0] < e for s, e in taken):
            found += members
            taken.append(span)
    for m in lexicon()["groups"].finditer(text):
        # a group word inside a longer word is no group ("industry" in "the banking industry's institutions")
        if m.start() in starts and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Candidate(m.start(), m.end(), entity_id(m.group()), "group"))
            taken.append(m.span())
    found += coded_names(text, tokens, taken)
    taken += [(c.start, c.end) for c in found]
    found += _named(tokens, taken)
    found += list_members(text, found)
    found += _segments_in_metrics(text, found)
    return tuple(sorted(found))


def _instrument_names(text: str, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Candidate]:
    """A fund or futures contract named by the ending of its kind (stock ETFs, the copper main
    contract; rules/subjects.yaml instrument_ending): the name runs back over the words before it.
    It is the subject of its own figures, never the article's main subject."""
    out, starts = [], [s for s, _e, _w, _f in tokens]
    metrics: list | None = None                  # found once, and only when an ending is written
    for m in lexicon()["instrument"].finditer(text):
        at = bisect.bisect_right(starts, m.start()) - 1
        if at < 0 or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        start = tokens[at][0]
        while at > 0 and _instrument_part(tokens[at - 1]) and m.end() - tokens[at - 1][0] <= 14:
            at -= 1
            start = tokens[at][0]
        # a name, not the bare ending nor a metric phrase (the gold main contract's price)
        metrics = find_metrics(text) if metrics is None else metrics
        if start < m.start() and not any(f.start < m.end() and start < f.end for f in metrics):
            out.append(Candidate(start, m.end(), "", "instrument"))
    return out


def _instrument_part(token: Token) -> bool:
    _s, _e, word, flag = token
    # an index's name is what a fund is named after (an index ETF), though it names a metric elsewhere
    named = word not in lexicon()["stop"] or metric_table().get(word, ("", ""))[0] in lexicon()["instrument_metrics"]
    return (_ALNUM.fullmatch(word) is not None and named
            and (not flag.startswith(NOT_NAME_FLAGS + ("v", "a")) or (flag == "m" and word.isascii())))


_ALNUM = regex.compile(r"[\p{Han}A-Za-z0-9]+")


def _layout_names(text: str) -> list[Candidate]:
    """A name heading a list item or opening a clause as its topic (rules/subjects.yaml
    item_heading, topic_name) — not a metric, a period word or a part of the page."""
    lex, out = lexicon(), []
    heading, topic = lex["layout_names"]
    found = [(m, True) for m in (heading.match(text),) if m] + [(m, False) for m in topic.finditer(text)]
    for m, headed in found:
        name = m.group("name")
        if (name in lex["not_headings"] or name in lex["stop"] or find_metrics(name)
                or lex["groups"].fullmatch(name) or lex["reference_words"].fullmatch(name)
                or not (entity_id(name) or _one_name_word(name) or (headed and _names_something(name)))):
            continue
        # a name heading a list item is as sure as the table's (the item is about it)
        out.append(Candidate(m.start("name"), m.end("name"), entity_id(name), "entity" if headed else "name"))
    return out


def _names_something(text: str) -> bool:
    """A heading that is one word, ends in a segment suffix, or has a word jieba tags as a name or
    does not know ("China Merchants Shekou"), not a phrase of common words alone (a section heading:
    "asset quality", "revenue structure"; a brand that is a common word stands alone)."""
    words = list(pos_tokenizer().cut(text))
    return (len(words) == 1 or text.endswith(lexicon()["segments"]) or text.endswith(lexicon()["suffixes"])
            or any(w.flag in lexicon()["topic_flags"] or not tokenizer().FREQ.get(w.word) for w in words))


def _one_name_word(text: str) -> bool:
    """One jieba word that jieba tags as a name, or that its dictionary does not hold."""
    words = list(pos_tokenizer().cut(text))
    return len(words) == 1 and (words[0].flag in lexicon()["topic_flags"] or not tokenizer().FREQ.get(text))


def _segments_in_metrics(text: str, found: list[Candidate]) -> list[Candidate]:
    """A segment's own metric phrase names it ("smartphone business revenue" → "smartphone business"): the phrase
    without its closing metric word, when the phrase measures a part of its parent."""
    closing = lexicon()["segment_metric_words"]
    out = []
    for m in find_metrics(text):
        match = closing.search(text, m.start, m.end)
        if (match and match.end() == m.end and match.start() - m.start >= 2 and metric_parent(m.metric)
                and text[m.start:match.start()] not in lexicon()["stop"]
                and text[m.start:match.start()].endswith(lexicon()["segments"])
                and not any(c.start < m.end and m.start < c.end for c in found)):
            out.append(Candidate(m.start, match.start(), "", "segment"))
    return out

