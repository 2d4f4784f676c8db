"""Every rule file is validated when it is loaded: a broken copy of any file fails at
once, naming the file, the key and what was expected."""
from __future__ import annotations

import copy
import shutil

import pytest
import yaml

from pipeline import rules
from pipeline.rules.schema import SCHEMAS

NAMES = rules.rule_files()


def _data(name):
    return yaml.safe_load((rules.rules_dir() / f"{name}.yaml").read_text(encoding="utf-8"))


def _first_key(data):
    return next(k for k in data if k not in ("examples", "counter_examples"))


def test_every_rule_file_has_a_schema():
    assert set(NAMES) == set(SCHEMAS)


@pytest.mark.parametrize("name", NAMES)
def test_the_shipped_file_is_valid(name):
    rules.validate(name, _data(name), f"rules/{name}.yaml")


@pytest.mark.parametrize("name", NAMES)
def test_a_renamed_key_names_file_and_key(name):
    data = _data(name)
    key = _first_key(data)
    data[key + "_typo"] = data.pop(key)
    with pytest.raises(rules.RuleError) as error:
        rules.validate(name, data, f"rules/{name}.yaml")
    message = str(error.value)
    assert f"rules/{name}.yaml" in message and key in message and "Field required" in message
    assert f"{key}_typo" in message and "Extra inputs are not permitted" in message


@pytest.mark.parametrize("name", NAMES)
def test_a_value_of_the_wrong_type_names_the_key(name):
    data = _data(name)
    key = _first_key(data)
    data[key] = 12345 if not isinstance(data[key], int) else "twelve"
    with pytest.raises(rules.RuleError, match=rf"rules/{name}\.yaml: key {key}"):
        rules.validate(name, data, f"rules/{name}.yaml")


@pytest.mark.parametrize("name", NAMES)
def test_examples_are_required(name):
    data = _data(name)
    data["examples"] = []
    with pytest.raises(rules.RuleError, match="key examples"):
        rules.validate(name, data, f"rules/{name}.yaml")


def test_a_pattern_that_does_not_compile_is_named():
    data = copy.deepcopy(_data("changes"))
    data["comparison_base"] = "(?:较|比"
    with pytest.raises(rules.RuleError, match="key comparison_base: Value error, pattern does not compile"):
        rules.validate("changes", data, "rules/changes.yaml")


def test_a_broken_file_on_disk_fails_at_load(tmp_path, monkeypatch):
    for path in rules.rules_dir().glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    text = (tmp_path / "qualifiers.yaml").read_text(encoding="utf-8").replace("\nbefore:", "\nbefor:")
    (tmp_path / "qualifiers.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("ZHCLAIMS_RULES", str(tmp_path))
    rules.load.cache_clear()
    try:
        with pytest.raises(rules.RuleError, match=r"qualifiers\.yaml: key before: Field required"):
            rules.load("qualifiers")
    finally:
        monkeypatch.undo()
        rules.load.cache_clear()


def _load_fresh(name, rules_folder, cache_folder, monkeypatch):
    monkeypatch.setenv("ZHCLAIMS_RULES", str(rules_folder))
    monkeypatch.setenv("ZHCLAIMS_CACHE", str(cache_folder))
    rules.load.cache_clear()
    try:
        return rules.load(name)
    finally:
        rules.load.cache_clear()


def test_a_validated_file_is_read_from_the_cache_on_the_next_run(tmp_path, monkeypatch):
    shutil.copy(rules.rules_dir() / "qualifiers.yaml", tmp_path / "qualifiers.yaml")
    first = _load_fresh("qualifiers", tmp_path, tmp_path / "cache", monkeypatch)
    assert len(list((tmp_path / "cache").glob("rules-qualifiers-*.pickle"))) == 1
    assert _load_fresh("qualifiers", tmp_path, tmp_path / "cache", monkeypatch) == first


def test_an_edited_file_misses_the_cache_and_is_validated_again(tmp_path, monkeypatch):
    shutil.copy(rules.rules_dir() / "qualifiers.yaml", tmp_path / "qualifiers.yaml")
    _load_fresh("qualifiers", tmp_path, tmp_path / "cache", monkeypatch)
    text = (tmp_path / "qualifiers.yaml").read_text(encoding="utf-8").replace("\nbefore:", "\nbefor:")
    (tmp_path / "qualifiers.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(rules.RuleError, match=r"qualifiers\.yaml: key before: Field required"):
        _load_fresh("qualifiers", tmp_path, tmp_path / "cache", monkeypatch)


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    shutil.copy(rules.rules_dir() / "qualifiers.yaml", tmp_path / "qualifiers.yaml")
    (tmp_path / "not-a-folder").write_text("")
    data = _load_fresh("qualifiers", tmp_path, tmp_path / "not-a-folder", monkeypatch)
    assert "before" in data


def test_metric_ids_named_elsewhere_must_be_defined():
    data = _data("metrics")
    data["after_only"] = {"回购": "no_such_metric"}
    with pytest.raises(rules.RuleError, match="no_such_metric"):
        rules.validate("metrics", data, "rules/metrics.yaml")


@pytest.mark.parametrize("pattern, flags", [(r"0?[1-9]x", 0), (r"[!-~]{2}", 0), (r"[x[a-c]]|[^a-c]|\[a-c]", 0),
                                            (r"[[0-9]--[5]]", rules.regex.VERSION1)])
def test_a_scannable_pattern_matches_what_the_pattern_matches(pattern, flags):
    text = "".join(chr(c) for c in range(32, 127)) + " 07x 7x 0x [a-c] ^ b x@"
    found = [m.span() for m in rules.regex.finditer(pattern, text, flags)]
    assert found
    assert [m.span() for m in rules.regex.finditer(rules.scannable(pattern), text, flags)] == found
