"""The entity table (rules/entities.yaml): names and aliases → one canonical entity id.

Companies, banks, insurers, regulators, statistics bodies, exchanges, indices and
regions, each with aliases in both scripts and stock codes. `entity_mentions(text)`
finds them in normalized text, longest alias first; `entity_id(name)` looks one up.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline import rules
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import tokenizer

from .phrases import PhraseMatcher


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    parent: str = ""


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    entity: Entity


def _key(alias: str) -> str:
    return normalize_text(alias).lower()


@functools.cache
def table() -> tuple[PhraseMatcher[Entity], dict[str, Entity]]:
    """The alias matcher and the entity of every normalized alias."""
    by_alias: dict[str, Entity] = {}
    for entity_id, entry in rules.load("entities")["entities"].items():
        entity = Entity(entity_id, entry["name"], entry["type"], entry.get("parent") or "")
        # Only aliases and codes match: a name that is also a common word ("advanced") is left out of them.
        for alias in [*entry.get("aliases", []), *entry.get("bounded_aliases", []), *map(str, entry.get("codes", []))]:
            by_alias.setdefault(_key(alias), entity)
    return PhraseMatcher(by_alias.items()), by_alias


@functools.cache
def _bounded() -> frozenset[str]:
    return frozenset(_key(a) for e in rules.load("entities")["entities"].values() for a in e.get("bounded_aliases", []))


def _word_across_edge(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word runs across the start or the end of text[start:end] (the short
    name inside "growth and", "chairman and", "peace")."""
    words = tokenizer().FREQ
    return any(words.get(text[start - k:start + 1]) for k in (1, 2) if start - k >= 0) \
        or any(words.get(text[end - 1:end + k]) for k in (1, 2) if end + k <= len(text))


def entity_mentions(text: str) -> list[EntityMention]:
    """Entities named in normalized `text`, in order, longest alias first at each place (a
    bounded alias only where no dictionary word runs across its edges)."""
    return list(_mentions_in(text))


@functools.lru_cache(maxsize=4096)
def _mentions_in(text: str) -> tuple[EntityMention, ...]:
    # a sentence is read for its names by several stages (candidates, areas, the main subject)
    bounded = _bounded()
    return tuple(EntityMention(start, end, entity) for start, end, entity in table()[0].find(text)
                 if not (_key(text[start:end]) in bounded and _word_across_edge(text, start, end)))


def entity_id(name: str) -> str:
    """The canonical id of a name as written, or ''."""
    entity = table()[1].get(_key(name))
    return entity.id if entity else ""


@functools.cache
def _types() -> dict[str, str]:
    return {entity.id: entity.type for entity in table()[1].values()}


def entity_type(ident: str) -> str:
    """The type of an entity id (company, region, index …), or ''."""
    return _types().get(ident, "")
