"""The metric and linking decisions, one strategy at a time.

Each case is a sentence and the anchor of one figure in it; the test replays the
claim pass up to that figure and checks which strategy of the ordered list decides
first (claims/metric.py LEVEL_STRATEGIES, claims/link.py CHANGE_STRATEGIES) and what
the claim table then says. A new strategy gets its rows here.
"""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.claims import link, metric
from pipeline.claims.assemble import add_figure
from pipeline.claims.link import ChangeCase
from pipeline.claims.metric import level_case, metric_mention
from pipeline.claims.sentence import read_sentence
from pipeline.claims.state import PassState
from pipeline.extract import document_facts, prepare
from pipeline.io.load import from_text


def _replay(text: str, anchor: str):
    """(sentence, state, figure) with the pass replayed up to the figure whose anchor is `anchor`."""
    article = prepare(from_text(text))
    facts = document_facts(article)
    state = PassState()
    for start, end, quantities in article.sentences:
        s = read_sentence(article.normalized[start:end], start, quantities, facts)
        state.start_sentence()
        for fig in s.figures:
            if text[start + fig.start:start + fig.end] == anchor:
                return s, state, fig
            add_figure(fig, s, facts, state)
        state.finish_sentence()
    raise AssertionError(f"no figure {anchor!r}")


def _first(strategies, case):
    for strategy in strategies:
        if strategy(case) is not None:
            return strategy.__name__
    return None


def _row(text: str, anchor: str):
    table = extract(text)
    rows = table[table["text"] == anchor]
    assert len(rows) == 1, list(table["text"])
    return rows.iloc[0]


LEVELS = [
    # (sentence, anchor, deciding strategy, expected metric_text)
    ("研發投入285億元，佔營業收入的3.47%。", "3.47%", "share_of_phrase", "佔營業收入的"),
    ("對東盟進出口佔全市比重達52.6%。", "52.6%", "share_of_phrase", "佔全市比重"),
    ("對東盟進出口佔全市的52.6%。", "52.6%", "share_of_phrase", "佔全市的"),
    ("網上零售額增長6.5%，佔社會消費品零售總額的比重為24.7%。", "24.7%", "share_of_phrase",
     "佔社會消費品零售總額的比重"),
    ("營業收入658.42億元，其中第三季度單季實現216.37億元。", "216.37億元", "continues_previous_clause", "營業收入"),
    ("加權指數盤中最高來到23,612點，終場收在23,567點。", "23,567點", "price_named_before_a_quote", "加權指數"),
    ("東亞銀行股價今早高開，一度見12.04元。", "12.04元", "price_named_before_a_quote", "股價"),
    ("淨利潤大幅增長，達到52億元。", "52億元", "named_before_a_link_clause", "淨利潤"),
    ("11月營收1,962.4億元；以美元計價約63.1億美元。", "63.1億美元", "continues_previous_clause", "月營收"),
    ("股價方面，廣達昨日收298.5元。", "298.5元", "sentence_topic", "股價"),
    ("經調整EBITA錄得盈利4.2億元。", "4.2億元", "named_in_text", "經調整EBITA"),
    ("三季度高端機佔比提升至28.7%。", "28.7%", "named_in_text", "佔比"),
    ("純利為2,380百萬美元，（二〇二四年：2,016百萬美元）。", "2,016百萬美元", "prior_figure_continues", "純利"),
    ("其中，佔社會消費品零售總額的比重為24.7%。", "24.7%", "share_of_phrase", "佔社會消費品零售總額的比重"),
    ("騰訊淨利潤為1940億元。", "1940億元", "named_in_text", "淨利潤"),
    ("淨利潤53億元，較上年同期的116億元大幅減少。", "116億元", "base_continues_previous", "淨利潤"),
    ("各業務中，雲服務收入佔比最大，達到38.5%。", "38.5%", "ratio_named_since_last_figure", "佔比"),
    ("毛利率和淨利率雙雙提升，後者為21%。", "21%", "ratio_named_since_last_figure", "淨利率"),
    ("每股盈利0.6美元，上年同期為0.85美元。", "0.85美元", "continues_previous_clause", "每股盈利"),
    ("TOP10、TOP30房企的獎勵資金分別為300億元、120億元。", "120億元", "later_member_of_list", "獎勵資金"),
    ("公司毛利率和淨利率雙雙改善，毛利率達35%，另一項為12%。", "12%", "unclaimed_ratio", "淨利率"),
]


@pytest.mark.parametrize("text, anchor, strategy, metric_text", LEVELS, ids=[c[2] + ":" + c[1] for c in LEVELS])
def test_level_strategy(text, anchor, strategy, metric_text):
    s, state, fig = _replay(text, anchor)
    assert _first(metric.LEVEL_STRATEGIES, level_case(fig, s, state)) == strategy
    assert _row(text, anchor)["metric_text"] == metric_text


CHANGES = [
    # (sentence, anchor, deciding strategy, expected row: (anchor of the row carrying the change, metric_text))
    ("兩家公司收入分別為100億元和80億元，分別增長10%和5%。", "5%", "distributive_waiting", ("80億元", "收入")),
    ("營收100億元，同比增長10%。", "10%", "first_change_of_level", ("100億元", "營收")),
    ("營收100億元，同比增長10%，環比增長3%。", "3%", "further_change_of_level", ("3%", "營收")),
    ("營銷服務收入同比增長20%。", "20%", "named_in_text", ("20%", "營銷服務收入")),
    ("收入50億元；其中，廣告收入按年增長8%，利潤率提升。", "8%", "named_in_text", ("8%", "廣告收入")),
    ("城鎮新增就業1000萬人。其中，一季度增長5%。", "5%", "continues_previous", ("5%", "城鎮新增就業")),
    ("加權指數終場漲182.55點收27,436.18點，漲幅0.67%。", "0.67%", "rate_of_absolute_change",
     ("27,436.18點", "加權指數")),
    # a change against a named base price belongs to the level before it
    ("全日收報29.38元，較招股價高36%。", "36%", "first_change_of_level", ("29.38元", "")),
    # a change after a prior-figure bracket belongs to the level before the bracket
    ("純利為2,380百萬美元（二〇二四年：2,016百萬美元），上升18%。", "18%", "first_change_of_level",
     ("2,380百萬美元", "純利")),
]


@pytest.mark.parametrize("text, anchor, strategy, expected", CHANGES, ids=[c[2] + ":" + c[1] for c in CHANGES])
def test_change_strategy(text, anchor, strategy, expected):
    s, state, fig = _replay(text, anchor)
    case = ChangeCase(fig, metric_mention(fig, s), s.clause(fig.start), s, state)
    assert _first(link.CHANGE_STRATEGIES, case) == strategy
    row_anchor, metric_text = expected
    row = _row(text, row_anchor)
    assert row["metric_text"] == metric_text
    assert row["change_pct"] == float(anchor.rstrip("%"))


def test_a_strategy_that_answers_nothing_leaves_the_metric_empty():
    s, state, fig = _replay("近7年累計砸下3403億元。", "3403億元")
    assert metric.choose_level_metric(level_case(fig, s, state)) == metric.Choice()
    assert _row("近7年累計砸下3403億元。", "3403億元")["metric_text"] == ""
