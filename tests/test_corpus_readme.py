"""The manifest table in corpus/README.md is generated; it must match a fresh generation."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_readme_table_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus_readme.py"), "--check"])
    assert result.returncode == 0, "run `python scripts/corpus_readme.py` and commit corpus/README.md"


def test_metric_taxonomy_page_is_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "metrics_doc.py"), "--check"])
    assert result.returncode == 0, "run `python scripts/metrics_doc.py` and commit docs/metrics.md"
