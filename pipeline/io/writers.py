"""Streaming table files that appear whole or not at all.

Every writer writes to a temporary name in the folder of its target and renames it
onto the target in `commit()` (a rename within a folder is atomic), so a crash never
leaves a half-written file where a complete one is expected. Rows are buffered and
written one chunk at a time (`CHUNK_ROWS`): CSV and JSON lines are appended, Parquet
gets one row group per chunk, or one part file per `part_rows` rows in a folder.
pyarrow is imported only for Parquet, pandas never.
"""
from __future__ import annotations

import csv
import glob
import json
import os
import shutil
from pathlib import Path
from typing import IO, Any

from .table import COLUMNS, EXTRA_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

CHUNK_ROWS = 5000
FORMATS = (".csv", ".jsonl", ".parquet")


def check_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown output format {suffix!r} (use .csv, .parquet or .jsonl)")
    return suffix


def temporary_name(target: Path) -> Path:
    """A hidden name beside `target`, unique to this process."""
    return target.parent / f".{target.name}.tmp-{os.getpid()}"


def _remove_stale(target: Path) -> None:
    """Temporaries of `target` left by a run that was killed while it wrote its tables."""
    for stale in target.parent.glob(glob.escape(f".{target.name}") + ".tmp-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


def _replace(temporary: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)               # a folder of parts from an earlier run
    elif temporary.is_dir() and target.exists():
        target.unlink()
    os.replace(temporary, target)


def _cell(value: Any) -> str:
    if value is None or value != value:
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


class TableFile:
    """A table written row chunk by row chunk to a temporary file, renamed when complete."""

    def __init__(self, target: str | Path, columns: list[str], part_rows: int = 0):
        self.target = Path(target)
        self.columns = columns
        self.rows = 0
        self._buffer: list[dict] = []
        self._suffix = check_format(self.target)
        self._part_rows = part_rows if self._suffix == ".parquet" else 0
        self.target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(self.target)
        self._temporary = temporary_name(self.target)
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self._parquet: Any = None
        self._parts = 0
        self._open()

    def _open(self) -> None:
        if self._suffix == ".csv":
            self._handle = open(self._temporary, "w", encoding="utf-8", newline="")
            self._csv = csv.writer(self._handle, lineterminator="\n")
            self._csv.writerow(self.columns)
        elif self._suffix == ".jsonl":
            self._handle = open(self._temporary, "w", encoding="utf-8")
        elif self._part_rows:
            self._temporary.mkdir()

    def add(self, rows: list[dict]) -> None:
        self._buffer.extend(rows)
        self.rows += len(rows)
        size = self._part_rows or CHUNK_ROWS
        while len(self._buffer) >= size:
            self._write(self._buffer[:size])
            del self._buffer[:size]

    def _flush(self) -> None:
        rows, self._buffer = self._buffer, []
        if rows:
            self._write(rows)

    def _write(self, rows: list[dict]) -> None:
        if self._csv is not None:
            self._csv.writerows([_cell(row.get(c)) for c in self.columns] for row in rows)
        elif self._handle is not None:
            self._handle.writelines(json.dumps({c: _json(row.get(c)) for c in self.columns}, ensure_ascii=False) + "\n"
                                    for row in rows)
        else:
            self._write_parquet(rows)

    def _write_parquet(self, rows: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(self.columns)
        table = pa.Table.from_pylist(rows, schema=schema)
        if self._part_rows:
            pq.write_table(table, self._temporary / f"part-{self._parts:05d}.parquet")
            self._parts += 1
            return
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._temporary, schema)
        self._parquet.write_table(table)

    def commit(self) -> None:
        """Write what is left and put the file in place of the target."""
        self._flush()
        if self._suffix == ".parquet" and self._parquet is None and not self._parts:
            self._write_parquet([])                 # an empty table still has its columns
        self._close()
        _replace(self._temporary, self.target)

    def abort(self) -> None:
        self._close()
        if self._temporary.is_dir():
            shutil.rmtree(self._temporary, ignore_errors=True)
        else:
            self._temporary.unlink(missing_ok=True)

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None


def _json(value: Any) -> Any:
    return None if isinstance(value, float) and value != value else value


def arrow_schema(columns: list[str]) -> Any:
    """The Arrow types of a table's columns: int64 offsets, float64 numbers, strings otherwise."""
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in INT_COLUMNS:
            return pa.int64()
        return pa.float64() if column in FLOAT_COLUMNS else pa.string()
    return pa.schema([(c, kind(c)) for c in columns])


def claim_file(target: str | Path, part_rows: int = 0) -> TableFile:
    return TableFile(target, COLUMNS + EXTRA_COLUMNS, part_rows)


def write_text_atomically(target: str | Path, text: str) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_name(target)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
