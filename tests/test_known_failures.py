"""Known failures on the corpus gold, as strict xfails with their reasons.

Each entry of tests/known_failures.yaml is one test that asserts the pipeline gets
that claim right; it is expected to fail. When a change fixes it, the test XPASSes,
which fails the suite (strict): remove the entry and say so in the commit.
"""
from pathlib import Path

import pytest
import yaml

from pipeline.eval.evaluate import field_equal, load_gold_dir, match_document
from pipeline.io.batch import extract_many

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = yaml.safe_load((ROOT / "tests" / "known_failures.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables():
    pred, _ = extract_many([ROOT / "corpus"], progress=False)
    gold = load_gold_dir(ROOT / "corpus" / "gold", ROOT / "corpus")
    return pred, gold


def _case_id(entry):
    return f"{entry['doc']}@{entry['start']}:{entry.get('field', entry['kind'])}"


@pytest.mark.parametrize("entry", [
    pytest.param(e, id=_case_id(e), marks=pytest.mark.xfail(strict=True, reason=f"{e['category']}: {e['reason']}"))
    for e in ENTRIES
])
def test_known_failure(tables, entry):
    pred, gold = tables
    p_doc = pred[pred["doc_id"] == entry["doc"]].reset_index(drop=True)
    g_doc = gold[gold["doc_id"] == entry["doc"]].reset_index(drop=True)
    pairs = {int(p_doc.loc[pi, "start"]): (pi, gi) for pi, gi in match_document(p_doc, g_doc)}
    if entry["kind"] == "spurious":
        spurious = set(p_doc["start"]) - set(pairs)
        assert entry["start"] not in spurious
        return
    matched = [(pi, gi) for pi, gi in pairs.values() if int(g_doc.loc[gi, "start"]) == entry["start"]]
    assert matched, "the gold claim is not matched at all"
    pi, gi = matched[0]
    field = entry["field"]
    assert field_equal(field, p_doc.loc[pi, field], g_doc.loc[gi, field])


def test_known_failures_are_documented():
    for entry in ENTRIES:
        assert entry["reason"] and entry["category"] in {"lexicon", "share", "scope", "grammar", "judgement"}
        assert entry["kind"] in {"field", "spurious"}
