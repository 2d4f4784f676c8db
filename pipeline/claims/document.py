"""Facts about one document that every sentence needs, computed once, never changed.

`DocFacts` holds the body's period mentions (with bisection indexes for "the most
recent year before here"), the publication date, the currency facts (currency.py),
the article's main subject, and a map from document spans to the raw text.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from pipeline.periods import PeriodMention, YearContext, resolve
from pipeline.periods.weeks import DeclaredWeek, declared_week, week_of_days
from pipeline.text.normalize import normalize_text

from .currency import Currencies

Date = tuple[int, int, int]


@dataclass(frozen=True)
class Dated:
    """A year-bearing period expression as rule 4 hands it on: its period and its span."""
    period: str
    span: tuple[int, int]
    shape: str


def _resolved(mentions: Sequence[PeriodMention], published: Date | None
              ) -> tuple[list[str], list[DeclaredWeek | None], list[str]]:
    """Each mention's period as rule 4 would hand it on ('' when it bears no year): an
    explicit year resolves alone, a relative year ("the first half of this year") against
    the context before it; the week each mention declares by its days, if any; and the
    reporting period each names ('' when it names none)."""
    out: list[str] = []
    reported: list[str] = []
    weeks: list[DeclaredWeek | None] = []
    last_year: PeriodMention | None = None
    year_end = -1                              # where the last year (written or relative) ends
    week: DeclaredWeek | None = None
    reporting = report = ""
    for mention in mentions:
        if mention.shape == "reporting":
            out.append(reporting)              # "during the period": the period last reported
        elif mention.shape == "report":
            out.append(report)                 # "the reporting period": the first period reported
        elif mention.first_year is not None:
            out.append(resolve(mention, _context(None, published, week) if mention.get("wk") else None))
        elif mention.get("rel") or mention.get("wk") or mention.shape in ("pub_day", "pub_month", "pub_quarter") \
                or _a_date(mention, last_year, published, year_end):
            # a relative year, a week, or a day or quarter told against the publication date
            # ("today (18th)"), is year-bearing once resolved; so is a yearless date (_a_date). Any
            # other phrase with no year ("January to October") is not, even where the publication
            # year completes it (§3 rule 4)
            out.append(resolve(mention, _context(last_year, published, week)))
        else:
            out.append("")
        declared = (declared_week(mention.get("wk") or "", mention.get("wn"), out[-1]) if mention.get("wk")
                    else week_of_days(out[-1]) if mention.serves_context else None) \
            if mention.shape == "day_span" and out[-1] else None
        week = declared or week
        weeks.append(declared)
        if mention.year is not None and mention.serves_context:
            last_year = mention
        if (mention.year is not None or mention.get("rel")) and mention.serves_context:
            year_end = mention.end
        if mention.shape in _REPORTING_SHAPES and mention.serves_context:
            # a reported period with no year of its own ("first three quarters") is still the one
            # "during the period" refers to after it, completed as rule 3 would
            # (not a lone half, quarter or month: "Q2 margin" after "first half", "interim dividend", are breakdowns)
            completed = mention.shape in _SPAN_SHAPES and bool(last_year or published)
            period = out[-1] or (resolve(mention, _context(last_year, published, week)) if completed else "")
            if period:
                reporting, report = period, report or period
            reported.append(period)
        else:
            reported.append("")
    return out, weeks, reported


_DATE_SHAPES = frozenset(("day", "day_span"))
_YEAR_REACH = 10     # characters between a written year and the yearless days it dates


def _a_date(mention: PeriodMention, last_year: PeriodMention | None, published: Date | None, year_end: int) -> bool:
    """A yearless day (or span of days) that is a date, handed on under rule 4 as labellers read
    it: one written before any year, which the publication date completes ("June 18: the index
    closed …; turnover …"), or one whose year, written or relative, stands just before it ("the 2025
    National Day holiday (October 1-8)", "this year's Singles' Day (Oct 7 - Nov 11)"). A month or
    quarter is not: "Q3" or "September" after a page's topic
    is a breakdown, not a new period."""
    if mention.shape not in _DATE_SHAPES:
        return False
    if last_year is None:
        return published is not None
    return mention.start - year_end <= _YEAR_REACH

# The periods results are reported for: what "during the period" refers back to (not a day or a week).
_REPORTING_SHAPES = frozenset(("ended", "year", "half", "quarter", "quarter_span", "month_span"))
_SPAN_SHAPES = frozenset(("ended", "quarter_span", "month_span"))


def _context(mention: PeriodMention | None, published: Date | None,
             week: DeclaredWeek | None = None, reporting: tuple[str, str] = ("", "")) -> YearContext | None:
    if mention is not None and mention.year is not None:
        return YearContext(mention.year, mention.fiscal, resolve(mention, None), published, week, *reporting)
    if published is not None:                  # rule 5: the publication year
        return YearContext(published[0], False, "", published, week, *reporting)
    return None


def _last_index(flags: Sequence[bool]) -> tuple[int, ...]:
    """For each position, the index of the last True at or before it (-1: none)."""
    out, last = [], -1
    for i, flag in enumerate(flags):
        if flag:
            last = i
        out.append(last)
    return tuple(out)


@dataclass(frozen=True)
class DocFacts:
    periods: tuple[PeriodMention, ...]         # body period mentions, document coordinates, by start
    currencies: Currencies = Currencies()     # main currency, bare yuan, declarations
    main_subject: str = ""                     # the article's main company, as written
    main_subject_id: str = ""                  # its id in the entity table, if any
    credited: frozenset[str] = frozenset()     # names credited as reporter, author, editor
    entity_names: Mapping[str, str] = field(default_factory=dict)   # entity id → its first written name
    statistics: bool = False                   # a statistics release: its area is the subject
    raw_text: Callable[[int, int], str] = lambda start, end: ""   # document span → raw text
    published: Date | None = None              # the publication date (dateline or publication line)
    published_span: tuple[int, int] | None = None
    blocked: tuple[tuple[int, int], ...] = ()  # spans whose numbers are no claims (datelines)
    topic_metrics: tuple[str, ...] = ()        # metric ids the title names (what a release is about)
    session: str = ""                          # the quote id the title's market session gives (a close, midday)
    heading_names: tuple[str, ...] = ()        # names the page's layout establishes (a line's heading)
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _resolved: tuple[str, ...] = field(default=(), repr=False)
    _year_at: tuple[int, ...] = field(default=(), repr=False)
    _dated_at: tuple[int, ...] = field(default=(), repr=False)
    _weeks: tuple[DeclaredWeek | None, ...] = field(default=(), repr=False)
    _week_at: tuple[int, ...] = field(default=(), repr=False)
    _reporting_at: tuple[int, ...] = field(default=(), repr=False)
    _reported: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def build(cls, periods: Sequence[PeriodMention], currencies: Currencies, main_subject: tuple[str, str],
              credited: frozenset[str], raw_text: Callable[[int, int], str], published: Date | None = None,
              published_span: tuple[int, int] | None = None,
              blocked: Sequence[tuple[int, int]] = (), entity_names: Mapping[str, str] | None = None,
              statistics: bool = False, topic_metrics: Sequence[str] = (), session: str = "",
              heading_names: Sequence[str] = ()) -> DocFacts:
        ordered = tuple(sorted(periods, key=lambda p: p.start))
        resolved, weeks, reported = _resolved(ordered, published)
        return cls(ordered, currencies, *main_subject, credited, dict(entity_names or {}), statistics, raw_text,
                   published, published_span,
                   tuple(blocked), tuple(topic_metrics), session, tuple(heading_names),
                   tuple(p.start for p in ordered), tuple(resolved),
                   _last_index([p.year is not None and p.serves_context for p in ordered]),
                   _last_index([bool(r) and p.serves_context for p, r in zip(ordered, resolved, strict=True)]),
                   tuple(weeks), _last_index([w is not None for w in weeks]),
                   _last_index([bool(r) for r in reported]), tuple(reported))

    @functools.cached_property
    def known_names(self) -> tuple[str, ...]:
        """Names the article has established, as the normalized text writes them: its main
        subject (a headline's name that no lexicon knows is still a name in every sentence)."""
        return ((normalize_text(self.main_subject),) if self.main_subject else ()) + self.heading_names

    def _before(self, position: int, index: tuple[int, ...]) -> int:
        at = bisect.bisect_left(self._starts, position) - 1
        return index[at] if at >= 0 else -1

    @functools.cached_property
    def _first_week(self) -> DeclaredWeek | None:
        """The first week the article declares: what a week word in its headline means."""
        return next((week for week in self._weeks if week is not None), None)

    def year_before(self, position: int) -> YearContext | None:
        """The most recent explicit year before `position` (contract §3 rule 3), else the
        publication year (rule 5)."""
        at = self._before(position, self._year_at)
        week_at = self._before(position, self._week_at)
        reporting_at = self._before(position, self._reporting_at)
        reported = (self._reported[reporting_at], self._first_reported) if reporting_at >= 0 else ("", "")
        return _context(self.periods[at] if at >= 0 else None, self.published,
                        self._weeks[week_at] if week_at >= 0 else self._first_week, reported)

    @functools.cached_property
    def _first_reported(self) -> str:
        """The first reporting period the article names: what "the reporting period" of a report covers."""
        return next((period for period in self._reported if period), "")

    def dated_before(self, position: int) -> Dated | None:
        """The most recent year-bearing period expression before `position` (rule 4), else
        the publication year (rule 5)."""
        at = self._before(position, self._dated_at)
        if at >= 0:
            mention = self.periods[at]
            return Dated(self._resolved[at], (mention.start, mention.end), mention.shape)
        if self.published is not None and self.published_span is not None:
            return Dated(str(self.published[0]), self.published_span, "year")
        return None

    def periods_in(self, start: int, end: int) -> list[PeriodMention]:
        """The period mentions inside [start, end), in coordinates relative to `start`."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [replace(p, start=p.start - start, end=p.end - start)
                for p in self.periods[lo:hi] if p.end <= end]

    def blocked_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Blocked spans overlapping [start, end), relative to `start`."""
        return [(max(s, start) - start, min(e, end) - start) for s, e in self.blocked if s < end and start < e]
