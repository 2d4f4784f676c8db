"""Not-a-claim filters (rules/claim_filters.yaml not_claims): the first, in the file's order,
whose every pattern matches the figure's context.

A figure passes nearly all filters. Each filter's first pattern (the cheapest part: the figure,
the text after, the text before) is its gate, and the gates of each part are joined into one
pattern, searched once: when it finds nothing, no filter gated on that part can match, and
none of them is searched one by one. The filter named is the same as searching them all in order.
"""
from __future__ import annotations

import functools

import regex

from pipeline import rules

from . import lexicon

_CHEAPEST_FIRST = {"text": 0, "after": 1, "before": 2}     # the figure is short, the text before is longest


@functools.cache
def _filters() -> tuple[dict[str, regex.Pattern], list[tuple[str, str, list[tuple[str, regex.Pattern]]]]]:
    """The joined gates of each part, and each filter: its name, the part of its gate, and its
    patterns, the cheapest to search first (all must match anyway; the first is the gate)."""
    gates: dict[str, list[str]] = {}
    filters = []
    for name, patterns in lexicon.claim_filters()["not_claims"]:
        ordered = sorted(patterns.items(), key=lambda item: _CHEAPEST_FIRST[item[0]])
        part = ordered[0][0]
        gates.setdefault(part, []).append(ordered[0][1].pattern)
        filters.append((name, part, ordered))
    return {part: regex.compile(rules.any_of(found)) for part, found in gates.items()}, filters


def not_claim_filter(before: str, text: str, after: str) -> str:
    """The name of the first not-a-claim filter whose every pattern matches, else ''."""
    context = {"before": before, "text": text, "after": after}
    joined, filters = _filters()
    quiet = {part for part, pattern in joined.items() if pattern.search(context[part]) is None}
    for name, part, patterns in filters:
        if part not in quiet and all(pattern.search(context[key]) for key, pattern in patterns):
            return name
    return ""
