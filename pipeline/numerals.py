"""Reading numerals to exact values: Arabic, Chinese and mixed.

Pure functions over the *normalized* text (``normalize.normalize_text``:
Simplified script, half-width digits). Values are ``decimal.Decimal`` all the
way; callers convert to float only when they fill a table. The lexicon
(digits, scale words, markers) comes from ``rules/quantity_numerals.yaml``.

A numeral is read as a list of tokens (``tokenize``); ``read_numeral`` returns
the longest prefix of those tokens that forms a well-built numeral, so a run
'fifty' followed by a stray 'thousand' reads as fifty and leaves the rest.
Examples of every form are in the rule files (rules/quantity_*.yaml).

Supported: thousands separators and decimals (1,100.9), exponents (2e5, 2^-1),
Latin multipliers (40k, 2.5 M), scale words of every size (10^4 x 10^8,
10^4 x 10^4, 10^12), zero markers, abbreviated last digits (1 wan 3 = 13000),
decimal points written as words, before or after a scale word,
approximate markers before a scale word (they do not change the value),
digit-by-digit numerals (years written digit by digit). Not supported: numerals longer than ``MAX_TOKENS`` tokens,
exponents beyond ``MAX_EXPONENT``.
"""
from __future__ import annotations

import decimal
import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from pipeline import rules

MAX_TOKENS = 48
MAX_EXPONENT = 300
GAP = r"[ \t\u00a0]*+"
_CONTEXT = decimal.Context(prec=60, Emin=-999999, Emax=999999)


class Invalid(ValueError):
    """The tokens do not form a numeral."""


class Vague(ValueError):
    """The tokens form an approximate pair (twenty or thirty): no single value."""


@dataclass(frozen=True)
class Token:
    kind: str  # num | dig | zero | small | big | approx | point | mult
    value: Decimal
    start: int
    end: int
    text: str


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


@dataclass(frozen=True)
class Lexicon:
    digits: dict[str, int]
    zeros: frozenset[str]
    positional: frozenset[str]
    no_decimal: frozenset[str]
    small: dict[str, int]
    big: dict[str, int]
    mult: dict[str, int]
    points: tuple[str, ...]
    approx: tuple[str, ...]


@functools.cache
def lexicon() -> Lexicon:
    data = rules.load("quantity_numerals")
    return Lexicon(
        digits={k: int(v) for k, v in data["digits"].items()},
        zeros=frozenset(data["zeros"]),
        positional=frozenset(data["positional_digits"]),
        no_decimal=frozenset(data["no_decimal_digits"]),
        small={k: int(v) for k, v in data["small_units"].items()},
        big={k: int(v) for k, v in data["big_units"].items()},
        mult={k: int(v) for k, v in data["latin_multipliers"].items()},
        points=tuple(data["decimal_points"]),
        approx=tuple(data["approx_markers"]),
    )


def char_class(chars) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(set(chars))) + "]"


@functools.cache
def sub_patterns() -> dict[str, str]:
    """Named sub-patterns that quantities.py assembles into its grammar."""
    lex = lexicon()
    blockers = rules.load("quantity_filters")["big_unit_blockers"]
    digit = char_class(c for c in lex.digits if c not in lex.zeros)
    dec_digit = char_class(c for c in lex.digits if c not in lex.no_decimal)
    big_parts = []
    for word in sorted(lex.big, key=len, reverse=True):
        stop = blockers.get(word)
        guard = f"(?!{GAP}{rules.alternation(stop)})" if stop else ""
        big_parts.append(regex.escape(word) + guard)
    arabic = (
        r"(?:(?<![\d.])\.\d++|(?:\d{1,3}+(?:,\d{3}+(?!\d))++|\d++)(?:\.\d++(?!\.\d))?+)"
        r"(?:[eE][-+]?\d{1,3}+(?!\d)|\^[-+]{0,2}\d{1,3}+(?![\d.]))?+"
    )
    return {
        "gap": GAP,
        "arabic": arabic,
        "digit": digit,
        "zero": char_class(lex.zeros),
        "dec_digit": dec_digit,
        "small": char_class(lex.small),
        "big": "(?:" + "|".join(big_parts) + ")",
        "unit": "(?:" + char_class(lex.small) + "|" + "|".join(big_parts) + ")",
        "mult": "(?:" + "|".join(regex.escape(m) for m in sorted(lex.mult, key=len, reverse=True))
        + ")(?![A-Za-z])",
        "point": rules.alternation(list(lex.points)),
        "approx": rules.alternation(list(lex.approx)),
    }


@functools.cache
def _token_re() -> regex.Pattern:
    p = sub_patterns()
    return regex.compile(
        rf"(?P<num>{p['arabic']})(?:{GAP}(?P<mult>{p['mult']}))?"
        rf"|(?P<dig>{p['digit']})"
        rf"|(?P<zero>{p['zero']})"
        rf"|(?P<small>{p['small']})"
        rf"|(?P<big>{p['big']})"
        rf"|(?P<approx>{p['approx']})(?={GAP}{p['unit']})"
        rf"|(?P<point>{p['point']})(?P<dec>(?:{GAP}{p['dec_digit']})++)",
        regex.VERSION1,
    )


def parse_arabic(text: str) -> Decimal:
    """'1,100.9' -> 1100.9; '2e5' -> 200000; '2^-1' -> 0.5; '.5' -> 0.5."""
    text = text.replace(",", "")
    base, caret, exp = text.partition("^")
    value = Decimal(base, context=_CONTEXT) if "e" not in base.lower() else _sci(base)
    if caret:
        negative = exp.count("-") % 2 == 1
        power = Decimal(exp.lstrip("+-"))
        if power != power.to_integral_value() or power > MAX_EXPONENT:
            raise Invalid(text)
        value = _CONTEXT.power(value, int(-power if negative else power))
    return value


