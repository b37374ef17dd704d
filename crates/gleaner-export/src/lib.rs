//! The gleaner dataset: the contract's eight tables as Arrow, streamed to Parquet and CSV.
//!
//! A [`DatasetWriter`] takes documents with their extractions (and `errors` rows) one at a time,
//! in the order they should appear, converts byte offsets to code-point offsets, and streams every
//! table to `<dir>/<table>.parquet` and `<dir>/<table>.csv` in bounded row groups;
//! [`DatasetWriter::finish`] writes the `entities` table and `manifest.json`. The same documents in
//! the same order give byte-identical files.
//!
//! To replace a dataset whole or not at all, write it into a [`Staging`] folder and commit that:
//! until [`Staging::commit`], the target folder holds the previous dataset, untouched.
//!
//! ```
//! use gleaner_export::{DatasetWriter, Formats, RunInfo, Staging};
//! use gleaner_extract::Pipeline;
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let dir = std::env::temp_dir().join(format!("gleaner-doctest-{}", std::process::id()));
//! let raw = RawDocument { doc_id: "d1".into(), source: "d1.txt".into(),
//!     body: Body::Text("Hello World. My name is Jonas.".into()), meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::standard().run(&doc);
//!
//! let staging = Staging::begin(&dir, false).unwrap();
//! let mut out = DatasetWriter::create(&staging.path(), Formats::default()).unwrap();
//! out.write_document(&doc, &found).unwrap();
//! let summary = out.finish(&RunInfo::default()).unwrap();
//! assert!(!dir.join("manifest.json").exists(), "nothing is in place before the commit");
//! staging.commit().unwrap();
//! assert_eq!(summary.rows("sentences"), Some(2));
//! let csv = std::fs::read_to_string(dir.join("sentences.csv")).unwrap();
//! assert!(csv.contains("My name is Jonas."));
//! assert!(dir.join("documents.parquet").exists() && dir.join("manifest.json").exists());
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
#![deny(missing_docs)]

mod schema;
mod staging;
mod table;

pub use schema::{
    duckdb_views, schema_json, Column, ColumnType, Table, DATES, DOCUMENTS, ENTITIES, ERRORS, MENTIONS, NUMBERS,
    RELATIONS, SCHEMA_VERSION, SENTENCES, TABLES,
};
pub use staging::{abandon_open_datasets, Abandoned, Staging};
pub use table::arrow_schema;

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use gleaner_extract::{EntityCatalog, Extraction};
use gleaner_ingest::{CharIndex, Document, Issue};
use serde::Serialize;
use table::{Cell, MemoryTable, RowSink, TableWriter};

/// Which files to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Formats {
    /// Write `<table>.parquet`.
    pub parquet: bool,
    /// Write `<table>.csv` (exact: for programs).
    pub csv: bool,
    /// Write `<table>.sheet.csv`: CSV for spreadsheets (UTF-8 with a byte order mark, and a text
    /// cell that a spreadsheet would run as a formula, one starting with `=`, `+`, `-`, `@`, tab
    /// or carriage return, is prefixed with `'`). Not for programs: those cells differ from the
    /// text.
    pub sheet: bool,
}

impl Default for Formats {
    fn default() -> Formats {
        Formats { parquet: true, csv: true, sheet: false }
    }
}

impl Formats {
    /// No format.
    pub const NONE: Formats = Formats { parquet: false, csv: false, sheet: false };

    /// The formats' names, in the order `manifest.json` lists them.
    pub fn names(self) -> Vec<&'static str> {
        [(self.parquet, "parquet"), (self.csv, "csv"), (self.sheet, "sheet")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect()
    }

    /// The file a table has in format `name` (`parquet`, `csv`, `sheet`).
    pub fn file_name(table: &str, name: &str) -> String {
        match name {
            "sheet" => format!("{table}.sheet.csv"),
            other => format!("{table}.{other}"),
        }
    }
}

impl std::str::FromStr for Formats {
    type Err = String;

    /// `parquet`, `csv`, `sheet`, or several separated by commas.
    fn from_str(s: &str) -> Result<Formats, String> {
        let mut f = Formats::NONE;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.to_ascii_lowercase().as_str() {
                "parquet" => f.parquet = true,
                "csv" => f.csv = true,
                "sheet" => f.sheet = true,
                other => {
                    return Err(format!("unknown format {other:?}: use parquet, csv or sheet, separated by commas"))
                }
            }
        }
        if f == Formats::NONE {
            return Err("no format given: use parquet, csv or sheet, separated by commas".to_owned());
        }
        Ok(f)
    }
}

