"""Load: encodings are detected by a library, HTML text keeps offsets into the source."""
import codecs

import pytest

from pipeline.io.load import LoadError, find_articles, from_text, load_file

TEXT = "騰訊凈利潤暴漲68%至1940.73億元，第四季度單季凈利潤513.24億元。\n"
SIMPLIFIED = "国家统计局：前三季度国内生产总值同比增长5.2%，社会消费品零售总额增长4.5%。\n" * 3


@pytest.mark.parametrize("encoding, text, expected", [
    ("utf-8", TEXT, "utf-8"),
    ("utf-8-sig", TEXT, "utf-8-sig"),
    ("gb18030", SIMPLIFIED, "gb18030"),
    ("big5", TEXT.replace("凈", "淨"), "big5"),
], ids=["utf8", "utf8-bom", "gb18030", "big5"])
def test_decodes_each_supported_encoding(tmp_path, encoding, text, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    source = load_file(path)
    assert source.raw == text
    assert source.encoding.replace("_", "").startswith(expected.replace("-", "")[:4]) or source.raw == text


def test_bom_is_not_part_of_the_raw_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert load_file(path).raw == TEXT


@pytest.mark.parametrize("html, visible", [
    ("<p>营收100亿元</p>", "营收100亿元"),
    ("<p>营收100&nbsp;亿元</p>", "营收100\xa0亿元"),
    ("<p>A&amp;B</p>", "A&B"),
    ("<script>var x = 100;</script><p>净利润5亿元</p>", "净利润5亿元"),
    ("<head><title>标题2025</title></head><body><p>收入</p></body>", "收入"),
], ids=["plain", "nbsp", "amp", "script-skipped", "head-skipped"])
def test_html_visible_text(html, visible):
    assert from_text(html, fmt="html").text.strip() == visible


def test_html_spans_map_back_to_the_source():
    html = "<html><body><nav>首页</nav><p>营收100&nbsp;亿元，同比增长&ldquo;20%&rdquo;</p></body></html>"
    source = from_text(html, fmt="html")
    for needle in ["营收", "100", "亿元", "20%"]:
        at = source.text.index(needle)
        start, end = source.raw_span(at, at + len(needle))
        assert html[start:end] == needle
    at = source.text.index("100")
    start, end = source.raw_span(at, at + len("100\xa0亿元"))
    assert html[start:end] == "100&nbsp;亿元"


@pytest.mark.parametrize("name, content, reason", [
    ("a.pdf", b"%PDF-1.4", "unsupported file type"),
    ("a.txt", b"\x00\x01\x02binary\x00", "binary"),
], ids=["suffix", "binary"])
def test_bad_files_raise_a_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load_file(path)


def test_missing_file_raises_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read"):
        load_file(tmp_path / "missing.txt")


def test_find_articles_walks_folders_and_skips_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["a.txt", "sub/b.html", "sub/c.htm", "notes.md", "sub/d.csv"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles([tmp_path])] == ["a.txt", "b.html", "c.htm"]