def _sci(text: str) -> Decimal:
    mantissa, _, exp = text.lower().partition("e")
    power = int(exp)
    if abs(power) > MAX_EXPONENT:
        raise Invalid(text)
    return Decimal(mantissa, context=_CONTEXT).scaleb(power, _CONTEXT)


def tokenize(text: str, pos: int, endpos: int | None = None) -> list[Token]:
    """Numeral tokens from `pos`, separated by spaces at most, up to MAX_TOKENS."""
    lex = lexicon()
    end = len(text) if endpos is None else endpos
    token_re = _token_re()
    gap_re = _gap_re()
    out: list[Token] = []
    while len(out) < MAX_TOKENS:
        start = gap_re.match(text, pos, end).end() if out else pos
        m = token_re.match(text, start, end)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup != "dec" else "point"
        if m.group("num") is not None:
            out.append(Token("num", parse_arabic(m.group("num")), m.start("num"), m.end("num"),
                             m.group("num")))
            if m.group("mult") is not None:
                out.append(Token("mult", Decimal(lex.mult[m.group("mult")]), m.start("mult"),
                                 m.end("mult"), m.group("mult")))
        elif kind == "point":
            digits = "".join(str(lex.digits[c]) for c in m.group("dec") if c in lex.digits)
            out.append(Token("point", Decimal("0." + digits), m.start(), m.end(), m.group()))
        else:
            ch = m.group()
            value = {
                "dig": lambda: Decimal(lex.digits[ch]),
                "zero": lambda: Decimal(0),
                "small": lambda: Decimal(lex.small[ch]),
                "big": lambda: Decimal(lex.big[ch]),
                "approx": lambda: Decimal(0),
            }[kind]()
            out.append(Token(kind, value, m.start(), m.end(), ch))
        pos = m.end()
    return out


@functools.cache
def _gap_re() -> regex.Pattern:
    return regex.compile(GAP)


def evaluate(tokens: list[Token] | tuple[Token, ...], allow_bare: bool = False) -> Decimal:
    """The value of a token list; raises Invalid or Vague."""
    if not tokens:
        raise Invalid("empty")
    if tokens[-1].kind == "mult":
        if len(tokens) != 2 or tokens[0].kind != "num":
            raise Invalid("multiplier")
        return tokens[0].value.scaleb(int(tokens[1].value), _CONTEXT)
    if any(t.kind == "mult" for t in tokens):
        raise Invalid("multiplier")
    bigs = [i for i, t in enumerate(tokens) if t.kind == "big"]
    if not bigs:
        return _section(tokens, allow_bare)
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
    return head.scaleb(power, _CONTEXT) + _remainder(right, power)


def _remainder(tokens, power: int) -> Decimal:
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
        return tokens[0].value.scaleb(power - 1, _CONTEXT)  # 1 wan 3 = 13000
    value = evaluate(tokens)
    if value >= Decimal(1).scaleb(power):
        raise Invalid("remainder too large")
    return value


def _section(tokens, allow_bare: bool) -> Decimal:
    lex = lexicon()
    if len(tokens) == 1 and tokens[0].kind == "num":
        return tokens[0].value
    if all(t.kind in ("dig", "zero") for t in tokens):
        if len(tokens) == 1:
            return tokens[0].value
        if not all(t.text in lex.positional for t in tokens):
            raise Invalid("positional")
        return Decimal("".join(str(int(t.value)) for t in tokens))
    total = Decimal(0)
    current: Decimal | None = None
    last_unit: int | None = None
    zero = False
    for i, tok in enumerate(tokens):
        if tok.kind in ("dig", "num"):
            if current is not None:
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if nxt is not None and nxt.kind in ("small", "big"):
                    raise Vague("two digits before a scale word")
                raise Invalid("two digits")
            if tok.kind == "num" and (i > 0 and tokens[i - 1].kind == "num"):
                raise Invalid("two numbers")
            current = tok.value
        elif tok.kind == "zero":
            if current is not None:
                raise Invalid("zero after digit")
            zero = True
        elif tok.kind == "approx":
            if current is None:
                current = Decimal(0)  # 'twenty-some wan': the marker holds a digit's place
            continue
        elif tok.kind == "small":
            power = int(tok.value)
            if last_unit is not None and power >= last_unit:
                raise Invalid("scale order")
            if current is None:
                if i == 0 or zero:
                    current = Decimal(1)
                else:
                    raise Invalid("scale word without digit")
            total += current.scaleb(power, _CONTEXT)
            last_unit, current, zero = power, None, False
        elif tok.kind == "point":
            if i != len(tokens) - 1 or (current is None and last_unit is None and not zero):
                raise Invalid("point")
            if current is not None:
                total += _tail(current, last_unit, zero)
                current = None
            return total + tok.value
        else:
            raise Invalid(tok.kind)
    if current is not None:
        total += _tail(current, last_unit, zero)
    elif zero:
        raise Invalid("trailing zero marker")
    return total


def _tail(digit: Decimal, last_unit: int | None, zero: bool) -> Decimal:
    """A last digit: 4 bai 5 = 450 (abbreviated), 4 bai ling 5 = 405, shi 5 = 15."""
    if last_unit is not None and last_unit >= 2 and not zero:
        if digit != digit.to_integral_value() or digit >= 10:
            raise Invalid("abbreviation")
        return digit.scaleb(last_unit - 1, _CONTEXT)
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
