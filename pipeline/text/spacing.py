"""Figures set apart by spaces. Some sites put a space between every run of digits or Latin
letters and the Chinese around it ("revenue rose 95.6% to RMB 19.76 bn", spaced the Western
way); on such a page a space is typography, not the gap between two list items that it is
elsewhere (rules/segmentation.yaml, clause_space). On a page spaced that way throughout, those
spaces are closed up in the text the rules read; each kept character keeps its raw span, so
an anchor still maps to the raw text, spaces included.
"""
from __future__ import annotations

import functools

import regex

from pipeline import rules


@functools.cache
def _spacing() -> tuple[regex.Pattern, regex.Pattern, int, float]:
    data = rules.load("segmentation")["number_spacing"]
    return regex.compile(data["spaced"]), regex.compile(data["closed"]), data["min_spaced"], data["min_share"]


def _typographic_spaces(text: str) -> list[int]:
    """Where the spaces set figures apart, when the whole text is spaced that way; else none."""
    spaced, closed, least, share = _spacing()
    found = [m.start() for m in spaced.finditer(text)]
    n = len(found)
    # most pages stop at the first count, before the unspaced places are counted
    return found if n >= least and n >= share * (n + len(closed.findall(text))) else []


def spaced_page(text: str) -> bool:
    """Whether figures and Latin words are set apart by spaces throughout the text."""
    return bool(_typographic_spaces(text))


def close_up(text: str, starts: list[int] | None, ends: list[int] | None
             ) -> tuple[str, list[int] | None, list[int] | None]:
    """The text without the typographic spaces of a spaced page, with each kept character's
    raw span (None maps: the text is the raw text); any other text unchanged."""
    drop = set(_typographic_spaces(text))
    if not drop:
        return text, starts, ends
    keep = [i for i in range(len(text)) if i not in drop]
    return ("".join(text[i] for i in keep),
            [starts[i] if starts is not None else i for i in keep],
            [ends[i] if ends is not None else i + 1 for i in keep])
