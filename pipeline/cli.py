"""The `zhclaims` command: extract, eval, run, conformance."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from .eval import evaluate, report
from .eval.splits import evaluate_tables
from .io.batch import extract_many
from .io.table import read_table, write_table


def _print_scores(scores) -> None:
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


def cmd_eval(args) -> int:
    pred = read_table(args.pred)
    scores = evaluate_tables(pred, Path(args.gold), Path(args.corpus) if args.corpus else None,
                             Path(args.manifest) if args.manifest else None, args.doc)
    _print_scores(scores)
    if args.report:
        Path(args.report).write_text(report.markdown(scores), encoding="utf-8")
    return 0


def cmd_run(args) -> int:
    corpus, out = Path(args.corpus), Path(args.out)
    started = time.perf_counter()
    documents: list[dict] = []
    claims, errors = extract_many([corpus], jobs=args.jobs, progress=not args.quiet, documents=documents)
    elapsed = time.perf_counter() - started
    write_table(claims, out / "claims.csv")
    pd.DataFrame(documents).drop(columns=["path"]).to_csv(out / "documents.csv", index=False)
    errors.to_csv(out / "errors.csv", index=False)
    scores = evaluate_tables(claims, corpus / "gold", corpus, corpus / "manifest.csv")
    (out / "report.md").write_text(report.markdown(scores), encoding="utf-8")
    summary = {name: {"detection_f1": round(s.detection["f1"], 4), "strict_f1": round(s.strict["f1"], 4),
                      "gold": s.detection["gold"], "predicted": s.detection["predicted"],
                      "fields": {k: round(v, 4) for k, v in s.fields.items()}} for name, s in scores.items()}
    (out / "scores.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print_scores(scores)
    print(f"{len(claims)} claims, {len(errors)} failed files, {elapsed:.1f}s → {out}/claims.csv, "
          f"{out}/report.md")
    return 0


def cmd_conformance(args) -> int:
    from .eval import conformance
    return conformance.main([args.data] if args.data else [])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhclaims", description="Numeric claims from Chinese finance news.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract the claim table of article files and folders")
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files or folders")
    p.add_argument("-o", "--output", required=True, help="output file: .csv, .parquet or .jsonl")
    p.add_argument("--errors", help="also write failed files to this CSV")
    p.add_argument("--docs", help="also write document metadata (title, credits, encoding) to this CSV")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score a predicted claim table against gold")
    p.add_argument("--gold", required=True, help="folder of gold CSV files")
    p.add_argument("pred", help="predicted claim table (.csv, .parquet, .jsonl)")
    p.add_argument("--corpus", help="folder of the articles (checks gold offsets; default: gold's parent)")
    p.add_argument("--manifest", help="corpus manifest CSV with doc_id and split (scores per split)")
    p.add_argument("--report", help="write the full Markdown report here")
    p.add_argument("--doc", action="append", help="score only this document (repeatable)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("run", help="the main job: the bundled corpus → outputs/claims.csv and a report")
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--out", default="outputs")
    p.add_argument("-j", "--jobs", type=int, default=1)
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("conformance", help="score find_quantities on the Recognizers-Text suites")
    p.add_argument("data", nargs="?", help="folder with NumberModel.json, PercentModel.json, CurrencyModel.json")
    p.set_defaults(func=cmd_conformance)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (evaluate.GoldError, ValueError, FileNotFoundError) as exc:
        print(f"zhclaims: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
