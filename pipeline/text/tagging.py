"""jieba's part-of-speech tagging of one block, word for word and tag for tag, in less time.

A block is a run of word characters between punctuation and spaces: jieba tags each on its
own (`POSTokenizer.__cut_DAG`). It finds every dictionary word starting at each character
(the DAG), then the likeliest route from the end of the block back to its start, then tags
the route's words; a run of single characters its dictionary does not hold goes to the HMM.
Here the DAG and the route are one pass, the log-probability of each word is computed once
per process (`log(freq or 1) - log(total)`, the same expression jieba evaluates, so the same
floats), and ties go to the longer word as in jieba's `max` over (value, end) pairs.
The private tokenizer is never changed once built, so the memo of log-probabilities stays valid.
"""
from __future__ import annotations

from math import log
from typing import Any

_LOG_PROBABILITY: dict[str, float] = {}
_TOTAL: list[float] = []                # the dictionary total the memo was computed with


def _log_probability(freq: dict[str, int], total: float) -> dict[str, float]:
    if _TOTAL != [total]:
        _LOG_PROBABILITY.clear()
        _TOTAL[:] = [total]
    return _LOG_PROBABILITY


def route(freq: dict[str, int], total: float, block: str) -> list[int]:
    """For each index of `block`, the last index of the word jieba's route takes there."""
    memo, logtotal = _log_probability(freq, total), log(total)
    n = len(block)
    value, last = [0.0] * (n + 1), [0] * (n + 1)
    for start in range(n - 1, -1, -1):
        best, best_end = 0.0, -1
        end, fragment = start, block[start]
        while end < n and fragment in freq:
            if freq[fragment]:
                p = memo.get(fragment)
                if p is None:
                    p = memo[fragment] = log(freq.get(fragment) or 1) - logtotal
                v = p + value[end + 1]
                if best_end < 0 or v >= best:          # a tie goes to the longer word, as jieba's max
                    best, best_end = v, end
            end += 1
            fragment = block[start:end + 1]
        if best_end < 0:                               # no word starts here: the character alone
            best, best_end = log(freq.get(block[start]) or 1) - logtotal + value[start + 1], start
        value[start], last[start] = best, best_end
    return last


def tag_block(tagger: Any, block: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of one block of word characters, as jieba's tagger gives them."""
    tokenizer, tags = tagger.tokenizer, tagger.word_tag_tab
    last = route(tokenizer.FREQ, tokenizer.total, block)
    out: list[tuple[str, str]] = []
    at, single, n = 0, "", len(block)
    while at < n:
        end = last[at] + 1
        if end - at == 1:
            single += block[at]
        else:
            if single:
                out += _singles(tagger, single)
                single = ""
            word = block[at:end]
            out.append((word, tags.get(word, "x")))
        at = end
    if single:
        out += _singles(tagger, single)
    return out


def _singles(tagger: Any, run: str) -> list[tuple[str, str]]:
    """A run of one-character words: tagged one by one, or by the HMM when the run is no
    dictionary word (jieba's rule)."""
    tags = tagger.word_tag_tab
    if len(run) == 1:
        return [(run, tags.get(run, "x"))]
    if not tagger.tokenizer.FREQ.get(run):
        return [(pair.word, pair.flag) for pair in tagger._POSTokenizer__cut_detail(run)]
    return [(ch, tags.get(ch, "x")) for ch in run]
