"""Finding the phrases of a lexicon in a text in one pass (Aho-Corasick automaton).

A lexicon of thousands of terms (metric synonyms, entity aliases) as one regex
alternation is slow to match; an automaton finds every occurrence in one scan. The
matches are then chosen as a regex alternation sorted longest-first would choose them:
leftmost first, the longest at that place, none overlapping. Latin letters match
without regard to case; a term that starts or ends with a Latin letter or digit must not
continue a longer Latin word.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick
import regex

Value = TypeVar("Value")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_ASCII_UPPER = regex.compile(r"[A-Z]")


def _fold(text: str) -> str:
    """ASCII letters lower-cased, every other character kept: the length never changes."""
    # most text has no capital Latin letter: one scan, instead of translating it character by character
    return text.translate(_ASCII_LOWER) if _ASCII_UPPER.search(text) else text


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class PhraseMatcher(Generic[Value]):
    def __init__(self, phrases: Iterable[tuple[str, Value]]):
        self._automaton = ahocorasick.Automaton()
        for phrase, value in phrases:
            key = _fold(phrase)
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def _whole(self, text: str, start: int, end: int) -> bool:
        """A Latin term does not start or end inside a longer Latin word."""
        if _alnum(text[start]) and start > 0 and _alnum(text[start - 1]):
            return False
        # a figure may follow a Latin term directly (EPS6.53): only a letter continues the word
        if end >= len(text) or not (_alnum(text[end - 1]) and _alnum(text[end])):
            return True
        return text[end].isdigit() and text[end - 1].isalpha()   # EPS6.53 yes; M0 of M03 no

    def find(self, text: str) -> list[tuple[int, int, Value]]:
        """Non-overlapping matches, leftmost first, the longest at each place."""
        if self._empty or not text:
            return []
        longest: dict[int, tuple[int, Value]] = {}
        for last, (length, value) in self._automaton.iter(_fold(text)):
            start = last - length + 1
            if (start not in longest or length > longest[start][0]) and self._whole(text, start, last + 1):
                longest[start] = (length, value)
        out: list[tuple[int, int, Value]] = []
        end = 0
        for start in sorted(longest):
            if start >= end:
                length, value = longest[start]
                out.append((start, start + length, value))
                end = start + length
        return out
