"""zhclaims report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped, with the reason, where Chromium or Playwright is missing; CI installs both
(.ci/run). Set ZHCLAIMS_SCREENSHOT=docs/img/report.png to refresh the README's screenshot.
"""
from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract import extract_source
from pipeline.io.load import from_text, load_file
from pipeline.io.table import COLUMNS, EXTRA_COLUMNS, FLOAT_COLUMNS, to_frame
from pipeline.review.report import write_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("ZHCLAIMS_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="Playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium; "
                                       f"CI installs it in .ci/run)")

EMPTY = {c: "" for c in COLUMNS + EXTRA_COLUMNS if c not in FLOAT_COLUMNS}
ARTICLES = {
    "tencent": "騰訊控股2025年全年研發投入706.9億元，資本開支突破767億元(同比激增221%)。\n"
               "2024年，706億研發資金砸向混元大模型。\n2024年騰訊凈利潤1940.73億元，同比增長68%，毛利率升至53%。",
    "alibaba": "阿里巴巴2025年第二季度收入2477亿元，同比增长5%。经调整EBITA为353亿元，同比下降14%。毛利率为38.4%。",
}
PAGE = ("<html><head><title>騰訊業績</title></head><body><p>騰訊2024年營收&nbsp;6602億元，"
        "<b>凈利潤</b>1940億元。</p><script>var x = 1;</script><p>毛利率為53%。</p></body></html>")
HOSTILE = ("惡意<script>window.__pwned = 1; alert(1)</script>標題\n"
           "2024年騰訊營收6602億元</textarea><img src=x onerror=\"window.__pwned = 2; alert(2)\">，"
           "<a href=\"javascript:window.__pwned = 3\">點擊</a>凈利潤1940億元。"
           "</script><script>window.__pwned=4</script>"
           "<iframe src=\"javascript:alert(5)\"></iframe><style>body{display:none}</style>")


# ----- reports ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Three articles (one an HTML page) with gold, an older table and facts."""
    sources = [from_text(text, doc) for doc, text in ARTICLES.items()] + [from_text(PAGE, "webpage", fmt="html")]
    claims = pd.concat([extract_source(s) for s in sources], ignore_index=True)
    gold = claims.copy()
    gold.loc[gold["text"] == "1940.73億元", "period"] = "2023"                  # a wrong field
    gold = gold[gold["text"] != "53%"]                                           # spurious claims
    miss = {**claims.iloc[0].to_dict(), "start": 0, "end": 4, "text": "騰訊控股"}
    gold = pd.concat([gold, pd.DataFrame([miss])], ignore_index=True)           # a miss
    old = claims[claims["text"] != "353亿元"].copy()                              # added
    old.loc[old["text"] == "2477亿元", "value"] = 2.4e11                          # changed
    at = ARTICLES["tencent"].find("2025")
    removed = {**claims.iloc[0].to_dict(), "start": at, "end": at + 4, "text": "2025"}
    old = pd.concat([old, pd.DataFrame([removed])], ignore_index=True)
    path = tmp_path_factory.mktemp("batch") / "report.html"
    write_report(sources, claims, path, gold=gold, against=old, facts=ROOT / "facts" / "tencent.csv")
    return path, claims


def _rows(doc: str, text: str, figures: list[tuple[str, str, float]], **fields) -> list[dict]:
    """Claim rows for `figures` (anchor, metric, value) of `text`, written by hand."""
    rows = []
    for k, (figure, metric, value) in enumerate(figures, 1):
        start = text.find(figure)
        rows.append({**EMPTY, "doc_id": doc, "claim_id": f"{doc}#{k}", "start": start, "end": start + len(figure),
                     "text": figure, "kind": "amount", "subject": "騰訊", "metric": metric, "value": value,
                     "unit": "CNY", "period": "2024", "modality": "actual", "sentence": text, **fields})
    return rows


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    doc = "evil</script><script>window.__pwned=6</script>"
    claims = to_frame(_rows(doc, HOSTILE, [("6602億元", "revenue", 6.602e11), ("1940億元", "net_profit", 1.94e11)],
                   subject="<img src=x onerror=\"window.__pwned = 7\">",
                   metric_text="<script>window.__pwned = 8</script>"))
    path = tmp_path_factory.mktemp("hostile") / "report.html"
    write_report([from_text(HOSTILE, doc)], claims, path,
                 titles={doc: "<b onmouseover=\"window.__pwned = 9\">t</b>"})
    return path


