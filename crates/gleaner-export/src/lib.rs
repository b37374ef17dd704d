//! The gleaner dataset: the contract's tables as Arrow, streamed to Parquet and CSV.
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

mod joins;
mod schema;
mod sink;
mod staging;
#[macro_use]
mod tables;

pub use schema::{duckdb_views, schema_json, Column, ColumnType, Table, SCHEMA_VERSION};
pub use sink::arrow_schema;
pub use staging::{abandon_open_datasets, Abandoned, FolderKind, Owned, Staging, DATASET};
pub use tables::dates::DATES;
pub use tables::documents::DOCUMENTS;
pub use tables::entities::ENTITIES;
pub use tables::errors::ERRORS;
pub use tables::mentions::MENTIONS;
pub use tables::numbers::NUMBERS;
pub use tables::relations::RELATIONS;
pub use tables::sentences::SENTENCES;
pub use tables::TABLES;

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use gleaner_extract::{EntityCatalog, Extraction};
use gleaner_ingest::{CharIndex, Document, Issue};
use serde::Serialize;
use sink::{TableOut, Target};
use tables::{write_each, Cx, Source, REGISTRY};

/// Which files to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Formats {
    /// Write `<table>.parquet`.
    pub parquet: bool,
    /// Write `<table>.csv` (exact: for programs).
    pub csv: bool,
    /// Write `<table>.sheet.csv`: CSV for spreadsheets (UTF-8 with a byte order mark, and a text
    /// cell that a spreadsheet would run as a formula, one starting with `=`, `+`, `-`, `@`, tab
    /// or carriage return, or one starting with `'` itself, is prefixed with `'`, which the
    /// spreadsheet hides). Not for programs: those cells differ from the text.
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

/// The rows of every table, built once from documents and their extractions and handed to
/// every sink of the target (one per format, or memory).
#[derive(Debug)]
struct Rows {
    /// One output per table, in [`REGISTRY`] order.
    tables: Vec<TableOut>,
    catalog: EntityCatalog,
    /// The index of the next row of each table for the document being written (its rows may
    /// come in parts).
    next_idx: Vec<usize>,
    /// The code-point index of the document being written (its id and the index's blocks): built
    /// once per document, however many parts its rows come in.
    index: (String, Vec<u32>),
    target: Target,
    /// Join lone surnames across documents at the end (see `joins`).
    corpus_joins: bool,
}

/// Streams a dataset to a folder. See the crate docs.
#[derive(Debug)]
pub struct DatasetWriter {
    dir: PathBuf,
    formats: Formats,
    rows: Rows,
}

