"""The `zhclaims` command: one subcommand per job (see `zhclaims --help`).

Subcommands are registered by the modules of this package: `corpus.py` (extract,
run), `scoring.py` (eval, ledger, diff, conformance). Exit statuses: 0 success, 1 the
command's check failed (ledger out of date, diff with --fail-on-change, a rejected
file with --strict), 2 a usage or input error (bad gold file, unknown format), 3 an
engine failure in a batch (an exception inside the pipeline on some file).
Commands import the engine when they run, so `zhclaims --help` starts at once.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from . import corpus, review, scoring


class _Version(argparse.Action):
    """`--version`, the package version read only when asked for (importlib.metadata costs a
    cold start about 50 ms)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: Any):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit", **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option_string: Any = None):
        from pipeline import __version__

        parser.exit(message=f"zhclaims {__version__}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhclaims", description="Numeric claims from Chinese finance news.",
                                     epilog=corpus.EXIT_STATUSES.replace("--strict", "extract/run --strict"),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)
    corpus.register(sub)
    scoring.register(sub)
    review.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (ValueError, FileNotFoundError) as exc:      # GoldError and RuleError are ValueErrors
        print(f"zhclaims: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
