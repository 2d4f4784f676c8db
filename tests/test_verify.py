"""zhclaims verify: claims against a reference table of published figures."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from claimrows import claim, table

from pipeline import rules
from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.io.table import write_table
from pipeline.review.facts import FactsError, load_facts
from pipeline.review.keys import month_range
from pipeline.review.verify import VERIFY_COLUMNS, claim_status, verify

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "facts" / "tencent.csv"

FACTS = """entity,entity_name,aliases,metric,period,value,unit,qualifier,source
tencent,騰訊控股,Tencent,rd_expense,2024,70690000000,CNY,,annual results 2024
tencent,騰訊控股,Tencent,rd_expense,2025,85000000000,CNY,>,annual results 2025
tencent,騰訊控股,Tencent,capex,2023,23890000000,CNY,,annual results 2023
tencent,騰訊控股,Tencent,capex,2024,76760000000,CNY,,annual results 2024
tencent,騰訊控股,Tencent,gross_margin,2024,53,%,,annual results 2024
tencent,騰訊控股,Tencent,gross_margin,2025-Q2,57,%,,interim results
tencent,騰訊控股,Tencent,mau,2024,1380000000,,>=,annual results 2024
tencent,騰訊控股,Tencent,buyback,2024,112000000000,HKD,,annual results 2024
tencent,騰訊控股,Tencent,adjusted_operating_profit,2024,237811000000,CNY,,annual results 2024
"""


@pytest.fixture
def facts(tmp_path):
    (tmp_path / "facts.csv").write_text(FACTS, encoding="utf-8")
    (tmp_path / "metric_map.csv").write_text("claim_metric,fact_metric\noperating_profit,adjusted_operating_profit\n",
                                             encoding="utf-8")
    return load_facts(tmp_path / "facts.csv")


def _level(text, value, metric, period, unit="CNY", subject="騰訊", kind="amount", **fields):
    return claim("a", 1, text, value, metric=metric, period=period, sentence=f"{period}年{text}", unit=unit,
                 subject=subject, kind=kind, **fields)


def _status(facts, row) -> list[tuple[str, str, str]]:
    result = verify(table(row), facts)
    return list(zip(result["figure"], result["status"], result["reference_period"], strict=True))


@pytest.mark.parametrize("case, row, expected", [
    ("exact", _level("706.9億元", 70_690_000_000, "rd_expense", "2024"), [("value", "supported", "2024")]),
    ("cut short", _level("706億", 70_600_000_000, "rd_expense", "2024"), [("value", "supported", "2024")]),
    ("rounded", _level("707億", 70_700_000_000, "rd_expense", "2024"), [("value", "supported", "2024")]),
    ("another year's figure", _level("706.9億元", 70_690_000_000, "rd_expense", "2025"),
     [("value", "period_mismatch", "2024")]),
    ("below a lower bound", _level("800億元", 80_000_000_000, "rd_expense", "2025"),
     [("value", "contradicted", "2025")]),
    ("above a lower bound", _level("900億元", 90_000_000_000, "rd_expense", "2025"), [("value", "supported", "2025")]),
    ("wrong", _level("57%", 57, "gross_margin", "2024", unit="%", kind="ratio"), [("value", "contradicted", "2024")]),
    ("two digits may match by chance", _level("57%", 57, "gross_margin", "2025", unit="%", kind="ratio"),
     [("value", "not_found", "")]),
    ("a count of any measure word", _level("13.85億", 1_385_000_000, "mau", "2024", unit="", kind="count"),
     [("value", "supported", "2024")]),
    ("another currency", _level("1120億元", 112_000_000_000, "buyback", "2024"), [("value", "not_found", "")]),
    ("its currency", _level("1120億港元", 112_000_000_000, "buyback", "2024", unit="HKD"),
     [("value", "supported", "2024")]),
    ("a metric the map answers", _level("2378億元", 237_800_000_000, "operating_profit", "2024"),
     [("value", "supported", "2024")]),
    ("no reference", _level("12億", 1_200_000_000, "users", "2024", unit="", kind="count"),
     [("value", "not_found", "")]),
    ("another entity", _level("706.9億元", 70_690_000_000, "rd_expense", "2024", subject="騰訊音樂"),
     [("value", "not_found", "")]),
    ("a plan", _level("900億元", 90_000_000_000, "rd_expense", "2025", modality="plan"), [("value", "not_found", "")]),
])
def test_a_level_gets_a_status(facts, case, row, expected):
    assert _status(facts, row) == expected, case


@pytest.mark.parametrize("case, period, change, expected", [
    ("computed from two references", "2024", 221.0, [("change_pct", "supported", "2024")]),
    ("another year's change", "2025", 221.0, [("change_pct", "period_mismatch", "2024")]),
    ("wrong", "2024", 150.0, [("change_pct", "contradicted", "2024")]),
])
def test_a_change_is_checked_against_two_references(facts, case, period, change, expected):
    row = claim("a", 1, "221%", None, metric="capex", period=period, kind="change", unit="",
                sentence=f"{period}年資本開支激增221%", change_pct=change, change_basis="yoy")
    assert _status(facts, row) == expected, case


def test_a_claims_figures_share_its_period(facts):
    row = _level("767億元", 76_700_000_000, "capex", "2025", change_pct=221.0, change_basis="yoy", qualifier=">")
    assert _status(facts, row) == [("value", "period_mismatch", "2024"), ("change_pct", "period_mismatch", "2024")]


def test_the_detail_names_both_periods(facts):
    result = verify(table(_level("706.9億元", 70_690_000_000, "rd_expense", "2025")), facts)
    detail = result.iloc[0]["detail"]
    assert "2024" in detail and "2025" in detail and ">85,000,000,000" in detail
    assert result.iloc[0]["reference_value"] == "70,690,000,000" and list(result.columns) == VERIFY_COLUMNS


def test_a_subject_without_entity_takes_the_one_given(facts):
    row = _level("706.9億元", 70_690_000_000, "rd_expense", "2024", subject="")
    assert verify(table(row), facts)["status"].tolist() == ["not_found"]
    assert verify(table(row), facts, entity="tencent")["status"].tolist() == ["supported"]


def test_one_status_per_claim_is_its_most_telling():
    result = pd.DataFrame({"claim_id": ["a#1", "a#1", "a#2"], "status": ["supported", "contradicted", "not_found"]})
    assert claim_status(result) == {"a#1": "contradicted", "a#2": "not_found"}


@pytest.mark.parametrize("content, message", [
    ("entity,metric,period,value\ntencent,capex,2024,1\n", "missing columns ['unit']"),
    ("entity,metric,period,value,unit\ntencent,capex,2024,many,CNY\n", "row 2: value 'many'"),
    ("entity,metric,period,value,unit,qualifier\ntencent,capex,2024,1,CNY,about\n", "row 2: unknown qualifier"),
    ("entity,metric,period,value,unit\ntencent,,2024,1,CNY\n", "row 2: empty metric"),
])
def test_a_broken_facts_file_is_named_with_its_row(tmp_path, content, message):
    (tmp_path / "f.csv").write_text(content, encoding="utf-8")
    with pytest.raises(FactsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_facts(tmp_path / "f.csv")


def test_a_facts_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "f.csv").write_bytes("entity,metric,period,value,unit\n騰訊,capex,2024,1,CNY\n".encode("big5"))
    with pytest.raises(FactsError, match=r"f\.csv: not UTF-8"):
        load_facts(tmp_path / "f.csv")


def test_the_shipped_facts_are_well_formed():
    facts = load_facts(SHIPPED)
    assert len(facts.facts) > 100
    assert all(month_range(f.period) is not None for f in facts.facts)
    assert len({(f.metric, f.period) for f in facts.facts}) == len(facts.facts)
    assert set(facts.metric_map) <= set(rules.load("metrics")["metrics"])
    assert all(f.source.startswith("http") for f in facts.facts)


def test_the_command_lists_disagreements_and_writes_every_status(tmp_path, capsys):
    write_table(table(_level("706.9億元", 70_690_000_000, "rd_expense", "2025")), tmp_path / "t.csv")
    assert main(["verify", str(tmp_path / "t.csv"), "--facts", str(SHIPPED)]) == 0
    assert "period mismatch" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "t.csv"), "--facts", str(SHIPPED), "-o", str(tmp_path / "v.csv")]) == 0
    assert pd.read_csv(tmp_path / "v.csv")["status"].tolist() == ["period_mismatch"]


def test_the_sample_articles_rd_figure_for_2025_is_a_period_mismatch():
    claims = extract_file(ROOT / "corpus" / "000_bfd1838a44fdf888.txt")
    result = verify(claims, load_facts(SHIPPED))
    rd = result[(result["metric"] == "rd_expense") & (result["text"] == "706.9億元")]
    assert rd[["period", "status", "reference_period"]].values.tolist() == [["2025", "period_mismatch", "2024"]]
