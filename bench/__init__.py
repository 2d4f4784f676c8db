"""Benchmarks of zhclaims: figures printed beside the targets of issue 11, never asserted.

Run from the repository root: `python -m bench` (see `python -m bench --help`).
"""
