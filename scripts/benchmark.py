"""Benchmark: throughput (characters per second) and peak memory on the corpus.

Usage: python scripts/benchmark.py [--copies N] [--jobs J]
Copies the bundled corpus N times into a temporary folder (so the batch is big
enough to measure), extracts it, and prints characters/second and peak RSS.
Figures, not assertions: speed is never checked by a timed test.
"""
import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pipeline.io.batch import extract_many
from pipeline.io.load import find_articles, load_file

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    articles = find_articles([ROOT / "corpus"])
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.copies):
            for path in articles:
                shutil.copy(path, Path(folder) / f"{path.stem}_{i}{path.suffix}")
        files = find_articles([folder])
        characters = sum(len(load_file(p).raw) for p in files)
        extract_many([articles[0]], progress=False)          # warm up: rules, jieba dictionary
        started = time.perf_counter()
        claims, errors = extract_many([folder], jobs=args.jobs, progress=False)
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"documents {len(files)}, characters {characters:,}, claims {len(claims):,}, errors {len(errors)}")
    print(f"jobs {args.jobs}: {elapsed:.2f} s, {characters / elapsed:,.0f} characters/s, "
          f"{len(files) / elapsed:.1f} documents/s")
    print(f"peak RSS: {peak_mb:.0f} MB (main process), {children_mb:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
