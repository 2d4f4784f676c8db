"""Distinct finance articles for the benchmark, made from templates with seeded random choices.

Every article differs: its company, figures, periods, paragraph order and filler prose are
drawn anew, some are in Traditional script (OpenCC s2t), some carry a spam header and a
publisher footer like scraped pages, some are saved as HTML. Nothing is copied from
corpus/; the same seed gives the same articles.
"""
from __future__ import annotations

import random
from pathlib import Path

COMPANIES = ["腾讯控股", "阿里巴巴", "京东集团", "美团", "小米集团", "比亚迪", "宁德时代", "贵州茅台", "招商银行",
             "中国平安", "工商银行", "建设银行", "中国移动", "网易", "百度集团", "拼多多", "蔚来汽车", "理想汽车",
             "小鹏汽车", "万科企业", "碧桂园", "中芯国际", "台积电", "鸿海精密", "联发科", "长江电力", "海天味业",
             "伊利股份", "格力电器", "美的集团", "顺丰控股", "中国神华", "紫金矿业", "恒瑞医药", "药明康德",
             "海尔智家", "东方财富", "中信证券", "兴业银行", "五粮液", "泡泡玛特", "快手科技", "携程集团",
             "安踏体育", "李宁", "华润啤酒", "农夫山泉", "海底捞", "中国石油", "中国海油"]
SEGMENTS = ["云业务", "广告业务", "国际业务", "金融科技", "汽车业务", "零售业务", "海外市场", "企业服务"]
LEVEL_METRICS = [("营业收入", "亿元"), ("净利润", "亿元"), ("归母净利润", "亿元"), ("经营活动现金流", "亿元"),
                 ("研发投入", "亿元"), ("资本开支", "亿元"), ("毛利", "亿元"), ("总资产", "万亿元")]
RATIO_METRICS = ["毛利率", "净利率", "不良贷款率", "净息差", "资本充足率", "市场份额"]
UP = ["增长", "上升", "增加", "大增", "提升"]
DOWN = ["下降", "减少", "下滑", "回落"]
MACRO = [("社会消费品零售总额", "亿元"), ("规模以上工业增加值", None), ("固定资产投资", "亿元"),
         ("货物贸易进出口总值", "亿元"), ("居民消费价格指数", None)]
FILLER = ["市场人士认为，这一表现基本符合预期。", "公司管理层在业绩会上表示，将继续坚持长期主义。",
          "分析师指出，行业竞争格局仍在变化之中。", "受宏观环境影响，下游需求恢复节奏偏慢。",
          "公司表示将加大在人工智能领域的布局。", "业内普遍关注其后续的资本配置策略。",
          "财报发布后，多家券商维持买入评级。", "该板块的盈利能力有待进一步观察。",
          "公司同时宣布了新一轮股份回购计划。", "管理层对下半年的经营前景保持谨慎乐观。",
          "渠道库存已回到健康水平。", "新产品的市场反馈好于预期。", "监管政策的变化仍是主要的不确定因素。",
          "海外业务的拓展为公司打开了新的成长空间。", "成本端的压力有所缓解。"]
OPENERS = ["市场人士认为", "分析师指出", "业内人士表示", "有投资者担心", "公司管理层在业绩会上表示", "多家券商认为",
           "从渠道调研来看", "据接近公司的人士透露", "行业协会指出", "不少基金经理认为"]
MIDDLES = ["行业竞争格局仍在变化之中", "下游需求恢复节奏偏慢", "新产品的市场反馈好于预期", "成本端的压力有所缓解",
           "海外业务的拓展打开了新的成长空间", "监管政策的变化仍是主要的不确定因素", "渠道库存已回到健康水平",
           "人工智能相关投入仍将维持高位", "价格战对盈利的拖累正在减弱", "消费者信心的修复需要时间"]
ENDINGS = ["，后续仍需观察", "，这一趋势或将延续", "，短期内难以改变", "，值得持续跟踪", "",
           "，影响有待评估", "，公司对此保持谨慎", "，市场反应较为平淡", "，股价表现或将分化", "，长期逻辑未变"]
