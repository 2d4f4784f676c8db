"""Goods a trade release counts (rules/subjects.yaml traded_goods): in a statistics release the
subject of an export or import figure is what was traded (machinery, crude oil), not the
country that traded it, which is the subject only when nothing narrower is named."""
from __future__ import annotations

import functools

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .areas import is_area_word
from .entities import entity_id, entity_type
from .lexicon import find_metrics
from .subject_words import tagged_tokens


@functools.cache
def _rules() -> dict:
    data = rules.load("subjects")
    norm = lambda words: frozenset(normalize_text(w) for w in words)   # noqa: E731
    return {"patterns": tuple(regex.compile(p) for p in data["traded_goods"]),
            "flags": frozenset(data["goods_flags"]), "joiners": norm(data["goods_joiners"]),
            "not_goods": norm(data["not_goods"]), "areas": norm(data["statistics_areas"])}


def traded_goods(sentence: str, figure_start: int) -> tuple[int, int] | None:
    """The span of the last goods named before `figure_start` in `sentence` (normalized) as what
    is exported or imported right before a figure; None when there are none."""
    last, end = None, figure_start + 1        # the patterns look ahead at the figure's first digit
    for pattern in _rules()["patterns"]:
        for m in pattern.finditer(sentence, 0, end):
            if (last is None or m.start("goods") > last[0]) and _are_goods(m.group("goods")):
                last = m.span("goods")
    return last


def _are_goods(phrase: str) -> bool:
    """Nouns (and joiners between them) that name no place, no metric and no trade as a whole."""
    r = _rules()
    tokens = tagged_tokens(phrase)
    if phrase in r["not_goods"] or find_metrics(phrase) or not tokens:
        return False
    if any(t[2] in r["areas"] or is_area_word(t[2]) for t in tokens):
        return False
    inner = tokens[1:-1]
    return (all(t[3] in r["flags"] for t in (tokens[0], tokens[-1]))
            and all(t[3] in r["flags"] or t[2] in r["joiners"] for t in inner)
            and entity_type(entity_id(phrase)) != "region")
