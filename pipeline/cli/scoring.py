"""`zhclaims eval`, `zhclaims ledger`, `zhclaims diff` and `zhclaims conformance`."""
from __future__ import annotations

import sys
from pathlib import Path

from .corpus import print_scores


def cmd_eval(args) -> int:
    from pipeline.eval import report
    from pipeline.eval.splits import evaluate_tables
    from pipeline.io.table import read_table

    pred = read_table(args.pred)
    scores = evaluate_tables(pred, Path(args.gold), Path(args.corpus) if args.corpus else None,
                             Path(args.manifest) if args.manifest else None, args.doc, args.score_blind)
    print_scores(scores)
    if args.report:
        Path(args.report).write_text(report.markdown(scores), encoding="utf-8")
    return 0


def ledger_scope(corpus: Path, scope: dict) -> list[str]:
    """The documents the ledger follows: those of the scope's splits (blind ones only when
    the scope says so)."""
    from pipeline.eval.splits import blind_docs, read_manifest

    manifest = read_manifest(corpus / "manifest.csv")
    wanted = set(scope.get("splits") or manifest["split"])
    docs = sorted(set(manifest.loc[manifest["split"].isin(wanted), "doc_id"])
                  & {p.stem for p in (corpus / "gold").glob("*.csv")})
    if not scope.get("include_blind"):
        hidden = blind_docs(corpus / "manifest.csv")
        docs = [d for d in docs if d not in hidden]
    return docs


def current_mismatches(corpus: Path, scope: dict):
    """(predictions, gold, mismatches) of the bundled corpus within the ledger's scope."""
    from pipeline.eval import ledger
    from pipeline.eval.evaluate import load_gold_dir
    from pipeline.io.batch import extract_many

    pred, errors = extract_many([corpus], progress=False)
    if len(errors):
        raise ValueError(f"articles that cannot be read: {list(errors['path'])}")
    gold = load_gold_dir(corpus / "gold", corpus)
    return pred, gold, ledger.mismatches(pred, gold, ledger_scope(corpus, scope))


def cmd_ledger(args) -> int:
    from pipeline.eval import ledger

    path, corpus = Path(args.ledger), Path(args.corpus)
    scope = ledger.scope_of(path) if path.is_file() else {"splits": ["dev"], "include_blind": False}
    entries = ledger.load(path) if path.is_file() else []
    pred, gold, found = current_mismatches(corpus, scope)
    result = ledger.compare(entries, found, pred, gold)
    if args.update:
        fresh = ledger.updated(entries, found)
        ledger.write(path, fresh, scope)
        new = sum(e.category == ledger.UNREVIEWED for e in fresh)
        print(f"{path}: {len(fresh)} entries ({len(result.regressions)} new, "
              f"{len(result.fixed) + len(result.stale)} removed); {new} need a category and a reason")
        return 0
    text = ledger.explain(result, pred, gold)
    print(text or f"{path}: every mismatch is recorded ({len(found)} entries)")
    return 0 if result.clean else 1


def cmd_diff(args) -> int:
    from pipeline.eval import diff
    from pipeline.io.table import read_table

    result = diff.compare_tables(read_table(args.old), read_table(args.new))
    if args.output and args.output.endswith(".csv"):
        diff.rows(result).to_csv(args.output, index=False)
    else:
        text = diff.markdown(result)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    print(f"{len(result.added)} added, {len(result.removed)} removed, {len(result.changed)} changed",
          file=sys.stderr)
    return 1 if args.fail_on_change and not result.empty else 0


def cmd_conformance(args) -> int:
    from pipeline.eval import conformance
    return conformance.main([args.data] if args.data else [])


def register(sub) -> None:
    p = sub.add_parser("eval", help="score a predicted claim table against gold")
    p.add_argument("--gold", required=True, help="folder of gold CSV files")
    p.add_argument("pred", help="predicted claim table (.csv, .parquet, .jsonl)")
    p.add_argument("--corpus", help="folder of the articles (checks gold offsets; default: gold's parent)")
    p.add_argument("--manifest", help="corpus manifest CSV with doc_id and split (scores per split)")
    p.add_argument("--report", help="write the full Markdown report here")
    p.add_argument("--doc", action="append", help="score only this document (repeatable)")
    p.add_argument("--score-blind", action="store_true",
                   help="also score held-out (blind) documents — once, when the rule work is done")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("ledger", help="compare the corpus run with the regression ledger (tests/ledger.yaml)")
    p.add_argument("--update", action="store_true", help="rewrite the ledger for the current run")
    p.add_argument("--ledger", default="tests/ledger.yaml")
    p.add_argument("--corpus", default="corpus")
    p.set_defaults(func=cmd_ledger)

    p = sub.add_parser("diff", help="claims added, removed and changed between two claim tables")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("-o", "--output", help="write Markdown (.md) or CSV (.csv); default Markdown on stdout")
    p.add_argument("--fail-on-change", action="store_true", help="exit 1 when the tables differ")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("conformance", help="score find_quantities on the Recognizers-Text suites")
    p.add_argument("data", nargs="?", help="folder with NumberModel.json, PercentModel.json, CurrencyModel.json")
    p.set_defaults(func=cmd_conformance)