HEADER = "热门搜索：{a}|{b}|港股通开户|美股盘前|黄金价格今日|基金定投\n\n"
FOOTER = "\n\n作者|{author}\n编辑|{editor}\n本文来源：{source}\n免责声明：本文仅供参考，不构成投资建议。\n"
NAMES = ["张琪", "李明", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄蕾", "周涛", "吴敏"]


def _filler(rng: random.Random, company: str) -> str:
    opener = rng.choice(OPENERS).replace("公司", company) if rng.random() < 0.3 else rng.choice(OPENERS)
    return f"{opener}，{rng.choice(MIDDLES)}{rng.choice(ENDINGS)}。"


def _figure(rng: random.Random, low: float, high: float, decimals: int = 2) -> str:
    return f"{rng.uniform(low, high):.{decimals}f}".rstrip("0").rstrip(".")


def _period(rng: random.Random, year: int) -> str:
    return rng.choice([f"{year}年", f"{year}年上半年", f"{year}年第{rng.randint(1, 4)}季度",
                       f"{year}年前三季度", f"截至{year}年{rng.randint(1, 12)}月底", "本季度", "报告期内"])


def _level(rng: random.Random, company: str, year: int) -> str:
    metric, unit = rng.choice(LEVEL_METRICS)
    change = rng.choice(UP + DOWN)
    value = _figure(rng, 1, 900) if unit == "亿元" else _figure(rng, 1, 40)
    return (f"{_period(rng, year)}，{company}{metric}为{value}{unit}，同比{change}{_figure(rng, 0.5, 80, 1)}%"
            f"{rng.choice(['。', '，高于市场预期。', '，环比' + rng.choice(UP) + _figure(rng, 1, 20, 1) + '%。'])}")


def _segment(rng: random.Random, company: str, year: int) -> str:
    segment = rng.choice(SEGMENTS)
    return (f"分业务看，{segment}收入{_figure(rng, 5, 500)}亿元，占总收入的{_figure(rng, 3, 60, 1)}%，"
            f"同比{rng.choice(UP + DOWN)}{rng.randint(1, 95)}%；{_filler(rng, company)}")


def _ratio(rng: random.Random, company: str, year: int) -> str:
    metric = rng.choice(RATIO_METRICS)
    return (f"{metric}为{_figure(rng, 0.5, 60)}%，较上年同期{rng.choice(['提升', '下降'])}"
            f"{_figure(rng, 0.1, 5)}个百分点。")


def _guidance(rng: random.Random, company: str, year: int) -> str:
    low = rng.randint(5, 30)
    return (f"公司预计{year + 1}年全年收入将达到{rng.randint(100, 9000)}亿元至{rng.randint(9001, 12000)}亿元，"
            f"同比增长{low}%至{low + rng.randint(2, 10)}%。")


def _sales(rng: random.Random, company: str, year: int) -> str:
    month = rng.randint(1, 12)
    return (f"{year}年{month}月，{company}共交付新车{rng.randint(1000, 480000):,}辆，同比增长{rng.randint(2, 300)}%，"
            f"1-{month}月累计交付{rng.randint(10, 400)}.{rng.randint(1, 9)}万辆。")


def _shares(rng: random.Random, company: str, year: int) -> str:
    return (f"截至收盘，{company}股价报{_figure(rng, 3, 600)}港元，{rng.choice(['上涨', '下跌'])}"
            f"{_figure(rng, 0.1, 9)}%，总市值约{rng.randint(100, 50000)}亿港元。")


def _macro(rng: random.Random, company: str, year: int) -> str:
    metric, unit = rng.choice(MACRO)
    level = f"{rng.randint(1000, 480000)}{unit}，" if unit else ""
    return (f"国家统计局数据显示，{year}年{rng.randint(1, 12)}月{metric}{level}同比增长{_figure(rng, 0.1, 12, 1)}%。")


def _dividend(rng: random.Random, company: str, year: int) -> str:
    return (f"董事会建议派发末期股息每股{_figure(rng, 0.1, 5)}元，派息总额约{rng.randint(10, 900)}亿元，"
            f"派息率约{rng.randint(20, 70)}%。")


PARAGRAPHS = [_level, _level, _level, _segment, _ratio, _guidance, _sales, _shares, _macro, _dividend]


def make_article(rng: random.Random) -> tuple[str, str]:
    """(text, suffix) of one new article."""
    company, year = rng.choice(COMPANIES), rng.randint(2019, 2026)
    kind = rng.choice(["业绩点评", "财报速读", "经营数据", "季报解读"])
    title = f"{company}{year}年{kind}：{rng.choice(MIDDLES)}"
    paragraphs = []
    for _ in range(rng.randint(6, 14)):
        sentences = [rng.choice(PARAGRAPHS)(rng, company, year) for _ in range(rng.randint(1, 3))]
        sentences += [_filler(rng, company) for _ in range(rng.randint(1, 3))]
        rng.shuffle(sentences)
        paragraphs.append("".join(sentences))
    body = f"{title}\n\n" + "\n\n".join(paragraphs)
    if rng.random() < 0.4:
        body = HEADER.format(a=company, b=rng.choice(SEGMENTS)) + body + FOOTER.format(
            author=rng.choice(NAMES), editor=rng.choice(NAMES), source=rng.choice(["财经网", "证券时报", "新浪财经"]))
    if rng.random() < 0.2:
        paragraphs_html = "".join(f"<p>{line}</p>\n" for line in body.split("\n") if line)
        return f"<html><head><title>{title}</title></head><body>{paragraphs_html}</body></html>", ".html"
    return body, ".txt"


def write_articles(folder: Path, count: int, seed: int = 11, start: int = 0) -> list[Path]:
    """`count` distinct articles in `folder` (a fifth Traditional, a fifth HTML); article i
    is the same for the same seed whatever `start` and `count` are."""
    from opencc import OpenCC

    to_traditional = OpenCC("s2t")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + n)
        text, suffix = make_article(rng)
        if rng.random() < 0.2:
            text = to_traditional.convert(text)
        path = folder / f"bench{n:06d}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
