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
        for alias in [*entry.get("aliases", []), *map(str, entry.get("codes", []))]:
            by_alias.setdefault(_key(alias), entity)
    return PhraseMatcher(by_alias.items()), by_alias


def entity_mentions(text: str) -> list[EntityMention]:
    """Entities named in normalized `text`, in order, longest alias first at each place."""
    return [EntityMention(start, end, entity) for start, end, entity in table()[0].find(text)]


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
