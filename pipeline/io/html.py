"""HTML → visible article text, with a map from every text character back to the source.

Block elements become line breaks; scripts, styles and other invisible elements are
skipped, and so is page furniture (rules/boilerplate.yaml `html`): navigation and
sidebars, elements whose class or id names them furniture (quote bars, share buttons,
related links), and data tables — a table with header cells is outside the claim
contract. An entity (`&amp;`) maps to its whole extent in the source. The stdlib
parser is forgiving of broken nesting, which scraped pages have.
"""
from __future__ import annotations

import functools
from html import unescape
from html.parser import HTMLParser

import regex

from pipeline import rules


@functools.cache
def _furniture() -> tuple[frozenset[str], frozenset[str], regex.Pattern, frozenset[str]]:
    data = rules.load("boilerplate")["html"]
    return (frozenset(data["invisible_tags"]), frozenset(data["furniture_tags"]),
            regex.compile(data["furniture_names"], regex.I), frozenset(data["data_table_tags"]))

__all__ = ["html_to_text"]

_PLACEHOLDER = "\ufffc"          # object replacement character: no markup meaning


class _VisibleText(HTMLParser):
    """Collects visible text with, for each character, its extent in the source."""

    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
             "table", "section", "article", "header", "footer", "nav", "aside", "blockquote",
             "pre", "hr", "dd", "dt", "dl", "figcaption", "figure", "title", "main", "form"}

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip_tag = ""                 # the element being skipped, and how deep it nests
        self.skip_nest = 0
        self.tables: list[list] = []       # open tables: [chars before it, is a data table]
        self.in_title = False
        self.title: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, text: str, start: int, end: int, per_char: bool) -> None:
        for i, ch in enumerate(text):
            if ch in "\r\n\t\f\v":
                ch = " "
            self.chars.append(ch)
            self.starts.append(start + i if per_char else start)
            self.ends.append(start + i + 1 if per_char else end)

    def _break(self) -> None:
        position = self._offset()
        if self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.starts.append(position)
            self.ends.append(position)

    def _skips(self, tag: str, attrs) -> bool:
        invisible, furniture, names, _ = _furniture()
        if tag in invisible or tag in furniture:
            return True
        named = " ".join(value or "" for key, value in attrs if key in ("class", "id"))
        return bool(named) and names.search(named) is not None

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if self.skip_tag:
            self.skip_nest += tag == self.skip_tag
            return
        if self._skips(tag, attrs):
            self.skip_tag, self.skip_nest = tag, 1
            return
        if tag == "table":
            self.tables.append([len(self.chars), False])
        elif tag in _furniture()[3] and self.tables:
            self.tables[-1][1] = True
        if tag in self.BLOCK:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK and not self.skip_tag:
            self._break()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_nest -= 1
                if self.skip_nest == 0:
                    self.skip_tag = ""
            return
        if tag == "table" and self.tables:
            start, data_table = self.tables.pop()
            if data_table:                     # a data table is outside the contract: drop its text
                del self.chars[start:], self.starts[start:], self.ends[start:]
        if tag in self.BLOCK:
            self._break()

    def handle_data(self, data):
        start = self._offset()
        data = self.source[start:start + len(data)]     # as written (the parser may see a placeholder)
        if self.in_title:
            self.title.append(data)
        if self.skip_tag:
            return
        self._emit(data, start, start + len(data), per_char=True)

    def _reference(self, markup: str) -> None:
        start = self._offset()
        # The parser reports where the reference starts; find how far it runs.
        end = start + len(markup)
        if self.source.startswith(markup + ";", start):
            end += 1
        text = unescape(self.source[start:end])
        if self.in_title:
            self.title.append(text)
        if not self.skip_tag:
            self._emit(text, start, end, per_char=False)

    def parse_marked_section(self, i, report=1):
        """`<![...` that is no CDATA or conditional section: a bogus comment up to the next
        '>', as browsers read it (the stdlib parser would raise AssertionError)."""
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position        # the failed scan moved them
            return self.parse_bogus_comment(i, report)

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)


def _parseable(source: str) -> str:
    """The source with every '<' after the last '>' replaced by a placeholder of one character.

    No tag, comment or declaration can end there, so it is all text; the stdlib parser
    would instead rescan the rest of the page from each such '<' (quadratic on a page
    that ends in an unclosed run of tags). The text itself is taken from the source.
    """
    tail = source.rfind(">") + 1
    if "<" not in source[tail:]:
        return source
    return source[:tail] + source[tail:].replace("<", _PLACEHOLDER)


def html_to_text(source: str) -> tuple[str, list[int], list[int], str]:
    """Visible text of an HTML page, per-character raw starts and ends, and the <title>."""
    parser = _VisibleText(source)
    parser.feed(_parseable(source))
    parser.close()
    return "".join(parser.chars), parser.starts, parser.ends, "".join(parser.title).strip()
