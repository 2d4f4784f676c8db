"""A listed company's name before its bracketed stock code (rules/subjects.yaml coded_name)."""
from __future__ import annotations

import regex

from .subject_words import Candidate, Token, lexicon

_HAN = regex.compile(r"\p{Han}+")


def coded_names(text: str, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Candidate]:
    """The words right before a bracketed stock code: a company's name (rules/subjects.yaml coded_name)."""
    out = []
    ends = {e: i for i, (_s, e, _w, _f) in enumerate(tokens)}
    for m in lexicon()["coded_name"].finditer(text):
        # a share-class mark between the name and its code ("-SS", "-W", "-KY") is no part of the name
        mark = lexicon()["share_class_mark"].search(text, max(0, m.start() - 4), m.start())
        end = mark.start() if mark else m.start()
        at = ends.get(end)
        if at is None or any(s < end and end <= e for s, e in taken):
            continue                                       # no word ends there, or a known name does
        start = end
        while at >= 0 and end - tokens[at][0] <= 10 and (_name_part(tokens[at], last=start == end)
                                                         or _completes_short_name(tokens[at], end - start)):
            start, at = tokens[at][0], at - 1
        label = lexicon()["stock_label"].match(text, start, end)
        start = label.end() if label else start
        if end - start >= 2 and text[start:end] not in lexicon()["suffixes"]:
            out.append(Candidate(start, end, "", "entity"))     # a listed company: as sure as the table
    return out


def _name_part(token: Token, last: bool) -> bool:
    """A word that may be part of a name before a stock code: any Han word but a time word, a
    preposition, conjunction, adverb, pronoun, numeral, particle or locative — and a verb of two
    characters or more only as the name's last word ("galaxy entertainment"; "announced" before it is no part).
    A name suffix that is no name on its own ("technology", "group") may end one ("blueprint medical technology")."""
    _s, _e, word, flag = token
    tagged = not flag.startswith(NOT_NAME_FLAGS) or (flag == "d" and len(word) > 1)  # jieba: some are adverbs
    return (_HAN.fullmatch(word) is not None and tagged
            and (last or not flag.startswith("v") or len(word) == 1)
            and (word not in lexicon()["stop"] or (last and word in lexicon()["suffixes"]))
            and (word not in lexicon()["references"] or (last and word in lexicon()["suffixes"])))


NOT_NAME_FLAGS = ("t", "p", "c", "d", "r", "m", "u", "f", "q", "i")


def _completes_short_name(token: Token, found: int) -> bool:
    """A verbal noun before a one-character word that the code follows is the name's first part (a
    retailer named "unified super"); before a longer name it is a description ("cooperative robot maker")."""
    return found == 1 and token[3] == "vn" and _HAN.fullmatch(token[2]) is not None
