"""zhclaims diff on tables that differ in known ways."""
from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.cli import main
from pipeline.eval.diff import compare_tables, markdown, rows
from pipeline.io.table import read_table, write_table

ARTICLE = "2025年第三季度，公司營收100億元，同比增長10%。淨利潤20億元。毛利率為35%。"


@pytest.fixture
def tables():
    old = extract(ARTICLE, doc_id="a")
    new = old.copy()
    new.loc[new["text"] == "20億元", "value"] = 2.1e9                # changed value
    new.loc[new["text"] == "100億元", ["period", "modality"]] = ["2025-Q2", "plan"]   # two fields
    new = new[new["text"] != "35%"]                                  # removed
    extra = extract("淨虧損5億元。", doc_id="b")                         # added (a new document)
    return old, __import__("pandas").concat([new, extra], ignore_index=True)


def test_changes_are_found_field_by_field(tables):
    d = compare_tables(*tables)
    changed = {(old["text"], tuple(names)) for old, _, names in d.changed}
    assert changed == {("20億元", ("value",)), ("100億元", ("period", "modality"))}
    assert [r["text"] for r in d.removed] == ["35%"]
    assert [r["text"] for r in d.added] == ["5億元"]
    assert d.per_field() == {"modality": 1, "period": 1, "value": 1}
    assert d.per_document() == {"a": (0, 1, 2), "b": (1, 0, 0)}


def test_identical_tables_differ_in_nothing(tables):
    old, _ = tables
    assert compare_tables(old, old.copy()).empty


def test_a_moved_anchor_is_a_change_not_an_add_and_remove(tables):
    old, _ = tables
    new = old.copy()
    new.loc[new["text"] == "20億元", "end"] += 1
    d = compare_tables(old, new)
    assert not d.added and not d.removed and d.changed[0][2] == ["end"]


def test_markdown_and_csv_show_old_and_new(tables):
    d = compare_tables(*tables)
    text = markdown(d)
    assert "1 added, 1 removed, 2 changed." in text and "| a |" in text
    table = rows(d)
    assert set(table["change"]) == {"added", "removed", "changed"}
    row = table[(table["change"] == "changed") & (table["field"] == "value")].iloc[0]
    assert (row["old"], row["new"]) == ("2000000000", "2100000000")


def test_the_command_fails_on_change_only_when_asked(tables, tmp_path, capsys):
    old, new = tables
    write_table(old, tmp_path / "old.csv")
    write_table(new, tmp_path / "new.parquet")
    assert main(["diff", str(tmp_path / "old.csv"), str(tmp_path / "new.parquet")]) == 0
    assert "## Changed" in capsys.readouterr().out
    assert main(["diff", str(tmp_path / "old.csv"), str(tmp_path / "new.parquet"), "--fail-on-change"]) == 1
    assert main(["diff", str(tmp_path / "old.csv"), str(tmp_path / "old.csv"), "--fail-on-change"]) == 0
    assert main(["diff", str(tmp_path / "old.csv"), str(tmp_path / "new.parquet"), "-o", str(tmp_path / "d.csv")]) == 0
    assert len(read_table(tmp_path / "d.csv")) == 5       # 1 added, 1 removed, 3 changed fields
