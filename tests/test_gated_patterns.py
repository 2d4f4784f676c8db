"""Gated rule patterns (pipeline/rules/gated.py): an alternative with `needs` is skipped in a
text without a match of `needs`, so a gate must hold wherever its alternative matches, and the
gated pattern must find exactly what the plain alternation finds."""
from pathlib import Path

import pytest
import regex

from pipeline import rules
from pipeline.rules.gated import Gated, compiled
from pipeline.text.normalize import normalize_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# (rule file, key): the rules written as gated alternatives; each entry of a list key is its own pattern
GATED = [("subjects", "credit_pattern", False), ("subjects", "masked_patterns", True)]

# texts each gated alternative matches in, next to texts where its gate is absent or present but it fails
CASES = [
    "华泰证券 · 2025-10-30 08:15\n正文", "记者林舟 作者|张琪 文/王强\n东岳证券宏观研究团队\n机构：华创证券",
    "（香港，二〇二五年八月十三日）电能实业公布业绩", "（中央社记者台北电）台积电营收", "〔记者王小明／台北报导〕",
    "上海银行间同业拆放利率", "2025-10-30 的数据，华泰证券", "营收增长（2025年）", "记者台北电）", "",
]


def _texts() -> list[str]:
    texts = [normalize_text(t) for t in CASES]
    for name in rules.rule_files():
        texts += [normalize_text(e["text"]) for e in rules.load(name)["examples"]]
    texts += [normalize_text(p.read_text(encoding="utf-8", errors="replace"))
              for p in sorted(CORPUS.glob("*.txt"))]
    return texts


def _entries() -> list[tuple[str, list]]:
    out = []
    for name, key, each in GATED:
        value = rules.load(name)[key]
        out += [(f"{name}.{key}[{i}]", [v]) for i, v in enumerate(value)] if each else [(f"{name}.{key}", value)]
    return out


@pytest.fixture(scope="module")
def texts():
    return _texts()


@pytest.mark.parametrize("label,alternatives", _entries(), ids=[label for label, _ in _entries()])
def test_a_gate_holds_wherever_its_alternative_matches(texts, label, alternatives):
    for entry in alternatives:
        if isinstance(entry, str):
            continue
        alone, needs = regex.compile(entry["pattern"]), regex.compile(entry["needs"])
        for text in texts:
            if alone.search(text):
                assert needs.search(text), f"{label}: {entry['pattern']} matches without its needs in {text[:80]!r}"


@pytest.mark.parametrize("label,alternatives", _entries(), ids=[label for label, _ in _entries()])
def test_the_gated_pattern_finds_what_the_alternation_finds(texts, label, alternatives):
    plain = regex.compile(rules.any_of(e if isinstance(e, str) else e["pattern"] for e in alternatives))
    gated = compiled(alternatives)
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in gated.finditer(text)] == expected, label
        assert (gated.search(text) is None) == (plain.search(text) is None), label


def test_an_alternative_is_skipped_without_its_gate_and_kept_with_it():
    gated = Gated(["a+", {"pattern": "b+", "needs": "c"}])
    assert [m.group() for m in gated.finditer("aabb")] == ["aa"]
    assert [m.group() for m in gated.finditer("aabbc")] == ["aa", "bb"]
    only = Gated([{"pattern": "b", "needs": "c"}])
    assert list(only.finditer("bbb")) == [] and only.search("bbb") is None
    assert only.search("bc").group() == "b"


def test_a_period_gate_holds_wherever_its_pattern_matches(texts):
    from pipeline.periods.find import _compiled

    gated = [(rule_id, pattern, gate) for rule_id, _, pattern, gate in _compiled()[0] if gate is not None]
    assert gated
    matched = 0
    for text in texts:
        for rule_id, pattern, gate in gated:
            if pattern.search(text):
                matched += 1
                assert gate.search(text), f"period rule {rule_id} matches without its needs in {text[:80]!r}"
    assert matched >= len(gated)      # the texts exercise the gated patterns
