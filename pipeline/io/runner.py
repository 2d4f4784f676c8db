"""Worker processes that can be stopped: the per-document time limit.

A `Runner` is one child process that takes paths one at a time over a pipe and sends
back `DocResult`s. While it works it writes the stage it is in into a small shared
buffer (`pipeline.extract.set_stage_hook`), so when a document runs past its time
limit the parent kills the child, records a timeout with that stage, and starts a
fresh child (forked from the warmed-up parent: a restart costs milliseconds).

`local_results()` spreads documents over N runners and yields the results in input
order (a bounded reorder window keeps memory flat), whatever N is.
"""
from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from .worker import DocResult, failure, process_document, warm_up

_STAGE_BYTES = 32
WINDOW_PER_JOB = 8               # documents in flight or waiting per worker, at most


def _child_main(conn: Connection, stage: Any, warm: bool) -> None:
    from pipeline.extract import set_stage_hook

    signal.signal(signal.SIGINT, signal.SIG_IGN)        # the parent handles Ctrl-C and stops us
    if warm:
        warm_up()

    def publish(name: str) -> None:
        stage.value = name.encode("ascii", "replace")[:_STAGE_BYTES - 1]

    set_stage_hook(publish)
    while True:
        try:
            message = conn.recv()
        except EOFError:                                 # the parent is gone
            return
        if message is None:
            return
        seq, path = message
        conn.send((seq, process_document(path)))


def context() -> Any:
    """fork from a single-threaded parent (workers inherit its warmed-up state), else spawn."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class Runner:
    """One worker process, one document at a time, stoppable."""

    def __init__(self, ctx: Any):
        self._ctx = ctx
        self.task: tuple[int, str, float] | None = None    # (seq, path, deadline)
        self._start()

    def _start(self) -> None:
        self.stage = self._ctx.RawArray("c", _STAGE_BYTES)
        self.conn, child = self._ctx.Pipe()
        warm = self._ctx.get_start_method() != "fork"
        self.process = self._ctx.Process(target=_child_main, args=(child, self.stage, warm), daemon=True)
        self.process.start()
        child.close()

    def submit(self, seq: int, path: str, timeout: float | None) -> None:
        self.stage.value = b""
        try:
            self.conn.send((seq, path))
        except OSError:                                  # the idle worker died: start another
            self._restart()
            self.conn.send((seq, path))
        self.task = (seq, path, time.monotonic() + timeout if timeout else float("inf"))

    def _stage(self) -> str:
        return self.stage.value.decode("ascii", "replace") or "start"

    def collect(self) -> tuple[int, DocResult]:
        """The result of the current document (a bug result if the worker died on it)."""
        assert self.task is not None
        seq, path, _ = self.task
        try:
            received_seq, result = self.conn.recv()
        except (EOFError, OSError):
            stage = self._stage()
            self.process.join(1)
            status = self.process.exitcode
            self._restart()
            return seq, failure(path, "bug", stage, "WorkerDied",
                                f"the worker process ended (status {status}) in stage {stage}")
        self.task = None
        return received_seq, result

    def stop(self, timeout: float | None) -> tuple[int, DocResult]:
        """Kill the worker over time on its document: the document is a timeout error."""
        assert self.task is not None
        seq, path, _ = self.task
        stage = self._stage()
        self._restart()
        return seq, failure(path, "timeout", stage, "timeout",
                            f"no result within {timeout:g} s; stopped in stage {stage}")

    def run_one(self, path: str, timeout: float | None) -> DocResult:
        """Process one document and wait for it, within the time limit."""
        self.submit(0, path, timeout)
        if self.conn.poll(timeout):
            return self.collect()[1]
        return self.stop(timeout)[1]

    def _restart(self) -> None:
        self.close(kill=True)
        self.task = None
        self._start()

    def close(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _wait_time(busy: dict[Connection, Runner]) -> float | None:
    deadlines = [r.task[2] for r in busy.values() if r.task]
    soonest = min(deadlines, default=float("inf"))
    return None if soonest == float("inf") else max(0.0, soonest - time.monotonic())


def _pooled(paths: Sequence[str], jobs: int, timeout: float | None) -> Iterator[DocResult]:
    ctx = context()
    if ctx.get_start_method() == "fork" and len(paths) > 1:
        warm_up()          # once, in the parent: every fork inherits it (one document would pay for it twice)
    runners = [Runner(ctx) for _ in range(max(1, min(jobs, len(paths))))]
    idle, busy = list(runners), {}
    done: dict[int, DocResult] = {}
    next_in = next_out = 0
    window = WINDOW_PER_JOB * len(runners)
    try:
        while next_out < len(paths):
            while idle and next_in < len(paths) and next_in < next_out + window:
                runner = idle.pop()
                runner.submit(next_in, paths[next_in], timeout)
                busy[runner.conn] = runner
                next_in += 1
            for conn in wait(list(busy), timeout=_wait_time(busy)):
                runner = busy.pop(conn)
                seq, result = runner.collect()
                done[seq] = result
                idle.append(runner)
            for conn, runner in list(busy.items()):
                if runner.task and runner.task[2] <= time.monotonic():
                    seq, result = runner.stop(timeout)
                    done[seq] = result
                    del busy[conn]
                    busy.pop(runner.conn, None)
                    idle.append(runner)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for runner in runners:
            runner.close(kill=runner.task is not None)


def local_results(paths: Sequence[str], jobs: int = 1, timeout: float | None = None) -> Iterator[DocResult]:
    """The result of every path, in order. Without a time limit and with one job the
    documents run in this process; otherwise in `jobs` stoppable worker processes."""
    if not paths:
        return
    if jobs <= 1 and not timeout:
        for path in paths:
            yield process_document(path)
        return
    yield from _pooled(paths, jobs, timeout)
