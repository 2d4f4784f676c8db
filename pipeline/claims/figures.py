"""Figures: each numeric mention of a sentence read in its local context.

A figure is a quantity from `find_quantities` that can carry a claim, plus
what the words right around it say: whether it is a level or a change (and
the signed change), its hedge (qualifier), and for counts the measure word.
Mentions that the contract says are not claims (dates, ages, rankings,
durations, model names, vague magnitudes) are dropped here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.quantities import Quantity

from . import lexicon
from .improvement import told_as_improvement
from .not_claims import not_claim_filter


@dataclass
class Figure:
    start: int                      # anchor, in sentence coordinates
    end: int
    role: str                       # 'level' or 'change'
    measure: str                    # 'money', 'count', 'percent', 'multiple', 'pp'
    value: float | None = None
    value_max: float | None = None
    unit: str = ""                  # ISO code, '%', the multiple sign or a measure word
    unit_spans: tuple[tuple[int, int], ...] = ()   # where the unit (with its scale word) is written
    qualifier: str = "="
    change_pct: float | None = None
    change_pp: float | None = None
    change_abs: float | None = None
    change_max: float | None = None
    to_level: bool = False          # a change that runs into a level ("up 68% to 194 bn")
    base: bool = False              # the base of a comparison ("than last year's 11.6 bn")
    flow: bool = False              # a flow told by its verb ("loans increased by 14.75 tn"): a level
    sign: int = 0                   # direction of a change: +1 up, -1 down
    generic_currency: bool = False
    bare: bool = False              # a plain number with no scale, unit or measure word
    rate_noun: bool = False         # a rate told by a growth noun ("growth rate reached 9.1%")
    improvement: bool = False       # a change told as an improvement: its sign depends on the metric
    rule: str = ""


def _qualifier_before(before: str) -> tuple[str, str]:
    """(symbol, text left before it) for a hedge word right before a figure."""
    q = lexicon.qualifiers()
    match = q["longest_before"].search(before)
    if not match or q["not_hedges"].search(before):
        return "", before
    shorter = None if direction_of(before[:match.start()])[0] else q["longest_before"].search(before, match.start() + 1)
    if shorter:
        sign, stem = direction_of(before[:shorter.start()])
        if sign and len(stem) < match.start():
            match = shorter      # the hedge's first character ends a verb begun before it ("enlarged by about")
    for i, symbol in enumerate(q["symbols"]):
        if match.group(f"q{i}"):
            return symbol, before[:match.start()]
    return "", before


def _qualifier_inside(anchor: str) -> str:
    for symbol, pattern in lexicon.qualifiers()["inside"]:
        if pattern.search(anchor):
            return symbol
    return ""


def _qualifier_after(after: str) -> str:
    if lexicon.qualifiers()["not_after_hedges"].search(after):
        return ""
    for symbol, pattern in lexicon.qualifiers()["after"]:
        if pattern.search(after):
            return symbol
    return ""


def _measure(q: Quantity) -> str:
    if q.kind == "money":
        return "money"
    if q.form == "pp" or q.form == "bp":
        return "pp"
    if q.form == "multiple":
        return "multiple"
    if q.kind == "percent":
        return "percent"
    return "count"


def direction_of(before: str) -> tuple[int, str]:
    """+1/-1 when `before` ends with a change verb, with the verb removed; 0 if none. The
    longer verb wins when both lists end the text ("a smaller increase" over "increase")."""
    c = lexicon.changes()
    up, down = c["up_tail"].search(before), c["down_tail"].search(before)
    if up and (not down or up.start() <= down.start()):
        return 1, before[:up.start()]
    if down:
        return -1, before[:down.start()]
    return 0, before


def change_verb_of(before: str) -> tuple[int, str]:
    """direction_of the text before a change figure, a hedge word before the figure set aside
    ("grew nearly 30%")."""
    return direction_of(_qualifier_before(before.rstrip())[1])


def _signed_range(value, value_max, sign):
    """A change range as (low, high), numerically, after applying the verb's sign."""
    if value is None:
        return None, None
    if sign < 0:
        value, value_max = -abs(value), (-abs(value_max) if value_max is not None else None)
    if value_max is not None and value_max < value:
        value, value_max = value_max, value
    return value, value_max


