"""Scores of a claim table by corpus split (the manifest's `split` column)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import evaluate


def splits(manifest: Path | None, docs: list[str]) -> dict[str, list[str]]:
    """{'all': docs, and one entry per split of the manifest (doc_id, split columns)}."""
    out = {"all": docs}
    if manifest and manifest.is_file():
        table = pd.read_csv(manifest, dtype=str, keep_default_na=False)
        for name in sorted(set(table["split"])):
            members = [d for d in table.loc[table["split"] == name, "doc_id"] if d in docs]
            if members:
                out[name] = members
    return out


def evaluate_tables(pred: pd.DataFrame, gold_dir: Path, corpus_dir: Path | None, manifest: Path | None,
                    only: list[str] | None = None) -> dict[str, evaluate.Score]:
    """Scores by split ('all', and the manifest's splits); `only` restricts to those documents."""
    gold = evaluate.load_gold_dir(gold_dir, corpus_dir)
    docs = gold.attrs["docs"]
    if only:
        unknown = sorted(set(only) - set(docs))
        if unknown:
            raise ValueError(f"no gold for {unknown}")
        docs = [d for d in docs if d in only]
    return {name: evaluate.score(pred, gold, members) for name, members in splits(manifest, docs).items()}
