"""The rule files in `rules/`: where they are, loading them once, validated.

Rules are data: every lexicon and pattern the engine uses lives in a YAML file
under the top-level `rules/` folder (installed as `pipeline/rules/data`). Each
file is checked against its schema (`schema.py`) when it is loaded, so a renamed
key or a pattern that does not compile fails at once, naming the file and the key.
Each file also carries `examples` and `counter_examples`, which
`tests/test_rule_examples.py` runs.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import regex
import yaml

from .cache import cached_rules
from .errors import RuleError

# libyaml's loader when PyYAML has it (ten times faster: a cold start reads every rule file).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["RuleError", "alternation", "any_of", "load", "rule_files", "rules_dir", "scannable", "validate"]


def rules_dir() -> Path:
    """Where the rule files are: $ZHCLAIMS_RULES, the installed copy, or the repository's."""
    override = os.environ.get("ZHCLAIMS_RULES")
    if override:
        return Path(override)
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parse `rules/{name}.yaml` once, validate it against its schema, return its mapping
    (from the cache of an earlier run when the file and the schemas are unchanged)."""
    path = rules_dir() / f"{name}.yaml"
    if not path.is_file():
        raise RuleError(f"rule file not found: {path}")
    return cached_rules(path, lambda raw: _parse(name, raw, path))


def _parse(name: str, raw: bytes, path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: not valid YAML: {exc}") from exc
    validate(name, data, path)
    return data


def validate(name: str, data: Any, path: Path | str) -> None:
    """Check parsed rules against their schema (pydantic is imported only when a file is validated)."""
    from .schema import validate as check
    check(name, data, path)


def rule_files() -> list[str]:
    """Names (without .yaml) of every rule file."""
    return sorted(p.stem for p in rules_dir().glob("*.yaml"))


def alternation(items: Iterable[str], render: Callable[[str], str] = regex.escape,
                key: Callable[[str], str] | None = None) -> str:
    """A regex alternation of `items`, longest first, so the longest word wins at a place.

    `render` turns one item into its pattern (literal by default); `key` is applied
    to every item first (e.g. script normalization) and duplicates are dropped.
    """
    words = {key(w) if key else w for w in items}
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(render(w) for w in ordered) + ")" if ordered else "(?!)"


def any_of(patterns: Iterable[str]) -> str:
    """One pattern that matches any of several patterns (kept in their order)."""
    return "|".join(f"(?:{p})" for p in patterns)


_ONE_RANGE = regex.compile(r"(?<!\\)\[([^\\\]^\[])-([^\\\]\[])\]")


def scannable(pattern: str) -> str:
    """`pattern` with each class of one range (`[1-9]`) written as its characters (`[123456789]`): the
    same language. The regex module builds no first-character set through a lone range, so a pattern
    that may open with one (`0?[1-9]`) is tried at every position of the text instead of where it can start."""
    return _ONE_RANGE.sub(_enumerated, pattern)


def _enumerated(m: regex.Match) -> str:
    low, high = ord(m[1]), ord(m[2])
    if not low <= high <= low + 127:
        return m[0]
    # ASCII punctuation is escaped, as `]`, `\\`, `^`, `-` and `[` are special in a class
    return "[" + "".join("\\" + chr(c) if chr(c).isascii() and not chr(c).isalnum() else chr(c)
                         for c in range(low, high + 1)) + "]"
