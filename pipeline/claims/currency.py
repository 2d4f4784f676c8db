"""What currency a money figure is in when its words do not say (contract §1, v1.1).

A bare yuan sign is CNY, except where the body names another yuan-counted currency (New
Taiwan dollars: rules/claim_filters.yaml `generic_yuan_currencies`) more often than the
renminbi. A currency declared for what follows ("RMB, the same below", "unit: NT$ 100
million", "expressed in HK dollars": rules/claim_filters.yaml `currency_declarations`)
is the currency of every bare amount after it. An amount with no currency word at all
takes the document's main currency: the one its money figures are written in most
often, each bare yuan counted as what it resolves to.
"""
from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from pipeline import rules
from pipeline.quantities import Quantity
from pipeline.text.normalize import normalize_text


@functools.cache
def _words() -> tuple[regex.Pattern, dict[str, str]]:
    """Every currency word of rules/quantity_currencies.yaml and its ISO code."""
    data = rules.load("quantity_currencies")
    codes = {normalize_text(w): c for w, c in (data["prefix"] | data["suffix"]).items() if not w.isascii()}
    return regex.compile(rules.alternation(codes)), codes


@functools.cache
def _declarations() -> list[regex.Pattern]:
    return [regex.compile(p) for p in rules.load("claim_filters")["currency_declarations"]]


_CLAUSE_END = regex.compile(r"(?<!\d)[,，](?!\d)|[;；。：:\n]")    # not a thousands separator


def _effective_from(text: str, match: regex.Match, floor: int) -> int:
    """A declaration takes effect after it; one in brackets right after an amount ("186.3 bn
    (in HK dollars, the same below)") covers that amount too: from the start of its clause."""
    if text[match.start():match.start() + 1] not in "(（":
        return match.end()
    lo = max(floor, match.start() - 80)
    ends = list(_CLAUSE_END.finditer(text, lo, match.start()))
    return ends[-1].end() if ends else lo


def declarations(text: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    """(where it takes effect, ISO code) of every currency declaration in text[start:end]."""
    _, codes = _words()
    found = []
    for pattern in _declarations():
        for match in pattern.finditer(text, start, end):
            code = codes.get(match.group("cur"))
            if code:
                found.append((_effective_from(text, match, start), code))
    return tuple(sorted(set(found)))


@dataclass(frozen=True)
class Currencies:
    main: str = "CNY"                                 # for amounts with no currency word
    yuan: str = "CNY"                                 # what a bare yuan sign means
    declared: tuple[tuple[int, str], ...] = ()        # (from position, code), by position

    def declared_at(self, position: int) -> str | None:
        at = bisect.bisect_right(self.declared, (position, "\uffff")) - 1
        return self.declared[at][1] if at >= 0 else None

    def bare_yuan(self, position: int) -> str:
        return self.declared_at(position) or self.yuan

    def unwritten(self, position: int) -> str:
        return self.declared_at(position) or self.main


def read_currencies(text: str, start: int, end: int, money: Iterable[tuple[int, Quantity]]) -> Currencies:
    """The currency facts of the body text[start:end]; `money` holds (document offset, mention)."""
    pattern, codes = _words()
    written = Counter(codes[m.group()] for m in pattern.finditer(text, start, end))
    yuan = next((c for c in rules.load("claim_filters")["generic_yuan_currencies"]
                 if written[c] > written["CNY"]), "CNY")
    base = Currencies("CNY", yuan, declarations(text, start, end))
    counts: Counter[str] = Counter()
    for position, q in money:
        if q.kind == "money" and q.unit:
            counts[base.bare_yuan(position) if q.generic_currency else q.unit] += 1
    return Currencies(counts.most_common(1)[0][0] if counts else "CNY", yuan, base.declared)
