"""Finding numeric mentions: numbers, percentages and money amounts.

``find_quantities(text)`` returns every numeric mention of `text` as a
``Quantity``, sorted by start and non-overlapping. Offsets are Python ``str``
indices into the text as given, ``[start, end)``, and ``text`` is always
``input[start:end]``. Matching runs on ``normalize_text(text)``, which keeps
the length, so offsets carry over one to one.

How it works: one master pattern (assembled in ``quantity_grammar`` from the
rule files ``rules/quantity_*.yaml``) finds where a mention may start; the
numeral is read by ``numerals.read_numeral``; anchored patterns then read
what follows it (fraction marker, percent sign, percentage points,
multiples, tenths, discounts, currency word, minor units); context filters
drop traps (Latin model names, idioms, words that contain a numeral
character); last, neighbouring mentions joined by a range
separator become one range. Every mention records the rule id that made it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from pipeline import numerals
from pipeline.normalize import normalize_text
from pipeline.numerals import Reading, Vague, read_numeral, to_float
from pipeline.quantity_grammar import grammar

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
    form: str = "plain"
    generic_currency: bool = False
    rule: str = ""

    def __getitem__(self, key):
        return getattr(self, key)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    value: Decimal | None
    unit: str = ""
    form: str = "plain"
    rule: str = ""
    unit_text: str = ""
    generic: bool = False
    value_max: Decimal | None = None
    power: int = 0                 # power of the closing scale words (420 yi -> 8)
    factor: Decimal = Decimal(1)   # unit factor applied to the numeral (tenths -> 10)
    suffixed: bool = False         # a unit, currency or percent word is part of it
    minus: bool = False            # signed with an ASCII hyphen
    spans: list = field(default_factory=list)


def find_quantities(text: str) -> list[Quantity]:
    """Every number, percentage and money amount in `text` (see module doc)."""
    if not isinstance(text, str) or not text:
        return []
    g = grammar()
    norm = g.prepare(text, normalize_text(text))
    drafts = _merge_ranges(norm, _scan(norm, text, g), g)
    out = []
    for d in drafts:
        if g.ambiguous(norm, d.start, d.end):
            continue
        out.append(Quantity(
            start=d.start, end=d.end, text=text[d.start:d.end], kind=d.kind,
            value=to_float(d.value), unit=d.unit, value_max=to_float(d.value_max),
            unit_text=d.unit_text, form=d.form, generic_currency=d.generic, rule=d.rule))
    return out


def _scan(norm: str, raw: str, g) -> list[_Draft]:
    drafts: list[_Draft] = []
    pos, n = 0, len(norm)
    while pos < n:
        m = g.master.search(norm, pos)
        if m is None:
            break
        group = m.lastgroup
        if group in ("mask", "vague", "latin"):
            pos = max(m.end(), m.start() + 1)
            continue
        if group == "chain":
            for seg in g.digits_re.finditer(norm, m.start(), m.end()):
                drafts.append(_Draft(seg.start(), seg.end(), "number", Decimal(seg.group()),
                                     rule="numerals.chain"))
            pos = m.end()
            continue
        if group == "special":
            drafts.append(g.special_draft(m, raw))
            pos = m.end()
            continue
        if group == "dd":
            value = Decimal(m.group("d1") + m.group("d2"))
            end = g.zhe_re.match(norm, m.end()).end()
            drafts.append(_Draft(m.start(), end, "percent", value, "%", "discount",
                                 "percent.discount", raw[m.end():end].strip(), suffixed=True))
            pos = end
            continue
        draft, skip_to = _quantity(norm, raw, m, g)
        if draft is None:
            pos = max(skip_to, m.start() + 1)
            continue
        drafts.append(draft)
        pos = draft.end
    return drafts


def _quantity(norm: str, raw: str, m, g) -> tuple[_Draft | None, int]:
    """Read the mention whose start the master pattern found; (draft, skip)."""
    first = m.end("qty")
    try:
        reading = read_numeral(norm, first, allow_bare=True)
        cut = g.ambiguous_piece(norm, reading)
        if cut is not None:  # a space-separated piece belongs to a word: stop before it
            if cut <= first:
                return None, m.start() + 1
            reading = read_numeral(norm, first, cut, allow_bare=True)
    except Vague as exc:
        return None, exc.args[1]
    if reading is None:
        return None, m.start() + 1
    sign_text = m.group("s2") or m.group("s1") or ""
    negative = sign_text in g.negative
    start = m.start()
    pcur = m.group("pcur")
    draft = _fraction(norm, reading, g)
    if draft is None:
        draft = _suffix(norm, raw, reading, g)
    if draft is None:
        if not g.standalone_ok(norm, reading):
            return None, m.start() + 1
        draft = _Draft(reading.start, reading.end, "number", reading.value,
                       rule=_numeral_rule(reading), power=reading.trailing_power,
                       unit_text=raw[reading.scale_start:reading.end].strip())
    if pcur is not None:
        code = g.prefix[pcur]
        pcur_written = raw[m.start("pcur"):m.end("pcur")]
        if draft.kind == "number" and draft.form == "plain" and not draft.suffixed:
            draft.kind, draft.unit, draft.rule = "money", code, "currencies.prefix"
            draft.unit_text = pcur_written + draft.unit_text
        elif draft.kind == "money" and (draft.unit == code or draft.generic):
            draft.unit, draft.generic, draft.rule = code, False, "currencies.prefix"
            draft.unit_text = pcur_written + draft.unit_text
        else:  # the prefix names another currency: it is not part of this mention
            start = m.start("s2") if m.group("s2") else m.end("pcur")
            start = g.gap_re.match(norm, start).end()
            if not m.group("s2"):
                negative = False
    elif not draft.suffixed and not g.context_ok(norm, start, draft.end):
        return None, g.skip_token(norm, draft.end)
    if negative and draft.value is not None:
        draft.value = -draft.value
    draft.minus = sign_text == "-"
    draft.start = start
    return draft, draft.end


def _numeral_rule(reading: Reading) -> str:
    if all(t.kind in ("num", "mult") for t in reading.tokens):
        return "numerals.arabic"
    return "numerals.chinese"


def _fraction(norm: str, reading: Reading, g) -> _Draft | None:
    """Fractions in words (with a whole part or not), a/b and a b/c."""
    mixed = g.mixed_re.match(norm, reading.end)
    if mixed is not None:
        try:
            inner = read_numeral(norm, mixed.end())
        except Vague:
            inner = None
        if inner is not None:
            frac = _fraction(norm, inner, g)
            if frac is not None and frac.form == "fraction" and frac.value is not None:
                frac.value = reading.value + frac.value if reading.value >= 0 \
                    else reading.value - frac.value
                frac.start = reading.start
                return frac
    tail = g.fraction_re.match(norm, reading.end)
    if tail is not None:
        negative = tail.group("sign") is not None
        try:
            numerator = read_numeral(norm, tail.end(), allow_bare=True)
        except Vague:
            return None
        if numerator is None or reading.value == 0:
            return None
        value = numerals._CONTEXT.divide(numerator.value, reading.value)
        value = -value if negative else value
        if reading.bare and reading.value >= 100:
            return _Draft(reading.start, numerator.end, "percent", value * 100, "%",
                          rule="percent.words", suffixed=True,
                          unit_text=norm[reading.start:tail.end()].replace(" ", ""))
        return _Draft(reading.start, numerator.end, "number", value, form="fraction",
                      rule="percent.fraction", suffixed=True)
    slash = g.slash_re.match(norm, reading.end)
    if slash is not None and _is_int(reading):
        den = Decimal(slash.group("den") or slash.group("den2"))
        if den != 0:
            value = numerals._CONTEXT.divide(reading.value, den)
            if slash.group("whole") is not None:  # 1 3/5
                num = Decimal(slash.group("whole"))
                value = reading.value + numerals._CONTEXT.divide(num, den)
            return _Draft(reading.start, slash.end(), "number", value, form="fraction",
                          rule="percent.fraction", suffixed=True)
    return None


def _is_int(reading: Reading) -> bool:
    return len(reading.tokens) == 1 and reading.tokens[0].kind == "num" \
        and reading.tokens[0].text.isdigit()


def _suffix(norm: str, raw: str, reading: Reading, g) -> _Draft | None:
    """A percent sign, point, multiple, tenth, discount or currency after the numeral."""
    m = g.suffix_re.match(norm, reading.end)
    if m is None:
        return None
    kind_group = m.lastgroup
    value = reading.value
    written = raw[reading.scale_start:m.end()].strip()
    d = _Draft(reading.start, m.end(), "percent", value, "%", rule="percent.sign",
               unit_text=written, suffixed=True, power=reading.trailing_power)
    if kind_group == "pct":
        d.factor = g.percent_signs[m.group("pct")]
        d.value = value * d.factor
    elif kind_group == "pp":
        d.form, d.rule = "pp", "percent.points"
    elif kind_group == "bp":
        d.kind, d.unit, d.form, d.rule = "number", "", "bp", "percent.basis_points"
    elif kind_group == "mult":
        d.kind, d.unit, d.form, d.rule = "number", "", "multiple", "percent.multiple"
    elif kind_group in ("cheng", "cheng_tail"):
        if reading.trailing_power or not Decimal(0) < value <= 10:
            return None
        tail = m.group("cheng_tail")
        if tail is not None and value != value.to_integral_value():
            d.end = m.end("cheng")
            tail = None
        extra = Decimal(0) if tail is None else g.half_or_digit(tail)
        d.value, d.factor, d.rule = value * 10 + extra, Decimal(10), "percent.cheng"
        d.unit_text = raw[m.start("cheng"):m.end("cheng")]
    elif kind_group == "zhe":
        d.value = _discount(reading)
        if d.value is None:
            return None
        d.form, d.rule, d.factor = "discount", "percent.discount", Decimal(10)
    else:
        return _money(norm, raw, reading, m, g)
    return d


def _discount(reading: Reading) -> Decimal | None:
    value, tokens = reading.value, reading.tokens
    if reading.positional and len(tokens) == 2 and tokens[0].value != 0:
        return value
    if len(tokens) == 1 and tokens[0].kind == "num" and tokens[0].text.isdigit() \
            and len(tokens[0].text) == 2 and value >= 11:
        return value
    if Decimal(0) < value < 10 and not reading.trailing_power:
        return value * 10
    return None


def _money(norm: str, raw: str, reading: Reading, m, g) -> _Draft:
    spec = m.group("spec") or m.group("crypto")
    code = g.suffix[spec] if spec else "CNY"
    written = raw[reading.scale_start:m.end()].strip()
    d = _Draft(reading.start, m.end(), "money", reading.value, code, rule="currencies.suffix",
               unit_text=written, generic=spec is None, suffixed=True,
               power=reading.trailing_power)
    subunits = g.subunits.get(code)
    if subunits and m.group("crypto") is None:
        end, value = d.end, d.value
        for _ in range(2):
            sm = g.subunit_re.match(norm, end)
            if sm is None:
                break
            try:
                inner = read_numeral(norm, sm.end())
            except Vague:
                break
            if inner is None or not _is_small_digit(inner):
                break
            word = g.subunit_word_re.match(norm, inner.end)
            if word is None or word.group() not in subunits:
                break
            value += inner.value * subunits[word.group()]
            end = word.end()
        if end != d.end:
            d.end, d.value, d.rule = end, value, "currencies.subunit"
    return d


def _is_small_digit(reading: Reading) -> bool:
    return len(reading.tokens) == 1 and reading.tokens[0].kind in ("dig", "num") \
        and reading.value == reading.value.to_integral_value() and 0 <= reading.value < 100


def _merge_ranges(norm: str, drafts: list[_Draft], g) -> list[_Draft]:
    """Join `a SEP b` (10%-15%, 20-30 with a scale and currency) into one range mention."""
    out: list[_Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        merged = _range(norm, a, b, g) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(norm: str, a: _Draft, b: _Draft, g) -> _Draft | None:
    if a.value is None or b.value is None or a.value_max is not None or b.value_max is not None:
        return None
    between, end, per_unit = norm[a.end:b.start], b.end, ""
    per = g.per_unit_re.match(norm, a.end)
    if per is not None:                       # "4.50 yuan/share to 4.94 yuan/share": a suffix after both ends
        tail = g.per_unit_re.match(norm, b.end)
        if tail is None or tail.group() != per.group():
            return None
        between, end, per_unit = norm[per.end():b.start], tail.end(), per.group()
    hi = b.value
    if between == "" and b.minus and hi < 0:
        hi = -hi  # an amount, a hyphen, an amount: the hyphen was read as a sign
    elif not g.range_sep_re.fullmatch(between):
        return None
    lo = a.value
    if a.kind == "number" and a.form == "plain" and not a.suffixed:
        if not a.power and b.power:
            lo = lo.scaleb(b.power)
        lo = lo * b.factor
    elif (a.kind, a.unit, a.form) != (b.kind, b.unit, b.form):
        return None
    if not lo < hi:
        return None
    return _Draft(a.start, end, b.kind, lo, b.unit, b.form, "numerals.range", b.unit_text + per_unit,
                  b.generic and a.generic if a.kind == "money" else b.generic, hi,
                  b.power, b.factor, True)
