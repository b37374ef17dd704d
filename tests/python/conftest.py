"""Shared fixtures: the CLI binary, the corpora, and table comparison."""
import json
import os
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
BIN = os.path.join(ROOT, "target", "release", "gleaner")
# The tables as the CLI lists them (`gleaner schema --json`): the package must agree.
SCHEMA = json.loads(subprocess.run([BIN, "schema", "--json"], check=True, capture_output=True, text=True).stdout)
TABLES = tuple(t["name"] for t in SCHEMA["tables"])


def run_cli(inputs, out):
    subprocess.run([BIN, "run", *inputs, "--out", str(out), "--format", "parquet"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {t: pq.read_table(os.path.join(out, f"{t}.parquet")) for t in TABLES}


def rows(table: pa.Table, drop=()):
    """A table's rows as sorted tuples (order-free comparison), without the columns in ``drop``."""
    cols = [c for c in table.column_names if c not in drop]
    data = table.select(cols).to_pylist()
    return sorted(tuple((k, json.dumps(v, sort_keys=True, default=str)) for k, v in r.items()) for r in data)


def assert_same_tables(ours, cli, drop=()):
    for name in TABLES:
        assert ours[name].schema.names == cli[name].schema.names, name
        assert ours[name].num_rows == cli[name].num_rows, f"{name}: {ours[name].num_rows} vs {cli[name].num_rows}"
        d = tuple(drop) if name in ("documents", "errors") else ()
        assert rows(ours[name], d) == rows(cli[name], d), f"{name} differs"


def jsonl_slice(path, n, skip=0):
    out = []
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < skip:
                continue
            if len(out) == n:
                break
            out.append(json.loads(line))
    return out


@pytest.fixture(scope="session")
def corpus():
    path = os.path.join(EVAL, "corpus", "reuters21578.jsonl")
    if not os.path.exists(path):
        pytest.skip(f"{path} not found")
    return path
