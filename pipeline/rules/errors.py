"""The one error a rule file raises, kept apart from the schemas so that a cold start that
finds its rules already validated (cache.py) never imports pydantic."""
from __future__ import annotations


class RuleError(ValueError):
    """A rule file is missing, malformed or inconsistent."""
