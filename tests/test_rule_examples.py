"""Every example in every rule file, run as a test (positive and negative).

Each rule file under rules/ has `examples` (must be read as stated) and
`counter_examples` (must not be). A checker per file family says what
"read as stated" means; a rule file without a checker or without examples
fails the suite, so adding a rule means adding its examples.
"""
from __future__ import annotations

import math

import pytest

from pipeline import extract, find_quantities, rules
from pipeline.claims.entities import entity_mentions
from pipeline.claims.figure_list import read_figures
from pipeline.claims.lexicon import find_metrics
from pipeline.periods import YearContext, find_periods, resolve
from pipeline.text.boilerplate import is_publication_line, is_table_row, is_title_furniture
from pipeline.text.clean import is_dateline, is_footer_marker, is_header_line
from pipeline.text.normalize import normalize_text
from pipeline.text.segment import clause_starts, sentence_spans


def _close(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def check_quantity(example, positive):
    found = find_quantities(example["text"])
    if not positive:
        assert found == [], f"expected no quantity, got {[q.text for q in found]}"
        return
    expect = example["expect"]
    matching = [q for q in found if q.text == expect["text"]]
    assert len(matching) == 1, f"expected exactly one mention {expect['text']!r}, got {[q.text for q in found]}"
    q = matching[0]
    for key, value in expect.items():
        got = getattr(q, key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            assert got is not None and _close(got, value), f"{key}: {got} != {value}"
        else:
            assert got == value, f"{key}: {got!r} != {value!r}"


def check_period(example, positive):
    text = example["text"]
    # A comparison base (比上年) is found but is the period of no claim.
    mentions = [m for m in find_periods(normalize_text(text)) if not m.comparison_base or m.names_figure]
    if not positive:
        assert mentions == [], f"expected no period, got {[m.text for m in mentions]}"
        return
    published = tuple(example["published"]) if "published" in example else None
    context = (YearContext(example["year"], example.get("fiscal", False), example.get("last", ""), published,
                           reporting=example.get("reporting", ""), report=example.get("report", ""))
               if "year" in example else None)
    got = [(text[m.start:m.end], resolve(m, context)) for m in mentions]
    assert got == [(example["expect"]["text"], example["expect"]["period"])]


def check_metric(example, positive):
    text = example["text"]
    found = find_metrics(normalize_text(text))
    if not positive:
        assert found == [], f"expected no metric, got {[text[m.start:m.end] for m in found]}"
        return
    got = [(text[m.start:m.end], m.metric) for m in found]
    assert (example["expect"]["text"], example["expect"]["metric"]) in got, got


def _figure(text, anchor):
    sentence = normalize_text(text)
    figures = read_figures(sentence, find_quantities(sentence), clause_starts(sentence), [])
    return [f for f in figures if text[f.start:f.end] == anchor], figures


def check_change(example, positive):
    text = example["text"]
    if not positive:     # no change at all, or (expect_level) the named figure is a level
        sentence = normalize_text(text)
        figures = read_figures(sentence, find_quantities(sentence), clause_starts(sentence), [])
        if "expect_level" in example:
            figures = [f for f in figures if text[f.start:f.end] == example["expect_level"]]
        assert figures and all(f.role == "level" for f in figures), [(f.role, text[f.start:f.end]) for f in figures]
        return
    expect = dict(example["expect"])
    anchor = expect.pop("figure")
    matching, figures = _figure(text, anchor)
    assert len(matching) == 1, [text[f.start:f.end] for f in figures]
    fig = matching[0]
    assert fig.role == "change"
    basis = expect.pop("change_basis", "")
    table = extract(text)
    row = table[table["text"] == anchor]
    assert len(row) == 1 and row.iloc[0]["change_basis"] == basis
    for key, value in expect.items():
        assert getattr(fig, key) is not None and _close(getattr(fig, key), value), f"{key}: {getattr(fig, key)}"


def check_qualifier(example, positive):
    expect = example["expect"]
    matching, figures = _figure(example["text"], expect["figure"])
    assert len(matching) == 1, [f.start for f in figures]
    assert matching[0].qualifier == expect["qualifier"]


def check_modality(example, positive):
    table = extract(example["text"])
    if "figure" in example["expect"]:                # one figure of several
        table = table[table["text"] == example["expect"]["figure"]]
    assert len(table) >= 1, "expected a claim"
    assert set(table["modality"]) == {example["expect"]["modality"]}


def check_boilerplate(example, positive):
    line = normalize_text(example["text"])
    if not positive:
        assert not is_header_line(line) and not is_footer_marker(line) and not is_dateline(line)
        assert not is_publication_line(line) and not is_title_furniture(line) and not is_table_row(line)
        return
    check = {"header": is_header_line, "footer": is_footer_marker, "dateline": is_dateline,
             "publication": is_publication_line, "title_skip": is_title_furniture,
             "table_row": is_table_row}[example["expect"]]
    assert check(line)


def check_claim_filter(example, positive):
    table = extract(example["text"])
    if "unit" in example and example["unit"]:
        assert set(table["unit"]) == {example["unit"]}, list(table["unit"])
    if positive:
        assert len(table) >= 1, "expected a claim"
    else:
        assert len(table) == 0, f"expected no claim, got {list(table['text'])}"


def check_segmentation(example, positive):
    text = normalize_text(example["text"])
    expect = example["expect"]
    assert len(sentence_spans(text)) == expect["sentences"]
    if "clauses" in expect:
        assert len(set(clause_starts(text)[:-1])) == expect["clauses"]


def check_entity(example, positive):
    text = example["text"]
    found = [(text[m.start:m.end], m.entity.id) for m in entity_mentions(normalize_text(text))]
    if not positive:
        assert found == [], f"expected no entity, got {found}"
        return
    assert (example["expect"]["text"], example["expect"]["entity"]) in found, found


def check_subject(example, positive):
    expect = example["expect"]
    table = extract(example["text"])
    rows = table[table["text"] == expect["figure"]]
    assert len(rows) == 1, list(table["text"])
    if positive:
        assert rows.iloc[0]["subject"] == expect["subject"]
    else:
        assert rows.iloc[0]["subject"] != expect["not_subject"]


CHECKERS = {
    "entities": check_entity,
    "subjects": check_subject,
    "quantity_": check_quantity,
    "periods": check_period,
    "metrics": check_metric,
    "changes": check_change,
    "qualifiers": check_qualifier,
    "modality": check_modality,
    "boilerplate": check_boilerplate,
    "claim_filters": check_claim_filter,
    "segmentation": check_segmentation,
}


def checker_for(name: str):
    for prefix, checker in CHECKERS.items():
        if name.startswith(prefix):
            return checker
    return None


def _cases():
    for name in rules.rule_files():
        data = rules.load(name)
        for i, example in enumerate(data.get("examples") or []):
            yield pytest.param(name, example, True, id=f"{name}+{i}:{example['text'][:16]}")
        for i, example in enumerate(data.get("counter_examples") or []):
            yield pytest.param(name, example, False, id=f"{name}-{i}:{example['text'][:16]}")


@pytest.mark.parametrize("name", rules.rule_files())
def test_every_rule_file_has_a_checker_and_examples(name):
    data = rules.load(name)
    assert checker_for(name) is not None, f"rules/{name}.yaml has no checker in this module"
    assert data.get("examples"), f"rules/{name}.yaml has no examples"
    assert data.get("counter_examples"), f"rules/{name}.yaml has no counter_examples"


@pytest.mark.parametrize("name, example, positive", list(_cases()))
def test_rule_example(name, example, positive):
    checker_for(name)(example, positive)


def test_a_changed_example_fails():
    """Changing any one rule example makes its test fail (shown for two files)."""
    example = dict(rules.load("changes")["examples"][0])
    wrong = {**example, "expect": {**example["expect"], "change_pct": 69}}
    with pytest.raises(AssertionError):
        check_change(wrong, True)
    period = dict(rules.load("periods")["examples"][1])
    with pytest.raises(AssertionError):
        check_period({**period, "expect": {**period["expect"], "period": "2024-Q3"}}, True)
