"""find_quantities against the Recognizers-Text Chinese cases (pipeline.conformance)."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from pipeline.eval import conformance

DATA = Path(__file__).parent / "conformance" / "recognizers_text"


@functools.cache
def report() -> dict:
    return conformance.score_suites(DATA)


def test_overall_hit_rate():
    assert report()["overall"]["hit_rate"] >= 0.97


def test_overall_exact_rate():
    assert report()["overall"]["exact_rate"] >= 0.95


def test_spurious_mentions():
    assert report()["overall"]["spurious"] <= 26


@pytest.mark.parametrize("suite", list(conformance.SUITES))
def test_xfails_are_strict(suite):
    assert report()[suite]["xpassed_ids"] == []


def test_every_xfail_names_a_case_and_a_reason():
    xfails = conformance.load_xfails(DATA.parent / "xfail.yaml")
    assert all(entry["reason"] and entry["input"] for entry in xfails.values())
    assert sum(report()[s]["xfailed"] for s in conformance.SUITES) == len(xfails)


def test_end_is_inclusive_in_the_data():
    import json
    case = json.loads((DATA / "CurrencyModel.json").read_text(encoding="utf-8"))[7]
    result = case["Results"][0]
    assert case["Input"][result["Start"]:result["End"] + 1] == result["Text"]


def test_main_prints_the_figures(capsys):
    assert conformance.main([str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "xfailed" in out
