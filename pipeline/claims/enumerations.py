"""Enumerations among a sentence's subject candidates: the members of a breakdown
("finance, manufacturing and energy" + "industries"), and the names in a list of names
that neither the entity table nor jieba knows ("Huawei, vivo, Apple and Xiaomi")."""
from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import regex

from pipeline.periods.find import find_periods

from .subject_words import NOUNISH, WORD, Candidate, Token, lexicon, tagged_tokens

__all__ = ["ListedName", "breakdown_members", "list_members", "written_list"]


@functools.cache
def _breakdown_endings() -> tuple[str, ...]:
    return tuple(lexicon()["breakdown"])


def breakdown_members(tokens: list[Token]) -> list[tuple[list[Candidate], tuple[int, int]]]:
    """Members of an enumerated breakdown ("finance, manufacturing and energy" + "industries"):
    each a segment of its own, with the span of the breakdown word that closes the list."""
    out = []
    endings = _breakdown_endings()
    for i, (start, end, word, _flag) in enumerate(tokens):
        if not word.endswith(endings):        # most words: one test instead of one per breakdown word
            continue
        closing = next(w for w in lexicon()["breakdown"] if word.endswith(w))
        members, at = [], i - 1
        if len(word) > len(closing):                 # "energy industries" as one token
            members, at = [Candidate(start, end - len(closing), "", "segment")], i - 2
            if i < 1 or tokens[i - 1][2] not in lexicon()["joiners"]:
                continue
        while at >= 0 and _member(tokens[at]):
            members.insert(0, Candidate(tokens[at][0], tokens[at][1], "", "segment"))
            if at < 1 or tokens[at - 1][2] not in lexicon()["joiners"]:
                break
            at -= 2
        if len(members) > 1:
            out.append((members, (members[0].start, end)))
    return out


def _member(token: Token) -> bool:
    _s, _e, word, flag = token
    return (len(word) > 1 and (flag.startswith(NOUNISH) or flag == "v") and WORD.fullmatch(word) is not None
            and word not in lexicon()["stop"])


@functools.cache
def _between() -> regex.Pattern:
    """One unknown word standing between two list joiners."""
    joiner = "|".join(regex.escape(j) for j in sorted(lexicon()["joiners"], key=len, reverse=True))
    return regex.compile(rf"(?:{joiner})(?P<word>[\p{{Han}}\p{{Latin}}\d]{{1,10}})(?:{joiner})")


def list_members(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """A word written between two names of a list, joined to each by a list joiner, is a name
    too (a brand the entity table lacks, or one jieba reads as a common noun) — as sure a name
    as its neighbours when both are entities of the table."""
    names = sorted(c for c in found if c.kind in ("entity", "name"))
    out = []
    for left, right in itertools.pairwise(names):
        match = _between().fullmatch(text, left.end, right.start)
        if match and match.group("word") not in lexicon()["stop"]:
            kind = "entity" if left.kind == right.kind == "entity" else "name"
            out.append(Candidate(match.start("word"), match.end("word"), "", kind))
    return out


class ListedName(NamedTuple):
    start: int
    end: int
    suffix: tuple[int, int] | None    # a shared ending written only on the last member


def written_list(text: str, start: int, end: int, count: int) -> list[ListedName]:
    """The `count` names of a list written in text[start:end] right before a distributive word
    ("G7 and X9 delivered … respectively", "large, medium and small firms' PMI were …"), each
    a run of name-like words; members shorter than the last share its ending ("second- and
    third-tier cities"). Empty when the text is no such list."""
    tokens = [t for t in tagged_tokens(text[start:end]) if t[2].strip()]
    while tokens and tokens[-1][3].startswith(_CLOSING_FLAGS):
        tokens.pop()                   # a particle or adverb before the figures ("'s", "each")
    members: list[list[Token]] = [[]]
    for token in reversed(tokens):
        if token[2] in lexicon()["joiners"]:
            if not members[0]:
                return []
            members.insert(0, [])
        elif _name_like(token):
            members[0].insert(0, token)
        elif len(members) > 1 and members[0]:
            break
        else:
            return []
    if len(members) != count or not all(members):
        return []
    spans = [(start + m[0][0], start + m[-1][1]) for m in members]
    return _shared_ending(spans)


_NAME_FLAGS = ("n", "eng", "j", "x", "a", "b", "f", "m")
_CLOSING_FLAGS = ("u", "d", "p")


def _name_like(token: Token) -> bool:
    """A word that may be part of a listed name: a noun, a code or an adjective; a number only
    in Han numerals ("second-tier"), never a date's digits."""
    _s, _e, word, flag = token
    return (flag.startswith(_NAME_FLAGS) and WORD.fullmatch(word) is not None and word not in lexicon()["stop"]
            and not (flag == "m" and (any(ch.isdigit() for ch in word) or unicodedata.numeric(word[0], None) is None))
            and not (flag.startswith("m") and _names_a_period(word)))      # "the first and second quarters"


@functools.lru_cache(maxsize=1024)
def _names_a_period(word: str) -> bool:
    """A numeral word that is a period phrase ("the first quarter"): looked up once per word."""
    return bool(find_periods(word))


def _shared_ending(spans: list[tuple[int, int]]) -> list[ListedName]:
    *first, (last_start, last_end) = spans
    lengths = {e - s for s, e in first}
    if len(lengths) == 1 and (k := lengths.pop()) <= 2 and last_end - last_start > k:
        suffix = (last_start + k, last_end)
        return [*(ListedName(s, e, suffix) for s, e in first), ListedName(last_start, last_end, None)]
    return [ListedName(s, e, None) for s, e in spans]

