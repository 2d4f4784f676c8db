"""Schemas of metrics.yaml: the metric taxonomy, its terms and the rules that refine a
figure's metric id (the other claim-stage files: models.py)."""
from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Pattern, RuleFile, Strict, Word, Words


# -- metrics.yaml -------------------------------------------------------------------
class Metric(Strict):
    kind: Literal["money", "count", "ratio"]
    meaning: Word
    parent: str | None = None
    as_part: Literal["sum", "alone", "never"] = "sum"
    terms: list[Word]


class MetricIds(Strict):
    share_of_total: Word
    share_ids: dict[str, str]
    per_share_marker: Pattern
    per_share: dict[str, str]
    per_share_units: Pattern
    count_ids: dict[str, str]
    flow_ids: dict[str, str]
    verbs: dict[str, str]
    change_verbs: dict[str, str]
    move_ids: dict[str, Pattern] = {}
    verb_overrides: dict[str, str]
    verb_not_after: Pattern
    index_in_points: Pattern
    points_unit: Word
    points_id: Word
    verb_gap: str
    object_verbs: dict[str, str] = {}
    object_gap: str = ''
    money_only: Words
    quote_after_move: Pattern
    quote_id: Word
    quote_close: Pattern
    quote_intraday: Pattern
    intraday_quote_id: Word
    commodity_quote_unit: Pattern
    commodity_quote_id: Word
    unit_ids: dict[str, str]
    adjusted_before: Pattern
    adjusted_ids: dict[str, str]
    segment_revenue_ids: dict[str, str]
    share_marker: Pattern
    named_share_marker: Pattern
    rates_quoted_in_money: Words


class Metrics(RuleFile):
    metrics: dict[str, Metric]
    metric_ids: MetricIds
    after_only: dict[str, str]
    alias_opening: Pattern
    possessive_links: list[str]
    tenor_link: Pattern
    category_word: str
    category_not_of: list[str] = []
    quoted_prices: list[str]
    quote_before: Pattern
    term_patterns: dict[str, Pattern]
    topic_heads: dict[str, str] = {}
    topic_not_variants: list[str] = []
    paired_terms: dict[str, list[str]] = {}
    verb_before_figure: Words
    verbs_after_periods: Words = []
    verb_gap: Pattern
    verb_is_noun_after: Pattern
    not_metrics: Words
    not_metric_patterns: list[Pattern]
    fallback: Pattern
    counted_noun_not: Words
    counted_noun_flags: list[str]
    fallback_not_after: Pattern
    phrases_without_id: dict[Literal["money", "count", "ratio"], Words]

    @model_validator(mode="after")
    def _known_ids(self) -> Metrics:
        unknown = sorted((set(self.after_only.values()) | set(self.term_patterns) | set(self.quoted_prices))
                         - set(self.metrics))
        if unknown:
            raise ValueError(f"after_only or term_patterns name metric ids not defined under metrics: {unknown}")
        ids = self.metric_ids
        named = {ids.share_of_total, *ids.per_share, *ids.per_share.values(), *ids.verbs.values(), ids.quote_id,
                 ids.intraday_quote_id, ids.commodity_quote_id, *ids.unit_ids.values(), *ids.adjusted_ids,
                 *ids.adjusted_ids.values(), *ids.segment_revenue_ids.values()}
        undefined = sorted(named - set(self.metrics))
        if undefined:
            raise ValueError(f"metric_ids names ids not defined under metrics: {undefined}")
        orphans = sorted(m for m, d in self.metrics.items() if d.as_part != "sum" and not d.parent)
        if orphans:
            raise ValueError(f"as_part is set on metrics without a parent: {orphans}")
        parents = sorted({m.parent for m in self.metrics.values() if m.parent} - set(self.metrics))
        if parents:
            raise ValueError(f"parents not defined under metrics: {parents}")
        return self
