"""The area a statistics release covers: the region its title names, else the first area
word of its body ("nationwide", "the whole province"), which is the subject of its figures
when nothing narrower is named (rules/subjects.yaml statistics_areas, area_words).
"""
from __future__ import annotations

import functools

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .candidates import candidates, lexicon
from .entities import entity_mentions, entity_type

__all__ = ["cites_a_source", "statistics_area", "source_region", "named_region", "is_area_word"]


def cites_a_source(text: str) -> bool:
    """Whether `text` names a statistics body or a release's words (a statistics release:
    its area is the subject). The entity table alone decides: no tagging needed."""
    return (any(m.entity.type == "statistics_body" for m in entity_mentions(text))
            or lexicon()["release_words"].search(text) is not None)


@functools.cache
def _areas() -> regex.Pattern:
    return regex.compile(rules.alternation(rules.load("subjects")["statistics_areas"], key=normalize_text))


def statistics_area(text: str) -> tuple[int, int] | None:
    """The first area word of a statistics release ("nationwide", "the whole city" …) written in `text`."""
    # "the whole market" is no area, nor the start of a name ("the national interbank funding centre")
    masked = [m.span() for m in lexicon()["masked"].finditer(text)]
    names = [(m.start, m.end) for m in entity_mentions(text)]
    found = (m for m in _areas().finditer(text) if not any(s <= m.start() < e for s, e in masked)
             and not any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in names))
    match = next(found, None)
    return match.span() if match else None


def source_region(text: str) -> tuple[int, int] | None:
    """The region the first statistics source in `text` is named after ("the People's Bank of
    China" → China): the area of a release whose body writes no area word."""
    for m in entity_mentions(text):
        if m.entity.type in ("statistics_body", "regulator"):
            name = text[m.start:m.end]
            prefix = max((len(r) for r in _region_names() if len(r) < len(name) and name.startswith(r)), default=0)
            if prefix:
                return m.start, m.start + prefix
    return None


@functools.cache
def _region_names() -> frozenset[str]:
    entities = rules.load("entities")["entities"].values()
    return frozenset(normalize_text(a) for e in entities if e["type"] == "region" for a in e.get("aliases", []))


def named_region(text: str) -> tuple[int, int] | None:
    """The first region of the entity table that `text` (a release's title) names."""
    return next(((c.start, c.end) for c in candidates(text)
                 if c.kind == "entity" and entity_type(c.entity_id) == "region"), None)


def is_area_word(word: str) -> bool:
    """A word for the whole of a region ("the whole province"): it means the region the release covers."""
    return word in _area_words()


@functools.cache
def _area_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in rules.load("subjects")["area_words"])
