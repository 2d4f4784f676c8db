"""Load: bytes on disk → decoded raw text, and the plain text to work on.

For `.txt` files the plain text is the raw text with every carriage return read as a
line break (one character for one, so offsets into either are the same: a file with
Windows, old-Mac or mixed line endings splits into lines like any other), except on a page
that sets figures apart by spaces (text/spacing.py), whose spaces are closed up. For
`.html`/`.htm` the plain text is the visible text of the page, and
`to_raw_start`/`to_raw_end` map each of its characters back to the characters of the
decoded HTML source they came from (an entity like `&amp;` maps to its whole extent),
so a span in the plain text always has a span in the raw text.

Interface for batches (stable names):

- `load_file(path, max_bytes=MAX_BYTES)` returns a `Source`. `Source.warnings` lists,
  one line each, what was read but repaired or is suspicious: "3 invalid byte sequences
  replaced (read as utf-8)", "2 control characters replaced", "empty file", "white space
  only". Repairs replace one character by one U+FFFD, so every offset stays an offset
  into `Source.raw`, the decoded text (decoding is `decode.py`).
- It raises `LoadError` (a ValueError) for a file that is not read: `str(error)` is one
  line that names the file, `error.reason` one word: `unsupported-type` (not .txt,
  .html, .htm), `unreadable` (missing, permissions, a symlink loop, an I/O error),
  `not-a-file` (a folder, pipe or device), `too-large` (over `max_bytes`), `binary`
  (magic bytes of an image, PDF, archive …, or mostly control characters), `encoding`
  (no encoding reads it without many invalid bytes).
- `find_articles(paths)` lists the article files under files and folders: it follows
  symlinked folders once (a symlink loop ends the walk, it never hangs), lists files
  that cannot be read too (loading them reports why) and a folder it cannot list.
- `doc_id_of(path)` and `printable(path)`: the document id (file name without
  extension) and the path as one printable line, for a file name in any encoding
  (bytes that are not UTF-8 are written as \\xNN escapes, control characters too).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.text.spacing import close_up

from .decode import NotText, decode_bytes
from .html import html_to_text

HTML_SUFFIXES = {".html", ".htm"}
TEXT_SUFFIXES = {".txt"}
SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES
MAX_BYTES = 10_000_000          # larger files are refused: far beyond an article, and slow to read


class LoadError(ValueError):
    """A file that cannot be read as an article; `reason` says why in one word."""

    def __init__(self, message: str, reason: str = "unreadable"):
        super().__init__(message)
        self.reason = reason


@dataclass
class Source:
    doc_id: str
    raw: str                        # the decoded file (invalid bytes and control characters as U+FFFD)
    text: str                       # the text to work on (same length as raw for .txt unless spaced)
    encoding: str
    fmt: str                        # 'txt' or 'html'
    to_raw_start: list[int] | None = None   # per text char: its first raw index (None: identity)
    to_raw_end: list[int] | None = None     # per text char: one past its last raw index
    html_title: str = ""
    path: str = ""
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)   # one line each: what was repaired on reading

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of the text span [start, end)."""
        if self.to_raw_start is None or self.to_raw_end is None:
            return start, end
        if start >= end:
            position = self.to_raw_start[start] if start < len(self.text) else len(self.raw)
            return position, position
        return self.to_raw_start[start], self.to_raw_end[end - 1]


def printable(name: str | Path) -> str:
    """A file name or path as one printable line, whatever bytes the name holds."""
    text = os.fsencode(str(name)).decode("utf-8", errors="backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def doc_id_of(path: str | Path) -> str:
    """The document id of an article file: its name without extension, printable."""
    return printable(Path(path).stem)


def decode(data: bytes) -> tuple[str, str]:
    """The decoded text and the encoding read (see decode.py; raises LoadError for a binary)."""
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise LoadError(str(exc), exc.reason) from None
    return decoded.text, decoded.encoding


def from_text(raw: str, doc_id: str = "doc", fmt: str = "txt", encoding: str = "utf-8") -> Source:
    """A Source from already-decoded text."""
    if fmt == "html":
        page, page_starts, page_ends, title = html_to_text(raw)
        text, starts, ends = close_up(page, page_starts, page_ends)
        return Source(doc_id, raw, text, encoding, fmt, starts, ends, html_title=title)
    text, starts, ends = close_up(raw.replace("\r", "\n") if "\r" in raw else raw, None, None)
    return Source(doc_id, raw, text, encoding, fmt, starts, ends)


def _read(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most max_bytes; LoadError for anything else."""
    try:
        info = path.stat()
    except OSError as exc:
        raise LoadError(f"{name}: cannot read: {exc.strerror or exc}", "unreadable") from None
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise LoadError(f"{name}: cannot list the folder: {exc.strerror or exc}", "unreadable") from None
        raise LoadError(f"{name}: is a folder, not a file", "not-a-file")
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(f"{name}: not a regular file (a pipe, socket or device)", "not-a-file")
    if info.st_size > max_bytes:
        raise LoadError(f"{name}: {info.st_size:,} bytes, over the limit of {max_bytes:,}", "too-large")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"{name}: cannot read: {exc.strerror or exc}", "unreadable") from None
    if len(data) > max_bytes:                    # it grew while we looked
        raise LoadError(f"{name}: over the limit of {max_bytes:,} bytes", "too-large")
    return data


def load_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Source:
    """Read one article file; raises LoadError with a clear reason if it cannot (module doc)."""
    path = Path(path)
    name = printable(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and not path.is_dir():
        raise LoadError(f"{name}: unsupported file type {printable(suffix)!r} (expected .txt, .html or .htm)",
                        "unsupported-type")
    data = _read(path, name, max_bytes)
    try:
        decoded = decode_bytes(data)
    except NotText as exc:
        raise LoadError(f"{name}: {exc}", exc.reason) from None
    source = from_text(decoded.text, doc_id_of(path), "html" if suffix in HTML_SUFFIXES else "txt",
                       decoded.encoding)
    source.path = name
    source.warnings = decoded.warnings
    if not decoded.text:
        source.warnings.append("empty file")
    elif not source.text.strip():
        source.warnings.append("white space only" if source.fmt == "txt" else "no visible text")
    return source


def find_articles(paths: list[str | Path]) -> list[Path]:
    """Every article file under the given files and folders, sorted, without duplicates (module doc)."""
    found: set[Path] = set()
    seen: set[tuple[int, int]] = set()
    for given in map(Path, paths):
        if given.is_dir():
            _walk(given, found, seen)
        else:
            found.add(given)
    return sorted(found)


def _walk(folder: Path, found: set[Path], seen: set[tuple[int, int]]) -> None:
    """Add the articles under `folder`, each real folder once (symlinked folders and loops)."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            entries = list(os.scandir(current))
        except OSError:
            found.add(current)                   # loading it says why it cannot be listed
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()          # follows a symlink; a loop or dangling link is no folder
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif path.suffix.lower() in SUFFIXES:
                found.add(path)
