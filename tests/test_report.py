"""zhclaims report without a browser: the page's shape, its escaping, and what it marks."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.extract import extract_source
from pipeline.io.load import from_text
from pipeline.io.table import write_table
from pipeline.review.marks import diff_marks, gold_marks, shown
from pipeline.review.report import script_json, write_report

ARTICLE = "騰訊2024年營收6602億元，同比增長8%。凈利潤1940億元。毛利率為53%。"
HOSTILE = ("惡意<script>window.__pwned = 1</script>標題\n"
           "2024年騰訊營收6602億元</textarea><img src=x onerror=\"window.__pwned = 2\">，"
           "<a href=\"javascript:window.__pwned = 3\">點擊</a>凈利潤1940億元。"
           "</script><script>window.__pwned=4</script>")
HTML_PAGE = ("<html><head><title>騰訊業績</title></head><body><p>騰訊2024年營收&nbsp;6602億元，"
             "<b>凈利潤</b>1940億元。</p><script>var x = 1;</script><p>毛利率為53%。</p></body></html>")


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _page(tmp_path, sources, claims=None, **options) -> str:
    claims = claims if claims is not None else pd.concat([extract_source(s) for s in sources], ignore_index=True)
    write_report(sources, claims, tmp_path / "r.html", **options)
    return (tmp_path / "r.html").read_text(encoding="utf-8")


def _data(page: str) -> dict:
    """The page's data, its columns decoded as the page does."""
    match = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    for name, column in data["columns"].items():
        if isinstance(column, dict):
            data["columns"][name] = [column["values"][k] for k in column["index"]]
    return data


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "a & b <!-- c -->", "\u2028\u2029",
                                   {"k": "<img src=x onerror=alert(1)>"}])
def test_json_in_a_script_element_cannot_close_it(value):
    text = script_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_a_hostile_article_is_never_markup(tmp_path):
    page = _page(tmp_path, [from_text(HOSTILE, "evil<b>id")])
    tags = Tags()
    tags.feed(page)
    assert {t for t, _ in tags.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "div",
                                         "label", "select", "main", "nav", "input", "ol", "button", "span",
                                         "section", "h2", "ul", "aside", "p", "option", "table", "thead", "tr",
                                         "tbody", "script"}
    assert not [a for _, attrs in tags.tags for a in attrs if a in ("src", "href", "action", "onerror", "onclick")]
    scripts = [attrs for t, attrs in tags.tags if t == "script"]
    assert sum("type" not in s for s in scripts) == 1                     # the page's own script only
    own = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    assert "__pwned" not in own and "\\u003cscript\\u003ewindow.__pwned" in page    # there, as JSON only


def test_the_policy_allows_only_the_pages_own_style_and_script(tmp_path):
    page = _page(tmp_path, [from_text(ARTICLE, "a")])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*)</style>", page, re.S).group(1)
    for name, body in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{name} &#x27;sha256-{digest}&#x27;" in policy
    assert "default-src &#x27;none&#x27;" in policy and "connect-src &#x27;none&#x27;" in policy
    assert not re.search(r"https?://", page.split('id="data"')[0])         # no address before the data


def test_an_html_page_is_shown_as_its_visible_text_with_claims_on_their_characters():
    source = from_text(HTML_PAGE, "page", fmt="html")
    claims = extract_source(source)
    view = shown(source)
    assert "<p>" not in view.text and "var x" not in view.text
    for row in claims.to_dict("records"):
        start, end = view.span(row["start"], row["end"])
        assert view.text[start:end] == row["text"]


