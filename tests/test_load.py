"""Load: encodings are detected by a library, HTML text keeps offsets into the source."""
import codecs
import os
import random

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
    ("<p>营收100亿元</p><footer><p>客服热线：(852) 2598 6688</p></footer>", "营收100亿元"),
], ids=["plain", "nbsp", "amp", "script-skipped", "head-skipped", "page-footer-skipped"])
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


@pytest.mark.parametrize("name, content, reason, words", [
    ("a.pdf", b"%PDF-1.4", "unsupported-type", "unsupported file type"),
    ("a.txt", b"\x00\x01\x02binary\x00", "binary", "control characters"),
    ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary", "PNG image"),
    ("a.html", b"%PDF-1.7\n", "binary", "PDF document"),
    ("a.txt", b"PK\x03\x04\x14\x00", "binary", "ZIP archive"),
    ("a.txt", b"\x1f\x8b\x08\x00", "binary", "gzip archive"),
    ("a.txt", random.Random(7).randbytes(5000), "encoding", "no encoding reads it"),
], ids=["suffix", "control-characters", "png", "pdf", "zip", "gzip", "undecodable"])
def test_bad_files_raise_a_clear_error(tmp_path, name, content, reason, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=words) as caught:
        load_file(path)
    assert caught.value.reason == reason
    assert str(path) in str(caught.value)


def test_missing_file_raises_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read") as caught:
        load_file(tmp_path / "missing.txt")
    assert caught.value.reason == "unreadable"


def test_a_file_over_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    with pytest.raises(LoadError, match="over the limit") as caught:
        load_file(path, max_bytes=10)
    assert caught.value.reason == "too-large"


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.mkdir(), "not-a-file"),
    (lambda p: os.mkfifo(p), "not-a-file"),
    (lambda p: p.symlink_to(p.name), "unreadable"),
    (lambda p: p.symlink_to("nowhere.txt"), "unreadable"),
], ids=["folder", "pipe", "symlink-loop", "dangling-symlink"])
def test_what_is_no_regular_file_is_refused_without_reading(tmp_path, make, reason):
    path = tmp_path / "a.txt"
    make(path)
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert caught.value.reason == reason


@pytest.mark.parametrize("data, raw, warning", [
    ("收入1亿元。".encode() + b"\xff" + "利润2亿元。".encode(), "收入1亿元。\ufffd利润2亿元。",
     "1 invalid byte sequence replaced"),
    (TEXT.encode() + b"\x00\x00" + TEXT.encode(), TEXT + "\ufffd\ufffd" + TEXT, "2 control characters replaced"),
    (SIMPLIFIED.encode("gb18030") + b"\xff", SIMPLIFIED + "\ufffd", "1 invalid byte sequence replaced"),
    (b"", "", "empty file"),
    (b" \r\n\t ", " \r\n\t ", "white space only"),
], ids=["utf8-invalid-byte", "nul-bytes", "gb18030-invalid-byte", "empty", "white-space"])
def test_repairs_keep_every_offset_and_say_what_they_did(tmp_path, data, raw, warning):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    source = load_file(path)
    assert source.raw == raw
    assert any(warning in w for w in source.warnings)


@pytest.mark.parametrize("bom, encoding", [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
], ids=["utf16le", "utf16be", "utf32le", "utf32be"])
def test_byte_order_marks_decide_the_encoding(tmp_path, bom, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    source = load_file(path)
    assert (source.raw, source.warnings) == (TEXT, [])


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_carriage_returns_break_lines_with_offsets_kept(newline):
    raw = SIMPLIFIED.replace("\n", newline)
    source = from_text(raw)
    assert source.raw == raw and len(source.text) == len(raw)
    assert source.text == raw.replace("\r", "\n")


@pytest.mark.parametrize("name, doc_id", [
    (b"plain.txt", "plain"),
    ("营收.txt".encode(), "营收"),
    ("报告.txt".encode("gbk"), "\\xb1\\xa8\\xb8\\xe6"),
    (b"line\nbreak.txt", "line\\x0abreak"),
], ids=["ascii", "utf8", "gbk-bytes", "control-character"])
def test_file_names_in_any_encoding_give_printable_document_ids(tmp_path, name, doc_id):
    path = os.path.join(os.fsencode(tmp_path), name)
    with open(path, "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    source = load_file(os.fsdecode(path))
    assert source.doc_id == doc_id
    assert source.path.isprintable()


@pytest.mark.parametrize("html", [
    "<![<![<![>" + "<p>营收100亿元</p>",
    "<p>营收100亿元</p>" + "<a " * 500,
    "<p>营收100亿元</p>" + "</" * 500 + "<?" * 500,
    "<p>营收100亿元</p><![if !supportLists]>x<![endif]><![CDATA[ y ]]>",
    "<p>营收100亿元<div><span></p></div></span>&#0;&#x110000;&bogus;&amp",
], ids=["marked-sections", "unclosed-tags", "unclosed-end-tags", "conditional-comments", "broken-nesting"])
def test_broken_html_never_raises_and_keeps_the_text(html):
    source = from_text(html, fmt="html")
    assert "营收100亿元" in source.text
    assert len(source.to_raw_start) == len(source.text) == len(source.to_raw_end)


def test_find_articles_walks_folders_and_skips_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["a.txt", "sub/b.html", "sub/c.htm", "notes.md", "sub/d.csv"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles([tmp_path])] == ["a.txt", "b.html", "c.htm"]


def test_find_articles_ends_on_folder_loops_and_lists_unreadable_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to("..", target_is_directory=True)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.html").symlink_to("missing.html")
    assert [p.name for p in find_articles([tmp_path])] == ["dangling.html", "loop.txt", "b.txt"]


def _denied(*args, **kwargs):
    raise PermissionError(13, "Permission denied")


def test_a_file_without_read_permission_is_refused(tmp_path, monkeypatch):
    """(Simulated: the tests may run as root, who reads any file.)"""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr("pipeline.io.load.open", _denied, raising=False)
    with pytest.raises(LoadError, match="Permission denied") as caught:
        load_file(path)
    assert caught.value.reason == "unreadable"


def test_a_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    monkeypatch.setattr("pipeline.io.load.os.scandir", _denied)
    assert find_articles([tmp_path]) == [tmp_path]
    with pytest.raises(LoadError, match="cannot list the folder") as caught:
        load_file(tmp_path)
    assert caught.value.reason == "unreadable"
