"""pipeline.quantities.find_quantities: spans, kinds, values and filters."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import rules
from pipeline.quantities import Quantity, find_quantities

# (id, input, expected fields of the one mention that must be there)
FOUND = [
    ("money-suffix", "凈利潤暴漲68%至1940.73億元", {"text": "1940.73億元", "kind": "money",
                                             "value": 194073000000.0, "unit": "CNY",
                                             "unit_text": "億元", "generic_currency": True}),
    ("money-simplified", "净利润1940.73亿元", {"text": "1940.73亿元", "value": 194073000000.0}),
    ("money-hkd", "回購1120億港元股票", {"text": "1120億港元", "unit": "HKD", "generic_currency": False}),
    ("money-rmb-after-yuan", "收入2364億元人民幣", {"text": "2364億元人民幣", "unit": "CNY"}),
    ("money-prefix-word", "新臺幣2,000億元", {"text": "新臺幣2,000億元", "unit": "TWD",
                                          "value": 200000000000.0}),
    ("money-prefix-symbol", "融資US$5.2億", {"text": "US$5.2億", "unit": "USD", "value": 520000000.0}),
    ("money-hk-dollar", "HK$3.5", {"text": "HK$3.5", "unit": "HKD", "value": 3.5}),
    ("money-yen-sign", "售价￥300", {"text": "￥300", "unit": "CNY"}),
    ("money-kuai", "花了三块钱", {"text": "三块钱", "unit": "CNY", "value": 3.0}),
    ("money-zhao", "四十九兆九千五百九十二億元", {"value": 49959200000000.0, "kind": "money"}),
    ("money-minor-units", "50元6角三分", {"text": "50元6角三分", "value": 50.63}),
    ("money-space", "我们有 100 美元", {"text": "100 美元", "unit": "USD"}),
    ("count-wan", "日活2480.5萬", {"text": "2480.5萬", "kind": "number", "value": 24805000.0,
                                "unit": "", "unit_text": "萬"}),
    ("count-yi", "13.85億月活用戶", {"text": "13.85億", "value": 1385000000.0}),
    ("chinese-decimal", "七百零六点九亿", {"value": 70690000000.0}),
    ("chinese-long", "一千二百三十四万五千六百七十八", {"value": 12345678.0}),
    ("mixed", "3万4000", {"value": 34000.0}),
    ("percent", "毛利率57%", {"text": "57%", "kind": "percent", "value": 57.0, "unit": "%"}),
    ("percent-fullwidth", "增長５．５％", {"text": "５．５％", "value": 5.5}),
    ("percent-negative-word", "負3.9%", {"text": "負3.9%", "value": -3.9}),
    ("percent-negative-hyphen", "增长-2.3%", {"text": "-2.3%", "value": -2.3}),
    ("percent-words", "百分之三点五", {"text": "百分之三点五", "value": 3.5, "kind": "percent"}),
    ("per-mille-words", "千分之五", {"value": 0.5, "kind": "percent"}),
    ("per-myriad-words", "萬分之三", {"value": 0.03, "kind": "percent"}),
    ("points", "同比+4個百分點", {"text": "+4個百分點", "value": 4.0, "form": "pp", "kind": "percent"}),
    ("basis-points", "下降12個基點", {"text": "12個基點", "value": 12.0, "form": "bp", "kind": "number"}),
    ("multiple", "市盈率20倍", {"text": "20倍", "form": "multiple", "value": 20.0, "unit_text": "倍"}),
    ("multiple-chinese", "增长两倍", {"text": "两倍", "value": 2.0}),
    ("tenths", "增長四成七", {"text": "四成七", "kind": "percent", "value": 47.0, "unit_text": "成"}),
    ("tenths-decimal", "7.2成", {"value": 72.0}),
    ("discount", "九折", {"value": 90.0, "form": "discount"}),
    ("fraction", "三分之一", {"form": "fraction", "kind": "number"}),
    ("range-percent", "10%-15%", {"text": "10%-15%", "value": 10.0, "value_max": 15.0}),
    ("range-tilde", "10%~15%", {"value": 10.0, "value_max": 15.0}),
    ("range-money", "380億至420億美元", {"value": 38000000000.0, "value_max": 42000000000.0,
                                     "unit": "USD"}),
    ("range-scale-from-end", "20-30亿元", {"value": 2000000000.0, "value_max": 3000000000.0}),
    ("range-tenths", "3至5成", {"value": 30.0, "value_max": 50.0}),
    ("year", "2025年", {"text": "2025", "value": 2025.0}),
    ("year-digit-by-digit", "二〇二五年", {"text": "二〇二五", "value": 2025.0}),
    ("ordinal-number", "第三", {"text": "三", "value": 3.0}),
    ("zhao-megawatt-not-trillion", "300兆瓦", {"text": "300", "value": 300.0}),
    ("latin-unit-kept", "16GB", {"text": "16", "value": 16.0}),
]


@pytest.mark.parametrize("text,expect", [f[1:] for f in FOUND], ids=[f[0] for f in FOUND])
def test_finds(text, expect):
    found = [q for q in find_quantities(text)
             if all(q[k] == pytest.approx(v) if isinstance(v, float) else q[k] == v
                    for k, v in expect.items())]
    assert len(found) == 1, find_quantities(text)


NOTHING = [
    ("iphone-space", "iPhone 16"),
    ("iphone-glued", "iPhone16"),
    ("gpt", "GPT-4"),
    ("five-g", "5G网络"),
    ("three-d", "3D打印"),
    ("model-r1", "DeepSeek R1"),
    ("chip-h20", "H20芯片"),
    ("some", "一些"),
    ("together", "一起"),
    ("unify", "统一"),
    ("in-case", "万一"),
    ("by-all-means", "千萬不要"),
    ("baidu", "百度"),
    ("army", "队伍"),
    ("retail", "零售"),
    ("reduplicated", "两两"),
    ("vague-tens-of-billions", "数十亿"),
    ("vague-pair", "百分之二三十"),
    ("two-digit", "两位数增长"),
    ("bare-currency", "人民币 美元"),
    ("url", "http://example.com/?q=30%25"),
    ("depreciation", "折旧"),
]


@pytest.mark.parametrize("text", [n[1] for n in NOTHING], ids=[n[0] for n in NOTHING])
def test_finds_nothing(text):
    assert find_quantities(text) == []


def test_offsets_point_into_the_original_text():
    text = "騰訊凈利潤暴漲68%至1940.73億元"
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_quantity_is_subscriptable_and_serialisable():
    q = find_quantities("57%")[0]
    assert isinstance(q, Quantity)
    assert q["start"] == 0 and q.to_dict()["value"] == 57.0 and q.to_dict()["rule"]


def test_every_rule_id_is_declared_in_a_rule_file():
    declared = {r["id"] for name in rules.rule_files() if name.startswith("quantity_")
                for r in rules.load(name).get("rules", [])}
    texts = [f[1] for f in FOUND]
    assert {q.rule for t in texts for q in find_quantities(t)} <= declared


def test_non_string_input_gives_nothing():
    assert find_quantities("") == []


QUANTITY_CHARS = "0123456789一二三四五六七八九十百千万亿兆零两点%％元块美港币成折倍分之又负-+.,，~至 个百分点萬億兩點負"


def check(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous_end
        assert q.kind in ("number", "percent", "money")
        previous_end = q.end


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    check(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=QUANTITY_CHARS, max_size=40))
def test_never_raises_on_numeral_soup(text):
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["1,100", "2e5", "^", "3/", "1.2.3", "US$", "HK$", "￥", "元",
                                 "日本銭", "毛", "角", "又", "半", "打对折", "成", "个基点",
                                 "k", "M", "GPT-", "iPhone ", "九九", "二三十", "分之"]),
                max_size=12).map("".join))
def test_never_raises_on_token_soup(text):
    check(text)
