"""Regenerate the manifest table of corpus/README.md from corpus/manifest.csv and the gold files.

Usage: python scripts/corpus_readme.py [--check]
The table sits between the two marker lines of corpus/README.md; --check exits 1
when the committed table is out of date (tests/test_corpus_readme.py runs it).
"""
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BEGIN, END = "<!-- manifest:begin -->", "<!-- manifest:end -->"


def table() -> str:
    manifest = pd.read_csv(CORPUS / "manifest.csv", dtype=str, keep_default_na=False)
    lines = ["| id | split | script / usage | encoding | format | source type | sector | claims | hard cases |",
             "|---|---|---|---|---|---|---|---|---|"]
    for row in manifest.itertuples():
        gold = CORPUS / "gold" / f"{row.doc_id}.csv"
        claims = len(pd.read_csv(gold)) if gold.is_file() else 0
        lines.append(f"| {row.doc_id} | {row.split} | {row.script} / {row.usage} | {row.encoding} | {row.format} | "
                     f"{row.source_type} | {row.sector} | {claims} | {row.hard_cases} |")
    return "\n".join(lines)


def render(readme: str) -> str:
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{table()}\n{END}{tail}"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = CORPUS / "README.md"
    current = path.read_text(encoding="utf-8")
    fresh = render(current)
    if "--check" in argv:
        return 0 if fresh == current else 1
    path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
