"""What makes two claims comparable: subject, metric taxonomy, the figures a claim states,
and periods as month ranges (to tell 2024-Q4 inside 2024)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .figures import Interval, change_interval, is_empty, level_interval, significant_digits


@functools.cache
def metrics_as_part(how: str) -> frozenset[str]:
    """Metric ids whose `as_part` in rules/metrics.yaml is `how`: `never` (a variant of the
    parent, a per-unit figure or an index derived from it) or `alone` (cuts across siblings)."""
    return frozenset(m for m, d in rules.load("metrics")["metrics"].items() if d.get("as_part") == how)


@functools.cache
def _generic_subjects() -> frozenset[str]:
    """Group words, back-references and bare company suffixes ("the bank", "the group")."""
    data = rules.load("subjects")
    words = [*data["group_words"], *data["references"], *data["name_suffixes"]]
    return frozenset(normalize_text(w) for w in words)


@functools.lru_cache(maxsize=65536)
def subject_key(subject: str) -> str:
    """The subject in one script and width, for comparing across articles."""
    return normalize_text(str(subject or "").strip())


def is_specific(subject: str) -> bool:
    """A named entity, not a group word or a back-reference ("the company", "the industry")."""
    key = subject_key(subject)
    return bool(key) and key not in _generic_subjects()


def same_subject(a: str, b: str) -> bool:
    """Within one article: equal, or one named entity contains the other (the holding company
    and its short name) — a group word inside a name ("bank" in "X Bank") does not count."""
    x, y = subject_key(a), subject_key(b)
    short, long_ = sorted((x, y), key=len)
    return x == y or (is_specific(short) and short in long_)


@functools.cache
def _taxonomy() -> dict[str, dict]:
    return dict(rules.load("metrics")["metrics"])


@functools.cache
def parts_of(metric: str) -> frozenset[str]:
    """Metric ids that are parts of `metric` (segment revenues of revenue …): its children in
    the taxonomy of the same kind (money or count), less the variants."""
    taxonomy = _taxonomy()
    kind = taxonomy.get(metric, {}).get("kind")
    if kind not in ("money", "count"):
        return frozenset()
    return frozenset(m for m, d in taxonomy.items()
                     if d.get("parent") == metric and d.get("kind") == kind and m not in metrics_as_part("never"))


_CLAUSE_MARK = regex.compile(r"[,;:\u3001\uff0c\uff1b\uff1a]")
_NOT_A_WORD = regex.compile(r"[\p{P}\p{S}\p{N}\s]+")


def qualifier_words(row) -> str:
    """The words written before the claim's metric phrase in its clause, less its subject and
    period phrase: "Moutai liquor" in "Moutai liquor revenue 1098.6". Two figures of one metric
    with different such words may well be about different segments, products or regions."""
    sentence, metric = str(row.get("sentence") or ""), str(row.get("metric_text") or "")
    anchor = sentence.find(str(row.get("text") or ""))
    at = sentence.rfind(metric, 0, anchor if anchor >= 0 else len(sentence)) if metric else -1
    if at < 0:
        return ""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, at)]
    words = sentence[marks[-1] if marks else 0:at]
    for phrase in (str(row.get("period_text") or ""), str(row.get("subject") or "")):
        if phrase:
            words = words.replace(phrase, "")
    return subject_key(_NOT_A_WORD.sub("", words))


def subject_stated(row) -> bool:
    """True when the claim's own sentence names its subject."""
    subject = str(row.get("subject") or "").strip()
    return bool(subject) and subject in str(row.get("sentence") or "")


# ----- figures ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    """One figure a claim states: its level, or its change (percent, points, absolute)."""
    name: str               # value, change_pct, change_pp, change_abs
    unit: str
    span: Interval
    written: str            # as the article writes it (the anchor), or as a signed change
    digits: int             # significant digits as written


def _signed(value: float, suffix: str) -> str:
    return f"{value:+g}{suffix}"


def figures(row) -> list[Figure]:
    """The figures of a claim row that can be compared with other claims."""
    out = []
    level = level_interval(row)
    if level is not None:
        out.append(Figure("value", str(row.get("unit") or ""), level, str(row["text"]),
                          significant_digits(row["text"], float(row["value"]))))
    anchored = row.get("kind") == "change"
    for name, suffix in (("change_pct", "%"), ("change_pp", "pp"), ("change_abs", "")):
        span = change_interval(row, name)
        if span is None:
            continue
        value = float(row[name])
        written = str(row["text"]) if anchored else _signed(value, suffix)
        digits = significant_digits(row["text"], value) if anchored else significant_digits("", value)
        unit = {"change_pct": "%", "change_pp": "pp"}.get(name, str(row.get("unit") or ""))
        out.append(Figure(name, unit, span, written, digits))
    return out


# ----- periods as ranges -------------------------------------------------------------------------

_PART = regex.compile(r"(?:FY)?(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{2}))(?:-\d{2})?)?")


def _months(part: str) -> tuple[int, int] | None:
    m = _PART.fullmatch(part)
    if not m:
        return None
    year = int(m.group(1)) * 12
    if m.group(2):
        first = (int(m.group(3)) - 1) * 6
        return year + first, year + first + 5
    if m.group(4):
        first = (int(m.group(5)) - 1) * 3
        return year + first, year + first + 2
    if m.group(6):
        return year + int(m.group(6)) - 1, year + int(m.group(6)) - 1
    return year, year + 11


def month_range(period: str) -> tuple[int, int] | None:
    """The months a period covers, as (first, last) month numbers; None if it is not a period."""
    if not period:
        return None
    ends = [_months(p) for p in str(period).split("/")]
    if any(e is None for e in ends) or len(ends) > 2:
        return None
    return ends[0][0], ends[-1][1]           # type: ignore[index]


def nested(a: str, b: str) -> bool:
    """True when one period lies within the other (2024-Q4 and 2024; 2019/2025 and 2025)."""
    x, y = month_range(a), month_range(b)
    if x is None or y is None:
        return False
    return (x[0] <= y[0] and y[1] <= x[1]) or (y[0] <= x[0] and x[1] <= y[1])


def comparable(row) -> bool:
    """A claim that can take part in a check: it has a metric and a period."""
    return bool(row.get("metric")) and not is_empty(row.get("period")) and bool(row.get("period"))
