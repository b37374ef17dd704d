//! Where rows go: one sink per format. A table's rows are built once (see `tables`) and handed
//! to each sink the dataset was opened with: [`ParquetFile`] (Arrow batches encoded on a thread of
//! their own, in bounded row groups), [`CsvFile`] (the contract's CSV, or the spreadsheet
//! variant) and [`MemoryTable`] (one Arrow batch, for the Python bindings). A sink knows nothing
//! of tables but their columns; a table knows nothing of formats.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use crate::schema::{ColumnType, Table};
use crate::{ExportError, Formats};

/// Rows per Parquet row group (and per Arrow batch).
const GROUP_ROWS: usize = 64 * 1024;
/// Bytes of string data buffered before a row group is closed, whatever its row count: keeps
/// memory flat when documents are large.
const GROUP_BYTES: usize = 16 << 20;

/// Columns whose values are nearly all distinct (whole texts, hashes): no dictionary encoding.
const UNIQUE_VALUED: &[&str] = &["text", "sha256", "source", "message", "metadata", "subject_text", "object_text"];

/// One cell of a row, borrowed from the caller: one variant per [`ColumnType`], of the same
/// name (the `table!` macro builds a column's cell by its type's name).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cell<'a> {
    Str(&'a str),
    OptStr(Option<&'a str>),
    Int(i64),
    OptInt(Option<i64>),
    Float(f64),
    OptFloat(Option<f64>),
    Bool(bool),
    OptDate(Option<NaiveDate>),
    StrList(&'a std::collections::BTreeSet<String>),
}

enum Builder {
    Str(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    List(ListBuilder<StringBuilder>),
}

impl Builder {
    fn new(ty: ColumnType) -> Builder {
        match ty {
            ColumnType::Str | ColumnType::OptStr => Builder::Str(StringBuilder::new()),
            ColumnType::Int | ColumnType::OptInt => Builder::Int(Int64Builder::new()),
            ColumnType::Float | ColumnType::OptFloat => Builder::Float(Float64Builder::new()),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::new()),
            ColumnType::OptDate => Builder::Date(Date32Builder::new()),
            ColumnType::StrList => Builder::List(ListBuilder::new(StringBuilder::new())),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::List(b) => Arc::new(b.finish()),
        }
    }
}

fn data_type(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Str | ColumnType::OptStr => DataType::Utf8,
        ColumnType::Int | ColumnType::OptInt => DataType::Int64,
        ColumnType::Float | ColumnType::OptFloat => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::OptDate => DataType::Date32,
        ColumnType::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

/// The Arrow schema of a table, each field's meaning in its metadata (`description`), as
/// `gleaner schema` gives it; Parquet files carry it.
pub fn arrow_schema(table: &Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|c| {
            let meta = std::collections::HashMap::from([("description".to_owned(), c.doc.to_owned())]);
            Field::new(c.name, data_type(c.ty), c.ty.nullable()).with_metadata(meta)
        })
        .collect();
    let meta = std::collections::HashMap::from([("description".to_owned(), table.doc.to_owned())]);
    Arc::new(Schema::new_with_metadata(fields, meta))
}

fn days(date: NaiveDate) -> i32 {
    // 719_163 days from 0001-01-01 (CE day 1) to 1970-01-01.
    date.num_days_from_ce() - 719_163
}

use chrono::Datelike as _;

/// A Parquet file encoded and compressed on a thread of its own: the table writer only builds
/// Arrow batches and hands them over (at most one waiting), so the tables of a dataset are
/// encoded in parallel.
struct ParquetSink {
    tx: Option<SyncSender<RecordBatch>>,
    thread: Option<JoinHandle<Result<ArrowWriter<BufWriter<File>>, ExportError>>>,
    path: PathBuf,
}

impl ParquetSink {
    fn start(mut writer: ArrowWriter<BufWriter<File>>, path: PathBuf, name: &str) -> Result<ParquetSink, ExportError> {
        let (tx, rx) = sync_channel::<RecordBatch>(1);
        let dest = path.clone();
        let thread = std::thread::Builder::new()
            .name(format!("parquet-{name}"))
            .spawn(move || {
                for batch in rx {
                    writer.write(&batch).map_err(|e| ExportError::parquet(&dest, e))?;
                    writer.flush().map_err(|e| ExportError::parquet(&dest, e))?;
                }
                Ok(writer)
            })
            .map_err(|e| ExportError::io(&path, e))?;
        Ok(ParquetSink { tx: Some(tx), thread: Some(thread), path })
    }

    fn send(&mut self, batch: RecordBatch) -> Result<(), ExportError> {
        let sent = self.tx.as_ref().is_some_and(|tx| tx.send(batch).is_ok());
        if sent {
            Ok(())
        } else {
            // The encoder stopped: its error says why.
            Err(self
                .join()
                .err()
                .unwrap_or_else(|| ExportError::io(&self.path, std::io::Error::other("parquet encoder stopped"))))
        }
    }

    fn join(&mut self) -> Result<ArrowWriter<BufWriter<File>>, ExportError> {
        self.tx = None;
        let thread = self
            .thread
            .take()
            .ok_or_else(|| ExportError::io(&self.path, std::io::Error::other("parquet encoder already joined")))?;
        thread.join().map_err(|_| ExportError::io(&self.path, std::io::Error::other("parquet encoder panicked")))?
    }

    fn finish(mut self) -> Result<(), ExportError> {
        let writer = self.join()?;
        let mut inner = writer.into_inner().map_err(|e| ExportError::parquet(&self.path, e))?;
        std::io::Write::flush(&mut inner).map_err(|e| ExportError::io(&self.path, e))?;
        inner.get_ref().sync_all().map_err(|e| ExportError::io(&self.path, e))
    }
}

/// Where the rows of one table go, in one format.
pub(crate) trait RowSink: Send {
    /// Appends one row (cells in column order).
    fn push(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError>;
    /// Closes the sink: files are flushed to disk; a memory table gives its batch.
    fn finish(self: Box<Self>) -> Result<Option<RecordBatch>, ExportError>;
}

/// Appends a row's cells to Arrow builders; returns the bytes of string data added.
fn append(table: &Table, builders: &mut [Builder], row: &[Cell<'_>]) -> usize {
    let mut bytes = 0;
    for (cell, builder) in row.iter().zip(builders) {
        match (cell, builder) {
            (Cell::Str(s), Builder::Str(b)) => {
                bytes += s.len();
                b.append_value(s)
            }
            (Cell::OptStr(s), Builder::Str(b)) => {
                bytes += s.map_or(0, str::len);
                b.append_option(*s)
            }
            (Cell::Int(v), Builder::Int(b)) => b.append_value(*v),
            (Cell::OptInt(v), Builder::Int(b)) => b.append_option(*v),
            (Cell::Float(v), Builder::Float(b)) => b.append_value(*v),
            (Cell::OptFloat(v), Builder::Float(b)) => b.append_option(*v),
            (Cell::Bool(v), Builder::Bool(b)) => b.append_value(*v),
            (Cell::OptDate(v), Builder::Date(b)) => b.append_option(v.map(days)),
            (Cell::StrList(items), Builder::List(b)) => {
                for item in items.iter() {
                    bytes += item.len();
                    b.values().append_value(item);
                }
                b.append(true);
            }
            (cell, _) => unreachable!("cell {cell:?} does not fit a column of {}", table.name),
        }
    }
    bytes
}

/// One table built in memory as a single Arrow batch with the contract's schema.
pub(crate) struct MemoryTable {
    table: &'static Table,
    builders: Vec<Builder>,
}

impl MemoryTable {
    pub(crate) fn new(table: &'static Table) -> MemoryTable {
        MemoryTable { table, builders: table.columns.iter().map(|c| Builder::new(c.ty)).collect() }
    }
}

impl RowSink for MemoryTable {
    fn push(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        append(self.table, &mut self.builders, row);
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Option<RecordBatch>, ExportError> {
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        RecordBatch::try_new(arrow_schema(self.table), columns)
            .map(Some)
            .map_err(|e| ExportError::arrow(Path::new("<memory>"), e))
    }
}

/// A `<table>.parquet` file: rows go into Arrow builders, and every [`GROUP_ROWS`] rows (or
/// [`GROUP_BYTES`] of text) a batch goes to the encoder thread.
pub(crate) struct ParquetFile {
    table: &'static Table,
    schema: SchemaRef,
    builders: Vec<Builder>,
    pending_rows: usize,
    pending_bytes: usize,
    encoder: ParquetSink,
}

/// How every Parquet file of a table is written (and rewritten: see `joins`).
pub(crate) fn writer_properties(table: &Table) -> WriterProperties {
    let mut props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(GROUP_ROWS))
        .set_created_by(format!("gleaner {}", env!("CARGO_PKG_VERSION")));
    for column in table.columns.iter().filter(|c| UNIQUE_VALUED.contains(&c.name)) {
        // Nearly every value differs: a dictionary would be built, then thrown away.
        props = props.set_column_dictionary_enabled(ColumnPath::from(column.name), false);
    }
    props.build()
}

impl ParquetFile {
    pub(crate) fn create(dir: &Path, table: &'static Table) -> Result<ParquetFile, ExportError> {
        let schema = arrow_schema(table);
        let path = dir.join(format!("{}.parquet", table.name));
        let file = BufWriter::with_capacity(1 << 20, File::create(&path).map_err(|e| ExportError::io(&path, e))?);
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(writer_properties(table)))
            .map_err(|e| ExportError::parquet(&path, e))?;
        Ok(ParquetFile {
            table,
            schema,
            builders: table.columns.iter().map(|c| Builder::new(c.ty)).collect(),
            pending_rows: 0,
            pending_bytes: 0,
            encoder: ParquetSink::start(writer, path, table.name)?,
        })
    }

    fn flush_group(&mut self) -> Result<(), ExportError> {
        if self.pending_rows == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        self.pending_rows = 0;
        self.pending_bytes = 0;
        let batch = RecordBatch::try_new(self.schema.clone(), columns)
            .map_err(|e| ExportError::arrow(&self.encoder.path, e))?;
        self.encoder.send(batch)
    }
}

impl RowSink for ParquetFile {
    fn push(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        self.pending_bytes += append(self.table, &mut self.builders, row);
        self.pending_rows += 1;
        if self.pending_rows >= GROUP_ROWS || self.pending_bytes >= GROUP_BYTES {
            self.flush_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<Option<RecordBatch>, ExportError> {
        self.flush_group()?;
        let ParquetFile { encoder, .. } = *self;
        encoder.finish()?;
        Ok(None)
    }
}

/// Would a spreadsheet read this cell as a formula (or, after a tab or carriage return, as one
/// that it trims first)? The characters OWASP lists for CSV injection.
pub(crate) fn runs_in_a_spreadsheet(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A CSV file as the contract writes it (RFC 4180, CRLF line ends): text fields always in quotes
/// (a quote inside doubled), numbers, booleans and dates bare, null an empty field. So `""` is an
/// empty text and an empty field is null, which DuckDB (`allow_quoted_nulls = false`), Polars
/// and pyarrow tell apart. The spreadsheet variant (`<table>.sheet.csv`) starts with a byte order
/// mark and puts `'` before a text cell a spreadsheet would run as a formula.
pub(crate) struct CsvFile {
    out: BufWriter<File>,
    path: PathBuf,
    /// The spreadsheet variant.
    sheet: bool,
    /// Numbers and dates formatted here.
    scratch: String,
    /// The row being written: one write per row (a long text flushed as it comes).
    line: String,
    /// A field of the row was written (the next takes a comma).
    started: bool,
}

impl CsvFile {
    fn raw(&mut self, s: &str) -> Result<(), ExportError> {
        self.out.write_all(s.as_bytes()).map_err(|e| ExportError::io(&self.path, e))
    }

    fn field(&mut self, s: &str, quoted: bool) -> Result<(), ExportError> {
        if quoted {
            return self.field_after("", s);
        }
        self.separator();
        self.line.push_str(s);
        Ok(())
    }

    /// A quoted field: `prefix` then `s`, a quote inside doubled.
    fn field_after(&mut self, prefix: &str, s: &str) -> Result<(), ExportError> {
        self.separator();
        self.line.push('"');
        self.line.push_str(prefix);
        if s.as_bytes().contains(&b'"') {
            let mut from = 0;
            for (i, _) in s.match_indices('"') {
                self.line.push_str(&s[from..=i]);
                self.line.push('"');
                from = i + 1;
            }
            self.line.push_str(&s[from..]);
        } else {
            self.line.push_str(s);
        }
        self.line.push('"');
        // A long text goes out now rather than growing the buffer.
        if self.line.len() >= 1 << 16 {
            self.flush_line()?;
        }
        Ok(())
    }

    fn separator(&mut self) {
        if self.line.is_empty() && !self.started {
            self.started = true;
        } else {
            self.line.push(',');
        }
    }

    fn flush_line(&mut self) -> Result<(), ExportError> {
        let line = std::mem::take(&mut self.line);
        let written = self.raw(&line);
        self.line = line;
        self.line.clear();
        written
    }

    fn end(&mut self) -> Result<(), ExportError> {
        self.line.push_str("\r\n");
        self.flush_line()?;
        self.started = false;
        Ok(())
    }
}

impl CsvFile {
    /// Creates `<table>.csv` (or `<table>.sheet.csv`) in `dir` and writes the header.
    pub(crate) fn create(dir: &Path, table: &'static Table, sheet: bool) -> Result<CsvFile, ExportError> {
        let path = dir.join(Formats::file_name(table.name, if sheet { "sheet" } else { "csv" }));
        let out = BufWriter::with_capacity(1 << 20, File::create(&path).map_err(|e| ExportError::io(&path, e))?);
        let mut file = CsvFile { out, path, sheet, scratch: String::new(), line: String::new(), started: false };
        if sheet {
            // Spreadsheets read UTF-8 only after a byte order mark.
            file.raw("\u{FEFF}")?;
        }
        for column in table.columns {
            file.field(column.name, false)?;
        }
        file.end()?;
        Ok(file)
    }
}

impl RowSink for CsvFile {
    fn push(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        let mut scratch = std::mem::take(&mut self.scratch);
        for cell in row {
            scratch.clear();
            // Text is quoted, so that "" (empty text) and an empty field (null) stay apart.
            let quoted = matches!(cell, Cell::Str(_) | Cell::OptStr(Some(_)) | Cell::StrList(_));
            let field: &str = match cell {
                Cell::Str(s) => s,
                Cell::OptStr(s) => s.unwrap_or(""),
                Cell::Int(v) => {
                    let _ = write!(scratch, "{v}");
                    &scratch
                }
                Cell::OptInt(v) => {
                    if let Some(v) = v {
                        let _ = write!(scratch, "{v}");
                    }
                    &scratch
                }
                Cell::Float(v) => {
                    let _ = write!(scratch, "{v}");
                    &scratch
                }
                Cell::OptFloat(v) => {
                    if let Some(v) = v {
                        let _ = write!(scratch, "{v}");
                    }
                    &scratch
                }
                Cell::Bool(v) => {
                    if *v {
                        "true"
                    } else {
                        "false"
                    }
                }
                Cell::OptDate(v) => {
                    if let Some(v) = v {
                        let _ = write!(scratch, "{}", v.format("%Y-%m-%d"));
                    }
                    &scratch
                }
                Cell::StrList(items) => {
                    scratch = serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned());
                    &scratch
                }
            };
            // A text that starts with `'` gets one more: a spreadsheet hides the first, and a
            // reader of the file can take exactly one off any cell that has it.
            if self.sheet && quoted && (runs_in_a_spreadsheet(field) || field.starts_with('\'')) {
                self.field_after("'", field)?;
            } else {
                self.field(field, quoted)?;
            }
        }
        self.scratch = scratch;
        self.end()
    }

    fn finish(self: Box<Self>) -> Result<Option<RecordBatch>, ExportError> {
        let CsvFile { out, path, .. } = *self;
        let file = out.into_inner().map_err(|e| ExportError::io(&path, e.into_error()))?;
        file.sync_all().map_err(|e| ExportError::io(&path, e))?;
        Ok(None)
    }
}

/// One table's rows, handed to every sink of the dataset (one per format), and counted.
pub(crate) struct TableOut {
    pub(crate) table: &'static Table,
    sinks: Vec<Box<dyn RowSink>>,
    rows: u64,
}

impl std::fmt::Debug for TableOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableOut").field("table", &self.table.name).field("rows", &self.rows).finish()
    }
}

/// Where a dataset's tables go: files in a folder, or memory.
#[derive(Clone, Debug)]
pub(crate) enum Target {
    Files(PathBuf, Formats),
    Memory,
}

impl TableOut {
    /// Opens `table` in every format of `target`.
    pub(crate) fn open(target: &Target, table: &'static Table) -> Result<TableOut, ExportError> {
        let mut sinks: Vec<Box<dyn RowSink>> = Vec::new();
        match target {
            Target::Memory => sinks.push(Box::new(MemoryTable::new(table))),
            Target::Files(dir, formats) => {
                if formats.parquet {
                    sinks.push(Box::new(ParquetFile::create(dir, table)?));
                }
                if formats.csv {
                    sinks.push(Box::new(CsvFile::create(dir, table, false)?));
                }
                if formats.sheet {
                    sinks.push(Box::new(CsvFile::create(dir, table, true)?));
                }
            }
        }
        Ok(TableOut { table, sinks, rows: 0 })
    }

    /// Hands one row to every sink.
    pub(crate) fn push(&mut self, row: &[Cell<'_>]) -> Result<(), ExportError> {
        debug_assert_eq!(row.len(), self.table.columns.len(), "row of {}", self.table.name);
        for sink in &mut self.sinks {
            sink.push(row)?;
        }
        self.rows += 1;
        Ok(())
    }

    /// Closes every sink: the row count, and the batch of a memory table.
    pub(crate) fn finish(self) -> Result<(u64, Option<RecordBatch>), ExportError> {
        let mut batch = None;
        for sink in self.sinks {
            batch = sink.finish()?.or(batch);
        }
        Ok((self.rows, batch))
    }
}
