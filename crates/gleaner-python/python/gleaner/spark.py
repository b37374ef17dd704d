"""gleaner on Apache Spark (PySpark >= 3.4): the contract's tables as Spark DataFrames.

>>> from gleaner.spark import extract_tables                      # doctest: +SKIP
>>> tables = extract_tables(spark.read.json("news.jsonl"))         # doctest: +SKIP
>>> tables["mentions"].groupBy("label").count().show()             # doctest: +SKIP

One pass over the data: ``mapInArrow`` hands each executor Arrow batches of documents; each
batch goes through ``gleaner.extract_batch`` (the Rust pipeline, models loaded once per
executor process, all its cores) and comes back as one row per document holding that
document's rows of every table (a struct of arrays). That intermediate DataFrame is persisted,
then each table is one ``explode``. ``entities`` is aggregated across batches exactly as the CLI
aggregates it across documents (name: the best form by ``_name_rank``, the rule of the CLI's
catalog; aliases: every other form; counts summed).

Writing the tables as partitioned Parquet::

    for name, df in extract_tables(docs).items():
        df.write.mode("overwrite").parquet(f"out/{name}")                  # one folder a table
    # or partition the big ones by a column of your documents' ids:
    tables["mentions"].write.partitionBy("label").parquet("out/mentions")

Results equal the CLI's on the same documents (``documents.source`` and ``errors.source`` hold
the document id, where the CLI writes ``file#line``), whatever the partitioning.
"""
from __future__ import annotations

from typing import Dict, Iterator, Optional

import pyarrow as pa
import pyarrow.compute as pc

import gleaner
from gleaner import _gleaner

#: Tables keyed by ``doc_id`` (those with that column, read from the schema); ``errors`` is keyed
#: by ``source``; ``entities`` is aggregated.
_BY_DOC = tuple(t["name"] for t in gleaner.SCHEMA["tables"] if any(c["name"] == "doc_id" for c in t["columns"]))


def _arrow_schemas() -> Dict[str, pa.Schema]:
    return {name: t.schema for name, t in gleaner.extract("").items()}


def _spark_type(t: pa.DataType):
    from pyspark.sql import types as T

    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return T.StringType()
    if pa.types.is_int64(t):
        return T.LongType()
    if pa.types.is_float64(t):
        return T.DoubleType()
    if pa.types.is_boolean(t):
        return T.BooleanType()
    if pa.types.is_date32(t):
        return T.DateType()
    if pa.types.is_list(t):
        return T.ArrayType(_spark_type(t.value_type), True)
    raise TypeError(f"no Spark type for {t}")


def _struct(schema: pa.Schema):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, _spark_type(f.type), True) for f in schema])


def _list_column(table: pa.Table, index: pa.Array, n: int) -> pa.Array:
    """Rows of ``table`` grouped into one list per input row (``index``: the row each belongs to,
    non-decreasing as the tables are written in input order)."""
    order = pc.sort_indices(index)  # stable: rows of one input row keep their order
    table, index = table.take(order), index.take(order)
    counts = [0] * (n + 1)
    for i in index.to_pylist():  # one int per output row; the rows' contents never become Python
        counts[i + 1] += 1
    for i in range(n):
        counts[i + 1] += counts[i]
    struct = pa.StructArray.from_arrays(
        [c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c for c in table.columns],
        fields=list(table.schema),
    )
    return pa.ListArray.from_arrays(pa.array(counts, pa.int32()), struct)


def _per_document(batches: Iterator[pa.RecordBatch], text_col: str, id_col: str,
                  published_col: Optional[str]) -> Iterator[pa.RecordBatch]:
    for rb in batches:
        n = rb.num_rows
        if n == 0:
            continue
        # Joins of lone surnames across documents are made once over the whole corpus (below).
        tables = gleaner.extract_batch(rb, text_col, id_col, published_col or "\x00none", corpus_joins=False)
        ids = pc.cast(rb.column(rb.schema.get_field_index(id_col)), pa.string())
        columns, names = [], []
        for name in gleaner.TABLES:
            t = tables[name]
            if name in _BY_DOC:
                index = pc.index_in(t.column("doc_id"), value_set=ids)
            elif name == "errors":
                index = pc.fill_null(pc.index_in(t.column("source"), value_set=ids), 0)
            else:  # entities of the whole batch: on its first row, merged on the driver side
                index = pa.array([0] * t.num_rows, pa.int32())
            columns.append(_list_column(t, index, n))
            names.append(name)
        yield pa.RecordBatch.from_arrays(columns, names=names)


