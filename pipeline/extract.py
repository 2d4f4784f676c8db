"""One article → its claim table. The stages, in the order the data flows:

    load (io.load) → normalize script and width (text.normalize) → find the body
    (text.clean) → split sentences (text.segment) → find quantities per sentence
    (quantities) → document facts: periods, currencies, main subject
    (periods, claims.document) → assemble claims (claims) → table rows (here)

Every stage works on the normalized plain text, which has the length of the plain
text, so offsets pass through unchanged; `Source.raw_span` maps them back to the raw
file at the end.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.claims import DocFacts, Row, claim_rows, read_currencies
from pipeline.claims.areas import cites_a_source, named_region, source_region, statistics_area
from pipeline.claims.entities import entity_id, entity_mentions, entity_type
from pipeline.claims.lexicon import find_metrics, windows
from pipeline.claims.metric_ids import quote_session
from pipeline.claims.subject_words import heading_names
from pipeline.claims.subjects import credited_names, main_subject
from pipeline.io.load import Source, from_text, load_file
from pipeline.io.table import to_frame
from pipeline.periods import PeriodMention, find_periods, resolve
from pipeline.quantities import Quantity, find_quantities
from pipeline.text.clean import Cleaned, clean, outside_tables
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import sentence_spans

if TYPE_CHECKING:
    import pandas as pd

# The stage the current article is in, for a batch that must say where a document timed out.
_stage = ""
_stage_hook: Callable[[str], None] | None = None


def current_stage() -> str:
    """The stage the last article started (load is set by the batch, the rest here)."""
    return _stage


def set_stage_hook(hook: Callable[[str], None] | None) -> None:
    """Call `hook(stage)` whenever an article enters a stage (one batch worker sets it)."""
    global _stage_hook
    _stage_hook = hook


def enter_stage(name: str) -> None:
    global _stage
    _stage = name
    if _stage_hook is not None:
        _stage_hook(name)


@dataclass(frozen=True)
class Article:
    """An article read up to its sentences: facts that later stages only look at."""
    source: Source
    normalized: str
    cleaned: Cleaned
    sentences: tuple[tuple[int, int, tuple[Quantity, ...]], ...]   # (start, end, quantities)

    def raw(self, start: int, end: int) -> tuple[int, int, str]:
        """The raw span and text of a plain-text span."""
        rs, re_ = self.source.raw_span(start, end)
        return rs, re_, self.source.raw[rs:re_]

    def in_dateline(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.cleaned.datelines)


def prepare(source: Source) -> Article:
    """Normalize, clean, split sentences and find each sentence's quantities (once)."""
    enter_stage("normalize")
    normalized = normalize_text(source.text)
    enter_stage("clean")
    cleaned = clean(normalized, source.text)
    enter_stage("segment")
    spans = _split_after_datelines(sentence_spans(normalized, cleaned.body_start, cleaned.body_end),
                                   cleaned.datelines, normalized)
    spans = outside_tables(spans, cleaned.table_rows)
    enter_stage("quantities")
    sentences = tuple((s, e, tuple(find_quantities(normalized[s:e]))) for s, e in spans)
    return Article(source, normalized, cleaned, sentences)


def _split_after_datelines(spans: list[tuple[int, int]], datelines: list[tuple[int, int]],
                           text: str) -> list[tuple[int, int]]:
    """A sentence that opens with a dateline ends with it: on a page saved as one line the
    dateline runs into the headline and the lead, which are not part of it."""
    out = []
    for start, end in spans:
        cut = next((e for s, e in datelines if s <= start < e < end), None)
        if cut is None:
            out.append((start, end))
            continue
        rest = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
        out += [(start, cut)] + ([(rest, end)] if rest < end else [])
    return out


def _body_periods(article: Article) -> list[PeriodMention]:
    """Period mentions of the body, in document coordinates, outside publication datelines."""
    start, end = article.cleaned.body_start, article.cleaned.body_end
    found = [replace(p, start=p.start + start, end=p.end + start)
             for p in find_periods(article.normalized[start:end])]
    return [p for p in found if not article.in_dateline(p.start)]


