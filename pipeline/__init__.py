"""zhclaims: numeric claims from Chinese finance news, as a normalized table.

Public interface (contract §6):
- `find_quantities(text)` — every number, percentage and money amount in a text;
- `extract(text, doc_id="doc")` — the claim table of one article (a DataFrame).

The stages are subpackages, in the order the data flows: `io` (load, table, batch),
`text` (normalize, clean, segment), `quantities`, `periods`, `claims`, then `eval`
(scoring and reports); `extract.py` runs one article through them.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extract import extract, extract_file
    from .quantities import Quantity, find_quantities

__all__ = ["Quantity", "__version__", "extract", "extract_file", "find_quantities"]

# Imported on first use, so that `zhclaims --help` and `import pipeline.cli` stay fast.
_LAZY = {"extract_file": "pipeline.extract", "Quantity": "pipeline.quantities",
         "find_quantities": "pipeline.quantities"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("zhclaims")
    except PackageNotFoundError:      # running from a source tree that is not installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """`pipeline.extract` is the function (contract §6), though a submodule has that name:
    importing the submodule binds it here, and the function is what the name gives."""

    @property
    def extract(self) -> Any:
        return importlib.import_module("pipeline.extract").extract

    @extract.setter
    def extract(self, value: Any) -> None:
        pass


sys.modules[__name__].__class__ = _Package
