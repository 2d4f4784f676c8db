"""Evaluate: score a predicted claim table against gold (contract §4–5).

Matching is per document: pairs whose anchors overlap, taken greedily by
largest overlap, then smallest start distance; each claim matches once.
Detection counts matched pairs; strict counts pairs right on every strict field.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import rules
from pipeline.claims.entities import entity_id
from pipeline.io.load import LoadError, find_articles, load_file
from pipeline.io.table import BASES, FLOAT_COLUMNS, INT_COLUMNS, KINDS, MODALITIES, QUALIFIERS, read_csv_strings, typed

GOLD_REQUIRED = ["doc_id", "start", "end", "text", "kind", "metric_text", "value", "value_max", "unit",
                 "qualifier", "change_pct", "change_pp", "change_max", "change_abs", "change_basis",
                 "period", "modality"]
NUMBER_FIELDS = ["value", "value_max", "change_pct", "change_pp", "change_max", "change_abs"]
STRING_FIELDS = ["kind", "unit", "qualifier", "change_basis", "period", "modality", "subject", "metric"]
STRICT_FIELDS = ["kind", "value", "value_max", "unit", "qualifier", "change_pct", "change_pp",
                 "change_max", "change_abs", "change_basis", "period", "metric_text"]
REPORT_FIELDS = STRICT_FIELDS + ["modality", "subject", "metric"]
LEDGER_FIELDS = REPORT_FIELDS          # every field the regression ledger follows


class GoldError(ValueError):
    """A gold file that breaks the contract; the message names the file and row."""


def _metric_ids() -> frozenset[str]:
    return frozenset(rules.load("metrics")["metrics"])


def load_gold(path: str | Path, raw: str | None = None, check_metrics: bool = True) -> pd.DataFrame:
    """Read and validate one gold file; `raw` is the article's decoded raw text. A metric id
    must be one the metric lexicon defines (rules/metrics.yaml) unless `check_metrics` is off."""
    path = Path(path)
    frame = read_csv_strings(path, GoldError)
    missing = [c for c in GOLD_REQUIRED if c not in frame.columns]
    if missing:
        raise GoldError(f"{path}: missing columns {missing}")
    _check_numbers(frame, path)
    frame = typed(frame)
    frame["qualifier"] = frame["qualifier"].replace("", "=")
    checks = [("kind", KINDS), ("change_basis", BASES), ("qualifier", QUALIFIERS), ("modality", MODALITIES)]
    for line, (_, row) in enumerate(frame.iterrows(), start=2):   # the header is line 1
        for column, allowed in checks:
            if str(row[column]).strip() not in allowed:
                raise GoldError(f"{path}: row {line}: unknown {column} {row[column]!r}")
        metric = str(row.get("metric", "")).strip()
        if check_metrics and metric and metric not in _metric_ids():
            raise GoldError(f"{path}: row {line}: metric id {metric!r} is not defined in rules/metrics.yaml "
                            f"(fix the gold or the lexicon)")
        if raw is not None and raw[row["start"]:row["end"]] != row["text"]:
            raise GoldError(f"{path}: row {line}: raw[{row['start']}:{row['end']}] is "
                            f"{raw[row['start']:row['end']]!r}, not {row['text']!r}")
    return frame


def _check_numbers(frame: pd.DataFrame, path: Path) -> None:
    """Offsets are whole numbers and numeric fields numbers (or empty), row by row."""
    for line, row in enumerate(frame.to_dict("records"), start=2):
        for column in INT_COLUMNS:
            if not str(row[column]).strip().isdigit():
                raise GoldError(f"{path}: row {line}: {column} {row[column]!r} is not an offset (a whole number)")
        for column in FLOAT_COLUMNS:
            value = str(row.get(column, "")).strip()
            if value and not math.isfinite(_number(value)):
                raise GoldError(f"{path}: row {line}: {column} {row[column]!r} is not a number")


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def load_gold_dir(gold_dir: str | Path, corpus_dir: str | Path | None = None,
                  check_metrics: bool = True) -> pd.DataFrame:
    """Every gold file of a folder, each checked against its article when it can be found."""
    gold_dir = Path(gold_dir)
    corpus_dir = Path(corpus_dir) if corpus_dir else gold_dir.parent
    articles = {p.stem: p for p in find_articles([corpus_dir])} if corpus_dir.is_dir() else {}
    frames = []
    for path in sorted(gold_dir.glob("*.csv")):
        raw = None
        if path.stem in articles:
            try:
                raw = load_file(articles[path.stem]).raw
            except LoadError as exc:
                raise GoldError(f"{path}: its article cannot be read: {exc}") from exc
        frames.append(load_gold(path, raw, check_metrics))
    if not frames:
        raise GoldError(f"{gold_dir}: no gold files (*.csv)")
    gold = pd.concat(frames, ignore_index=True)
    gold.attrs["docs"] = sorted(p.stem for p in gold_dir.glob("*.csv"))   # a file may have no rows
    return gold


def _number_equal(a, b) -> bool:
    a_empty = a is None or (isinstance(a, float) and math.isnan(a))
    b_empty = b is None or (isinstance(b, float) and math.isnan(b))
    if a_empty or b_empty:
        return a_empty and b_empty
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=0.0) or float(a) == float(b)


def field_equal(name: str, predicted, gold) -> bool:
    """Contract §5.3: numbers within 1e-6 relative, strings trimmed, metric_text by containment."""
    if name in NUMBER_FIELDS:
        return _number_equal(predicted, gold)
    p, g = str(predicted or "").strip(), str(gold or "").strip()
    if name == "qualifier":
        p, g = p or "=", g or "="
    if name in ("metric_text", "subject"):          # one may contain the other (§5.3; subjects likewise)
        return (not p and not g) or (bool(p) and bool(g) and (p in g or g in p))
    return p == g


def same_entity(predicted: pd.Series, gold: pd.Series) -> bool:
    """A subject is right as in §5.3 (equal, or one contains the other), or when the gold name
    resolves in the entity table to the predicted row's subject_id (a short and a full name):
    an extra figure beside the contract's, for names written in two forms."""
    if field_equal("subject", predicted.get("subject"), gold.get("subject")):
        return True
    ident = str(predicted.get("subject_id") or "")
    return bool(ident) and entity_id(str(gold.get("subject") or "")) == ident


