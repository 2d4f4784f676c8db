"""zhclaims check: contradictions within an article and across a batch — and no false alarms."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from claimrows import claim, table

from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.io.table import write_table
from pipeline.review.check import FINDING_COLUMNS, check
from pipeline.review.figures import interval, prior_period, significant_digits, written_unit
from pipeline.review.keys import metrics_as_part, nested, parts_of, qualifier_words

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "000_bfd1838a44fdf888.txt"
FACTS = Path(__file__).resolve().parent.parent / "facts" / "tencent.csv"

S1 = "2025年，騰訊全年研發投入706.9億元，資本開支767億元。"
S2 = "2024年，706億研發資金砸向混元大模型。"


def found(findings: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(check, claim, other claims) of each finding."""
    return {(f["check"], f["claim_id"], f["other_claim_id"]) for f in findings.to_dict("records")}


# ----- the figures a check compares -------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("706.9億元", 70_690_000_000, 10_000_000),
    ("706億", 70_600_000_000, 100_000_000),
    ("1,120億港元", 112_000_000_000, 100_000_000),
    ("２，４８０．５萬", 24_805_000, 1_000),
    ("57%", 57, 1),
    ("0.52%", 0.52, 0.01),
])
def test_a_figure_is_as_precise_as_it_is_written(text, value, unit):
    assert written_unit(text, value) == pytest.approx(unit)


@pytest.mark.parametrize("text, value, digits", [("706.9億元", 70_690_000_000, 4), ("57%", 57, 2),
                                                 ("221%", 221, 3), ("0.05%", 0.05, 1)])
def test_significant_digits_count_what_is_written(text, value, digits):
    assert significant_digits(text, value) == digits


@pytest.mark.parametrize("a, b, meet", [
    ((70_600_000_000, 1e8), (70_690_000_000, 1e7), True),      # 706億 is 706.9億 cut short
    ((70_700_000_000, 1e8), (70_690_000_000, 1e7), True),      # 707億 is it rounded
    ((70_500_000_000, 1e8), (70_690_000_000, 1e7), False),     # 705億 is neither
    ((57, 1), (53, 1), False),
])
def test_figures_agree_when_their_intervals_meet(a, b, meet):
    assert interval(*a).meets(interval(*b)) is meet


@pytest.mark.parametrize("qualifier, other, meet", [(">", 76_760_000_000, True), (">", 70_000_000_000, False),
                                                    ("~", 80_000_000_000, True), ("<", 70_000_000_000, True)])
def test_a_qualifier_widens_the_interval(qualifier, other, meet):
    assert interval(76_700_000_000, 1e8, qualifier).meets(interval(other, 1e7)) is meet


@pytest.mark.parametrize("period, basis, before", [
    ("2025", "yoy", "2024"), ("2025", "", "2024"), ("2025-Q1/2025-Q3", "yoy", "2024-Q1/2024-Q3"),
    ("2025-Q1", "qoq", "2024-Q4"), ("2025-03", "mom", "2025-02"), ("2025-01", "mom", "2024-12"),
    ("FY2025", "yoy", "FY2024"), ("2025-Q3", "", ""), ("2025-H1", "qoq", ""),
])
def test_a_change_is_measured_from_the_period_before(period, basis, before):
    assert prior_period(period, basis) == before


@pytest.mark.parametrize("a, b, inside", [("2024-Q4", "2024", True), ("2019/2025", "2025", True),
                                          ("2024-12", "2024-Q4", True), ("2024", "2025", False),
                                          ("2024-Q4", "2025-Q4", False)])
def test_periods_nest(a, b, inside):
    assert nested(a, b) is inside


def test_variants_and_derived_figures_are_never_parts():
    assert "adjusted_net_profit" not in parts_of("net_profit")
    assert {"cloud_revenue", "marketing_revenue"} <= parts_of("revenue")
    assert parts_of("gross_margin") == frozenset()                     # ratios do not add up


def test_the_taxonomy_marks_variants_and_cross_cutting_parts():
    assert {"adjusted_net_profit", "dividend_per_share"} <= metrics_as_part("never")
    assert "overseas_revenue" in metrics_as_part("alone")
    assert "cloud_revenue" not in metrics_as_part("never") | metrics_as_part("alone")