def test_every_claim_miss_and_removed_claim_is_a_mark(tmp_path):
    source = from_text(ARTICLE, "a")
    claims = extract_source(source)
    gold = claims.copy()
    gold.loc[gold["text"] == "1940億元", "period"] = "2023"                    # a wrong field
    gold = pd.concat([gold, gold.iloc[:0].assign()], ignore_index=True)
    gold = gold[gold["text"] != "53%"]                                       # a spurious claim
    extra = {**claims.iloc[0].to_dict(), "start": 0, "end": 2, "text": "騰訊"}
    gold = pd.concat([gold, pd.DataFrame([extra])], ignore_index=True)       # a miss
    old = claims[claims["text"] != "6602億元"].copy()                          # added
    old.loc[old["text"] == "53%", "value"] = 50.0                             # changed
    old = pd.concat([old, pd.DataFrame([{**extra, "start": 2, "end": 6, "text": "2024"}])], ignore_index=True)
    data = _data(_page(tmp_path, [source], claims, gold=gold, against=old))
    columns = data["columns"]
    marks = [(kind, text, gold_status or "", diff_status or "") for kind, text, gold_status, diff_status
             in zip(columns["type"], columns["text"], columns["gold"], columns["diff"], strict=True)]
    assert ("miss", "騰訊", "miss", "") in marks and ("removed", "2024", "", "removed") in marks
    status = {text: (g, d) for kind, text, g, d in marks if kind == "claim"}
    assert status["1940億元"][0] == "wrong" and status["53%"] == ("spurious", "changed")
    assert status["6602億元"][1] == "added"
    assert len(marks) == len(claims) + 2


def test_gold_marks_name_the_wrong_fields():
    claims = extract_source(from_text(ARTICLE, "a"))
    gold = claims.copy()
    gold.loc[gold["text"] == "1940億元", ["period", "subject"]] = ["2023", "阿里"]
    marks = gold_marks(claims, gold, ["a"])
    claim = claims.loc[claims["text"] == "1940億元", "claim_id"].item()
    assert marks.status[claim] == "wrong" and set(marks.wrong[claim]) == {"period", "subject"}
    only_subject = claims.copy()
    only_subject.loc[only_subject["text"] == "1940億元", "subject"] = "阿里"
    assert gold_marks(claims, only_subject, ["a"]).status[claim] == "right"    # subject is not strict


def test_diff_marks_follow_zhclaims_diff():
    new = extract_source(from_text(ARTICLE, "a"))
    old = new.copy()
    old.loc[old["text"] == "53%", "period"] = "2023"
    marks = diff_marks(new, old, ["a"])
    claim = new.loc[new["text"] == "53%", "claim_id"].item()
    assert marks.status == {claim: "changed"} and marks.changed[claim]["period"] == ("2023", "2024")


def test_blind_documents_are_left_out(tmp_path):
    (tmp_path / "corpus").mkdir()
    for name, text in (("open", ARTICLE), ("held_rt_1", "阿里巴巴2024年營收9000億元。")):
        (tmp_path / "corpus" / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus" / "manifest.csv").write_text("doc_id,split,blind\nopen,dev,\nheld_rt_1,real-test,yes\n")
    assert main(["report", str(tmp_path / "corpus"), "-o", str(tmp_path / "r.html"), "-q"]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    data = _data(page)
    assert [d["id"] for d in data["docs"]] == ["open"] and data["hidden"] == 1
    assert "held_rt_1" not in page and "9000" not in page


def test_the_command_takes_a_table_gold_an_older_table_and_facts(tmp_path):
    source = from_text(ARTICLE, "a")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    claims = extract_source(source)
    write_table(claims, tmp_path / "claims.csv")
    (tmp_path / "gold").mkdir()
    write_table(claims, tmp_path / "gold" / "a.csv")
    facts = Path(__file__).resolve().parent.parent / "facts" / "tencent.csv"
    assert main(["report", str(tmp_path / "a.txt"), "--claims", str(tmp_path / "claims.csv"), "--gold",
                 str(tmp_path / "gold"), "--against", str(tmp_path / "claims.csv"), "--facts", str(facts),
                 "-o", str(tmp_path / "r.html")]) == 0
    data = _data((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert data["evaluation"]["strict"]["f1"] == 1.0
    assert data["difference"] == {"added": 0, "removed": 0, "changed": 0, "fields": {}}
    assert data["verify_totals"]["supported"] >= 1


def test_a_hidden_article_is_never_read(tmp_path):
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "held_rt_2.txt"                       # reading it would fail
    claims = extract_source(from_text(ARTICLE, "open"))
    summary = write_report([tmp_path / "open.txt", missing], claims, tmp_path / "r.html", hide={"held_rt_2"})
    assert summary["articles"] == 1 and _data((tmp_path / "r.html").read_text(encoding="utf-8"))["hidden"] == 1
