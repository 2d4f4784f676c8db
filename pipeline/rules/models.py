"""Schemas of the rule files of the period and claim stages (text stage: text_models.py; the words
around a figure, modality and qualifiers: hedge_models.py)."""
from __future__ import annotations

from typing import Literal

import regex
from pydantic import model_validator

from .base import Alternatives, Count, Pattern, RuleFile, Strict, Word, Words


# -- changes.yaml -------------------------------------------------------------------
class Changes(RuleFile):
    up_verbs: Words
    down_verbs: Words
    improvement_verbs: Words
    improvement_lowers: Words
    basis: dict[Literal["yoy", "qoq", "mom"], Words]
    sequential: Words
    named_year_base: Pattern
    named_year_base_bare: Pattern
    named_month_base: Pattern
    listed_bases: Pattern
    listed_bases_separator: Pattern
    listed_bases_prefix: str
    comparison_base: Pattern
    expected_base: Pattern
    shared_change: Pattern
    base_metric_before: Pattern
    change_rate_gap: Pattern
    basis_rate_gap: Pattern
    period_move_rate: Pattern
    contribution_before: Pattern
    signed_after_base: Pattern
    shared_before_list: Pattern
    stock_base: Pattern
    verb_object: Pattern
    contrast_item: Pattern
    change_after_up: Pattern
    change_after_down: Pattern
    loss_narrowing: Pattern
    currency_move_pct: Pattern
    growth_noun_tail: Pattern
    growth_nouns: Words
    rate_level_nouns: Words
    growth_noun_metric: Word
    level_links: Words
    level_links_after_comma: Pattern
    basis_guard: Pattern
    flow_before: Pattern
    fixed_changes: dict[str, float]
    fixed_change_not_before: Pattern
    multiple_of_base: Pattern
    perfective: Word
    modal_gap: Pattern
    flat_to: Pattern
    multiple_unit: Word


# -- claim_filters.yaml -------------------------------------------------------------
class NotClaim(Strict):
    before: Pattern | None = None
    after: Pattern | None = None
    text: Pattern | None = None


class ClaimWindows(Strict):
    not_claim_before: Count
    not_claim_after: Count
    money_verb_before: Count
    qualifier_after: Count
    basis_at_end: Count
    bare_metric_gap: Count
    bare_level_reach: Count
    verb_noun_reach: Count
    bracket_period_gap: Count
    main_subject_chars: Count
    base_figure_gap: Count
    prior_values_reach: Count
    change_clause_reach: Count
    move_reach: Count
    expected_base_reach: Count


class TableRow(Strict):
    gap: Pattern
    numeric_cell: Pattern
    label_max_chars: Count
    max_cell_chars: Count
    min_cells: Count
    min_numeric_cells: Count


class ClaimFilters(RuleFile):
    count_unit_not_before: Words
    count_units: Words
    not_claim_texts: list[Pattern]
    not_claims: dict[str, NotClaim]
    money_verbs_after: Pattern
    money_verbs: Pattern
    share_words: Words
    share_metric: Word
    share_metrics: list[Word]
    share_of: Pattern
    share_tail: Pattern
    continuation_gap: Pattern
    restated_metric_tails: Words
    title_marks: Words
    link_only_clause: Pattern
    intraday_move: Pattern
    bare_level_after: Pattern
    continuation_item_flags: Words
    sub_item_opening: Pattern
    prior_values_bracket: Pattern
    breakdown_opening: Pattern
    distributive_words: Words
    table_row: TableRow
    list_separator: Pattern
    verb_list_separator: Pattern
    generic_yuan_currencies: Words
    currency_declarations: list[Pattern]
    conversion_gap: Pattern
    windows: ClaimWindows


