"""Reading numerals to exact values: Arabic, Chinese and mixed.

Pure functions over the *normalized* text (``normalize.normalize_text``:
Simplified script, half-width digits). Values are ``decimal.Decimal`` all the
way; callers convert to float only when they fill a table. The vocabulary
(digits, scale words, markers) is in ``vocabulary.py``, from
``rules/quantity_numerals.yaml``.

A numeral is read as a list of tokens (``vocabulary.tokenize``); ``read_numeral``
returns the longest prefix of those tokens that forms a well-built numeral, so a
run 'fifty' followed by a stray 'thousand' reads as fifty and leaves the rest.
Examples of every form are in the rule files (rules/quantity_*.yaml).

Supported: thousands separators and decimals (1,100.9), exponents (2e5, 2^-1),
Latin multipliers (40k, 2.5 M), scale words of every size (10^4 x 10^8,
10^4 x 10^4, 10^12), zero markers, abbreviated last digits (1 wan 3 = 13000),
decimal points written as words, before or after a scale word,
approximate markers before a scale word (they do not change the value),
positional numerals (digit by digit, with a written decimal point:
five-zero-five-seven point four). Not supported: numerals longer than
``MAX_TOKENS`` tokens, exponents beyond ``MAX_EXPONENT``.
"""
from __future__ import annotations

import decimal
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .vocabulary import CONTEXT, MAX_EXPONENT, MAX_TOKENS, Invalid, Token, lexicon, tokenize

__all__ = ["MAX_EXPONENT", "MAX_TOKENS", "Invalid", "Reading", "Vague", "evaluate", "read_numeral",
           "small_int", "to_float"]


class Vague(ValueError):
    """The tokens form an approximate pair (twenty or thirty): no single value."""


@dataclass(frozen=True)
class Reading:
    value: Decimal
    start: int
    end: int
    tokens: tuple[Token, ...]
    bare: bool             # starts with a scale word (ten-five = 15, the hundred of per-cent)
    trailing_power: int    # power of the scale words closing the numeral (420 yi -> 8)
    scale_start: int       # where those closing scale words begin (== end if none)

    @property
    def positional(self) -> bool:
        """Digits only, read one by one (a year written digit by digit)."""
        return len(self.tokens) > 1 and all(t.kind in ("dig", "zero") for t in self.tokens)


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
        return _section(tokens)
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
    return head.scaleb(power, CONTEXT) + _remainder(right, power)


def _remainder(tokens: Sequence[Token], power: int) -> Decimal:
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


def _section(tokens: Sequence[Token]) -> Decimal:
    if len(tokens) == 1 and tokens[0].kind == "num":
        return tokens[0].value
    if all(t.kind in ("dig", "zero") for t in tokens):
        return _positional(tokens)
    if len(tokens) > 2 and tokens[-1].kind == "point" and all(t.kind in ("dig", "zero") for t in tokens[:-1]):
        return _positional(tokens[:-1]) + tokens[-1].value      # five-zero-five-seven point four
    return _Section(tokens).value()


def _tail(digit: Decimal, last_unit: int | None, zero: bool) -> Decimal:
    """A last digit: 4 bai 5 = 450 (abbreviated), 4 bai ling 5 = 405, shi 5 = 15."""
    if last_unit is not None and last_unit >= 2 and not zero:
        if digit != digit.to_integral_value() or digit >= 10:
            raise Invalid("abbreviation")
        return digit.scaleb(last_unit - 1, CONTEXT)
    return digit


def read_numeral(text: str, pos: int, endpos: int | None = None,
                 allow_bare: bool = False) -> Reading | None:
    """The longest well-built numeral starting at `pos`, or None.

    Raises Vague (with the end of the run as its second argument) when the
    run is an approximate pair (twenty or thirty).
    """
    tokens = tokenize(text, pos, endpos)
    for n in range(len(tokens), 0, -1):
        head = tokens[:n]
        if head[-1].kind == "approx":
            continue
        try:
            value = evaluate(head, allow_bare)
        except Vague as exc:
            raise Vague(str(exc), tokens[-1].end) from None
        except (Invalid, decimal.DecimalException, KeyError):
            continue
        power, scale_start = 0, head[-1].end
        for tok in reversed(head):
            if tok.kind in ("big", "mult") and tok is not head[0]:
                power += int(tok.value)
                scale_start = tok.start
            else:
                break
        return Reading(value, head[0].start, head[-1].end, tuple(head),
                       head[0].kind in ("small", "big"), power, scale_start)
    return None


def to_float(value: Decimal | None) -> float | None:
    """The float of an exact value (None stays None; out-of-range gives None)."""
    if value is None:
        return None
    result = float(value)
    return result if result not in (float("inf"), float("-inf")) and result == result else None


def small_int(text: str) -> int | None:
    """A whole number written in Arabic or Chinese digits (a quarter, month, day or year
    count in a period phrase, in either script), else None."""
    if not text:
        return None
    try:
        reading = read_numeral(text, 0)
    except Vague:
        return None
    if reading is None or reading.end != len(text) or reading.value != reading.value.to_integral_value():
        return None
    return int(reading.value)
