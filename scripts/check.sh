#!/usr/bin/env bash
# Quick checks before a commit: lint, types, the shape of the code, the rule examples.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check pipeline tests scripts bench
.venv/bin/mypy
.venv/bin/python -m pytest -q -x tests/test_architecture.py tests/test_rule_examples.py tests/test_rule_schemas.py
