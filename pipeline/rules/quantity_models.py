"""Schemas of the rule files of the quantity finder (rules/quantity_*.yaml)."""
from __future__ import annotations

from typing import Literal

from .base import Pattern, RuleDoc, RuleFile, Strict, Word, Words


# -- quantity_*.yaml ----------------------------------------------------------------
class MinorUnit(Strict):
    currency: Word
    factor: str
    generic: bool = False
    only_before: Pattern | None = None
    only_after: Pattern | None = None      # what must stand before the number (a currency move)


class QuantityCurrencies(RuleFile):
    rules: list[RuleDoc]
    generic_suffix: Words
    word_final_only: Words
    suffix: dict[str, str]
    after_measure: dict[str, str]
    measure_words: Words
    prefix: dict[str, str]
    subunits: dict[str, dict[str, str]]
    subunit_joiners: Words
    subunit_blockers: Words
    minor_units: dict[str, MinorUnit]
    minor_unit_blockers: Words


class QuantityFilters(RuleFile):
    rules: list[RuleDoc]
    ambiguous_words: Words
    compound_only: Words
    reduplicated: Pattern
    blocked_followers: Words
    scale_word_blockers: dict[str, Words]
    cheng_blockers: Words
    discount_blockers: Words
    generic_currency_blockers: Words
    multiple_blockers: Words
    rate_point_blockers: Words
    quarter_point_blockers: Words
    vague: str                      # a template: {gap}, {small}, {big}, {unit}, {digit} are filled in
    latin_quantity_words: Words
    figure_after_latin: Pattern
    latin_units: Words
    masked_regions: Pattern


class SpecialNumber(Strict):
    text: Word
    value: float


class QuantityNumerals(RuleFile):
    rules: list[RuleDoc]
    digits: dict[str, int]
    zeros: Words
    positional_digits: Words
    no_decimal_digits: Words
    small_units: dict[str, int]
    big_units: dict[str, int]
    latin_multipliers: dict[str, int]
    decimal_points: Words
    approx_markers: Words
    negative_signs: Words
    positive_signs: Words
    signed_after_words: Words = []
    special_numbers: list[SpecialNumber]
    range_separators: Words
    max_range_ratio: float
    per_unit_suffixes: Words


class SpecialPercent(Strict):
    pattern: Pattern
    value: float
    form: Literal["plain", "discount", "rate_point"] = "plain"


class QuantityPercent(RuleFile):
    rules: list[RuleDoc]
    percent_signs: dict[str, str]
    points_words: Words
    basis_points_words: Words
    quarter_point_words: Words
    rate_point_words: Words
    multiple_words: Words
    fraction_marker: Word
    mixed_fraction_joiner: Word
    slash: Word
    cheng_word: Word
    half_word: Word
    discount_word: Word
    special_percents: list[SpecialPercent]