impl DatasetWriter {
    /// Creates `dir` if needed and opens every table in it, in every format of `formats` (under
    /// its final name: make `dir` a [`Staging`] folder to replace a dataset atomically). Each
    /// row is built once and handed to each format's file.
    pub fn create(dir: &Path, formats: Formats) -> Result<DatasetWriter, ExportError> {
        std::fs::create_dir_all(dir).map_err(|e| ExportError::io(dir, e))?;
        let rows = Rows::open(&Target::Files(dir.to_owned(), formats))?;
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

impl Rows {
    fn open(target: &Target) -> Result<Rows, ExportError> {
        let tables = REGISTRY.iter().map(|(t, _)| TableOut::open(target, t)).collect::<Result<Vec<_>, _>>()?;
        Ok(Rows {
            next_idx: vec![0; tables.len()],
            tables,
            catalog: EntityCatalog::new(),
            index: (String::new(), Vec::new()),
            target: target.clone(),
            corpus_joins: true,
        })
    }

    /// The output of the table whose rows come from `source`.
    fn table(&mut self, source: fn(&Source) -> bool) -> &mut TableOut {
        let i = REGISTRY.iter().position(|(_, s)| source(s)).expect("every source has a table");
        &mut self.tables[i]
    }

    fn write_issue(&mut self, issue: &Issue) -> Result<(), ExportError> {
        self.table(|s| matches!(s, Source::Errors)).push(&tables::errors::cells(issue, ()))
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
        self.next_idx.fill(0);
        self.index.0.clear();
        let index = self.char_index(doc);
        let cx = Cx::new(doc, &index);
        for ((_, source), out) in REGISTRY.iter().zip(&mut self.tables) {
            match source {
                Source::Document => out.push(&tables::documents::cells(doc, cx))?,
                Source::Sentence => write_each(&doc.sentences, cx, out, tables::sentences::cells)?,
                _ => {}
            }
        }
        self.keep_index(doc, index);
        Ok(())
    }

    fn write_rows(&mut self, doc: &Document, found: &Extraction) -> Result<(), ExportError> {
        let index = self.char_index(doc);
        let cx = Cx::new(doc, &index);
        // The first index of the table before, for a table nested in it (`event_roles`).
        let mut parent_idx = 0;
        for (((_, source), out), next) in REGISTRY.iter().zip(&mut self.tables).zip(&mut self.next_idx) {
            if let Source::Extracted(rows) = source {
                (rows.write)(found, Cx { idx: *next, parent_idx, ..cx }, out)?;
                parent_idx = *next;
                *next += (rows.len)(found);
            }
        }
        for issue in &found.issues {
            self.write_issue(issue)?;
        }
        self.catalog.add(doc, found);
        self.keep_index(doc, index);
        Ok(())
    }

    /// Closes every table but `entities`, joins lone surnames across documents (rewriting the
    /// id columns of what was written), then writes `entities` and closes it: `(table, rows,
    /// batch of a memory table)` in [`TABLES`] order.
    #[allow(clippy::type_complexity)]
    fn finish(mut self) -> Result<Vec<(&'static str, u64, Option<RecordBatch>)>, ExportError> {
        let at = REGISTRY.iter().position(|(_, s)| matches!(s, Source::Entities)).expect("an entities table");
        let mut entities = self.tables.remove(at);
        let mut done = std::mem::take(&mut self.tables)
            .into_iter()
            .map(|t| {
                let name = t.table.name;
                t.finish().map(|(rows, batch)| (name, rows, batch))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(joins) = self.corpus_joins.then(|| gleaner_extract::CorpusJoins::new(&self.catalog)).flatten() {
            let joins = match &self.target {
                Target::Files(dir, formats) => joins::join_files(dir, *formats, joins)?,
                Target::Memory => {
                    let mut batches: Vec<_> = done.iter_mut().map(|(name, _, b)| (*name, b.take())).collect();
                    let joins = joins::join_batches(&mut batches, joins)?;
                    for ((_, _, b), (_, new)) in done.iter_mut().zip(batches) {
                        *b = new;
                    }
                    joins
                }
            };
            self.catalog.apply_joins(&joins);
        }
        for rec in self.catalog.records() {
            entities.push(&tables::entities::cells(rec, ()))?;
        }
        let name = entities.table.name;
        let (rows, batch) = entities.finish()?;
        done.insert(at, (name, rows, batch));
        Ok(done)
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
    /// manifest itself, with [`write_manifest`], once it knows more of the run.
    pub fn finish_tables(self) -> Result<Summary, ExportError> {
        let tables = self.rows.finish()?.into_iter().map(|(name, rows, _)| (name, rows)).collect();
        Ok(Summary { tables })
    }
}

/// The dataset in memory: the contract's tables as Arrow record batches, built from documents
/// exactly as [`DatasetWriter`] writes them (same rows, same order, same schema). For callers
/// that hand tables on without files (the Python bindings).
///
/// ```
/// use gleaner_export::{Batches, TABLES};
/// use gleaner_extract::Pipeline;
/// use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
///
/// let raw = RawDocument { doc_id: "d1".into(), source: "d1".into(),
///     body: Body::Text("Hello World. My name is Jonas.".into()), meta: Metadata::default(), issues: vec![] };
/// let (doc, _) = ingest(raw).unwrap();
/// let mut out = Batches::new();
/// out.write_document(&doc, &Pipeline::standard().run(&doc)).unwrap();
/// let tables = out.finish().unwrap();
/// assert_eq!(tables.len(), TABLES.len());
/// let (name, sentences) = &tables[1];
/// assert_eq!((*name, sentences.num_rows()), ("sentences", 2));
/// ```
#[derive(Debug)]
pub struct Batches {
    rows: Rows,
}

impl Default for Batches {
    fn default() -> Batches {
        Batches::new()
    }
}

impl Batches {
    /// Empty tables.
    pub fn new() -> Batches {
        Batches { rows: Rows::open(&Target::Memory).expect("memory tables open without IO") }
    }

    /// Empty tables whose lone surnames are never joined across documents: for a caller that
    /// sees the corpus in parts (a Spark batch) and joins once over the whole of it, as
    /// `gleaner.spark` does. Joins within a document are made as ever.
    pub fn without_corpus_joins() -> Batches {
        let mut batches = Batches::new();
        batches.rows.corpus_joins = false;
        batches
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

    /// Every table, in [`TABLES`] order, `entities` aggregated over every document added.
    pub fn finish(self) -> Result<Vec<(&'static str, RecordBatch)>, ExportError> {
        self.rows
            .finish()?
            .into_iter()
            .map(|(name, _, batch)| {
                batch.map(|b| (name, b)).ok_or_else(|| {
                    ExportError::io(Path::new("<memory>"), std::io::Error::other("a memory table gave no batch"))
                })
            })
            .collect()
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
