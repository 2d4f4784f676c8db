"""The regression ledger: the pipeline on the bundled corpus, compared with gold claim by claim.

tests/ledger.yaml records every current mismatch (miss, spurious claim, wrong field)
with a category and a reason. Any change in any claim of the ledger's scope fails here
until the ledger records it: a new mismatch (a regression, shown with gold and
prediction side by side), an entry that no longer happens (a fix: take it out), an
entry that points at no claim (stale). `zhclaims ledger --update` regenerates it.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli.scoring import current_mismatches, ledger_scope
from pipeline.eval import ledger
from pipeline.eval.splits import blind_docs
from pipeline.io.load import find_articles, load_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
LEDGER = ROOT / "tests" / "ledger.yaml"
# Heuristic (non-strict) fields whose category description is their reason.
SELF_EXPLAINED = {"subject", "metric-id"}


@pytest.fixture(scope="module")
def run():
    scope = ledger.scope_of(LEDGER)
    pred, gold, found = current_mismatches(CORPUS, scope)
    return pred, gold, found, ledger.load(LEDGER)


def test_every_article_has_gold_and_a_split():
    manifest = pd.read_csv(CORPUS / "manifest.csv", dtype=str, keep_default_na=False)
    articles = {p.stem for p in find_articles([CORPUS])}
    gold = {p.stem for p in (CORPUS / "gold").glob("*.csv")}
    assert articles == gold == set(manifest["doc_id"])
    assert set(manifest["split"]) <= {"dev", "real-dev", "real-test", "real-test-2", "real-test-3", "real-test-4",
                                      "real-test-5", "dev-unopened-6", "real-test-7", "real-test-8", "real-test-9",
                                      "real-test-10", "real-test-11", "real-test-12", "real-test-13", "real-test-14",
                                      "real-test-15", "real-test-16", "real-test-17", "real-test-18", "real-test-19",
                                      "real-test-20", "real-test-21",
                                      "opened-28", "opened-29"}


def test_offsets_hold_for_every_claim(run):
    pred = run[0]
    raws = {p.stem: load_file(p).raw for p in find_articles([CORPUS])}
    for row in pred.itertuples():
        assert raws[row.doc_id][row.start:row.end] == row.text


def test_every_mismatch_is_in_the_ledger_and_every_entry_still_happens(run):
    pred, gold, found, entries = run
    result = ledger.compare(entries, found, pred, gold)
    problems = result.regressions or result.fixed or result.stale
    assert not problems, "\n" + ledger.explain(ledger.Comparison(result.regressions, result.fixed,
                                                                  result.stale, []), pred, gold)


def test_every_entry_is_reviewed():
    unreviewed = [e.mismatch.describe() for e in ledger.load(LEDGER)
                  if e.category == ledger.UNREVIEWED
                  or (e.category not in SELF_EXPLAINED and not e.reason.strip())]
    assert not unreviewed, "\n".join(unreviewed)


def test_the_ledger_scope_holds_no_blind_document():
    scope = ledger.scope_of(LEDGER)
    assert not scope.get("include_blind")
    assert not blind_docs(CORPUS / "manifest.csv") & set(ledger_scope(CORPUS, scope))


# -- the ledger catches every change: a few cases ------------------------------------------

def _gold_row(gold: pd.DataFrame, doc: str, n: int) -> int:
    return gold.index[gold["doc_id"] == doc][n]


@pytest.mark.parametrize("doc, n, field, value", [
    ("000_bfd1838a44fdf888", 3, "value", 1.0),
    ("004_nbs_q3_gb18030", 5, "period", "1999"),
    ("021_gov_trade_stats", 2, "change_basis", "mom"),
    ("017_jd_quarter_commentary", 0, "metric_text", "不相干"),
])
def test_changing_one_gold_field_fails_naming_the_claim(run, doc, n, field, value):
    pred, gold, _, entries = run
    changed = gold.copy()
    row = _gold_row(changed, doc, n)
    changed.loc[row, field] = value
    found = ledger.mismatches(pred, changed, ledger_scope(CORPUS, ledger.scope_of(LEDGER)))
    result = ledger.compare(entries, found, pred, changed)
    named = [m for m in result.regressions if m.doc == doc and m.start == changed.loc[row, "start"]]
    assert named and named[0].field == field
    assert f"{doc} @{changed.loc[row, 'start']}" in ledger.explain(result, pred, changed)


def test_a_dropped_prediction_is_a_regression_and_a_vanished_entry_is_stale(run):
    pred, gold, found, entries = run
    fewer = pred.drop(pred.index[pred["doc_id"] == "005_byd_sales_html"][:1])
    result = ledger.compare(entries, ledger.mismatches(fewer, gold, ["005_byd_sales_html"]), fewer, gold)
    assert any(m.kind == "miss" and m.doc == "005_byd_sales_html" for m in result.regressions)
    ghost = ledger.Entry(ledger.Mismatch("005_byd_sales_html", "spurious", 999999, "1億元"), "grammar", "x")
    assert ledger.compare([ghost], [], pred, gold).stale == [ghost]


def test_a_fixed_mismatch_must_leave_the_ledger(run):
    pred, gold, found, entries = run
    fixed = next(e for e in entries if e.mismatch.key in {m.key for m in found})
    result = ledger.compare([fixed], [m for m in found if m.key != fixed.mismatch.key], pred, gold)
    assert result.fixed == [fixed] and not result.stale
