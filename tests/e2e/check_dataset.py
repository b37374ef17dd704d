#!/usr/bin/env python3
"""End-to-end check of a gleaner dataset, loaded the way users load it: pandas and DuckDB,
Parquet and CSV.

    check_dataset.py DATA_DIR                  check an existing dataset (e.g. data/ after make dataset)
    check_dataset.py DATA_DIR --filled         ... and require rows in every table and non-empty aliases
    check_dataset.py --gleaner BIN             build a tricky corpus, run BIN on it, check the result

Asserts, for every table of the contract: both files exist and load in pandas and DuckDB without
options; the contract's columns are there, in the contract's order; both formats hold the same
rows; row counts match manifest.json; and every span row satisfies the offset invariant
documents.text[start:end] == text, in pandas (Python str slicing) and in DuckDB (substring).
Prints 'N passed, M failed' and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile
import traceback

import duckdb
import pandas as pd

# The contract (../shared/design/dataset-contract.md), written out independently of the code.
CONTRACT = {
    "documents": ["doc_id", "source", "title", "author", "published", "language", "text", "n_chars",
                  "n_sentences", "n_tokens", "sha256"],
    "sentences": ["doc_id", "sentence_idx", "paragraph_idx", "start", "end", "text"],
    "mentions": ["doc_id", "mention_idx", "sentence_idx", "start", "end", "text", "label", "entity_id",
                 "confidence", "method"],
    "entities": ["entity_id", "label", "name", "aliases", "n_mentions", "n_documents", "country_code",
                 "geonames_id", "lat", "lon", "admin1"],
    "numbers": ["doc_id", "number_idx", "sentence_idx", "start", "end", "text", "value", "low", "high",
                "qualifier", "kind", "unit", "counted", "event"],
    "dates": ["doc_id", "date_idx", "sentence_idx", "start", "end", "text", "type", "value", "mod",
              "range_start", "range_end", "anchored", "anchor"],
    "relations": ["doc_id", "relation_idx", "sentence_idx", "subject_entity_id", "subject_text",
                  "subject_start", "subject_end", "predicate", "object_entity_id", "object_text",
                  "object_start", "object_end", "start", "end", "text", "confidence", "method"],
    "quotes": ["doc_id", "quote_idx", "sentence_idx", "start", "end", "text", "kind", "speaker_text",
               "speaker_start", "speaker_end", "speaker_entity_id", "cue", "cue_start", "cue_end", "confidence",
               "rule"],
    "events": ["doc_id", "event_idx", "sentence_idx", "type", "trigger_text", "start", "end", "date_value",
               "date_start", "date_end", "location_text", "location_entity_id", "country_code", "lat", "lon",
               "killed_low", "killed_high", "wounded_low", "wounded_high", "evidence_start", "evidence_end",
               "confidence", "rule"],
    "event_roles": ["doc_id", "event_idx", "role", "start", "end", "text", "entity_id"],
    "errors": ["source", "stage", "kind", "message"],
}
SPANS = {
    "sentences": [("start", "end", "text")],
    "mentions": [("start", "end", "text")],
    "numbers": [("start", "end", "text")],
    "dates": [("start", "end", "text")],
    "relations": [("start", "end", "text"), ("subject_start", "subject_end", "subject_text"),
                  ("object_start", "object_end", "object_text")],
    "quotes": [("start", "end", "text"), ("speaker_start", "speaker_end", "speaker_text"),
               ("cue_start", "cue_end", "cue")],
    "events": [("start", "end", "trigger_text")],
    "event_roles": [("start", "end", "text")],
}
INT_COLUMNS = {"n_chars", "n_sentences", "n_tokens", "sentence_idx", "paragraph_idx", "start", "end",
               "mention_idx", "n_mentions", "n_documents", "number_idx", "date_idx", "relation_idx",
               "subject_start", "subject_end", "object_start", "object_end", "quote_idx", "speaker_start",
               "speaker_end", "cue_start", "cue_end", "event_idx", "evidence_start", "evidence_end"}

results = {"passed": 0, "failed": 0}


def check(name, fn):
    try:
        fn()
        results["passed"] += 1
        print(f"ok   {name}")
    except Exception:  # noqa: BLE001 - report every failure, keep going
        results["failed"] += 1
        print(f"FAIL {name}")
        traceback.print_exc()


def read_csv(path):
    # Empty field = null, as the contract says; everything else as pandas infers it. (The typed
    # reader calls are checked in check_four_readers.)
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def check_dataset(data):
    manifest = json.load(open(os.path.join(data, "manifest.json"), encoding="utf-8"))
    con = duckdb.connect()
    frames = {}

    for table, columns in CONTRACT.items():
        pq, csv = (os.path.join(data, f"{table}.{ext}") for ext in ("parquet", "csv"))

        def load(table=table, columns=columns, pq=pq, csv=csv):
            p, c = pd.read_parquet(pq), read_csv(csv)
            for df, what in ((p, "parquet"), (c, "csv")):
                got = [col for col in df.columns if col in columns]
                assert got == columns, f"{table}.{what}: contract columns {columns}, found {list(df.columns)}"
            assert list(p.columns) == list(c.columns), f"{table}: parquet and csv columns differ"
            assert len(p) == len(c) == manifest["tables"][table]["rows"], \
                f"{table}: {len(p)} parquet rows, {len(c)} csv rows, manifest says {manifest['tables'][table]['rows']}"
            for col in INT_COLUMNS & set(p.columns):
                assert str(p[col].dtype) == "int64", f"{table}.{col} is {p[col].dtype} in parquet"
            dp = con.execute(f"SELECT * FROM read_parquet('{pq}')").df()
            dc = con.execute(f"SELECT * FROM read_csv('{csv}', header = true)").df()
            assert len(dp) == len(dc) == len(p), f"{table}: DuckDB row counts {len(dp)} / {len(dc)}"
            assert list(dp.columns) == list(p.columns) == list(dc.columns), f"{table}: DuckDB columns differ"
            frames[table] = (p, c)

        check(f"{table}: loads in pandas and DuckDB, both formats, contract columns", load)

    if "documents" not in frames:
        return

    def same_values():
        for table in ("documents", "sentences", "errors"):
            p, c = frames[table]
            for col in p.columns:
                if str(p[col].dtype) in ("object", "str", "string"):
                    a = ["" if pd.isna(x) else str(x) for x in p[col]]
                    b = ["" if pd.isna(x) else str(x) for x in c[col]]
                    assert a == b, f"{table}.{col}: parquet and csv values differ"

    check("parquet and csv hold the same text values", same_values)

    def offsets_pandas():
        docs = dict(zip(frames["documents"][0]["doc_id"], frames["documents"][0]["text"].fillna("")))
        n = 0
        for table, spans in SPANS.items():
            df = frames[table][0]
            for row in df.itertuples(index=False):
                row = row._asdict()
                text = docs[row["doc_id"]]
                for s, e, t in spans:
                    assert text[row[s]:row[e]] == row[t], f"{table}: text[{row[s]}:{row[e]}] != {row[t]!r}"
                    n += 1
        for text, n_chars in zip(frames["documents"][0]["text"].fillna(""), frames["documents"][0]["n_chars"]):
            assert len(text) == n_chars
        assert n > 0 or sum(len(frames[t][0]) for t in SPANS) == 0
        print(f"     {n} spans checked in pandas")

    check("offset invariant in pandas (Python str slicing)", offsets_pandas)

    for ext in ("parquet", "csv"):
        def offsets_duckdb(ext=ext):
            src = (lambda t: f"read_parquet('{data}/{t}.parquet')") if ext == "parquet" else \
                  (lambda t: f"read_csv('{data}/{t}.csv', header = true, all_varchar = true)")
            for table, spans in SPANS.items():
                for s, e, t in spans:
                    bad = con.execute(f"""
                        SELECT count(*) FROM {src(table)} x JOIN {src('documents')} d USING (doc_id)
                        WHERE substring(coalesce(d.text, ''), CAST(x."{s}" AS BIGINT) + 1,
                                        CAST(x."{e}" AS BIGINT) - CAST(x."{s}" AS BIGINT))
                              IS DISTINCT FROM coalesce(x."{t}", '')""").fetchone()[0]
                    assert bad == 0, f"{table}.{t}: {bad} rows break the invariant in DuckDB ({ext})"

        check(f"offset invariant in DuckDB ({ext})", offsets_duckdb)

    def aliases_as_lists():
        p, c = frames["entities"]
        for cell in c["aliases"].fillna("[]"):
            assert isinstance(json.loads(cell), list)
        con.execute(f"SELECT aliases::JSON::VARCHAR[] FROM read_csv('{data}/entities.csv', header = true, all_varchar = true)").fetchall()
        for cell in p["aliases"]:
            assert cell is not None and len(list(cell)) >= 0

    check("entities.aliases: JSON arrays in CSV, lists in Parquet", aliases_as_lists)

    def ids_and_order():
        d = frames["documents"][0]
        assert d["doc_id"].is_unique, "doc_id is not unique"
        s = frames["sentences"][0]
        for doc_id, group in s.groupby("doc_id", sort=False):
            assert group["sentence_idx"].tolist() == list(range(len(group))), f"{doc_id}: sentence_idx not 0..n"
            assert (group["start"].diff().dropna() > 0).all(), f"{doc_id}: sentences out of order"
        n = s.groupby("doc_id").size()
        for doc_id, count in zip(d["doc_id"], d["n_sentences"]):
            assert n.get(doc_id, 0) == count, f"{doc_id}: n_sentences {count}, {n.get(doc_id, 0)} rows"

    check("ids unique, sentences contiguous and counted", ids_and_order)

    if "schema" in manifest:
        check_four_readers(data, manifest)


# The contract's column types, and what each reader calls them.
CANON = {"string": "string", "string?": "string", "int64": "int64", "int64?": "int64", "float64": "float64", "float64?": "float64",
         "bool": "bool", "date?": "date", "list<string>": "list"}


def arrow_canon(t):
    import pyarrow as pa

    for test, name in ((pa.types.is_string, "string"), (pa.types.is_large_string, "string"),
                       (pa.types.is_int64, "int64"), (pa.types.is_float64, "float64"),
                       (pa.types.is_boolean, "bool"), (pa.types.is_date32, "date"), (pa.types.is_list, "list")):
        if test(t):
            return name
    return str(t)


def polars_canon(t):
    import polars as pl

    if t == pl.String:
        return "string"
    if t == pl.Int64:
        return "int64"
    if t == pl.Float64:
        return "float64"
    if t == pl.Boolean:
        return "bool"
    if t == pl.Date:
        return "date"
    if isinstance(t, pl.List):
        return "list"
    return str(t)


def duckdb_canon(t):
    return {"VARCHAR": "string", "BIGINT": "int64", "DOUBLE": "float64", "BOOLEAN": "bool", "DATE": "date",
            "VARCHAR[]": "list"}.get(t, t)


def read_csv_arrow(path, columns):
    """The documented pyarrow/pandas reader call for a table's CSV (as gleaner.load does it)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    arrow = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "list": pa.string()}
    types = {c["name"]: arrow[CANON[c["type"]]] for c in columns}
    t = pcsv.read_csv(path, parse_options=pcsv.ParseOptions(newlines_in_values=True), convert_options=pcsv.ConvertOptions(
        column_types=types, null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=False,
        true_values=["true"], false_values=["false"]))
    for i, c in enumerate(columns):
        if CANON[c["type"]] == "list":
            values = [None if v is None else json.loads(v) for v in t.column(i).to_pylist()]
            t = t.set_column(i, c["name"], pa.array(values, type=pa.list_(pa.string())))
    return t


