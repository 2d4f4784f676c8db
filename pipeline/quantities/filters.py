"""Context filters of the quantity finder: when a numeral is not a number.

Each filter is data-driven (``rules/quantity_filters.yaml``) and looks only at a
bounded window around the mention: a scale word alone (the "hundred" of a name), a
numeral inside an ambiguous word (the "five" of the Pentagon), a reduplicated digit,
a digit glued to Latin letters (5G), a blocked follower word.
"""
from __future__ import annotations

from decimal import Decimal

from .grammar import Grammar
from .numerals import Reading
from .vocabulary import lexicon

_FULLWIDTH_DIGITS = frozenset(chr(c) for c in range(0xFF10, 0xFF1A))
_FULLWIDTH_COMMA = "\uff0c"


def prepare(raw: str, norm: str) -> str:
    """A full-width comma separates thousands only between full-width digits."""
    if _FULLWIDTH_COMMA not in raw:
        return norm
    chars = list(norm)
    for i, ch in enumerate(raw):
        if ch == _FULLWIDTH_COMMA and not (
                0 < i < len(raw) - 1 and raw[i - 1] in _FULLWIDTH_DIGITS
                and raw[i + 1] in _FULLWIDTH_DIGITS):
            chars[i] = ch
    return "".join(chars)


def half_or_digit(g: Grammar, ch: str) -> Decimal:
    """The tenth after the tenths word: a digit, or the half word (five tenths and a half = 55 %)."""
    if ch == g.half_word:
        return Decimal(5)
    return Decimal(lexicon().digits.get(ch, int(ch) if ch.isdigit() else 0))


def lone_scale_word(reading: Reading) -> bool:
    """A scale word with no numeral before it (the 100 million of "unit: 100 million yuan"): no figure,
    whatever follows it."""
    return len(reading.tokens) == 1 and reading.tokens[0].kind == "big"


def standalone_ok(g: Grammar, norm: str, reading: Reading) -> bool:
    """Whether a numeral with nothing after it is a number on its own."""
    tokens = reading.tokens
    head = tokens[0]
    if head.kind == "big" or (head.kind == "small" and head.value >= 2 and len(tokens) == 1):
        return False  # a scale word alone (as in the name Baidu)
    if len(tokens) == 1 and head.text in g.compound_only:
        return False  # see compound_only in rules/quantity_filters.yaml
    if len(tokens) <= 2 and all(t.kind in ("dig", "zero") for t in tokens):
        lo, hi = max(0, reading.start - 1), min(len(norm), reading.end + 1)
        for m in g.redup_re.finditer(norm, lo, hi, overlapped=True):
            if m.start() <= reading.start and reading.end <= m.end():
                return False  # a reduplicated digit is a word
    return True


def context_ok(g: Grammar, norm: str, start: int, end: int) -> bool:
    """Whether a bare number is not part of a model name (5G) or a blocked word."""
    if g.blocked_after_re.match(norm, end):
        return False
    if end < len(norm) and norm[end].isascii() and norm[end].isalpha() \
            and norm[end - 1].isdigit() and not g.latin_unit_re.match(norm, end):
        return False
    if start > 0 and norm[start].isdigit() \
            and g.latin_before_re.search(norm, max(0, start - 3), start) \
            and not g.quantity_word_before_re.search(norm, max(0, start - 5), start) \
            and not g.figure_after_latin_re.match(norm, start, min(len(norm), end + 2)):
        return False
    return True


def skip_token(g: Grammar, norm: str, end: int) -> int:
    """Past the Latin/digit token a rejected number was part of."""
    return g.alnum_re.match(norm, end).end()


def ambiguous_piece(g: Grammar, norm: str, reading: Reading | None) -> int | None:
    """Start of the first space-separated piece of a numeral that lies inside an
    ambiguous word, when the numeral has such pieces; else None."""
    if reading is None or len(reading.tokens) < 2:
        return None
    piece_start = reading.tokens[0].start
    pieces = []
    for prev, tok in zip(reading.tokens, reading.tokens[1:], strict=False):
        if tok.start != prev.end:
            pieces.append((piece_start, prev.end))
            piece_start = tok.start
    if not pieces:
        return None
    pieces.append((piece_start, reading.end))
    for lo, hi in pieces:
        if ambiguous(g, norm, lo, hi):
            return lo
    return None


def ambiguous(g: Grammar, norm: str, start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside an ambiguous word (rules/quantity_filters.yaml)."""
    lo = max(0, start - g.ambiguous_len)
    hi = min(len(norm), end + g.ambiguous_len)
    for m in g.ambiguous_re.finditer(norm, lo, hi, overlapped=True):
        if m.start() <= start and end <= m.end():
            return True
    return False
