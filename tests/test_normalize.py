"""Normalize: Simplified script and half-width forms, never changing the length."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.normalize import normalize_text, to_halfwidth


@pytest.mark.parametrize("text, expected", [
    ("騰訊凈利潤", "腾讯净利润"),
    ("淨利潤按年升四成七", "净利润按年升四成七"),
    ("新臺幣１，２３４．５億元", "新台币1,234.5亿元"),
    ("增長１５％", "增长15%"),
    ("全角　空格", "全角 空格"),
    ("already simplified 123", "already simplified 123"),
], ids=["trad", "hk", "fullwidth-money", "fullwidth-percent", "ideographic-space", "ascii"])
def test_normalize(text, expected):
    assert normalize_text(text) == expected


def test_halfwidth_leaves_other_punctuation():
    assert to_halfwidth("。、“”") == "。、“”"


@given(st.text())
def test_length_is_preserved_and_idempotent(text):
    once = normalize_text(text)
    assert len(once) == len(text)
    assert normalize_text(once) == once