def _main_subject(article: Article, credited: frozenset[str], names: dict[str, str]) -> tuple[str, str]:
    """The article's main entity as written, and its id: the first named entity of the
    title, else of the body's start; in a statistics release, the area it covers."""
    cleaned, text = article.cleaned, article.normalized
    lead = (cleaned.body_start, min(cleaned.body_end, cleaned.body_start + windows()["main_subject_chars"]))
    spans = [span for span in (cleaned.title_span, lead) if span is not None]
    release = _is_release(article)
    area = _release_area(article) if release else None
    if area is not None:
        return article.raw(*area)[2], entity_id(text[area[0]:area[1]])
    for s, e in spans:
        found = main_subject(_without_publication_lines(article, s, e), credited, title=(s, e) == cleaned.title_span)
        if found is not None:
            ident = entity_id(text[s + found[0]:s + found[1]])
            if release and (s, e) == lead and entity_type(ident) == "region":
                continue       # a place the lead of a release names is one of its breakdowns (orders from Europe)
            return names.get(ident) or article.raw(s + found[0], s + found[1])[2], ident
    return "", ""


def _without_publication_lines(article: Article, start: int, end: int) -> str:
    """The normalized text[start:end] with publication lines blanked: the place a post was
    sent from ("posted 2025-11-04 in Beijing") is no subject of the article."""
    chars = list(article.normalized[start:end])
    for s, e in article.cleaned.publication + article.cleaned.datelines:
        s, e = max(s, start), min(e, end)
        if s < e:
            chars[s - start:e - start] = " " * (e - s)
    return "".join(chars)


def _release_area(article: Article) -> tuple[int, int] | None:
    """The area a statistics release covers: the region its title names, else the first area
    word of its body ("nationwide", "the whole province"), else the region its source is named after."""
    cleaned, text = article.cleaned, article.normalized
    if cleaned.title_span is not None:
        start = cleaned.title_span[0]
        named = named_region(text[start:cleaned.title_span[1]])
        if named is not None:
            return start + named[0], start + named[1]
    area = statistics_area(text[cleaned.body_start:cleaned.body_end])
    if area is not None:
        return cleaned.body_start + area[0], cleaned.body_start + area[1]
    return source_region(text[:cleaned.body_end])


def _publication(article: Article) -> tuple[tuple[int, int, int] | None, tuple[int, int] | None]:
    """The publication date: the first full date on a dateline or publication line (v1.1 §3)."""
    for start, end in article.cleaned.publication:
        for mention in find_periods(article.normalized[start:end]):
            date = resolve(mention, None)
            if mention.shape == "day" and date:
                year, month, day = (int(x) for x in date.split("-"))
                return (year, month, day), (start + mention.start, start + mention.end)
    return None, None


def document_facts(article: Article) -> DocFacts:
    body = (article.cleaned.body_start, article.cleaned.body_end)
    money = ((start + q.start, q) for start, _, quantities in article.sentences for q in quantities)
    currencies = read_currencies(article.normalized, *body, money)
    published, published_span = _publication(article)
    credited = credited_names(article.normalized, article.cleaned.credits.values())
    names = _entity_names(article)
    # the publication date is never a claim's period, wherever the page writes it (contract §3)
    periods = [p for p in _body_periods(article) if (p.start, p.end) != published_span]
    blocked = [*article.cleaned.datelines, *([published_span] if published_span else [])]
    title = article.cleaned.title_span
    topics = [m.metric for m in find_metrics(article.normalized[title[0]:title[1]])] if title else []
    session = quote_session(article.normalized[title[0]:title[1]]) if title else ""
    return DocFacts.build(periods, currencies, _main_subject(article, credited, names), credited,
                          lambda s, e: article.raw(s, e)[2], published, published_span,
                          blocked, names, _is_release(article), topics, session,
                          heading_names(article.normalized[body[0]:body[1]]))


def _is_release(article: Article) -> bool:
    """A statistics release: its title or lead names a statistics body."""
    cleaned = article.cleaned
    lead = (cleaned.body_start, min(cleaned.body_end, cleaned.body_start + windows()["main_subject_chars"]))
    spans = [span for span in (cleaned.title_span, lead) if span is not None]
    return any(cites_a_source(article.normalized[s:e]) for s, e in spans)


