"""The memoized tagger (pipeline/text/tagging.py, segment.tagged_words) gives the same words and
tags as jieba's own tagger on the private dictionary: one case per shape of text it must handle."""
import pytest

from pipeline.text.normalize import normalize_text
from pipeline.text.segment import pos_tokenizer, tagged_words

CASES = [
    ("company-and-metric", "腾讯控股第三季度净利润同比增长19%"),
    ("unknown-names-go-to-the-hmm", "挚文集团旗下探探与陌陌的付费用户合计约1100万"),
    ("traditional-normalized", "台積電10月營收3,676.5億元，月增11%、年增16.9%"),
    ("digits-letters-and-spaces", "EPS 1.21/1.41/1.66元 对应PE分别为54X/46X/39X"),
    ("punctuation-only-blocks", "——（注：以上数据未经审计）……"),
    ("single-characters-in-a-row", "港股通南向资金今日净买入86.3亿港元"),
    ("a-long-block", "中国移动中国电信中国联通三大运营商上半年资本开支合计约一千零九十六亿元"),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [t for _, t in CASES], ids=[name for name, _ in CASES])
def test_tagged_words_equal_jiebas_tagger(text):
    text = normalize_text(text)
    expected = [(pair.word, pair.flag) for pair in pos_tokenizer().cut(text)]
    assert tagged_words(text) == expected
    assert tagged_words(text) == expected          # the second time from the memo
