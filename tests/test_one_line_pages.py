"""A page saved as one line reads like the page itself (issue 9: pages with neither 。 nor
line breaks). Every corpus article with its line breaks replaced by spaces keeps at least
90 % of its claims that gold confirms (same anchor, value and kind): a row the page's own line
breaks made spurious (a PDF's "+145%" cut off from its level) may rightly change when the lines join."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract import extract_source
from pipeline.io.load import find_articles, from_text, load_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = find_articles([CORPUS])


def _claims(table, anchors: set | None = None) -> Counter:
    if anchors is not None:
        table = table[[(s, e) in anchors for s, e in zip(table["start"], table["end"], strict=True)]]
    return Counter(zip(table["text"], table["value"].fillna(-1.0), table["kind"], strict=True))


def _gold_anchors(doc_id: str) -> set:
    """The (start, end) of every gold claim of the article (a space for a line break keeps offsets)."""
    path = CORPUS / "gold" / f"{doc_id}.csv"
    gold = pd.read_csv(path, usecols=["start", "end"]) if path.exists() else pd.DataFrame(columns=["start", "end"])
    return set(zip(gold["start"].astype(int), gold["end"].astype(int), strict=True))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:3])
def test_a_one_line_copy_keeps_the_claims(path):
    source = load_file(path)
    one_line = from_text(source.raw.replace("\r\n", " ").replace("\n", " "), source.doc_id, source.fmt)
    anchors = _gold_anchors(source.doc_id)
    original, flat = _claims(extract_source(source), anchors), _claims(extract_source(one_line), anchors)
    # only counts reach the message: a held-out article's claims must not show in a failure
    kept, total = sum((original & flat).values()), sum(original.values())
    assert kept >= 0.9 * total, f"{path.stem}: {kept} of {total} claims kept"


# A page saved as one line with no spaces at all: the footer marker near its end (来源, 免责声明)
# must not take the page with it, nor a spam word in its first sentence the rest.
WITHOUT_SPACES = [
    ("source-line-before-the-body",
     "外贸数据 进出口 海关统计 最新查询 前10个月货物贸易平稳增长发布时间:2025-11-07 11:20 来源:海关总署"
     "海关总署今日发布数据，前10个月我国货物贸易进出口37.31万亿元，同比增长3.6%。其中，出口22.12万亿元，增长6.2%；"
     "进口15.19万亿元，下降0.1%；贸易顺差6.93万亿元，扩大22.5%。10月当月进出口3.7万亿元，增长0.1%。"
     "其中，出口2.17万亿元，下降0.8%；进口1.53万亿元，增长1.4%。我国对东盟进出口6.18万亿元，增长9.1%，"
     "占我外贸总值的16.6%。民营企业进出口21.3万亿元，增长7.2%，占我国外贸总值的57.1%。"
     "海关总署新闻发言人表示，前10个月我国外贸顶住压力保持稳定增长，展现出较强韧性，全年有望实现预期目标。",
     {"37.31万亿元", "22.12万亿元", "1.53万亿元", "21.3万亿元"}),
    ("dateline-runs-into-the-headline",
     "即時新聞｜港聞｜經濟｜地產｜中國｜國際｜體育｜副刊　　2025年8月28日（星期四）　天文台：29°C "
     "經濟 > 公司新聞 友邦中期多賺兩成　派中期息每股49仙 【本報記者 李明報道】友邦保險昨日公布中期業績，"
     "稅後營運溢利35.1億美元，按年增加6%，新業務價值28.4億美元，按年增長12%。集團表示，"
     "下半年將繼續擴充代理人團隊，並在內地新增兩個省份的分公司，以把握財富管理需求。"
     "管理層又指，香港業務受惠內地訪客保單需求強勁，期內新業務價值按年上升24%至9.1億美元，"
     "泰國及新加坡業務亦錄得雙位數增長，集團對全年表現維持審慎樂觀。分析員認為，集團資本狀況穩健，"
     "自由盈餘充裕，足以支持持續回購及派息，維持買入評級，並看好其在大灣區的長期增長潛力。",
     {"兩成", "49仙", "35.1億美元", "28.4億美元"}),
    ("footer-after-prose", "国家统计局今日发布10月国民经济运行数据，消费市场延续恢复态势，服务零售增长较快。"
     "10月社会消费品零售总额41986亿元，同比增长2.9%。其中，除汽车以外的消费品零售额37812亿元，增长3.1%。"
     "按经营单位所在地分，城镇消费品零售额36501亿元，增长2.8%；乡村消费品零售额5485亿元，增长3.2%。"
     "按消费类型分，商品零售额37020亿元，增长2.7%；餐饮收入4966亿元，增长4.0%。"
     "1-10月累计412608亿元，增长4.3%，网上零售额124530亿元，增长9.1%。"
     "分析人士认为，促消费政策效应持续释放，年末消费有望保持平稳增长态势。"
     "来源：国家统计局　责任编辑：王明　免责声明：本文仅供参考，不构成投资建议。",
     {"41986亿元", "5485亿元", "412608亿元", "124530亿元"}),
    ("settlement-price-is-no-spam", "沪铜主力合约收报86,720元/吨，较前一交易日结算价上涨640元，涨幅0.74%。"
     "伦铜收报10,712美元/吨，涨0.6%。",
     {"86,720元", "10,712美元"}),
]


@pytest.mark.parametrize("text, anchors", [c[1:] for c in WITHOUT_SPACES], ids=[c[0] for c in WITHOUT_SPACES])
def test_a_page_without_spaces_keeps_its_claims(text, anchors):
    table = extract_source(from_text(text, "doc", "txt"))
    assert anchors <= set(table["text"])
