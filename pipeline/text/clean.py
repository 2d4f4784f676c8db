"""Clean: find the spam header and the footer boilerplate, keep what is between.

Works piece by piece on the normalized text (same length as the plain text, so offsets
carry over). A piece is a line; a very long line — a whole page saved as one line — is
cut into pieces at runs of spaces and after its sentences, so a spam header in front of the article or a footer
after it is found inside the line too. What a piece is (header, footer, dateline) is
decided by `boilerplate.py`. The result says where the body is; nothing is deleted, so
every offset still points into the plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import regex

from .boilerplate import (
    footer_compatible,
    is_dateline,
    is_footer_marker,
    is_header_line,
    is_notes_heading,
    is_publication_line,
    is_table_row,
    is_title_furniture,
    patterns,
)

__all__ = ["Cleaned", "clean", "is_dateline", "is_footer_marker", "is_header_line", "outside_tables"]


@dataclass
class Cleaned:
    body_start: int
    body_end: int
    title: str = ""
    title_span: tuple[int, int] | None = None
    credits: dict[str, str] = field(default_factory=dict)
    header_lines: int = 0                  # pieces stripped as spam header
    footer_lines: int = 0                  # pieces stripped as footer
    datelines: list[tuple[int, int]] = field(default_factory=list)       # publication datelines in the body
    publication: list[tuple[int, int]] = field(default_factory=list)     # every publication line, in order
    table_rows: list[tuple[int, int]] = field(default_factory=list)      # rows of plain-text tables in the body


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


_SPACES = regex.compile(r"[^\S\n]+")


def pieces(text: str) -> list[Piece]:
    """Lines, with a line longer than `long_line_chars` cut at its runs of spaces and after its sentences."""
    out, start = [], 0
    long_line = patterns()["long_line"]
    for line in text.split("\n"):
        if len(line) <= long_line:
            out.append(Piece(start, start + len(line), line))
        else:
            at = 0
            cuts = sorted({m.span() for pattern in (_SPACES, patterns()["inline_footer"], patterns()["sentence_cut"])
                           for m in pattern.finditer(line)})
            for gap_start, gap_end in cuts:
                out.append(Piece(start + at, start + gap_start, line[at:gap_start]))
                at = gap_end
            out.append(Piece(start + at, start + len(line), line[at:]))
        start += len(line) + 1
    return out


def _header_end(parts: list[Piece]) -> int:
    """Index of the first piece after the spam header."""
    seen = end = 0
    for i, piece in enumerate(parts):
        if not piece.text.strip():
            continue
        seen += 1
        if seen > patterns()["header_max"] or not is_header_line(piece.text):
            break
        end = i + 1
    return end


def _footer_start(parts: list[Piece], floor: int) -> int:
    """Index of the first footer piece (len(parts) if there is no footer): a notes section
    in the last half of the page, else the run of footer lines at its end."""
    # The last half by pieces or by characters: a one-line page cut at its spaces has many
    # more (short) pieces in its footer than in its body, a short article fewer characters.
    share = patterns()["search_from"]
    half = parts[-1].end * share if parts else 0
    by_chars = next((i for i, piece in enumerate(parts) if piece.start >= half), len(parts))
    lowest = max(floor, min(int(len(parts) * share), by_chars))
    notes = next((i for i in range(lowest, len(parts)) if is_notes_heading(parts[i].text)), len(parts))
    return min(notes, _footer_run(parts, lowest))


def _footer_run(parts: list[Piece], lowest: int) -> int:
    start = len(parts)
    for i in range(len(parts) - 1, lowest - 1, -1):
        text = parts[i].text
        if not footer_compatible(text):
            break
        if text.strip() and is_footer_marker(text.strip()):
            start = i
    return start


def _lead_end(body: list[Piece]) -> int:
    """Index of the first body piece that holds a sentence (bylines stand before it)."""
    sentence = patterns()["sentence_in_line"]
    return next((i for i, piece in enumerate(body) if sentence.search(piece.text)), len(body))


def _credits(parts: list[Piece]) -> dict[str, str]:
    p = patterns()
    found: dict[str, str] = {}
    for piece in parts:
        for match in p["credits"].finditer(piece.text):
            role = p["roles"].get(match.group("role"))
            if role and role not in found:
                found[role] = match.group("name").strip()
    return found


FURNITURE_CHARS = 30    # a line of date, source or credits this short may stand above a headline


def _furniture(line: str) -> bool:
    """A short line of date, source or credits above a headline (a date and weekday, a reporter's name)."""
    return len(line) <= FURNITURE_CHARS and (is_dateline(line) or is_publication_line(line)
                                             or patterns()["credits"].search(line) is not None)


def _title(body: list[Piece], original: str) -> tuple[str, tuple[int, int] | None]:
    """The first body line that is not page furniture, when it is headline-sized."""
    p = patterns()
    lines = islice((piece for piece in body if piece.text.strip()), p["title_lines"])
    for piece in lines:
        text = piece.text.strip()
        if is_title_furniture(text) or len(text) < p["title_min"] or _furniture(text):
            continue
        if len(text) <= p["title_max"] and not p["title_not"].search(piece.text):
            return original[piece.start:piece.end].strip(), (piece.start, piece.end)
        break
    return "", None


def clean(normalized: str, original: str | None = None) -> Cleaned:
    """Locate header, title, body and footer in `normalized` (the normalized plain text).

    `original` is the same text before normalization; title and credits are
    reported from it, as written.
    """
    original = normalized if original is None else original
    parts = pieces(normalized)
    head = _header_end(parts)
    foot = _footer_start(parts, head + 1)
    body = parts[head:foot]
    title, title_span = _title(body, original)
    byline = parts[:head] + body[:_lead_end(body)] + parts[foot:]
    credits = {role: _as_written(original, normalized, name) for role, name in _credits(byline).items()}
    return Cleaned(body[0].start if body else 0, body[-1].end if body else 0, title, title_span, credits,
                   header_lines=head, footer_lines=len(parts) - foot,
                   datelines=[(x.start, x.end) for x in body if is_dateline(x.text)],
                   publication=[(x.start, x.end) for x in parts if is_publication_line(x.text)],
                   table_rows=[(x.start, x.end) for x in body if _whole_line(normalized, x) and is_table_row(x.text)])


def _whole_line(text: str, piece: Piece) -> bool:
    """A piece that is a line of its own, not a part of a long line cut at its spaces."""
    return (piece.start == 0 or text[piece.start - 1] == "\n") and (piece.end == len(text) or text[piece.end] == "\n")


def _as_written(original: str, normalized: str, name: str) -> str:
    at = normalized.find(name)
    return original[at:at + len(name)] if at >= 0 else name


def outside_tables(spans: list[tuple[int, int]], rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences not inside a plain-text table's row (tables are outside the contract). Both
    lists are in text order: one walk through each."""
    out, i = [], 0
    for start, end in spans:
        while i < len(rows) and rows[i][1] < end:
            i += 1
        if not (i < len(rows) and rows[i][0] <= start):
            out.append((start, end))
    return out