def match_document(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[Any, Any]]:
    """Greedy overlap matching of one document: (pred index, gold index) pairs. Each predicted
    claim is set only against the gold claims that can overlap it (found by bisection on their
    starts, within the longest gold span), not against every gold claim."""
    spans = sorted(zip(gold["start"].astype(int), gold["end"].astype(int), gold.index, strict=True))
    starts = [s for s, _e, _i in spans]
    longest = max((e - s for s, e, _i in spans), default=0)
    candidates = []
    for pi, ps, pe in zip(pred.index, pred["start"].astype(int), pred["end"].astype(int), strict=True):
        for gs, ge, gi in spans[bisect.bisect_left(starts, ps - longest):bisect.bisect_left(starts, pe)]:
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                candidates.append((-overlap, abs(ps - gs), pi, gi))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, pi, gi in candidates:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def by_document(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Each document's rows, grouped once (not a scan of the whole table per document). The
    grouped frames drop the table's attrs: pandas deep-copies them into every row read after."""
    plain = table.copy(deep=False)
    plain.attrs = {}
    return {str(doc): rows.reset_index(drop=True) for doc, rows in plain.groupby("doc_id", sort=False)}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "predicted": n_pred, "gold": n_gold}


@dataclass
class Score:
    detection: dict
    strict: dict
    fields: dict                                   # field → accuracy over matched pairs
    per_document: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)      # gold rows with no match
    spurious: list = field(default_factory=list)    # predicted rows with no match
    wrong: list = field(default_factory=list)       # (doc, field, pred, gold, text)


def score(pred: pd.DataFrame, gold: pd.DataFrame, docs: list[str] | None = None) -> Score:
    """Score `pred` against `gold` over `docs` (default: every document in gold)."""
    docs = (gold.attrs.get("docs") or sorted(set(gold["doc_id"]))) if docs is None else docs
    totals = {"matched": 0, "strict": 0, "pred": 0, "gold": 0}
    field_right = {f: 0 for f in REPORT_FIELDS} | {"subject_entity": 0}
    result = Score({}, {}, {})
    by_doc_pred, by_doc_gold = by_document(pred), by_document(gold)
    for doc in docs:
        p_doc = by_doc_pred.get(doc, pred.iloc[0:0])
        g_doc = by_doc_gold.get(doc, gold.iloc[0:0])
        pairs = match_document(p_doc, g_doc)
        strict = 0
        for pi, gi in pairs:
            p, g = p_doc.loc[pi], g_doc.loc[gi]
            all_right = True
            field_right["subject_entity"] += same_entity(p, g)
            for name in REPORT_FIELDS:
                if name not in g or name not in p:
                    field_right[name] += 1
                    continue
                if field_equal(name, p[name], g[name]):
                    field_right[name] += 1
                else:
                    if name in STRICT_FIELDS:
                        all_right = False
                    result.wrong.append((doc, name, p[name], g[name], g["text"], int(str(g["start"]))))
            strict += all_right
        matched_p = {pi for pi, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        result.misses += [g for gi, g in g_doc.iterrows() if gi not in matched_g]
        result.spurious += [p for pi, p in p_doc.iterrows() if pi not in matched_p]
        result.per_document[doc] = {"detection": _prf(len(pairs), len(p_doc), len(g_doc)),
                                    "strict": _prf(strict, len(p_doc), len(g_doc))}
        totals["matched"] += len(pairs)
        totals["strict"] += strict
        totals["pred"] += len(p_doc)
        totals["gold"] += len(g_doc)
    result.detection = _prf(totals["matched"], totals["pred"], totals["gold"])
    result.strict = _prf(totals["strict"], totals["pred"], totals["gold"])
    result.fields = {f: (right / totals["matched"] if totals["matched"] else 0.0) for f, right in field_right.items()}
    return result
