"""--resume: a run killed half-way and resumed gives the tables of an uninterrupted run —
no document lost, none twice; documents are matched by path and content hash."""
from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_articles import article, outputs, write_articles

from pipeline.cli import main
from pipeline.io.resume import WorkDir
from pipeline.io.worker import process_document

stages = importlib.import_module("pipeline.extract")

# Runs `zhclaims` with a stage that never returns on the sixth article (己能源, doc005).
STALLING = """
import importlib, sys, time
stages = importlib.import_module("pipeline.extract")
real = stages.normalize_text
def stall(text):
    if "己能源" in text:
        time.sleep(3600)
    return real(text)
stages.normalize_text = stall
from pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _extract(folder, out, *options) -> int:
    return main(["extract", str(folder), "-o", str(out), "-q", *options])


def _session_lines(work: Path) -> int:
    return sum(len(p.read_bytes().splitlines()) for p in work.glob("session-*.jsonl"))


def _kill_after(command: list[str], work: Path, lines: int) -> None:
    """Start the command, wait until its work folder holds `lines` results, kill it and its workers."""
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(2400):                                   # a bound, not a timed check
            if process.poll() is not None:
                pytest.fail(f"the run ended before it was killed: {process.stderr.read()}")   # type: ignore[union-attr]
            if work.is_dir() and _session_lines(work) >= lines:
                break
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("jobs", [["-j", "1", "--doc-timeout", "0"], ["-j", "2"]], ids=["in-process", "workers"])
def test_a_killed_run_resumed_gives_the_tables_of_an_uninterrupted_run(tmp_path, jobs, capsys):
    folder = tmp_path / "in"
    write_articles(folder, 12)
    _extract(folder, tmp_path / "whole" / "claims.csv")
    out = tmp_path / "resumed" / "claims.csv"
    command = [sys.executable, "-c", STALLING, "extract", str(folder), "-o", str(out), "-q", *jobs]
    _kill_after(command, WorkDir(out).path, 5)
    assert not out.exists()
    assert _extract(folder, out, "--resume") == 0
    assert "5 done before" in capsys.readouterr().err
    assert outputs(tmp_path / "resumed") == outputs(tmp_path / "whole")
    assert not WorkDir(out).path.exists()


def _interrupted_run(folder: Path, out: Path, monkeypatch) -> None:
    """A run stopped by Ctrl-C on doc005 (in this process)."""
    real = stages.normalize_text

    def interrupt(text):
        if "己能源" in text:
            raise KeyboardInterrupt
        return real(text)
    with monkeypatch.context() as patch:
        patch.setattr(stages, "normalize_text", interrupt)
        with pytest.raises(KeyboardInterrupt):
            _extract(folder, out, "-j", "1", "--doc-timeout", "0")


def test_a_document_changed_since_the_interruption_runs_again(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_articles(folder, 8)
    _interrupted_run(folder, tmp_path / "resumed" / "claims.csv", monkeypatch)
    (folder / "doc001.txt").write_text(article(101), encoding="utf-8")
    _extract(folder, tmp_path / "resumed" / "claims.csv", "--resume")
    _extract(folder, tmp_path / "whole" / "claims.csv")
    assert outputs(tmp_path / "resumed") == outputs(tmp_path / "whole")


def test_without_resume_the_work_of_an_interrupted_run_is_dropped(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_articles(folder, 8)
    _interrupted_run(folder, tmp_path / "again" / "claims.csv", monkeypatch)
    _extract(folder, tmp_path / "again" / "claims.csv")
    _extract(folder, tmp_path / "whole" / "claims.csv")
    assert outputs(tmp_path / "again") == outputs(tmp_path / "whole")


def test_a_result_line_cut_short_by_a_crash_is_run_again(tmp_path):
    paths = [str(p) for p in write_articles(tmp_path / "in", 4)]
    work = WorkDir(tmp_path / "claims.csv")
    work.plan(paths, resume=False)
    work.open_session()
    for path in paths[:2]:
        work.append(process_document(path))
    work.close_session()
    session = work.sessions()[0]
    session.write_bytes(session.read_bytes() + b'{"path": "' + paths[2].encode())     # torn
    todo, accepted = work.plan(paths, resume=True)
    assert todo == paths[2:] and sorted(accepted) == paths[:2]
