"""Compiled matchers built from the rule files, shared by the claim stages.

Everything here is derived from `rules/*.yaml` once, on first use. Lexicon
entries are normalized (Traditional → Simplified) on load, so one entry in
either script matches text in both.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .phrases import PhraseMatcher


def alternation(items) -> str:
    """Alternation of lexicon words in their matching form (Simplified), longest first."""
    return rules.alternation(items, key=normalize_text)


@dataclass(frozen=True)
class MetricMention:
    start: int
    end: int
    metric: str
    kind: str


@functools.cache
def metric_table() -> dict[str, tuple[str, str]]:
    """Normalized term → (metric id, kind)."""
    data = rules.load("metrics")
    table = {normalize_text(term): ("", kind) for kind, terms in data["phrases_without_id"].items() for term in terms}
    for metric_id, entry in data["metrics"].items():
        for term in entry["terms"]:
            table[normalize_text(term)] = (metric_id, entry["kind"])
    return table


@functools.cache
def metric_pattern() -> regex.Pattern:
    return regex.compile(alternation(metric_table().keys()), regex.I)


@functools.cache
def _metric_extras() -> tuple[regex.Pattern, dict, regex.Pattern]:
    data = rules.load("metrics")
    after = {normalize_text(k): v for k, v in data["after_only"].items()}
    return (regex.compile("|".join((alternation(data["not_metrics"]), *data["not_metric_patterns"]))), after,
            regex.compile(alternation(after)))


@functools.cache
def _metric_matcher() -> PhraseMatcher[tuple[str, str]]:
    return PhraseMatcher(metric_table().items())


@functools.cache
def _term_patterns() -> list[tuple[regex.Pattern, str, str]]:
    data = rules.load("metrics")
    return [(regex.compile(pattern), metric_id, data["metrics"][metric_id]["kind"])
            for metric_id, pattern in data["term_patterns"].items()]


def find_metrics(text: str) -> list[MetricMention]:
    """Metric phrases in normalized text, longest first at each place, then phrases of the
    term patterns where no listed term stands; phrases that name no metric (rules/metrics.yaml
    not_metrics) are masked first."""
    return list(_metrics_in(text))


@functools.lru_cache(maxsize=4096)
def _metrics_in(text: str) -> tuple[MetricMention, ...]:
    # a sentence is read for its metrics by several stages (figures, subjects, segments)
    masked = mask_method_phrases(text)
    found = [MetricMention(start, end, *value) for start, end, value in _metric_matcher().find(masked)]
    for pattern, metric_id, kind in _term_patterns():
        for m in pattern.finditer(masked):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(MetricMention(m.start(), m.end(), metric_id, kind))
    return tuple(sorted(found, key=lambda m: m.start))


def names_no_metric(phrase: str) -> bool:
    """Whether a phrase holds a method phrase that names no metric (rules/metrics.yaml not_metrics)."""
    return _metric_extras()[0].search(phrase) is not None


def mask_method_phrases(text: str) -> str:
    """`text` with the phrases that name no metric blanked out (same length)."""
    return _metric_extras()[0].sub(lambda m: " " * len(m.group()), text)


def metric_right_after(text: str, position: int) -> MetricMention | None:
    """A noun-only metric term (rules/metrics.yaml after_only) written right at `position`."""
    _, after, pattern = _metric_extras()
    match = pattern.match(text, position)
    if not match:
        return None
    metric = after[match.group()]
    return MetricMention(match.start(), match.end(), metric, metric_kind(metric))


@functools.cache
def self_named_metrics() -> frozenset[str]:
    """Metric ids whose phrase names the claim's subject (rules/subjects.yaml)."""
    return frozenset(rules.load("subjects")["self_named_metrics"])


@functools.cache
def metric_fallback() -> regex.Pattern:
    return regex.compile(rules.load("metrics")["fallback"])


@functools.cache
def verb_metrics() -> tuple[frozenset, regex.Pattern, regex.Pattern]:
    data = rules.load("metrics")
    return (frozenset(normalize_text(w) for w in data["verb_before_figure"]), regex.compile(data["verb_gap"]),
            regex.compile(data["verb_is_noun_after"]))


