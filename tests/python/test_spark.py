"""gleaner.spark.extract_tables on PySpark local[2] equals the CLI on the same documents."""
import json
import os

import pytest

from conftest import TABLES, assert_same_tables, jsonl_slice, run_cli

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    import sys

    from pyspark.sql import SparkSession

    # Executors run this interpreter, where gleaner is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    s = (SparkSession.builder.master("local[2]").appName("gleaner-test")
         .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
         .config("spark.ui.enabled", "false")
         .config("spark.sql.session.timeZone", "UTC")
         .getOrCreate())
    yield s
    s.stop()


def test_spark_tables_equal_the_cli(spark, tmp_path, corpus):
    from gleaner.spark import extract_tables

    records = [{"id": str(r["id"]), "text": r["text"]} for r in jsonl_slice(corpus, 300, skip=1000)]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    cli = run_cli([str(path)], tmp_path / "cli")
    df = spark.createDataFrame(records).repartition(3)
    tables = extract_tables(df)
    import pyarrow as pa

    ours = {}
    for name in TABLES:
        pdf = tables[name].toPandas()
        ours[name] = pa.Table.from_pandas(pdf, schema=cli[name].schema, preserve_index=False)
    assert ours["documents"].num_rows == len(records)
    assert_same_tables(ours, cli, drop=("source",))
