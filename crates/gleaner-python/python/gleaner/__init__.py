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

from typing import Dict, Iterable, Optional, Union

import pyarrow as pa

from ._gleaner import GleanerError, __version__
from ._gleaner import extract as _extract
from ._gleaner import extract_batch as _extract_batch
from ._gleaner import run as _run

__all__ = ["extract", "extract_batch", "run", "GleanerError", "TABLES", "__version__"]

#: The tables, in the contract's order.
TABLES = ("documents", "sentences", "mentions", "entities", "numbers", "dates", "relations", "errors")


def _tables(batches) -> Dict[str, pa.Table]:
    return {name: pa.Table.from_batches([batch]) for name, batch in batches}


def extract(text: str, *, doc_id: Optional[str] = None, published: Optional[str] = None) -> Dict[str, pa.Table]:
    """Extracts every table from one text.

    ``doc_id`` names the document (default ``"text"``); ``published`` (``YYYY-MM-DD``) is the
    document date that relative dates ("Thursday", "last year") resolve against. A bad date
    raises ``ValueError`` with the CLI's message.
    """
    return _tables(_extract(text, doc_id=doc_id, published=published))


def extract_batch(
    batch: Union[pa.RecordBatch, pa.Table],
    text: str = "text",
    id: str = "id",
    published: str = "published",
) -> Dict[str, pa.Table]:
    """Extracts every table from a batch of documents, one per row.

    ``text`` names the column of texts, ``id`` the column of document ids (strings or integers;
    a row without one is ``batch#<row number>``), ``published`` an optional column of document
    dates (``YYYY-MM-DD`` strings or dates); ``title`` and ``author`` columns are read when
    present (other columns are ignored: ``documents.metadata`` stays null). Rows are passed to Rust through the Arrow C data
    interface and processed on all cores; the tables come back the same way. A row without text
    or with a repeated id becomes an ``errors`` row, as in the CLI.
    """
    if isinstance(batch, pa.Table):
        batch = batch.combine_chunks().to_batches()
        batch = batch[0] if batch else None
    if batch is None:
        return {name: t.slice(0, 0) for name, t in extract("").items()}
    return _tables(_extract_batch(batch, text, id, published))


def run(
    paths: Union[str, Iterable[str]],
    out: str,
    *,
    formats: str = "parquet,csv",
    jobs: Optional[int] = None,
    published: Optional[str] = None,
    force: bool = False,
) -> dict:
    """``gleaner run PATHS --out OUT``: writes the dataset to ``out`` and returns
    ``{"rows": {table: count}, "problems": n, "missing_inputs": n, "internal_errors": n}``.

    ``out`` is replaced whole when the run succeeds and left as it was when it fails; a folder
    holding more than a gleaner dataset is refused unless ``force=True``.
    Raises ``GleanerError`` with the CLI's message when the dataset cannot be written.
    """
    if isinstance(paths, str):
        paths = [paths]
    return _run([str(p) for p in paths], str(out), formats=formats, jobs=jobs, published=published, force=force)
