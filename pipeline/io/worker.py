"""One document of a batch: read it, extract it, and say what went wrong — never raise.

`process_document(path)` is the per-document code every engine runs (in this process,
in a worker process, on a Dask worker). Its `DocResult` holds the claim records, the
document record and the problem rows of the errors table, and is plain data (it is
pickled to the parent and written as one JSON line to a run's work file).

Kinds of problem (io/table.py `ERROR_KINDS`): `input` — the loader rejected the file
(`LoadError`, its `reason` as the error); `bug` — any other exception, with the stage
it was raised in and its traceback; `warning` — the file was read with a remark
(`Source.warnings`); `timeout` is recorded by the engine that stopped the worker.
"""
from __future__ import annotations

import hashlib
import os
import stat
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .load import doc_id_of, printable
from .table import normalized_record

_HASH_BLOCK = 1 << 20


@dataclass
class DocResult:
    path: str
    doc_id: str
    digest: str                                     # content hash of the file ('' if unreadable)
    records: list[dict] = field(default_factory=list)
    document: dict | None = None
    problems: list[dict] = field(default_factory=list)
    traceback: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> DocResult:
        return cls(**data)

    @property
    def failed(self) -> bool:
        return any(p["kind"] != "warning" for p in self.problems)

    def kinds(self) -> set[str]:
        return {p["kind"] for p in self.problems}


def content_digest(path: str | Path) -> str:
    """BLAKE2b of the file's bytes, '' when it cannot be read or is not a regular file
    (opening a named pipe would wait for a writer forever)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ""
        with open(path, "rb") as handle:
            while block := handle.read(_HASH_BLOCK):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def problem(path: str, kind: str, stage: str, error: str, message: str) -> dict:
    """One row of the errors table; the message is kept to one line."""
    return {"path": printable(path), "doc_id": doc_id_of(path), "kind": kind, "stage": stage, "error": error,
            "message": " ".join(str(message).split())}


def failure(path: str, kind: str, stage: str, error: str, message: str, trace: str = "") -> DocResult:
    """The result of a document that gave no table."""
    return DocResult(path, Path(path).stem, content_digest(path), problems=[problem(path, kind, stage, error, message)],
                     traceback=trace)


def _strip_path(message: str, path: str) -> str:
    """A loader message without the path in front (the table has the path in its own column)."""
    return message[len(path) + 2:] if message.startswith(path + ": ") else message


def process_document(path: str) -> DocResult:
    """Extract one file: its claims and document record, or the reason it gave none."""
    from pipeline.extract import claim_records, current_stage, enter_stage
    from pipeline.io.load import LoadError, load_file

    enter_stage("load")
    try:
        source = load_file(path)
        records, document = claim_records(source)
    except LoadError as exc:
        reason = getattr(exc, "reason", "") or "unreadable"
        return failure(path, "input", current_stage(), reason, _strip_path(str(exc), path))
    except Exception as exc:
        return failure(path, "bug", current_stage(), type(exc).__name__, str(exc) or repr(exc),
                       traceback.format_exc())
    warnings = [problem(path, "warning", "load", "warning", text) for text in getattr(source, "warnings", None) or []]
    doc_id = printable(source.doc_id)
    document = {**document, "path": printable(path), "doc_id": doc_id}
    rows = [normalized_record(r) for r in records]
    if doc_id != source.doc_id:
        for n, row in enumerate(rows, 1):
            row.update(doc_id=doc_id, claim_id=f"{doc_id}#{n}")
    return DocResult(path, doc_id, content_digest(path), rows, document, warnings)


def warm_up() -> None:
    """Load the rules and dictionaries once, before a worker takes its first document: one
    article made of the metric rules' own examples goes through every stage."""
    from pipeline import rules
    from pipeline.extract import claim_records
    from pipeline.io.load import from_text

    sample = "\n".join(example["text"] for example in rules.load("metrics")["examples"][:20])
    claim_records(from_text(sample, "warm-up"))
