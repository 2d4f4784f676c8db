"""The value of a list of numeral tokens: Arabic, Chinese and mixed, as exact ``Decimal``.

``evaluate(tokens)`` is the grammar of a numeral (``numerals.py`` describes the
forms): it splits at the largest scale word, reads the part before it as the
multiplier and the part after it as the remainder, and reads a part without
scale words section by section. It raises ``Invalid`` when the tokens do not
form a numeral and ``Vague`` when they form an approximate pair (twenty or thirty).
``failing_prefixes`` tells, in one pass, which prefixes of a run of tokens cannot
form a numeral, so ``numerals.read_numeral`` need not evaluate them one by one.
"""
from __future__ import annotations

import decimal
from collections.abc import Sequence
from decimal import Decimal

from .vocabulary import CONTEXT, Invalid, Token, lexicon

__all__ = ["Vague", "evaluate", "failing_prefixes", "remainder", "section"]


class Vague(ValueError):
    """The tokens form an approximate pair (twenty or thirty): no single value."""


def evaluate(tokens: Sequence[Token], allow_bare: bool = False) -> Decimal:
    """The value of a token list; raises Invalid or Vague."""
    if not tokens:
        raise Invalid("empty")
    if tokens[-1].kind == "mult":
        if len(tokens) != 2 or tokens[0].kind != "num":
            raise Invalid("multiplier")
        return tokens[0].value.scaleb(int(tokens[1].value), CONTEXT)
    if any(t.kind == "mult" for t in tokens):
        raise Invalid("multiplier")
    bigs = [i for i, t in enumerate(tokens) if t.kind == "big"]
    if not bigs:
        return section(tokens)
    top = max(tokens[i].value for i in bigs)
    split = max(i for i in bigs if tokens[i].value == top)
    left, right = tokens[:split], tokens[split + 1:]
    power = int(top)
    if left:
        head = evaluate(left, allow_bare)
    elif allow_bare:
        head = Decimal(1)
    else:
        raise Invalid("bare scale word")
    return head.scaleb(power, CONTEXT) + remainder(right, power)


def remainder(tokens: Sequence[Token], power: int) -> Decimal:
    zero = False
    while tokens and tokens[0].kind == "zero":
        tokens, zero = tokens[1:], True
    if not tokens:
        return Decimal(0)
    if tokens[0].kind == "point":
        if len(tokens) > 1 or zero:
            raise Invalid("point")
        return tokens[0].value
    single = len(tokens) == 1 and tokens[0].kind in ("dig", "num")
    if single and not zero and tokens[0].value == tokens[0].value.to_integral_value() \
            and 0 < tokens[0].value < 10:
        return tokens[0].value.scaleb(power - 1, CONTEXT)  # 1 wan 3 = 13000
    value = evaluate(tokens)
    if value >= Decimal(1).scaleb(power):
        raise Invalid("remainder too large")
    return value


def _positional(tokens: Sequence[Token]) -> Decimal:
    """Digits read one by one (two-zero-two-five = 2025)."""
    if len(tokens) == 1:
        return tokens[0].value
    if not all(t.text in lexicon().positional for t in tokens):
        raise Invalid("positional")
    return Decimal("".join(str(int(t.value)) for t in tokens))


class _Section:
    """The value of a numeral below the first big scale word, token by token."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = tokens
        self.total = Decimal(0)
        self.current: Decimal | None = None
        self.last_unit: int | None = None
        self.zero = False
        self.index = 0                 # the token being read

    def digit(self, i: int, tok: Token) -> None:
        if self.current is not None:
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            if nxt is not None and nxt.kind in ("small", "big"):
                raise Vague("two digits before a scale word")
            raise Invalid("two digits")
        if tok.kind == "num" and i > 0 and self.tokens[i - 1].kind == "num":
            raise Invalid("two numbers")
        self.current = tok.value

    def zero_marker(self) -> None:
        if self.current is not None:
            raise Invalid("zero after digit")
        self.zero = True

    def approx(self) -> None:
        if self.current is None:
            self.current = Decimal(0)  # 'twenty-some wan': the marker holds a digit's place

    def small(self, i: int, tok: Token) -> None:
        power = int(tok.value)
        if self.last_unit is not None and power >= self.last_unit:
            raise Invalid("scale order")
        if self.current is None:
            if not (i == 0 or self.zero):
                raise Invalid("scale word without digit")
            self.current = Decimal(1)
        self.total += self.current.scaleb(power, CONTEXT)
        self.last_unit, self.current, self.zero = power, None, False

    def point(self, i: int, tok: Token) -> Decimal:
        if i != len(self.tokens) - 1 or (self.current is None and self.last_unit is None and not self.zero):
            raise Invalid("point")
        if self.current is not None:
            self.total += _tail(self.current, self.last_unit, self.zero)
        return self.total + tok.value

    def close(self) -> Decimal:
        if self.current is not None:
            self.total += _tail(self.current, self.last_unit, self.zero)
            self.current = None
        elif self.zero:
            raise Invalid("trailing zero marker")
        return self.total

    def value(self) -> Decimal:
        for i, tok in enumerate(self.tokens):
            self.index = i
            if tok.kind in ("dig", "num"):
                self.digit(i, tok)
            elif tok.kind == "zero":
                self.zero_marker()
            elif tok.kind == "approx":
                self.approx()
            elif tok.kind == "small":
                self.small(i, tok)
            elif tok.kind == "point":
                return self.point(i, tok)
            else:
                raise Invalid(tok.kind)
        return self.close()


def section(tokens: Sequence[Token]) -> Decimal:
    if len(tokens) == 1 and tokens[0].kind == "num":
        return tokens[0].value
    if all(t.kind in ("dig", "zero") for t in tokens):
        return _positional(tokens)
    if len(tokens) > 2 and tokens[-1].kind == "point" and all(t.kind in ("dig", "zero") for t in tokens[:-1]):
        return _positional(tokens[:-1]) + tokens[-1].value      # five-zero-five-seven point four
    return _Section(tokens).value()


def failing_prefixes(tokens: Sequence[Token]) -> int:
    """A length m such that ``section(tokens[:n])`` raises ``Invalid`` (or a decimal error)
    for every n with m < n <= len(tokens), found in one pass; ``tokens`` holds no big scale
    word or multiplier. The reading fails at a token for a reason that the tokens after it
    cannot change (two digits in a row, scale words out of order, a point before the end),
    and the run is not one of digits only (those are read position by position)."""
    reader = _Section(tokens)
    try:
        reader.value()
    except (Invalid, decimal.DecimalException, KeyError):
        failed = reader.index
        if any(t.kind not in ("dig", "zero") for t in tokens[:failed + 1]):
            return failed + 1
    except Vague:
        pass
    return len(tokens)


def _tail(digit: Decimal, last_unit: int | None, zero: bool) -> Decimal:
    """A last digit: 4 bai 5 = 450 (abbreviated), 4 bai ling 5 = 405, shi 5 = 15."""
    if last_unit is not None and last_unit >= 2 and not zero:
        if digit != digit.to_integral_value() or digit >= 10:
            raise Invalid("abbreviation")
        return digit.scaleb(last_unit - 1, CONTEXT)
    return digit