def read_csv_polars(path, columns):
    """The documented Polars reader call for a table's CSV."""
    import polars as pl

    types = {"string": pl.String, "int64": pl.Int64, "float64": pl.Float64, "bool": pl.Boolean, "date": pl.Date,
             "list": pl.String}
    df = pl.read_csv(path, schema={c["name"]: types[CANON[c["type"]]] for c in columns})
    lists = [c["name"] for c in columns if CANON[c["type"]] == "list"]
    return df.with_columns([pl.col(n).str.json_decode(pl.List(pl.String)) for n in lists]) if lists else df


def duckdb_csv(path, columns):
    """The documented DuckDB reader call for a table's CSV (what `gleaner schema --duckdb` prints)."""
    ddb = {"string": "VARCHAR", "int64": "BIGINT", "float64": "DOUBLE", "bool": "BOOLEAN", "date": "DATE",
           "list": "VARCHAR"}
    cols = ", ".join(f"'{c['name']}': '{ddb[CANON[c['type']]]}'" for c in columns)
    lists = [f"{c['name']}::JSON::VARCHAR[] AS {c['name']}" for c in columns if CANON[c["type"]] == "list"]
    select = f"* REPLACE ({', '.join(lists)})" if lists else "*"
    return (f"SELECT {select} FROM read_csv('{path}', header = true, delim = ',', quote = '\"', escape = '\"', "
            f"allow_quoted_nulls = false, columns = {{{cols}}})")


