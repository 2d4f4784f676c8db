"""Patterns whose costly alternatives are skipped in a text that lacks what they need.

A rule pattern may be written as a list of alternatives, each a pattern or a mapping
`{pattern: ..., needs: ...}`: `needs` is a pattern that occurs in every text the
alternative matches in (say, the date a dated by-line ends with). An alternative that
can start at every Han character costs a scan of the whole text; where its `needs` is
nowhere in the text it cannot match anywhere, so the alternation without it finds the
same matches. `Gated.finditer` (and `search`) searches each `needs` once and runs the alternation of the
alternatives whose needs are met, compiled once per combination (at most 2**GATES_AT_MOST).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from . import any_of

GATES_AT_MOST = 3


def _entry(item: Any) -> tuple[str, str | None]:
    return (item, None) if isinstance(item, str) else (item["pattern"], item.get("needs"))


class Gated:
    """The alternation of `alternatives` (kept in their order), gated by their `needs`."""

    def __init__(self, alternatives: str | Sequence[Any]):
        entries = [_entry(a) for a in ([alternatives] if isinstance(alternatives, str) else alternatives)]
        gated = [i for i, (_p, needs) in enumerate(entries) if needs is not None]
        if len(gated) > GATES_AT_MOST:
            raise ValueError(f"at most {GATES_AT_MOST} alternatives of a pattern may be gated")
        self._gates = [regex.compile(entries[i][1] or "") for i in gated]
        self._variants: dict[tuple[bool, ...], regex.Pattern | None] = {}
        for met in itertools.product((True, False), repeat=len(gated)):
            dropped = {i for i, ok in zip(gated, met, strict=True) if not ok}
            kept = [p for i, (p, _n) in enumerate(entries) if i not in dropped]
            self._variants[met] = regex.compile(kept[0] if len(kept) == 1 else any_of(kept)) if kept else None

    def _pattern(self, text: str) -> regex.Pattern | None:
        return self._variants[tuple(gate.search(text) is not None for gate in self._gates)]

    def finditer(self, text: str) -> Iterator[regex.Match]:
        pattern = self._pattern(text)
        return iter(()) if pattern is None else pattern.finditer(text)

    def search(self, text: str) -> regex.Match | None:
        pattern = self._pattern(text)
        return None if pattern is None else pattern.search(text)


def compiled(alternatives: str | Sequence[Any]) -> regex.Pattern | Gated:
    """The compiled pattern of a rule's alternatives, gated only when one of them is."""
    entries = [alternatives] if isinstance(alternatives, str) else alternatives
    if all(isinstance(entry, str) for entry in entries):
        return regex.compile(entries[0] if len(entries) == 1 else any_of(entries))
    return Gated(entries)
