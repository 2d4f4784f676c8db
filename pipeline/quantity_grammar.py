"""The grammar of ``find_quantities``, assembled once from ``rules/quantity_*.yaml``.

Every word list and every lexical pattern comes from the rule files; this
module only joins named sub-patterns (``numerals.sub_patterns``) into the
compiled patterns ``quantities.py`` uses, and holds the context filters.
"""
from __future__ import annotations

import functools
from decimal import Decimal

import regex

from pipeline import rules
from pipeline.numerals import GAP, Reading, lexicon, sub_patterns

_FULLWIDTH_DIGITS = frozenset(chr(c) for c in range(0xFF10, 0xFF1A))
_FULLWIDTH_COMMA = "\uff0c"


def _spaced(word: str) -> str:
    """A word whose Chinese characters may be separated by spaces."""
    if word.isascii():
        guard = "(?<![A-Za-z])" if word[:1].isalpha() else ""
        return guard + regex.escape(word) + ("(?![A-Za-z])" if word[-1:].isalpha() else "")
    return GAP.join(regex.escape(ch) for ch in word)


def _words(words) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_spaced(w) for w in ordered) + ")" if ordered else "(?!)"


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.VERSION1)


class Grammar:
    """Compiled patterns and lexicons of the quantity finder."""

    def __init__(self) -> None:
        num, cur = rules.load("quantity_numerals"), rules.load("quantity_currencies")
        pct, flt = rules.load("quantity_percent"), rules.load("quantity_filters")
        p = sub_patterns()
        gap = GAP
        self.negative = frozenset(num["negative_signs"])
        signs = [s for s in num["negative_signs"] + num["positive_signs"] if s.isascii()]
        sign = ("(?:" + "|".join(regex.escape(s) for s in num["negative_signs"] if not s.isascii())
                + "|(?<![0-9A-Za-z%.)\\]\\-\u2212+])" + "[" + regex.escape("".join(signs)) + "])")
        self.prefix = dict(cur["prefix"])
        pcur = _words(self.prefix)
        first = rf"(?:\d|(?<![\d.])\.\d|{p['digit']}|{p['zero']}|{p['small']}|{p['big']})"
        vague = flt["vague"].format(gap=gap, small=p["small"], big=p["big"], unit=p["unit"],
                                    digit=p["digit"])
        zhe_block = rules.alternation(flt["discount_blockers"])
        self.specials: list[tuple[str, Decimal, str, str, str, str]] = []
        special_parts = []
        for i, item in enumerate(pct["special_percents"]):
            name = f"sp{i}"
            special_parts.append(f"(?P<{name}>{item['pattern']})")
            self.specials.append((name, Decimal(str(item["value"])), "percent", "%",
                                  item.get("form", "plain"),
                                  "percent.discount" if item.get("form") == "discount"
                                  else "percent.cheng"))
        for j, item in enumerate(num["special_numbers"]):
            name = f"sn{j}"
            special_parts.append(f"(?P<{name}>{regex.escape(item['text'])})")
            self.specials.append((name, Decimal(str(item["value"])), "number", "", "plain",
                                  "numerals.special"))
        self.master = _compile(
            rf"(?P<mask>{flt['masked_regions']})"
            rf"|(?P<special>{'|'.join(special_parts)})"
            rf"|(?P<dd>(?P<d1>[1-9])[ ]++(?P<d2>[0-9]))(?={gap}{regex.escape(pct['discount_word'])}"
            rf"(?!{zhe_block}))"
            r"|(?P<chain>(?<![\d.])\d++(?P<sep>[-/.])\d++(?:(?P=sep)\d++)++(?!\d))"
            rf"|(?P<vague>(?:{vague})(?!{gap}{_spaced(pct['fraction_marker'])}))"
            rf"|(?P<qty>(?:(?P<s1>{sign})(?:(?<=\p{{Han}}){gap})?)?(?:(?P<pcur>{pcur}){gap})?"
            rf"(?P<s2>{sign})?)(?={first})"
            r"|(?P<latin>(?<![A-Za-z0-9_])(?=[A-Za-z][A-Za-z0-9_.\-]*+\d)"
            r"[A-Za-z](?:[A-Za-z0-9_]|[-.](?=[A-Za-z0-9]))*+)")
        self.digits_re = _compile(r"\d++")
        self.gap_re = _compile(gap)
        self.zhe_re = _compile(gap + regex.escape(pct["discount_word"]))
        self.mixed_re = _compile(gap + regex.escape(pct["mixed_fraction_joiner"]) + gap)
        neg_words = rules.alternation(num["negative_signs"])
        self.fraction_re = _compile(rf"{gap}{_spaced(pct['fraction_marker'])}{gap}"
                                    rf"(?P<sign>{neg_words})?{gap}")
        slash = regex.escape(pct["slash"])
        self.slash_re = _compile(rf"(?:[ ]++(?P<whole>\d++)[ ]*+{slash}[ ]*+(?P<den>\d++)"
                                 rf"|[ ]*+{slash}[ ]*+(?P<den2>\d++))(?![\d/.])")
        # suffixes
        self.percent_signs = {k: Decimal(str(v)) for k, v in pct["percent_signs"].items()}
        self.suffix = dict(cur["suffix"]) | dict(cur["after_measure"])
        final_only = set(cur["word_final_only"])
        gen_block = rules.alternation(flt["generic_currency_blockers"])
        gen = "(?:" + "|".join(
            regex.escape(w) + (r"(?!\p{Han})" if w in final_only else f"(?!{gen_block})")
            for w in sorted(cur["generic_suffix"], key=len, reverse=True)) + ")"
        spec = _words(cur["suffix"])
        crypto = _words(cur["after_measure"])
        measure = rules.alternation(cur["measure_words"])
        digit_any = rf"(?:{p['digit']}|[0-9])"
        self.suffix_re = _compile(
            rf"{gap}(?:(?P<pct>{rules.alternation(list(self.percent_signs))})"
            rf"|(?P<pp>{_words(pct['points_words'])})"
            rf"|(?P<bp>{_words(pct['basis_points_words'])})"
            rf"|(?P<mult>{_words(pct['multiple_words'])})(?!{rules.alternation(flt['multiple_blockers'])})"
            rf"|(?P<cheng>{regex.escape(pct['cheng_word'])})(?!{rules.alternation(flt['cheng_blockers'])})"
            rf"(?:{gap}(?P<cheng_tail>{digit_any}|{regex.escape(pct['half_word'])})"
            rf"(?!{gap}(?:{p['unit']}|[0-9.])))?"
            rf"|(?P<zhe>{regex.escape(pct['discount_word'])})(?!{zhe_block})"
            rf"|(?P<money>(?P<gen>{gen})(?P<spec>{spec})?|(?P<spec>{spec})"
            rf"|(?:{measure}{gap})?(?P<crypto>{crypto})))")
        self.half_word = pct["half_word"]
        self.subunits = {code: {w: Decimal(str(f)) for w, f in words.items()}
                         for code, words in cur["subunits"].items()}
        sub_words = [w for words in self.subunits.values() for w in words]
        self.subunit_re = _compile(rf"{gap}{rules.alternation(cur['subunit_joiners'])}?{gap}"
                                   rf"(?=\d|{p['digit']})")
        self.subunit_word_re = _compile(rf"{rules.alternation(sub_words)}"
                                        rf"(?!{gap}{rules.alternation(cur['subunit_blockers'])})")
        seps = rules.alternation(num["range_separators"])
        self.range_sep_re = _compile(rf"{gap}{seps}{{1,2}}{gap}")
        self.per_unit_re = _compile(rules.alternation(num["per_unit_suffixes"]))
        # filters
        self.ambiguous_re = _compile(rules.alternation(flt["ambiguous_words"]))
        self.ambiguous_len = max(len(w) for w in flt["ambiguous_words"])
        self.compound_only = frozenset(flt["compound_only"])
        self.redup_re = _compile(flt["reduplicated"])
        self.blocked_after_re = _compile(gap + rules.alternation(flt["blocked_followers"]))
        self.latin_unit_re = _compile(rf"{gap}{_words(flt['latin_units'])}(?![A-Za-z])")
        self.latin_before_re = _compile(r"[A-Za-z][-_]?[ ]?\Z")
        self.alnum_re = _compile(r"[A-Za-z0-9_]*+")

    # -- helpers used by quantities.py ------------------------------------
    def prepare(self, raw: str, norm: str) -> str:
        """A full-width comma separates thousands only between full-width digits."""
        if _FULLWIDTH_COMMA not in raw:
            return norm
        chars = list(norm)
        for i, ch in enumerate(raw):
            if ch == _FULLWIDTH_COMMA and not (
                    0 < i < len(raw) - 1 and raw[i - 1] in _FULLWIDTH_DIGITS
                    and raw[i + 1] in _FULLWIDTH_DIGITS):
                chars[i] = ch
        return "".join(chars)

    def special_draft(self, m, raw: str):
        from pipeline.quantities import _Draft
        for name, value, kind, unit, form, rule in self.specials:
            if m.group(name) is not None:
                return _Draft(m.start(), m.end(), kind, value, unit, form, rule,
                              raw[m.start():m.end()], suffixed=kind != "number")
        raise AssertionError("no special group matched")

    def half_or_digit(self, ch: str) -> Decimal:
        if ch == self.half_word:
            return Decimal(5)
        return Decimal(lexicon().digits.get(ch, int(ch) if ch.isdigit() else 0))

    def standalone_ok(self, norm: str, reading: Reading) -> bool:
        """Whether a numeral with nothing after it is a number on its own."""
        tokens = reading.tokens
        head = tokens[0]
        if head.kind == "big" or (head.kind == "small" and head.value >= 2 and len(tokens) == 1):
            return False  # a scale word alone (as in the name Baidu)
        if len(tokens) == 1 and head.text in self.compound_only:
            return False  # see compound_only in rules/quantity_filters.yaml
        if len(tokens) <= 2 and all(t.kind in ("dig", "zero") for t in tokens):
            lo, hi = max(0, reading.start - 1), min(len(norm), reading.end + 1)
            for m in self.redup_re.finditer(norm, lo, hi, overlapped=True):
                if m.start() <= reading.start and reading.end <= m.end():
                    return False  # a reduplicated digit is a word
        return True

    def context_ok(self, norm: str, start: int, end: int) -> bool:
        """Whether a bare number is not part of a model name (5G) or a blocked word."""
        if self.blocked_after_re.match(norm, end):
            return False
        if end < len(norm) and norm[end].isascii() and norm[end].isalpha() \
                and norm[end - 1].isdigit() and not self.latin_unit_re.match(norm, end):
            return False
        if start > 0 and norm[start].isdigit() \
                and self.latin_before_re.search(norm, max(0, start - 3), start):
            return False
        return True

    def skip_token(self, norm: str, end: int) -> int:
        return self.alnum_re.match(norm, end).end()

    def ambiguous_piece(self, norm: str, reading: Reading | None) -> int | None:
        """Start of the first space-separated piece of a numeral that lies inside
        an ambiguous word, when the numeral has such pieces; else None."""
        if reading is None or len(reading.tokens) < 2:
            return None
        piece_start = reading.tokens[0].start
        pieces = []
        for prev, tok in zip(reading.tokens, reading.tokens[1:]):
            if tok.start != prev.end:
                pieces.append((piece_start, prev.end))
                piece_start = tok.start
        if not pieces:
            return None
        pieces.append((piece_start, reading.end))
        for lo, hi in pieces:
            if self.ambiguous(norm, lo, hi):
                return lo
        return None

    def ambiguous(self, norm: str, start: int, end: int) -> bool:
        """Whether [start, end) lies wholly inside an ambiguous word (rules/quantity_filters.yaml)."""
        lo = max(0, start - self.ambiguous_len)
        hi = min(len(norm), end + self.ambiguous_len)
        for m in self.ambiguous_re.finditer(norm, lo, hi, overlapped=True):
            if m.start() <= start and end <= m.end():
                return True
        return False


@functools.cache
def grammar() -> Grammar:
    return Grammar()
