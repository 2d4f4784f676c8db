"""Scores of a claim table by corpus split (the manifest's `split` column).

A split whose rows are marked `blind` in the manifest is held out: nobody writing rules
looks at it, so it is not scored (and none of its claims is listed) unless asked for
explicitly — once, when the rule work is done.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import evaluate


def read_manifest(manifest: Path | None) -> pd.DataFrame:
    if manifest is None or not manifest.is_file():
        return pd.DataFrame(columns=["doc_id", "split", "blind"])
    table = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    if "blind" not in table:
        table["blind"] = ""
    return table


def blind_docs(manifest: Path | None) -> set[str]:
    """Documents of held-out (blind) splits."""
    table = read_manifest(manifest)
    return set(table.loc[table["blind"].str.strip().str.lower().isin(["yes", "true", "1"]), "doc_id"])


def splits(manifest: Path | None, docs: list[str], score_blind: bool = False) -> dict[str, list[str]]:
    """{'all': docs, and one entry per split of the manifest}; blind documents are left out
    of every split unless `score_blind`."""
    hidden = set() if score_blind else blind_docs(manifest)
    visible = [d for d in docs if d not in hidden]
    out = {"all": visible}
    table = read_manifest(manifest)
    for name in sorted(set(table["split"])):
        members = [d for d in table.loc[table["split"] == name, "doc_id"] if d in visible]
        if members:
            out[name] = members
    return out


def evaluate_tables(pred: pd.DataFrame, gold_dir: Path, corpus_dir: Path | None, manifest: Path | None,
                    only: list[str] | None = None, score_blind: bool = False) -> dict[str, evaluate.Score]:
    """Scores by split ('all', and the manifest's splits); `only` restricts to those documents."""
    gold = evaluate.load_gold_dir(gold_dir, corpus_dir)
    docs = gold.attrs["docs"]
    if only:
        unknown = sorted(set(only) - set(docs))
        if unknown:
            raise ValueError(f"no gold for {unknown}")
        docs = [d for d in docs if d in only]
        score_blind = score_blind or bool(set(only) & blind_docs(manifest))
    return {name: evaluate.score(pred, gold, members)
            for name, members in splits(manifest, docs, score_blind).items()}