def set_change(fig: Figure, q: Quantity, sign: int) -> None:
    fig.role = "change"
    value, value_max = q.value, q.value_max
    if fig.measure == "multiple":
        # "grew 2 times" is +200 %; "is 2 times last year's" is handled by the caller.
        value = value * 100 if value is not None else None
        value_max = value_max * 100 if value_max is not None else None
    if q.form == "rate_point":
        fig.measure = "pp"              # a rate moved by so many of its points: percentage points
    if q.form == "bp":
        value = value / 100 if value is not None else None
        value_max = value_max / 100 if value_max is not None else None
    fig.sign = sign or 1
    low, high = _signed_range(value, value_max, fig.sign)
    if fig.measure == "pp":
        fig.change_pp = low
    elif fig.measure in ("percent", "multiple"):
        fig.change_pct = low
    else:
        fig.change_abs = low
    fig.change_max = high
    fig.value = fig.value_max = None
    if fig.measure not in ("money", "count"):
        fig.unit = ""


def _count_unit(fig: Figure, sentence: str, q: Quantity) -> None:
    """A measure word after a count joins its anchor; a bare scaled number after a
    money verb is money in the document's main currency."""
    after = sentence[q.end:]
    filters = lexicon.claim_filters()
    unit = filters["count_unit"].match(after)
    if unit:
        fig.end += unit.end()
        fig.unit = unit.group("unit")
        fig.unit_spans = (*q.unit_spans, (q.end + unit.start("unit"), q.end + unit.end("unit")))
    elif not q.unit_text:
        fig.bare = True
    before = sentence[max(0, q.start - lexicon.windows()["money_verb_before"]):q.start]
    if not unit and q.unit_text and (filters["money_verb"].search(before) or filters["money_verb_after"].match(after)):
        fig.measure, fig.unit = "money", ""        # no currency word: the document's main currency


def _role(fig: Figure, q: Quantity, before: str, after: str, alone: bool = False) -> Figure:
    """Level or change, from the words right before and after the figure."""
    c = lexicon.changes()
    before = before.rstrip()
    if c["comparison_base"].search(before):
        fig.base = True
        return fig
    flow = c["flow_before"].search(before)
    if flow is not None and fig.measure == "money":
        fig.flow = True                  # "new loans of 14.75 tn" (a fall of 231.7 bn: negative)
        if flow.group("down") is not None:
            fig.value, fig.value_max = _signed_range(fig.value, fig.value_max, -1)
        return fig
    sign = _currency_move(before, fig) or direction_of(before)[0] or _verb_object_sign(before)
    fig.improvement = told_as_improvement(before)
    if before.endswith(lexicon.change_word("perfective")):
        before = before[:-len(lexicon.change_word("perfective"))]
    before = c["modal_gap"].sub("", before)      # "revenue growth will approach 35%"
    flat = c["flat_to"].search(before)
    if flat is not None and fig.measure in ("percent", "pp"):
        return _flat_to(fig, q, -1 if flat.group("down") else 1)
    link = c["link_tail"].search(before)
    if link and not c["growth_noun"].search(before) and not _verb_holds(before, link.start()):
        return fig                                    # "rose to 57%": a level reached
    sign = sign or direction_of(before)[0]
    growth = c["growth_noun"].search(before)
    if not sign and growth:
        sign = 1 if growth.group("up") else -1
    fig.rate_noun = (growth is not None and growth.group("up") is not None and fig.measure == "percent"
                     and growth.group("up").endswith(c["rate_level_nouns"]) and not _basis_in(before))
    if fig.measure == "multiple" and not sign and c["multiple_of_base"].search(before):
        fig.role, fig.change_pct = "change", (q.value - 1) * 100 if q.value is not None else None
        fig.value, fig.unit = None, ""
        return fig
    if not sign and c["down_after"].search(after):
        sign = -1
    elif not sign and c["up_after"].search(after):
        sign = 1
    # a signed rate after a basis word, or in brackets right after a level
    signed = q.text[:1] in "+-" and (alone or _basis_at_end(before) or before.endswith(("(", "（"))
                                     or c["signed_after_base"].search(before) is not None)
    if sign or fig.measure == "pp" or signed:
        set_change(fig, q, sign)
        fig.to_level = bool(c["link_head"].match(after))
    return fig


