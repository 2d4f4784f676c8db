"""Parsed and validated rule files, kept between runs.

Parsing the YAML and validating it against the schemas costs a cold start about 0.2 s
(pydantic's import included), every run, for files that rarely change. A file's parsed
mapping is stored under the user's cache folder, keyed by a digest of its bytes and of
the schema code: an edited rule file or schema misses the cache and is validated again.
A cache that cannot be read or written is skipped, never an error.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

_SCHEMA_FILES = ("schema.py", "base.py", "models.py", "quantity_models.py")


def cache_dir() -> Path:
    """$ZHCLAIMS_CACHE, else $XDG_CACHE_HOME/zhclaims, else ~/.cache/zhclaims."""
    override = os.environ.get("ZHCLAIMS_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zhclaims"


def _schema_digest() -> bytes:
    here = Path(__file__).parent
    return b"".join(hashlib.sha256((here / name).read_bytes()).digest() for name in _SCHEMA_FILES)


def cached_rules(path: Path, parse: Callable[[bytes], Any]) -> Any:
    """`parse(bytes of path)`, or its result stored by an earlier run for the same bytes and schemas."""
    raw = path.read_bytes()
    key = hashlib.sha256(raw + _schema_digest()).hexdigest()[:32]
    stored = cache_dir() / f"rules-{path.stem}-{key}.pickle"
    try:
        return pickle.loads(stored.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = parse(raw)
    store(stored, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data


def store(target: Path, payload: bytes) -> None:
    """Write `payload` to `target` in the cache and drop the file's earlier versions (named
    `<prefix>-<key>.<suffix>`); a folder that cannot be written is left alone."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as out:
            out.write(payload)
        os.replace(out.name, target)          # atomic: a concurrent reader sees all or nothing
        prefix = target.name.rsplit("-", 1)[0] + "-"
        for stale in target.parent.glob(f"{prefix}*{target.suffix}"):
            if stale != target:
                stale.unlink(missing_ok=True)     # an earlier version of the same file
    except OSError:
        pass
