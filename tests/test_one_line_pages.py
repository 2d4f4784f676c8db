"""A page saved as one line reads like the page itself (issue 9: pages with neither 。 nor
line breaks). Every corpus article with its line breaks replaced by spaces keeps at least
90 % of its claims (same anchor, value and kind)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pipeline.extract import extract_source
from pipeline.io.load import find_articles, from_text, load_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLES = find_articles([CORPUS])


def _claims(table) -> Counter:
    return Counter(zip(table["text"], table["value"].fillna(-1.0), table["kind"], strict=True))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:3])
def test_a_one_line_copy_keeps_the_claims(path):
    source = load_file(path)
    one_line = from_text(source.raw.replace("\r\n", " ").replace("\n", " "), source.doc_id, source.fmt)
    original, flat = _claims(extract_source(source)), _claims(extract_source(one_line))
    # only counts reach the message: a held-out article's claims must not show in a failure
    kept, total = sum((original & flat).values()), sum(original.values())
    assert kept >= 0.9 * total, f"{path.stem}: {kept} of {total} claims kept"
