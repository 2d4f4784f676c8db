"""The zhclaims command: extract to every format, batches survive bad files, eval reports."""
import json

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.io.table import COLUMNS, read_table

ARTICLE = "热门搜索：a|b|c|d|e\n某公司三季報\n2025年第三季度營收100億元，同比增長10%。\n淨利潤20億元。\n作者|張三\n"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in ARTICLE.splitlines())
    (folder / "b.html").write_text(f"<html><body>{paragraphs}</body></html>", encoding="utf-8")
    (folder / "c.txt").write_bytes(ARTICLE.encode("gb18030"))
    return folder


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_extract_writes_each_format(corpus, tmp_path, suffix):
    out = tmp_path / f"claims{suffix}"
    assert main(["extract", str(corpus), "-o", str(out), "-q"]) == 0
    table = read_table(out)
    assert list(table.columns[:len(COLUMNS)]) == COLUMNS
    assert sorted(set(table["doc_id"])) == ["a", "b", "c"]
    assert set(table[table["doc_id"] == "a"]["text"]) == {"100億元", "20億元"}


def test_raw_offsets_hold_in_every_written_row(corpus, tmp_path):
    out = tmp_path / "claims.csv"
    main(["extract", str(corpus), "-o", str(out), "-q"])
    table = read_table(out)
    for row in table.itertuples():
        path = next(corpus.glob(f"{row.doc_id}.*"))
        raw = path.read_bytes().decode("gb18030" if row.doc_id == "c" else "utf-8")
        assert raw[row.start:row.end] == row.text


def test_a_bad_file_is_recorded_and_the_batch_goes_on(corpus, tmp_path, capsys):
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\x03binary")
    out, errors = tmp_path / "claims.csv", tmp_path / "errors.csv"
    assert main(["extract", str(corpus), "-o", str(out), "--errors", str(errors), "-q"]) == 0
    assert sorted(set(read_table(out)["doc_id"])) == ["a", "b", "c"]
    failed = pd.read_csv(errors)
    assert list(failed["doc_id"]) == ["broken"] and list(failed["kind"]) == ["input"]
    assert "binary" in failed["message"][0]
    assert "broken.txt" in capsys.readouterr().err


def test_unknown_output_format_is_a_clear_error(corpus, tmp_path, capsys):
    assert main(["extract", str(corpus), "-o", str(tmp_path / "x.xlsx"), "-q"]) == 2
    assert "unknown output format" in capsys.readouterr().err


def test_eval_prints_scores_and_writes_report(corpus, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    main(["extract", str(corpus / "a.txt"), "-o", str(out), "-q"])
    gold = tmp_path / "gold"
    gold.mkdir()
    table = read_table(out)
    table[["doc_id", "start", "end", "text", "kind", "metric_text", "value", "value_max", "unit", "qualifier",
           "change_pct", "change_pp", "change_max", "change_abs", "change_basis", "period", "modality"]].iloc[:1] \
        .to_csv(gold / "a.csv", index=False)
    report = tmp_path / "report.md"
    assert main(["eval", "--gold", str(gold), "--corpus", str(corpus), str(out), "--report", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "detection P 0.500 R 1.000" in printed and "strict" in printed
    assert "## Spurious (1)" in report.read_text(encoding="utf-8")


def test_run_writes_claims_report_and_scores(corpus, tmp_path):
    gold = corpus / "gold"
    gold.mkdir()
    (gold / "a.csv").write_text("doc_id,start,end,text,kind,metric_text,value,value_max,unit,qualifier,"
                                "change_pct,change_pp,change_max,change_abs,change_basis,period,modality\n",
                                encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q"]) == 0
    assert (out / "claims.csv").is_file() and (out / "report.md").is_file()
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert scores["all"]["gold"] == 0 and scores["all"]["predicted"] == 2
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page


def test_extract_writes_document_metadata(corpus, tmp_path):
    docs = tmp_path / "docs.csv"
    main(["extract", str(corpus), "-o", str(tmp_path / "claims.csv"), "--docs", str(docs), "-q"])
    table = pd.read_csv(docs, keep_default_na=False).set_index("doc_id")
    assert table.loc["a", "title"] == "某公司三季報"
    assert table.loc["a", "author"] == "張三"
    assert table.loc["c", "encoding"] == "gb18030" and table.loc["b", "format"] == "html"
    assert table.loc["a", "claims"] == 2


def test_eval_can_score_one_document(corpus, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    main(["extract", str(corpus), "-o", str(out), "-q"])
    gold = tmp_path / "gold"
    gold.mkdir()
    columns = ["doc_id", "start", "end", "text", "kind", "metric_text", "value", "value_max", "unit", "qualifier",
               "change_pct", "change_pp", "change_max", "change_abs", "change_basis", "period", "modality"]
    table = read_table(out)
    for doc in ["a", "c"]:
        table[table["doc_id"] == doc][columns].to_csv(gold / f"{doc}.csv", index=False)
    assert main(["eval", "--gold", str(gold), "--corpus", str(corpus), str(out), "--doc", "a"]) == 0
    assert "(gold 2, predicted 2, matched 2, strict 2)" in capsys.readouterr().out
    assert main(["eval", "--gold", str(gold), "--corpus", str(corpus), str(out), "--doc", "zzz"]) == 2