@pytest.mark.parametrize("sentence, metric_text, text, period_text, words", [
    ("前三季度茅台酒实现收入1098.6亿元。", "收入", "1098.6亿元", "前三季度", "茅台酒实现"),
    ("前三季度批发代理渠道收入710.8亿元。", "收入", "710.8亿元", "前三季度", "批发代理渠道"),
    ("2024年，騰訊凈利潤1940億元。", "凈利潤", "1940億元", "2024年", ""),
    ("10月份，進出口3.7萬億元；其中，出口2.17萬億元。", "出口", "2.17萬億元", "10月份", ""),
])
def test_the_words_before_a_metric_tell_segments_apart(sentence, metric_text, text, period_text, words):
    row = {"sentence": sentence, "metric_text": metric_text, "text": text, "period_text": period_text,
           "subject": "騰訊"}
    assert qualifier_words(row) == words


# ----- what is found -----------------------------------------------------------------------------

def test_the_same_figure_given_for_two_periods_is_found():
    t = table(claim("a", 1, "706.9億元", 70_690_000_000, metric="rd_expense", period="2025", sentence=S1),
              claim("a", 2, "706億", 70_600_000_000, metric="rd_expense", period="2024", sentence=S2))
    f = check(t)
    assert found(f) == {("same_figure_other_period", "a#1", "a#2")}
    row = f.iloc[0]
    assert (row["sentence"], row["other_sentence"], row["period"], row["other_period"]) == (S1, S2, "2025", "2024")
    assert "706.9億元" in row["message"] and "2024" in row["message"] and list(f.columns) == FINDING_COLUMNS


def test_the_same_change_given_for_two_periods_is_found():
    t = table(claim("a", 1, "767億元", 76_700_000_000, metric="capex", period="2025", sentence=S1,
                    change_pct=221.0, change_basis="yoy"),
              claim("a", 2, "221%", None, metric="capex", period="2024", kind="change", unit="",
                    sentence="2024年資本開支激增221%。", change_pct=221.0))
    assert found(check(t)) == {("same_figure_other_period", "a#1", "a#2")}


@pytest.mark.parametrize("case, second", [
    ("a two-digit figure can repeat by chance",
     claim("a", 2, "20%", None, metric="marketing_revenue", period="2024", kind="change", unit="",
           sentence="2024年營銷服務收入增長20%。", change_pct=20.0)),
    ("a quarter inside its year",
     claim("a", 2, "20%", None, metric="marketing_revenue", period="2025-Q4", kind="change", unit="",
           sentence="第四季度營銷服務收入增長20%。", period_text="第四季度", change_pct=20.0)),
])
def test_no_same_figure_finding_when_it_may_be_true(case, second):
    first = claim("a", 1, "20%", None, metric="marketing_revenue", period="2025", kind="change", unit="",
                  sentence="2025年營銷服務收入增長20%。", change_pct=20.0)
    assert check(table(first, second)).empty, case


def test_a_period_carried_over_from_earlier_is_not_enough():
    carried = claim("a", 2, "706億", 70_600_000_000, metric="rd_expense", period="2024",
                    sentence="706億的研發不是終點。", period_text="2024年")
    t = table(claim("a", 1, "706.9億元", 70_690_000_000, metric="rd_expense", period="2025", sentence=S1), carried)
    assert check(t).empty
    loose = check(t, loose=True)
    assert found(loose) == {("same_figure_other_period", "a#1", "a#2")}
    assert list(loose["confidence"]) == ["low"]


def _net_profit(n: int, text: str, value: float, sentence: str, **fields) -> dict:
    return claim("a", n, text, value, metric="net_profit", metric_text="凈利潤", period="2024", sentence=sentence,
                 **fields)


def test_different_values_for_one_subject_metric_and_period_are_found():
    t = table(_net_profit(1, "1940億元", 1.94e11, "2024年，騰訊凈利潤1940億元。"),
              _net_profit(2, "1800億元", 1.8e11, "騰訊2024年凈利潤1800億元，創新高。"))
    f = check(t)
    assert found(f) == {("different_values", "a#1", "a#2")}
    assert "1940億元" in f.iloc[0]["message"] and "1800億元" in f.iloc[0]["message"]


