"""The entity table (rules/entities.yaml): names and aliases → one canonical entity id.

Companies, banks, insurers, regulators, statistics bodies, exchanges, indices and
regions, each with aliases in both scripts and stock codes. `entity_mentions(text)`
finds them in normalized text, longest alias first; `entity_id(name)` looks one up.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text


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


def _render(alias: str) -> str:
    """An alias as a pattern; Latin aliases and codes only as whole words (a code never inside a longer code)."""
    escaped = regex.escape(alias)
    return rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])" if alias[:1].isascii() else escaped


@functools.cache
def table() -> tuple[regex.Pattern, dict[str, Entity]]:
    """The alias pattern and the entity of every normalized alias."""
    by_alias: dict[str, Entity] = {}
    for entity_id, entry in rules.load("entities")["entities"].items():
        entity = Entity(entity_id, entry["name"], entry["type"], entry.get("parent") or "")
        # Only aliases and codes match: a name that is also a common word ("advanced") is left out of them.
        for alias in [*entry.get("aliases", []), *map(str, entry.get("codes", []))]:
            by_alias.setdefault(_key(alias), entity)
    pattern = regex.compile(rules.alternation(by_alias, render=_render), regex.I)
    return pattern, by_alias


def entity_mentions(text: str) -> list[EntityMention]:
    """Entities named in normalized `text`, in order, longest alias first at each place."""
    pattern, by_alias = table()
    return [EntityMention(m.start(), m.end(), by_alias[m.group().lower()]) for m in pattern.finditer(text)]


def entity_id(name: str) -> str:
    """The canonical id of a name as written, or ''."""
    entity = table()[1].get(_key(name))
    return entity.id if entity else ""
