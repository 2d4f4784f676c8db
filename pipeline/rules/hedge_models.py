"""Schemas of the rule files that read the words around a figure: modality and qualifiers."""
from __future__ import annotations

from .base import Pattern, RuleFile, Symbol, Words


# -- modality.yaml ------------------------------------------------------------------
class Modality(RuleFile):
    forecast: Words
    plan: Words
    plan_patterns: list[Pattern]
    plan_after: Pattern
    blocked: list[Pattern]
    scope_breakers: Pattern
    item_separator: Pattern
    consensus_before: Pattern
    consensus_after: Pattern
    expected_value: Pattern


# -- qualifiers.yaml ----------------------------------------------------------------
class Qualifiers(RuleFile):
    before: dict[Symbol, Words]
    not_hedges: Words
    after: dict[Symbol, Words]
    not_after_hedges: Words
    inside: dict[Symbol, Words]
