"""Periods: period expressions in the text and their normalized form (contract §3)."""
from .find import PeriodMention, find_periods
from .resolve import YearContext, resolve, same_period_of

__all__ = ["PeriodMention", "YearContext", "find_periods", "resolve", "same_period_of"]
