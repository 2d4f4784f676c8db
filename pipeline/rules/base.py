"""Building blocks of the rule-file schemas: strict models, patterns that must compile,
non-empty word lists, and the examples every file carries."""
from __future__ import annotations

from typing import Annotated, Literal

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .errors import RuleError

__all__ = ["RuleError"]


def _compiles(pattern: str) -> str:
    try:
        regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise ValueError(f"pattern does not compile: {exc}") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]
Word = Annotated[str, Field(min_length=1)]
Words = list[Word]
Count = Annotated[int, Field(ge=0)]
Symbol = Literal["~", ">", ">=", "<", "<="]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GatedPattern(Strict):
    """An alternative tried only in a text where `needs` occurs (see rules/gated.py): every
    text the alternative matches in must hold a match of `needs`."""
    pattern: Pattern
    needs: Pattern


Alternatives = list[Pattern | GatedPattern]


class Example(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str


class RuleFile(Strict):
    examples: list[Example] = Field(min_length=1)
    counter_examples: list[Example] = Field(min_length=1)


class RuleDoc(Strict):
    id: str
    description: str
