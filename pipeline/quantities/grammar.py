"""The grammar of ``find_quantities``, assembled once from ``rules/quantity_*.yaml``.

Every word list and every lexical pattern comes from the rule files; this module
only joins named sub-patterns (``vocabulary.sub_patterns``) into the compiled
patterns the finder uses. The context filters that consult them are in
``filters.py``. Possessive quantifiers (``*+``, ``++``) keep every pattern free of
runaway backtracking.
"""
from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import regex

from pipeline import rules

from .vocabulary import GAP, sub_patterns

__all__ = ["Grammar", "Special", "grammar", "spaced", "unspaced", "words"]

_GAP_CHARS = regex.compile(GAP)


def spaced(word: str) -> str:
    """A word whose Chinese characters may be separated by spaces; Latin words whole."""
    if word.isascii():
        guard = "(?<![A-Za-z])" if word[:1].isalpha() else ""
        return guard + regex.escape(word) + ("(?![A-Za-z])" if word[-1:].isalpha() else "")
    return GAP.join(regex.escape(ch) for ch in word)


def unspaced(written: str) -> str:
    """A word matched by ``spaced`` as its lexicon entry (the spaces between its characters removed)."""
    return _GAP_CHARS.sub("", written) if not written.isascii() else written


def words(items) -> str:
    return rules.alternation(items, render=spaced)


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(rules.scannable(pattern), regex.VERSION1)


class Special:
    """A fixed-value word ("half a hundred", "half price") matched as a whole: its group name and production."""

    def __init__(self, name: str, value: Decimal, kind: str, unit: str, form: str, rule: str):
        self.name, self.value, self.kind, self.unit, self.form, self.rule = name, value, kind, unit, form, rule


def _specials(num: dict[str, Any], pct: dict[str, Any]) -> tuple[list[Special], str]:
    specials, parts = [], []
    for i, item in enumerate(pct["special_percents"]):
        form = item.get("form", "plain")
        rule = {"discount": "percent.discount", "rate_point": "percent.rate_points"}.get(form, "percent.cheng")
        specials.append(Special(f"sp{i}", Decimal(str(item["value"])), "percent", "%", form, rule))
        parts.append(f"(?P<sp{i}>{item['pattern']})")
    for j, item in enumerate(num["special_numbers"]):
        specials.append(Special(f"sn{j}", Decimal(str(item["value"])), "number", "", "plain", "numerals.special"))
        parts.append(f"(?P<sn{j}>{regex.escape(item['text'])})")
    return specials, "|".join(parts)


def _sign(num: dict[str, Any]) -> str:
    ascii_signs = [s for s in num["negative_signs"] + num["positive_signs"] if s.isascii()]
    # an ASCII sign after a letter or a figure belongs to it (A+, 3-5) — but not after a basis word (yoy+14.6%)
    after_words = "|".join(regex.escape(w) for w in num.get("signed_after_words", []))
    free = "(?<![0-9A-Za-z%.)\\]\\-\u2212+])" + (f"|(?<=(?<![A-Za-z])(?:{after_words}))" if after_words else "")
    return ("(?:" + "|".join(regex.escape(s) for s in num["negative_signs"] if not s.isascii())
            + "|(?:" + free + ")[" + regex.escape("".join(ascii_signs)) + "])")


