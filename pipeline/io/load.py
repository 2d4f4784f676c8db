"""Load: bytes on disk → decoded raw text, and the plain text to work on.

For `.txt` files the plain text *is* the raw text. For `.html`/`.htm` the
plain text is the visible text of the page, and `to_raw_start`/`to_raw_end`
map each of its characters back to the characters of the decoded HTML source
they came from (an entity like `&amp;` maps to its whole extent), so a span in
the plain text always has a span in the raw text.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from .html import html_to_text

HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}
SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES

# Encodings whose superset we decode with, so a GBK/GB2312 guess never loses a character.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


class LoadError(ValueError):
    """A file that cannot be read as an article."""


@dataclass
class Source:
    doc_id: str
    raw: str                        # the decoded file, exactly
    text: str                       # the visible text (== raw for .txt)
    encoding: str
    fmt: str                        # 'txt' or 'html'
    to_raw_start: list[int] | None = None   # per text char: its first raw index (None: identity)
    to_raw_end: list[int] | None = None     # per text char: one past its last raw index
    html_title: str = ""
    path: str = ""
    meta: dict = field(default_factory=dict)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of the text span [start, end)."""
        if self.to_raw_start is None or self.to_raw_end is None:
            return start, end
        if start >= end:
            position = self.to_raw_start[start] if start < len(self.text) else len(self.raw)
            return position, position
        return self.to_raw_start[start], self.to_raw_end[end - 1]


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else as the encoding charset-normalizer detects."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise LoadError("cannot detect the text encoding (binary file?)")
    encoding = _SUPERSETS.get(best.encoding.lower().replace("_", ""), best.encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return str(best), best.encoding


def from_text(raw: str, doc_id: str = "doc", fmt: str = "txt", encoding: str = "utf-8") -> Source:
    """A Source from already-decoded text."""
    if fmt == "html":
        text, starts, ends, title = html_to_text(raw)
        return Source(doc_id, raw, text, encoding, fmt, starts, ends, html_title=title)
    return Source(doc_id, raw, raw, encoding, fmt)


def load_file(path: str | Path) -> Source:
    """Read one article file; raises LoadError with a clear reason if it cannot."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(f"{path}: unsupported file type {suffix!r} (expected .txt, .html or .htm)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LoadError(f"{path}: looks like a binary file, not text")
    raw, encoding = decode(data)
    source = from_text(raw, path.stem, "html" if suffix in HTML_SUFFIXES else "txt", encoding)
    source.path = str(path)
    return source


def find_articles(paths: list[str | Path]) -> list[Path]:
    """Every article file under the given files and folders, sorted, without duplicates."""
    found: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found.update(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.add(given)
    return sorted(found)
