"""A mention being read: mutable while the finder reads what follows the numeral."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Draft:
    start: int
    end: int
    kind: str
    value: Decimal | None
    unit: str = ""
    form: str = "plain"
    rule: str = ""
    unit_spans: list[tuple[int, int]] = field(default_factory=list)   # where the unit is written
    generic: bool = False
    value_max: Decimal | None = None
    power: int = 0                 # power of the closing scale words (420 yi -> 8)
    factor: Decimal = Decimal(1)   # unit factor applied to the numeral (tenths -> 10)
    suffixed: bool = False         # a unit, currency or percent word is part of it
    minus: bool = False            # signed with an ASCII hyphen


def trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) without surrounding white space, as a list of spans (empty if blank)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def without_spaces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of [start, end) that are not white space."""
    spans: list[tuple[int, int]] = []
    for i in range(start, end):
        if text[i].isspace():
            continue
        if spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans
