#!/usr/bin/env python3
"""Throughput of the Python package against the CLI (not a test: it asserts nothing).

    python_bench.py --gleaner target/release/gleaner --corpus ../shared/eval/corpus

- extract_batch on the BBC corpus (one pyarrow batch, id + text) with one rayon thread, against
  `gleaner run --jobs 1` on the same records: the cost of the Python path per core.
- gleaner.spark.extract_tables on PySpark local[2] (every table counted), against
  `gleaner run --jobs 2` on the same records.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def records(path, limit=None):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append({"id": str(r["id"]), "text": r["text"]})
                if limit and len(out) == limit:
                    break
    return out


def cli_seconds(gleaner, recs, jobs, work):
    path = os.path.join(work, f"in-{len(recs)}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in recs)
    started = time.perf_counter()
    subprocess.run([gleaner, "run", path, "--out", os.path.join(work, "out"), "--format", "parquet",
                    "--jobs", str(jobs)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gleaner", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--spark-docs", type=int, default=2225)
    args = ap.parse_args()
    bbc = os.path.join(args.corpus, "bbc_news.jsonl")
    if not os.path.exists(bbc):
        print(f"python bench: {bbc} not found")
        return
    recs = records(bbc)
    mb = sum(len(r["text"].encode()) for r in recs) / 1e6
    work = tempfile.mkdtemp(prefix="gleaner-pybench-")

    # Per core: one rayon thread in this process (set before gleaner's pool starts).
    code = (
        "import json,sys,time,pyarrow as pa,gleaner;"
        "recs=[json.loads(l) for l in open(sys.argv[1])];"
        "t=pa.Table.from_pylist(recs);s=time.perf_counter();gleaner.extract_batch(t);"
        "print(time.perf_counter()-s)"
    )
    path = os.path.join(work, "bbc.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in recs)
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    py1 = float(subprocess.run([sys.executable, "-c", code, path], env=env, check=True,
                               capture_output=True, text=True).stdout.strip())
    cli1 = cli_seconds(args.gleaner, recs, 1, work)
    print(f"{'input':<28}{'MB':>7}{'seconds':>9}{'MB/s':>8}")
    print(f"{'bbc extract_batch (1 core)':<28}{mb:7.1f}{py1:9.2f}{mb / py1:8.2f}")
    print(f"{'bbc gleaner run --jobs 1':<28}{mb:7.1f}{cli1:9.2f}{mb / cli1:8.2f}   python/cli {cli1 / py1:.2f}x")

    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark: pyspark not installed")
        return
    from gleaner.spark import extract_tables

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("gleaner-bench")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sub = recs[: args.spark_docs]
    smb = sum(len(r["text"].encode()) for r in sub) / 1e6
    df = spark.createDataFrame(sub).repartition(2).cache()
    df.count()
    started = time.perf_counter()
    tables = extract_tables(df)
    counts = {name: t.count() for name, t in tables.items()}
    spark_s = time.perf_counter() - started
    spark.stop()
    cli2 = cli_seconds(args.gleaner, sub, 2, work)
    print(f"{'bbc spark local[2]':<28}{smb:7.1f}{spark_s:9.2f}{smb / spark_s:8.2f}   ({counts['mentions']} mentions)")
    print(f"{'bbc gleaner run --jobs 2':<28}{smb:7.1f}{cli2:9.2f}{smb / cli2:8.2f}   spark/cli {cli2 / spark_s:.2f}x")


if __name__ == "__main__":
    main()
