"""The claim table (contract §2): columns, types, and writing it out.

pandas is imported where a frame is made, not here: a batch writes its tables
without it (io/writers.py), and `zhclaims --help` starts without it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["doc_id", "claim_id", "start", "end", "text", "kind", "subject", "metric", "metric_text",
           "value", "value_max", "unit", "unit_text", "qualifier", "change_pct", "change_pp",
           "change_max", "change_abs", "change_basis", "period", "period_text", "modality", "sentence"]
EXTRA_COLUMNS = ["subject_id", "rule"]
FLOAT_COLUMNS = ["value", "value_max", "change_pct", "change_pp", "change_max", "change_abs"]
INT_COLUMNS = ["start", "end"]
KINDS = {"amount", "count", "ratio", "change"}
QUALIFIERS = {"=", "~", ">", ">=", "<", "<="}
BASES = {"", "yoy", "qoq", "mom"}
MODALITIES = {"actual", "plan", "forecast"}
# The errors table of a batch: kind is input (the file cannot be read: error is the
# loader's reason), timeout, bug (an exception inside the engine: error is its type,
# the traceback is in the log) or warning (the file was read, with a remark).
ERROR_COLUMNS = ["path", "doc_id", "kind", "stage", "error", "message"]
ERROR_KINDS = ("input", "timeout", "bug", "warning")
DOCUMENT_COLUMNS = ["doc_id", "path", "encoding", "format", "characters", "title", "author", "editor", "source",
                    "header_lines", "footer_lines", "sentences", "claims"]


def normalized_record(record: dict) -> dict:
    """A claim record with the table's columns in order and plain types (float or None, int, str)."""
    out: dict = {}
    for column in COLUMNS + EXTRA_COLUMNS:
        value: Any = record.get(column)
        if column in FLOAT_COLUMNS:
            out[column] = None if value is None or value != value else float(value)
        elif column in INT_COLUMNS:
            out[column] = int(value)
        else:
            out[column] = "" if value is None else str(value)
    return out


def to_frame(records: list[dict]) -> pd.DataFrame:
    """A claim table with the contract's columns and types; empty cells are NaN / ''."""
    import pandas as pd
    frame = pd.DataFrame.from_records(records, columns=COLUMNS + EXTRA_COLUMNS)
    for column in FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in INT_COLUMNS:
        frame[column] = frame[column].astype("int64")
    for column in set(COLUMNS + EXTRA_COLUMNS) - set(FLOAT_COLUMNS) - set(INT_COLUMNS):
        frame[column] = frame[column].fillna("").astype(str)
    return frame


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write by extension: .csv (UTF-8, header), .parquet, .jsonl."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8", float_format="%.15g")
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"{path}: unknown output format {suffix!r} (use .csv, .parquet or .jsonl)")


def read_csv_strings(path: str | Path, error: type[ValueError] = ValueError) -> pd.DataFrame:
    """A hand-made CSV file (gold, facts) as strings, or `error` naming the file: not UTF-8
    (with the byte offset), or not a table."""
    import io

    import pandas as pd
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise error(f"{path}: not a CSV table: {' '.join(str(exc).split())}") from None


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """String columns of a claim table given their types (numbers that do not parse are NaN)."""
    import pandas as pd
    for column in FLOAT_COLUMNS:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("float64")
    for column in INT_COLUMNS:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column]).astype("int64")
    return frame.fillna({c: "" for c in frame.columns if c not in FLOAT_COLUMNS})


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a claim table written by `write_table` or a batch (or any CSV with the contract's
    columns); a folder is a Parquet table written in parts."""
    import pandas as pd
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet" or path.is_dir():
        frame = pd.read_parquet(path)
    elif suffix == ".jsonl":
        frame = pd.read_json(path, lines=True, dtype=False)
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return typed(frame)