@functools.cache
def alias_opening() -> regex.Pattern:
    return regex.compile(rules.load("metrics")["alias_opening"])


def possessive_links() -> tuple[str, ...]:
    return tuple(rules.load("metrics")["possessive_links"])


@functools.cache
def tenor_link() -> regex.Pattern:
    return regex.compile(rules.load("metrics")["tenor_link"])


def metric_parent(metric_id: str) -> str:
    entry = rules.load("metrics")["metrics"].get(metric_id)
    return (entry.get("parent") or "") if entry else ""


def metric_kind(metric_id: str) -> str:
    entry = rules.load("metrics")["metrics"].get(metric_id)
    return entry["kind"] if entry else ""


@functools.cache
def changes() -> dict:
    data = rules.load("changes")
    links = alternation(data["level_links"])
    return {
        "up_tail": regex.compile(f"{alternation(data['up_verbs'])}$"),
        "down_tail": regex.compile(f"{alternation(data['down_verbs'])}$"),
        "link_tail": regex.compile(f"{links}$"),
        "link_head": regex.compile(f"^\\s*(?:{links}|[,，]\\s*{data['level_links_after_comma']})"),
        "up_after": regex.compile(data["change_after_up"]),
        "down_after": regex.compile(data["change_after_down"]),
        "currency_move_pct": regex.compile(data["currency_move_pct"]),
        "basis": [(name, regex.compile(f"{data['basis_guard']}(?:{alternation(words)})"))
                  for name, words in data["basis"].items()],
        "sequential": regex.compile(alternation(data["sequential"])),
        "fixed": {normalize_text(k): float(v) for k, v in data["fixed_changes"].items()},
        "fixed_pattern": regex.compile(
            f"{alternation(data['fixed_changes'].keys())}(?!{data['fixed_change_not_before']})"),
        "growth_nouns": regex.compile(alternation(data["growth_nouns"])),
        "rate_level_nouns": tuple(normalize_text(w) for w in data["rate_level_nouns"]),
        "growth_noun": regex.compile(data["growth_noun_tail"]),
        **{key: regex.compile(data[key]) for key in (
            "multiple_of_base", "comparison_base", "expected_base", "shared_change", "verb_object", "flow_before",
            "contrast_item", "base_metric_before", "change_rate_gap", "basis_rate_gap", "stock_base",
            "shared_before_list", "period_move_rate", "modal_gap", "flat_to", "contribution_before",
            "signed_after_base")},
    }


@functools.cache
def qualifiers() -> dict:
    data = rules.load("qualifiers")
    before = [(sym, regex.compile(f"{alternation(ws)}$")) for sym, ws in data["before"].items()]
    after = [(sym, regex.compile(f"^{alternation(ws)}")) for sym, ws in data["after"].items()]
    # Longest word first across all symbols, so "not more than" wins over "more than".
    longest_before = regex.compile("(?:" + "|".join(
        f"(?<q{i}>{alternation(ws)})" for i, (_, ws) in enumerate(data["before"].items())) + ")$")
    inside = [(sym, regex.compile(alternation(ws))) for sym, ws in data.get("inside", {}).items()]
    return {"before": before, "after": after, "longest_before": longest_before,
            "symbols": list(data["before"].keys()), "inside": inside,
            "not_hedges": regex.compile(f"{alternation(data['not_hedges'])}$"),
            "not_after_hedges": regex.compile(f"^{alternation(data['not_after_hedges'])}")}


@functools.cache
def modality() -> dict:
    data = rules.load("modality")
    patterns = ("scope_breakers", "item_separator", "consensus_before", "consensus_after", "plan_after",
                "expected_value")
    return {"forecast": regex.compile(alternation(data["forecast"])),
            "plan": regex.compile("|".join([alternation(data["plan"])] + list(data["plan_patterns"]))),
            "blocked": regex.compile(rules.any_of(data["blocked"])),
            **{key: regex.compile(data[key]) for key in patterns}}


