"""gleaner: plain-text documents into analysis-ready tables.

Every function returns the tables of the dataset contract (``documents``, ``sentences``,
``mentions``, ``entities``, ``numbers``, ``dates``, ``relations``, ``errors``) with the same
columns, types and rows as ``gleaner run`` writes to Parquet, as ``pyarrow.Table`` objects:

>>> import gleaner
>>> tables = gleaner.extract("At least 13 soldiers were killed in Kabul on Thursday.",
...                          published="2021-08-27")
>>> tables["numbers"].to_pandas()[["text", "value", "counted", "event"]]  # doctest: +SKIP

Offsets (``start``, ``end``) count code points into ``documents.text``, so
``text[start:end]`` in Python gives back each span.
"""
from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Dict, Iterable, Optional, Union

import pyarrow as pa

import json

from ._gleaner import SCHEMA_JSON as _SCHEMA_JSON
from ._gleaner import GleanerError, __version__
from ._gleaner import extract as _extract
from ._gleaner import extract_batch as _extract_batch
from ._gleaner import run as _run

__all__ = ["extract", "extract_batch", "run", "load", "GleanerError", "TABLES", "SCHEMA", "__version__"]

#: The dataset contract's schema, from the Rust side (what ``gleaner schema --json`` prints):
#: ``{"schema_version": int, "tables": [{"name", "doc", "columns": [{"name", "type", "nullable",
#: "doc"}]}]}``.
SCHEMA = json.loads(_SCHEMA_JSON)

#: The tables, in the contract's order.
TABLES = tuple(t["name"] for t in SCHEMA["tables"])

#: The column a batch's other columns travel in, as one JSON object per row.
_METADATA = "__gleaner_metadata__"


def _tables(batches) -> Dict[str, pa.Table]:
    return {name: pa.Table.from_batches([batch]) for name, batch in batches}


def _date_text(value) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"published must be a date, a datetime or a YYYY-MM-DD string, not {type(value).__name__}")


def extract(text: str, *, doc_id: Optional[str] = None,
            published: Union[None, str, _dt.date, _dt.datetime] = None) -> Dict[str, pa.Table]:
    """Extracts every table from one text.

    ``doc_id`` names the document (default ``"text"``); ``published`` (a ``datetime.date``, a
    ``datetime`` or a ``YYYY-MM-DD`` string) is the document date that relative dates
    ("Thursday", "last year") resolve against. A bad date raises ``ValueError`` with the CLI's
    message.
    """
    return _tables(_extract(text, doc_id=doc_id, published=_date_text(published)))


def _as_table(batch: Any, text_col: str) -> pa.Table:
    """A pyarrow Table from a RecordBatch, a Table, a pandas or Polars DataFrame, or a list of texts."""
    if isinstance(batch, pa.RecordBatch):
        return pa.Table.from_batches([batch])
    if isinstance(batch, pa.Table):
        return batch
    if isinstance(batch, (list, tuple)):
        return pa.table({text_col: pa.array(list(batch), type=pa.string())})
    module = type(batch).__module__.split(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(batch, preserve_index=False)
    if module == "polars":
        return batch.to_arrow()
    raise TypeError(f"extract_batch takes a pyarrow Table or RecordBatch, a pandas or Polars DataFrame, or a "
                    f"list of texts; not {type(batch).__name__}")


def extract_batch(
    batch: Any,
    text_col: str = "text",
    id_col: str = "id",
    published_col: str = "published",
    *,
    corpus_joins: bool = True,
    **names: str,
) -> Dict[str, pa.Table]:
    """Extracts every table from a batch of documents, one per row.

    ``batch`` is a ``pyarrow`` Table or RecordBatch, a pandas or Polars DataFrame, or a list of
    texts. ``text_col`` names the column of texts, ``id_col`` the column of document ids (strings
    or integers; a row without one is ``batch#<row number>``), ``published_col`` a column of
    document dates (dates, timestamps, or strings in the forms the CLI reads); ``title`` and
    ``author`` columns are read when present, and every other column is kept in
    ``documents.metadata`` as one JSON object, as the CLI keeps a JSONL record's other fields.
    The argument names are those of ``gleaner.spark.extract_tables`` (``text``, ``id`` and
    ``published`` are accepted too). Rows go to Rust through the Arrow C data interface and are
    processed on all cores. A row without text or with a repeated id becomes an ``errors`` row,
    as in the CLI. The batch is the corpus: a surname standing alone in one document joins the
    person named in full in others as ``gleaner run`` joins it, unless ``corpus_joins=False``
    (for a caller that joins over a larger corpus itself, as ``gleaner.spark`` does).
    """
    text_col = names.pop("text", text_col)
    id_col = names.pop("id", id_col)
    published_col = names.pop("published", published_col)
    if names:
        raise TypeError(f"extract_batch() got an unexpected keyword argument {next(iter(names))!r}")
    table = _as_table(batch, text_col)
    if table.num_rows == 0:
        return {name: t.slice(0, 0) for name, t in extract("").items()}
    names_now = table.column_names
    if published_col in names_now:
        i = names_now.index(published_col)
        t = table.column(i).type
        if pa.types.is_timestamp(t) or pa.types.is_date64(t):
            table = table.set_column(i, published_col, table.column(i).cast(pa.date32()))
    known = {text_col, id_col, published_col, "title", "author"}
    extra = [c for c in names_now if c not in known]
    if extra:
        # As the CLI writes a record's other fields (keys sorted, compact); a column a row has no
        # value in is left out of its object, and a row with none has no metadata.
        rows = [{k: v for k, v in r.items() if v is not None} for r in table.select(extra).to_pylist()]
        meta = [_json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str) if r else None
                for r in rows]
        table = table.drop_columns(extra).append_column(_METADATA, pa.array(meta, type=pa.string()))
    rb = table.combine_chunks().to_batches()[0]
    return _tables(_extract_batch(rb, text_col, id_col, published_col, _METADATA if extra else "\x00none",
                                  corpus_joins))


