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
from pipeline.io.batch import Options
from pipeline.io.load import printable


@dataclass
class Outcome:
    """What the batch did with each input, keyed by printable path."""
    claims: dict[str, list[tuple]] = field(default_factory=dict)     # processed: (start, end, text, value) rows
    errors: dict[str, dict] = field(default_factory=dict)            # refused or failed: its errors-table row
    reasons: dict[str, str] = field(default_factory=dict)            # refused on loading: LoadError.reason
    warnings: dict[str, list[str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _value(value) -> float | None:
    return None if value is None or value != value else float(value)      # NaN is None: tuples compare


def run_batch(folder: Path) -> Outcome:
    """The one place that knows the batch API: `run_batch` as `zhclaims extract` runs it (in
    this process, no time limit), each document's result watched as it is written."""
    outcome, last = Outcome(), [time.perf_counter()]

    def watch(result) -> None:
        now, key = time.perf_counter(), printable(result.path)
        outcome.seconds[key], last[0] = now - last[0], now
        outcome.warnings[key] = [p["message"] for p in result.problems if p["kind"] == "warning"]
        refused = [p for p in result.problems if p["kind"] != "warning"]
        if refused:
            outcome.errors[key] = refused[0]
            if refused[0]["kind"] == "input":
                outcome.reasons[key] = refused[0]["error"]
        else:
            outcome.claims[key] = [(r["start"], r["end"], r["text"], _value(r["value"])) for r in result.records]

    out = folder.parent / f"{folder.name}-out"
    out.mkdir(exist_ok=True)
    pipeline.io.batch.run_batch([folder], out / "claims.csv", Options(jobs=1, timeout=None, on_result=watch))
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
    rows = [(row.start, row.end, row.text, _value(row.value)) for row in extract(text).itertuples()]
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


def test_every_refusal_names_the_file_and_says_why_in_one_line(batch):
    _, outcome = batch
    for key, row in outcome.errors.items():
        assert row["path"] == key and row["error"] and row["message"] and "\n" not in row["message"]


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


def test_a_refused_file_named_in_another_encoding_is_recorded(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"image\xff.txt"), "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
    summary = pipeline.io.batch.run_batch([folder], tmp_path / "claims.csv", Options(jobs=1, timeout=None))
    errors = (tmp_path / "claims.errors.csv").read_text(encoding="utf-8")
    assert summary.failed["input"] == 1 and "image\\xff.txt" in errors and ",binary," in errors
