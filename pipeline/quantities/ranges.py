"""Ranges: two neighbouring mentions joined by a range separator become one
(10%-15%, 20-30 hundred million yuan, 4.50 to 4.94 yuan a share)."""
from __future__ import annotations

from .draft import Draft
from .grammar import Grammar


def merge_ranges(norm: str, drafts: list[Draft], g: Grammar) -> list[Draft]:
    """Join `a SEP b` (10%-15%, 20-30 with a scale and currency) into one range mention."""
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        merged = _range(norm, a, b, g) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(norm: str, a: Draft, b: Draft, g: Grammar) -> Draft | None:
    if a.value is None or b.value is None or a.value_max is not None or b.value_max is not None:
        return None
    between, end, per_unit = norm[a.end:b.start], b.end, []
    per = g.per_unit_re.match(norm, a.end)
    if per is not None:                       # "4.50 yuan/share to 4.94 yuan/share": a suffix after both ends
        tail = g.per_unit_re.match(norm, b.end)
        if tail is None or tail.group() != per.group():
            return None
        between, end, per_unit = norm[per.end():b.start], tail.end(), [tail.span()]
    hi = b.value
    if between == "" and b.minus and hi < 0:
        hi = -hi  # an amount, a hyphen, an amount: the hyphen was read as a sign
    elif not g.range_sep_re.fullmatch(between):
        return None
    lo, unit, generic = a.value, b.unit, b.generic and a.generic if a.kind == "money" else b.generic
    if _currency_first_only(a, b):            # "HK$4.5 bn to 5 bn yuan": the first end names the currency
        unit, generic = a.unit, False
    elif a.kind == "number" and a.form == "plain" and not a.suffixed:
        if not a.power and b.power:
            lo = lo.scaleb(b.power)
        lo = lo * b.factor
    elif (a.kind, a.unit, a.form) != (b.kind, b.unit, b.form):
        return None
    if lo < 0 and hi < lo:
        lo, hi = hi, lo                       # "a loss of 5.2 to 5.8 bn" written -52 to -58: lower end first
    if not lo < hi or (a.suffixed and b.suffixed and lo > 0 and hi / lo > g.max_range_ratio):
        return None                       # "down 1.93 bn to 304.2 bn" is a change and a level, not a range
    return Draft(a.start, end, b.kind, lo, unit, b.form, "numerals.range", b.unit_spans + per_unit,
                  generic, hi, b.power, b.factor, True)


def _currency_first_only(a: Draft, b: Draft) -> bool:
    """A range whose first end names its currency before the number and whose second end
    writes only the bare yuan ("HK$ 4.5 bn yuan to 5 bn yuan")."""
    return a.kind == b.kind == "money" and not a.generic and b.generic and a.form == b.form