def _synthetic(n: int):
    sources, rows = [], []
    for i in range(n):
        doc, text = f"doc{i:05d}", f"第{i}篇：騰訊{2000 + i % 25}年營收{i + 100}億元，凈利潤{i % 90 + 10}億元。"
        sources.append(from_text(text, doc))
        rows.extend(_rows(doc, text, [(f"{i + 100}億元", "revenue", (i + 100) * 1e8),
                                        (f"{i % 90 + 10}億元", "net_profit", (i % 90 + 10) * 1e8)],
                            period=str(2000 + i % 25)))
    return sources, to_frame(rows)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    sources, claims = _synthetic(10_000)
    path = tmp_path_factory.mktemp("large") / "report.html"
    write_report(sources, claims, path, titles={})
    return path


# ----- the browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def context(tmp_path_factory):
    with playwright_api.sync_playwright() as p:
        profile = str(tmp_path_factory.mktemp("profile"))                 # a fresh user-data folder
        ctx = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), args=ARGS, headless=True,
                                                   viewport={"width": 1440, "height": 900})
        yield ctx
        ctx.close()


class Opened:
    """A report opened in a fresh page, with what the page did: dialogs, requests, errors."""

    def __init__(self, context, path: Path):
        self.page = context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), timeout=120_000)
        self.page.wait_for_selector("body[data-ready=yes]", timeout=120_000)

    def table_rows(self) -> dict[int, str]:
        """Every row the claim table lists under its filters, page by page: mark → text."""
        rows: dict[int, str] = {}
        while True:
            for tr in self.page.query_selector_all("#claims-table tbody tr"):
                rows[int(tr.get_attribute("data-row"))] = tr.query_selector("td[data-key=text]").inner_text()
            if self.page.is_disabled("#table-next"):
                return rows
            self.page.click("#table-next")

    def highlights(self) -> dict[int, str]:
        """The article's marks: mark → the text it covers (pieces joined in order)."""
        return {int(k): v for k, v in self.page.evaluate("""() => {
            const out = {};
            document.querySelectorAll('#article mark[data-row]').forEach((m) => {
              const k = m.getAttribute('data-row');
              out[k] = (out[k] || '') + m.textContent;
            });
            return out; }""").items()}

    def column(self, key: str) -> list[str]:
        return [td.inner_text() for td in self.page.query_selector_all(f"#claims-table tbody td[data-key={key}]")]

    def open_doc(self, doc: str) -> None:
        self.page.fill("#doc-search", doc)
        self.page.click("#doc-list li >> nth=0")
        self.page.wait_for_selector(f'#article[data-doc="{doc}"]')


@pytest.fixture
def opened(context):
    made: list[Opened] = []

    def open_report(path: Path) -> Opened:
        made.append(Opened(context, path))
        return made[-1]
    yield open_report
    for o in made:
        assert not o.errors, o.errors
        o.page.close()


# ----- what the page shows ---------------------------------------------------------------------------

@pytest.mark.parametrize("doc", ["tencent", "alibaba", "webpage"])
def test_the_highlighted_claims_are_the_table_rows(batch, opened, doc):
    report = opened(batch[0])
    report.page.fill("#filter-doc", doc)
    listed = report.table_rows()
    report.open_doc(doc)
    assert report.highlights() == listed
    claims = batch[1]
    assert sorted(t for t in listed.values()) == sorted(
        [*claims.loc[claims["doc_id"] == doc, "text"], *({"tencent": ["騰訊控股", "2025"]}.get(doc, []))])


@pytest.mark.parametrize("field, value, column", [("#filter-metric", "net_profit", "metric"),
                                                  ("#filter-subject", "阿里", "subject"),
                                                  ("#filter-period", "2024", "period"),
                                                  ("#filter-doc", "webpage", "doc")])
def test_filters_keep_only_matching_rows(batch, opened, field, value, column):
    report = opened(batch[0])
    everything = len(report.table_rows())
    report.page.fill(field, value)
    shown = report.column(column)
    assert shown and all(value in cell for cell in shown) and len(shown) < everything
    assert report.page.inner_text("#claim-count") == f"({len(shown)} of {everything})"
    report.page.click("#filter-clear")
    assert len(report.table_rows()) == everything


def test_the_kind_filter(batch, opened):
    report = opened(batch[0])
    report.page.select_option("#filter-kind", "ratio")
    assert set(report.column("kind")) == {"ratio"}


def _numbers(cells: list[str]) -> list[float]:
    return [float(re.search(r"-?[\d,]+(\.\d+)?", c).group().replace(",", "")) for c in cells if c]


def test_sorting_by_value_both_ways(batch, opened):
    report = opened(batch[0])
    report.page.click("th[data-key=value] button")
    ascending = _numbers(report.column("value"))
    assert ascending == sorted(ascending) and len(ascending) > 3
    assert report.page.get_attribute("th[data-key=value]", "aria-sort") == "ascending"
    report.page.click("th[data-key=value] button")
    assert _numbers(report.column("value")) == sorted(ascending, reverse=True)


