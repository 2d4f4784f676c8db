"""A bounded fuzz run of `find_quantities` and `extract` (issue 12): text built from the rule
files' own words, broken the ways scraped text breaks (spaces inside words, huge exponents,
control and replacement characters, stray markup). A fixed budget of examples, derandomized
by the test profile (tests/conftest.py). To search longer: FUZZ_EXAMPLES=20000 and
HYPOTHESIS_PROFILE=explore (fresh random examples)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract, find_quantities, rules


def _words() -> list[str]:
    """Numeral, scale, currency, percent, change and hedge words of the rule files."""
    num, cur = rules.load("quantity_numerals"), rules.load("quantity_currencies")
    pct, chg = rules.load("quantity_percent"), rules.load("changes")
    words = [*num["digits"], *num["small_units"], *num["big_units"], *num["decimal_points"],
             *num["approx_markers"], *num["negative_signs"], *num["range_separators"], *num["per_unit_suffixes"],
             *cur["prefix"], *cur["suffix"], *cur["generic_suffix"], *cur["minor_units"],
             *pct["percent_signs"], *pct["points_words"], *pct["multiple_words"], pct["fraction_marker"],
             pct["cheng_word"], pct["discount_word"], *chg["up_verbs"], *chg["down_verbs"]]
    return sorted({w for w in words if isinstance(w, str) and w})


WORDS = _words()
BREAKS = ["1e999", "2^999", "9" * 400, "1,000,000,000,000", "0.000", ".5", "１２３", "\x00", "\x1b", "\ufffd",
          "\u3000", "\xa0", "\t", "\r", "\n", "。", "，", "(", "）", "<p>", "</p>", "<![", "&amp;", "&#0;", "<!--"]


@st.composite
def _spaced(draw) -> str:
    """A rule word with spaces between its characters (scraped text spaces them out)."""
    word = draw(st.sampled_from(WORDS))
    return draw(st.sampled_from([" ", "\u3000", "\xa0", "  "])).join(word)


PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(BREAKS), _spaced(),
                   st.integers(min_value=0, max_value=10**6).map(str), st.text(max_size=3))
SOUP = st.lists(PIECES, max_size=40).map("".join)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
BUDGET = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@BUDGET
@given(SOUP)
def test_find_quantities_never_raises_and_keeps_offsets(text):
    found = find_quantities(text)
    assert all(0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(BUDGET, max_examples=max(1, EXAMPLES // 3))
@given(SOUP, st.sampled_from(["txt", "html"]))
def test_extract_never_raises_and_keeps_anchors(text, fmt):
    table = extract(text, fmt=fmt)
    for row in table.itertuples():
        assert 0 <= row.start < row.end <= len(text) and text[row.start:row.end] == row.text
        assert row.kind in {"amount", "count", "ratio", "change"}