/// Errors that stop a dataset from being written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A file could not be created, written or renamed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The Parquet writer failed.
    #[error("{path}: {source}")]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        source: parquet::errors::ParquetError,
    },
    /// An Arrow batch could not be built.
    #[error("{path}: {source}")]
    Arrow {
        /// The file.
        path: PathBuf,
        /// Why.
        source: arrow_schema::ArrowError,
    },
    /// The output folder is not one a dataset may replace (see [`Staging`]).
    #[error("will not write the dataset to {path}: {why}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why, and what to do.
        why: String,
    },
}

impl ExportError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> ExportError {
        ExportError::Io { path: path.to_owned(), source }
    }
    pub(crate) fn parquet(path: &Path, source: parquet::errors::ParquetError) -> ExportError {
        ExportError::Parquet { path: path.to_owned(), source }
    }
    pub(crate) fn arrow(path: &Path, source: arrow_schema::ArrowError) -> ExportError {
        ExportError::Arrow { path: path.to_owned(), source }
    }
}

/// What `manifest.json` says about the run, besides row counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RunInfo {
    /// Inputs as named on the command line.
    pub inputs: Vec<String>,
    /// Worker threads.
    pub jobs: usize,
    /// Fallback document date, if given.
    pub published: Option<String>,
    /// Extractors that ran.
    pub extractors: Vec<String>,
    /// Bytes read.
    pub bytes_read: u64,
    /// Wall-clock seconds of the run so far.
    pub seconds: f64,
}

/// Row counts of a finished dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// `(table, rows)`, in [`TABLES`] order.
    pub tables: Vec<(&'static str, u64)>,
}

impl Summary {
    /// Rows written to `table`.
    pub fn rows(&self, table: &str) -> Option<u64> {
        self.tables.iter().find(|(t, _)| *t == table).map(|&(_, n)| n)
    }
}

/// The rows of every table, built from documents and their extractions; generic over where
/// rows go (files or memory), so both outputs read documents the same way.
#[derive(Debug)]
struct Rows<S> {
    documents: S,
    sentences: S,
    mentions: S,
    numbers: S,
    dates: S,
    relations: S,
    errors: S,
    catalog: EntityCatalog,
    list_scratch: Vec<String>,
    /// The next `mention_idx`, `number_idx`, `date_idx`, `relation_idx` of the document being
    /// written (its rows may come in parts).
    next_idx: [usize; 4],
    /// The code-point index of the document being written (its id and the index's blocks): built
    /// once per document, however many parts its rows come in.
    index: (String, Vec<u32>),
}

/// Streams a dataset to a folder. See the crate docs.
#[derive(Debug)]
pub struct DatasetWriter {
    dir: PathBuf,
    formats: Formats,
    rows: Rows<TableWriter>,
}

impl DatasetWriter {
    /// Creates `dir` if needed and opens every table in it (under its final name: make `dir` a
    /// [`Staging`] folder to replace a dataset atomically).
    pub fn create(dir: &Path, formats: Formats) -> Result<DatasetWriter, ExportError> {
        std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
        let open = |t: &'static Table| TableWriter::create(dir, t, formats);
        let rows = Rows {
            documents: open(&DOCUMENTS)?,
            sentences: open(&SENTENCES)?,
            mentions: open(&MENTIONS)?,
            numbers: open(&NUMBERS)?,
            dates: open(&DATES)?,
            relations: open(&RELATIONS)?,
            errors: open(&ERRORS)?,
            catalog: EntityCatalog::new(),
            list_scratch: Vec::new(),
            next_idx: [0; 4],
            index: (String::new(), Vec::new()),
        };
        Ok(DatasetWriter { dir: dir.to_owned(), formats, rows })
    }

    /// Writes an `errors` row.
    pub fn write_issue(&mut self, issue: &Issue) -> Result<(), ExportError> {
        self.rows.write_issue(issue)
    }

    /// Writes one document, its sentences and everything extracted from it.
    pub fn write_document(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        self.rows.begin_document(doc)?;
        self.rows.write_rows(doc, found)
    }

