"""Schemas of the rule files of the text stage: boilerplate and segmentation."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Count, Pattern, RuleFile, Strict, Word, Words


# -- boilerplate.yaml --------------------------------------------------------------
class KeywordList(Strict):
    separators: Pattern
    min_pieces: Count
    max_piece_chars: Count
    sentence_end: Pattern
    not_if: Pattern


class Header(Strict):
    max_lines: Count
    max_sentences: Count
    body_sense_words: Pattern
    markers: list[Pattern]
    keyword_list: KeywordList
    hashtag: Pattern
    hashtag_prose: Pattern


class Footer(Strict):
    markers: list[Pattern]
    list_item: Pattern
    short_line_chars: Count
    sentence_end: Pattern
    search_from: float = Field(ge=0, le=1)
    notes_heading: Pattern
    body_sense_words: Pattern
    prose_figure: Pattern
    prose_punctuation: Pattern


class Credits(Strict):
    pattern: Pattern
    roles: dict[Literal["author", "editor", "source"], Words]


class Html(Strict):
    invisible_tags: Words
    furniture_tags: Words
    furniture_names: Pattern
    data_table_tags: Words


class Boilerplate(RuleFile):
    header: Header
    footer: Footer
    dateline: Pattern
    dateline_stamp: Pattern
    credits: Credits
    title_max_chars: Count
    title_min_chars: Count
    title_lines: Count
    title_not: Pattern
    title_skip: Pattern
    long_line_chars: Count
    long_line_sentence_cut: Pattern
    inline_footer_start: Pattern
    publication_line: Pattern
    table_row: Pattern
    html: Html


# -- segmentation.yaml --------------------------------------------------------------
class NumberSpacing(Strict):
    spaced: Pattern
    closed: Pattern
    min_spaced: Count
    min_share: float = Field(gt=0, le=1)


class Segmentation(RuleFile):
    sentence_end: Pattern
    list_item_start: Pattern
    clause_separators: Pattern
    thousands_comma: Pattern
    clause_space: Pattern
    number_spacing: NumberSpacing
    brackets_open: Word
    brackets_close: Word
    extra_words: Words
