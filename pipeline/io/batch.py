"""Batch: many article files → one claim table, never dying on one bad file, never losing one.

`run_batch(paths, output, options)` streams: each document is read, extracted and its
result appended to the run's work file (io/resume.py) one at a time, so memory does not
grow with the batch; when all are done the claim table, the errors table and the
documents table are written from those lines in path order, each to a temporary name
and renamed into place (io/writers.py). Every input path ends up in the documents table
(it was read) or in the errors table (it was not), and its claims in the claim table.

`extract_many` is the in-memory form for small batches (the ledger, tests): DataFrames.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .engines import results
from .load import find_articles
from .resume import WorkDir
from .table import DOCUMENT_COLUMNS, ERROR_COLUMNS
from .worker import DocResult
from .writers import TableFile, check_format, claim_file, write_text_atomically

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_TIMEOUT = 60.0


@dataclass
class Options:
    jobs: int = 1
    timeout: float | None = DEFAULT_TIMEOUT       # seconds per document; None or 0: no limit
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    progress: bool = False
    errors: str | None = None                     # default: <output stem>.errors.csv
    documents: str | None = None                  # default: <output stem>.documents.csv
    part_rows: int = 0                            # Parquet: a folder of parts of this many rows
    on_result: Callable[[DocResult], None] | None = None


@dataclass
class Summary:
    documents: int = 0                            # input paths
    skipped: int = 0                              # already done by an interrupted run (--resume)
    claims: int = 0
    kinds: Counter = field(default_factory=Counter)     # problem rows by kind
    failed: Counter = field(default_factory=Counter)    # documents without a table, by kind
    elapsed: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)


def companion(output: str | Path, name: str) -> Path:
    """The table beside `output` for `name`: claims.csv → claims.errors.csv."""
    output = Path(output)
    return output.parent / f"{output.stem}.{name}.csv"


class _NoBar:
    """A progress bar that shows nothing (tqdm, which imports importlib.metadata, is not loaded)."""

    def update(self) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    tqdm.monitor_interval = 0                    # no monitor thread: workers are forked
    return tqdm(total=total, unit="doc", leave=False)


def run_batch(paths: Iterable[str | Path], output: str | Path, options: Options | None = None) -> Summary:
    """Extract every article under `paths` into `output` (.csv, .jsonl, .parquet)."""
    options = options or Options()
    check_format(output)
    started = time.perf_counter()
    files = [str(p) for p in find_articles(list(paths))]
    work = WorkDir(output)
    todo, accepted = work.plan(files, options.resume)
    summary = Summary(documents=len(files), skipped=len(files) - len(todo))
    session = work.open_session()
    bar = _progress(len(todo), options.progress)
    try:
        for result in results(todo, options.jobs, options.timeout or None, options.engine, options.scheduler):
            work.append(result)
            bar.update()
            if options.on_result:
                options.on_result(result)
    finally:
        bar.close()
        work.close_session()
    accepted.update(dict.fromkeys(todo, session))
    _write_tables(work.merged(files, accepted), output, options, summary)
    work.remove()
    summary.elapsed = time.perf_counter() - started
    return summary


def _write_tables(merged: Iterable[DocResult], output: str | Path, options: Options, summary: Summary) -> None:
    outputs = {"claims": Path(output), "errors": Path(options.errors or companion(output, "errors")),
               "documents": Path(options.documents or companion(output, "documents"))}
    outputs["log"] = outputs["errors"].with_suffix(".log")          # claims.errors.csv → claims.errors.log
    tables = {"claims": claim_file(outputs["claims"], options.part_rows),
              "errors": TableFile(outputs["errors"], ERROR_COLUMNS),
              "documents": TableFile(outputs["documents"], DOCUMENT_COLUMNS)}
    log: list[str] = []
    try:
        for result in merged:
            tables["claims"].add(result.records)
            tables["errors"].add(result.problems)
            tables["documents"].add([result.document] if result.document else [])
            _count(result, summary, log)
        for table in tables.values():
            table.commit()
    except BaseException:
        for table in tables.values():
            table.abort()
        raise
    if log:
        write_text_atomically(outputs["log"], "".join(log))
    else:
        outputs["log"].unlink(missing_ok=True)        # no engine failure: no stale log from before
        del outputs["log"]
    summary.outputs = outputs


def _count(result: DocResult, summary: Summary, log: list[str]) -> None:
    summary.claims += len(result.records)
    summary.kinds.update(p["kind"] for p in result.problems)
    if result.document is None:
        summary.failed.update(p["kind"] for p in result.problems if p["kind"] != "warning")
    if result.traceback:
        stage = result.problems[0]["stage"] if result.problems else ""
        log.append(f"=== {result.path} (doc_id {result.doc_id}, stage {stage})\n{result.traceback}\n")


def describe(result: DocResult) -> list[str]:
    """One line per problem of a result, for the terminal (warnings left out)."""
    return [f"{p['kind']}: {p['path']}: [{p['stage']}] {p['error']}: {p['message']}"
            for p in result.problems if p["kind"] != "warning"]


def print_problems(result: DocResult) -> None:
    for line in describe(result):
        print(line, file=sys.stderr)


def extract_many(paths: list[str | Path], jobs: int = 1, progress: bool = True, documents: list | None = None,
                 timeout: float | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims of every article found under `paths`, the files that gave none: ERROR_COLUMNS),
    in memory, one table for the batch. When `documents` is a list, each article's document
    record is appended to it."""
    import pandas as pd

    from .table import to_frame

    files = [str(p) for p in find_articles(paths)]
    bar = _progress(len(files), progress)
    records: list[dict] = []
    problems: list[dict] = []
    for result in results(files, jobs, timeout):
        records.extend(result.records)
        problems.extend(p for p in result.problems if p["kind"] != "warning")
        if documents is not None and result.document is not None:
            documents.append(result.document)
        bar.update()
    bar.close()
    return to_frame(records), pd.DataFrame(problems, columns=ERROR_COLUMNS)