    /// Writes one document and its sentences; what is extracted from it follows, in one or more
    /// [`DatasetWriter::write_rows`] calls (a long document extracted window by window).
    pub fn begin_document(&mut self, doc: &Document) -> Result<(), ExportError> {
        self.rows.begin_document(doc)
    }

    /// Writes rows extracted from the document begun last (after the rows written for it
    /// before: their indices go on).
    pub fn write_rows(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        self.rows.write_rows(doc, found)
    }
}

impl<S: RowSink> Rows<S> {
    fn write_issue(&mut self, issue: &Issue) -> Result<(), ExportError> {
        self.errors.push(&[
            Cell::Str(&issue.source),
            Cell::Str(issue.stage),
            Cell::Str(issue.kind),
            Cell::Str(&issue.message),
        ])
    }

    /// The `entities` rows of every document written so far.
    fn write_entities(&mut self, entities: &mut impl RowSink) -> Result<(), ExportError> {
        for rec in self.catalog.records() {
            self.list_scratch.clear();
            self.list_scratch.extend(rec.aliases.iter().cloned());
            let aliases: Vec<&str> = self.list_scratch.iter().map(String::as_str).collect();
            entities.push(&[
                Cell::Str(&rec.entity_id),
                Cell::Str(&rec.label),
                Cell::Str(&rec.name),
                Cell::List(&aliases),
                Cell::Int(rec.n_mentions as i64),
                Cell::Int(rec.n_documents as i64),
            ])?;
        }
        Ok(())
    }

    /// The code-point index of `doc`, from the cache when it is the document being written.
    fn char_index<'d>(&mut self, doc: &'d Document) -> CharIndex<'d> {
        if self.index.0 == doc.doc_id {
            CharIndex::reuse(&doc.text, std::mem::take(&mut self.index.1))
        } else {
            doc.char_index()
        }
    }

    fn keep_index(&mut self, doc: &Document, index: CharIndex<'_>) {
        self.index.0.clone_from(&doc.doc_id);
        self.index.1 = index.into_blocks();
    }

    fn begin_document(&mut self, doc: &Document) -> Result<(), ExportError> {
        self.next_idx = [0; 4];
        self.index.0.clear();
        let index = self.char_index(doc);
        let at = |byte: u32| Cell::Int(index.char_offset(byte) as i64);
        let id = doc.doc_id.as_str();
        let meta = &doc.meta;
        self.documents.push(&[
            Cell::Str(id),
            Cell::Str(&doc.source),
            Cell::OptStr(meta.title.as_deref()),
            Cell::OptStr(meta.author.as_deref()),
            Cell::OptDate(meta.published),
            Cell::Str(doc.language),
            Cell::Str(&doc.text),
            at(doc.text.len() as u32),
            Cell::Int(doc.sentences.len() as i64),
            Cell::Int(doc.tokens.len() as i64),
            Cell::Str(&doc.sha256),
            Cell::OptStr(meta.extra.as_deref()),
        ])?;
        for (i, s) in doc.sentences.iter().enumerate() {
            self.sentences.push(&[
                Cell::Str(id),
                Cell::Int(i as i64),
                Cell::Int(s.paragraph as i64),
                at(s.span.start),
                at(s.span.end),
                Cell::Str(doc.slice(s.span)),
                Cell::Str(s.zone.as_str()),
            ])?;
        }
        self.keep_index(doc, index);
        Ok(())
    }

    fn write_rows(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        let index = self.char_index(doc);
        let at = |byte: u32| Cell::Int(index.char_offset(byte) as i64);
        let id = doc.doc_id.as_str();
        let [m0, n0, d0, r0] = self.next_idx;
        self.next_idx =
            [m0 + found.mentions.len(), n0 + found.numbers.len(), d0 + found.dates.len(), r0 + found.relations.len()];
        for (i, m) in found.mentions.iter().enumerate() {
            let i = m0 + i;
            self.mentions.push(&[
                Cell::Str(id),
                Cell::Int(i as i64),
                Cell::Int(m.sentence as i64),
                at(m.span.start),
                at(m.span.end),
                Cell::Str(doc.slice(m.span)),
                Cell::Str(m.label),
                Cell::Str(&m.entity_id),
                Cell::Float(m.confidence as f64),
                Cell::Str(m.method),
            ])?;
        }
        for (i, n) in found.numbers.iter().enumerate() {
            let i = n0 + i;
            self.numbers.push(&[
                Cell::Str(id),
                Cell::Int(i as i64),
                Cell::Int(n.sentence as i64),
                at(n.span.start),
                at(n.span.end),
                Cell::Str(doc.slice(n.span)),
                Cell::OptFloat(n.value),
                Cell::OptFloat(n.low),
                Cell::OptFloat(n.high),
                Cell::Str(n.qualifier.as_str()),
                Cell::Str(n.kind.as_str()),
                Cell::OptStr(n.unit.as_deref()),
                Cell::OptStr(n.counted.as_deref()),
                Cell::OptStr(n.event.as_deref()),
            ])?;
        }
        for (i, d) in found.dates.iter().enumerate() {
            let i = d0 + i;
            self.dates.push(&[
                Cell::Str(id),
                Cell::Int(i as i64),
                Cell::Int(d.sentence as i64),
                at(d.span.start),
                at(d.span.end),
                Cell::Str(doc.slice(d.span)),
                Cell::Str(d.kind.as_str()),
                Cell::Str(&d.value),
                Cell::OptStr(d.modifier),
                Cell::OptDate(d.range_start),
                Cell::OptDate(d.range_end),
                Cell::Bool(d.anchored),
                Cell::OptDate(d.anchor),
            ])?;
        }
        for (i, r) in found.relations.iter().enumerate() {
            let i = r0 + i;
            self.relations.push(&[
                Cell::Str(id),
                Cell::Int(i as i64),
                Cell::Int(r.sentence as i64),
                Cell::Str(&r.subject.entity_id),
                Cell::Str(doc.slice(r.subject.span)),
                at(r.subject.span.start),
                at(r.subject.span.end),
                Cell::Str(r.predicate),
                Cell::Str(&r.object.entity_id),
                Cell::Str(doc.slice(r.object.span)),
                at(r.object.span.start),
                at(r.object.span.end),
                at(r.evidence.start),
                at(r.evidence.end),
                Cell::Str(doc.slice(r.evidence)),
                Cell::Float(r.confidence as f64),
                Cell::Str(r.method),
            ])?;
        }
        for issue in &found.issues {
            self.write_issue(issue)?;
        }
        self.catalog.add(doc, found);
        self.keep_index(doc, index);
        Ok(())
    }
}