def run(
    paths: Union[str, Iterable[str]],
    out: str,
    *,
    formats: str = "parquet,csv",
    jobs: Optional[int] = None,
    published: Union[None, str, _dt.date, _dt.datetime] = None,
    published_field: Optional[str] = None,
    force: bool = False,
) -> dict:
    """``gleaner run PATHS --out OUT``: writes the dataset to ``out`` and returns
    ``{"rows": {table: count}, "problems": n, "missing_inputs": n, "internal_errors": n}``.

    ``out`` is replaced whole when the run succeeds and left as it was when it fails; a folder
    holding more than a gleaner dataset is refused unless ``force=True``. Raises
    ``GleanerError`` with the CLI's message whenever the CLI would exit non-zero: the dataset
    could not be written, an input named does not exist (the dataset is written from the rest),
    or a bug left documents out; the report is then the error's ``report`` attribute.
    """
    if isinstance(paths, str):
        paths = [paths]
    report = _run([str(p) for p in paths], str(out), formats=formats, jobs=jobs, published=_date_text(published),
                  force=force, published_field=published_field)
    if report["missing_inputs"] or report["internal_errors"]:
        if report["missing_inputs"]:
            message = (f"{report['missing_inputs']} input(s) named could not be opened; the dataset in {out} "
                       f"holds the rest")
        else:
            message = (f"{report['internal_errors']} document(s) hit an internal error (a bug in gleaner) and were "
                       f"left out, in whole or in part: see the errors table")
        error = GleanerError(message)
        error.report = report
        raise error
    return report


def load(path: str, *, format: Optional[str] = None, library: str = "pandas") -> Dict[str, Any]:
    """Every table of the dataset folder ``path``, typed as the contract says, whichever format
    it is read from: ``format="parquet"`` (the default when the Parquet files are there) or
    ``"csv"`` (ids stay strings, "NA" stays "NA", an empty text and a null stay apart, list
    cells are lists, dates are dates). ``library`` picks what comes back: ``"pandas"``
    DataFrames, ``"polars"`` DataFrames or ``"arrow"`` (``pyarrow.Table``).
    """
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    if library not in ("pandas", "polars", "arrow"):
        raise ValueError(f"library must be 'pandas', 'polars' or 'arrow', not {library!r}")
    schemas = {name: t.schema for name, t in extract("").items()}
    out = {}
    for name, schema in schemas.items():
        parquet, csv = (_os.path.join(path, f"{name}.{ext}") for ext in ("parquet", "csv"))
        fmt = format or ("parquet" if _os.path.exists(parquet) else "csv")
        if fmt == "parquet":
            table = pq.read_table(parquet)
        elif fmt == "csv":
            types = {f.name: pa.string() if pa.types.is_list(f.type) else f.type for f in schema}
            table = pcsv.read_csv(csv, parse_options=pcsv.ParseOptions(newlines_in_values=True), convert_options=pcsv.ConvertOptions(
                column_types=types, null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=False,
                true_values=["true"], false_values=["false"]))
            for i, f in enumerate(schema):
                if pa.types.is_list(f.type):
                    values = [None if v is None else _json.loads(v) for v in table.column(i).to_pylist()]
                    table = table.set_column(i, f.name, pa.array(values, type=f.type))
            table = table.cast(schema)
        else:
            raise ValueError(f"format must be 'parquet' or 'csv', not {format!r}")
        if library == "pandas":
            df = table.to_pandas()
            # A nullable integer (entities.geonames_id) as pandas' nullable Int64, not the
            # float64 numpy-backed pandas makes of an integer column holding a null.
            for f in schema:
                if pa.types.is_integer(f.type) and f.nullable:
                    df[f.name] = df[f.name].astype("Int64")
            out[name] = df
        elif library == "polars":
            import polars as pl

            out[name] = pl.from_arrow(table)
        else:
            out[name] = table
    return out