# -- subjects.yaml, entities.yaml ---------------------------------------------------
class Subjects(RuleFile):
    group_words: Words
    sector_words: Words
    industry_name: Pattern
    release_words: Words
    statistics_areas: Words
    area_words: Words
    name_suffixes: Words
    segment_suffixes: Words
    segment_metric_words: Words
    references: Words
    name_flags: Words
    topic_name_flags: Words
    headline_name_flags: Words
    headline_end_flags: Words
    headline_lines: Count
    stop_words: Words
    joined_fragment: Pattern
    locative_markers: Words
    comparison_base: Pattern
    topic_words: Words
    topic_lead: Pattern
    self_named_metrics: list[str]
    source_types: Words
    not_main_types: Words
    item_heading: Pattern
    bare_item_heading: Pattern
    coded_name: Pattern
    stock_label: Pattern
    share_class_mark: Pattern
    instrument_ending: Pattern
    instrument_metrics: list[str]
    registered_name: Pattern
    topic_name: Pattern
    heading_name: Pattern
    heading_name_again: Word
    heading_name_not: Pattern
    not_headings: Words
    list_joiners: Words
    breakdown_words: Words
    masked_phrases: Words
    masked_patterns: Alternatives
    acts_of_sources: Words
    credit_pattern: Alternatives


class Entity(Strict):
    name: Word
    type: Literal["company", "bank", "insurer", "regulator", "statistics_body", "region", "exchange", "index"]
    aliases: list[Word] = []
    bounded_aliases: list[Word] = []
    codes: list[str | int] = []
    parent: str | None = None


class Entities(RuleFile):
    entities: dict[str, Entity]

    @model_validator(mode="after")
    def _known_parents(self) -> Entities:
        parents = sorted({e.parent for e in self.entities.values() if e.parent} - set(self.entities))
        if parents:
            raise ValueError(f"parents not defined under entities: {parents}")
        return self


# -- periods.yaml -------------------------------------------------------------------
Shape = Literal["year", "half", "quarter", "month", "day", "quarter_span", "month_span", "day_span",
                "year_span", "duration", "same_period", "ended", "pub_day", "pub_month", "pub_quarter", "week",
                "previous", "reporting", "report", "dekad"]


class PeriodRule(Strict):
    id: str
    shape: Shape
    # a pattern, or a list of them; one written {pattern, needs} is tried only in a text where
    # `needs` (a pattern every text it matches in holds, parts spliced in) occurs
    pattern: str | list[str | PeriodPattern]


class PeriodPattern(Strict):
    pattern: str
    needs: str


class Periods(RuleFile):
    parts: dict[str, str]
    comparison_before: Pattern
    comparison_keeps: Pattern
    comparison_window: Count
    multiple_base_after: Pattern
    since_before: Pattern
    since_after: Pattern
    prior_figure_before: Pattern
    prior_figure_after: Pattern
    event_day_before: Pattern
    event_day_named: Pattern
    event_day_after: Pattern
    event_day_verb: Pattern
    release_day_verb: Pattern
    relative_days: dict[str, int]
    same_day_words: Words
    relative_quarters: dict[str, int]
    ordinal_quarters: dict[str, int]
    english_months: dict[str, int]
    weeks_from_now: dict[str, int]
    weeks_from_declared: dict[str, int]
    relative_week_days: int
    ended_count: Pattern
    relative_years: dict[str, int]
    rules: list[PeriodRule]
    ended_spans: dict[str, int]
    ended_quarter_months: Count
    halves: dict[str, int]
    half_month_spans: dict[str, int] = {}
    dekad_starts: dict[str, int]

    @model_validator(mode="after")
    def _patterns_compile(self) -> Periods:
        for rule in self.rules:
            entries = rule.pattern if isinstance(rule.pattern, list) else [rule.pattern]
            written = [p for e in entries for p in ([e] if isinstance(e, str) else [e.pattern, e.needs])]
            for pattern in written:
                for name, sub in self.parts.items():
                    pattern = pattern.replace("{" + name + "}", sub)
                try:
                    regex.compile(pattern)
                except regex.error as exc:
                    raise ValueError(f"rule {rule.id}: pattern does not compile: {exc}") from None
        return self
