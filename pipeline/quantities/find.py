"""Finding numeric mentions: numbers, percentages and money amounts.

``find_quantities(text)`` returns every numeric mention of `text` as a
``Quantity``, sorted by start and non-overlapping. Offsets are Python ``str``
indices into the text as given, ``[start, end)``, and ``text`` is always
``input[start:end]``. Matching runs on ``normalize_text(text)``, which keeps
the length, so offsets carry over one to one.

How it works: one master pattern (assembled in ``grammar.py`` from the
rule files ``rules/quantity_*.yaml``) finds where a mention may start; the
numeral is read by ``numerals.read_numeral``; anchored patterns (``read.py``) read
what follows it (fraction marker, percent sign, percentage points,
multiples, tenths, discounts, currency word, minor units); context filters
drop traps (``filters.py``: Latin model names, idioms, words that contain a numeral
character); last, neighbouring mentions joined by a range
separator become one range (``ranges.py``). Every mention records the rule id that made it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from pipeline.text.normalize import normalize_text

from . import filters, ranges, read
from .draft import Draft, trimmed
from .grammar import Grammar, grammar, unspaced
from .numerals import Reading, Vague, read_numeral, to_float
from .vocabulary import RunTokens

__all__ = ["Quantity", "find_quantities"]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    kind: str
    value: float | None
    unit: str
    value_max: float | None = None
    unit_text: str = ""
    unit_spans: tuple[tuple[int, int], ...] = ()    # where unit_text is written, [start, end) pieces
    form: str = "plain"
    generic_currency: bool = False
    rule: str = ""

    def __getitem__(self, key):
        return getattr(self, key)

    def to_dict(self) -> dict:
        return asdict(self)


def find_quantities(text: str) -> list[Quantity]:
    """Every number, percentage and money amount in `text` (see module doc)."""
    if not isinstance(text, str) or not text:
        return []
    g = grammar()
    norm = filters.prepare(text, normalize_text(text))
    drafts = ranges.merge_ranges(norm, _scan(norm, text, g), g)
    out = []
    for d in drafts:
        if filters.ambiguous(g, norm, d.start, d.end):
            continue
        out.append(Quantity(
            start=d.start, end=d.end, text=text[d.start:d.end], kind=d.kind,
            value=to_float(d.value), unit=d.unit, value_max=to_float(d.value_max),
            unit_text="".join(text[a:b] for a, b in d.unit_spans), unit_spans=tuple(d.unit_spans),
            form=d.form, generic_currency=d.generic, rule=d.rule))
    return out


def _scan(norm: str, raw: str, g: Grammar) -> list[Draft]:
    drafts: list[Draft] = []
    pos, n = 0, len(norm)
    run = RunTokens(norm)
    while pos < n:
        m = g.master.search(norm, pos)
        if m is None:
            break
        group = m.lastgroup
        if group in ("mask", "vague", "latin"):
            pos = max(m.end(), m.start() + 1)
            continue
        if group == "chain":
            segments = list(g.digits_re.finditer(norm, m.start(), m.end()))
            # A slash list ("19/17/15 times") is read again from its last member,
            # which carries the unit written after the list; a date or a code keeps no unit anyway.
            listed = segments[:-1] if m.group("sep") == "/" else segments
            for seg in listed:
                drafts.append(Draft(seg.start(), seg.end(), "number", Decimal(seg.group()),
                                     rule="numerals.chain"))
            pos = segments[-1].start() if m.group("sep") == "/" else m.end()
            continue
        if group == "special":
            drafts.append(_special(g, m, raw))
            pos = m.end()
            continue
        if group == "dd":
            value = Decimal(m.group("d1") + m.group("d2"))
            end = g.zhe_re.match(norm, m.end()).end()
            drafts.append(Draft(m.start(), end, "percent", value, "%", "discount",
                                "percent.discount", trimmed(raw, m.end(), end), suffixed=True))
            pos = end
            continue
        draft, skip_to = _quantity(norm, raw, m, g, run)
        if draft is None:
            pos = max(skip_to, m.start() + 1)
            continue
        drafts.append(draft)
        pos = draft.end
    return drafts


def _quantity(norm: str, raw: str, m, g: Grammar, run: RunTokens) -> tuple[Draft | None, int]:
    """Read the mention whose start the master pattern found; (draft, skip)."""
    first = m.end("qty")
    try:
        reading = read_numeral(norm, first, allow_bare=True, run=run)
        cut = filters.ambiguous_piece(g, norm, reading)
        if cut is not None:  # a space-separated piece belongs to a word: stop before it
            if cut <= first:
                return None, m.start() + 1
            reading = read_numeral(norm, first, cut, allow_bare=True, run=run)
    except Vague as exc:
        return None, exc.args[1]
    if reading is None:
        return None, m.start() + 1
    sign_text = m.group("s2") or m.group("s1") or ""
    negative = sign_text in g.negative
    start = m.start()
    pcur = m.group("pcur")
    draft = read.fraction(norm, reading, g)
    if draft is None:
        if filters.lone_scale_word(reading):
            return None, m.start() + 1    # "unit: 100 million yuan" states no figure
        draft = read.suffix(norm, raw, reading, g)
    if draft is None:
        if not filters.standalone_ok(g, norm, reading):
            return None, m.start() + 1
        draft = Draft(reading.start, reading.end, "number", reading.value,
                       rule=_numeral_rule(reading), power=reading.trailing_power,
                      unit_spans=trimmed(raw, reading.scale_start, reading.end))
    if pcur is not None:
        code = g.prefix[unspaced(pcur)]
        pcur_written = [m.span("pcur")]
        if draft.kind == "number" and draft.form == "plain" and not draft.suffixed:
            draft.kind, draft.unit, draft.rule = "money", code, "currencies.prefix"
            draft.unit_spans = pcur_written + draft.unit_spans
        elif draft.kind == "money" and (draft.unit == code or draft.generic):
            draft.unit, draft.generic, draft.rule = code, False, "currencies.prefix"
            draft.unit_spans = pcur_written + draft.unit_spans
        else:  # the prefix names another currency: it is not part of this mention
            start = m.start("s2") if m.group("s2") else m.end("pcur")
            start = g.gap_re.match(norm, start).end()
            if not m.group("s2"):
                negative = False
    elif not draft.suffixed and not filters.context_ok(g, norm, start, draft.end):
        return None, filters.skip_token(g, norm, draft.end)
    if negative and draft.value is not None:
        draft.value = -draft.value
    draft.minus = sign_text == "-"
    draft.start = start
    return draft, draft.end


def _numeral_rule(reading: Reading) -> str:
    if all(t.kind in ("num", "mult") for t in reading.tokens):
        return "numerals.arabic"
    return "numerals.chinese"


def _special(g: Grammar, m, raw: str) -> Draft:
    """A fixed-value word ("half a hundred", "half price") that the master pattern matched whole."""
    for s in g.specials:
        if m.group(s.name) is not None:
            return Draft(m.start(), m.end(), s.kind, s.value, s.unit, s.form, s.rule,
                         trimmed(raw, m.start(), m.end()), suffixed=s.kind != "number")
    raise AssertionError("no special group matched")