def _currency_move(before: str, fig: Figure) -> int:
    """A currency's gain or loss told in percent is its own move, not its quote's (rules/changes.yaml)."""
    move = lexicon.changes()["currency_move_pct"].search(before) if fig.measure == "percent" else None
    return 0 if move is None else (1 if move.group("up") else -1)


def _verb_holds(before: str, link_start: int) -> bool:
    """Whether a link word ending `before` is the tail of a longer change verb ("earned more
    revenue by", whose last character alone would read "closed at")."""
    sign, stem = direction_of(before)
    return sign != 0 and len(stem) < link_start


def _verb_object_sign(before: str) -> int:
    """The direction of a change verb whose object, a metric phrase, stands between it and the
    figure (lowered the reserve ratio by 0.5 pp); 0 when the words before are not that shape."""
    match = lexicon.changes()["verb_object"].search(before)
    if match is None:
        return 0
    phrase = match.group("object")
    if not any(m.end == len(phrase) for m in lexicon.find_metrics(phrase)):
        return 0
    return 1 if match.group("up") else -1


def _flat_to(fig: Figure, q: Quantity, sign: int) -> Figure:
    """"flat to +2%": a change range from 0 to the figure."""
    set_change(fig, q, sign if q.text[:1] not in "+-" else 0)
    moved = fig.change_pp if fig.measure == "pp" else fig.change_pct
    low, high = (min(0.0, moved), max(0.0, moved)) if moved is not None else (None, None)
    if fig.measure == "pp":
        fig.change_pp = low
    else:
        fig.change_pct = low
    fig.change_max = high
    return fig


def as_rate_level(fig: Figure) -> Figure:
    """A growth rate told by its noun with no level to belong to is a level in percent itself."""
    return replace(fig, role="level", value=fig.change_pct, value_max=fig.change_max, unit="%",
                   change_pct=None, change_max=None, sign=0, to_level=False)


def read_figure(sentence: str, clause_start: int, q: Quantity) -> Figure | None:
    """The figure `q` makes in its sentence, or None when it cannot carry a claim."""
    w = lexicon.windows()
    before_all, after = sentence[:q.start], sentence[q.end:]
    if lexicon.claim_filters()["not_claim_text"].search(sentence[q.start:q.end]):
        return None
    if not_claim_filter(before_all[-w["not_claim_before"]:], sentence[q.start:q.end], after[:w["not_claim_after"]]):
        return None
    if q.form == "fraction" and "/" in q.text:
        return None              # a slash "fraction" in news is a date (11/22) or a fiscal year (2024/25)
    measure, value, value_max = _measure(q), q.value, q.value_max
    if q.form == "fraction" and value is not None:      # "about a quarter of service revenue": a share, in percent
        measure, value, value_max = "percent", value * 100, value_max * 100 if value_max is not None else None
    fig = Figure(q.start, q.end, "level", measure, value, value_max, q.unit, q.unit_spans,
                 generic_currency=q.generic_currency, rule=q.rule)
    if measure == "multiple":
        fig.unit = lexicon.change_word("multiple_unit")
    if measure == "count":
        _count_unit(fig, sentence, q)
    symbol, before = _qualifier_before(sentence[clause_start:q.start].rstrip())
    fig.qualifier = (symbol or _qualifier_inside(sentence[q.start:fig.end])
                     or _qualifier_after(sentence[fig.end:fig.end + w["qualifier_after"]]) or "=")
    # a signed rate that is a clause of its own after the sentence's start ("revenue 9.41 bn, +21%") is a change
    alone = clause_start > 0 and not before and q.text[:1] in "+-" and measure in ("percent", "pp")
    return _role(fig, q, before, sentence[fig.end:], alone)


def _basis_in(text: str) -> bool:
    c = lexicon.changes()
    return any(p.search(text) for _, p in c["basis"]) or c["sequential"].search(text) is not None


def _basis_at_end(before: str) -> bool:
    return _basis_in(before[-lexicon.windows()["basis_at_end"]:])


def fixed_change_figures(sentence: str) -> list[Figure]:
    """Word-only changes such as "doubled" (+100 %; rules/changes.yaml fixed_changes)."""
    c = lexicon.changes()
    figures = []
    for match in c["fixed_pattern"].finditer(sentence):
        fig = Figure(match.start(), match.end(), "change", "percent",
                     change_pct=c["fixed"][match.group()], unit_spans=(match.span(),),
                     rule="fixed_change")
        figures.append(fig)
    return figures
