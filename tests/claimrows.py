"""Small claim tables for the review tests: one call per claim, only the fields that matter."""
from __future__ import annotations

import pandas as pd

from pipeline.io.table import COLUMNS, EXTRA_COLUMNS, FLOAT_COLUMNS, to_frame


def claim(doc: str, n: int, text: str, value: float | None, *, metric: str, period: str, sentence: str,
          period_text: str | None = None, subject: str = "騰訊", kind: str = "amount", unit: str = "CNY",
          metric_text: str = "", **fields) -> dict:
    """A claim row; its period phrase defaults to one written in its sentence, its anchor
    sits where `text` is in the sentence (offsets count sentences 1000 characters apart)."""
    at = sentence.find(text)
    start = n * 1000 + max(at, 0)
    row = {"doc_id": doc, "claim_id": f"{doc}#{n}", "start": start, "end": start + len(text), "text": text,
           "kind": kind, "subject": subject, "metric": metric, "metric_text": metric_text, "value": value,
           "unit": unit, "qualifier": "=", "period": period, "modality": "actual", "sentence": sentence,
           "period_text": period_text if period_text is not None else (period + "年" if period.isdigit() else "")}
    row.update(fields)
    return {**{c: "" for c in COLUMNS + EXTRA_COLUMNS if c not in FLOAT_COLUMNS}, **row}


def table(*rows: dict) -> pd.DataFrame:
    return to_frame(list(rows))
