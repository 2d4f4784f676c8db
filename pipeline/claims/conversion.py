"""Currency conversions: a money figure in brackets after an amount ("236.4 bn yuan (about
32.5 bn dollars)") is a row of its own, linked to the amount it converts so that it shares its change."""
from __future__ import annotations

from . import lexicon
from .figures import Figure
from .rows import Row
from .sentence import Sentence
from .state import PassState


def conversion_of(fig: Figure, s: Sentence, state: PassState) -> Row | None:
    """The amount row that money figure `fig` converts ("236.4 bn yuan (about 32.5 bn dollars)"), if it is one."""
    if state.level is None or fig.measure != "money":
        return None
    row, level_fig = state.level
    conversion = lexicon.claim_rules()["conversion"]
    gaps = [s.text[level_fig.end:fig.start]]
    if row.has_change and state.last_end > level_fig.end:
        gaps.append(s.text[state.last_end:fig.start])   # "… up 6%, about US$41 bn": after the level's change
    if row.kind == "amount" and any(conversion.match(gap) is not None for gap in gaps):
        return row
    return None