_TITLED = {"Of", "And", "The", "For", "In", "On", "At", "To", "De", "Du", "La", "Le", "Von", "Van", "Der", "Del", "Da"}


def _name_rank(name: str):
    """gleaner_extract::name_rank, the CLI catalog's choice of a name: a capital letter; an
    acronym (one word, up to three letters, in capitals); fewer badly cased words (four letters
    or more in capitals, two capitals before a small letter, or a capitalized function word
    after the first word); longer; then the first in code-point order (negated code points, so
    ``max`` picks it)."""
    def letters(w):
        return sum(c.isalpha() for c in w)

    def bad(i, w):
        shouted = letters(w) >= 4 and not any(c.islower() for c in w)
        cs = [c for c in w if c.isalpha()][:3]
        slipped = len(cs) == 3 and cs[0].isupper() and cs[1].isupper() and cs[2].islower()
        titled = i > 0 and w in _TITLED
        return shouted or slipped or titled

    capital = any(c.isupper() for c in name)
    acronym = not any(c.isspace() for c in name) and 1 <= letters(name) <= 3 and not any(c.islower() for c in name)
    return (capital, acronym, -sum(bad(i, w) for i, w in enumerate(name.split())), len(name),
            [-ord(c) for c in name] + [0])


_PLACE_COLUMNS = ("country_code", "geonames_id", "lat", "lon", "admin1")


def _merge_entities(df):
    """Partial ``entities`` rows (one per batch) into one row per entity, as the CLI's catalog."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    @F.udf(T.StructType([T.StructField("name", T.StringType()), T.StructField("aliases", T.ArrayType(T.StringType()))]))
    def name_and_aliases(names, aliases):
        best = max(set(names), key=_name_rank)
        others = sorted((set(names) | set(aliases)) - {best})
        return (best, others)

    merged = df.groupBy("entity_id").agg(
        F.first("label").alias("label"),
        F.collect_list("name").alias("_names"),
        F.flatten(F.collect_list("aliases")).alias("_aliases"),
        F.sum("n_mentions").alias("n_mentions"),
        F.sum("n_documents").alias("n_documents"),
        # The place columns follow from the id (a GeoNames id or an ISO code, or one name): any
        # batch's non-null value is every batch's.
        *[F.first(c, ignorenulls=True).alias(c) for c in _PLACE_COLUMNS],
    )
    merged = merged.withColumn("_na", name_and_aliases("_names", "_aliases"))
    return merged.select(
        "entity_id", "label", F.col("_na.name").alias("name"), F.col("_na.aliases").alias("aliases"),
        "n_mentions", "n_documents", *_PLACE_COLUMNS,
    )


def extract_tables(df, text_col: str = "text", id_col: str = "id", published_col: Optional[str] = None,
                   persist: bool = True) -> Dict[str, "pyspark.sql.DataFrame"]:  # noqa: F821
    """The contract's tables (``gleaner.TABLES``) for the documents of ``df`` (one per row: ``text_col`` the
    text, ``id_col`` a unique id, ``published_col`` an optional ``YYYY-MM-DD`` date column).

    The per-document intermediate is persisted (memory and disk) unless ``persist=False``, so
    the documents are processed once however many tables are used.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if id_col not in df.columns:
        raise ValueError(f"the DataFrame has no {id_col!r} column: Spark needs a unique id per document")
    if text_col not in df.columns:
        raise ValueError(f"the DataFrame has no {text_col!r} column")
    cols = [F.col(id_col).cast("string").alias(id_col), F.col(text_col).cast("string").alias(text_col)]
    if published_col:
        cols.append(F.col(published_col).cast("string").alias(published_col))
    schemas = _arrow_schemas()
    out_schema = T.StructType([T.StructField(n, T.ArrayType(_struct(schemas[n]), True), True) for n in gleaner.TABLES])
    per_doc = df.select(*cols).mapInArrow(
        lambda it: _per_document(it, text_col, id_col, published_col), out_schema
    )
    if persist:
        per_doc = per_doc.persist(StorageLevel.MEMORY_AND_DISK)
    tables = {}
    for name in gleaner.TABLES:
        exploded = per_doc.select(F.explode(name).alias("r")).select("r.*")
        tables[name] = _merge_entities(exploded) if name == "entities" else exploded
    return _join_across_documents(tables)


