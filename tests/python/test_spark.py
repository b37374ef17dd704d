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
    # Lone surnames that the corpus joins to a person named in full elsewhere: Spark, which sees
    # the corpus in batches, must join them as the CLI does.
    full = ("Prime Minister Tony Blair met Gordon Brown at the Labour Party conference in Brighton. "
            "Tony Blair said the party would win.")
    records += [{"id": f"full{i}", "text": full} for i in range(4)]
    records += [{"id": f"lone{i}", "text": "Blair told the Labour Party conference in Brighton that Gordon Brown "
                 "would stay. Blair smiled."} for i in range(2)]
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
    ents = cli["entities"].to_pandas()
    tony = ents.loc[ents.name == "Tony Blair", "entity_id"].tolist()
    men = cli["mentions"].to_pandas()
    lone = men[men.doc_id.str.startswith("lone")]
    assert len(tony) == 1 and (lone.entity_id == tony[0]).sum() == 4, "the CLI joined the lone Blairs"
    assert_same_tables(ours, cli, drop=("source",))
