"""A run's work folder: what is done so far, so an interrupted run can be resumed.

While a batch runs, every document's result is appended as one JSON line to a session
file in a hidden folder beside the output (`.claims.csv.zhclaims-work/session-0001.jsonl`),
flushed as soon as it is written. Only when every document is done are the tables made
from these lines (io/batch.py) and the folder removed. A run that is killed leaves the
folder; `--resume` reads it, keeps every result whose file still has the same content
(path and content hash), runs the rest in a new session, and then makes the tables from
all sessions merged in path order — none lost, none twice. A line cut short by the crash
is ignored (its document runs again).
"""
from __future__ import annotations

import heapq
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from .worker import DocResult, content_digest


def _lines(path: Path) -> Iterator[dict]:
    """The complete JSON lines of a session file (a torn last line ends it)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.endswith("\n"):
                return
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                return


class WorkDir:
    """The hidden folder beside an output that holds a run's finished documents."""

    def __init__(self, output: str | Path):
        output = Path(output)
        self.path = output.parent / f".{output.name}.zhclaims-work"
        self._session: IO[str] | None = None
        self.session_index = -1

    def sessions(self) -> list[Path]:
        return sorted(self.path.glob("session-*.jsonl"))

    def exists(self) -> bool:
        return self.path.is_dir()

    def reset(self) -> None:
        """Start from nothing: drop what an earlier, unfinished run left."""
        self.remove()
        self.path.mkdir(parents=True)

    def remove(self) -> None:
        if self.path.is_dir():
            shutil.rmtree(self.path)

    def plan(self, paths: Sequence[str], resume: bool) -> tuple[list[str], dict[str, int]]:
        """(paths still to run, the session that holds each finished path's result)."""
        if not resume or not self.exists():
            self.reset()
            return list(paths), {}
        wanted = set(paths)
        current: dict[str, str] = {}
        accepted: dict[str, int] = {}
        for index, session in enumerate(self.sessions()):
            for entry in _lines(session):
                path = entry["path"]
                if path not in wanted or path in accepted or not entry["digest"]:
                    continue
                if path not in current:
                    current[path] = content_digest(path)
                if entry["digest"] == current[path]:
                    accepted[path] = index
        return [p for p in paths if p not in accepted], accepted

    def open_session(self) -> int:
        """A new session file to append this run's results to; its index."""
        self.session_index = len(self.sessions())
        name = self.path / f"session-{self.session_index + 1:04d}.jsonl"
        self._session = open(name, "a", encoding="utf-8")
        return self.session_index

    def append(self, result: DocResult) -> None:
        assert self._session is not None
        self._session.write(json.dumps(result.to_json()) + "\n")      # ASCII: any file name round-trips
        self._session.flush()

    def close_session(self) -> None:
        if self._session is not None:
            self._session.flush()
            os.fsync(self._session.fileno())
            self._session.close()
            self._session = None

    def merged(self, paths: Sequence[str], accepted: dict[str, int]) -> Iterator[DocResult]:
        """Every accepted result, in the order of `paths`."""
        rank = {path: n for n, path in enumerate(paths)}

        def stream(index: int, session: Path) -> Iterator[tuple[int, dict]]:
            for entry in _lines(session):
                if accepted.get(entry["path"]) == index:
                    yield rank[entry["path"]], entry

        streams = [stream(i, s) for i, s in enumerate(self.sessions())]
        for _, entry in heapq.merge(*streams, key=lambda item: item[0]):
            yield DocResult.from_json(entry)
