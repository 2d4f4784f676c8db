"""Finding period expressions (contract §3) in normalized text.

`find_periods(text)` returns every period expression as a `PeriodMention`: where
it is, what shape it has (year, half, quarter, month, day, spans, duration, "same
period last year", "N months ended"), and the year it carries if any. Patterns
are in `rules/periods.yaml`. Resolving a mention to its normal form is `resolve.py`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from pipeline import rules

__all__ = ["PeriodMention", "find_periods"]


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


def find_periods(text: str) -> list[PeriodMention]:
    """Every period expression in `text`, longest first where they overlap, in order."""
    compiled, comparison, keeps = _compiled()
    window = rules.load("periods")["comparison_window"]
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
              if not (comparison.search(text, max(0, p.start - window), p.start) and not keeps.match(text, p.end))]
    return sorted(chosen, key=lambda p: p.start)
