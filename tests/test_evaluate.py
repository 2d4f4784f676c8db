"""Evaluate: matching, detection and strict scores, gold validation (contract §4–5)."""
import math

import pandas as pd
import pytest

from pipeline.eval.evaluate import GoldError, field_equal, load_gold, match_document, same_entity, score

BASE = dict(doc_id="d", text="x", kind="amount", metric_text="净利润", value=1e9, value_max=math.nan, unit="CNY",
            qualifier="=", change_pct=math.nan, change_pp=math.nan, change_max=math.nan,
            change_abs=math.nan, change_basis="", period="2025", modality="actual", subject="", metric="")


def frame(*rows):
    return pd.DataFrame([{**BASE, **row} for row in rows])


@pytest.mark.parametrize("name, predicted, gold, right", [
    ("value", 194073000000.0, 194073000000.0000001, True),
    ("value", 1.0, 1.01, False),
    ("value", math.nan, math.nan, True),
    ("value", math.nan, 1.0, False),
    ("metric_text", "凈利潤", "凈利潤", True),
    ("metric_text", "利潤", "凈利潤", True),
    ("metric_text", "", "", True),
    ("metric_text", "", "凈利潤", False),
    ("metric_text", "收入", "凈利潤", False),
    ("period", " 2025 ", "2025", True),
    ("qualifier", "", "=", True),
], ids=lambda v: str(v))
def test_field_equality(name, predicted, gold, right):
    assert field_equal(name, predicted, gold) is right


@pytest.mark.parametrize("predicted, subject_id, gold, right", [
    ("港交所", "hkex", "香港交易所", True),      # two names of one entity in the entity table
    ("騰訊", "tencent", "騰訊控股", True),        # containment, as §5.3
    ("港交所", "hkex", "騰訊", False),
    ("某公司", "", "香港交易所", False),          # no id: only the contract's test
], ids=lambda v: str(v))
def test_subject_same_entity(predicted, subject_id, gold, right):
    row = pd.Series({"subject": predicted, "subject_id": subject_id})
    assert same_entity(row, pd.Series({"subject": gold})) is right


def test_greedy_matching_prefers_largest_overlap():
    pred = frame(dict(start=0, end=10), dict(start=8, end=12))
    gold = frame(dict(start=2, end=10), dict(start=9, end=12))
    assert sorted(match_document(pred, gold)) == [(0, 0), (1, 1)]


def test_each_claim_matches_at_most_once():
    pred = frame(dict(start=0, end=10))
    gold = frame(dict(start=0, end=5), dict(start=5, end=10))
    assert len(match_document(pred, gold)) == 1


def test_scores_detection_and_strict():
    gold = frame(dict(start=0, end=5), dict(start=10, end=15), dict(start=20, end=25))
    pred = frame(dict(start=0, end=5), dict(start=10, end=15, period="2024"), dict(start=30, end=35))
    result = score(pred, gold)
    assert result.detection["tp"] == 2 and result.detection["f1"] == pytest.approx(2 / 3)
    assert result.strict["tp"] == 1 and result.strict["f1"] == pytest.approx(1 / 3)
    assert result.fields["period"] == pytest.approx(0.5)
    assert len(result.misses) == 1 and len(result.spurious) == 1
    assert [(w[1], w[2], w[3]) for w in result.wrong if w[1] == "period"] == [("period", "2024", "2025")]


def test_subject_is_reported_but_not_strict():
    gold = frame(dict(start=0, end=5, subject="騰訊"))
    pred = frame(dict(start=0, end=5, subject="阿里"))
    result = score(pred, gold)
    assert result.strict["tp"] == 1 and result.fields["subject"] == 0.0


GOLD_HEADER = ("doc_id,start,end,text,kind,metric_text,value,value_max,unit,qualifier,change_pct,change_pp,"
               "change_max,change_abs,change_basis,period,modality\n")


@pytest.mark.parametrize("row, message", [
    ("d,0,2,營收,amount,,1,,CNY,=,,,,,,2025,actual\n", r"row 2: raw\[0:2\]"),
    ("d,2,5,100,amount,,1,,CNY,=,,,,,,2025,actual\n", None),
    ("d,2,5,100,money,,1,,CNY,=,,,,,,2025,actual\n", "row 2: unknown kind 'money'"),
    ("d,2,5,100,amount,,1,,CNY,=,,,,,annual,2025,actual\n", "unknown change_basis"),
    ("d,2,5,100,amount,,1,,CNY,about,,,,,,2025,actual\n", "unknown qualifier"),
    ("d,2,5,100,amount,,1,,CNY,=,,,,,,2025,maybe\n", "unknown modality"),
    ("d,2,5,100,amount,,1e10x,,CNY,=,,,,,,2025,actual\n", "row 2: value '1e10x' is not a number"),
    ("d,2,5,100,amount,,1,,CNY,=,ten,,,,,2025,actual\n", "row 2: change_pct 'ten' is not a number"),
    ("d,2.5,5,100,amount,,1,,CNY,=,,,,,,2025,actual\n", "row 2: start '2.5' is not an offset"),
    ("d,2,,100,amount,,1,,CNY,=,,,,,,2025,actual\n", "row 2: end '' is not an offset"),
], ids=["offsets", "valid", "kind", "basis", "qualifier", "modality", "value", "change", "start", "end"])
def test_gold_loader_names_file_and_row(tmp_path, row, message):
    path = tmp_path / "d.csv"
    path.write_text(GOLD_HEADER + row, encoding="utf-8")
    raw = "收入100億元"
    if message is None:
        assert len(load_gold(path, raw)) == 1
    else:
        with pytest.raises(GoldError, match=message) as info:
            load_gold(path, raw)
        assert str(path) in str(info.value)


def test_a_gold_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes((GOLD_HEADER + "d,2,5,100,amount,營收,1,,CNY,=,,,,,,2025,actual\n").encode("big5"))
    with pytest.raises(GoldError, match=r"d\.csv: not UTF-8 \(byte \d+\)"):
        load_gold(path)


def test_a_gold_file_that_is_not_a_table_is_named(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(GOLD_HEADER + 'd,2,5,"100,amount\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"d\.csv: not a CSV table"):
        load_gold(path)


def test_gold_loader_requires_contract_columns(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("doc_id,start,end,text\nd,0,1,x\n", encoding="utf-8")
    with pytest.raises(GoldError, match="missing columns"):
        load_gold(path)


def test_the_gold_loader_rejects_an_unknown_metric_id(tmp_path):
    path = tmp_path / "d.csv"
    frame(dict(start=0, end=1, metric="net_profit"), dict(start=2, end=3, metric="no_such_metric")).to_csv(
        path, index=False)
    with pytest.raises(GoldError, match=r"d\.csv: row 3: metric id 'no_such_metric' is not defined"):
        load_gold(path)
    assert len(load_gold(path, check_metrics=False)) == 2
