"""No person credited as author, editor or reporter is ever a subject (issue 10).

Every article of the corpus (blind ones too: the test reads only the pipeline's own
output, and prints a document id and a name if it fails) is extracted; the credits are
those the cleaner found (author, editor) and the by-lines anywhere in the text (记者…).
"""
from pathlib import Path

import pytest

from pipeline.claims.subjects import credited_names
from pipeline.io.batch import extract_many
from pipeline.io.load import load_file
from pipeline.text.normalize import normalize_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def corpus_run():
    documents: list[dict] = []
    claims, errors = extract_many([CORPUS], progress=False, documents=documents)
    assert errors.empty
    return claims, {d["doc_id"]: d for d in documents}


def _credits(document: dict) -> frozenset[str]:
    text = normalize_text(load_file(document["path"]).text)
    named = [document.get(k) or "" for k in ("author", "editor")]
    return credited_names(text, [n for n in named if n])


def test_the_corpus_has_credits_to_check(corpus_run):
    _, documents = corpus_run
    credited = [d for d in documents.values() if _credits(d)]
    assert len(credited) >= 10


def test_no_credited_person_is_a_subject(corpus_run):
    claims, documents = corpus_run
    wrong = []
    for doc_id, rows in claims.groupby("doc_id"):
        names = _credits(documents[doc_id])
        for subject in set(rows["subject"].fillna("")):
            written = normalize_text(subject)
            wrong += [(doc_id, name) for name in names if name and name in written]
    assert wrong == []


def test_a_reporter_named_in_the_body_is_not_a_subject():
    from pipeline import extract
    table = extract("记者王海鸥报道：10月交付量同比增长31%，达到5.2万辆。")
    assert len(table) and not table["subject"].fillna("").str.contains("王海鸥").any()


@pytest.mark.parametrize("text, names", [
    ("文/王强 2025年11月3日", {"王强"}),
    ("记者林舟报道", {"林舟"}),
    ("其中，教育文化娱乐、医疗保健价格分别上涨1.3%和0.9%", set()),
    ("图表：营收结构、利润", set()),
], ids=["one-character-role-with-separator", "reporter", "word-inside-a-noun-is-no-role", "chart-label"])
def test_by_lines_credit_names_and_nothing_else(text, names):
    assert set(credited_names(normalize_text(text))) == names
