"""`zhclaims extract` (articles → claim table) and `zhclaims run` (the bundled corpus → outputs/).

The engine is imported inside the commands, so `zhclaims --help` starts without it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_CHECK, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
EXIT_STATUSES = """exit status:
  0  every file was processed, or rejected as bad input (listed in the errors table)
  1  --strict, and some file was rejected as bad input or ran past --doc-timeout
  2  usage error: bad arguments, unknown output format, unreadable gold file
  3  engine failure: an exception inside the pipeline on some file (traceback in the
     .errors.log file beside the errors table); the batch still went on"""


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                               # not on Linux
        return os.cpu_count() or 1


def print_scores(scores) -> None:
    from pipeline.eval import report

    for name, s in scores.items():
        for line in report.summary_lines(name, s):
            print(line)


def exit_status(summary, strict: bool) -> int:
    if summary.kinds["bug"]:
        return EXIT_BUG
    if strict and (summary.kinds["input"] or summary.kinds["timeout"]):
        return EXIT_CHECK
    return EXIT_OK


def _batch(args, paths: list[str], output: Path, errors: str | None, documents: str | None):
    from pipeline.io.batch import Options, print_problems, run_batch

    options = Options(jobs=max(1, args.jobs), timeout=args.doc_timeout or None, engine=args.engine,
                      scheduler=args.scheduler, resume=args.resume, progress=not args.quiet,
                      errors=errors, documents=documents, part_rows=getattr(args, "part_rows", 0),
                      on_result=print_problems)
    summary = run_batch(paths, output, options)
    kinds = summary.kinds
    resumed = f", {summary.skipped} done before (--resume)" if args.resume else ""
    print(f"{summary.claims} claims from {summary.documents} documents → {output} "
          f"({kinds['input']} rejected, {kinds['timeout']} timed out, {kinds['bug']} engine failures, "
          f"{kinds['warning']} warnings{resumed}; {summary.elapsed:.1f}s)", file=sys.stderr)
    print(f"errors → {summary.outputs['errors']}, documents → {summary.outputs['documents']}"
          + (f", tracebacks → {summary.outputs['log']}" if "log" in summary.outputs else ""), file=sys.stderr)
    return summary


def cmd_extract(args) -> int:
    summary = _batch(args, args.paths, Path(args.output), args.errors, args.docs)
    return exit_status(summary, args.strict)


def _summary(scores) -> dict:
    return {name: {"detection_f1": round(s.detection["f1"], 4), "strict_f1": round(s.strict["f1"], 4),
                   "gold": s.detection["gold"], "predicted": s.detection["predicted"],
                   "fields": {k: round(v, 4) for k, v in s.fields.items()}} for name, s in scores.items()}


def _write_review(corpus: Path, claims, documents: Path, path: Path, hidden) -> None:
    """The browser report of the run: every article with its claims and gold marks, blind ones left out unread."""
    import pandas as pd

    from pipeline.io.load import find_articles
    from pipeline.review.report import write_report
    table = pd.read_csv(documents, keep_default_na=False, dtype=str)
    titles = dict(zip(table["doc_id"], table["title"], strict=True)) if "title" in table else {}
    write_report(find_articles([corpus]), claims, path, gold=corpus / "gold", titles=titles, hide=hidden)


def cmd_run(args) -> int:
    from pipeline.eval import report
    from pipeline.eval.splits import blind_docs, evaluate_tables
    from pipeline.io.table import read_table

    corpus, out = Path(args.corpus), Path(args.out)
    summary = _batch(args, [str(corpus)], out / "claims.csv", str(out / "errors.csv"), str(out / "documents.csv"))
    claims = read_table(out / "claims.csv")
    manifest = corpus / "manifest.csv"
    scores = evaluate_tables(claims, corpus / "gold", corpus, manifest)
    (out / "report.md").write_text(report.markdown(scores), encoding="utf-8")
    (out / "scores.json").write_text(json.dumps(_summary(scores), indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    print_scores(scores)
    hidden = blind_docs(manifest)
    _write_review(corpus, claims, out / "documents.csv", out / "report.html", hidden)
    if hidden:
        print(f"blind: {len(hidden)} held-out documents not scored (zhclaims eval --score-blind, once, "
              f"when the rule work is done)")
    failed = sum(summary.failed.values())
    print(f"{len(claims)} claims, {failed} failed files, {summary.elapsed:.1f}s → {out}/claims.csv, "
          f"{out}/report.md, {out}/report.html")
    return exit_status(summary, args.strict)


def _batch_options(p) -> None:
    p.add_argument("-j", "--jobs", type=int, default=default_jobs(),
                   help="worker processes (default: all cores, %(default)s here); the table is the same for any N")
    p.add_argument("--doc-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit per document (default %(default)g; 0: none); a document over it is "
                        "recorded as a timeout with the stage it was in, and the batch goes on")
    p.add_argument("--strict", action="store_true", help="exit 1 when any file is rejected or times out")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run with the same output: documents already done "
                        "(same path and content hash) are not run again")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local worker processes (default) or a Dask cluster (pip install 'zhclaims[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
                        "of --jobs workers)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def register(sub) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("extract", help="extract the claim table of article files and folders",
                       epilog=EXIT_STATUSES, formatter_class=formatter)
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files or folders")
    p.add_argument("-o", "--output", required=True,
                   help="output file: .csv, .parquet or .jsonl; written whole or not at all")
    p.add_argument("--errors", help="errors table (default: beside the output, claims.csv → claims.errors.csv; "
                                    "engine tracebacks go to claims.errors.log)")
    p.add_argument("--docs", help="documents table: encoding, title, credits … (default claims.documents.csv)")
    p.add_argument("--part-rows", type=int, default=0, metavar="N",
                   help="with a .parquet output: write a folder of part files of N rows each (large runs)")
    _batch_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="the main job: the bundled corpus → outputs/claims.csv and a report",
                       epilog=EXIT_STATUSES, formatter_class=formatter)
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--out", default="outputs")
    _batch_options(p)
    p.set_defaults(func=cmd_run)
