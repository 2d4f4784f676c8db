"""Pages that set every figure apart by spaces read like pages that do not (text/spacing.py)."""
import pytest

from pipeline import extract
from pipeline.text.spacing import close_up, spaced_page

SPACED = ("小鵬汽車公布 2025 年第三季財報，總營收年增 95.6% 至人民幣 197.6 億元 (約 27.8 億美元)，季增 8.1%；"
          "淨損收窄至 3.8 億元。第三季交車量達 108,316 輛，年增 132.8%；毛利率為 19.2%，年增 3.9 個百分點。")
FIELDS = ["kind", "metric_text", "value", "unit", "change_pct", "change_pp", "change_basis", "period"]


def test_a_spaced_page_gives_the_claims_of_the_same_page_unspaced():
    spaced = extract(SPACED)
    closed = extract(SPACED.replace(" ", ""))
    assert len(spaced) == len(closed) >= 6
    assert spaced[FIELDS].astype(str).values.tolist() == closed[FIELDS].astype(str).values.tolist()


def test_anchors_of_a_spaced_page_keep_their_spaces_in_the_raw_text():
    table = extract(SPACED)
    assert {"人民幣 197.6 億元", "108,316 輛"} <= set(table["text"])
    assert all(SPACED[r.start:r.end] == r.text for r in table.itertuples())


@pytest.mark.parametrize("text, spaced", [
    (SPACED, True),
    (SPACED.replace(" ", ""), False),
    # a one-line digest whose items are parted by spaces is no spaced page
    ("●招商銀行營收3375億元 增速0.5% ●工商銀行淨利潤3659億元 增速0.6% ●建設銀行營收7502億元", False),
], ids=["spaced", "unspaced", "item-gaps"])
def test_which_pages_are_spaced(text, spaced):
    assert spaced_page(text) is spaced


def test_close_up_maps_each_kept_character_to_its_raw_span():
    text, starts, ends = close_up(SPACED, None, None)
    assert " " not in text[:60]
    assert all(SPACED[s:e] == ch for ch, s, e in zip(text, starts, ends, strict=True))
