"""pipeline.numerals: reading numerals to exact values (pure functions)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.quantities.numerals import Vague, read_numeral, to_float
from pipeline.quantities.vocabulary import parse_arabic
from pipeline.text.normalize import normalize_text


def read(text: str, allow_bare: bool = False):
    norm = normalize_text(text)
    reading = read_numeral(norm, 0, allow_bare=allow_bare)
    return None if reading is None else (text[reading.start:reading.end], reading.value)


ARABIC = [
    ("plain", "1940.73", Decimal("1940.73")),
    ("thousands", "1,050,000,000", Decimal(1050000000)),
    ("thousands-decimal", "10,000.233", Decimal("10000.233")),
    ("leading-dot", ".5", Decimal("0.5")),
    ("exponent", "2e5", Decimal(200000)),
    ("negative-exponent", "-12e-1", Decimal("-1.2")),
    ("caret", "2^5", Decimal(32)),
    ("caret-negative", "2^-1", Decimal("0.5")),
    ("caret-double-minus", "1.1^--23", Decimal("1.1") ** 23),
]


@pytest.mark.parametrize("text,expected", [a[1:] for a in ARABIC], ids=[a[0] for a in ARABIC])
def test_parse_arabic(text, expected):
    assert parse_arabic(text) == expected


NUMERALS = [
    ("ten", "十", "十", 10),
    ("fifteen", "十五", "十五", 15),
    ("zero-marker", "一千零五", "一千零五", 1005),
    ("zero-before-ten", "一万零十二", "一万零十二", 10012),
    ("abbreviated-hundred", "四百五", "四百五", 450),
    ("abbreviated-wan", "一万三", "一万三", 13000),
    ("bare-hundred-abbreviated", "百三", "百三", 130),
    ("decimal-words", "七百零六点九亿", "七百零六点九亿", 70690000000),
    ("decimal-after-scale", "两千万点五五四四", "两千万点五五四四", Decimal("20000000.5544")),
    ("wan-yi", "二十万亿", "二十万亿", 20 * 10**12),
    ("wan-wan", "四万万", "四万万", 400000000),
    ("zhao", "五兆六十二亿四万五千二", "五兆六十二亿四万五千二", 5006200045200),
    ("long", "一千二百三十四万五千六百七十八", "一千二百三十四万五千六百七十八", 12345678),
    ("mixed-arabic", "3万4000", "3万4000", 34000),
    ("mixed-decimal", "1.2万亿", "1.2万亿", 1200000000000),
    ("thousands-and-wan", "1,100万", "1,100万", 11000000),
    ("financial", "壹佰贰拾叁", "壹佰贰拾叁", 123),
    ("traditional", "兩千四百五", "兩千四百五", 2450),
    ("traditional-scale", "4.78萬億", "4.78萬億", 4780000000000),
    ("liang-after-point-stops", "两百点两", "两百", 200),
    ("scale-order", "五十千", "五十", 50),
    ("approximate-marker", "一千多万", "一千多万", 10000000),
    ("approximate-ji", "二十几万", "二十几万", 200000),
    ("spaced", "一百 五 十 二", "一百 五 十 二", 152),
    ("positional", "二〇二五", "二〇二五", 2025),
    ("latin-multiplier", "40k", "40k", 40000),
    ("fullwidth", "１１.92亿", "１１.92亿", 1192000000),
]


@pytest.mark.parametrize("text,span,value", [n[1:] for n in NUMERALS], ids=[n[0] for n in NUMERALS])
def test_read_numeral(text, span, value):
    assert read(text) == (span, Decimal(value))


@pytest.mark.parametrize("text", ["万", "万万"], ids=["wan-alone", "wan-wan-alone"])
def test_bare_big_scale_is_not_a_numeral(text):
    assert read(text) is None


def test_bare_big_scale_allowed_as_denominator():
    assert read("万", allow_bare=True) == ("万", Decimal(10000))


def test_approximate_pair_is_vague():
    with pytest.raises(Vague):
        read("二三十")


@pytest.mark.parametrize("value,expected", [(None, None), (Decimal("1E+400"), None),
                                            (Decimal("0.5"), 0.5)],
                         ids=["none", "overflow", "half"])
def test_to_float(value, expected):
    assert to_float(value) == expected
