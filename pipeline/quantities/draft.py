"""A mention being read: mutable while the finder reads what follows the numeral."""
from __future__ import annotations

from dataclasses import dataclass
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
    unit_text: str = ""
    generic: bool = False
    value_max: Decimal | None = None
    power: int = 0                 # power of the closing scale words (420 yi -> 8)
    factor: Decimal = Decimal(1)   # unit factor applied to the numeral (tenths -> 10)
    suffixed: bool = False         # a unit, currency or percent word is part of it
    minus: bool = False            # signed with an ASCII hyphen
