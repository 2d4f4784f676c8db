"""Loading the rule files in `rules/`.

Rules are data: every lexicon and pattern the engine uses lives in a YAML file
under `rules/`. Each file is validated when it is loaded, so a typo fails at
once with the file name, and each file carries `examples` (positive) and
`counter_examples` (negative) that `tests/test_rule_examples.py` runs.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import regex
import yaml


class RuleError(ValueError):
    """A rule file is missing, malformed or inconsistent."""


def rules_dir() -> Path:
    """Where the rule files are: $ZHCLAIMS_RULES, the installed copy, or the repo's."""
    override = os.environ.get("ZHCLAIMS_RULES")
    if override:
        return Path(override)
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Parse `rules/{name}.yaml` once and return its mapping."""
    path = rules_dir() / f"{name}.yaml"
    if not path.is_file():
        raise RuleError(f"rule file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: top level must be a mapping")
    return data


def rule_files() -> list[str]:
    """Names (without .yaml) of every rule file."""
    return sorted(p.stem for p in rules_dir().glob("*.yaml"))


def alternation(items: list[str]) -> str:
    """A regex alternation that matches any of `items` literally, longest first."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in ordered) + ")" if ordered else "(?!)"
