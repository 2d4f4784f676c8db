"""The words subject candidates are found by (rules/subjects.yaml), and the shapes
candidates and their jieba tokens take."""
from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from pipeline import rules
from pipeline.rules.gated import compiled
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import tagged_words

from .entities import entity_id, entity_type
from .lexicon import metric_table

WORD = regex.compile(r"[\p{Han}\p{Latin}\d]+")
Token = tuple[int, int, str, str]      # start, end, word, part-of-speech flag
NOUNISH = ("n", "nz", "vn", "eng", "j", "nt", "nrt", "ns", "an", "a", "x")


class Candidate(NamedTuple):
    start: int
    end: int
    entity_id: str
    kind: str            # entity | group | sector | name | segment | instrument | reference | source

@functools.cache
def lexicon() -> dict:
    data = rules.load("subjects")
    norm = lambda words: frozenset(normalize_text(w) for w in words)   # noqa: E731
    return {"groups": regex.compile(rules.alternation(data["group_words"], key=normalize_text)),
            "sectors": regex.compile(rules.alternation(data["sector_words"], key=normalize_text)),
            "industry": regex.compile(data["industry_name"]),
            "release_words": regex.compile(rules.alternation(data["release_words"], key=normalize_text)),
            "segment_metric_words": regex.compile(rules.alternation(data["segment_metric_words"], key=normalize_text)),
            "reference_words": regex.compile(rules.alternation(
                [w for w in data["references"] if len(w) > 1], key=normalize_text)),
            "suffixes": tuple(normalize_text(w) for w in data["name_suffixes"]),
            "segments": tuple(normalize_text(w) for w in data["segment_suffixes"]),
            "references": norm(data["references"]), "flags": frozenset(data["name_flags"]),
            "stop": norm(data["stop_words"]) | frozenset(metric_table()),
            "credit": compiled(data["credit_pattern"]),
            "breakdown": norm(data["breakdown_words"]),
            "joiners": norm(data["list_joiners"]),
            "topic": tuple(normalize_text(w) for w in data["topic_words"]),
            "locative": tuple(normalize_text(w) for w in data["locative_markers"]),
            "comparison_base": regex.compile(data["comparison_base"]),
            "masked": regex.compile(rules.alternation(data["masked_phrases"], key=normalize_text)),
            "masked_patterns": tuple(compiled([p]) for p in data["masked_patterns"]),
            "layout_names": (regex.compile(data["item_heading"]), regex.compile(data["topic_name"])),
            "bare_item": regex.compile(data["bare_item_heading"]),
            "heading_name": regex.compile(data["heading_name"]), "heading_again": data["heading_name_again"],
            "heading_not": regex.compile(data["heading_name_not"]),
            "coded_name": regex.compile(data["coded_name"]), "stock_label": regex.compile(data["stock_label"]),
            "share_class_mark": regex.compile(data["share_class_mark"]),
            "instrument": regex.compile(data["instrument_ending"]),
            "instrument_metrics": frozenset(data["instrument_metrics"]),
            "registered": regex.compile(data["registered_name"]),
            "source_types": frozenset(data["source_types"]), "not_main_types": frozenset(data["not_main_types"]),
            "not_headings": norm(data["not_headings"]), "topic_flags": frozenset(data["topic_name_flags"]),
            "joined_fragment": regex.compile(data["joined_fragment"])}


def tagged_tokens(text: str) -> list[Token]:
    """jieba's words of `text` with their part-of-speech tags and offsets."""
    tokens, position = [], 0
    for word, flag in tagged_words(text):
        tokens.append((position, position + len(word), word, flag))
        position += len(word)
    return tokens


def heading_names(body: str) -> tuple[str, ...]:
    """Names that head a line of the (normalized) body and open a sentence or clause after it, or
    head it with their stock code (rules/subjects.yaml heading_name): a company no lexicon knows
    is named by the page's layout.
    Two passes over the body, whatever the number of headings: the headings, then their names again."""
    lex, first_end, coded = lexicon(), {}, set()
    for m in lex["heading_name"].finditer(body):
        if m.group("name") not in first_end:
            first_end[m.group("name")] = m.end()
        if m.group("code"):
            coded.add(m.group("name"))
    candidates = {name: end for name, end in first_end.items() if _may_be_a_name(name, name in coded)}
    if not candidates:
        return ()
    names = rules.alternation(candidates)
    again = regex.compile(lex["heading_again"].replace("{name}", f"(?<name>{names})"))
    found = {m.group("name") for m in again.finditer(body) if m.start("name") >= candidates[m.group("name")]}
    return tuple(name for name in candidates if name in found or name in coded)


def joined_with_place(found: list[Candidate]) -> list[Candidate]:
    """A company's name followed at once by a place's is one name: the company's unit there
    (Tesla China), not the place."""
    out: list[Candidate] = []
    joined = False
    for c in sorted(found):
        if out and not joined and out[-1].end == c.start and entity_type(c.entity_id) == "region" \
                and entity_type(out[-1].entity_id) in _COMPANY_TYPES:
            out[-1], joined = out[-1]._replace(end=c.end), True
        else:
            out.append(c)
            joined = False
    return out


_COMPANY_TYPES = frozenset(("company", "bank", "insurer"))


def coded_heading(sentence: str) -> tuple[int, int] | None:
    """The span of the name when `sentence` is a heading of a name and its stock code in brackets."""
    m = lexicon()["heading_name"].match(sentence)
    return m.span("name") if m is not None and m.group("code") and _may_be_a_name(m.group("name"), True) else None


def _may_be_a_name(name: str, coded: bool = False) -> bool:
    """A heading's word that no lexicon knows and that is no label, body or common word
    (`coded`: written with a stock code, a name whatever jieba reads it as)."""
    lex = lexicon()
    if name in lex["not_headings"] or name in lex["stop"] or entity_id(name) or lex["heading_not"].search(name):
        return False                  # (a name of the entity table is known already)
    tokens = tagged_tokens(name)
    return coded or not (len(tokens) == 1 and tokens[0][3] not in lex["topic_flags"])   # one dictionary word, no name


def item_heading(sentence: str) -> tuple[str, bool] | None:
    """The kind of marker a list item opens with (a bullet, a circled number, a number) and
    whether its heading is a label rather than a name ("(5) Finance:"), or None."""
    heading = lexicon()["layout_names"][0].match(sentence)
    if heading is None:
        return None
    marker = heading.group("marker")
    numbered = marker[0].isdigit() or marker[0] in "(\uff08"
    family = "circled" if "\u2460" <= marker <= "\u2473" else "number" if numbered else marker
    return family, heading.group("name") in lexicon()["not_headings"]
