"""Clean: spam headers and footer boilerplate found by rules, credits kept as metadata."""
import pytest

from pipeline.text.clean import clean
from pipeline.text.normalize import normalize_text

BODY = ("標題：某公司業績\n\n公司營收100億元，同比增長10%。\n\n淨利潤20億元，創歷史新高。\n"
        "這是一段正文，說明業務發展的情況和原因。\n")


def _cleaned(text):
    result = clean(normalize_text(text), text)
    return result, text[result.body_start:result.body_end]


@pytest.mark.parametrize("header", [
    "久久精品/狠狠色婷婷/国产精品无码/丰满人妻av/成人A片免费看",
    "热门搜索：阿里巴巴|财报|淘宝|云计算|电商",
    "首頁 > 財經 > 港股 > 正文",
    "【廣告】雙11限時優惠，點此進入 www.example.com",
    "相关搜索：小米、雷军、汽车、手机、财报",
    "#万科# #地产# #财报# 关注我 @财经小号",
], ids=["seo-slash", "hot-search", "breadcrumb", "ad", "related-search", "hashtags"])
def test_header_styles_are_stripped(header):
    result, body = _cleaned(header + "\n" + BODY)
    assert header not in body
    assert "公司營收100億元" in body
    assert result.header_lines == 1


@pytest.mark.parametrize("footer", [
    "作者|張琪\n\n編輯|何坤\n\n特別聲明：本文為合作媒體授權轉載。\n\nCopyright © Example 2000-2025 All Rights Reserved",
    "责任编辑：李晓彤\n免责声明：本文仅供参考，不构成投资建议。\n分享到：微信 微博 QQ空间",
    "（記者王小明／台北報導）\n延伸閱讀：\n台積電10月營收年增7%\n客服電話 02-2345-6789",
    "来源：国家统计局网站\n【打印本页】【关闭窗口】\n联系我们 | 网站地图 | 京ICP备05034670号",
    "转发 128 | 评论 56 | 赞 1024\n发布于 2025-08-30 21:14 来自 iPhone 16 Pro Max",
    "相关研报\n招商银行(600036)：中收企稳回升，分红率保持35%以上  2025-08-29\n"
    "宁波银行(002142)：营收增速领跑，拨备覆盖率回升至380%  2025-10-28\n免责声明：仅供参考，不构成投资建议。",
    "相關新聞：\n•中國太平上半年淨利潤增長逾兩成（08-26）\n免責聲明：本網站內容僅供參考。\n"
    "客戶服務熱線：(852) 3158 2716　電郵：cs@hkfin-news.hk",
    "相关阅读：\n特斯拉中国11月批发量6.2万辆，Model Y贡献几何？\n问界M8上市百日订单破10万\n👍 赞 1.2万  💬 评论 386",
], ids=["donews", "editor-disclaimer", "reporter-related", "stats-bureau", "weibo", "related-reports", "hk-hotline",
        "question-headline"])
def test_footer_styles_are_stripped(footer):
    result, body = _cleaned(BODY + "\n" + footer + "\n")
    assert body.rstrip().endswith("原因。")
    assert result.footer_lines >= 2


def test_title_and_credits_are_kept_as_metadata():
    text = "热门搜索：a|b|c|d|e\n巨額斥資研發,騰訊如何砸穿AI天花板\n" + BODY + "作者|張琪\n編輯|何坤\n出品|零態LT\n"
    result, _ = _cleaned(text)
    assert result.title == "巨額斥資研發,騰訊如何砸穿AI天花板"
    assert result.credits == {"author": "張琪", "editor": "何坤", "source": "零態LT"}


def test_a_word_ending_in_a_role_character_credits_no_one():
    text = "星标我们，不错过每一篇好文 | 宁德时代 三季报 储能\n宁德时代三季报拆解\n" + BODY + "文/王强\n"
    result, _ = _cleaned(text)
    assert "宁德时代" not in result.credits.values()


def test_article_without_boilerplate_is_kept_whole():
    result, body = _cleaned(BODY)
    assert body.strip() == BODY.strip()
    assert result.header_lines == 0 and result.footer_lines <= 1


def test_body_sentence_mentioning_a_source_is_not_a_footer():
    text = BODY + "收入来源更加多元化，海外业务占比提升至35%。\n"
    _, body = _cleaned(text)
    assert "海外业务占比提升至35%" in body


@pytest.mark.parametrize("notes", [
    "注：\n1．规模以上工业统计起点标准为年主营业务收入2000万元。\n2．文中部分数据因四舍五入，存在总计与分项合计不等的情况。",
    "附註：\n1．PMI以50%作為經濟強弱的分界點，高於50%時反映擴張。",
    "三、附註\n1．調查範圍涉及31個行業大類，3200家調查樣本。",
    "[1] 财新PMI基于对400余家制造业企业采购经理的月度问卷调查。\n[2] PMI以50为荣枯分界线。",
], ids=["zhu", "fuzhu", "section-fuzhu", "numbered"])
def test_a_notes_section_after_the_article_is_footer(notes):
    result, body = _cleaned(BODY + "\n" + notes + "\n")
    assert body.rstrip().endswith("原因。")


@pytest.mark.parametrize("furniture", ["登入 | 免費註冊 | 下載APP", "經濟 > 公司新聞", ">", "2026年3月14日　星期六",
                                       "即時新聞｜港聞｜經濟｜地產｜中國｜國際｜體育"],
                         ids=["account-links", "breadcrumb", "lone-symbol", "date-line", "menu"])
def test_the_title_is_the_first_line_after_page_furniture(furniture):
    result, _ = _cleaned(furniture + "\nETF規模排行出爐 0050站穩兆元\n" + BODY)
    assert result.title == "ETF規模排行出爐 0050站穩兆元"
