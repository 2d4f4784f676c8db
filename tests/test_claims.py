"""Claims: the contract's §1–2 behaviours, one case each, as tables.

Each case is a short article and the rows expected from it, keyed by anchor
text; only the fields a case names are checked.
"""
import math

import pytest

from pipeline import extract

CASES = [
    ("level-and-change-one-row", "2025年騰訊凈利潤暴漲68%至1940.73億元。",
     {"1940.73億元": dict(kind="amount", value=194073000000, unit="CNY", change_pct=68, change_basis="",
                        metric_text="凈利潤", period="2025", subject="騰訊")}),
    ("change-in-next-clause", "2025年第四季度單季凈利潤513.24億元,同比增長90%。",
     {"513.24億元": dict(value=51324000000, change_pct=90, change_basis="yoy", period="2025-Q4")}),
    ("ratio-with-pp-in-brackets", "2024年毛利率逆勢升至57%(同比+4個百分點)。",
     {"57%": dict(kind="ratio", value=57, unit="%", change_pp=4, change_basis="yoy")}),
    ("change-only", "2024年營銷服務收入同比增長20%。",
     {"20%": dict(kind="change", value=math.nan, unit="", change_pct=20, change_basis="yoy",
                  metric_text="營銷服務收入")}),
    ("second-change-is-own-row", "2025年第三季度收入100億元,同比增長11%,環比增長3%。",
     {"100億元": dict(change_pct=11, change_basis="yoy"),
      "3%": dict(kind="change", change_pct=3, change_basis="qoq", metric_text="收入", period="2025-Q3")}),
    ("continuation-keeps-metric", "2025年一季度國內生產總值同比增長5.4%,二季度同比增長5.2%。",
     {"5.2%": dict(kind="change", metric_text="國內生產總值", period="2025-Q2", change_basis="yoy")}),
    ("conversion-in-brackets", "2025年收入2364億元人民幣(325億美元),同比增長7%。",
     {"2364億元人民幣": dict(unit="CNY", change_pct=7, change_basis="yoy"),
      "325億美元": dict(kind="amount", unit="USD", value=32500000000, change_pct=7, metric_text="收入",
                      period="2025")}),
    ("qualifier-more-than", "2025年資本開支突破767億元。", {"767億元": dict(qualifier=">")}),
    ("qualifier-about", "2025年營收約120億元。", {"120億元": dict(qualifier="~")}),
    ("qualifier-after", "2025年門店數量1000家以上。", {"1000家": dict(qualifier=">=", unit="家", kind="count")}),
    ("decline-is-negative", "2025年營收同比下降12.5%。", {"12.5%": dict(change_pct=-12.5)}),
    ("cheng", "2025年上半年純利按年升四成七。", {"四成七": dict(change_pct=47, change_basis="yoy")}),
    ("doubling", "2025年淨利潤同比翻倍。", {"翻倍": dict(kind="change", change_pct=100)}),
    ("basis-points", "2025年淨息差收窄12個基點。", {"12個基點": dict(change_pp=-0.12)}),
    ("absolute-change", "2025年收入同比增加120億元。",
     {"120億元": dict(kind="change", change_abs=12000000000, unit="CNY", change_basis="yoy")}),
    ("loss-narrows", "2025年新業務虧損同比收窄5.1億元。", {"5.1億元": dict(change_abs=-510000000)}),
    ("range", "2025年行業廣告加載率為10%-15%。", {"10%-15%": dict(value=10, value_max=15, kind="ratio")}),
    ("change-range-down", "2025年營收跌幅為10%-15%。", {"10%-15%": dict(change_pct=-15, change_max=-10)}),
    ("multiple-ratio", "公司市盈率20倍。", {"20倍": dict(kind="ratio", value=20, unit="倍")}),
    ("multiple-growth", "2025年海外銷量增長2倍。", {"2倍": dict(kind="change", change_pct=200)}),
    ("count-with-scale", "2024年騰訊元寶日活達2480.5萬。", {"2480.5萬": dict(kind="count", value=24805000, unit="")}),
    ("count-with-measure-word", "2025年比亞迪交付50萬輛。",
     {"50萬輛": dict(kind="count", value=500000, unit="輛", unit_text="萬輛")}),
    ("bare-amount-takes-main-currency", "2024年騰訊經營活動現金流達2067億元。706億研發投入不斷。",
     {"706億": dict(kind="amount", unit="CNY")}),
    ("taiwan-bare-yuan", "台積電10月營收新台幣3674億元,年增16.9%。毛利率59.5%,每股盈餘17.44元。",
     {"17.44元": dict(unit="TWD")}),
    ("plan", "2025年計劃再回購800億港元。", {"800億港元": dict(modality="plan", unit="HKD")}),
    ("forecast", "公司預計2026年收入將達500億元。", {"500億元": dict(modality="forecast")}),
    ("forecast-noun-does-not-count", "2025年淨利潤100億元,勝過市場預期。", {"100億元": dict(modality="actual")}),
    ("taiwan-yoy", "2025年10月營收3674.7億元,年增16.9%。", {"3674.7億元": dict(change_pct=16.9, change_basis="yoy")}),
    ("monthly-sequential-is-mom", "2025年9月銷量39萬輛,環比增長3%。", {"39萬輛": dict(change_basis="mom")}),
    ("fullwidth", "２０２４年營收１２３．４億元，同比增長１５％。",
     {"１２３．４億元": dict(value=12340000000, change_pct=15, change_basis="yoy")}),
    ("chinese-numerals", "2025年上半年收入一千一百六十億元。", {"一千一百六十億元": dict(value=116000000000)}),
    ("sub-item-sentence", "2025年10月，居民消费价格指数同比上涨0.2%。其中，城市上涨0.3%。",
     {"0.3%": dict(kind="change", metric_text="居民消费价格指数", period="2025-10")}),
    ("metric-since-last-figure", "2025年猪肉价格下降16%；鲜菜价格由降转涨，录得上涨1.5%。",
     {"1.5%": dict(kind="change", metric_text="鲜菜价格", change_pct=1.5)}),
    ("list-shares-metric", "2025年TOP50、TOP100门槛分别为186亿元、58亿元。",
     {"186亿元": dict(metric_text="门槛"), "58亿元": dict(metric_text="门槛")}),
    ("comparison-base", "2025年第三季度净利润为53亿元，较上年同期的116亿元下降54.3%。",
     {"53亿元": dict(change_pct=-54.3, change_basis="yoy"),
      "116亿元": dict(change_pct=math.nan, period="2024-Q3", metric_text="净利润")}),
    ("rate-without-percent-sign", "2025年3月财新制造业PMI录得51.2，较上月上升0.4个百分点。",
     {"51.2": dict(kind="ratio", unit="", metric="pmi", change_pp=0.4)}),
    ("base-inside-a-forecast", "预计2025年归母净利润为351亿元，较上年同期的232.16亿元增长51.2%。",
     {"351亿元": dict(modality="forecast"), "232.16亿元": dict(modality="actual", period="2024")}),
    ("heading-line-names-the-paragraph",
     "2025年业绩预告速览。\n\n1. 紫金矿业（601899.SH）\n\n预计2025年归母净利润为351亿元。"
     "\n\n2. 工业富联（601138.SH）\n\n预计2025年归母净利润为300亿元。",
     {"351亿元": dict(subject="紫金矿业"), "300亿元": dict(subject="工业富联")}),
    ("changes-before-the-close", "2026年2月10日，加權指數終場上漲412.36點，漲幅1.38%，收在30,215.48點。",
     {"30,215.48點": dict(change_abs=412.36, change_pct=1.38, kind="count")}),
    ("hedge-before-the-measure-word", "2025年10月，零跑出口5,200余辆，门店1000多家。",
     {"5,200余辆": dict(unit="辆", qualifier=">", kind="count"), "1000多家": dict(unit="家", qualifier=">")}),
    ("release-title-refines-the-metric",
     "2025年1—10月份全国规模以上工业企业利润增长2.3%\n来源：国家统计局\n\n1—10月份，制造业实现利润总额44307.1亿元，增长7.9%。",
     {"44307.1亿元": dict(metric="industrial_profits", metric_text="利润总额")}),
    ("share-without-a-metric-phrase", "2025年第三季，3奈米製程出貨占晶圓銷售金額的24%，5奈米占35%。",
     {"35%": dict(metric="share_of_total", kind="ratio")}),
    ("intraday-quote-is-the-share-price", "2025年8月21日，股價方面，友邦今早高開，午市收報78.35港元，升4.2%。",
     {"78.35港元": dict(metric="share_price")}),
    ("quote-after-the-close", "2025年8月21日，股價方面，聯電今日收盤46.35元，下跌0.85元。",
     {"46.35元": dict(metric="closing_price")}),
    ("commodity-quote", "2025年12月9日，广期所碳酸锂主力合约收报98,460元/吨，涨幅5.37%。",
     {"98,460元": dict(metric="commodity_price")}),
    ("dividend-per-ten-shares", "2025年全年每10股派3.06元。", {"3.06元": dict(metric="dividend_per_share")}),
    ("close-after-an-afternoon-rise", "2025年8月21日，大新銀行今日股價午後急升，收報10.36港元，升4.2%。",
     {"10.36港元": dict(metric="closing_price")}),
    ("verb-after-a-quote-names-its-figure", "2025年8月21日，台積電股價收盤1,455元；外資買超152.4億元。",
     {"152.4億元": dict(metric="net_buying")}),
    ("prior-figure-does-not-take-the-change", "2025年第三季汽車毛利率為13.1%，上年同期為8.6%，按年升4.5個百分點。",
     {"13.1%": dict(change_pp=4.5, change_basis="yoy"), "8.6%": dict(change_pp=math.nan, period="2024-Q3")}),
    ("small-point-move-is-no-time", "2025年12月9日，恒生指數今日收報25,706點，僅升12點。",
     {"25,706點": dict(change_abs=12, kind="count")}),
    ("base-per-share", "2025年8月，董事會宣派中期股息每股47仙，較去年同期的每股39仙增加8仙。",
     {"47仙": dict(change_abs=0.08, change_basis="yoy"), "39仙": dict(change_abs=math.nan)}),
    ("paired-rate-nouns", "2025年11月，玉山金、元大金11月稅後純益分別為27.3億元、33.1億元，年增率分別為18%、35%。",
     {"27.3億元": dict(change_pct=18), "33.1億元": dict(change_pct=35, change_basis="yoy")}),
    ("own-metric-before-a-base", "2025年12月5日，发行价28.50元，开盘价较发行价大涨120.35%。",
     {"28.50元": dict(change_pct=math.nan), "120.35%": dict(kind="change", metric_text="开盘价", change_pct=120.35)}),
    ("week-adverb-does-not-block-the-link", "2025年12月5日，创业板指收于3087.15点，全周上涨52.64点，涨幅1.73%。",
     {"3087.15点": dict(change_abs=52.64, change_pct=1.73, kind="count")}),
    ("since-phrase-does-not-block-the-link", "截至10月31日收盘，零跑汽车报62.15港元，今年以来累计上涨94%。",
     {"62.15港元": dict(change_pct=94)}),
    ("since-phrase-is-no-period", "2025年前三季度，出口1.2万亿元，增速创2023年以来同期新高；进口2844.8亿元。",
     {"2844.8亿元": dict(period="2025-Q1/2025-Q3")}),
    ("loss-base-without-de", "2025年前三季度归母净亏损1.67亿元，较上年同期亏损6.8亿元大幅收窄5.13亿元。",
     {"1.67亿元": dict(change_abs=-513000000), "6.8亿元": dict(period="2024-Q1/2024-Q3", change_abs=math.nan)}),
    ("list-shares-measure-word", "2025年三季度出货量分别为1210、1190和1000万台。",
     {"1210": dict(value=12100000, unit="台"), "1000万台": dict(value=10000000, unit="台")}),
    ("prior-figure-bracket", "2025年上半年股東應佔純利為2,380百萬美元（二〇二四年：2,016百萬美元），上升18%。",
     {"2,380百萬美元": dict(change_pct=18, period="2025-H1"),
      "2,016百萬美元": dict(change_pct=math.nan, period="2024-H1")}),
    ("paired-lists", "2025年零售、物流收入分别为2506亿元、558亿元，同比分别增长11.4%、24.1%。",
     {"2506亿元": dict(change_pct=11.4), "558亿元": dict(change_pct=24.1, change_basis="yoy")}),
    ("conversion-after-the-change", "2025年第三季度集團總收入為2873.6億元，同比增長6%，約合410.5億美元。",
     {"2873.6億元": dict(change_pct=6), "410.5億美元": dict(change_pct=6, unit="USD", metric_text="總收入")}),
    ("unbracketed-conversion", "2025年公司总市值约1.8万亿元，折合约2500亿美元。",
     {"2500亿美元": dict(metric_text="总市值", qualifier="~", unit="USD")}),
    ("net-addition-with-own-period", "截至2025年9月底门店总数29214家，第三季度净新增3008家。",
     {"29214家": dict(change_abs=math.nan, period="2025-09"),
      "3008家": dict(kind="change", change_abs=3008, unit="家", period="2025-Q3")}),
    ("period-ended", "截至2025年6月30日止六個月，集團收入錄得1,200億港元。",
     {"1,200億港元": dict(period="2025-H1", unit="HKD", value=120000000000)}),
    ("trillion-tw", "2025年前10月累計營收新台幣6.39兆元。", {"新台幣6.39兆元": dict(value=6.39e12, unit="TWD",
                                                                 period="2025-01/2025-10")}),
    ("change-then-quote-is-one-row", "2025年12月11日騰訊升1.8%報612元。",
     {"612元": dict(kind="amount", value=612, change_pct=1.8, subject="騰訊")}),
    ("slash-list-shares-its-unit", "預計2025-2027年PE分別為19/17/15倍。",
     {"19": dict(kind="ratio", value=19, unit="倍", period="2025"),
      "15倍": dict(kind="ratio", value=15, unit="倍", period="2027")}),
    ("changes-respectively-over-levels-of-the-sentence",
     "2025年动力电池系统收入2860.3亿元，储能电池系统收入712.5亿元，同比分别增长9.8%、36.1%。",
     {"2860.3亿元": dict(change_pct=9.8, change_basis="yoy"), "712.5亿元": dict(change_pct=36.1, change_basis="yoy")}),
    ("conversion-at-a-stated-rate", "2025年三季度总收入为356.2亿元，同比增长14.2%，按当期汇率折合约50.0亿美元。",
     {"50.0亿美元": dict(unit="USD", change_pct=14.2, metric_text="总收入", qualifier="~")}),
    ("prior-figure-with-a-relative-year",
     "2025年汽车结构件占营业收入的比重提升至73.1%（上年为67.9%）；海外收入9.48亿元。",
     {"67.9%": dict(period="2024"), "9.48亿元": dict(period="2025")}),
    ("measured-time-is-a-count", "2025年10月末，产成品存货周转天数为19.6天。",
     {"19.6天": dict(kind="count", unit="天", value=19.6)}),
    ("metric-list-is-handed-out", "2025年我国新能源汽车产量和销量分别为1608.4万辆和1596.7万辆。",
     {"1608.4万辆": dict(metric_text="产量"), "1596.7万辆": dict(metric_text="销量")}),
    ("period-list-is-handed-out",
     "2025年分季度看，一季度、二季度、三季度我国进出口分别为10.3万亿、11.14万亿和12.17万亿元。",
     {"10.3万亿": dict(period="2025-Q1"), "12.17万亿元": dict(period="2025-Q3")}),
    ("small-full-stop-is-a-decimal-point", "2025年12月1日大新銀行收報港幣11﹒86元。",
     {"港幣11﹒86元": dict(value=11.86)}),
    ("range-of-changes-with-two-verbs", "2025年第四季營收預估季減3.3%至季增0.3%。",
     {"3.3%至季增0.3%": dict(kind="change", change_pct=-3.3, change_max=0.3, change_basis="qoq")}),
    ("year-list-is-handed-out", "預計2025、2026年淨利潤分別為205億、238億元。",
     {"205億": dict(value=20500000000, period="2025"), "238億元": dict(value=23800000000, period="2026")}),
    ("base-in-the-same-period-of-a-named-year",
     "2025年上半年股東應佔溢利13.12億元，較二〇二四年同期的20.57億元減少7.45億元。",
     {"13.12億元": dict(period="2025-H1", change_abs=-745000000), "20.57億元": dict(period="2024-H1")}),
    ("base-of-last-quarter-is-the-quarter-before",
     "2025年第三季度雲智能集團收入428.7億元，較上一季度的398.2億元環比增長7.7%。",
     {"428.7億元": dict(period="2025-Q3", change_pct=7.7, change_basis="qoq"), "398.2億元": dict(period="2025-Q2")}),
    ("base-of-last-month-is-the-month-before", "2025年1月交付1743輛，較上月的1050輛增長66%。",
     {"1050輛": dict(period="2024-12")}),
    ("base-before-its-level", "2025年第三季，產能利用率由上季的76%提升至78%。",
     {"76%": dict(kind="ratio", value=76, period="2025-Q2"), "78%": dict(kind="ratio", value=78, period="2025-Q3")}),
    ("change-then-comma-to-level-is-one-row", "2025年首9個月訪港旅客人次按年增加12%，至約3690萬人次。",
     {"3690萬人次": dict(kind="count", unit="人次", change_pct=12, change_basis="yoy", metric_text="訪港旅客人次",
                       qualifier="~")}),
    ("kilo-before-a-unit-is-its-prefix", "2025年10月份發電量7635億千瓦時，同比增長3.6%。",
     {"7635億千瓦時": dict(kind="count", value=763500000000, unit="千瓦時")}),
    ("verb-of-a-flow-gives-its-id", "2025年11月，股票型ETF净流入312.6亿元。",
     {"312.6亿元": dict(metric="net_inflow", metric_text="")}),
    ("a-rate-name-over-units-gets-no-id", "2025年11月，科创50ETF份额增加18.7亿份。",
     {"18.7亿份": dict(metric="", metric_text="份额", unit="份")}),
    ("headline-name-before-a-particle",
     "星河醫療孖展昨日超購約50倍\n2025年11月26日 07:30\n\n該公司招股價介乎每股12.8至14港元。",
     {"50倍": dict(subject="星河醫療"), "12.8至14港元": dict(subject="星河醫療")}),
    ("exchange-rate-is-a-ratio", "2025年12月1日，新台幣兌美元終場收31.215元。",
     {"31.215元": dict(kind="ratio", unit="", metric="exchange_rate", value=31.215)}),
    ("weekly-move-after-a-level-is-its-change", "2025年10月17日，遠東到歐洲每TEU運價為1,066美元，週跌4.2%。",
     {"1,066美元": dict(kind="amount", unit="USD", change_pct=-4.2)}),
    ("day-span-with-one-day-word", "乘联会数据显示，2025年10月1-12日，全国乘用车市场零售62.4万辆。",
     {"62.4万辆": dict(period="2025-10-01/2025-10-12", metric="sales_volume")}),
    ("change-then-comma-then-quote-is-one-row", "2025年11月13日，中科晶源发行价9.15元，收盘涨279.67%，报34.74元。",
     {"34.74元": dict(change_pct=279.67), "9.15元": dict(change_pct=math.nan)}),
    ("loans-told-by-their-flow-are-new-loans",
     "2025年前三季度人民币贷款增加14.75万亿元，同比少增1.27万亿元；短期贷款减少2317亿元；人民币存款增加22.71万亿元。",
     {"14.75万亿元": dict(kind="amount", value=14.75e12, metric="new_loans", change_abs=-1.27e12, change_basis="yoy"),
      "2317亿元": dict(kind="amount", value=-2.317e11, metric="new_loans"),
      "22.71万亿元": dict(kind="change", change_abs=22.71e12, metric="deposits")}),
    ("area-word-means-the-region-its-release-names",
     "2025年1—9月浙江经济运行简况\n来源：浙江省统计局\n\n1—9月，全省实现地区生产总值6.5万亿元，同比增长5.7%。",
     {"6.5万亿元": dict(subject="浙江")}),
    ("area-word-stays-when-no-region-is-named",
     "前三季度经济运行简况\n来源：市统计局\n\n前三季度，全市实现地区生产总值812.5亿元，同比增长3.1%。",
     {"812.5亿元": dict(subject="全市")}),
    ("exchange-after-a-listing-verb-is-a-venue", "2025年12月10日，美团登陆港交所主板。该股全日收报29.38港元。",
     {"29.38港元": dict(subject="美团")}),
    ("percent-change-skips-a-rate-move",
     "国家统计局：10月份居民消费价格同比上涨0.6%，涨幅比上月扩大0.3个百分点。其中，城市上涨0.7%。",
     {"0.7%": dict(kind="change", metric_text="居民消费价格", change_pct=0.7)}),
    ("reporting-period-word", "截至2025年6月30日止六個月，收入為20億元。期內，淨利潤為3億元。",
     {"3億元": dict(period="2025-H1", period_text="期內")}),
    ("publication-bracket-is-no-period", "營收年增逾兩成（2026年11月10日）記者王明／台北報導　10月營收30億元。",
     {"兩成": dict(period="2026")}),
    ("price-named-before-its-quotes", "消息公布後，東亞銀行股價今早高開，一度見12.04元，現報11.86元，升1.9%。",
     {"12.04元": dict(metric_text="股價"), "11.86元": dict(metric_text="股價", change_pct=1.9)}),
    ("amount-at-an-exchange-rate-restates-the-amount",
     "台積電預估第四季美元營收介於320億至332億美元；若以新台幣兌美元30.6元的匯率假設換算，約合新台幣9,792億至1.02兆元。",
     {"美元30.6元": dict(kind="ratio", unit=""),
      "新台幣9,792億至1.02兆元": dict(kind="amount", unit="TWD", metric_text="營收")}),
    ("quote-after-a-market-move", "美團（03690）挫3.1%至102.6港元。", {"102.6港元": dict(metric="closing_price")}),
    ("result-after-a-yoy-move-is-no-quote", "2026年再按年增長5.4%至2,630億元。", {"2,630億元": dict(metric="")}),
    ("net-buying-verb", "南向資金全日淨買入112.36億元。", {"112.36億元": dict(metric="net_buying", metric_text="")}),
    ("count-of-a-sales-verb", "其中海外卖了12.4万辆。", {"12.4万辆": dict(metric="sales_volume")}),
    ("count-of-firms", "11月单月销售额超百亿元的房企共7家。", {"7家": dict(metric="companies")}),
    ("non-gaap-profit-is-adjusted",
     "三季度Non-GAAP归母净利润50.6亿元。", {"50.6亿元": dict(metric="adjusted_net_profit")}),
    ("underlying-profit-is-adjusted",
     "集團上半年基礎溢利為12億港元。", {"12億港元": dict(metric="adjusted_net_profit")}),
    ("underlying-profit-per-share-is-eps", "每股基礎溢利124仙。", {"124仙": dict(metric="eps")}),
    ("cloud-segment-revenue",
     "雲智能集團本季收入428.7億元，同比增長36%。", {"428.7億元": dict(metric="cloud_revenue")}),
    ("restated-metric-keeps-the-change", "三季度归母净亏损3.8亿元，亏损环比收窄0.97亿元。",
     {"3.8亿元": dict(change_abs=-97000000, change_basis="qoq")}),
    ("sub-item-names-continue-the-metric",
     "中国平安前10月原保险保费收入8,612.9亿元。其中，平安人寿4,731.6亿元，同比增长8.4%。",
     {"4,731.6亿元": dict(metric_text="原保险保费收入", subject="平安人寿")}),
    ("bracketed-base-period-is-a-base",
     "2027财年第二季度，经营亏损约228亿元，较上个季度（2027财年第一季度）的361亿元收窄37%。",
     {"228亿元": dict(change_pct=-37, period="FY2027-Q2")}),
    ("negative-range-lower-end-first", "预计2025年归母净利润为-52亿元至-58亿元。",
     {"-52亿元至-58亿元": dict(value=-5800000000, value_max=-5200000000)}),
    ("sub-items-in-the-sentence-continue-its-metric",
     "蔚來公司11月交付量36,275輛，其中蔚來品牌17143輛，樂道品牌12,000輛。",
     {"17143輛": dict(metric_text="月交付量", subject="蔚來"), "12,000輛": dict(metric_text="月交付量")}),
    ("sub-item-changes-keep-their-own-names",
     "国家统计局：一线城市新建商品住宅销售价格同比上涨0.3%，其中，上海上涨5.1%。",
     {"5.1%": dict(metric_text="新建商品住宅销售价格", subject="上海")}),
    ("earning-less-is-a-net-profit-change", "滔搏全年少賺25%，擬派末期息。",
     {"25%": dict(kind="change", change_pct=-25, metric="net_profit", metric_text="")}),
    ("segment-name-runs-over-a-joiner", "台達電第3季營收創新高。●電源及零組件事業群第3季營收季增11%。",
     {"11%": dict(subject="電源及零組件事業群", change_basis="qoq")}),
    ("price-after-a-move-in-yuan-is-the-close", "聯發科今天則逆勢下跌35元至1,285元。",
     {"1,285元": dict(metric="closing_price", change_abs=-35)}),
    ("share-of-revenue-after-rd-spending-is-rd-intensity", "公司全年研发投入12.37亿元，占营业收入的比例为3.61%。",
     {"3.61%": dict(kind="ratio", metric="rd_intensity")}),
    ("share-of-net-profit-after-dividend-is-payout",
     "合计派发现金红利10.6亿元，占归属于上市公司股东的净利润的比例为25.84%。",
     {"25.84%": dict(metric="payout_ratio")}),
    ("share-whose-part-has-no-ratio-id-stays-a-share", "海外收入占营收比重约30%。",
     {"30%": dict(metric="share_of_total")}),
    ("rate-noun-after-an-adverb-is-a-change", "國泰10月載客量65萬人次，按月增加6.1%，按年增幅則達18.9%。",
     {"18.9%": dict(kind="change", change_pct=18.9, change_basis="yoy", metric_text="載客量")}),
    ("conversion-after-a-currency-declaration-shares-the-change",
     "股東應佔溢利18.32億元（人民幣，下同）（約19.83億港元），按年減少25%。",
     {"18.32億元": dict(unit="CNY", change_pct=-25), "19.83億港元": dict(unit="HKD", change_pct=-25)}),
    ("gain-per-board-lot-names-no-metric", "不計手續費，每手賬面賺325元。", {"325元": dict(metric="")}),
    ("index-in-points-is-an-index-level", "10月份中国钢材价格指数平均值为93.16点，环比下降1.24点。",
     {"93.16点": dict(kind="count", unit="点", metric="index_level")}),
    ("rate-in-the-next-clause-of-an-absolute-change", "钢材库存量1512.6万吨，比上一旬末减少86.4万吨，下降5.4%。",
     {"1512.6万吨": dict(change_abs=-864000, change_pct=-5.4)}),
    ("ten-day-period", "2025年10月下旬，重点钢企粗钢日产191.5万吨。",
     {"191.5万吨": dict(period="2025-10-21/2025-10-31", metric="production")}),
    ("fund-inflow-told-by-its-verb", "股票ETF本周吸金超300亿元。",
     {"300亿元": dict(metric="net_inflow", qualifier=">")}),
    ("first-quarters-in-arabic-digits", "台達電2025年第3季營收創新高。前3季合併營收3,652.8億元，年增18.3%。",
     {"3,652.8億元": dict(period="2025-Q1/2025-Q3")}),
]

