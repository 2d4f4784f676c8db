"""Periods: period expressions in the text and their normalized form (contract §3)."""
from .find import PeriodMention, find_periods
from .resolve import YearContext, resolve

__all__ = ["PeriodMention", "YearContext", "find_periods", "resolve"]
