"""Periods: contract §3 — normalized forms and the order of assignment."""
import pytest

from pipeline import extract
from pipeline.periods import YearContext, find_periods, resolve
from pipeline.text.normalize import normalize_text


@pytest.mark.parametrize("text, year, expected", [
    ("2025年末", None, "2025"),
    ("2024年第四季度", None, "2024-Q4"),
    ("24Q4", None, "2024-Q4"),
    ("2025年前三季度", None, "2025-Q1/2025-Q3"),
    ("2025年1-9月", None, "2025-01/2025-09"),
    ("2025-2027年", None, "2025/2027"),
    ("FY2025", None, "FY2025"),
    ("2025財年上半年", None, "FY2025-H1"),
    ("去年", 2025, "2024"),
    ("明年", 2025, "2026"),
    ("第三季", 2025, "2025-Q3"),
    ("Q2", 2025, "2025-Q2"),
    ("下半年", 2024, "2024-H2"),
    ("9月份", 2025, "2025-09"),
    ("6月30日", 2024, "2024-06-30"),
    ("近5年", 2024, "2020/2024"),
], ids=lambda v: str(v))
def test_resolve(text, year, expected):
    mentions = find_periods(normalize_text(text))
    assert len(mentions) == 1
    assert resolve(mentions[0], YearContext(year) if year else None) == expected


def test_no_period_pattern_starts_in_white_space():
    """Every rule example, written after a run of spaces, gives no match that starts with one."""
    from pipeline import rules
    from pipeline.periods.find import _compiled
    texts = ["   " + example["text"] for example in rules.load("periods")["examples"]]
    starts = [(rule_id, m.group()) for rule_id, _, pattern, _gate in _compiled()[0]
              for text in texts for m in pattern.finditer(text) if m.group()[:1].isspace()]
    assert starts == []


def test_fiscal_context_makes_yearless_phrases_fiscal():
    (mention,) = find_periods("第四季度")
    assert resolve(mention, YearContext(2025, fiscal=True)) == "FY2025-Q4"


def test_yearless_phrase_without_context_is_empty():
    (mention,) = find_periods("上半年")
    assert resolve(mention, None) == ""


def _period_of(text, anchor):
    table = extract(text)
    row = table[table["text"] == anchor]
    assert len(row) == 1, list(table["text"])
    return row.iloc[0]["period"], row.iloc[0]["period_text"]


@pytest.mark.parametrize("text, anchor, period, period_text", [
    # step 1: own clause, closest before the anchor
    ("2024年營收100億元,2025年營收120億元。", "120億元", "2025", "2025年"),
    # step 1: bracket right after the anchor
    ("2024年初日活百萬級,後升至2480.5萬(6月數據)。", "2480.5萬", "2024-06", "6月"),
    # step 1: earlier in the same sentence when the clause has none
    ("2024年,公司經營現金流達2067億元。", "2067億元", "2024", "2024年"),
    # step 3: year-less phrase takes the last explicit year
    ("進入2025年,行業承壓。第四季度淨利潤513億元。", "513億元", "2025-Q4", "第四季度"),
    # step 3: 去年 is that year minus one
    ("2025年行業回暖。去年淨利潤80億元。", "80億元", "2024", "去年"),
    # step 4: no phrase in the sentence: the last year-bearing phrase
    ("2024年第四季度業績亮眼。淨利潤513億元。", "513億元", "2024-Q4", "2024年第四季度"),
    # step 5: nothing applies
    ("淨利潤513億元。", "513億元", "", ""),
    # comparison bases are not periods
    ("2025年上半年淨利潤50億元,較去年同期增長10%。", "50億元", "2025-H1", "2025年上半年"),
], ids=["own-clause", "bracket-after", "earlier-in-sentence", "yearless", "last-year", "rule4", "none", "comparison"])
def test_assignment_order(text, anchor, period, period_text):
    assert _period_of(text, anchor) == (period, period_text)


def test_distributive_list_hands_out_years():
    table = extract("預計2025-2027年淨利潤分別為120億、150億、180億元。")
    assert list(table["period"]) == ["2025", "2026", "2027"]
    assert list(table["value"]) == [12e9, 15e9, 18e9]
    assert set(table["modality"]) == {"forecast"}