def _entity_names(article: Article) -> dict[str, str]:
    """One name per entity for every claim about it: its canonical name where the article
    writes it (labellers write the bank's full name for the short name of later sentences; not
    for a region, whose group word, "nationwide", is the subject as written), else the name
    written most often, else the first name written."""
    first: dict[str, str] = {}
    canonical: dict[str, str] = {}
    counts: Counter[tuple[str, str]] = Counter()
    title = [article.cleaned.title_span] if article.cleaned.title_span else []
    for start, end in title + [(s, e) for s, e, _ in article.sentences]:
        for m in entity_mentions(article.normalized[start:end]):
            written = article.raw(start + m.start, start + m.end)[2]
            if written.isascii() and any(ch.isdigit() for ch in written):
                continue                                    # a stock code is no name
            first.setdefault(m.entity.id, written)
            counts[m.entity.id, written] += 1
            if article.normalized[start + m.start:start + m.end] == normalize_text(m.entity.name) \
                    and m.entity.type != "region":
                canonical.setdefault(m.entity.id, written)
    chosen = first | canonical
    for (ident, written), n in counts.items():
        if ident not in canonical and n > counts[ident, chosen[ident]]:
            chosen[ident] = written
    return chosen


def _unit_text_as_written(article: Article, row: Row) -> str:
    return "".join(article.raw(start, end)[2] for start, end in row.unit_spans)


def _unit_as_written(article: Article, row: Row) -> str:
    """A measure-word unit in the script of the raw text (Traditional in a Traditional article)."""
    if not row.unit or row.unit.isascii() or not article.normalized[row.start:row.end].endswith(row.unit):
        return row.unit
    return article.raw(row.end - len(row.unit), row.end)[2]


def _record(article: Article, row: Row) -> dict:
    start, end, text = article.raw(row.start, row.end)
    return {
        "doc_id": article.source.doc_id, "start": start, "end": end, "text": text, "kind": row.kind,
        "subject": row.subject, "subject_id": row.subject_id, "metric": row.metric,
        "metric_text": article.raw(*row.metric_span)[2] if row.metric_span else "",
        "value": row.value, "value_max": row.value_max, "unit": _unit_as_written(article, row),
        "unit_text": _unit_text_as_written(article, row), "qualifier": row.qualifier,
        "change_pct": row.change_pct, "change_pp": row.change_pp, "change_max": row.change_max,
        "change_abs": row.change_abs, "change_basis": row.change_basis, "period": row.period,
        "period_text": article.raw(*row.period_span)[2] if row.period_span else "",
        "modality": row.modality, "sentence": article.raw(*row.sentence_span)[2], "rule": row.rule,
    }


def document_record(article: Article, claims: int) -> dict:
    """Document metadata: where the text came from, title and credits, what was stripped."""
    source, cleaned = article.source, article.cleaned
    return {"doc_id": source.doc_id, "path": source.path, "encoding": source.encoding, "format": source.fmt,
            "characters": len(source.raw), "title": cleaned.title or source.html_title,
            "author": cleaned.credits.get("author", ""), "editor": cleaned.credits.get("editor", ""),
            "source": cleaned.credits.get("source", ""), "header_lines": cleaned.header_lines,
            "footer_lines": cleaned.footer_lines, "sentences": len(article.sentences), "claims": claims}


def claim_records(source: Source) -> tuple[list[dict], dict]:
    """The claim rows of one loaded article as table records, and its document record."""
    article = prepare(source)
    body = [s for s in article.sentences if not article.in_dateline(s[0])]
    enter_stage("facts")
    facts = document_facts(article)
    enter_stage("claims")
    rows = claim_rows(article.normalized, body, facts)
    enter_stage("records")
    records = [_record(article, row) for row in rows]
    for n, record in enumerate(records, 1):
        record["claim_id"] = f"{source.doc_id}#{n}"
    return records, document_record(article, len(records))


def extract_with_metadata(source: Source) -> tuple[pd.DataFrame, dict]:
    """The claim table of one loaded article and its document record."""
    records, document = claim_records(source)
    return to_frame(records), document


def extract_source(source: Source) -> pd.DataFrame:
    """The claim table of one loaded article."""
    return extract_with_metadata(source)[0]


def extract(text: str, doc_id: str = "doc", fmt: str = "txt") -> pd.DataFrame:
    """The claim table of one article given as text (contract §6)."""
    return extract_source(from_text(text, doc_id, fmt))


def extract_file(path: str | Path) -> pd.DataFrame:
    return extract_source(load_file(path))
