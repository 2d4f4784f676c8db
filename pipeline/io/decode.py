"""Bytes → text, keeping every character that can be read and saying what could not.

`decode_bytes(data)` returns a `Decoded`: the text, the encoding it was read with and
one-line warnings, or raises `NotText` (with a reason word) for bytes that are no text:

- a byte-order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE;
- else strict UTF-8; else charset-normalizer's guess, read with its superset (GBK and
  GB2312 with GB18030, Big5 and CP950 with Big5-HKSCS) when the bytes decode cleanly;
- else (no guess, or a guess that does not decode): the candidates UTF-8, GB18030 and
  Big5-HKSCS are read leniently; those with few invalid bytes are plausible, UTF-8 first
  (its byte structure is strong evidence), else the one charset-normalizer ranks best on
  the bytes that do decode. Invalid bytes become U+FFFD, one per invalid sequence, so
  every later offset is an offset into the decoded text; the warning gives the count.

Binaries are refused by their magic bytes (PNG, PDF, ZIP, gzip …) and by the share of
control characters in the decoded text; a few control characters (a NUL in a scraped
article) are replaced by U+FFFD one for one, with a warning.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import charset_normalizer
import regex
from charset_normalizer.utils import is_multi_byte_encoding

__all__ = ["CANDIDATES", "Decoded", "NotText", "decode_bytes", "magic_kind"]

# Encodings whose superset we decode with, so a GBK/GB2312 guess never loses a character.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
CANDIDATES = ("utf-8", "gb18030", "big5hkscs")
MAX_ERROR_RATE = 0.05          # invalid sequences per non-ASCII byte beyond which an encoding is implausible
MAX_CONTROL_SHARE = 0.05       # share of control characters beyond which the bytes are binary
REPLACEMENT = "\ufffd"

# Byte-order marks, longest first (the UTF-32 LE mark starts like the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# File signatures (magic bytes) of common binary formats: (offset, signature, what it is).
_MAGIC = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"), (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"), (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\x1f\x8b", "a gzip archive"), (0, b"\xff\xd8\xff", "a JPEG image"), (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"), (0, b"\xfd7zXZ\x00", "an xz archive"), (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"), (0, b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (0, b"\x7fELF", "an ELF executable"), (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (DOC/XLS)"),
    (0, b"SQLite format 3\x00", "an SQLite database"), (0, b"OggS", "an Ogg file"), (0, b"wOFF", "a WOFF font"),
    (0, b"wOF2", "a WOFF2 font"), (0, b"\xca\xfe\xba\xbe", "a Java class file"), (4, b"ftyp", "an MP4/MOV video"),
    (8, b"WEBP", "a WebP image"), (8, b"WAVE", "a WAV file"), (8, b"AVI ", "an AVI video"),
    (4, b"1AY&SY", "a bzip2 archive"), (0, b"ID3\x03\x00", "an MP3 file"), (0, b"ID3\x04\x00", "an MP3 file"),
)

_HIGH_BYTES = bytes(range(0x80, 0x100))

# C0 and C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class NotText(ValueError):
    """Bytes that are not text; `reason` is a short word (binary, encoding)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def magic_kind(data: bytes) -> str | None:
    """What binary format `data` starts like, or None."""
    for offset, signature, kind in _MAGIC:
        if data[offset:offset + len(signature)] == signature:
            return kind
    return None


def _lenient(data: bytes, encoding: str) -> tuple[str, int]:
    """The text with each invalid sequence replaced by U+FFFD, and how many were replaced."""
    text = data.decode(encoding, errors="replace")
    return text, len(text) - len(data.decode(encoding, errors="ignore"))


def _guess(data: bytes) -> tuple[str, str] | None:
    """Strict UTF-8, else charset-normalizer's guess if it decodes cleanly with its superset."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    encoding = SUPERSETS.get(best.encoding.lower().replace("_", ""), best.encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible(errors: int, non_ascii: int) -> bool:
    """Few enough invalid sequences for the bytes to be text in that encoding (one is
    allowed in a short text: a truncated last character)."""
    return errors <= MAX_ERROR_RATE * non_ascii or (errors <= 1 and non_ascii >= 8)


def _fallback(data: bytes, guess: str | None) -> tuple[str, str, int]:
    """The plausible candidate encoding: (text, encoding, invalid sequences replaced).

    UTF-8 wins when plausible (its byte structure is strong evidence); else the candidate
    with the fewest invalid sequences, charset-normalizer breaking a tie on the bytes that
    do decode. `guess`, a single-byte encoding charset-normalizer proposed, is taken only
    when no candidate is plausible (a CJK text with a bad byte is no Latin text)."""
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    read = {enc: _lenient(data, enc) for enc in CANDIDATES}
    plausible = [enc for enc in CANDIDATES if _plausible(read[enc][1], non_ascii)]
    if not plausible:
        if guess is not None:
            return data.decode(guess), guess, 0
        raise NotText("no encoding reads it (UTF-8, GB18030, Big5-HKSCS all find too many invalid bytes)",
                      "encoding")
    fewest = min(read[enc][1] for enc in plausible)
    tied = [enc for enc in plausible if read[enc][1] == fewest]
    choice = "utf-8" if "utf-8" in plausible else tied[0]
    if choice != "utf-8" and len(tied) > 1:
        clean = data.decode(choice, errors="ignore").encode(choice)
        best = charset_normalizer.from_bytes(clean, cp_isolation=tied, threshold=1.0).best()
        choice = best.encoding if best is not None and best.encoding in tied else choice
    return read[choice][0], choice, read[choice][1]


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article's bytes (see the module doc); raises NotText for binaries."""
    kind = magic_kind(data)
    if kind is not None:
        raise NotText(f"binary file: {kind}", "binary")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, errors = _lenient(data[len(bom):], encoding)
            decoded = Decoded(text, encoding + ("-sig" if encoding == "utf-8" else ""))
            break
    else:
        guessed = _guess(data)
        if guessed is not None and is_multi_byte_encoding(guessed[1]):
            decoded, errors = Decoded(*guessed), 0
        else:
            text, encoding, errors = _fallback(data, guessed[1] if guessed else None)
            decoded = Decoded(text, encoding)
    if errors:
        decoded.warnings.append(f"{errors} invalid byte sequence{'s' * (errors > 1)} replaced "
                                f"(read as {decoded.encoding})")
    _controls(decoded)
    return decoded


def _controls(decoded: Decoded) -> None:
    """Refuse a binary by its control characters; else replace them one for one, with a warning."""
    controls = len(_CONTROL.findall(decoded.text))
    if controls > MAX_CONTROL_SHARE * len(decoded.text):
        raise NotText(f"binary file: {controls} of {len(decoded.text)} characters are control characters",
                      "binary")
    if controls:
        decoded.text = _CONTROL.sub(REPLACEMENT, decoded.text)
        decoded.warnings.append(f"{controls} control character{'s' * (controls > 1)} replaced")