def _master(g: Grammar, num, pct, flt, special: str) -> regex.Pattern:
    """Where a mention may start: masked regions, specials, discounts, digit chains,
    vague magnitudes, a (signed, currency-prefixed) numeral, or a Latin model name."""
    p, gap = sub_patterns(), GAP
    sign = _sign(num)
    first = rf"(?:\d|(?<![\d.])\.\d|{p['digit']}|{p['zero']}|{p['small']}|{p['big']})"
    vague = flt["vague"].format(gap=gap, small=p["small"], big=p["big"], unit=p["unit"], digit=p["digit"])
    zhe_block = rules.alternation(flt["discount_blockers"])
    return _compile(
        rf"(?P<mask>{flt['masked_regions']})"
        rf"|(?P<special>{special})"
        rf"|(?P<dd>(?P<d1>[1-9])[ ]++(?P<d2>[0-9]))(?={gap}{regex.escape(pct['discount_word'])}"
        rf"(?!{zhe_block}))"
        r"|(?P<chain>(?<![\d.])\d++(?P<sep>[-/.])\d++(?:(?P=sep)\d++)++(?!\d))"
        rf"|(?P<vague>(?:{vague})(?!{gap}{spaced(pct['fraction_marker'])}))"
        rf"|(?P<qty>(?:(?P<s1>{sign})(?:(?<=\p{{Han}}){gap})?)?(?:(?P<pcur>{words(g.prefix)}){gap})?"
        rf"(?P<s2>{sign})?)(?={first})"
        r"|(?P<latin>(?<![A-Za-z0-9_.\-])(?=[A-Za-z][A-Za-z0-9_.\-]*+\d)"
        r"[A-Za-z](?:[A-Za-z0-9_]|[-.](?=[A-Za-z0-9]))*+)")


def _money_part(cur: dict[str, Any], flt: dict[str, Any]) -> str:
    final_only = set(cur["word_final_only"])
    gen_block = rules.alternation(flt["generic_currency_blockers"])
    generic = rules.alternation(
        cur["generic_suffix"],
        render=lambda w: regex.escape(w) + (r"(?!\p{Han})" if w in final_only else f"(?!{gen_block})"))
    measure = rules.alternation(cur["measure_words"])
    return (rf"(?P<money>(?P<gen>{generic})(?P<spec>{words(cur['suffix'])})?|(?P<spec>{words(cur['suffix'])})"
            rf"|(?:{measure}{GAP})?(?P<crypto>{words(cur['after_measure'])}))")


def _minor_part(cur: dict[str, Any]) -> str:
    """Minor currency units on their own (63 HK cents, 12 US cents, 3 jiao 5 fen)."""
    blocked = rules.alternation(cur["minor_unit_blockers"])

    def render(word: str) -> str:
        only, after = cur["minor_units"][word].get("only_before"), cur["minor_units"][word].get("only_after")
        behind = rf"(?<=(?:{after})\s*+[\d.,]+\s*)" if after else ""
        return behind + regex.escape(word) + (f"(?={only})" if only else "") + f"(?!{blocked})"
    return rf"(?P<minor>{rules.alternation(cur['minor_units'], render=render)})"


def _suffix(g: Grammar, cur, pct, flt) -> regex.Pattern:
    """What may follow a numeral: percent sign, points, basis points, multiple, tenths
    (with a digit or half after it), discount, or a currency word."""
    p, gap = sub_patterns(), GAP
    digit_any = rf"(?:{p['digit']}|[0-9])"
    return _compile(
        rf"{gap}(?:(?P<pct>{rules.alternation(g.percent_signs)})"
        rf"|(?P<pp>{words(pct['points_words'])})"
        rf"|(?P<bp>{words(pct['basis_points_words'])})"
        rf"|(?P<qp>{words(pct['quarter_point_words'])})(?!{rules.alternation(flt['quarter_point_blockers'])})"
        rf"|(?P<rate>{words(pct['rate_point_words'])})(?!{rules.alternation(flt['rate_point_blockers'])})"
        rf"|(?P<mult>{words(pct['multiple_words'])})(?!{rules.alternation(flt['multiple_blockers'])})"
        rf"|(?P<cheng>{regex.escape(pct['cheng_word'])})(?!{rules.alternation(flt['cheng_blockers'])})"
        rf"(?:{gap}(?P<cheng_tail>{digit_any}|{regex.escape(pct['half_word'])})"
        rf"(?!{gap}(?:{p['unit']}|[0-9.])))?"
        rf"|(?P<zhe>{regex.escape(pct['discount_word'])})(?!{rules.alternation(flt['discount_blockers'])})"
        rf"|{_money_part(cur, flt)}|{_minor_part(cur)})")


