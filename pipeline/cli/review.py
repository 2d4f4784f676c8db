"""`zhclaims report` (an HTML page to review a batch), `zhclaims check` (contradictions) and
`zhclaims verify` (claims against published figures)."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:                      # the engine is imported inside the commands: `zhclaims --help` stays fast
    import pandas as pd


def _hidden(manifest: str | None, paths: Sequence[str] = ()) -> set[str]:
    """Held-out documents: those marked blind in the manifest given, or in a manifest.csv
    inside a folder given."""
    found = [Path(manifest)] if manifest else [Path(p) / "manifest.csv" for p in paths if Path(p).is_dir()]
    from pipeline.eval.splits import blind_docs
    return set().union(*(blind_docs(m) for m in found if m.is_file()))


def _without(table: pd.DataFrame, hidden: set[str]) -> pd.DataFrame:
    return table[~table["doc_id"].isin(hidden)].reset_index(drop=True)


def cmd_report(args) -> int:
    from pipeline.io.batch import extract_many
    from pipeline.io.load import find_articles
    from pipeline.io.table import read_table
    from pipeline.review.report import write_report
    hidden = set() if args.show_blind else _hidden(args.manifest, args.paths)
    every = find_articles(args.paths)
    files = [f for f in every if f.stem not in hidden]          # held-out articles are never read
    if args.claims:
        claims = read_table(args.claims)
    else:
        claims, errors = extract_many(list[str | Path](files), jobs=args.jobs, progress=not args.quiet)
        for _, error in errors.iterrows():
            print(f"error: {error['path']}: {error['error']}", file=sys.stderr)
        files = [f for f in files if f.stem not in set(errors["doc_id"])]
    left_out = len(every) - len([f for f in every if f.stem not in hidden])
    summary = write_report(files, claims, args.output, gold=args.gold, against=args.against, facts=args.facts,
                           left_out=left_out, loose=args.loose, title=args.title or "")
    print(f"{summary['articles']} articles, {summary['claims']} claims, {summary['findings']} findings → "
          f"{args.output} ({summary['bytes'] / 1e6:.1f} MB)" + (f"; {left_out} held-out articles left out"
                                                               if left_out else ""), file=sys.stderr)
    return 0


def _print_findings(findings: pd.DataFrame) -> None:
    for f in findings.to_dict("records"):
        print(f"{f['doc_id']}  {f['check'].replace('_', ' ')} ({f['scope']}, {f['confidence']} confidence)")
        print(f"  {f['message']}")
        print(f"  {f['claim_id']}  {f['sentence']}")
        for claim, sentence in zip(f["other_claim_id"].split(), f["other_sentence"].split(" | "), strict=False):
            print(f"  {claim}  {sentence}")
        print()


def cmd_check(args) -> int:
    from pipeline.io.table import read_table
    from pipeline.review.check import check
    table = _without(read_table(args.table), _hidden(args.manifest))
    findings = check(table, loose=args.loose, batch=not args.no_batch)
    if not args.loose and ("sentence" not in table or not table["sentence"].astype(str).str.strip().any()):
        print("the table has no sentences, so no claim's period can be seen as stated: use --loose",
              file=sys.stderr)
    if args.output:
        findings.to_csv(args.output, index=False)
    else:
        _print_findings(findings)
    high = int((findings["confidence"] == "high").sum())
    print(f"{len(findings)} findings ({high} high confidence) in {findings['doc_id'].nunique()} of "
          f"{table['doc_id'].nunique()} documents", file=sys.stderr)
    return 1 if args.fail_on_finding and len(findings) else 0


def cmd_verify(args) -> int:
    from pipeline.io.table import read_table
    from pipeline.review import verify as verifying
    from pipeline.review.facts import load_facts
    table = _without(read_table(args.table), _hidden(args.manifest))
    result = verifying.verify(table, load_facts(args.facts, args.metric_map), entity=args.entity or "")
    if args.output:
        result.to_csv(args.output, index=False)
    else:
        for r in result[result["status"].isin(["contradicted", "period_mismatch"])].to_dict("records"):
            print(f"{r['claim_id']}  {r['text']}  {r['metric']} {r['period']}  {r['figure']} {r['claimed']}: "
                  f"{r['status'].replace('_', ' ')} — {r['detail']}")
    counts = verifying.counts(result)
    print(", ".join(f"{n} {status.replace('_', ' ')}" for status, n in counts.items()) +
          f" ({len(result)} figures of {len(table)} claims)", file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("report", help="one self-contained HTML page to review a batch: claims in their articles")
    p.add_argument("paths", nargs="+", help=".txt/.html/.htm files or folders")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--claims", help="use this claim table instead of extracting the articles")
    p.add_argument("--gold", help="folder of gold CSV files: scores, and misses, spurious and wrong fields marked")
    p.add_argument("--against", help="an older claim table: claims added, removed and changed marked")
    p.add_argument("--facts", help="a facts file (zhclaims verify): each claim's verification shown")
    p.add_argument("--manifest", help="corpus manifest; blind documents are left out (default: manifest.csv "
                                      "of a folder given)")
    p.add_argument("--show-blind", action="store_true", help="include held-out (blind) documents")
    p.add_argument("--loose", action="store_true", help="also show low-confidence consistency findings")
    p.add_argument("--title", help="the page's title")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for extraction (default 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("check", help="claims that contradict each other, within an article and across a batch")
    p.add_argument("table", help="claim table (.csv, .parquet, .jsonl)")
    p.add_argument("-o", "--output", help="write the findings as CSV (default: a readable list on stdout)")
    p.add_argument("--loose", action="store_true",
                   help="also compare claims whose period or subject was carried over from earlier in the article")
    p.add_argument("--no-batch", action="store_true", help="only within each article")
    p.add_argument("--manifest", help="corpus manifest; blind documents are left out")
    p.add_argument("--fail-on-finding", action="store_true", help="exit 1 when there is any finding")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("verify", help="each claim against a reference table of published figures")
    p.add_argument("table", help="claim table (.csv, .parquet, .jsonl)")
    p.add_argument("--facts", required=True,
                   help="facts CSV: entity, metric, period, value, unit (see facts/README.md)")
    p.add_argument("--metric-map", help="claim_metric,fact_metric CSV (default: metric_map.csv beside the facts)")
    p.add_argument("--entity", help="the entity of claims that have no subject")
    p.add_argument("-o", "--output", help="write every figure's status as CSV (default: the disagreements on stdout)")
    p.add_argument("--manifest", help="corpus manifest; blind documents are left out")
    p.set_defaults(func=cmd_verify)
