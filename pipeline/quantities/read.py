"""What follows a numeral: fractions, percent signs, points, multiples, tenths,
discounts and currency words (with minor units). Pure functions of the
normalized text and a numeral ``Reading``; each returns a ``Draft`` or None."""
from __future__ import annotations

from decimal import Decimal

from . import filters
from .draft import Draft, trimmed, without_spaces
from .grammar import Grammar, unspaced
from .numerals import Reading, Vague, read_numeral
from .vocabulary import CONTEXT


def fraction(norm: str, reading: Reading, g: Grammar) -> Draft | None:
    """Fractions in words (with a whole part or not), a/b and a b/c."""
    mixed = g.mixed_re.match(norm, reading.end)
    if mixed is not None:
        try:
            inner = read_numeral(norm, mixed.end())
        except Vague:
            inner = None
        if inner is not None:
            frac = fraction(norm, inner, g)
            if frac is not None and frac.form == "fraction" and frac.value is not None:
                frac.value = reading.value + frac.value if reading.value >= 0 \
                    else reading.value - frac.value
                frac.start = reading.start
                return frac
    tail = g.fraction_re.match(norm, reading.end)
    if tail is not None:
        negative = tail.group("sign") is not None
        try:
            numerator = read_numeral(norm, tail.end(), allow_bare=True)
        except Vague:
            return None
        if numerator is None or reading.value == 0:
            return None
        value = CONTEXT.divide(numerator.value, reading.value)
        value = -value if negative else value
        if reading.bare and reading.value >= 100:
            return Draft(reading.start, numerator.end, "percent", value * 100, "%",
                          rule="percent.words", suffixed=True,
                         unit_spans=without_spaces(norm, reading.start, tail.end()))
        return Draft(reading.start, numerator.end, "number", value, form="fraction",
                      rule="percent.fraction", suffixed=True)
    slash = g.slash_re.match(norm, reading.end)
    if slash is not None and _is_int(reading):
        den = Decimal(slash.group("den") or slash.group("den2"))
        if den != 0:
            value = CONTEXT.divide(reading.value, den)
            if slash.group("whole") is not None:  # 1 3/5
                num = Decimal(slash.group("whole"))
                value = reading.value + CONTEXT.divide(num, den)
            return Draft(reading.start, slash.end(), "number", value, form="fraction",
                          rule="percent.fraction", suffixed=True)
    return None


def _is_int(reading: Reading) -> bool:
    return len(reading.tokens) == 1 and reading.tokens[0].kind == "num" \
        and reading.tokens[0].text.isdigit()


def suffix(norm: str, raw: str, reading: Reading, g: Grammar) -> Draft | None:
    """A percent sign, point, multiple, tenth, discount or currency after the numeral."""
    m = g.suffix_re.match(norm, reading.end)
    if m is None:
        return None
    kind_group = m.lastgroup
    value = reading.value
    written = trimmed(raw, reading.scale_start, m.end())
    d = Draft(reading.start, m.end(), "percent", value, "%", rule="percent.sign",
              unit_spans=written, suffixed=True, power=reading.trailing_power)
    if kind_group == "pct":
        d.factor = g.percent_signs[m.group("pct")]
        d.value = value * d.factor
    elif kind_group == "pp":
        d.form, d.rule = "pp", "percent.points"
    elif kind_group == "rate":
        d.form, d.rule = "rate_point", "percent.rate_points"
    elif kind_group == "bp":
        d.kind, d.unit, d.form, d.rule = "number", "", "bp", "percent.basis_points"
    elif kind_group == "qp":            # a quarter point is 25 basis points
        d.kind, d.unit, d.form, d.rule = "number", "", "bp", "percent.quarter_points"
        d.factor = Decimal(25)
        d.value = value * d.factor
    elif kind_group == "mult":
        d.kind, d.unit, d.form, d.rule = "number", "", "multiple", "percent.multiple"
    elif kind_group in ("cheng", "cheng_tail"):
        if reading.trailing_power or not Decimal(0) < value <= 10:
            return None
        tail = m.group("cheng_tail")
        if tail is not None and value != value.to_integral_value():
            d.end = m.end("cheng")
            tail = None
        extra = Decimal(0) if tail is None else filters.half_or_digit(g, tail)
        d.value, d.factor, d.rule = value * 10 + extra, Decimal(10), "percent.cheng"
        d.unit_spans = [m.span("cheng")]
    elif kind_group == "zhe":
        d.value = _discount(reading)
        if d.value is None:
            return None
        d.form, d.rule, d.factor = "discount", "percent.discount", Decimal(10)
    elif kind_group == "minor":
        return _minor(norm, reading, m, g, written)
    else:
        return _money(norm, raw, reading, m, g)
    return d


def _discount(reading: Reading) -> Decimal | None:
    value, tokens = reading.value, reading.tokens
    if reading.positional and len(tokens) == 2 and tokens[0].value != 0:
        return value
    if len(tokens) == 1 and tokens[0].kind == "num" and tokens[0].text.isdigit() \
            and len(tokens[0].text) == 2 and value >= 11:
        return value
    if Decimal(0) < value < 10 and not reading.trailing_power:
        return value * 10
    return None


def _money(norm: str, raw: str, reading: Reading, m, g: Grammar) -> Draft:
    spec = m.group("spec") or m.group("crypto")
    code = g.suffix[unspaced(spec)] if spec else "CNY"
    written = trimmed(raw, reading.scale_start, m.end())
    d = Draft(reading.start, m.end(), "money", reading.value, code, rule="currencies.suffix",
              unit_spans=written, generic=spec is None, suffixed=True,
              power=reading.trailing_power)
    if m.group("crypto") is None:
        _subunits(norm, d, g)
    return d


def _minor(norm: str, reading: Reading, m, g: Grammar, written: list[tuple[int, int]]) -> Draft:
    """A minor unit on its own: 63 cents is 0.63 Hong Kong dollars."""
    code, factor, generic = g.minor[m.group("minor")]
    d = Draft(reading.start, m.end(), "money", reading.value * factor, code, rule="currencies.minor",
              unit_spans=written, generic=generic, suffixed=True, factor=factor)
    _subunits(norm, d, g)
    return d


def _subunits(norm: str, d: Draft, g: Grammar) -> None:
    """Minor units after an amount (five yuan three mao, 3 jiao 5 fen) add to it."""
    subunits = g.subunits.get(d.unit)
    if not subunits or d.value is None:
        return
    end, value = d.end, d.value
    for _ in range(2):
        sm = g.subunit_re.match(norm, end)
        if sm is None:
            break
        try:
            inner = read_numeral(norm, sm.end())
        except Vague:
            break
        if inner is None or not _is_small_digit(inner):
            break
        word = g.subunit_word_re.match(norm, inner.end)
        if word is None or word.group() not in subunits:
            break
        value += inner.value * subunits[word.group()]
        end = word.end()
    if end != d.end:
        d.end, d.value, d.rule = end, value, "currencies.subunit"


def _is_small_digit(reading: Reading) -> bool:
    return len(reading.tokens) == 1 and reading.tokens[0].kind in ("dig", "num") \
        and reading.value == reading.value.to_integral_value() and 0 <= reading.value < 100
