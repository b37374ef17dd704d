"""gleaner.extract / extract_batch / run give the CLI's tables."""
import json
import os

import pandas as pd
import pyarrow as pa
import pytest

import gleaner
from conftest import ROOT, SCHEMA, TABLES, assert_same_tables, jsonl_slice, run_cli


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
    with pytest.raises(TypeError, match="published must be a date"):
        gleaner.extract("x", published=20210827)


def test_run_raises_when_the_cli_would_exit_non_zero(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(gleaner.GleanerError, match="could not be opened") as e:
        gleaner.run([os.path.join(ROOT, "seeds"), str(tmp_path / "missing")], str(out))
    assert e.value.report["missing_inputs"] == 1 and e.value.report["rows"]["documents"] == 1
    assert (out / "documents.parquet").exists(), "the dataset holds the rest, as the CLI's does"


def test_dates_and_frames_as_pandas_users_have_them(tmp_path):
    import datetime

    text = "Jane Roe met John Doe in Lisbon on Thursday."
    as_str = gleaner.extract(text, published="2021-08-27")
    for published in (datetime.date(2021, 8, 27), datetime.datetime(2021, 8, 27, 14, 5)):
        assert gleaner.extract(text, published=published)["dates"].equals(as_str["dates"])
    frame = pd.DataFrame({"id": ["a", "b"], "text": [text, "Globex, based in Lisbon, grew."],
                          "published": pd.to_datetime(["2021-08-27 10:00", "2021-08-28 00:00"]),
                          "desk": ["world", None], "page": [3, 4]})
    ours = gleaner.extract_batch(frame, text_col="text", id_col="id", published_col="published")
    docs = ours["documents"].to_pylist()
    assert [d["published"] for d in docs] == [datetime.date(2021, 8, 27), datetime.date(2021, 8, 28)]
    assert [d["metadata"] for d in docs] == ['{"desk":"world","page":3}', '{"page":4}']
    assert ours["dates"].column("value").to_pylist() == ["2021-08-26"]
    # The same rows from a JSONL file through the CLI: other fields kept alike.
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "text": text, "published": "2021-08-27", "desk": "world", "page": 3},
        {"id": "b", "text": "Globex, based in Lisbon, grew.", "published": "2021-08-28", "page": 4}]), encoding="utf-8")
    cli = run_cli([str(path)], tmp_path / "cli")
    assert_same_tables(ours, cli, drop=("source",))
    polars = pytest.importorskip("polars")
    assert gleaner.extract_batch(polars.from_pandas(frame))["documents"].num_rows == 2
    texts = gleaner.extract_batch([text, "Globex grew."])
    assert texts["documents"].column("doc_id").to_pylist() == ["batch#1", "batch#2"]
    # The old argument names still work.
    assert gleaner.extract_batch(pa.table({"body": [text]}), text="body")["documents"].num_rows == 1


def test_load_gives_the_same_typed_tables_from_either_format(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "007", "text": "NA", "title": "null"},
        {"id": "8", "text": "Jane Roe met John Doe in Lisbon on Friday, 2021-08-27."}]), encoding="utf-8")
    out = tmp_path / "data"
    gleaner.run([str(path)], str(out))
    parquet, csv = gleaner.load(str(out)), gleaner.load(str(out), format="csv")
    for name in TABLES:
        assert list(parquet[name].dtypes) == list(csv[name].dtypes), name
        assert parquet[name].equals(csv[name]) or parquet[name].astype(str).equals(csv[name].astype(str)), name
    docs = csv["documents"]
    assert list(docs["doc_id"]) == ["007", "8"] and docs["text"][0] == "NA" and docs["title"][0] == "null"
    # Lisbon is on the map; the people are not: a nullable integer id, never a float.
    ents = parquet["entities"].set_index("name")
    assert str(ents["geonames_id"].dtype) == "Int64"
    assert ents.loc["Lisbon", "country_code"] == "PT" and ents.loc["Lisbon", "geonames_id"] == 2267057
    assert ents.loc["Jane Roe", "geonames_id"] is pd.NA
    polars = pytest.importorskip("polars")
    p, c = gleaner.load(str(out), library="polars"), gleaner.load(str(out), format="csv", library="polars")
    assert all(p[name].equals(c[name]) for name in TABLES)
    arrow = gleaner.load(str(out), format="csv", library="arrow")
    assert arrow["entities"].schema.field("aliases").type == pa.list_(pa.string())


def test_run_writes_the_dataset(tmp_path):
    report = gleaner.run(os.path.join(ROOT, "seeds"), str(tmp_path / "out"), formats="csv")
    assert report["rows"]["documents"] == 1 and report["missing_inputs"] == 0
    assert sorted(report["rows"]) == sorted(TABLES)
    assert (tmp_path / "out" / "mentions.csv").exists() and not (tmp_path / "out" / "mentions.parquet").exists()


def test_the_package_reads_its_tables_and_columns_from_the_cli_schema():
    assert gleaner.TABLES == TABLES and len(TABLES) >= 8
    assert gleaner.SCHEMA == SCHEMA
    t = gleaner.extract("Jane Roe spoke in Lisbon on Monday.", published="2021-08-27")
    for spec in SCHEMA["tables"]:
        assert t[spec["name"]].schema.names == [c["name"] for c in spec["columns"]], spec["name"]


def test_tables_have_the_contract_schema_and_pandas_reads_them():
    t = gleaner.extract("Jane Roe, the leader of the Workers Party, spoke in Lisbon on Monday.",
                        published="2021-08-27")
    assert list(t) == list(TABLES)
    mentions = t["mentions"].to_pandas()
    text = t["documents"].column("text")[0].as_py()
    assert all(text[r.start:r.end] == r.text for r in mentions.itertuples())
    assert t["dates"].column("value").to_pylist() == ["2021-08-23"]
    assert "leader_of" in t["relations"].column("predicate").to_pylist()


def test_batch_reads_records_as_the_cli_reads_jsonl(tmp_path):
    records = [
        {"id": "notes.md", "text": "# Big Title\n\nJane Roe spoke in Lisbon on Friday.", "published": ""},
        {"id": "b", "text": "John Doe spoke on Friday.", "published": "2021-08-27T23:30:00-04:00", "desk": "world"},
        {"id": "c", "text": "Prices rose on Thursday.", "published": "26-FEB-1987 15:01:01.79", "title": "  "},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    cli = run_cli([str(path)], tmp_path / "cli")
    keys = ["id", "text", "published", "desk", "title"]
    ours = gleaner.extract_batch(pa.table({k: [r.get(k) for r in records] for k in keys}))
    assert_same_tables(ours, cli, drop=("source",))
    docs = ours["documents"].to_pylist()
    assert docs[0]["title"] is None, "a JSONL record or a batch row is no Markdown file, whatever its id"
    assert json.loads(docs[1]["metadata"]) == {"desk": "world", "published": "2021-08-27T23:30:00-04:00"}
