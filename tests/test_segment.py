"""Segment: jieba's splits with the finance dictionary are pinned, so an upgrade that
changes them fails loudly; sentences and clauses follow contract §2."""
import os

import pytest

from pipeline.text.normalize import normalize_text
from pipeline.text.segment import clause_starts, sentence_spans, tokens


@pytest.mark.parametrize("text, expected", [
    ("騰訊凈利潤暴漲68%", ["腾讯", "净利润", "暴涨", "68%"]),
    ("資本開支突破767億元", ["资本开支", "突破", "767", "亿元"]),
    ("經營活動現金流達2067億元", ["经营活动现金流", "达", "2067", "亿元"]),
    ("營銷服務收入同比增長20%", ["营销服务收入", "同比", "增长", "20%"]),
    ("經調整淨利潤", ["经调整净利润"]),
], ids=["net-profit", "capex", "operating-cash-flow", "marketing-revenue", "adjusted"])
def test_metric_phrases_stay_single_tokens(text, expected):
    normalized = normalize_text(text)
    assert [normalized[s:e] for s, e in tokens(normalized)] == expected


@pytest.mark.parametrize("text, sentences", [
    ("甲。乙！丙？丁", 4),
    ("甲；乙", 1),
    ("甲\n\n乙", 2),
    ("Revenue rose! Profit fell?", 2),
], ids=["cjk-ends", "semicolon-does-not-end", "line-breaks", "ascii-ends"])
def test_sentence_boundaries(text, sentences):
    assert len(sentence_spans(text)) == sentences


def test_sentence_spans_are_offsets_into_the_text():
    text = "  營收100億元。\n淨利潤20億元！"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["營收100億元。", "淨利潤20億元！"]


def test_thousands_comma_does_not_split_a_clause():
    starts = clause_starts("收入1,100萬元,同比增長")
    assert len(set(starts[:-1])) == 2


@pytest.mark.parametrize("text", [
    "泡泡玛特和蜜雪冰城的营收均创新高",          # names the dictionary does not hold: the HMM step tags them
    "宁德时代董事长曾毓群表示将继续扩产",
    "理想汽车11月交付新车48,000辆",
])
def test_the_memoized_hmm_step_tags_as_jieba_does(text):
    import jieba.posseg

    from pipeline.text.segment import pos_tokenizer, tokenizer
    expected = [(t.word, t.flag) for t in jieba.posseg.POSTokenizer(tokenizer()).cut(text)]
    assert [(t.word, t.flag) for t in pos_tokenizer().cut(text)] == expected
    assert [(t.word, t.flag) for t in pos_tokenizer().cut(text)] == expected     # from the memo


def test_the_dictionary_cache_restores_the_private_dictionary(tmp_path, monkeypatch):
    import jieba

    from pipeline.text import dictionary_cache

    monkeypatch.setenv("ZHCLAIMS_CACHE", str(tmp_path))
    words = ["归母净利润", "扣非净利润"]
    built = jieba.Tokenizer()
    for word in words:
        built.add_word(word, freq=200000)
    key = dictionary_cache.cache_key(words)
    dictionary_cache.save(built, key)
    restored = jieba.Tokenizer()
    assert dictionary_cache.load(restored, key)
    assert restored.FREQ == built.FREQ and restored.total == built.total
    assert restored.lcut("公司归母净利润增长") == built.lcut("公司归母净利润增长")


@pytest.mark.parametrize("content", [b"", b"not marshal data", None])
def test_a_missing_or_broken_dictionary_cache_is_not_used(tmp_path, monkeypatch, content):
    import jieba

    from pipeline.text import dictionary_cache

    monkeypatch.setenv("ZHCLAIMS_CACHE", str(tmp_path))
    key = dictionary_cache.cache_key(["归母净利润"])
    if content is not None:
        (tmp_path / f"dictionary-{key}.marshal").write_bytes(content)
    assert not dictionary_cache.load(jieba.Tokenizer(), key)
    assert dictionary_cache.cache_key(["扣非净利润"]) != key


def test_the_tag_table_cache_round_trips(tmp_path, monkeypatch):
    from pipeline.text import dictionary_cache

    monkeypatch.setenv("ZHCLAIMS_CACHE", str(tmp_path))
    table = {"腾讯": "nz", "发布": "v", "财报": "n"}
    key = dictionary_cache.tag_key()
    dictionary_cache.save_tags(table, key)
    assert dictionary_cache.load_tags(key) == table
    assert dictionary_cache.load_tags("another-key") is None


@pytest.mark.parametrize("content", [b"", b"not marshal data"])
def test_a_broken_tag_table_cache_is_not_used(tmp_path, monkeypatch, content):
    from pipeline.text import dictionary_cache

    monkeypatch.setenv("ZHCLAIMS_CACHE", str(tmp_path))
    key = dictionary_cache.tag_key()
    (tmp_path / f"tags-{key}.marshal").write_bytes(content)
    assert dictionary_cache.load_tags(key) is None


_TAGGER_STATE = """
import hashlib, sys
import pipeline.text.segment
import jieba, jieba.posseg
table = sorted(jieba.posseg.dt.word_tag_tab.items())
print(hashlib.sha256(repr(table).encode()).hexdigest(), jieba.dt.dictionary, "pkg_resources" in sys.modules)
"""


def test_the_cached_import_leaves_jieba_posseg_as_jieba_builds_it(tmp_path):
    """A cold start takes jieba.posseg's tag table from the cache; the host program's
    jieba.posseg must hold the same table as when jieba reads its own dictionary."""
    import subprocess
    import sys

    env = {**os.environ, "ZHCLAIMS_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", _TAGGER_STATE], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert list(tmp_path.glob("tags-*.marshal"))                # the first run filled the cache
    plain = subprocess.run([sys.executable, "-c", "import jieba.posseg\n" + _TAGGER_STATE], env=env,
                           capture_output=True, text=True, check=True).stdout.split()
    assert runs[0][0] == runs[1][0] == plain[0]
    assert runs[1][1:] == ["None", "False"]                     # the default dictionary; no pkg_resources
