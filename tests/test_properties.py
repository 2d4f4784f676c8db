"""Properties: extraction never raises and always keeps raw[start:end] == text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract

FINANCE_ALPHABET = list("0123456789.,%-+ ") + list(
    "一二三四五六七八九十百千万亿兆億萬元港美台幣币同比增长下降至约超逾年月季度上半前三個百分点成倍翻净利润收入。，；（）()\n#|/")
finance_text = st.text(alphabet=st.sampled_from(FINANCE_ALPHABET), max_size=200)


def _check(text):
    table = extract(text)
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert 0 <= row.start < row.end <= len(text)
        assert row.kind in {"amount", "count", "ratio", "change"}
        assert row.sentence and row.text in row.sentence
    assert list(table["start"]) == sorted(table["start"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_extract_never_raises_on_arbitrary_text(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(finance_text)
def test_extract_keeps_offsets_on_finance_like_text(text):
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(finance_text)
def test_extract_html_keeps_offsets(text):
    html = "<html><body><p>" + text.replace("<", " ") + "</p></body></html>"
    table = extract(html, fmt="html")
    for row in table.itertuples():
        assert html[row.start:row.end] == row.text
