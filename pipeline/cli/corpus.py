"""`zhclaims extract` (articles → claim table) and `zhclaims run` (the bundled corpus → outputs/)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pandas as pd

from pipeline.eval import report
from pipeline.eval.splits import blind_docs, evaluate_tables
from pipeline.io.batch import extract_many
from pipeline.io.table import write_table


def print_scores(scores) -> None:
    for name, s in scores.items():
        for line in report.summary_lines(name, s):
            print(line)


def cmd_extract(args) -> int:
    started = time.perf_counter()
    documents: list[dict] = []
    claims, errors = extract_many(args.paths, jobs=args.jobs, progress=not args.quiet, documents=documents)
    write_table(claims, args.output)
    if args.docs:
        pd.DataFrame(documents).to_csv(args.docs, index=False)
    for _, error in errors.iterrows():
        print(f"error: {error['path']}: {error['error']}", file=sys.stderr)
    if args.errors and len(errors):
        errors.to_csv(args.errors, index=False)
    elapsed = time.perf_counter() - started
    print(f"{len(claims)} claims from {claims['doc_id'].nunique()} documents → {args.output} "
          f"({len(errors)} failed, {elapsed:.1f}s)", file=sys.stderr)
    return 0


def _summary(scores) -> dict:
    return {name: {"detection_f1": round(s.detection["f1"], 4), "strict_f1": round(s.strict["f1"], 4),
                   "gold": s.detection["gold"], "predicted": s.detection["predicted"],
                   "fields": {k: round(v, 4) for k, v in s.fields.items()}} for name, s in scores.items()}


def _write_review(corpus: Path, claims: pd.DataFrame, documents: list[dict], path: Path, hidden) -> None:
    """The browser report of the run: every article with its claims and gold marks, blind ones left out unread."""
    from pipeline.io.load import find_articles
    from pipeline.review.report import write_report
    titles = {d["doc_id"]: d.get("title") or "" for d in documents}
    write_report(find_articles([corpus]), claims, path, gold=corpus / "gold", titles=titles, hide=hidden)


def cmd_run(args) -> int:
    corpus, out = Path(args.corpus), Path(args.out)
    started = time.perf_counter()
    documents: list[dict] = []
    claims, errors = extract_many([corpus], jobs=args.jobs, progress=not args.quiet, documents=documents)
    elapsed = time.perf_counter() - started
    write_table(claims, out / "claims.csv")
    pd.DataFrame(documents).drop(columns=["path"]).to_csv(out / "documents.csv", index=False)
    errors.to_csv(out / "errors.csv", index=False)
    manifest = corpus / "manifest.csv"
    scores = evaluate_tables(claims, corpus / "gold", corpus, manifest)
    (out / "report.md").write_text(report.markdown(scores), encoding="utf-8")
    (out / "scores.json").write_text(json.dumps(_summary(scores), indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    print_scores(scores)
    hidden = blind_docs(manifest)
    _write_review(corpus, claims, documents, out / "report.html", hidden)
    if hidden:
        print(f"blind: {len(hidden)} held-out documents not scored (zhclaims eval --score-blind, once, "
              f"when the rule work is done)")
    print(f"{len(claims)} claims, {len(errors)} failed files, {elapsed:.1f}s → {out}/claims.csv, "
          f"{out}/report.md, {out}/report.html")
    return 0


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract the claim table of article files and folders")
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files or folders")
    p.add_argument("-o", "--output", required=True, help="output file: .csv, .parquet or .jsonl")
    p.add_argument("--errors", help="also write failed files to this CSV")
    p.add_argument("--docs", help="also write document metadata (title, credits, encoding) to this CSV")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="the main job: the bundled corpus → outputs/claims.csv and a report")
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--out", default="outputs")
    p.add_argument("-j", "--jobs", type=int, default=1)
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_run)