@pytest.mark.parametrize("case, text, value, sentence, fields", [
    ("rounding", "1941億", 1.941e11, "2024年騰訊凈利潤1941億。", {}),
    ("a cut figure", "1940億", 1.94e11, "2024年騰訊凈利潤1940億。", {}),
    ("more than", "1900億元", 1.9e11, "2024年騰訊凈利潤超1900億元。", {"qualifier": ">"}),
    ("about", "1800億元", 1.8e11, "2024年騰訊凈利潤約1800億元。", {"qualifier": "~"}),
    ("a plan", "1800億元", 1.8e11, "2024年騰訊凈利潤目標1800億元。", {"modality": "plan"}),
    ("another subject", "1800億元", 1.8e11, "2024年阿里凈利潤1800億元。", {"subject": "阿里"}),
    ("a segment", "1800億元", 1.8e11, "2024年騰訊游戲業務凈利潤1800億元。", {}),
])
def test_no_different_values_finding_when_both_may_be_right(case, text, value, sentence, fields):
    t = table(_net_profit(1, "1940.73億元", 1.9407e11, "2024年，騰訊凈利潤1940.73億元。"),
              _net_profit(2, text, value, sentence, **fields))
    assert check(t).empty, case


def test_figures_listed_in_one_sentence_are_about_different_things():
    sentence = "2024年騰訊凈利潤1940億元，騰訊凈利潤1800億元。"
    t = table(_net_profit(1, "1940億元", 1.94e11, sentence), _net_profit(2, "1800億元", 1.8e11, sentence))
    assert check(t).empty


def _revenue(n, text, value, period, sentence, **fields):
    return claim("a", n, text, value, metric="revenue", metric_text="收入", period=period, sentence=sentence, **fields)


@pytest.mark.parametrize("change, finding", [(20.0, True), (50.0, False), (49.6, False)])
def test_a_growth_rate_that_two_levels_contradict_is_found(change, finding):
    t = table(_revenue(1, "100億元", 1e10, "2024", "2024年騰訊收入100億元。"),
              _revenue(2, "150億元", 1.5e10, "2025", "2025年騰訊收入150億元，同比增長。",
                       change_pct=change, change_basis="yoy"))
    f = check(t)
    assert (found(f) == {("growth_mismatch", "a#2", "a#1")}) is finding
    if finding:
        assert "+50" in f.iloc[0]["message"]


def test_a_change_in_points_is_checked_against_two_ratios():
    t = table(claim("a", 1, "53%", 53.0, metric="gross_margin", period="2024", kind="ratio", unit="%",
                    sentence="2024年毛利率53%。", metric_text="毛利率"),
              claim("a", 2, "57%", 57.0, metric="gross_margin", period="2025", kind="ratio", unit="%",
                    sentence="2025年毛利率57%，同比提升1個百分點。", metric_text="毛利率",
                    change_pp=1.0, change_basis="yoy"))
    assert found(check(t)) == {("growth_mismatch", "a#2", "a#1")}


PART_METRICS = {"雲收入": "cloud_revenue", "廣告收入": "marketing_revenue", "海外收入": "overseas_revenue"}


def _breakdown(parts: list[tuple[str, str, float]]) -> pd.DataFrame:
    """Revenue of 100億元, then its parts in the next sentence."""
    rows = [claim("a", 1, "100億元", 1e10, metric="revenue", metric_text="收入", period="2024",
                  sentence="2024年騰訊收入100億元。")]
    sentence = "2024年其中，" + "，".join(f"{mt}{text}" for mt, text, _ in parts) + "。"
    for n, (metric_text, text, value) in enumerate(parts, start=2):
        rows.append(claim("a", n, text, value, metric=PART_METRICS[metric_text], metric_text=metric_text,
                          period="2024", sentence=sentence))
    return table(*rows)


