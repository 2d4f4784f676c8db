"""Schemas of the rule files: what keys each file has and what each key holds.

`validate(name, data, path)` checks one parsed file against its model (`models.py`,
`hedge_models.py`, `quantity_models.py`, `text_models.py`) and raises `RuleError` naming the file, the key and what was
expected. Models forbid keys they do not know, so a renamed or misspelt key fails at
load time; every pattern must compile; every file carries examples and counter-examples.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .base import RuleError, RuleFile
from .hedge_models import Modality, Qualifiers
from .metric_models import Metrics
from .models import (
    Changes,
    ClaimFilters,
    Entities,
    Periods,
    Subjects,
)
from .quantity_models import QuantityCurrencies, QuantityFilters, QuantityNumerals, QuantityPercent
from .text_models import Boilerplate, Segmentation

__all__ = ["SCHEMAS", "RuleError", "validate"]


SCHEMAS: dict[str, type[RuleFile]] = {
    "boilerplate": Boilerplate, "changes": Changes, "claim_filters": ClaimFilters,
    "metrics": Metrics, "modality": Modality, "periods": Periods, "qualifiers": Qualifiers,
    "quantity_currencies": QuantityCurrencies, "quantity_filters": QuantityFilters,
    "quantity_numerals": QuantityNumerals, "quantity_percent": QuantityPercent,
    "segmentation": Segmentation, "subjects": Subjects, "entities": Entities,
}


def _location(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def validate(name: str, data: Any, path: Path | str) -> None:
    """Raise RuleError naming `path`, the key and the expectation when `data` breaks its schema."""
    model = SCHEMAS.get(name)
    if model is None:
        raise RuleError(f"{path}: no schema for a rule file named {name!r} (pipeline/rules/schema.py)")
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the top level must be a mapping of keys")
    try:
        model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False)[:5]:
            where = _location(error["loc"]) or "(top level)"
            got = error.get("input")
            shown = "" if error["type"] == "missing" else f" (got {str(got)[:60]!r})"
            problems.append(f"key {where}: {error['msg']}{shown}")
        raise RuleError(f"{path}: " + "; ".join(problems)) from None
