"""A claim row being assembled, in document (plain-text) coordinates."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    start: int                          # anchor in document (plain-text) coordinates
    end: int
    kind: str
    subject: str = ""
    subject_id: str = ""
    metric: str = ""
    metric_span: tuple[int, int] | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    unit_spans: tuple[tuple[int, int], ...] = ()   # where the unit is written (document coordinates)
    qualifier: str = "="
    change_pct: float | None = None
    change_pp: float | None = None
    change_max: float | None = None
    change_abs: float | None = None
    change_basis: str = ""
    period: str = ""
    period_span: tuple[int, int] | None = None
    period_shape: str = ""              # shape of the period mention (month, quarter …): for sequential changes
    modality: str = "actual"
    sentence_span: tuple[int, int] = (0, 0)
    rule: str = ""
    linked: list[Row] = field(default_factory=list)   # conversion rows that share this row's change

    @property
    def has_change(self) -> bool:
        return any(v is not None for v in (self.change_pct, self.change_pp, self.change_abs))

    def take_period(self, other: Row) -> None:
        """Give this row the period of `other` (a continued or converted claim)."""
        self.period, self.period_span, self.period_shape = other.period, other.period_span, other.period_shape

    def take_change(self, other: Row) -> None:
        """Give this row the change of `other` (a conversion carries its main row's change)."""
        self.change_pct, self.change_pp, self.change_abs = other.change_pct, other.change_pp, other.change_abs
        self.change_max, self.change_basis = other.change_max, other.change_basis