impl DatasetWriter {
    /// Writes the `entities` table, closes every file and writes `manifest.json`.
    pub fn finish(self, run: &RunInfo) -> Result<Summary, ExportError> {
        let (dir, formats) = (self.dir.clone(), self.formats);
        let summary = self.finish_tables()?;
        write_manifest(&dir, formats, run, &summary)?;
        Ok(summary)
    }

    /// Like [`DatasetWriter::finish`], without `manifest.json`: for a caller that writes the
    /// formats with two writers (on two threads) and one manifest with [`write_manifest`].
    pub fn finish_tables(mut self) -> Result<Summary, ExportError> {
        let mut entities = TableWriter::create(&self.dir, &ENTITIES, self.formats)?;
        self.rows.write_entities(&mut entities)?;
        let r = self.rows;
        let mut tables = vec![
            ("documents", r.documents.finish()?),
            ("sentences", r.sentences.finish()?),
            ("mentions", r.mentions.finish()?),
            ("entities", entities.finish()?),
            ("numbers", r.numbers.finish()?),
            ("dates", r.dates.finish()?),
            ("relations", r.relations.finish()?),
            ("errors", r.errors.finish()?),
        ];
        tables.sort_by_key(|(name, _)| TABLES.iter().position(|t| t.name == *name));
        Ok(Summary { tables })
    }
}

/// The dataset in memory: the contract's eight tables as Arrow record batches, built from
/// documents exactly as [`DatasetWriter`] writes them (same rows, same order, same schema). For
/// callers that hand tables on without files (the Python bindings).
///
/// ```
/// use gleaner_export::Batches;
/// use gleaner_extract::Pipeline;
/// use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
///
/// let raw = RawDocument { doc_id: "d1".into(), source: "d1".into(),
///     body: Body::Text("Hello World. My name is Jonas.".into()), meta: Metadata::default(), issues: vec![] };
/// let (doc, _) = ingest(raw).unwrap();
/// let mut out = Batches::new();
/// out.write_document(&doc, &Pipeline::standard().run(&doc)).unwrap();
/// let tables = out.finish().unwrap();
/// assert_eq!(tables.len(), 8);
/// let (name, sentences) = &tables[1];
/// assert_eq!((*name, sentences.num_rows()), ("sentences", 2));
/// ```
#[derive(Debug)]
pub struct Batches {
    rows: Rows<MemoryTable>,
}

