"""Assemble claims: figures of one sentence → rows of the claim table (contract §1–3).

A level and the change stated for it share a row (same clause, or the next
clause without a metric of its own); further changes are change-only rows with
the level's subject, metric and period; a conversion in brackets is a row of
its own carrying the main row's change, metric and period; a distributive list
gives a row per figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from . import lexicon
from .context import (
    apply_distributive,
    basis_of,
    claim_rules,
    metric_for,
    modality_of,
    period_for,
)
from .figures import Figure, read_figures
from .periods import PeriodMention, YearContext, resolve
from .segment import clause_starts
from .subjects import find_subject, is_noun_phrase


@dataclass
class Row:
    start: int                          # anchor in document (plain-text) coordinates
    end: int
    kind: str
    subject: str = ""
    metric: str = ""
    metric_span: tuple[int, int] | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str = ""
    unit_text: str = ""
    qualifier: str = "="
    change_pct: float | None = None
    change_pp: float | None = None
    change_max: float | None = None
    change_abs: float | None = None
    change_basis: str = ""
    period: str = ""
    period_span: tuple[int, int] | None = None
    modality: str = "actual"
    sentence_span: tuple[int, int] = (0, 0)
    rule: str = ""
    linked: list = field(default_factory=list)     # conversion rows that share this row's change

    @property
    def has_change(self) -> bool:
        return any(v is not None for v in (self.change_pct, self.change_pp, self.change_abs))


@dataclass
class DocContext:
    """What a sentence needs to know about the rest of the document."""
    periods: list[PeriodMention]        # body period mentions, document coordinates
    main_currency: str = "CNY"
    yuan_currency: str = "CNY"          # what a bare yuan sign means in this document
    last_subject: str = ""              # reset at each paragraph
    last_row: "Row | None" = None       # the document's last claim so far (for sub-item sentences)
    main_subject: str = ""              # the article's main company, as written
    raw_text: Callable[[int, int], str] = lambda start, end: ""   # document span → raw text

    def year_before(self, position: int) -> YearContext | None:
        best = None
        for mention in self.periods:
            if mention.start >= position:
                break
            if mention.year is not None:
                best = mention
        if best is None:
            return None
        return YearContext(best.year, best.fiscal, resolve(best, None))

    def dated_mention_before(self, position: int) -> PeriodMention | None:
        best = None
        for mention in self.periods:
            if mention.start >= position:
                break
            if mention.first_year is not None:
                best = mention
        return best


def _kind_and_unit(fig: Figure, metric_kind: str, ctx: DocContext) -> tuple[str, str]:
    if fig.role == "change":
        if fig.change_abs is None:
            return "change", ""
        return "change", _currency(fig, ctx) if fig.measure == "money" else fig.unit
    if fig.measure == "money":
        return "amount", _currency(fig, ctx)
    if fig.measure in ("percent", "multiple"):
        return "ratio", fig.unit or "%"
    if fig.measure == "count" and metric_kind == "money" and not fig.unit:
        return "amount", ctx.main_currency
    return "count", fig.unit


def _currency(fig: Figure, ctx: DocContext) -> str:
    if fig.generic_currency:
        return ctx.yuan_currency
    return fig.unit or ctx.main_currency


def generic_yuan_currencies() -> set[str]:
    return claim_rules()["yuan"]


def _sentence_periods(ctx: DocContext, s0: int, s1: int) -> list[PeriodMention]:
    return [replace(p, start=p.start - s0, end=p.end - s0) for p in ctx.periods if s0 <= p.start and p.end <= s1]


def assemble(sentence: str, s0: int, ctx: DocContext) -> list[Row]:
    """Claim rows of one normalized sentence that starts at document offset `s0`."""
    clauses = clause_starts(sentence)
    periods = _sentence_periods(ctx, s0, s0 + len(sentence))
    figures = read_figures(sentence, clauses, [(p.start, p.end) for p in periods])
    if not figures:
        return []
    runs = apply_distributive(figures, sentence)
    metrics = lexicon.find_metrics(sentence)
    builder = _SentenceBuilder(sentence, s0, ctx, clauses, periods, metrics, runs)
    for fig in figures:
        builder.add(fig)
    return builder.finish()


class _SentenceBuilder:
    def __init__(self, sentence, s0, ctx, clauses, periods, metrics, runs):
        self.sentence, self.s0, self.ctx = sentence, s0, ctx
        self.clauses, self.periods, self.metrics = clauses, periods, metrics
        self.runs = runs
        self.rows: list[Row] = []
        self.level: tuple[Row, Figure] | None = None
        self.pending: list[Figure] = []
        self.distributive = claim_rules()["distributive"].search(sentence)
        self.run_rows: list[Row] = []        # rows of the last distributive run of levels
        self.last_end = 0                    # end of the figure added last

    # -- rows ---------------------------------------------------------------
    def _new_row(self, fig: Figure, metric, continued: Row | None) -> Row:
        kind, unit = _kind_and_unit(fig, metric.kind if metric else "", self.ctx)
        row = Row(self.s0 + fig.start, self.s0 + fig.end, kind, value=fig.value, value_max=fig.value_max,
                  unit=unit, unit_text=fig.unit_text, qualifier=fig.qualifier,
                  change_pct=fig.change_pct, change_pp=fig.change_pp, change_abs=fig.change_abs,
                  change_max=fig.change_max, rule=fig.rule,
                  sentence_span=(self.s0, self.s0 + len(self.sentence)))
        if metric is not None:
            row.metric, row.metric_span = metric.metric, (self.s0 + metric.start, self.s0 + metric.end)
        elif continued is not None:
            row.metric, row.metric_span = continued.metric, continued.metric_span
        if continued is not None and fig.role == "change" and self._continues(continued, fig):
            row.period, row.period_span, row.subject = continued.period, continued.period_span, continued.subject
        else:
            self._set_period(row, fig)
            row.subject = find_subject(self.sentence, self.s0, row, self.ctx)
        row.modality = modality_of(self.sentence, fig.start, self.clauses)
        if fig.role == "change":
            row.change_basis = self._basis_of(fig, row)
        return row

    def _own_period(self, fig: Figure, clause: int) -> bool:
        """The figure's clause names a period of its own after any figure before it (a Q3 net addition)."""
        start = max(clause, self.last_end)
        return any(start <= p.start and p.end <= fig.start for p in self.periods)

    def _continues(self, level_row: Row, fig: Figure) -> bool:
        own = period_for(fig, self.periods, self.clauses[fig.start], self.sentence)
        return own is None or self.s0 + own.start <= (level_row.period_span or (0, 0))[0]

    def _set_period(self, row: Row, fig: Figure) -> None:
        mention = period_for(fig, self.periods, self.clauses[fig.start], self.sentence)
        if mention is not None:
            run_index = self._run_index(fig)
            if mention.shape == "year_span" and self.distributive and run_index is not None:
                year = (mention.first_year or 0) + run_index
                row.period = str(year) if year <= (mention.year or 0) else ""
            else:
                row.period = resolve(mention, self.ctx.year_before(self.s0 + fig.start))
            row.period_span = (self.s0 + mention.start, self.s0 + mention.end)
            return
        dated = self.ctx.dated_mention_before(self.s0 + fig.start)
        if dated is not None:
            row.period = resolve(dated, None)
            row.period_span = (dated.start, dated.end)

    def _run_index(self, fig: Figure) -> int | None:
        for run in self.runs:
            if fig in run:
                return run.index(fig)
        return None

    def _period_shape(self, row: Row) -> str:
        if row.period_span is None:
            return ""
        for p in self.ctx.periods:
            if (p.start, p.end) == row.period_span:
                return p.shape
        return ""

    def _basis_of(self, fig: Figure, row: Row) -> str:
        return basis_of(self.sentence, self.clauses[fig.start], fig.start, self._period_shape(row))

    def _attach(self, row: Row, fig: Figure) -> None:
        for target in [row] + row.linked:
            target.change_pct, target.change_pp = fig.change_pct, fig.change_pp
            target.change_abs, target.change_max = fig.change_abs, fig.change_max
            target.change_basis = basis_of(self.sentence, self.clauses[fig.start], fig.start,
                                         self._period_shape(target))
            if fig.change_abs is not None and target.kind == "change":
                target.unit = fig.unit

    # -- figures ------------------------------------------------------------
    def add(self, fig: Figure) -> None:
        clause = self.clauses[fig.start]
        metric, _ = metric_for(fig, self.metrics, clause, self.sentence)
        if fig.role == "level":
            self._add_level(fig, metric, clause)
        elif fig.to_level:
            self.pending.append(fig)
        else:
            self._add_change(fig, metric, clause)
        self.last_end = fig.end

    def _is_conversion(self, fig: Figure) -> bool:
        if self.level is None or fig.measure != "money":
            return False
        row, level_fig = self.level
        gap = self.sentence[level_fig.end:fig.start]
        return row.kind == "amount" and claim_rules()["conversion"].match(gap) is not None

    def _add_level(self, fig: Figure, metric, clause: int) -> None:
        if fig.bare and (metric is None or metric.end < fig.start - 3):
            return
        if self._is_conversion(fig):
            main, _ = self.level
            row = self._new_row(fig, None, main)
            row.period, row.period_span, row.subject = main.period, main.period_span, main.subject
            row.change_pct, row.change_pp, row.change_abs = main.change_pct, main.change_pp, main.change_abs
            row.change_max, row.change_basis = main.change_max, main.change_basis
            main.linked.append(row)
            self.rows.append(row)
            return
        continued = None
        share = claim_rules()["share_of"].search(self.sentence, clause, fig.start) if fig.measure == "percent" else None
        bare_share = share is not None and share.group("phrase") in claim_rules()["share_words"]
        if share and not bare_share and self.rows and self.rows[-1].metric_span:
            metric, continued = None, self.rows[-1]  # "fintech spend ..., 3.47% of revenue": the part
        elif share and share.group("noun"):
            start, end = share.span("phrase")        # "the share of total retail sales was 24.7%"
            metric = lexicon.MetricMention(start, end, "share_of_total", "ratio")
        elif metric is None and fig.base and self._previous_row():
            continued = self._previous_row()
        elif metric is None and fig.measure in ("percent", "multiple") and self._metric_since_last_figure(fig):
            metric = self._metric_since_last_figure(fig)  # "…revenue share is highest, at 41.0%"
        elif metric is None and self._continues_previous(fig, clause):
            continued = self._previous_row()
        elif metric is None and self._run_index(fig) and self.run_rows:
            continued = self.run_rows[0]            # later figures of a list share the first one's metric
        elif metric is None and fig.measure in ("percent", "multiple"):
            metric = self._unclaimed_metric(fig)
        row = self._new_row(fig, metric, continued)
        pending = [p for p in self.pending if self.clauses[p.start] == clause]
        if pending:
            self._attach(row, pending[0])
            self.pending = [p for p in self.pending if p is not pending[0]]
        self.rows.append(row)
        if fig.base:
            return                                  # a comparison base: later changes belong to the main level
        run_index = self._run_index(fig)
        if run_index is None:
            self.run_rows = []                      # a level outside the list ends it
        else:
            self.run_rows = [row] if run_index == 0 else self.run_rows + [row]
        self.level = (row, fig)

    def _previous_row(self) -> Row | None:
        """The claim a metric-less level may continue: the sentence's last, else the document's."""
        return self.rows[-1] if self.rows else self.ctx.last_row

    def _continues_previous(self, fig: Figure, clause: int) -> bool:
        """A clause with only a period phrase, a sub-item noun and a link before the level
        ("same period last year: 0.85 dollars"; rules/claim_filters.yaml continuation_gap)."""
        previous = self._previous_row()
        if previous is None or not previous.metric_span:
            return False
        gap = list(self.sentence[clause:fig.start])
        for p in self.periods:
            if clause <= p.start and p.end <= fig.start:
                gap[p.start - clause:p.end - clause] = " " * (p.end - p.start)
        match = claim_rules()["continuation"].match("".join(gap))
        if match is None:
            return False
        if not self.rows:                            # across sentences: only a period and a link verb
            return not match.group("item").strip() and bool(match.group("link"))
        return is_noun_phrase(match.group("item"), claim_rules()["item_flags"])

    def _unclaimed_metric(self, fig: Figure):
        """A ratio metric named earlier in the sentence that no row has taken yet."""
        used = {row.metric_span for row in self.rows}
        earlier = [m for m in self.metrics if m.end <= fig.start and m.kind == "ratio"
                   and (self.s0 + m.start, self.s0 + m.end) not in used]
        return earlier[-1] if earlier else None

    def _metric_since_last_figure(self, fig: Figure):
        """A metric named after the previous figure, in an earlier clause ("...; vegetable prices turned, up 1.5%")."""
        verbs, _ = lexicon.verb_metrics()
        between = [m for m in self.metrics if self.last_end <= m.start and m.end <= fig.start
                   and self.sentence[m.start:m.end] not in verbs]
        return between[-1] if between else None

    def _sub_item_of(self) -> Row | None:
        """The claim a sub-item sentence ("Of which, ...") continues: the document's last claim."""
        opening = claim_rules()["sub_item_opening"].match(self.sentence)
        return self.ctx.last_row if opening and not self.rows else None

    def _add_change(self, fig: Figure, metric, clause: int) -> None:
        waiting = [row for row in self.run_rows if not row.has_change]
        if self.distributive and waiting and metric is None:
            self._attach(waiting[0], fig)           # "revenue A and B, up x% and y% respectively"
            return
        if self.level is not None:
            row, level_fig = self.level
            level_clause = self.clauses[level_fig.start]
            same_clause = level_clause == clause and (metric is None or metric.start < level_fig.start)
            next_clause = level_clause != clause and metric is None and not self._own_period(fig, clause)
            if not row.has_change and (same_clause or next_clause):
                self._attach(row, fig)
                return
            if metric is None or same_clause:
                self.rows.append(self._new_row(fig, None, row))
                return
        if metric is None:
            metric = self._metric_since_last_figure(fig)
        continued = None
        if metric is None:
            continued = self.rows[-1] if self.rows else self._sub_item_of()
        self.rows.append(self._new_row(fig, metric, continued))

    def finish(self) -> list[Row]:
        for fig in self.pending:
            self._add_change(fig, metric_for(fig, self.metrics, self.clauses[fig.start], self.sentence)[0],
                             self.clauses[fig.start])
        rows = sorted(self.rows, key=lambda r: r.start)
        if rows:
            self.ctx.last_row = rows[-1]
        return rows
