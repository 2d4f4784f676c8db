"""`zhclaims report`: a batch of articles and their claims as one self-contained HTML page.

The page is a template (assets/report.html) with its style and script inline and the data
embedded as JSON in non-executed `<script type="application/json">` elements — one for the
claims, one per article text, parsed only when the article is opened — so a batch of
10,000 articles still opens. Nothing from an article, its metadata or gold is ever written
as markup: it travels as JSON (with `<`, `>` and `&` escaped, so no `</script>` can close the
element early) and the page's script puts it into the document as text. A Content Security
Policy allows only the page's own style and script (by hash) and no fetch of any kind.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import regex

from pipeline.eval.evaluate import load_gold_dir
from pipeline.io.load import Source, load_file
from pipeline.io.table import read_table
from pipeline.text.clean import clean
from pipeline.text.normalize import normalize_text

from .check import check
from .facts import Facts, load_facts
from .marks import diff_marks, gold_marks
from .payload import Inputs, build
from .verify import verify

ASSETS = Path(__file__).parent / "assets"
_SLOT = regex.compile(r"\{\{([A-Z_]+)\}\}")


def script_json(value) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render(data: dict, texts: list[str]) -> str:
    """The page: template slots filled in one pass (filled text is never read for slots)."""
    style = (ASSETS / "report.css").read_text(encoding="utf-8")
    parts = [(ASSETS / name).read_text(encoding="utf-8") for name in ("util.js", "article.js", "table.js", "main.js")]
    script = '(function () {\n"use strict";\n' + "\n".join(parts) + "\n})();"
    policy = (f"default-src 'none'; style-src {_digest(style)}; script-src {_digest(script)}; "
              "img-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
              "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'")
    blobs = "\n".join(f'<script type="application/json" id="text-{i}">{script_json(t)}</script>'
                      for i, t in enumerate(texts))
    slots = {"TITLE": html.escape(str(data.get("title", ""))), "POLICY": html.escape(policy), "STYLE": style,
             "SCRIPT": script, "DATA": script_json(data), "TEXTS": blobs}
    template = (ASSETS / "report.html").read_text(encoding="utf-8")
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _sources(articles: Iterable[Source | str | Path], hidden: set[str]) -> tuple[list[Source], int]:
    """The articles to show, loaded, and how many were left out (a hidden file is never read)."""
    shown, left_out = [], 0
    for article in articles:
        doc = article.doc_id if isinstance(article, Source) else Path(article).stem
        if doc in hidden:
            left_out += 1
        else:
            shown.append(article if isinstance(article, Source) else load_file(article))
    return shown, left_out


def _title_of(source: Source) -> str:
    return clean(normalize_text(source.text), source.text).title or source.html_title


def _table(value: pd.DataFrame | str | Path | None) -> pd.DataFrame | None:
    return value if value is None or isinstance(value, pd.DataFrame) else read_table(value)


def _inputs(sources: list[Source], claims: pd.DataFrame, gold, against, facts, titles, loose: bool) -> Inputs:
    docs = [s.doc_id for s in sources]
    gold_table = gold if gold is None or isinstance(gold, pd.DataFrame) else load_gold_dir(gold, Path(gold).parent)
    old = _table(against)
    with_gold = [] if gold_table is None else \
        sorted(set(docs) & (set(gold_table["doc_id"]) | set(gold_table.attrs.get("docs", []))))
    reference = None if facts is None else facts if isinstance(facts, Facts) else load_facts(facts)
    return Inputs(sources, claims, titles if titles is not None else {s.doc_id: _title_of(s) for s in sources},
                  gold=gold_marks(claims, gold_table, with_gold) if gold_table is not None else None,
                  gold_table=gold_table, diff=diff_marks(claims, old, docs) if old is not None else None,
                  findings=check(claims, loose=loose),
                  verified=verify(claims, reference) if reference is not None else None)


def write_report(articles: Iterable[Source | str | Path], claims: pd.DataFrame, out_path: str | Path,
                 gold: pd.DataFrame | str | Path | None = None, against: pd.DataFrame | str | Path | None = None,
                 *, facts: Facts | str | Path | None = None, titles: dict[str, str] | None = None,
                 hide: Iterable[str] = (), left_out: int = 0, loose: bool = False, title: str = "") -> dict:
    """Write the review report of `articles` (Sources or paths) and their `claims` to `out_path`.

    `gold`: a gold table or folder (evaluation marks); `against`: an older claim table or its
    path (added, removed, changed); `facts`: a facts file or Facts (verification); `titles`:
    doc_id → title (else read from each article); `hide`: doc ids to leave out entirely (blind
    documents; `left_out` more were left out before, and the page says how many); `loose`:
    low-confidence consistency findings too. Returns summary counts.
    """
    sources, hidden = _sources(articles, set(hide))
    claims = claims[claims["doc_id"].isin({s.doc_id for s in sources})].reset_index(drop=True)
    inputs = _inputs(sources, claims, gold, against, facts, titles, loose)
    inputs.hidden = hidden + left_out
    inputs.title = title or f"zhclaims review: {len(sources)} articles"
    data, texts = build(inputs)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, texts), encoding="utf-8")
    return {"articles": len(sources), "claims": len(claims), "findings": len(data["findings"]),
            "marks": len(data["columns"]["doc"]), "bytes": out.stat().st_size}
