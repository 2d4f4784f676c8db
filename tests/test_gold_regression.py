"""Gold regression: the pipeline on the bundled corpus, scored against its gold.

Fails when a split's F1 drops below its floor (the floors sit a little under the
scores measured when they were last raised; raise them as the rules improve).
Every gold file must also satisfy the contract's loader checks, and every
extracted claim must keep raw[start:end] == text.
"""
from pathlib import Path

import pytest

from pipeline.eval.splits import evaluate_tables
from pipeline.io.batch import extract_many
from pipeline.io.load import find_articles, load_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

# split → (detection F1 floor, strict F1 floor, per-field accuracy floor)
FLOORS = {
    "all": (0.97, 0.92, 0.92),
    "dev": (0.98, 0.97, 0.95),
    "test": (0.95, 0.86, 0.88),
}


@pytest.fixture(scope="module")
def claims():
    table, errors = extract_many([CORPUS], progress=False)
    assert errors.empty, errors.to_dict("records")
    return table


@pytest.fixture(scope="module")
def scores(claims):
    return evaluate_tables(claims, CORPUS / "gold", CORPUS, CORPUS / "manifest.csv")


def test_every_article_has_gold_and_a_split():
    import pandas as pd
    manifest = pd.read_csv(CORPUS / "manifest.csv", dtype=str)
    articles = {p.stem for p in find_articles([CORPUS])}
    gold = {p.stem for p in (CORPUS / "gold").glob("*.csv")}
    assert articles == gold == set(manifest["doc_id"])
    assert set(manifest["split"]) == {"dev", "test"}


def test_offsets_hold_for_every_claim(claims):
    raws = {p.stem: load_file(p).raw for p in find_articles([CORPUS])}
    for row in claims.itertuples():
        assert raws[row.doc_id][row.start:row.end] == row.text


@pytest.mark.parametrize("split", FLOORS)
def test_scores_stay_above_their_floors(scores, split):
    detection_floor, strict_floor, field_floor = FLOORS[split]
    result = scores[split]
    fields = ", ".join(f"{k} {v:.3f}" for k, v in result.fields.items())
    print(f"\n{split}: detection F1 {result.detection['f1']:.3f}, strict F1 {result.strict['f1']:.3f}; {fields}")
    assert result.detection["f1"] >= detection_floor
    assert result.strict["f1"] >= strict_floor
    strict_fields = ["kind", "value", "value_max", "unit", "qualifier", "change_pct", "change_pp", "change_max",
                     "change_abs", "change_basis", "period", "metric_text"]
    low = {k: round(result.fields[k], 3) for k in strict_fields if result.fields[k] < field_floor}
    assert not low, f"fields below {field_floor}: {low}"


def test_seed_article_meets_the_issue_targets(scores):
    doc = scores["all"].per_document["000_bfd1838a44fdf888"]
    assert doc["detection"]["f1"] >= 0.95
    assert doc["strict"]["f1"] >= 0.90
