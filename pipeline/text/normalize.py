"""Script and width normalization that never moves a character.

Matching runs on Simplified Chinese with ASCII digits and signs, but every
offset must still point into the raw text. Both conversions here are done
character for character, so the normalized string has exactly the length of
its input and index i of the output stands for index i of the input: the
offset map is the identity and no stage ever has to re-align.
"""
from __future__ import annotations

import functools

import opencc
import regex

_FULLWIDTH_FIRST, _FULLWIDTH_LAST, _FULLWIDTH_SHIFT = 0xFF01, 0xFF5E, 0xFEE0
_IDEOGRAPHIC_SPACE = 0x3000
_REPLACEMENT = "\ufffd"
# `regex` knows newer Unicode than this Python: a digit it matches with \d that Python
# cannot read as a number (str.isdecimal() is False) would break int() and Decimal().
_ANY_DIGIT = regex.compile(r"\d")


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_HALFWIDTH = {code: code - _FULLWIDTH_SHIFT for code in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1)}
_HALFWIDTH[_IDEOGRAPHIC_SPACE] = ord(" ")
# The small forms of the full stop and the comma, typed as a decimal point and a thousands
# separator on some Hong Kong pages ("11\uFE5286", "4\uFE50280").
_HALFWIDTH.update({0xFE52: ord("."), 0xFE50: ord(",")})
_OTHER_DIGIT = regex.compile(r"(?![0-9])\d")


def _readable(match: regex.Match) -> str:
    return match.group() if match.group().isdecimal() else _REPLACEMENT


def to_halfwidth(text: str) -> str:
    """Full-width ASCII variants → ASCII; the ideographic space → space; a digit this
    Python cannot read → U+FFFD (so matching never hands it to int() or Decimal())."""
    return _OTHER_DIGIT.sub(_readable, text.translate(_HALFWIDTH))


@functools.lru_cache(maxsize=65536)
def _char_to_simplified(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → Simplified, keeping the length.

    OpenCC converts phrase by phrase, which gives better choices; when a phrase
    conversion changes the length of a line, that line falls back to a
    character-by-character conversion so offsets stay aligned.
    """
    lines = text.split("\n")
    converter = _converter()
    out = []
    for line in lines:
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(_char_to_simplified(ch) for ch in line)
        out.append(converted)
    return "\n".join(out)


def normalize_text(text: str) -> str:
    """The matching form of `text`: Simplified script, half-width digits and signs.

    `len(normalize_text(t)) == len(t)` always holds, and normalizing twice
    gives the same result as normalizing once.
    """
    # stages normalize the same sentences and words again (a sentence for its quantities, a
    # lexicon's words); only short texts are kept, so the memo stays small
    return _normalized(text) if len(text) <= _KEPT_LENGTH else to_simplified(to_halfwidth(text))


_KEPT_LENGTH = 1000


@functools.lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    return to_simplified(to_halfwidth(text))