def check_four_readers(data, manifest):
    """pandas, pyarrow, Polars and DuckDB, each on Parquet and on CSV (by the documented reader
    calls): the same row counts, the contract's types, and the same values in both formats."""
    import polars as pl
    import pyarrow.parquet as pq

    con = duckdb.connect()
    counts = {}
    for spec in manifest["schema"]:
        table, columns = spec["name"], spec["columns"]
        want = [CANON[c["type"]] for c in columns]
        rows = manifest["tables"][table]["rows"]
        pq_path, csv_path = (os.path.join(data, f"{table}.{ext}") for ext in ("parquet", "csv"))

        def readers(table=table, columns=columns, want=want, rows=rows, pq_path=pq_path, csv_path=csv_path):
            a_pq, a_csv = pq.read_table(pq_path), read_csv_arrow(csv_path, columns)
            for f, c in zip(a_pq.schema, columns):
                assert (f.metadata or {}).get(b"description", b"").decode() == c["doc"], \
                    f"{table}.{c['name']}: no description of the column in the Parquet file"
            for t, what in ((a_pq, "pyarrow parquet"), (a_csv, "pyarrow csv")):
                assert [arrow_canon(f.type) for f in t.schema] == want, f"{table} {what}: {t.schema}"
                assert t.num_rows == rows, f"{table} {what}: {t.num_rows} rows, manifest {rows}"
            for i, c in enumerate(columns):
                assert a_pq.column(i).equals(a_csv.column(i).cast(a_pq.column(i).type)), \
                    f"{table}.{c['name']}: Parquet and CSV values differ"
            # pandas: read_parquet and pyarrow's to_pandas, Parquet and CSV: one set of dtypes.
            dtypes = [str(d) for d in pd.read_parquet(pq_path).dtypes]
            for df, what in ((a_pq.to_pandas(), "to_pandas parquet"), (a_csv.to_pandas(), "to_pandas csv")):
                assert [str(d) for d in df.dtypes] == dtypes, f"{table} {what}: {list(df.dtypes)} vs {dtypes}"
                assert len(df) == rows
            for c, d in zip(columns, dtypes):
                kind = CANON[c["type"]]
                # A nullable integer holding a null is float64 in numpy-backed pandas (as pandas reads
                # any Arrow int64 with nulls); never text or object.
                ok = d == kind or (c["type"] == "int64?" and d == "float64")
                assert kind not in ("int64", "float64", "bool") or ok, f"{table}.{c['name']}: pandas {d}"
            p_pq, p_csv = pl.read_parquet(pq_path), read_csv_polars(csv_path, columns)
            for df, what in ((p_pq, "polars parquet"), (p_csv, "polars csv")):
                assert [polars_canon(t) for t in df.schema.values()] == want, f"{table} {what}: {df.schema}"
                assert df.height == rows
            assert p_pq.equals(p_csv), f"{table}: Polars reads different values from Parquet and CSV"
            d_pq = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{pq_path}')").fetchall()
            d_csv = con.execute(f"DESCRIBE {duckdb_csv(csv_path, columns)}").fetchall()
            for d, what in ((d_pq, "duckdb parquet"), (d_csv, "duckdb csv")):
                assert [duckdb_canon(r[1]) for r in d] == want, f"{table} {what}: {d}"
            n_pq = con.execute(f"SELECT count(*) FROM read_parquet('{pq_path}')").fetchone()[0]
            n_csv = con.execute(f"SELECT count(*) FROM ({duckdb_csv(csv_path, columns)})").fetchone()[0]
            assert n_pq == n_csv == rows, f"{table}: DuckDB {n_pq} / {n_csv} rows, manifest {rows}"
            diff = con.execute(f"SELECT count(*) FROM (SELECT * FROM read_parquet('{pq_path}') EXCEPT ALL "
                               f"{duckdb_csv(csv_path, columns)})").fetchone()[0]
            assert diff == 0, f"{table}: {diff} Parquet rows DuckDB does not find in the CSV"
            counts[table] = rows

        check(f"{table}: pandas, pyarrow, Polars, DuckDB x Parquet, CSV: same rows, types, values", readers)
    if counts:
        print("     rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))


def tricky_corpus(root):
    """Text that breaks offset arithmetic: astral-plane emoji, combining marks, CJK, CRLF, a BOM."""
    os.makedirs(os.path.join(root, "sub"), exist_ok=True)
    files = {
        "a.txt": "By Jane Roe\n\nThe mayor of São Paulo said “no.” He left at 5 p.m. on Friday.\r\n"
                 "Café owners 😀😀 cheered. 東京 stayed calm. Dr. Who? Yes!\n",
        "sub/b.md": "\ufeffWho leads the group?\nNobody knows. The U.S. declined to comment.\nNo comments:\n",
        "c.txt": "e\u0301le\u0301ve studies 𝔘𝔫𝔦𝔠𝔬𝔡𝔢. Another sentence here! And a third?",
        "d.txt": "",
    }
    for name, text in files.items():
        with open(os.path.join(root, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    with open(os.path.join(root, "records.jsonl"), "w", encoding="utf-8") as f:
        for i in range(50):
            f.write(json.dumps({"id": f"r{i}", "text": f"Report {i} 🚀: {i} people hurt in Kâbul. The U.N. said so.",
                                "published": "2021-08-27", "desk": "world"}, ensure_ascii=False) + "\n")
        f.write("{broken json\n")
        # Values that readers like to turn into something else: a numeric id, "NA", "null".
        f.write(json.dumps({"id": "007", "text": "NA"}) + "\n")
        f.write(json.dumps({"id": "8", "text": "null", "title": "NA"}) + "\n")


def main(argv):
    if len(argv) == 2 and argv[0] == "--gleaner":
        with tempfile.TemporaryDirectory(prefix="gleaner-e2e-") as tmp:
            corpus = os.path.join(tmp, "corpus")
            tricky_corpus(corpus)
            out = os.path.join(tmp, "out")
            # The folder holds the JSONL file too: folders are read for .jsonl as for .txt and .md.
            done = subprocess.run([argv[1], "run", corpus, "--out", out], capture_output=True, text=True)
            def exits_0():
                assert done.returncode == 0, done.stderr

            check("gleaner run on the tricky corpus exits 0", exits_0)
            check_dataset(out)

            def duckdb_views():
                sql = subprocess.run([argv[1], "schema", "--duckdb", "--dir", out], capture_output=True, text=True,
                                     check=True).stdout
                con = duckdb.connect()
                con.execute(sql)
                manifest = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
                for table in CONTRACT:
                    n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                    assert n == manifest["tables"][table]["rows"], f"{table}: {n} rows through the view"
                    parquet = con.execute(f"SELECT count(*) FROM (SELECT * FROM read_parquet('{out}/{table}.parquet') "
                                          f"EXCEPT ALL SELECT * FROM {table})").fetchone()[0]
                    assert parquet == 0, f"{table}: the CSV view and the Parquet file differ"

            check("gleaner schema --duckdb: views over the CSV files equal the Parquet files", duckdb_views)
    elif len(argv) in (1, 2) and argv[1:] in ([], ["--filled"]):
        check_dataset(argv[0])
        if argv[1:] == ["--filled"]:
            def filled():
                manifest = json.load(open(os.path.join(argv[0], "manifest.json"), encoding="utf-8"))
                empty = [t for t in CONTRACT if manifest["tables"][t]["rows"] == 0]
                assert not empty, f"tables without rows: {empty}"
                con = duckdb.connect()
                n = con.execute(f"SELECT sum(len(aliases::JSON::VARCHAR[])) FROM "
                                f"read_csv('{argv[0]}/entities.csv', header = true, all_varchar = true)").fetchone()[0]
                assert n and n > 0, "no aliases read back through DuckDB's JSON cast"
                lists = pd.read_parquet(os.path.join(argv[0], "entities.parquet"))["aliases"]
                assert sum(len(a) for a in lists) == n, "parquet and csv aliases differ"

            check("every table has rows; aliases read back as lists", filled)
    else:
        print(__doc__)
        return 2
    print(f"e2e: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
