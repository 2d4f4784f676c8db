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

The value of a token list is computed in ``values.py``.
"""
from __future__ import annotations

import decimal
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .values import Vague, evaluate, failing_prefixes, remainder, section
from .vocabulary import CONTEXT, MAX_EXPONENT, MAX_TOKENS, Invalid, RunTokens, Token, tokenize

__all__ = ["MAX_EXPONENT", "MAX_TOKENS", "Invalid", "Reading", "Vague", "evaluate", "read_numeral",
           "small_int", "to_float"]


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


class _Prefixes:
    """``evaluate`` of the prefixes of one token list with the scans over each prefix
    precomputed and the left part of each scale word evaluated once: the longest-prefix
    search of ``read_numeral`` costs O(MAX_TOKENS) steps per prefix, not O(MAX_TOKENS**2)."""

    _ERRORS = (Invalid, Vague, decimal.DecimalException, KeyError)

    def __init__(self, tokens: Sequence[Token], allow_bare: bool):
        self.tokens, self.allow_bare = tokens, allow_bare
        self.lefts: dict[int, Decimal | Exception] = {}
        self.first_mult = next((i for i, t in enumerate(tokens) if t.kind == "mult"), len(tokens))
        self.top = [-1]               # top[n]: index of the last largest scale word in tokens[:n]
        for i, tok in enumerate(tokens):
            best = self.top[-1]
            self.top.append(i if tok.kind == "big" and (best < 0 or tok.value >= tokens[best].value) else best)
        # Prefixes without scale words or multipliers longer than `hopeless` cannot be numerals
        # (worth finding out for long runs only).
        self.region = self.hopeless = 0
        if len(tokens) > 4:
            self.region = min(self.first_mult, next((i for i, t in enumerate(tokens) if t.kind == "big"), len(tokens)))
            self.hopeless = failing_prefixes(tokens[:self.region])

    def fails(self, n: int) -> bool:
        """Whether tokens[:n] is known not to be a numeral without evaluating it."""
        return self.hopeless < n <= self.region

    def value(self, n: int) -> Decimal:
        """evaluate(tokens[:n]), step for step."""
        tokens, split = self.tokens, self.top[n]
        if tokens[n - 1].kind == "mult":
            return evaluate(tokens[:n], self.allow_bare)
        if self.first_mult < n:
            raise Invalid("multiplier")
        if split < 0:
            return section(tokens[:n])
        power = int(tokens[split].value)
        if split:
            head = self._left(split)
        elif self.allow_bare:
            head = Decimal(1)
        else:
            raise Invalid("bare scale word")
        return head.scaleb(power, CONTEXT) + remainder(tokens[split + 1:n], power)

    def _left(self, n: int) -> Decimal:
        if n not in self.lefts:
            try:
                self.lefts[n] = self.value(n)
            except self._ERRORS as exc:
                self.lefts[n] = exc
        result = self.lefts[n]
        if isinstance(result, Exception):
            raise type(result)(*result.args)
        return result

def read_numeral(text: str, pos: int, endpos: int | None = None,
                 allow_bare: bool = False, run: RunTokens | None = None) -> Reading | None:
    """The longest well-built numeral starting at `pos`, or None.

    Raises Vague (with the end of the run as its second argument) when the
    run is an approximate pair (twenty or thirty). `run`, a ``RunTokens`` of
    `text`, reuses the tokens of the previous reading.
    """
    tokens = run(pos, endpos) if run is not None else tokenize(text, pos, endpos)
    prefixes = _Prefixes(tokens, allow_bare)
    for n in range(len(tokens), 0, -1):
        head = tokens[:n]
        if head[-1].kind == "approx" or prefixes.fails(n):
            continue
        try:
            value = prefixes.value(n)
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


# the period phrases of a document ask for the same few numbers (months, quarters, years) again and again
@functools.lru_cache(maxsize=1024)
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
