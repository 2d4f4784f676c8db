"""One article → its claim table: load → clean → normalize → segment → claims → table."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .claims import DocContext, Row, assemble, generic_yuan_currencies
from .clean import Cleaned, clean
from .figures import sentence_quantities
from .load import Source, from_text, load_file
from .normalize import normalize_text
from .periods import find_periods
from .segment import sentence_spans
from .subjects import main_subject
from .table import to_frame


@dataclass
class Article:
    source: Source
    normalized: str
    cleaned: Cleaned
    sentences: list[tuple[int, int]]


def prepare(source: Source) -> Article:
    normalized = normalize_text(source.text)
    cleaned = clean(normalized, source.text)
    sentences = sentence_spans(normalized, cleaned.body_start, cleaned.body_end)
    return Article(source, normalized, cleaned, sentences)


def currencies(article: Article) -> tuple[str, str]:
    """(main currency, currency of a bare yuan sign) of the body (contract §1).

    The main currency is the one written most often. A bare yuan sign is CNY, except
    in a document whose most written explicit currency also counts in yuan (New Taiwan
    dollars: rules/claim_filters.yaml `generic_yuan_currencies`).
    """
    explicit, generic = Counter(), 0
    for start, end in article.sentences:
        for q in sentence_quantities(article.normalized[start:end]):
            if q.kind == "money" and q.unit:
                if q.generic_currency:
                    generic += 1
                else:
                    explicit[q.unit] += 1
    top = explicit.most_common(1)[0][0] if explicit else ""
    yuan = top if top in generic_yuan_currencies() else "CNY"
    counts = explicit + Counter({yuan: generic})
    return (counts.most_common(1)[0][0] if counts else "CNY"), yuan


def _raw(source: Source, start: int, end: int) -> tuple[int, int, str]:
    rs, re_ = source.raw_span(start, end)
    return rs, re_, source.raw[rs:re_]


def _unit_text_as_written(article: Article, row: Row) -> str:
    anchor = article.normalized[row.start:row.end]
    at = anchor.rfind(row.unit_text) if row.unit_text else -1
    if at < 0:
        return row.unit_text
    return _raw(article.source, row.start + at, row.start + at + len(row.unit_text))[2]


def _unit_as_written(article: Article, row: Row) -> str:
    """A measure-word unit in the script of the raw text (Traditional in a Traditional article)."""
    if not row.unit or row.unit.isascii() or not article.normalized[row.start:row.end].endswith(row.unit):
        return row.unit
    return _raw(article.source, row.end - len(row.unit), row.end)[2]


def _record(article: Article, row: Row) -> dict:
    source = article.source
    start, end, text = _raw(source, row.start, row.end)
    metric_text = _raw(source, *row.metric_span)[2] if row.metric_span else ""
    period_text = _raw(source, *row.period_span)[2] if row.period_span else ""
    sentence = _raw(source, *row.sentence_span)[2]
    return {
        "doc_id": source.doc_id, "start": start, "end": end, "text": text, "kind": row.kind,
        "subject": row.subject, "metric": row.metric, "metric_text": metric_text,
        "value": row.value, "value_max": row.value_max, "unit": _unit_as_written(article, row),
        "unit_text": _unit_text_as_written(article, row), "qualifier": row.qualifier,
        "change_pct": row.change_pct, "change_pp": row.change_pp, "change_max": row.change_max,
        "change_abs": row.change_abs, "change_basis": row.change_basis, "period": row.period,
        "period_text": period_text, "modality": row.modality, "sentence": sentence, "rule": row.rule,
    }


def _main_subject(article: Article) -> str:
    """The article's main company as written: the first named entity of the title, else of the body's start."""
    cleaned = article.cleaned
    for span in (cleaned.title_span, (cleaned.body_start, min(cleaned.body_end, cleaned.body_start + 400))):
        if span is None:
            continue
        found = main_subject(article.normalized[span[0]:span[1]])
        if found is not None:
            return _raw(article.source, span[0] + found[0], span[0] + found[1])[2]
    return ""


def document_record(article: Article, claims: int) -> dict:
    """Document metadata: where the text came from, title and credits, what was stripped."""
    source, cleaned = article.source, article.cleaned
    return {"doc_id": source.doc_id, "path": source.path, "encoding": source.encoding, "format": source.fmt,
            "characters": len(source.raw), "title": cleaned.title or source.html_title,
            "author": cleaned.credits.get("author", ""), "editor": cleaned.credits.get("editor", ""),
            "source": cleaned.credits.get("source", ""), "header_lines": cleaned.header_lines,
            "footer_lines": cleaned.footer_lines, "sentences": len(article.sentences), "claims": claims}


def extract_source(source: Source) -> pd.DataFrame:
    """The claim table of one loaded article."""
    return extract_with_metadata(source)[0]


def extract_with_metadata(source: Source) -> tuple[pd.DataFrame, dict]:
    """The claim table of one loaded article and its document record."""
    article = prepare(source)
    body_start, body_end = article.cleaned.body_start, article.cleaned.body_end
    periods = [p for p in find_periods(article.normalized[body_start:body_end])]
    periods = [replace(p, start=p.start + body_start, end=p.end + body_start) for p in periods]
    datelines = article.cleaned.datelines
    periods = [p for p in periods if not any(s <= p.start < e for s, e in datelines)]
    main, yuan = currencies(article)
    ctx = DocContext(periods, main, yuan,
                     raw_text=lambda s, e: _raw(source, s, e)[2])
    ctx.main_subject = _main_subject(article)
    rows: list[Row] = []
    previous_end = None
    for start, end in article.sentences:
        if any(s <= start < e for s, e in datelines):
            continue
        if previous_end is not None and "\n" in article.normalized[previous_end:start]:
            ctx.last_subject = ""                     # a new paragraph
        previous_end = end
        rows.extend(assemble(article.normalized[start:end], start, ctx))
    records = [_record(article, row) for row in sorted(rows, key=lambda r: (r.start, r.end))]
    for n, record in enumerate(records, 1):
        record["claim_id"] = f"{source.doc_id}#{n}"
    return to_frame(records), document_record(article, len(records))


def extract(text: str, doc_id: str = "doc", fmt: str = "txt") -> pd.DataFrame:
    """The claim table of one article given as text (contract §6)."""
    return extract_source(from_text(text, doc_id, fmt))


def extract_file(path: str | Path) -> pd.DataFrame:
    return extract_source(load_file(path))
