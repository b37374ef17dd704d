"""gleaner.extract / extract_batch / run give the CLI's tables."""
import json
import os

import pyarrow as pa
import pytest

import gleaner
from conftest import ROOT, TABLES, assert_same_tables, jsonl_slice, run_cli


def test_seed_equals_cli(tmp_path):
    seeds = os.path.join(ROOT, "seeds")
    cli = run_cli([seeds], tmp_path / "cli")
    doc = cli["documents"].to_pylist()[0]
    ours = gleaner.extract(doc["text"], doc_id=doc["doc_id"], published=str(doc["published"]))
    assert ours["mentions"].num_rows > 50, "the seed is full of names"
    # source: the CLI writes the path it read; extract() has only the id.
    assert_same_tables(ours, cli, drop=("source",))


def test_batch_equals_cli_on_a_news_slice(tmp_path, corpus):
    records = [{"id": str(r["id"]), "text": r["text"], "title": r.get("title")} for r in jsonl_slice(corpus, 120)]
    path = tmp_path / "slice.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    cli = run_cli([str(path)], tmp_path / "cli")
    batch = pa.Table.from_pylist(records)
    ours = gleaner.extract_batch(batch)
    assert ours["documents"].num_rows == len(records)
    # The CLI's source is "file#line"; a batch row's is its id.
    assert_same_tables(ours, cli, drop=("source",))


def test_batch_rows_become_errors_not_exceptions():
    batch = pa.table({"id": ["a", "a", None], "text": ["Lisbon is big.", "again", None]})
    t = gleaner.extract_batch(batch)
    assert t["documents"].column("doc_id").to_pylist() == ["a"]
    kinds = t["errors"].column("kind").to_pylist()
    assert kinds == ["duplicate_id", "missing_text"]


def test_bad_arguments_raise_with_the_cli_messages(tmp_path):
    with pytest.raises(ValueError, match="is not a date like 2021-08-27"):
        gleaner.extract("x", published="27/08/2021")
    with pytest.raises(ValueError, match="no 'body' column|no \"body\" column"):
        gleaner.extract_batch(pa.table({"text": ["x"]}), text="body")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(gleaner.GleanerError, match="cannot write the dataset"):
        gleaner.run([os.path.join(ROOT, "seeds")], str(blocker / "out"))


def test_run_writes_the_dataset(tmp_path):
    report = gleaner.run(os.path.join(ROOT, "seeds"), str(tmp_path / "out"), formats="csv")
    assert report["rows"]["documents"] == 1 and report["missing_inputs"] == 0
    assert sorted(report["rows"]) == sorted(TABLES)
    assert (tmp_path / "out" / "mentions.csv").exists() and not (tmp_path / "out" / "mentions.parquet").exists()


def test_tables_have_the_contract_schema_and_pandas_reads_them():
    t = gleaner.extract("Jane Roe, the leader of the Workers Party, spoke in Lisbon on Monday.",
                        published="2021-08-27")
    assert list(t) == list(TABLES)
    mentions = t["mentions"].to_pandas()
    text = t["documents"].column("text")[0].as_py()
    assert all(text[r.start:r.end] == r.text for r in mentions.itertuples())
    assert t["dates"].column("value").to_pylist() == ["2021-08-23"]
    assert "leader_of" in t["relations"].column("predicate").to_pylist()