NOT_CLAIMS = [
    ("year-alone", "騰訊成立於1998年。"),
    ("date", "公司於2025年3月19日發布年報。"),
    ("time-of-day", "用戶在晚上8點刷視頻號。"),
    ("age", "雷軍今年55歲。"),
    ("ranking", "該應用排名第一,DAU第三。"),
    ("duration", "連續十一季兩位數增長,近7年持續投入。"),
    ("model-name", "小米SU7和iPhone 16都在5G時代推出,支持3D。"),
    ("vague", "千億參數大模型成為標配,日活百萬級。"),
    ("idiom", "讓每一分錢都成為支點,一騎絕塵。"),
    ("phone", "客服電話:400-820-8820。"),
    ("spam-header", "久久精品/狠狠色婷婷/国产精品无码/丰满人妻av/成人片免费看100元\n\n正文沒有數字。"),
]


def _check(table, anchor, expected):
    rows = table[table["text"] == anchor]
    assert len(rows) == 1, f"anchor {anchor!r} not found once in {list(table['text'])}"
    row = rows.iloc[0]
    for key, value in expected.items():
        got = row[key]
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(got), f"{key}: {got!r} should be empty"
        elif isinstance(value, (int, float)):
            assert got == pytest.approx(value), f"{key}: {got!r} != {value!r}"
        else:
            assert got == value, f"{key}: {got!r} != {value!r}"


