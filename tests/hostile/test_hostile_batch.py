"""A batch over hostile inputs beside good articles (issue 12): every input is processed or
refused with its reason, nothing is lost, nothing crashes. The figures (inputs, processed,
rejected, crashed, lost, the slowest document) are printed, not asserted."""
from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile_inputs import CASES, Expect, write_inputs

import pipeline.io.batch
from pipeline import extract
from pipeline.io.load import LoadError, load_file, printable


@dataclass
class Outcome:
    """What the batch did with each input, keyed by printable path."""
    claims: dict[str, list[tuple]] = field(default_factory=dict)     # processed: (start, end, text, value) rows
    errors: dict[str, str] = field(default_factory=dict)             # refused or failed: the message
    reasons: dict[str, str] = field(default_factory=dict)            # refused on loading: LoadError.reason
    warnings: dict[str, list[str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def run_batch(folder: Path) -> Outcome:
    """The one place that knows the batch API: `extract_many` as it is today, in one process,
    with its loader and extractor watched (reasons, warnings and seconds per document)."""
    outcome, started = Outcome(), {}

    def load(path):
        key = printable(path)
        started[key] = time.perf_counter()
        try:
            source = load_file(path)
        except LoadError as exc:
            outcome.reasons[key] = exc.reason
            raise
        outcome.warnings[key] = list(source.warnings)
        return source

    def extract_one(source):
        try:
            return extract_with_metadata(source)
        finally:
            outcome.seconds[source.path] = time.perf_counter() - started[source.path]

    extract_with_metadata = pipeline.io.batch.extract_with_metadata
    documents: list[dict] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline.io.batch, "load_file", load)
        patch.setattr(pipeline.io.batch, "extract_with_metadata", extract_one)
        claims, errors = pipeline.io.batch.extract_many([folder], jobs=1, progress=False, documents=documents)
    paths = {document["doc_id"]: document["path"] for document in documents}
    for document in documents:
        outcome.claims[document["path"]] = []
    for row in claims.itertuples():
        outcome.claims[paths[row.doc_id]].append((row.start, row.end, row.text, row.value))
    outcome.errors = {printable(row.path): row.error for row in errors.itertuples()}
    return outcome


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    written = write_inputs(folder)
    cases = {name: {printable(path): expect for path, expect in inputs.items()} for name, inputs in written.items()}
    try:
        yield cases, run_batch(folder)
    finally:
        for path in folder.rglob("*"):                 # unlock what the cases locked, then clean up (50 MB)
            if not path.is_symlink():
                os.chmod(path, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def _claims(text: str, anchors: bool) -> list[tuple]:
    rows = [(row.start, row.end, row.text, row.value) for row in extract(text).itertuples()]
    return rows if anchors else [row[2:] for row in rows]


def _check(expect: Expect, key: str, outcome: Outcome) -> None:
    if expect.kind == "reject":
        assert outcome.reasons.get(key) == expect.detail, outcome.errors.get(key, "not refused")
        return
    assert key not in outcome.errors, outcome.errors.get(key)
    got = outcome.claims[key]
    if expect.kind == "same":
        assert (got if expect.anchors else [row[2:] for row in got]) == _claims(expect.clean, expect.anchors)
    elif expect.kind == "claims":
        assert got
    elif expect.kind == "warn":
        assert any(expect.detail in warning for warning in outcome.warnings[key]), outcome.warnings[key]


@pytest.mark.parametrize("name", [case.name for case in CASES])
def test_each_input_is_processed_or_refused_as_expected(batch, name):
    cases, outcome = batch
    for key, expect in cases[name].items():
        _check(expect, key, outcome)


def _inputs(cases: dict[str, dict[str, Expect]]) -> dict[str, Expect]:
    return {key: expect for inputs in cases.values() for key, expect in inputs.items()}


def test_nothing_is_lost_and_nothing_is_counted_twice(batch):
    cases, outcome = batch
    expected = _inputs(cases)
    assert set(outcome.claims).isdisjoint(outcome.errors)
    assert set(outcome.claims) | set(outcome.errors) == set(expected)


def test_nothing_crashes(batch):
    """Every failure is an input refused on loading with a reason: no engine exception."""
    _, outcome = batch
    assert set(outcome.errors) == set(outcome.reasons)


def test_every_refusal_names_the_file_in_one_line(batch):
    _, outcome = batch
    for key, message in outcome.errors.items():
        assert key in message and "\n" not in message


def test_document_ids_are_unique_so_claims_map_to_files(batch):
    cases, _ = batch
    stems = Counter(Path(key).stem for key in _inputs(cases))
    assert max(stems.values()) == 1


def test_figures(batch):
    """Inputs tried, processed, rejected, crashed, lost and the slowest document (printed)."""
    cases, outcome = batch
    expected = _inputs(cases)
    crashed = set(outcome.errors) - set(outcome.reasons)
    lost = set(expected) - set(outcome.claims) - set(outcome.errors)
    slowest = max(outcome.seconds, key=outcome.seconds.__getitem__)
    print(f"\nhostile batch: {len(expected)} inputs, {len(outcome.claims)} processed "
          f"({sum(bool(w) for w in outcome.warnings.values())} with warnings), {len(outcome.reasons)} rejected, "
          f"{len(crashed)} crashed, {len(lost)} lost; slowest document {outcome.seconds[slowest]:.2f} s "
          f"({Path(slowest).name})")
    assert len(outcome.claims) + len(outcome.errors) == len(expected)


@pytest.mark.xfail(strict=True, reason="extract_many puts the raw path (with surrogates) in the errors table and "
                   "crashes building it; the batch (issue 11) should use printable(path) and doc_id_of(path)")
def test_a_refused_file_named_in_another_encoding_is_recorded(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"image\xff.txt"), "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
    _, errors = pipeline.io.batch.extract_many([tmp_path], progress=False)
    errors.to_csv(tmp_path / "errors.csv", index=False)