def test_publication_dateline_is_no_period_but_gives_the_year_when_nothing_else_does():
    text = "某公司發布三季報\n2023年11月14日 07:45 來源：證券時報\n淨利潤513億元,同比增長10%。\n"
    assert _period_of(text, "513億元") == ("2023", "2023年11月14日")       # v1.1 rule 5
    text = "某公司發布三季報\n2023年11月14日 07:45 來源：證券時報\n2022年淨利潤513億元。\n"
    assert _period_of(text, "513億元") == ("2022", "2022年")


@pytest.mark.parametrize("text, anchor, period", [
    ("（2025年10月20日）\n前三季度營收100億元。", "100億元", "2025-Q1/2025-Q3"),
    ("發布時間：2025-10-31 22:18\n今年上半年營收100億元。\n淨利潤20億元。", "20億元", "2025-H1"),
    ("2025-03-13 18:00\n騰訊今日收報512.5港元。", "512.5港元", "2025-03-13"),
    ("2025-08-28 10:32\n昨日成交額65億港元。", "65億港元", "2025-08-27"),
    ("自2023年以來累計回購300億元。第三季度營收100億元。\n2025-10-20", "100億元", "2025-Q3"),
    ("截至二〇二五年六月三十日止六個月，收入為港幣五十億元。", "港幣五十億元", "2025-H1"),
    ("（2025年8月20日）\n新業務價值增長14%，為二〇一〇年上市以來同期最高；年化新保費49.8億元。", "49.8億元", "2025"),
    ("2025-11-10 来源：统计局\n\n10月份CPI同比上涨0.2%，而上月为下降0.3%。", "0.3%", "2025-09"),
    ("2025-12-01 07:30\n公司今日起招股，預期於12月9日掛牌。\n招股價為每股9.6港元。", "9.6港元", "2025"),
    ("2025-12-01 07:30\n於6月30日，總資產為5,000億元。\n負債為3,000億元。", "3,000億元", "2025-06-30"),
    ("2025-12-01 07:30\n公司今日起招股，至本周四（4日）中午截止。\n招股價為每股9.6港元。", "9.6港元", "2025"),
], ids=["bracketed-date-line", "relative-year-is-year-bearing", "today", "yesterday", "since-phrase",
        "chinese-digit-year", "since-an-event", "last-month-is-the-month-before-the-compared",
        "a-day-an-event-is-set-for-hands-no-period-on", "a-day-figures-are-told-as-of-does",
        "a-deadline-day-hands-no-period-on"])
def test_v11_periods(text, anchor, period):
    assert _period_of(text, anchor)[0] == period


WEEKLY = ("2025-11-21 来源：固收周报\n\n本周（2025年11月17日—11月21日），央行净投放2,336亿元。"
          "DR001周均值为1.36%，较前一周的1.40%下行4个基点。本周利率债发行1.28万亿元。"
          "我们预计下周10年期国债收益率将在1.62%—1.70%区间内波动。")


@pytest.mark.parametrize("text, anchor, period", [
    (WEEKLY, "2,336亿元", "2025-11-17/2025-11-21"),
    (WEEKLY, "1.36%", "2025-11-17/2025-11-21"),
    (WEEKLY, "1.40%", "2025-11-10/2025-11-14"),
    (WEEKLY, "1.28万亿元", "2025-11-17/2025-11-21"),
    (WEEKLY, "1.62%—1.70%", "2025-11-24/2025-11-28"),
    ("2025年第47周（11.17-11.23）上险量榜\n● 小米：上险量8120辆，相比上周的6930辆增长17.2%。", "6930辆",
     "2025-11-10/2025-11-16"),
    ("2025-11-21 来源：某报\n\n本周沪深两市成交额合计9.6万亿元。", "9.6万亿元", "2025-11-17/2025-11-21"),
    ("ETF周报：上周股票型ETF净流入312.6亿元\n2025-11-16 09:30 来源：某报\n\n"
     "上周（11月10日—11月14日）股票型ETF合计净流入。", "312.6亿元", "2025-11-10/2025-11-14"),
], ids=["declared-week", "weekly-average-is-that-week", "week-before-the-declared", "this-week-is-the-declared",
        "next-week", "named-base-last-week", "undeclared-week-of-publication", "headline-week-declared-later"])
def test_weeks_are_spans_of_their_days(text, anchor, period):
    assert _period_of(text, anchor)[0] == period
