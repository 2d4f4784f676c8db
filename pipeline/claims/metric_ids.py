"""The canonical metric id of a row, beyond the id of its metric phrase.

The phrase names a quantity; the claim can still measure something more specific
(rules/metrics.yaml `metric_ids`): a percentage of a money or count metric is a share of
a total; a money metric stated per share is its per-share id; a level whose metric phrase
is a verb ("bought back HK$112 bn", "foreign investors net bought", "closed at 7.12")
measures what the verb names.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

import regex

from pipeline import rules
from pipeline.text.normalize import normalize_text

from .figures import Figure
from .lexicon import find_metrics, metric_kind, metric_parent, windows
from .rows import Row
from .sentence import Sentence


@functools.cache
def _rules() -> dict:
    data = rules.load("metrics")["metric_ids"]
    verbs = {normalize_text(k): v for k, v in data["verbs"].items()}
    change_verbs = {normalize_text(k): v for k, v in data["change_verbs"].items()}
    return {"per_share": regex.compile(data["per_share_marker"]), "per_share_ids": dict(data["per_share"]),
            "per_share_units": regex.compile(data["per_share_units"]), "count_ids": dict(data["count_ids"]),
            "flow_ids": dict(data["flow_ids"]), "change_verbs": change_verbs,
            "move_ids": {k: regex.compile(v) for k, v in data["move_ids"].items()},
            "verb_not_after": regex.compile(data["verb_not_after"]), "verb_overrides": dict(data["verb_overrides"]),
            "index_in_points": regex.compile(data["index_in_points"]), "points_unit": data["points_unit"],
            "points_id": data["points_id"],
            "change_verb_tail": regex.compile(rf"(?:{rules.alternation(change_verbs)})\s*$"),
            "verbs": verbs, "verb_tail": regex.compile(rf"(?:{rules.alternation(verbs)})(?={data['verb_gap']}$)"),
            "object_verbs": {normalize_text(k): v for k, v in data["object_verbs"].items()},
            "object_tail": regex.compile(rf"(?:{rules.alternation(data['object_verbs'], key=normalize_text)})"
                                         rf"(?={data['object_gap']}$)"),
            "share": data["share_of_total"], "share_ids": dict(data["share_ids"]),
            "money_verbs": frozenset(normalize_text(v) for v in data["money_only"]),
            "share_marker": regex.compile(data["share_marker"]),
            "named_share_marker": regex.compile(data["named_share_marker"]),
            "rates": frozenset(data["rates_quoted_in_money"]),
            "quote_after_move": regex.compile(data["quote_after_move"]), "quote_id": data["quote_id"],
            "quote_close": regex.compile(data["quote_close"]), "quote_intraday": regex.compile(data["quote_intraday"]),
            "intraday_quote_id": data["intraday_quote_id"], "commodity_quote_id": data["commodity_quote_id"],
            "commodity_quote_unit": regex.compile(data["commodity_quote_unit"]),
            "unit_ids": {normalize_text(k): v for k, v in data["unit_ids"].items()},
            "adjusted_before": regex.compile(data["adjusted_before"]), "adjusted_ids": dict(data["adjusted_ids"]),
            "segment_revenue_ids": {normalize_text(k): v for k, v in data["segment_revenue_ids"].items()}}


def is_quoted_rate(metric: str) -> bool:
    """A metric whose figures are quoted in a currency but are rates (an exchange rate)."""
    return metric in _rules()["rates"]


def _verb_id(row: Row, fig: Figure, s: Sentence) -> str:
    r = _rules()
    match = r["verb_tail"].search(s.text, s.clause(fig.start), fig.start)
    if match is None:      # "net bought Tencent (00700) 9.8 bn" (or 12,608 lots): a verb, what it bought, a figure
        match = r["object_tail"].search(s.text, s.clause(fig.start), fig.start) if row.kind != "ratio" else None
        return r["object_verbs"][match.group()] if match else ""
    if (match.group() in r["money_verbs"] and row.kind != "amount") \
            or r["verb_not_after"].search(s.text, s.clause(fig.start), match.start()):
        return ""
    return r["verbs"][match.group()]


def _change_verb_id(fig: Figure, s: Sentence) -> str:
    """A change with no metric phrase whose verb names the metric ("earned 25% less": net profit), or
    a price's move (a stock's move after its code, a move at the close)."""
    r = _rules()
    match = r["change_verb_tail"].search(s.text, s.clause(fig.start), fig.start)
    if match:
        return str(r["change_verbs"][match.group()])
    if fig.unit == r["points_unit"]:
        return str(r["points_id"])          # "closed up 386 points": the index moved
    if fig.measure != "percent":
        return ""
    start = max(s.clause(fig.start), fig.start - windows()["move_reach"])     # a code, a few words, a verb
    return next((str(k) for k, move in r["move_ids"].items() if move.search(s.text, start, fig.start)), "")


def _unnamed_level_id(row: Row, fig: Figure, s: Sentence) -> str:
    """A level with no metric phrase: what its verb names (a count of what a money verb names:
    sold 124,000 cars → sales volume), a quote reached after a move, a share, or a count of firms."""
    r = _rules()
    verb_id = _verb_id(row, fig, s)
    if verb_id and row.kind == "amount" and verb_id in r["per_share_ids"] and _per_share(fig, s):
        return str(r["per_share_ids"][verb_id])        # "paid 3.7 yuan per 10 shares", "paid 63 cents"
    if verb_id:
        return str(r["count_ids"].get(verb_id, verb_id)) if row.kind == "count" else verb_id
    if row.kind == "amount" and r["quote_after_move"].search(s.text, s.clause(fig.start), fig.start):
        return str(r["quote_id"])
    share = r["named_share_marker"].search(s.text, s.clause(fig.start), fig.start)
    if row.kind == "ratio" and row.unit == "%" and share and not fig.base:
        return str(r["share"])          # "5 nm took 37%": a share, though the clause names no metric
    return str(r["unit_ids"].get(_unit_written(row, s), "")) if row.kind == "count" else ""


def _per_share(fig: Figure, s: Sentence) -> bool:
    """A money figure stated per share ("per share", "per 10 shares") or in a sub-unit (cents): a per-share figure."""
    r = _rules()
    return bool(r["per_share"].search(s.text, s.clause(fig.start), fig.start)
                or any(r["per_share_units"].search(s.text, a, b) for a, b in fig.unit_spans))


def _unit_written(row: Row, s: Sentence) -> str:
    return s.text[row.unit_spans[-1][0] - s.start:row.unit_spans[-1][1] - s.start] if row.unit_spans else ""


def _qualified_id(row: Row, fig: Figure, s: Sentence) -> str:
    """A profit told as adjusted ("non-GAAP net profit", "underlying profit"), or revenue of a
    segment whose name says what it sells ("the cloud intelligence group's revenue")."""
    r = _rules()
    adjusted = r["adjusted_ids"].get(row.metric)
    if adjusted and row.metric_span \
            and r["adjusted_before"].search(s.text, s.clause(fig.start), max(0, row.metric_span[0] - s.start)):
        return str(adjusted)
    if row.metric == "revenue":
        subject = normalize_text(row.subject)
        return next((str(v) for k, v in r["segment_revenue_ids"].items() if k in subject), "")
    return ""


def _named_share(row: Row, s: Sentence) -> str:
    """The id of a share whose part is the metric named last before its whole ("R&D spending …,
    of revenue 3.6%": R&D intensity), if rules/metrics.yaml share_ids names the pair. The whole
    is the metric inside the share's phrase ("of revenue's share"), or the phrase's own."""
    if not row.metric_span:
        return ""
    start, end = (p - s.start for p in row.metric_span)
    # (a share phrase may be one term, "share of revenue": its whole is what is left without the share words)
    inside_text = _rules()["named_share_marker"].sub(" ", s.text[start:end])
    inside = [m.metric for m in find_metrics(inside_text) if m.metric and m.metric != row.metric]
    whole = inside[-1] if inside else row.metric
    part = next((m.metric for m in reversed(s.metrics) if m.end <= start and m.metric), "")
    return str(_rules()["share_ids"].get(f"{part}/{whole}", ""))


def _phrase_names_index(row: Row, s: Sentence) -> bool:
    if not row.metric_span:
        return False
    start, end = (p - s.start for p in row.metric_span)
    return _rules()["index_in_points"].search(s.text, max(0, start), max(0, end)) is not None


def _share_in_metric(row: Row, s: Sentence) -> bool:
    """A share word inside the metric phrase itself ("revenue share")."""
    if not row.metric_span:
        return False
    start, end = row.metric_span
    return _rules()["share_marker"].search(s.text, max(0, start - s.start), max(0, end - s.start)) is not None


def canonical_metric(row: Row, fig: Figure, s: Sentence, session: str = "") -> str:
    """The metric id `row` gets, given the id of its metric phrase (row.metric) and the quote id
    of the market session the article's title names (`session`, from quote_session)."""
    metric = _canonical(row, fig, s)
    return _quote_time(metric, fig, s, session) if row.kind == "amount" else metric


def quote_session(title: str) -> str:
    """The quote id a title's market session gives its quotes ("market close": the closing
    price, "midday": the share price), or '' when the title names none."""
    return _session(title, len(title))


@functools.lru_cache(maxsize=4096)
def _session_words(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the close words and of the intraday words of a sentence, found once: every
    quote of the sentence looks up the last ones before it (no rescan per quote)."""
    r = _rules()
    return ([m.span() for m in r["quote_close"].finditer(text)],
            [m.span() for m in r["quote_intraday"].finditer(text)])


def _session(text: str, end: int) -> str:
    """The quote id the last session word of text[:end] gives ('' for none)."""
    r = _rules()
    close, intraday = (_last_before(spans, end) for spans in _session_words(text))
    # the latest word decides; one joined to the close word ("the midday close") is intraday
    if intraday and (not close or intraday[1] >= close[0]):
        return str(r["intraday_quote_id"])
    return str(r["quote_id"]) if close else ""


def _last_before(spans: list[tuple[int, int]], end: int) -> tuple[int, int] | None:
    at = bisect.bisect_right(spans, end, key=lambda span: span[1])
    return spans[at - 1] if at else None


def _quote_time(metric: str, fig: Figure, s: Sentence, session: str) -> str:
    """A share price quoted after the close is the closing price, one quoted while trading goes
    on is the share price (rules/metrics.yaml quote_close, quote_intraday): as the sentence says
    before the quote, else as the title's session says. A quote per tonne or ounce is a commodity's price."""
    r = _rules()
    if metric not in (r["quote_id"], r["intraday_quote_id"]):
        return metric
    if r["commodity_quote_unit"].match(s.text, fig.end):
        return str(r["commodity_quote_id"])
    return _session(s.text, fig.start) or session or metric


def _canonical(row: Row, fig: Figure, s: Sentence) -> str:
    r = _rules()
    if not row.metric:
        return _unnamed_level_id(row, fig, s) if fig.role == "level" else _change_verb_id(fig, s)
    if row.metric == r["share"] and row.kind == "ratio":
        return _named_share(row, s) or row.metric
    if row.kind == "ratio" and row.unit == "%" and metric_kind(row.metric) in ("money", "count"):
        written = r["share_marker"].search(s.text, s.clause(fig.start), fig.start)
        return (_named_share(row, s) or str(r["share"])) if written or _share_in_metric(row, s) else ""
    counted = row.kind in ("count", "change") and row.unit and not row.unit.isascii()
    if counted and row.unit == r["points_unit"] and _phrase_names_index(row, s):
        return str(r["points_id"])
    if counted and metric_kind(row.metric) == "ratio":
        return ""                         # a rate's name over a count of things ("fund units up 1.87 bn units")
    verb_id = _verb_id(row, fig, s) if fig.role == "level" else ""
    if verb_id and (metric_parent(verb_id) == row.metric or r["verb_overrides"].get(row.metric) == verb_id):
        return verb_id                    # "the share price closed at 8.02": the closing price
    quotes = (r["quote_id"], r["intraday_quote_id"])
    if verb_id and row.metric in quotes and verb_id not in quotes:
        return verb_id                    # "…closed at 27,468 points; foreign investors net bought 15.2 bn"
    if fig.flow and row.metric in r["flow_ids"]:
        return str(r["flow_ids"][row.metric])
    unit = _unit_written(row, s)
    if row.kind == "count" and unit in r["unit_ids"] and metric_kind(row.metric) == "money":
        return str(r["unit_ids"][unit])     # "developers with sales above 10 bn: 7 (firms)"
    if row.kind == "count" and row.metric in r["count_ids"]:
        return str(r["count_ids"][row.metric])
    per_share = r["per_share_ids"].get(row.metric)
    if per_share and _per_share(fig, s):
        return str(per_share)
    return _qualified_id(row, fig, s) or row.metric


def refined_by_topic(metric: str, topics: Sequence[str], metric_text: str = "") -> str:
    """In a statistics release, a generic metric (profit) is the variant of it the title is
    about (industrial profits: rules/metrics.yaml `as_part: never` children), when the title names one;
    a phrase with no id that ends in the head word of the title's series ("primary industry investment"
    in a fixed-asset investment release: rules/metrics.yaml `topic_heads`) is a part of that series."""
    if not metric and metric_text:
        heads = rules.load("metrics")["topic_heads"]
        text = normalize_text(metric_text)
        return next((t for t in topics if t in heads and text.endswith(heads[t])), "")
    entries = rules.load("metrics")["metrics"]
    opposite = rules.load("metrics")["topic_not_variants"]
    variants = {t for t in topics if metric and metric_parent(t) == metric and entries[t].get("as_part") == "never"
                and t not in opposite}
    return variants.pop() if len(variants) == 1 else metric