@pytest.mark.parametrize("name, text, rows", CASES, ids=[c[0] for c in CASES])
def test_claim_rows(name, text, rows):
    table = extract(text)
    assert len(table) == len(set(table["text"])) >= len(rows)
    for anchor, expected in rows.items():
        _check(table, anchor, expected)


@pytest.mark.parametrize("name, text", NOT_CLAIMS, ids=[c[0] for c in NOT_CLAIMS])
def test_not_claims(name, text):
    table = extract(text)
    assert list(table["text"]) == []


def test_columns_follow_the_contract_order():
    from pipeline.io.table import COLUMNS
    table = extract("2025年淨利潤100億元。", doc_id="x")
    assert list(table.columns[:len(COLUMNS)]) == COLUMNS
    assert table.iloc[0]["claim_id"] == "x#1"


def test_offsets_point_into_the_raw_text():
    text = "久久精品/狠狠色/国产精品/丰满人妻/成人片\n\n騰訊凈利潤暴漲68%至1940.73億元,同比增長90%。\n"
    table = extract(text)
    assert list(table["text"]) == ["1940.73億元", "90%"]
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert row.sentence in text


@pytest.mark.parametrize("text, anchors", [
    ("2025年12月11日騰訊升1.8%報612元。", ["612元"]),
    ("2025年12月11日恒指跌323點或1.3%，收報24,500點。", ["24,500點"]),
])
def test_change_written_before_its_quote_is_no_row_of_its_own(text, anchors):
    assert list(extract(text)["text"]) == anchors
