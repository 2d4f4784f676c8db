"""What a piece of page text is: spam header, footer boilerplate, publication dateline.

Each test looks at one piece (a line, or a part of a one-line page between runs of
spaces) and uses only the rules in `rules/boilerplate.yaml`: marker words, the shape of
a keyword list, footer markers, dateline patterns — not any one site's exact lines.
"""
from __future__ import annotations

import functools

import regex

from pipeline import rules


@functools.cache
def patterns() -> dict:
    data = rules.load("boilerplate")
    header, footer = data["header"], data["footer"]
    listing = header["keyword_list"]
    return {
        "header_markers": regex.compile(rules.any_of(header["markers"]), regex.I),
        "header_body_sense": regex.compile(header["body_sense_words"]),
        "header_max": int(header["max_lines"]),
        "header_sentences": int(header["max_sentences"]),
        "separators": regex.compile(listing["separators"]),
        "min_pieces": int(listing["min_pieces"]),
        "max_piece": int(listing["max_piece_chars"]),
        "sentence_in_line": regex.compile(listing["sentence_end"]),
        "keyword_not_if": regex.compile(listing["not_if"]),
        "hashtag": regex.compile(header["hashtag"]),
        "hashtag_prose": regex.compile(header["hashtag_prose"]),
        "footer_markers": regex.compile(rules.any_of(footer["markers"]), regex.I),
        "short": int(footer["short_line_chars"]),
        "list_item": regex.compile(footer["list_item"]),
        "sentence_end": regex.compile(footer["sentence_end"]),
        "search_from": float(footer["search_from"]),
        "notes_heading": regex.compile(footer["notes_heading"]),
        "body_sense": regex.compile(footer["body_sense_words"]),
        "prose_figure": regex.compile(footer["prose_figure"]),
        "prose_punctuation": regex.compile(footer["prose_punctuation"]),
        "credits": regex.compile(data["credits"]["pattern"]),
        "dateline": regex.compile(data["dateline"]),
        "dateline_stamp": regex.compile(data["dateline_stamp"]),
        "publication_line": regex.compile(data["publication_line"]),
        "table_row": regex.compile(data["table_row"]),
        "roles": {word: role for role, ws in data["credits"]["roles"].items() for word in ws},
        "title_max": int(data["title_max_chars"]),
        "title_not": regex.compile(data["title_not"]),
        "title_skip": regex.compile(data["title_skip"]),
        "title_lines": int(data["title_lines"]),
        "title_min": int(data["title_min_chars"]),
        "long_line": int(data["long_line_chars"]),
        "inline_footer": regex.compile(data["inline_footer_start"]),
        "sentence_cut": regex.compile(data["long_line_sentence_cut"]),
    }


def is_title_furniture(line: str) -> bool:
    """Page furniture a title search passes over (rules/boilerplate.yaml title_skip)."""
    return patterns()["title_skip"].search(line.strip()) is not None


def is_keyword_list(line: str) -> bool:
    """A line made of many short pieces between separators, with no sentence in it."""
    p = patterns()
    if p["sentence_in_line"].search(line) or p["keyword_not_if"].search(line):
        return False
    pieces = [x for x in p["separators"].split(line.strip()) if x]
    return len(pieces) >= p["min_pieces"] and max(map(len, pieces)) <= p["max_piece"]


def is_header_line(line: str) -> bool:
    p = patterns()
    if len(p["sentence_in_line"].findall(line)) > p["header_sentences"]:
        return False            # prose: a page saved as one line, not a spam header in front of it
    return bool(_header_marker(line, p) or is_keyword_list(line)
                or (len(p["hashtag"].findall(line)) >= 2 and not p["hashtag_prose"].search(p["hashtag"].sub("", line))))


def _header_marker(line: str, p: dict) -> bool:
    """A spam marker on the line, not counting words that also name market news in a headline with a figure."""
    found = [m.group() for m in p["header_markers"].finditer(line)]
    if found and all(p["header_body_sense"].fullmatch(word) for word in found):
        return p["prose_figure"].search(line) is None
    return bool(found)


def is_dateline(line: str) -> bool:
    """A line that only gives a publication date/time (maybe with a source name), or a
    date alone in brackets under the title."""
    p = patterns()
    return bool(line.strip()) and bool(p["dateline"].match(line) or p["dateline_stamp"].search(line))


def is_publication_line(line: str) -> bool:
    """A dateline, or a line that says when the page was published ("published 2025-08-28")."""
    return is_dateline(line) or bool(patterns()["publication_line"].search(line))


def is_table_row(line: str) -> bool:
    """A row of a plain-text table (cells split by wide spaces, two of them bare numbers): outside the contract."""
    return patterns()["table_row"].match(line) is not None


def is_footer_marker(line: str) -> bool:
    """A footer marker, unless it only trails a long body paragraph (a reporter credit after the last sentence)."""
    p = patterns()
    match = p["footer_markers"].search(line)
    if not match:
        return False
    if p["body_sense"].fullmatch(match.group()) and p["prose_figure"].search(line) \
            and p["prose_punctuation"].search(line):
        return False            # a word of the body ("a payment licence", "likes") in a sentence with a figure
    lead = line[:match.start()]
    return not (len(lead) > p["short"] and p["sentence_in_line"].search(lead))


def is_notes_heading(line: str) -> bool:
    """The heading (or first numbered line) of a notes section after the article."""
    return patterns()["notes_heading"].match(line) is not None


def footer_compatible(line: str) -> bool:
    """Lines that may sit inside a footer: blank, marker, or a short non-sentence line."""
    p = patterns()
    stripped = line.strip()
    return (not stripped or is_footer_marker(stripped) or bool(p["list_item"].match(stripped))
            or (len(stripped) <= p["short"] and not p["sentence_end"].search(stripped)))
