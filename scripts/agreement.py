"""Inter-annotator agreement: strict and detection F1 between two gold labellings.

Usage: python scripts/agreement.py corpus/gold corpus/gold_second [--report FILE]
The second labelling is scored as if it were a prediction against the first,
with the contract's own matching and strict fields (F1 is symmetric).
"""
import argparse
import sys
from pathlib import Path

from pipeline.eval import evaluate, report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--report")
    args = parser.parse_args(argv)
    # Metric ids are not compared strictly, and a second labelling may predate the taxonomy.
    first = evaluate.load_gold_dir(args.first, args.corpus, check_metrics=False)
    second = evaluate.load_gold_dir(args.second, args.corpus, check_metrics=False)
    docs = sorted(set(first["doc_id"]) & set(second["doc_id"]))
    result = evaluate.score(second, first, docs)
    print(f"{'document':34} {'rows 1':>6} {'rows 2':>6} {'det F1':>7} {'strict F1':>9}")
    for doc, r in result.per_document.items():
        print(f"{doc:34} {r['detection']['gold']:6d} {r['detection']['predicted']:6d} "
              f"{r['detection']['f1']:7.3f} {r['strict']['f1']:9.3f}")
    for line in report.summary_lines("all", result):
        print(line)
    if args.report:
        Path(args.report).write_text(report.markdown({"agreement": result}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
