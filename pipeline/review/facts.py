"""Reference tables of published figures: what `zhclaims verify` checks claims against.

A facts file is a CSV with the columns `entity, metric, period, value, unit` (value in base
units, period in the contract's form) and optionally `entity_name` and `aliases` (names the
entity is written as; aliases separated by |), `qualifier` (`>`, `>=` … for a bound such as
"more than 85bn"), `source` and `note`. Beside it, an optional `metric_map.csv` with the
columns `claim_metric, fact_metric` says which of the file's metric ids answer a metric of
the claim table when the ids differ (operating_profit → adjusted_operating_profit).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.io.table import QUALIFIERS, read_csv_strings

from .figures import Interval, interval, is_empty, number_unit
from .keys import is_specific, subject_key

REQUIRED = ["entity", "metric", "period", "value", "unit"]


class FactsError(ValueError):
    """A facts file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class Fact:
    entity: str
    metric: str
    period: str
    value: float
    unit: str
    qualifier: str = "="
    source: str = ""
    note: str = ""

    @functools.cached_property
    def span(self) -> Interval:
        """What the published figure stands for: the value to the precision it is given in."""
        return interval(self.value, number_unit(self.value), self.qualifier, cut=False)


@dataclass
class Facts:
    facts: list[Fact]
    names: dict[str, str]                      # a written name (one script) → entity
    metric_map: dict[str, set[str]]            # claim metric → fact metrics that answer it

    def entity_of(self, subject: str) -> str:
        """The entity a claim's subject names: a name or alias, or a short form of one
        (the short name inside the holding company's); '' when none."""
        key = subject_key(subject)
        if not key:
            return ""
        if key in self.names:
            return self.names[key]
        found = {entity for name, entity in self.names.items() if is_specific(key) and key in name}
        return found.pop() if len(found) == 1 else ""

    def about(self, entity: str, metric: str) -> list[Fact]:
        wanted = {metric} | self.metric_map.get(metric, set())
        return [f for f in self.facts if f.entity == entity and f.metric in wanted]


def _number(value, path: Path, line: int) -> float:
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        raise FactsError(f"{path}: row {line}: value {value!r} is not a number") from None


def _fact(row: dict, path: Path, line: int) -> Fact:
    for column in REQUIRED:
        if column != "unit" and is_empty(row.get(column)):
            raise FactsError(f"{path}: row {line}: empty {column}")
    qualifier = str(row.get("qualifier") or "=").strip() or "="
    if qualifier not in QUALIFIERS:
        raise FactsError(f"{path}: row {line}: unknown qualifier {qualifier!r}")
    return Fact(str(row["entity"]).strip(), str(row["metric"]).strip(), str(row["period"]).strip(),
                _number(row["value"], path, line), str(row.get("unit") or "").strip(), qualifier,
                str(row.get("source") or ""), str(row.get("note") or ""))


def _names(frame: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for _, row in frame.iterrows():
        entity = str(row["entity"]).strip()
        written = [entity, str(row.get("entity_name") or ""), *str(row.get("aliases") or "").split("|")]
        names.update({subject_key(w): entity for w in written if subject_key(w)})
    return names


def read_metric_map(path: Path) -> dict[str, set[str]]:
    frame = read_csv_strings(path, FactsError)
    missing = [c for c in ("claim_metric", "fact_metric") if c not in frame.columns]
    if missing:
        raise FactsError(f"{path}: missing columns {missing}")
    out: dict[str, set[str]] = {}
    for _, row in frame.iterrows():
        out.setdefault(row["claim_metric"].strip(), set()).add(row["fact_metric"].strip())
    return out


def load_facts(path: str | Path, metric_map: str | Path | None = None) -> Facts:
    """Read and check a facts file, with the metric map beside it (or the one given)."""
    path = Path(path)
    frame = read_csv_strings(path, FactsError)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise FactsError(f"{path}: missing columns {missing}")
    facts = [_fact(row, path, line) for line, row in enumerate(frame.to_dict("records"), start=2)]
    map_path = Path(metric_map) if metric_map else path.parent / "metric_map.csv"
    mapping = read_metric_map(map_path) if map_path.is_file() else {}
    return Facts(facts, _names(frame), mapping)
