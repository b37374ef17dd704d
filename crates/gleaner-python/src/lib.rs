//! `gleaner._gleaner`: the native half of the `gleaner` Python package.
//!
//! Documents go in as Python strings or an Arrow record batch (through the Arrow C data
//! interface, no Python object per row); the contract's tables come back as pyarrow record
//! batches built by `gleaner_export::Batches`, the same rows the CLI writes. The GIL is released
//! while documents are ingested and extracted on rayon's threads. The pure-Python half
//! (`python/gleaner/__init__.py`) turns the batches into `pyarrow.Table`s.

use std::collections::HashSet;

use arrow_array::{
    Array, Date32Array, Int32Array, Int64Array, LargeStringArray, RecordBatch, StringArray, StringViewArray,
    UInt32Array, UInt64Array,
};
use arrow_pyarrow::PyArrowType;
use gleaner_cli::{process, Outcome, RunOptions};
use gleaner_export::{Batches, Formats};
use gleaner_extract::Pipeline;
use gleaner_ingest::{
    clean_metadata_text, duplicate_id_issue, missing_text_issue, parse_published, parse_user_date, published_metadata,
    Body, Item, Metadata, RawDocument,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

create_exception!(_gleaner, GleanerError, PyException, "A run of gleaner could not complete.");

type Tables = Vec<(String, PyArrowType<RecordBatch>)>;

fn published(s: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    match s {
        None => Ok(None),
        // The CLI's wording for --published.
        Some(s) => parse_user_date(s).map(Some).map_err(PyValueError::new_err),
    }
}

/// Ingests and extracts `items` in parallel, then writes them in order; lone surnames are
/// joined across the documents when `corpus_joins`.
fn tables(items: Vec<Item>, corpus_joins: bool) -> Result<Vec<(&'static str, RecordBatch)>, String> {
    let pipeline = Pipeline::standard();
    let outcomes: Vec<Outcome> = items.into_par_iter().map(|item| process(item, &pipeline)).collect();
    let mut out = if corpus_joins { Batches::new() } else { Batches::without_corpus_joins() };
    for outcome in &outcomes {
        let written = match outcome {
            Outcome::Issue(issue) => out.write_issue(issue),
            Outcome::Doc(found, issues) => {
                issues.iter().try_for_each(|i| out.write_issue(i)).and_then(|_| out.write_document(&found.0, &found.1))
            }
            Outcome::Begin(doc, issues) => {
                issues.iter().try_for_each(|i| out.write_issue(i)).and_then(|_| out.begin_document(doc))
            }
            Outcome::Rows(doc, found) => out.write_rows(doc, found),
        };
        written.map_err(|e| e.to_string())?;
    }
    out.finish().map_err(|e| e.to_string())
}

fn to_python(result: Result<Vec<(&'static str, RecordBatch)>, String>) -> PyResult<Tables> {
    let batches = result.map_err(GleanerError::new_err)?;
    Ok(batches.into_iter().map(|(name, b)| (name.to_owned(), PyArrowType(b))).collect())
}

/// Extracts the tables of one text: `[(table name, pyarrow.RecordBatch)]`.
#[pyfunction]
#[pyo3(signature = (text, *, doc_id = None, published = None))]
fn extract(py: Python<'_>, text: String, doc_id: Option<String>, published: Option<String>) -> PyResult<Tables> {
    let date = self::published(published.as_deref())?;
    let doc_id = doc_id.unwrap_or_else(|| "text".to_owned());
    let raw = RawDocument {
        source: doc_id.clone(),
        doc_id,
        body: Body::Text(text),
        meta: Metadata { published: date, ..Metadata::default() },
        issues: Vec::new(),
    };
    to_python(py.detach(|| tables(vec![Item::Doc(raw)], true)))
}

/// A column of strings, whatever the Arrow string type (and integers as their digits).
enum Strings<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
    I64(&'a Int64Array),
    I32(&'a Int32Array),
    U64(&'a UInt64Array),
    U32(&'a UInt32Array),
    Date(&'a Date32Array),
}

impl<'a> Strings<'a> {
    fn of(array: &'a dyn Array, name: &str) -> PyResult<Strings<'a>> {
        let any = array.as_any();
        if let Some(a) = any.downcast_ref::<StringArray>() {
            return Ok(Strings::Utf8(a));
        }
        if let Some(a) = any.downcast_ref::<LargeStringArray>() {
            return Ok(Strings::Large(a));
        }
        if let Some(a) = any.downcast_ref::<StringViewArray>() {
            return Ok(Strings::View(a));
        }
        if let Some(a) = any.downcast_ref::<Int64Array>() {
            return Ok(Strings::I64(a));
        }
        if let Some(a) = any.downcast_ref::<Int32Array>() {
            return Ok(Strings::I32(a));
        }
        if let Some(a) = any.downcast_ref::<UInt64Array>() {
            return Ok(Strings::U64(a));
        }
        if let Some(a) = any.downcast_ref::<UInt32Array>() {
            return Ok(Strings::U32(a));
        }
        if let Some(a) = any.downcast_ref::<Date32Array>() {
            return Ok(Strings::Date(a));
        }
        Err(PyValueError::new_err(format!(
            "column {name:?} has type {}; expected strings (or integers for an id, dates for published)",
            array.data_type()
        )))
    }

    fn get(&self, i: usize) -> Option<String> {
        macro_rules! pick {
            ($a:expr, $f:expr) => {
                if $a.is_null(i) {
                    None
                } else {
                    Some($f($a.value(i)))
                }
            };
        }
        match self {
            Strings::Utf8(a) => pick!(a, |v: &str| v.to_owned()),
            Strings::Large(a) => pick!(a, |v: &str| v.to_owned()),
            Strings::View(a) => pick!(a, |v: &str| v.to_owned()),
            Strings::I64(a) => pick!(a, |v: i64| v.to_string()),
            Strings::I32(a) => pick!(a, |v: i32| v.to_string()),
            Strings::U64(a) => pick!(a, |v: u64| v.to_string()),
            Strings::U32(a) => pick!(a, |v: u32| v.to_string()),
            Strings::Date(a) => {
                if a.is_null(i) {
                    None
                } else {
                    a.value_as_date(i).map(|d| d.format("%Y-%m-%d").to_string())
                }
            }
        }
    }
}

/// Extracts the tables of every row of a record batch: one document per row, `text` its text,
/// `id` its doc_id (a row without one gets `batch#<row number>`, 1-based), `published` its
/// document date (a `YYYY-MM-DD` string or a date); `title` and `author` columns are read when
/// present. A row without text, a duplicate id or a bad date becomes an `errors` row, as in the
/// CLI. The batch is the corpus: a lone surname is joined across its documents as `gleaner run`
/// joins it, unless `corpus_joins` is false (a caller that joins over the whole corpus itself).
#[pyfunction]
#[pyo3(signature = (batch, text = "text", id = "id", published = "published", metadata = "\u{0}none", corpus_joins = true))]
fn extract_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    text: &str,
    id: &str,
    published: &str,
    metadata: &str,
    corpus_joins: bool,
) -> PyResult<Tables> {
    let batch = batch.0;
    let schema = batch.schema();
    let column = |name: &str| schema.index_of(name).ok().map(|i| batch.column(i).as_ref());
    let texts = column(text)
        .ok_or_else(|| PyValueError::new_err(format!("the batch has no {text:?} column")))
        .and_then(|a| Strings::of(a, text))?;
    let ids = column(id).map(|a| Strings::of(a, id)).transpose()?;
    let dates = column(published).map(|a| Strings::of(a, published)).transpose()?;
    // As in a JSONL record: `title` and `author` columns fill those fields when present.
    let titles = column("title").map(|a| Strings::of(a, "title")).transpose()?;
    let authors = column("author").map(|a| Strings::of(a, "author")).transpose()?;
    // The other columns of the row, as one JSON object (built by the Python side).
    let extras = column(metadata).map(|a| Strings::of(a, metadata)).transpose()?;
    let nonblank = |s: Option<String>| s.as_deref().and_then(clean_metadata_text);
    let mut items = Vec::with_capacity(batch.num_rows());
    let mut seen = HashSet::new();
    for row in 0..batch.num_rows() {
        let fallback = format!("batch#{}", row + 1);
        let doc_id = ids.as_ref().and_then(|c| c.get(row)).unwrap_or_else(|| fallback.clone());
        let source = doc_id.clone();
        let Some(body) = texts.get(row) else {
            items.push(Item::Issue(missing_text_issue(source)));
            continue;
        };
        if !seen.insert(doc_id.clone()) {
            items.push(Item::Issue(duplicate_id_issue(source, &doc_id)));
            continue;
        }
        let mut issues = Vec::new();
        // As the CLI reads a record's `published`: blank is none, and a date said with more
        // (a time, a zone) is kept verbatim in metadata.
        let raw_date = dates.as_ref().and_then(|c| c.get(row)).as_deref().and_then(clean_metadata_text);
        let date = raw_date.as_deref().and_then(|p| published_metadata(&source, p, &mut issues));
        let mut extra = extras.as_ref().and_then(|c| c.get(row));
        if let Some(raw) = raw_date.filter(|p| parse_published(p).is_ok_and(|d| d.more)) {
            let mut map: serde_json::Map<String, serde_json::Value> =
                extra.as_deref().and_then(|e| serde_json::from_str(e).ok()).unwrap_or_default();
            map.insert("published".to_owned(), serde_json::Value::String(raw));
            extra = Some(serde_json::Value::Object(map).to_string());
        }
        items.push(Item::Doc(RawDocument {
            doc_id,
            source,
            body: Body::Text(body),
            meta: Metadata {
                published: date,
                title: nonblank(titles.as_ref().and_then(|c| c.get(row))),
                author: nonblank(authors.as_ref().and_then(|c| c.get(row))),
                extra,
            },
            issues,
        }));
    }
    to_python(py.detach(|| tables(items, corpus_joins)))
}

/// `gleaner run`: reads `paths` (files, folders, .jsonl), writes the dataset to `out`. Returns
/// `{"rows": {table: count}, "problems": n, "missing_inputs": n, "internal_errors": n}`.
#[pyfunction]
#[pyo3(signature = (paths, out, *, formats = "parquet,csv", jobs = None, published = None, force = false, published_field = None))]
#[allow(clippy::too_many_arguments)]
fn run(
    py: Python<'_>,
    paths: Vec<String>,
    out: std::path::PathBuf,
    formats: &str,
    jobs: Option<usize>,
    published: Option<String>,
    force: bool,
    published_field: Option<String>,
) -> PyResult<Py<PyAny>> {
    let formats: Formats = formats.parse().map_err(PyValueError::new_err)?;
    if paths.is_empty() {
        return Err(PyValueError::new_err("no input: give at least one file or folder"));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let options = RunOptions {
        inputs: paths,
        out,
        formats,
        jobs,
        published: self::published(published.as_deref())?,
        published_field: published_field.clone(),
        progress: false,
        force,
        pipeline: None,
        window_bytes: None,
    };
    // The CLI prints "gleaner: error: MESSAGE"; Python gets the same message.
    let report =
        py.detach(|| gleaner_cli::run(&options)).map_err(|e| GleanerError::new_err(gleaner_cli::error_message(&e)))?;
    let dict = pyo3::types::PyDict::new(py);
    let rows = pyo3::types::PyDict::new(py);
    for (name, n) in &report.summary.tables {
        rows.set_item(*name, *n)?;
    }
    dict.set_item("rows", rows)?;
    dict.set_item("problems", report.problems)?;
    dict.set_item("missing_inputs", report.missing_inputs)?;
    dict.set_item("internal_errors", report.internal_errors)?;
    Ok(dict.into_any().unbind())
}

/// The corpus a Spark job joins over: its `entities` rows (`entity_id`, `label`, `name`,
/// `n_documents`), as finished records.
fn catalog_of(entities: &RecordBatch) -> PyResult<gleaner_extract::EntityCatalog> {
    let column = |name: &str| {
        entities
            .column_by_name(name)
            .ok_or_else(|| PyValueError::new_err(format!("the entities batch has no {name:?} column")))
            .and_then(|a| Strings::of(a.as_ref(), name))
    };
    let (ids, labels, names, docs) = (column("entity_id")?, column("label")?, column("name")?, column("n_documents")?);
    let mut catalog = gleaner_extract::EntityCatalog::new();
    for row in 0..entities.num_rows() {
        let (Some(id), Some(label), Some(name)) = (ids.get(row), labels.get(row), names.get(row)) else { continue };
        let Some(&label) = gleaner_extract::Label::ALL.iter().find(|l| l.as_str() == label) else { continue };
        catalog.insert(gleaner_extract::EntityRecord {
            entity_id: id,
            label,
            name,
            aliases: Default::default(),
            n_mentions: 0,
            n_documents: docs.get(row).and_then(|d| d.parse().ok()).unwrap_or(0),
            place: None,
        });
    }
    Ok(catalog)
}

/// The entity ids whose documents the joins read (lone surnames and the longer names of their
/// surnames), from a corpus's merged `entities` batch; empty when nothing can be joined.
#[pyfunction]
fn _join_ids(entities: PyArrowType<RecordBatch>) -> PyResult<Vec<String>> {
    let catalog = catalog_of(&entities.0)?;
    Ok(gleaner_extract::CorpusJoins::new(&catalog).map(|j| j.ids().map(str::to_owned).collect()).unwrap_or_default())
}

/// The joins of lone surnames across a corpus, as `gleaner run` makes them: from its merged
/// `entities` batch, the `(doc_id, entity_id)` of the mentions of every document that names an
/// id of `_join_ids` (any order), and the number of documents with mentions in the whole
/// corpus. Returns a batch `(doc_id, entity_id, joined_id)`: the new id of that entity's
/// mentions in that document.
#[pyfunction]
fn _corpus_joins(
    entities: PyArrowType<RecordBatch>,
    mentions: PyArrowType<RecordBatch>,
    documents: u64,
) -> PyResult<PyArrowType<RecordBatch>> {
    let catalog = catalog_of(&entities.0)?;
    let column = |name: &str| {
        mentions
            .0
            .column_by_name(name)
            .ok_or_else(|| PyValueError::new_err(format!("the mentions batch has no {name:?} column")))
            .and_then(|a| Strings::of(a.as_ref(), name))
    };
    let (docs, ids) = (column("doc_id")?, column("entity_id")?);
    let mut rows: Vec<(String, String)> =
        (0..mentions.0.num_rows()).filter_map(|r| Some((docs.get(r)?, ids.get(r)?))).collect();
    // A document's mentions together (their order within it does not matter).
    rows.sort_unstable();
    let mut joined: Vec<(String, String, String)> = Vec::new();
    if let Some(mut joins) = gleaner_extract::CorpusJoins::new(&catalog).map(|j| j.counting_documents(documents)) {
        let by_doc: Vec<&[(String, String)]> = rows.chunk_by(|a, b| a.0 == b.0).collect();
        for doc in &by_doc {
            joins.observe(doc.iter().map(|(_, id)| id.as_str()));
        }
        for doc in &by_doc {
            joins.decide(&doc[0].0, doc.iter().map(|(_, id)| id.as_str()));
        }
        for doc in &by_doc {
            joins.enrich(&doc[0].0, doc.iter().map(|(_, id)| id.as_str()));
        }
        for doc in &by_doc {
            joins.decide(&doc[0].0, doc.iter().map(|(_, id)| id.as_str()));
        }
        joined = joins.joined().into_iter().map(|(d, l, t)| (d.to_owned(), l.to_owned(), t.to_owned())).collect();
    }
    let column = |k: usize| -> arrow_array::ArrayRef {
        std::sync::Arc::new(joined.iter().map(|j| Some([&j.0, &j.1, &j.2][k].as_str())).collect::<StringArray>())
    };
    RecordBatch::try_from_iter([("doc_id", column(0)), ("entity_id", column(1)), ("joined_id", column(2))])
        .map(PyArrowType)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The native module.
#[pymodule]
fn _gleaner(m: &Bound<'_, PyModule>) -> PyResult<()> {
    gleaner_extract::guard::quiet_caught_panics();
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(_join_ids, m)?)?;
    m.add_function(wrap_pyfunction!(_corpus_joins, m)?)?;
    // The contract's schema (tables, columns, types, meanings) as `gleaner schema --json` prints it:
    // Python reads its list of tables from here, never from a copy of its own.
    m.add("SCHEMA_JSON", gleaner_export::schema_json().to_string())?;
    m.add("GleanerError", m.py().get_type::<GleanerError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
