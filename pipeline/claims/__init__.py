"""Claims: figures of each sentence → rows of the claim table (contract §1–3).

`claim_rows` runs one pass over a document's sentences: each sentence is read once
(`sentence.read_sentence`), then its figures are assembled into rows
(`assemble.assemble_sentence`) with the document's facts (`document.DocFacts`) and the pass's
running state (`state.PassState`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from pipeline.quantities import Quantity

from .assemble import assemble_sentence
from .currency import Currencies, read_currencies
from .document import DocFacts
from .fields import remember_coded_heading, remember_section, remember_subject
from .rows import Row
from .sentence import read_sentence
from .state import PassState
from .subject_words import item_heading

__all__ = ["Currencies", "DocFacts", "Row", "claim_rows", "read_currencies"]

HEADING_CHARS = 30    # a line this short, without claims, heads the paragraph after it
_WRAP_MARKS = ("，", ",", "、")


def claim_rows(text: str, sentences: Iterable[tuple[int, int, Sequence[Quantity]]],
               facts: DocFacts) -> list[Row]:
    """Every claim row of a document: `text` is its normalized plain text and
    `sentences` its body sentences as (start, end, quantities)."""
    state = PassState()
    rows: list[Row] = []
    previous_end: int | None = None
    heading = False                       # the previous paragraph was one short line without claims
    for start, end, quantities in sentences:
        if previous_end is not None and "\n" in text[previous_end:start] and not heading \
                and not _wrapped(text, previous_end, start):
            state.new_paragraph()        # a heading ("2. Foxconn Industrial (601138.SH)") names what follows
        if previous_end is not None and "\n\n" in text[previous_end:start]:
            state.section_name = ""      # a blank line ends a coded heading's section
        _item_scope(text[start:end], state)
        paragraph_start = previous_end is None or "\n" in text[previous_end:start]
        previous_end = end
        sentence_rows = assemble_sentence(read_sentence(text[start:end], start, quantities, facts), facts, state)
        if not sentence_rows:
            remember_subject(text[start:end], start, facts, state)
            remember_coded_heading(text[start:end], start, facts, state)
        heading = paragraph_start and not sentence_rows and end - start <= HEADING_CHARS \
            and "\n" in text[end:end + 2] and not any(mark in text[start:end] for mark in ":：")
        if heading and facts.statistics:
            remember_section(text[start:end], start, facts, state)
        rows.extend(sentence_rows)
    return sorted(rows, key=lambda r: (r.start, r.end))


def _wrapped(text: str, previous_end: int, start: int) -> bool:
    """A single line break after a comma is a line wrapped mid-sentence (a forum post, a
    pasted text), not a new paragraph."""
    return text.count("\n", previous_end, start) == 1 and text[max(0, previous_end - 1):previous_end] in _WRAP_MARKS


def _item_scope(sentence: str, state: PassState) -> None:
    """A list item headed by a label ("(5) Finance:") after items headed by names with the same
    kind of marker ("(2) C3 segment:") is the article's again; a sub-item with another marker
    ("▲ Dividend:" under "● CMB:") stays its item's."""
    item = item_heading(sentence)
    if item is None:
        return
    family, label = item
    if label and family == state.item_family:
        state.new_paragraph()
    elif not label:
        state.item_family = family
