"""The numeral vocabulary: digits, scale words and markers as tokens.

Built once from ``rules/quantity_numerals.yaml``. ``tokenize`` cuts a run of
numeral tokens (Arabic numbers, Chinese digits, zeros, scale words, decimal
points, approximate markers, Latin multipliers) out of the *normalized* text;
``numerals.py`` gives such a run its value. ``sub_patterns`` are the named
pieces the quantity grammar (``grammar.py``) is assembled from.
"""
from __future__ import annotations

import bisect
import decimal
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex

from pipeline import rules

MAX_TOKENS = 48
MAX_EXPONENT = 300
GAP = r"[ \t\u00a0]*+"
CONTEXT = decimal.Context(prec=60, Emin=-999999, Emax=999999)


class Invalid(ValueError):
    """The tokens do not form a numeral."""


@dataclass(frozen=True)
class Token:
    kind: str  # num | dig | zero | small | big | approx | point | mult
    value: Decimal
    start: int
    end: int
    text: str


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
    blockers = rules.load("quantity_filters")["scale_word_blockers"]
    digit = char_class(c for c in lex.digits if c not in lex.zeros)
    dec_digit = char_class(c for c in lex.digits if c not in lex.no_decimal)

    def scale_word(word: str) -> str:
        stop = blockers.get(word)
        return regex.escape(word) + (f"(?!{GAP}{rules.alternation(stop)})" if stop else "")

    big = rules.alternation(lex.big, render=scale_word)
    small = f"(?:{rules.alternation(lex.small, render=scale_word)})"
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
        "small": small,
        "big": big,
        "unit": f"(?:{small}|{big})",
        "mult": rules.alternation(lex.mult) + "(?![A-Za-z])",
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
    value = Decimal(base, context=CONTEXT) if "e" not in base.lower() else _sci(base)
    if caret:
        negative = exp.count("-") % 2 == 1
        power = Decimal(exp.lstrip("+-"))
        if power != power.to_integral_value() or power > MAX_EXPONENT:
            raise Invalid(text)
        value = CONTEXT.power(value, int(-power if negative else power))
    return value


def _sci(text: str) -> Decimal:
    mantissa, _, exp = text.lower().partition("e")
    power = int(exp)
    if abs(power) > MAX_EXPONENT:
        raise Invalid(text)
    return Decimal(mantissa, context=CONTEXT).scaleb(power, CONTEXT)


def tokenize(text: str, pos: int, endpos: int | None = None, cut: Sequence[Token] = ()) -> list[Token]:
    """Numeral tokens from `pos`, separated by spaces at most, up to MAX_TOKENS; `cut`
    holds the first of them when they are already known (tokenizing goes on after them)."""
    lex = lexicon()
    end = len(text) if endpos is None else endpos
    token_re = _token_re()
    gap_re = _gap_re()
    out: list[Token] = list(cut)
    if out:
        pos = out[-1].end
    while len(out) < MAX_TOKENS:
        start = gap_re.match(text, pos, end).end() if out else pos
        m = token_re.match(text, start, end)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup != "dec" else "point"
        if start > pos and kind in ("dig", "zero") and out[-1].kind == "big":
            break              # a word digit after a space opens a phrase of its own (2780 yi, one lot)
        if m.group("num") is not None:
            try:
                value = parse_arabic(m.group("num"))
            except Invalid:            # an exponent beyond MAX_EXPONENT: the run ends here
                break
            out.append(Token("num", value, m.start("num"), m.end("num"), m.group("num")))
            if m.group("mult") is not None:
                out.append(Token("mult", Decimal(lex.mult[m.group("mult")]), m.start("mult"),
                                 m.end("mult"), m.group("mult")))
        elif kind == "point":
            digits = "".join(str(lex.digits[c]) for c in m.group("dec") if c in lex.digits)
            out.append(Token("point", Decimal("0." + digits), m.start(), m.end(), m.group()))
        else:
            ch = m.group()
            out.append(Token(kind, _word_value(lex, kind, ch), m.start(), m.end(), ch))
        pos = m.end()
    return out


class RunTokens:
    """``tokenize`` over one text that reuses the tokens cut at the previous position: the
    finder tries a reading at every position of a long run, and so cuts each token once
    instead of MAX_TOKENS times."""

    def __init__(self, text: str):
        self.text = text
        self.endpos: int | None = None
        self.last: list[Token] = []
        self.starts: list[int] = []

    def __call__(self, pos: int, endpos: int | None = None) -> list[Token]:
        k = bisect.bisect_left(self.starts, pos)
        if endpos == self.endpos and k < len(self.last) and self.starts[k] == pos and self.last[k].kind != "mult":
            out = self.last[k:]
            if len(self.last) >= MAX_TOKENS:       # the run went on: cut as many more as were dropped
                out = tokenize(self.text, pos, endpos, out)
        else:
            out = tokenize(self.text, pos, endpos)
        self.last, self.endpos, self.starts = out, endpos, [t.start for t in out]
        return out


def _word_value(lex: Lexicon, kind: str, ch: str) -> Decimal:
    """The value of a one-character numeral word of the given token kind."""
    table = {"dig": lex.digits, "small": lex.small, "big": lex.big}.get(kind)
    return Decimal(table[ch]) if table is not None else Decimal(0)


@functools.cache
def _gap_re() -> regex.Pattern:
    return regex.compile(GAP)

