"""Snapshot: the committed outputs/claims.csv equals a fresh run on the corpus.

Any change in behaviour then shows up as a diff of outputs/claims.csv in review.
To accept a change, run `zhclaims run` and commit the new outputs.
"""
from pathlib import Path

import pandas as pd

from pipeline.io.batch import extract_many
from pipeline.io.table import read_table, write_table

ROOT = Path(__file__).resolve().parent.parent


def test_committed_claims_equal_a_fresh_run(tmp_path):
    fresh, _ = extract_many([ROOT / "corpus"], progress=False)
    write_table(fresh, tmp_path / "claims.csv")          # compare like for like: both read from CSV
    committed = read_table(ROOT / "outputs" / "claims.csv")
    pd.testing.assert_frame_equal(committed, read_table(tmp_path / "claims.csv"))
