"""Clean: find the spam header and the footer boilerplate, keep what is between.

Works line by line on the normalized text (same length as the plain text, so
offsets carry over). Detection is by the rules in `rules/boilerplate.yaml`:
marker words, keyword-list shapes and footer markers — not by any one site's
exact lines. The result says where the body is; nothing is deleted, so every
offset still points into the plain text.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from pipeline import rules


@dataclass
class Cleaned:
    body_start: int
    body_end: int
    title: str = ""
    title_span: tuple[int, int] | None = None
    credits: dict[str, str] = field(default_factory=dict)
    header_lines: int = 0
    footer_lines: int = 0
    datelines: list[tuple[int, int]] = field(default_factory=list)   # publication date lines in the body


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@functools.cache
def _patterns() -> dict:
    data = rules.load("boilerplate")
    header, footer = data["header"], data["footer"]
    listing = header["keyword_list"]
    return {
        "header_markers": regex.compile(rules.any_of(header["markers"]), regex.I),
        "header_max": int(header["max_lines"]),
        "separators": regex.compile(listing["separators"]),
        "min_pieces": int(listing["min_pieces"]),
        "max_piece": int(listing["max_piece_chars"]),
        "sentence_in_line": regex.compile(listing["sentence_end"]),
        "hashtag": regex.compile(header["hashtag"]),
        "footer_markers": regex.compile(rules.any_of(footer["markers"]), regex.I),
        "short": int(footer["short_line_chars"]),
        "list_item": regex.compile(footer["list_item"]),
        "sentence_end": regex.compile(footer["sentence_end"]),
        "search_from": float(footer["search_from"]),
        "credits": regex.compile(data["credits"]["pattern"]),
        "dateline": regex.compile(data["dateline"]),
        "dateline_stamp": regex.compile(data["dateline_stamp"]),
        "roles": {word: role for role, ws in data["credits"]["roles"].items() for word in ws},
        "title_max": int(data["title_max_chars"]),
    }


def _lines(text: str) -> list[_Line]:
    out, start = [], 0
    for piece in text.split("\n"):
        out.append(_Line(start, start + len(piece), piece))
        start += len(piece) + 1
    return out


def is_keyword_list(line: str) -> bool:
    """A line made of many short pieces between separators, with no sentence in it."""
    p = _patterns()
    if p["sentence_in_line"].search(line):
        return False
    pieces = [x for x in p["separators"].split(line.strip()) if x]
    return len(pieces) >= p["min_pieces"] and max(map(len, pieces)) <= p["max_piece"]


def is_header_line(line: str) -> bool:
    p = _patterns()
    return bool(p["header_markers"].search(line) or is_keyword_list(line)
                or len(p["hashtag"].findall(line)) >= 2)


def is_dateline(line: str) -> bool:
    """A line that only gives a publication date/time (maybe with a source name)."""
    p = _patterns()
    return bool(line.strip()) and bool(p["dateline"].match(line) or p["dateline_stamp"].search(line))


def is_footer_marker(line: str) -> bool:
    """A footer marker, unless it only trails a long body paragraph (a reporter credit after the last sentence)."""
    p = _patterns()
    match = p["footer_markers"].search(line)
    if not match:
        return False
    lead = line[:match.start()]
    return not (len(lead) > p["short"] and p["sentence_in_line"].search(lead))


def _footer_compatible(line: str) -> bool:
    """Lines that may sit inside a footer: blank, marker, or a short non-sentence line."""
    p = _patterns()
    stripped = line.strip()
    return (not stripped or is_footer_marker(stripped) or bool(p["list_item"].match(stripped))
            or (len(stripped) <= p["short"] and not p["sentence_end"].search(stripped)))


def _header_end(lines: list[_Line]) -> int:
    """Index of the first line after the spam header."""
    p = _patterns()
    seen = 0
    end = 0
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        seen += 1
        if seen > p["header_max"] or not is_header_line(line.text):
            break
        end = i + 1
    return end


def _footer_start(lines: list[_Line], floor: int) -> int:
    """Index of the first footer line (len(lines) if there is no footer)."""
    p = _patterns()
    lowest = max(floor, int(len(lines) * p["search_from"]))
    start = len(lines)
    for i in range(len(lines) - 1, lowest - 1, -1):
        text = lines[i].text
        if not _footer_compatible(text):
            break
        if text.strip() and is_footer_marker(text.strip()):
            start = i
    return start


def _credits(lines: list[_Line]) -> dict[str, str]:
    p = _patterns()
    found: dict[str, str] = {}
    for line in lines:
        for match in p["credits"].finditer(line.text):
            role = p["roles"].get(match.group("role"))
            if role and role not in found:
                found[role] = match.group("name").strip()
    return found


def clean(normalized: str, original: str | None = None) -> Cleaned:
    """Locate header, title, body and footer in `normalized` (the normalized plain text).

    `original` is the same text before normalization; title and credits are
    reported from it, as written.
    """
    original = normalized if original is None else original
    lines = _lines(normalized)
    head = _header_end(lines)
    foot = _footer_start(lines, head + 1)
    body = [ln for ln in lines[head:foot]]
    body_start = body[0].start if body else 0
    body_end = body[-1].end if body else 0
    title, title_span = "", None
    for line in body:
        if line.text.strip():
            if len(line.text.strip()) <= _patterns()["title_max"] and not _patterns()["sentence_end"].search(line.text):
                title_span = (line.start, line.end)
                title = original[line.start:line.end].strip()
            break
    credit_lines = [_Line(ln.start, ln.end, ln.text) for ln in lines[foot:]]
    credits = {role: name for role, name in _credits(credit_lines).items()}
    credits = {role: _as_written(original, normalized, name) for role, name in credits.items()}
    datelines = [(ln.start, ln.end) for ln in body if is_dateline(ln.text)]
    return Cleaned(body_start, body_end, title, title_span, credits,
                   header_lines=head, footer_lines=len(lines) - foot, datelines=datelines)


def _as_written(original: str, normalized: str, name: str) -> str:
    at = normalized.find(name)
    return original[at:at + len(name)] if at >= 0 else name