impl Default for Batches {
    fn default() -> Batches {
        Batches::new()
    }
}

impl Batches {
    /// Empty tables.
    pub fn new() -> Batches {
        Batches {
            rows: Rows {
                documents: MemoryTable::new(&DOCUMENTS),
                sentences: MemoryTable::new(&SENTENCES),
                mentions: MemoryTable::new(&MENTIONS),
                numbers: MemoryTable::new(&NUMBERS),
                dates: MemoryTable::new(&DATES),
                relations: MemoryTable::new(&RELATIONS),
                errors: MemoryTable::new(&ERRORS),
                catalog: EntityCatalog::new(),
                list_scratch: Vec::new(),
                next_idx: [0; 4],
                index: (String::new(), Vec::new()),
            },
        }
    }

    /// Adds an `errors` row.
    pub fn write_issue(&mut self, issue: &Issue) -> Result<(), ExportError> {
        self.rows.write_issue(issue)
    }

    /// Adds one document, its sentences and everything extracted from it.
    pub fn write_document(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        self.rows.begin_document(doc)?;
        self.rows.write_rows(doc, found)
    }

    /// Adds one document and its sentences; its rows follow (see
    /// [`DatasetWriter::begin_document`]).
    pub fn begin_document(&mut self, doc: &Document) -> Result<(), ExportError> {
        self.rows.begin_document(doc)
    }

    /// Adds rows extracted from the document begun last.
    pub fn write_rows(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        self.rows.write_rows(doc, found)
    }

    /// The eight tables, in [`TABLES`] order, `entities` aggregated over every document added.
    pub fn finish(mut self) -> Result<Vec<(&'static str, RecordBatch)>, ExportError> {
        let mut entities = MemoryTable::new(&ENTITIES);
        self.rows.write_entities(&mut entities)?;
        let arrow = |e| ExportError::arrow(Path::new("<memory>"), e);
        let r = self.rows;
        let tables = vec![
            ("documents", r.documents.finish().map_err(arrow)?),
            ("sentences", r.sentences.finish().map_err(arrow)?),
            ("mentions", r.mentions.finish().map_err(arrow)?),
            ("entities", entities.finish().map_err(arrow)?),
            ("numbers", r.numbers.finish().map_err(arrow)?),
            ("dates", r.dates.finish().map_err(arrow)?),
            ("relations", r.relations.finish().map_err(arrow)?),
            ("errors", r.errors.finish().map_err(arrow)?),
        ];
        debug_assert!(tables.iter().zip(TABLES.iter()).all(|((n, _), t)| *n == t.name));
        Ok(tables)
    }
}

/// Writes `<dir>/manifest.json`: tool version, schema version, inputs, options, row counts and
/// timings.
pub fn write_manifest(dir: &Path, formats: Formats, run: &RunInfo, summary: &Summary) -> Result<(), ExportError> {
    let formats_list = formats.names();
    let tables: serde_json::Map<String, serde_json::Value> = summary
        .tables
        .iter()
        .map(|(name, rows)| {
            let files: Vec<String> = formats_list.iter().map(|f| Formats::file_name(name, f)).collect();
            (name.to_string(), serde_json::json!({ "rows": rows, "files": files }))
        })
        .collect();
    let manifest = serde_json::json!({
        "tool": "gleaner",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "formats": formats_list,
        "inputs": run.inputs,
        "jobs": run.jobs,
        "published_fallback": run.published,
        "extractors": run.extractors,
        "tables": tables,
        "schema": schema_json()["tables"],
        "bytes_read": run.bytes_read,
        "timings": { "total_seconds": (run.seconds * 1000.0).round() / 1000.0 },
    });
    let dest = dir.join("manifest.json");
    let text = serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n";
    let mut file = std::fs::File::create(&dest).map_err(|e| ExportError::io(&dest, e))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| ExportError::io(&dest, e))?;
    file.sync_all().map_err(|e| ExportError::io(&dest, e))
}