def test_sorting_by_document(batch, opened):
    report = opened(batch[0])
    assert report.column("doc") == sorted(report.column("doc"))               # the table starts in order
    report.page.click("th[data-key=doc] button")
    docs = report.column("doc")
    assert docs[0] == "webpage" and docs == sorted(docs, reverse=True)


def test_pointing_at_a_claim_shows_its_fields_and_a_click_keeps_them(batch, opened):
    report = opened(batch[0])
    report.open_doc("tencent")
    mark = report.page.locator("#article mark", has_text="706.9億元").first
    mark.hover()
    detail = report.page.inner_text("#detail")
    assert "rd_expense" in detail and "70,690,000,000 CNY" in detail and "2025" in detail
    mark.click()
    report.page.hover("#article-title")
    assert "rd_expense" in report.page.inner_text("#detail")
    assert report.page.locator("#claims-table tr.selected").count() <= 1


def test_a_table_row_opens_its_article_at_the_claim(batch, opened):
    report = opened(batch[0])
    report.page.fill("#filter-doc", "alibaba")
    report.page.click("#claims-table tbody tr >> nth=1")
    assert report.page.get_attribute("#article", "data-doc") == "alibaba"
    row = report.page.get_attribute("#claims-table tbody tr >> nth=1", "data-row")
    assert report.page.locator(f'#article mark.selected[data-row="{row}"]').count() >= 1


def test_findings_sit_beside_their_claims(batch, opened):
    report = opened(batch[0])
    report.open_doc("tencent")
    assert "rd_expense" in report.page.inner_text("#article-findings")
    flagged = report.page.locator("#article mark.has-finding", has_text="706.9億元").first
    flagged.click()
    assert "same figure other period" in report.page.inner_text("#detail")


def _backgrounds(report: Opened, classes: list[str]) -> dict[str, str]:
    return {c: report.page.eval_on_selector(f"#article mark.{c}", "m => getComputedStyle(m).backgroundColor")
            for c in classes}


def test_gold_and_rule_change_statuses_have_distinct_colours(batch, opened):
    report = opened(batch[0])
    report.open_doc("tencent")
    report.page.select_option("#colour", "gold")
    gold = _backgrounds(report, ["g-right", "g-wrong", "g-spurious", "g-miss"])
    assert len(set(gold.values())) == 4, gold
    report.open_doc("alibaba")
    report.page.select_option("#colour", "diff")
    diff = _backgrounds(report, ["d-added", "d-changed", "d-same"])
    report.open_doc("tencent")
    diff.update(_backgrounds(report, ["d-removed"]))
    assert len(set(diff.values())) == 4, diff
    assert "strict" in report.page.inner_text("#field-accuracy")


def test_a_hostile_article_runs_nothing(hostile, opened):
    report = opened(hostile)
    for mark in report.page.query_selector_all("#article mark"):
        mark.hover()
        mark.click()
    report.page.hover("#doc-list li")
    report.page.click("#claims-table tbody tr >> nth=0")
    assert report.page.evaluate("window.__pwned") is None
    assert report.dialogs == []
    assert report.requests == [hostile.as_uri()]
    assert report.page.evaluate("document.querySelectorAll('img, iframe, a, object, embed').length") == 0
    text = report.page.inner_text("#article")
    assert "<script>window.__pwned = 1; alert(1)</script>" in text and "javascript:" in text
    assert "<img src=x" in report.page.inner_text("#detail")


def test_a_report_of_ten_thousand_articles_opens(large, opened):
    report = opened(large)
    assert "10,000 articles" in report.page.inner_text("#summary")
    assert report.page.inner_text("#doc-page") == "1 / 100"
    assert report.page.inner_text("#claim-count") == "(20,000 of 20,000)"
    report.page.fill("#filter-doc", "doc09999")
    listed = report.table_rows()
    report.page.click("#claims-table tbody tr >> nth=0")
    assert report.page.get_attribute("#article", "data-doc") == "doc09999"
    assert report.highlights() == listed == {19998: "10099億元", 19999: "19億元"}


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_a_screenshot_of_the_sample_article(tmp_path, opened):
    sample = load_file(ROOT / "corpus" / "000_bfd1838a44fdf888.txt")
    path = tmp_path / "sample.html"
    write_report([sample], extract_source(sample), path, gold=ROOT / "corpus" / "gold",
                 facts=ROOT / "facts" / "tencent.csv", title="zhclaims review: the sample article")
    report = opened(path)
    report.page.select_option("#colour", "verify")
    report.page.locator("#article mark", has_text="706.9億元").first.click()
    report.page.evaluate("document.activeElement.blur()")
    target = Path(os.environ.get("ZHCLAIMS_SCREENSHOT") or tmp_path / "report.png")
    target.parent.mkdir(parents=True, exist_ok=True)
    report.page.screenshot(path=str(target))
    assert _png_size(target) == (1440, 900)