#: The id columns of each document-keyed table, read from the schema.
_ID_COLUMNS = {t["name"]: [c["name"] for c in t["columns"] if c["name"] == "entity_id" or c["name"].endswith("_entity_id")]
               for t in gleaner.SCHEMA["tables"] if t["name"] in _BY_DOC}


def _join_across_documents(tables):
    """Joins lone surnames across the corpus as ``gleaner run`` does (the same Rust code decides,
    on the driver, from the merged entities and the mentions of the documents that name a lone
    surname or a longer name of it), then rewrites every id column and the joined entities'
    counts and aliases."""
    from pyspark.sql import functions as F

    entities, mentions = tables["entities"], tables["mentions"]
    cols = ["entity_id", "label", "name", "n_documents"]
    ents = pa.Table.from_pandas(entities.select(*cols).toPandas(), preserve_index=False)
    ents_rb = ents.combine_chunks().to_batches()[0] if ents.num_rows else None
    ids = _gleaner._join_ids(ents_rb) if ents_rb is not None else []
    if not ids:
        return tables
    spark = mentions.sparkSession
    wanted = spark.createDataFrame([(i,) for i in ids], "entity_id string")
    docs = mentions.join(F.broadcast(wanted), "entity_id").select("doc_id").distinct()
    read = mentions.join(docs, "doc_id").select("doc_id", "entity_id").toPandas()
    n_docs = mentions.select("doc_id").distinct().count()
    rb = pa.Table.from_pandas(read, preserve_index=False).combine_chunks().to_batches()
    joined = _gleaner._corpus_joins(ents_rb, rb[0] if rb else pa.record_batch({"doc_id": pa.array([], pa.string()), "entity_id": pa.array([], pa.string())}), n_docs)
    if joined.num_rows == 0:
        return tables
    pairs = joined.to_pandas()
    joins = F.broadcast(spark.createDataFrame(pairs, "doc_id string, entity_id string, joined_id string"))
    out = dict(tables)
    for name, id_cols in _ID_COLUMNS.items():
        df = out[name]
        order = df.columns
        for col in id_cols:
            j = joins.withColumnRenamed("entity_id", col).withColumnRenamed("joined_id", "_joined")
            df = df.join(j, on=["doc_id", col], how="left").withColumn(col, F.coalesce("_joined", col)).drop("_joined")
        out[name] = df.select(*order)
    # Counts of the entities that gave or took mentions, from the rewritten mentions; a lone
    # surname left with none is gone; the joined name gains the lone forms as aliases.
    touched = sorted(set(pairs["entity_id"]) | set(pairs["joined_id"]))
    counts = (out["mentions"].join(F.broadcast(spark.createDataFrame([(i,) for i in touched], "entity_id string")), "entity_id")
              .groupBy("entity_id").agg(F.count("*").alias("_n"), F.countDistinct("doc_id").alias("_d")))
    forms = {}
    lone_rows = entities.filter(F.col("entity_id").isin(sorted(set(pairs["entity_id"])))).select("entity_id", "name", "aliases").collect()
    by_lone = {r["entity_id"]: [r["name"], *(r["aliases"] or [])] for r in lone_rows}
    for lone, target in sorted(set(zip(pairs["entity_id"], pairs["joined_id"]))):
        forms.setdefault(target, set()).update(by_lone.get(lone, []))
    extra = spark.createDataFrame([(t, sorted(f)) for t, f in sorted(forms.items())], "entity_id string, _extra array<string>")
    order = entities.columns
    e = (entities.join(counts, "entity_id", "left").join(F.broadcast(extra), "entity_id", "left")
         .filter(~F.col("entity_id").isin(touched) | F.col("_n").isNotNull())
         .withColumn("n_mentions", F.coalesce("_n", "n_mentions"))
         .withColumn("n_documents", F.coalesce("_d", "n_documents"))
         .withColumn("aliases", F.when(F.col("_extra").isNull(), F.col("aliases")).otherwise(
             # array_remove with a column for its element: SQL, as PySpark < 4 takes only a value.
             F.expr("array_sort(array_remove(array_distinct(concat(aliases, _extra)), name))"))))
    out["entities"] = e.select(*order)
    return out
