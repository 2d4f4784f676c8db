"""How big a review report gets and how fast it opens: the bundled corpus (held-out articles
left out) copied until the batch has --articles articles, each copy its own document.

    .venv/bin/python scripts/benchmark_report.py --articles 10000

Prints figures (it asserts nothing): time to write the report, its size, and — when
Chromium and Playwright are installed — the time to open it in headless Chromium, to filter
and sort the claim table and to open the last article.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

from pipeline.eval.splits import blind_docs
from pipeline.io.batch import extract_many
from pipeline.io.load import find_articles, load_file
from pipeline.review.report import write_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def batch(articles: int):
    hidden = blind_docs(ROOT / "corpus" / "manifest.csv")
    files = [f for f in find_articles([ROOT / "corpus"]) if f.stem not in hidden]
    claims, _ = extract_many(list(files), progress=False)
    sources = [load_file(f) for f in files]
    copies, frames = [], []
    for n in range(articles):
        source = sources[n % len(sources)]
        doc = f"{source.doc_id}_{n // len(sources):04d}"
        copies.append(replace(source, doc_id=doc))
        frame = claims[claims["doc_id"] == source.doc_id].copy()
        frame["claim_id"] = frame["claim_id"].str.replace(source.doc_id, doc, regex=False)
        frames.append(frame.assign(doc_id=doc))
    return copies, pd.concat(frames, ignore_index=True)


def timed(label: str, action) -> None:
    started = time.perf_counter()
    action()
    print(f"{label}: {time.perf_counter() - started:.2f} s")


def open_in_browser(path: Path) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: not opened")
        return
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: not opened")
        return
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True)
        page = context.new_page()
        timed("open in Chromium", lambda: (page.goto(path.as_uri(), timeout=600_000),
                                           page.wait_for_selector("body[data-ready=yes]", timeout=600_000)))
        timed("filter the claim table by metric", lambda: page.fill("#filter-metric", "net_profit"))
        timed("sort it by value", lambda: page.click("th[data-key=value] button"))
        page.fill("#filter-metric", "")
        last = page.eval_on_selector("#data", "node => { const d = JSON.parse(node.textContent).docs; "
                                              "return d[d.length - 1].id; }")
        timed("find and open the last article", lambda: (page.fill("#filter-doc", last),
                                                         page.click("#claims-table tbody tr")))
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", help="write the report here instead of a temporary file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sources, claims = batch(args.articles)
    print(f"{len(sources)} articles, {len(claims)} claims ({time.perf_counter() - started:.1f} s to prepare)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.keep or Path(folder) / "report.html")
        started = time.perf_counter()
        summary = write_report(sources, claims, path, titles={s.doc_id: s.doc_id for s in sources})
        print(f"write the report: {time.perf_counter() - started:.1f} s, {summary['bytes'] / 1e6:.1f} MB, "
              f"{summary['findings']} findings")
        open_in_browser(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
