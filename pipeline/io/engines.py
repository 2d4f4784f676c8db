"""Where the documents of a batch run: this machine's cores, or a Dask cluster.

Both engines run the same per-document code (`worker.process_document`, inside a
stoppable worker process when there is a time limit) and yield the results in input
order, so the table they make is the same row for row.

Dask (`pip install 'zhclaims[dask]'`): each document is one task; the client keeps a
bounded number of tasks in flight and writes the table itself as results come back.
Workers must have zhclaims installed and see the input paths (a shared folder); the
time limit needs workers that may start processes (`distributed.worker.daemon: False`),
else their documents run without one.
"""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .runner import WINDOW_PER_JOB, Runner, context, local_results
from .worker import DocResult, failure, process_document

ENGINES = ("local", "dask")
_local = threading.local()


def results(paths: Sequence[str], jobs: int = 1, timeout: float | None = None, engine: str = "local",
            scheduler: str | None = None) -> Iterator[DocResult]:
    """The result of every path, in the order given."""
    if engine == "local":
        return local_results(paths, jobs, timeout)
    if engine == "dask":
        return dask_results(paths, jobs, timeout, scheduler)
    raise ValueError(f"unknown engine {engine!r} (use {' or '.join(ENGINES)})")


def run_on_worker(path: str, timeout: float | None) -> DocResult:
    """One document on a Dask worker: in a stoppable process of this worker thread when
    there is a time limit (started once, reused by every later task of the thread)."""
    if not timeout or multiprocessing.current_process().daemon:     # a daemon may not start processes
        return process_document(path)
    runner = getattr(_local, "runner", None)
    if runner is None or not runner.process.is_alive():
        runner = _local.runner = Runner(context())
    return runner.run_one(path, timeout)


@contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ValueError("the dask engine needs Dask: pip install 'zhclaims[dask]'") from exc
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    import dask

    settings = {"n_workers": max(1, jobs), "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    with dask.config.set({"distributed.worker.daemon": False}), LocalCluster(**settings) as cluster, \
            Client(cluster) as client:
        yield client


def dask_results(paths: Sequence[str], jobs: int = 1, timeout: float | None = None,
                 scheduler: str | None = None, client: Any = None) -> Iterator[DocResult]:
    """The result of every path, computed on a Dask cluster (`scheduler` is its address;
    none starts a local one with `jobs` workers; `client` uses a connected client)."""
    if not paths:
        return
    if client is not None:
        yield from _ordered(client, paths, jobs, timeout)
        return
    with _client(scheduler, jobs) as connected:
        yield from _ordered(connected, paths, jobs, timeout)


def _ordered(client: Any, paths: Sequence[str], jobs: int, timeout: float | None) -> Iterator[DocResult]:
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})), jobs)
    window = WINDOW_PER_JOB * workers
    seq_of: dict[Any, int] = {}
    pending = as_completed()
    done: dict[int, DocResult] = {}
    next_in = next_out = 0

    def submit() -> None:
        nonlocal next_in
        while next_in < len(paths) and next_in < next_out + window:
            future = client.submit(run_on_worker, paths[next_in], timeout, pure=False)
            seq_of[future] = next_in
            pending.add(future)
            next_in += 1

    submit()
    for future in pending:
        seq = seq_of.pop(future)
        done[seq] = _result(future, paths[seq])
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
        submit()


def _result(future: Any, path: str) -> DocResult:
    """A task's result; a task the cluster lost (its worker died) is an engine failure."""
    try:
        return future.result()
    except Exception as exc:
        return failure(path, "bug", "dask", type(exc).__name__, f"the Dask task failed: {exc}")
    finally:
        future.release()