class Grammar:
    """Compiled patterns and lexicons of the quantity finder (built once: `grammar()`)."""

    def __init__(self) -> None:
        num, cur = rules.load("quantity_numerals"), rules.load("quantity_currencies")
        pct, flt = rules.load("quantity_percent"), rules.load("quantity_filters")
        self.negative = frozenset(num["negative_signs"])
        self.prefix: dict[str, str] = dict(cur["prefix"])
        self.suffix: dict[str, str] = dict(cur["suffix"]) | dict(cur["after_measure"])
        self.percent_signs = {k: Decimal(str(v)) for k, v in pct["percent_signs"].items()}
        self.half_word: str = pct["half_word"]
        self.specials, special = _specials(num, pct)
        self.master = _master(self, num, pct, flt, special)
        self.suffix_re = _suffix(self, cur, pct, flt)
        self._fractions(pct)
        self._money(cur, num)
        self._filters(flt)

    def _fractions(self, pct: dict[str, Any]) -> None:
        gap = GAP
        self.digits_re = _compile(r"\d++")
        self.gap_re = _compile(gap)
        self.zhe_re = _compile(gap + regex.escape(pct["discount_word"]))
        self.mixed_re = _compile(gap + regex.escape(pct["mixed_fraction_joiner"]) + gap)
        neg_words = rules.alternation(rules.load("quantity_numerals")["negative_signs"])
        self.fraction_re = _compile(rf"{gap}{spaced(pct['fraction_marker'])}{gap}(?P<sign>{neg_words})?{gap}")
        slash = regex.escape(pct["slash"])
        self.slash_re = _compile(rf"(?:[ ]++(?P<whole>\d++)[ ]*+{slash}[ ]*+(?P<den>\d++)"
                                 rf"|[ ]*+{slash}[ ]*+(?P<den2>\d++))(?![\d/.])")

    def _money(self, cur: dict[str, Any], num: dict[str, Any]) -> None:
        self.subunits = {code: {w: Decimal(str(f)) for w, f in ws.items()} for code, ws in cur["subunits"].items()}
        self.minor = {w: (u["currency"], Decimal(str(u["factor"])), bool(u.get("generic")))
                      for w, u in cur["minor_units"].items()}
        sub_words = [w for ws in self.subunits.values() for w in ws]
        self.subunit_re = _compile(rf"{GAP}{rules.alternation(cur['subunit_joiners'])}?{GAP}"
                                   rf"(?=\d|{sub_patterns()['digit']})")
        self.subunit_word_re = _compile(rf"{rules.alternation(sub_words)}"
                                        rf"(?!{GAP}{rules.alternation(cur['subunit_blockers'])})")
        self.range_sep_re = _compile(rf"{GAP}{rules.alternation(num['range_separators'])}{{1,2}}{GAP}")
        self.max_range_ratio = Decimal(str(num["max_range_ratio"]))
        self.per_unit_re = _compile(rules.alternation(num["per_unit_suffixes"]))

    def _filters(self, flt: dict[str, Any]) -> None:
        self.ambiguous_re = _compile(rules.alternation(flt["ambiguous_words"]))
        self.ambiguous_len = max(len(w) for w in flt["ambiguous_words"])
        self.compound_only = frozenset(flt["compound_only"])
        self.redup_re = _compile(flt["reduplicated"])
        self.blocked_after_re = _compile(GAP + rules.alternation(flt["blocked_followers"]))
        self.latin_unit_re = _compile(rf"{GAP}{words(flt['latin_units'])}(?![A-Za-z])")
        self.latin_before_re = _compile(r"[A-Za-z][-_]?[ ]?\Z")
        self.quantity_word_before_re = _compile(rf"(?<![A-Za-z]){rules.alternation(flt['latin_quantity_words'])}[ ]?\Z")
        self.alnum_re = _compile(r"[A-Za-z0-9_]*+")
        self.figure_after_latin_re = _compile(flt["figure_after_latin"])


@functools.cache
def grammar() -> Grammar:
    return Grammar()