@functools.cache
def claim_filters() -> dict:
    data = rules.load("claim_filters")
    filters = [(name, {key: regex.compile(pattern) for key, pattern in spec.items()})
               for name, spec in data["not_claims"].items()]
    return {
        # a hedge may stand between the number and its measure word ("5,200-odd cars")
        "count_unit": regex.compile(f"^(?:{alternation(rules.load('qualifiers')['inside']['>'])})?"
                                    f"(?P<unit>{alternation(data['count_units'])})(?!{alternation(data['count_unit_not_before'])})"),
        "not_claim_text": regex.compile(rules.any_of(data["not_claim_texts"])),
        "not_claims": filters,
        "money_verb": regex.compile(data["money_verbs"]),
        "money_verb_after": regex.compile(data["money_verbs_after"]),
    }


@functools.cache
def claim_rules() -> dict:
    """Matchers for how figures combine into claims (rules/claim_filters.yaml)."""
    data = rules.load("claim_filters")
    patterns = {"conversion": "conversion_gap", "continuation": "continuation_gap", "share_of": "share_of",
                "share_tail": "share_tail", "sub_item_opening": "sub_item_opening",
                "breakdown_opening": "breakdown_opening", "link_only_clause": "link_only_clause",
                "intraday_move": "intraday_move", "prior_values_bracket": "prior_values_bracket",
                "bare_level_after": "bare_level_after"}
    return {**{key: regex.compile(data[name]) for key, name in patterns.items()},
            "distributive": regex.compile(alternation(data["distributive_words"])),
            "table_gap": regex.compile(data["table_row"]["gap"]),
            "table_cell": regex.compile(data["table_row"]["numeric_cell"]),
            "table_sizes": data["table_row"],
            "share_words": {normalize_text(w) for w in data["share_words"]},
            "share_metric": data["share_metric"], "share_metrics": frozenset(data["share_metrics"]),
            "restated_tail": regex.compile(rf"(?:{alternation(data['restated_metric_tails'])})$"),
            "item_flags": tuple(data["continuation_item_flags"]),
            "title_marks": tuple(data["title_marks"])}


def is_table_row(line: str) -> bool:
    """A line of a table set out in plain text (rules/claim_filters.yaml table_row)."""
    rules_ = claim_rules()
    sizes = rules_["table_sizes"]
    label, *cells = rules_["table_gap"].split(line.strip())
    words = [cell for cell in cells if not rules_["table_cell"].fullmatch(cell)]
    return (len(cells) >= sizes["min_cells"] and len(cells) - len(words) >= sizes["min_numeric_cells"]
            and len(label) <= sizes["label_max_chars"] and all(len(cell) <= sizes["max_cell_chars"] for cell in words))


@functools.cache
def range_gap() -> regex.Pattern:
    """What joins the two ends of a range (rules/quantity_numerals.yaml range_separators)."""
    return regex.compile(rf"\s*{alternation(rules.load('quantity_numerals')['range_separators'])}{{1,2}}\s*")


@functools.cache
def list_separator() -> regex.Pattern:
    return regex.compile(rules.load("claim_filters")["list_separator"])


@functools.cache
def verb_list_separator() -> regex.Pattern:
    return regex.compile(rules.load("claim_filters")["verb_list_separator"])


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def listed_run(items: Sequence[S], text: str) -> list[S]:
    """The last run of `items` (in order of position in `text`) written as a list: nothing but
    list separators between one and the next ("Q1, Q2 and Q3", "output and sales")."""
    run = list(items[-1:])
    for item in reversed(items[:-1]):
        if not list_separator().match(text[item.end:run[0].start]):
            break
        run.insert(0, item)
    return run


@functools.cache
def windows() -> dict[str, int]:
    """Named character windows of the claim rules (rules/claim_filters.yaml `windows`)."""
    return dict(rules.load("claim_filters")["windows"])


def change_word(name: str) -> str:
    """One word of rules/changes.yaml: growth_noun_metric, perfective or multiple_unit."""
    return rules.load("changes")[name]
