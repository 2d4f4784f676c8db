"""Finding period expressions and resolving a claim's period (contract §3).

`find_periods(text)` returns every period expression in a (normalized) text as
`PeriodMention`s: where it is, what shape it has, and the year it carries if
any. `resolve(mention, context)` turns a mention into the normalized form
(`2025`, `2025-Q4`, `2025-Q1/2025-Q3`, `FY2025` …), taking a missing year from
the context — the most recent explicit year before the claim.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from . import rules


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    text: str
    shape: str                  # year, half, quarter, month, day, *_span, duration
    fields: tuple               # (name, value) pairs of the named groups that matched
    rule: str

    def get(self, name: str) -> str | None:
        return dict(self.fields).get(name)

    @property
    def year(self) -> int | None:
        """The explicit year the phrase carries (the last one written), else None."""
        for name in ("y2", "y", "yy2", "yy"):
            raw = self.get(name)
            if raw:
                year = int(raw)
                return year + 2000 if name.startswith("yy") else year
        return None

    @property
    def first_year(self) -> int | None:
        raw_y, raw_yy = self.get("y"), self.get("yy")
        if raw_y:
            return int(raw_y)
        return 2000 + int(raw_yy) if raw_yy else None

    @property
    def fiscal(self) -> bool:
        return self.get("fy") is not None


@dataclass(frozen=True)
class YearContext:
    """The year a year-less period phrase borrows, whether it was fiscal, and the
    normalized period of the most recent dated phrase (for "same period last year")."""
    year: int
    fiscal: bool = False
    last_period: str = ""


@functools.cache
def _compiled() -> tuple[list[tuple[str, str, regex.Pattern]], regex.Pattern, regex.Pattern]:
    data = rules.load("periods")
    parts = data["parts"]

    def splice(pattern: str) -> str:
        for name, sub in parts.items():
            pattern = pattern.replace("{" + name + "}", sub)
        return pattern

    compiled = []
    for rule in data["rules"]:
        patterns = rule["pattern"] if isinstance(rule["pattern"], list) else [rule["pattern"]]
        for pattern in patterns:
            try:
                compiled.append((rule["id"], rule["shape"], regex.compile(splice(pattern))))
            except regex.error as exc:
                raise rules.RuleError(f"rules/periods.yaml: rule {rule['id']}: {exc}") from exc
    return compiled, regex.compile(data["comparison_before"]), regex.compile(data["comparison_keeps"])


def small_int(raw: str) -> int | None:
    """1-99 written in Arabic or Chinese digits (for quarters, months, days, year counts)."""
    if raw.isdigit():
        return int(raw)
    data = rules.load("periods")
    digits, ten = data["digits"], data["ten"]
    if ten in raw:
        tens, _, units = raw.partition(ten)
        high = digits.get(tens, 1) if tens else 1
        low = digits.get(units, 0) if units else 0
        return high * 10 + low
    value = 0
    for ch in raw:
        if ch not in digits:
            return None
        value = value * 10 + digits[ch]
    return value


def find_periods(text: str) -> list[PeriodMention]:
    """Every period expression in `text`, longest first where they overlap, in order."""
    compiled, comparison, keeps = _compiled()
    found: list[PeriodMention] = []
    for rule_id, shape, pattern in compiled:
        for match in pattern.finditer(text):
            start, end = match.span()
            while start < end and text[start].isspace():
                start += 1
            if start == end:
                continue
            fields = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            found.append(PeriodMention(start, end, text[start:end], shape, fields, rule_id))
    found.sort(key=lambda p: (-(p.end - p.start), p.start))
    chosen: list[PeriodMention] = []
    taken = [False] * (len(text) + 1)
    for mention in found:
        if any(taken[mention.start:mention.end]):
            continue
        chosen.append(mention)
        for i in range(mention.start, mention.end):
            taken[i] = True
    # A comparison base ("than last year") is no period; decided on the longest phrase only.
    chosen = [p for p in chosen
              if not (comparison.search(text[max(0, p.start - 4):p.start]) and not keeps.match(text, p.end))]
    return sorted(chosen, key=lambda p: p.start)


def _base_year(mention: PeriodMention, context: YearContext | None) -> tuple[int, bool] | None:
    explicit = mention.first_year
    if explicit is not None:
        return explicit, mention.fiscal
    if context is None:
        return None
    offset = rules.load("periods")["relative_years"].get(mention.get("rel") or "", 0)
    return context.year + offset, context.fiscal


def _ended(year: int, month: int, span: str) -> str:
    """The period of "the N months ended <year>-<month>" as a quarter, half, span or year."""
    data = rules.load("periods")
    months = data["ended_spans"].get(span, data["ended_quarter_months"])
    if months == 12:
        return f"FY{year}" if span in data["ended_fiscal"] and month != 12 else f"{year}"
    if months == 9 and month == 9:
        return f"{year}-Q1/{year}-Q3"
    if months == 6 and month in (6, 12):
        return f"{year}-H{month // 6}"
    if months == 3 and month in (3, 6, 9, 12):
        return f"{year}-Q{month // 3}"
    return ""


def resolve(mention: PeriodMention, context: YearContext | None) -> str:
    """The normalized period of `mention`; '' when no year can be assigned."""
    base = _base_year(mention, context)
    if base is None:
        return ""
    year, fiscal = base
    prefix = "FY" if fiscal else ""
    get = mention.get
    shape = mention.shape
    if shape == "year":
        return f"{prefix}{year}"
    if shape == "same_period":
        # The period last dated in the text, one year earlier (after 2025-H1 it gives 2024-H1).
        if context is not None and context.last_period:
            return regex.sub(r"\d{4}", lambda m: str(int(m.group()) - 1), context.last_period)
        return f"{prefix}{year}"
    if shape == "ended":
        return _ended(year, small_int(get("m") or "") or 0, get("span") or "")
    if shape == "year_span":
        return f"{year}/{mention.year}"
    if shape == "duration":
        count = small_int(get("n") or "")
        return f"{year - count + 1}/{year}" if count else ""
    if shape == "half":
        half = rules.load("periods")["halves"].get(get("h") or "", 1)
        return f"{prefix}{year}-H{half}"
    if shape == "quarter":
        quarter = small_int(get("q")) if get("q") else 1
        return f"{prefix}{year}-Q{quarter}" if quarter and 1 <= quarter <= 4 else ""
    if shape == "quarter_span":
        last = small_int(get("q2") or "") or 0
        return f"{prefix}{year}-Q1/{prefix}{year}-Q{last}" if 1 <= last <= 4 else ""
    if shape == "month":
        month = small_int(get("m") or "")
        return f"{year}-{month:02d}" if month and 1 <= month <= 12 else ""
    if shape == "month_span":
        first = small_int(get("m")) if get("m") else 1
        last = small_int(get("m2") or "")
        if not (first and last and 1 <= first <= last <= 12):
            return ""
        return f"{year}-{first:02d}/{year}-{last:02d}"
    if shape == "day":
        month, day = small_int(get("m") or ""), small_int(get("d") or "")
        if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
            return ""
        return f"{year}-{month:02d}-{day:02d}"
    return ""