@pytest.mark.parametrize("parts, finding", [
    ([("雲收入", "60億元", 6e9), ("廣告收入", "50億元", 5e9)], True),     # 110 > 100
    ([("雲收入", "60億元", 6e9), ("廣告收入", "40億元", 4e9)], False),    # adds up
    ([("雲收入", "120億元", 1.2e10)], True),                               # one part over the total
    ([("雲收入", "60億元", 6e9), ("海外收入", "50億元", 5e9)], False),    # overseas cuts across segments
])
def test_parts_that_add_up_to_more_than_their_total_are_found(parts, finding):
    f = check(_breakdown(parts))
    assert (set(f["check"]) == {"parts_exceed_total"}) is finding


def _across(subject_a: str, subject_b: str) -> pd.DataFrame:
    return table(claim("a", 1, "1940億元", 1.94e11, metric="net_profit", metric_text="凈利潤", period="2024",
                       sentence=f"2024年{subject_a}凈利潤1940億元。", subject=subject_a),
                 claim("b", 1, "1800億元", 1.8e11, metric="net_profit", metric_text="凈利潤", period="2024",
                       sentence=f"2024年{subject_b}凈利潤1800億元。", subject=subject_b))


def test_different_values_across_a_batch_are_found():
    f = check(_across("騰訊", "腾讯"))                       # one subject, two scripts
    assert found(f) == {("different_values", "a#1", "b#1")} and list(f["scope"]) == ["batch"]
    assert check(_across("騰訊", "腾讯"), batch=False).empty


def test_group_words_are_not_a_subject_across_a_batch():
    assert check(_across("公司", "公司")).empty


# ----- the command, and the user's sample article --------------------------------------------

def test_the_command_writes_findings_and_fails_only_when_asked(tmp_path, capsys):
    t = table(claim("a", 1, "706.9億元", 70_690_000_000, metric="rd_expense", period="2025", sentence=S1),
              claim("a", 2, "706億", 70_600_000_000, metric="rd_expense", period="2024", sentence=S2))
    write_table(t, tmp_path / "t.csv")
    assert main(["check", str(tmp_path / "t.csv")]) == 0
    out = capsys.readouterr().out
    assert "a#1" in out and S2 in out
    assert main(["check", str(tmp_path / "t.csv"), "-o", str(tmp_path / "f.csv"), "--fail-on-finding"]) == 1
    assert list(pd.read_csv(tmp_path / "f.csv").columns) == FINDING_COLUMNS


@pytest.fixture(scope="module")
def sample_claims() -> pd.DataFrame:
    return extract_file(SAMPLE)


def _metric_periods(findings: pd.DataFrame, claims: pd.DataFrame) -> set[tuple[str, frozenset]]:
    by_id = claims.set_index("claim_id")
    return {(by_id.loc[f["claim_id"], "metric"], frozenset({f["period"], f["other_period"]}))
            for f in findings.to_dict("records")}


def test_the_sample_article_contradicts_itself_twice_and_only_twice(sample_claims):
    findings = check(sample_claims)
    assert _metric_periods(findings, sample_claims) == {("rd_expense", frozenset({"2025", "2024"})),
                                                        ("capex", frozenset({"2025", "2024"}))}
    assert set(findings["check"]) == {"same_figure_other_period"}
    assert set(findings["confidence"]) == {"high"}


@pytest.mark.parametrize("command", [["check"], ["verify", "--facts", str(FACTS)]])
def test_the_commands_leave_blind_documents_out(tmp_path, capsys, command):
    rows = [claim(doc, n, text, value, metric="rd_expense", period=period, sentence=sentence, subject="騰訊")
            for doc in ("open", "held_rt_1")
            for n, (text, value, period, sentence) in enumerate([("706.9億元", 70_690_000_000, "2025", S1),
                                                                  ("706億", 70_600_000_000, "2024", S2)], 1)]
    write_table(table(*rows), tmp_path / "t.csv")
    (tmp_path / "manifest.csv").write_text("doc_id,split,blind\nopen,dev,\nheld_rt_1,real-test,yes\n")
    assert main([command[0], str(tmp_path / "t.csv"), *command[1:], "--manifest", str(tmp_path / "manifest.csv")]) == 0
    out = capsys.readouterr().out
    assert "open#1" in out and "held_rt_1" not in out
