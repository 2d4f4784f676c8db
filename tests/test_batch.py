"""The batch: the same table for any number of workers, every path accounted for, the
errors table's kinds (input, timeout, bug, warning), exit statuses, atomic outputs."""
from __future__ import annotations

import importlib
import multiprocessing
import os
import subprocess
import sys
import time

import pandas as pd
import pytest
from batch_articles import article, outputs, write_articles

import pipeline.io.load
from pipeline.cli import main
from pipeline.io import runner
from pipeline.io.table import ERROR_COLUMNS, read_table

stages = importlib.import_module("pipeline.extract")     # the module (pipeline.extract is the function)

BAD = {"binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "empty.txt": b""}


@pytest.fixture
def folder(tmp_path):
    """Nine articles, a binary file named .txt and an empty file."""
    articles = tmp_path / "in"
    write_articles(articles, 9)
    for name, data in BAD.items():
        (articles / name).write_bytes(data)
    return articles


@pytest.fixture
def fork_workers(monkeypatch):
    """Workers forked from this process, so that they inherit the test's patches."""
    monkeypatch.setattr(runner, "context", lambda: multiprocessing.get_context("fork"))


def _extract(folder, out, *options) -> int:
    return main(["extract", str(folder), "-o", str(out), "-q", *options])


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_the_tables_are_the_same_for_any_number_of_workers(folder, tmp_path, jobs):
    _extract(folder, tmp_path / "one" / "claims.csv", "-j", "1")
    _extract(folder, tmp_path / "many" / "claims.csv", "-j", jobs)
    assert outputs(tmp_path / "many") == outputs(tmp_path / "one")


def test_rows_are_in_path_order(folder, tmp_path):
    _extract(folder, tmp_path / "claims.csv", "-j", "3")
    doc_ids = list(read_table(tmp_path / "claims.csv")["doc_id"])
    assert doc_ids == sorted(doc_ids) and len(set(doc_ids)) == 9


def test_every_input_path_is_in_the_documents_or_the_errors_table(folder, tmp_path):
    _extract(folder, tmp_path / "claims.csv", "-j", "2")
    documents = pd.read_csv(tmp_path / "claims.documents.csv", keep_default_na=False)
    errors = pd.read_csv(tmp_path / "claims.errors.csv", keep_default_na=False)
    inputs = {str(p) for p in folder.iterdir()}
    assert set(documents["path"]) | set(errors[errors["kind"] != "warning"]["path"]) == inputs
    assert not set(documents["path"]) & set(errors[errors["kind"] != "warning"]["path"])


def test_the_errors_table_has_its_columns_and_sits_beside_the_output(folder, tmp_path):
    _extract(folder, tmp_path / "out.parquet")
    errors = pd.read_csv(tmp_path / "out.errors.csv", keep_default_na=False)
    assert list(errors.columns) == ERROR_COLUMNS
    assert errors.set_index("doc_id").loc["binary", "kind"] == "input"


@pytest.mark.parametrize(("options", "status"), [([], 0), (["--strict"], 1)])
def test_bad_input_fails_the_run_only_with_strict(folder, tmp_path, options, status):
    assert _extract(folder, tmp_path / "claims.csv", *options) == status


def _failing_facts(article):
    if "甲科技" in article.normalized:
        raise RuntimeError("injected engine failure")
    return REAL_FACTS(article)


REAL_FACTS = stages.document_facts


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_engine_bug_is_recorded_with_its_stage_and_traceback_and_exits_3(folder, tmp_path, monkeypatch,
                                                                           fork_workers, jobs):
    monkeypatch.setattr(stages, "document_facts", _failing_facts)
    assert _extract(folder, tmp_path / "claims.csv", "-j", jobs) == 3
    errors = pd.read_csv(tmp_path / "claims.errors.csv", keep_default_na=False)
    bugs = errors[errors["kind"] == "bug"]
    assert set(bugs["stage"]) == {"facts"} and set(bugs["error"]) == {"RuntimeError"}
    assert "injected engine failure" in (tmp_path / "claims.errors.log").read_text(encoding="utf-8")
    assert set(read_table(tmp_path / "claims.csv")["doc_id"]).isdisjoint(bugs["doc_id"])


def _slow_normalize(text):
    if "丙汽車" in text:
        time.sleep(600)
    return REAL_NORMALIZE(text)


REAL_NORMALIZE = stages.normalize_text


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_the_time_limit_is_a_timeout_in_its_stage_and_the_batch_goes_on(
        folder, tmp_path, monkeypatch, fork_workers, jobs):
    monkeypatch.setattr(stages, "normalize_text", _slow_normalize)
    assert _extract(folder, tmp_path / "claims.csv", "-j", jobs, "--doc-timeout", "1") == 0
    errors = pd.read_csv(tmp_path / "claims.errors.csv", keep_default_na=False)
    timeouts = errors[errors["kind"] == "timeout"]
    assert list(timeouts["doc_id"]) == ["doc002"] and list(timeouts["stage"]) == ["normalize"]
    assert len(set(read_table(tmp_path / "claims.csv")["doc_id"])) == 8


def _dying_normalize(text):
    if "丙汽車" in text:
        import os
        os._exit(9)
    return REAL_NORMALIZE(text)


def test_a_worker_that_dies_is_an_engine_failure_and_the_batch_goes_on(folder, tmp_path, monkeypatch, fork_workers):
    monkeypatch.setattr(stages, "normalize_text", _dying_normalize)
    assert _extract(folder, tmp_path / "claims.csv", "-j", "2") == 3
    errors = pd.read_csv(tmp_path / "claims.errors.csv", keep_default_na=False)
    assert list(errors[errors["kind"] == "bug"]["error"]) == ["WorkerDied"]
    assert len(set(read_table(tmp_path / "claims.csv")["doc_id"])) == 8


def test_loader_warnings_are_rows_of_kind_warning(folder, tmp_path, monkeypatch):
    def load_with_warning(path):
        source = REAL_LOAD(path)
        source.warnings = ["2 invalid bytes replaced"]
        return source
    monkeypatch.setattr(pipeline.io.load, "load_file", load_with_warning)
    assert _extract(folder, tmp_path / "claims.csv", "-j", "1", "--doc-timeout", "0") == 0
    errors = pd.read_csv(tmp_path / "claims.errors.csv", keep_default_na=False)
    warnings = errors[errors["kind"] == "warning"]
    assert sorted(warnings["doc_id"]) == [f"doc{n:03d}" for n in range(9)] + ["empty"]
    assert set(warnings["message"]) == {"2 invalid bytes replaced"}


REAL_LOAD = pipeline.io.load.load_file


def test_an_interrupted_run_leaves_no_output_file(folder, tmp_path, monkeypatch):
    def interrupt(text):
        if "丙汽車" in text:
            raise KeyboardInterrupt
        return REAL_NORMALIZE(text)
    monkeypatch.setattr(stages, "normalize_text", interrupt)
    with pytest.raises(KeyboardInterrupt):
        _extract(folder, tmp_path / "claims.csv", "-j", "1", "--doc-timeout", "0")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["in"]


def test_a_new_run_replaces_the_tables_of_an_earlier_one_whole(folder, tmp_path):
    _extract(folder, tmp_path / "claims.csv")
    (folder / "doc000.txt").unlink()
    _extract(folder, tmp_path / "claims.csv")
    assert "doc000" not in set(read_table(tmp_path / "claims.csv")["doc_id"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]       # no temporary left


def test_parquet_parts_hold_the_same_table_as_one_file(folder, tmp_path):
    _extract(folder, tmp_path / "one.parquet")
    _extract(folder, tmp_path / "parts.parquet", "--part-rows", "5")
    assert len(list((tmp_path / "parts.parquet").glob("part-*.parquet"))) == 4
    pd.testing.assert_frame_equal(read_table(tmp_path / "parts.parquet"), read_table(tmp_path / "one.parquet"))


def test_a_file_name_that_is_not_utf8_is_processed_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 2)
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(article(5).encode("utf-8"))
    assert _extract(folder, tmp_path / "claims.csv", "-j", "2") == 0
    documents = pd.read_csv(tmp_path / "claims.documents.csv", keep_default_na=False)
    assert sorted(documents["doc_id"]) == ["caf\\xe9", "doc000", "doc001"]
    assert "caf\\xe9" in set(read_table(tmp_path / "claims.csv")["doc_id"])


def test_help_imports_no_heavy_library():
    code = ("import sys\nfrom pipeline.cli import build_parser\nbuild_parser().format_help()\n"
            "print(sorted(m for m in ('pandas', 'spacy', 'jieba', 'pyarrow', 'opencc') if m in sys.modules))")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert printed.strip() == "[]"


def test_help_documents_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "3  engine failure" in capsys.readouterr().out
