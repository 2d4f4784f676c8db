"""Properties on any input (issue 12): the loader, the cleaner and the quantity finder never
raise, keep every offset valid, and cost work linear in the length of the input."""
from __future__ import annotations

import codecs
import sys
import tempfile
import time
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract, find_quantities
from pipeline.io.decode import NotText, decode_bytes
from pipeline.io.load import LoadError, load_file
from pipeline.periods import find_periods
from pipeline.text.clean import clean
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import MAX_SENTENCE, sentence_spans

CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
REASONS = {"unsupported-type", "unreadable", "not-a-file", "too-large", "binary", "encoding"}
NO_CONTROLS = st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"]), max_size=200)
CHINESE = st.text(alphabet=st.sampled_from(list("营收净利润同比增长亿元万美港币第季度年月日，。；（）")
                                           + list("0123456789.% ")), min_size=30, max_size=200).filter(
    lambda text: sum(ord(ch) > 127 for ch in text) >= 25)      # enough text to tell three bad bytes from noise
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_are_refused_with_a_reason(data):
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        assert exc.reason in {"binary", "encoding"}
        return
    assert not CONTROL.search(decoded.text)
    assert all("\n" not in warning for warning in decoded.warnings)


@settings(SLOW, max_examples=150)
@given(st.binary(max_size=2000) | NO_CONTROLS.map(lambda t: ("<p>" + t + "</p>").encode()),
       st.sampled_from([".txt", ".html"]))
def test_any_file_loads_with_valid_offsets_or_is_refused_with_a_reason(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(data)
        try:
            source = load_file(path)
        except LoadError as exc:
            assert exc.reason in REASONS and str(path) in str(exc)
            return
    if source.fmt == "txt":
        assert len(source.text) == len(source.raw)
        return
    assert source.to_raw_start is not None and source.to_raw_end is not None
    assert len(source.to_raw_start) == len(source.text) == len(source.to_raw_end)
    assert all(0 <= s <= e <= len(source.raw) for s, e in zip(source.to_raw_start, source.to_raw_end, strict=True))
    assert source.to_raw_start == sorted(source.to_raw_start)


@given(NO_CONTROLS, st.sampled_from([(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                     (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")]))
def test_text_after_a_byte_order_mark_reads_back_exactly(text, bom):
    mark, encoding = bom
    decoded = decode_bytes(mark + text.encode(encoding, errors="surrogatepass"))
    assert (decoded.text, decoded.warnings) == (text, [])


@given(CHINESE, st.lists(st.integers(min_value=0), min_size=1, max_size=3))
def test_each_invalid_byte_becomes_one_replacement_character(text, spots):
    places = sorted({spot % (len(text) + 1) for spot in spots})
    data, expected, previous = b"", "", 0
    for place in places:
        data += text[previous:place].encode() + b"\xff"
        expected += text[previous:place] + "\ufffd"
        previous = place
    data, expected = data + text[previous:].encode(), expected + text[previous:]
    decoded = decode_bytes(data)
    assert decoded.text == expected
    assert decoded.warnings[0].startswith(f"{len(places)} invalid byte sequence")


@given(st.text(max_size=600))
def test_cleaner_and_sentences_stay_inside_the_text(text):
    normalized = normalize_text(text)
    cleaned = clean(normalized, text)
    assert 0 <= cleaned.body_start <= cleaned.body_end <= len(text)
    spans = [cleaned.title_span] if cleaned.title_span else []
    spans += cleaned.datelines + cleaned.publication
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    sentences = sentence_spans(normalized, cleaned.body_start, cleaned.body_end)
    assert all(cleaned.body_start <= s < e <= cleaned.body_end and e - s <= MAX_SENTENCE for s, e in sentences)
    assert all(a[1] <= b[0] for a, b in zip(sentences, sentences[1:], strict=False))


@given(st.text(max_size=300))
def test_quantities_have_valid_offsets_on_any_text(text):
    found = find_quantities(text)
    assert all(0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# Linear cost. Runs of one unit at two lengths: work four times larger for four times the
# length, not sixteen. Work is counted (Python lines executed), so those tests are exact; the
# regular expressions' own work is checked by a generous ratio of CPU times.
RUNS = ["1", "十", "万", "一二三四五六七八九十百千万亿", "1 ", "0.5 ", "5%", "三成", "1,", "1.", "%", ",", ".",
        " ", "2025年 ", "负1", "12万3千四百", "〇"]


def _work(function, text: str) -> int:
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        lines += event == "line"
        return tracer
    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(text)
    finally:
        sys.settrace(previous)
    return lines


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("unit", RUNS)
def test_finding_quantities_costs_work_linear_in_the_length(unit):
    find_quantities(unit)
    small, large = _work(find_quantities, _run(unit, 500)), _work(find_quantities, _run(unit, 2000))
    assert large <= 5 * small + 1000, (small, large)


@pytest.mark.parametrize("unit", RUNS)
def test_cleaning_and_splitting_cost_work_linear_in_the_length(unit):
    def read(text):
        cleaned = clean(normalize_text(text), text)
        sentence_spans(normalize_text(text), cleaned.body_start, cleaned.body_end)
    small, large = _work(read, _run(unit, 1000)), _work(read, _run(unit, 4000))
    assert large <= 5 * small + 1000, (small, large)


@pytest.mark.parametrize("unit", ["三成", "5%", "负1", "十", "1 ", "2025年 "])
def test_extraction_costs_work_linear_in_the_length(unit):
    """Many figures in one sentence once cost work quadratic in their number (a run of 5%)."""
    extract(unit)
    small, large = _work(extract, _run(unit, 1500)), _work(extract, _run(unit, 6000))
    assert large <= 5 * small, (small, large)


def _seconds(function, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


TIMED = {  # name: (text of a given length, format)
    "percent-signs": (lambda n: _run("%", n), "txt"),
    "latin-dots": (lambda n: _run("a.", n), "txt"),
    "digits": (lambda n: _run("1", n), "txt"),
    "tenths": (lambda n: _run("三成", n), "txt"),
    "unclosed-tags": (lambda n: _run("<a ", n), "html"),
    "unclosed-end-tags": (lambda n: _run("</", n), "html"),
}


@pytest.mark.parametrize("name", TIMED)
def test_extraction_time_grows_linearly_on_runs(name):
    """A generous ratio of CPU times (linear: 4, quadratic: 16) for the whole pipeline; the
    patterns once rescanned a run from each of its characters (a run of % or of spaces)."""
    make, fmt = TIMED[name]
    extract(make(10), fmt=fmt)
    small = _seconds(lambda text: extract(text, fmt=fmt), make(3000))
    large = _seconds(lambda text: extract(text, fmt=fmt), make(12000))
    assert large <= 8 * small + 0.05, (small, large)


def test_finding_periods_time_grows_linearly_on_white_space():
    """A period pattern opening with optional words and white space once rescanned a run of
    spaces from each of its characters."""
    def make(n):
        return "2025年" + " " * n + "腾讯第三季度营收1亿元。"
    find_periods(make(10))
    small, large = _seconds(find_periods, make(2000)), _seconds(find_periods, make(8000))
    assert large <= 8 * small + 0.05, (small, large)
