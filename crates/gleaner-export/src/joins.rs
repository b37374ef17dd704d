//! Cross-document joins at the end of a run (see `gleaner_extract::CorpusJoins`): the finished
//! `mentions` are read document by document, four times (the profiles, the decisions, the
//! profiles enriched by the joined documents, the decisions left), and
//! every id column of a document-keyed table (`mentions.entity_id`, `relations`' subject and
//! object, `quotes.speaker_entity_id`) is rewritten in each format written: a Parquet file row
//! group by row group, a CSV file record by record with only the id fields replaced. The files
//! are in the staging folder, so a rewrite that fails leaves the previous dataset in place.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
use gleaner_extract::CorpusJoins;
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use parquet::arrow::{ArrowWriter, ProjectionMask};

use crate::schema::Table;
use crate::sink::writer_properties;
use crate::{ExportError, Formats, TABLES};

/// A table's `doc_id` column and its entity id columns.
pub(crate) type IdColumns = (usize, Vec<usize>);

/// The columns of `table` that hold an entity id and are keyed by document: `(doc_id column,
/// id columns)`; `None` for a table without them (`entities` holds the ids it is keyed by).
pub(crate) fn id_columns(table: &Table) -> Option<IdColumns> {
    let doc = table.columns.iter().position(|c| c.name == "doc_id")?;
    let ids: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.name == "entity_id" || c.name.ends_with("_entity_id"))
        .map(|(i, _)| i)
        .collect();
    (!ids.is_empty()).then_some((doc, ids))
}

/// Hands the mentions of each document, in the order they come, to `f` (a document's rows are
/// contiguous in every table).
#[derive(Default)]
struct ByDocument {
    doc: String,
    ids: Vec<String>,
    len: usize,
    started: bool,
}

impl ByDocument {
    fn push(&mut self, doc: &str, id: &str, f: &mut impl FnMut(&str, &[String])) {
        if !self.started || doc != self.doc {
            self.end(f);
            self.doc.clear();
            self.doc.push_str(doc);
            self.started = true;
        }
        if self.len == self.ids.len() {
            self.ids.push(String::new());
        }
        self.ids[self.len].clear();
        self.ids[self.len].push_str(id);
        self.len += 1;
    }

    fn end(&mut self, f: &mut impl FnMut(&str, &[String])) {
        if self.started && self.len > 0 {
            f(&self.doc, &self.ids[..self.len]);
        }
        self.len = 0;
    }
}

fn mentions_table() -> &'static Table {
    TABLES.iter().copied().find(|t| t.name == "mentions").expect("a mentions table")
}

/// Reads `(doc_id, entity_id)` of every mention, document by document, from the first format
/// written.
fn read_mentions(dir: &Path, formats: Formats, f: &mut impl FnMut(&str, &[String])) -> Result<(), ExportError> {
    let table = mentions_table();
    let (doc, ids) = id_columns(table).expect("mentions carry doc_id and entity_id");
    let id = ids[0];
    let mut group = ByDocument::default();
    if formats == Formats::NONE {
        return Ok(());
    }
    if formats.parquet {
        let path = dir.join(Formats::file_name(table.name, "parquet"));
        let file = File::open(&path).map_err(|e| ExportError::io(&path, e))?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| ExportError::parquet(&path, e))?;
        let mask = ProjectionMask::roots(builder.parquet_schema(), [doc, id]);
        let reader =
            builder.with_projection(mask).with_batch_size(8192).build().map_err(|e| ExportError::parquet(&path, e))?;
        for batch in reader {
            let batch = batch.map_err(|e| ExportError::arrow(&path, e))?;
            let (docs, ids) = (strings(&batch, 0, &path)?, strings(&batch, 1, &path)?);
            for row in 0..batch.num_rows() {
                group.push(docs.value(row), ids.value(row), f);
            }
        }
    } else {
        let sheet = !formats.csv;
        let path = dir.join(Formats::file_name(table.name, if sheet { "sheet" } else { "csv" }));
        let mut reader = CsvRecords::open(&path)?;
        reader.next()?; // the header
        while reader.next()? {
            reader.split(usize::MAX);
            let d = reader.text(doc, sheet);
            group.push(&d, &reader.text(id, false), f);
        }
    }
    group.end(f);
    Ok(())
}

fn strings<'b>(batch: &'b RecordBatch, i: usize, path: &Path) -> Result<&'b StringArray, ExportError> {
    batch.column(i).as_any().downcast_ref::<StringArray>().ok_or_else(|| {
        ExportError::io(path, std::io::Error::other(format!("column {i} of {} is not text", path.display())))
    })
}

/// Decides the joins of a dataset written to `dir` and rewrites its id columns. Returns the
/// joins (empty when none was made).
pub(crate) fn join_files(dir: &Path, formats: Formats, mut joins: CorpusJoins) -> Result<CorpusJoins, ExportError> {
    read_mentions(dir, formats, &mut |_, ids| joins.observe(ids.iter().map(String::as_str)))?;
    read_mentions(dir, formats, &mut |doc, ids| joins.decide(doc, ids.iter().map(String::as_str)))?;
    if !joins.is_empty() {
        read_mentions(dir, formats, &mut |doc, ids| joins.enrich(doc, ids.iter().map(String::as_str)))?;
        read_mentions(dir, formats, &mut |doc, ids| joins.decide(doc, ids.iter().map(String::as_str)))?;
    }
    if joins.is_empty() {
        return Ok(joins);
    }
    // Each file on its own: the run's workers are done, so the cores are free.
    let mut files: Vec<(&'static Table, IdColumns, &'static str)> = Vec::new();
    for table in TABLES.iter().copied() {
        let Some(columns) = id_columns(table) else { continue };
        for format in formats.names() {
            files.push((table, columns.clone(), format));
        }
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len());
    let joins_ref = &joins;
    let results: Vec<Result<(), ExportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((table, columns, format)) = files.get(i) else { return Ok(()) };
                    let path = dir.join(Formats::file_name(table.name, format));
                    match *format {
                        "parquet" => rewrite_parquet(&path, table, columns, joins_ref)?,
                        _ => rewrite_csv(&path, columns, *format == "sheet", joins_ref)?,
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| Err(ExportError::io(dir, std::io::Error::other("a rewrite panicked"))))
            })
            .collect()
    });
    results.into_iter().collect::<Result<(), _>>()?;
    Ok(joins)
}

/// Decides the joins of a dataset in memory (`mentions`' batch) and rewrites the id columns of
/// `batches` (by table name).
pub(crate) fn join_batches(
    batches: &mut [(&'static str, Option<RecordBatch>)],
    mut joins: CorpusJoins,
) -> Result<CorpusJoins, ExportError> {
    let memory = Path::new("<memory>");
    let table = mentions_table();
    let (doc, ids) = id_columns(table).expect("mentions carry doc_id and entity_id");
    let Some(mentions) = batches.iter().find(|(n, _)| *n == table.name).and_then(|(_, b)| b.clone()) else {
        return Ok(joins);
    };
    for pass in 0..4 {
        let (docs, ids) = (strings(&mentions, doc, memory)?, strings(&mentions, ids[0], memory)?);
        let mut group = ByDocument::default();
        let mut f = |d: &str, ids: &[String]| match pass {
            0 => joins.observe(ids.iter().map(String::as_str)),
            2 => joins.enrich(d, ids.iter().map(String::as_str)),
            _ => joins.decide(d, ids.iter().map(String::as_str)),
        };
        for row in 0..mentions.num_rows() {
            group.push(docs.value(row), ids.value(row), &mut f);
        }
        group.end(&mut f);
    }
    if joins.is_empty() {
        return Ok(joins);
    }
    for (name, batch) in batches.iter_mut() {
        let Some(table) = TABLES.iter().copied().find(|t| t.name == *name) else { continue };
        let (Some(columns), Some(b)) = (id_columns(table), batch.as_ref()) else { continue };
        *batch = Some(rewrite_batch(b, &columns, &joins, memory)?);
    }
    Ok(joins)
}

/// `batch` with its id columns resolved (the same batch when nothing changes).
fn rewrite_batch(
    batch: &RecordBatch,
    (doc, ids): &(usize, Vec<usize>),
    joins: &CorpusJoins,
    path: &Path,
) -> Result<RecordBatch, ExportError> {
    let docs = strings(batch, *doc, path)?;
    let mut columns: Vec<ArrayRef> = batch.columns().to_vec();
    for &i in ids {
        let old = strings(batch, i, path)?;
        let changed = (0..old.len()).any(|r| old.is_valid(r) && joins.resolve(docs.value(r), old.value(r)).is_some());
        if !changed {
            continue;
        }
        let new: StringArray = (0..old.len())
            .map(|r| old.is_valid(r).then(|| joins.resolve(docs.value(r), old.value(r)).unwrap_or(old.value(r))))
            .collect();
        columns[i] = Arc::new(new);
    }
    RecordBatch::try_new(batch.schema(), columns).map_err(|e| ExportError::arrow(path, e))
}

/// Writes `path` again through a temporary file beside it, renamed over it when complete.
fn replace(path: &Path, write: impl FnOnce(&Path, File) -> Result<(), ExportError>) -> Result<(), ExportError> {
    // Beside it, and apart from its other formats' (`mentions.csv` and `mentions.parquet` are
    // rewritten at once).
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".rewrite");
    let tmp = PathBuf::from(tmp);
    let out = File::create(&tmp).map_err(|e| ExportError::io(&tmp, e))?;
    write(&tmp, out)?;
    std::fs::rename(&tmp, path).map_err(|e| ExportError::io(path, e))
}

fn rewrite_parquet(
    path: &Path,
    table: &Table,
    columns: &(usize, Vec<usize>),
    joins: &CorpusJoins,
) -> Result<(), ExportError> {
    let file = File::open(path).map_err(|e| ExportError::io(path, e))?;
    let meta = ArrowReaderMetadata::load(&file, Default::default()).map_err(|e| ExportError::parquet(path, e))?;
    let groups = meta.metadata().num_row_groups();
    replace(path, |tmp, out| {
        let out = BufWriter::with_capacity(1 << 20, out);
        let mut writer = ArrowWriter::try_new(out, meta.schema().clone(), Some(writer_properties(table)))
            .map_err(|e| ExportError::parquet(tmp, e))?;
        for g in 0..groups {
            let input = file.try_clone().map_err(|e| ExportError::io(path, e))?;
            let rows = usize::try_from(meta.metadata().row_group(g).num_rows()).unwrap_or(usize::MAX).max(1);
            let reader = ParquetRecordBatchReaderBuilder::new_with_metadata(input, meta.clone())
                .with_row_groups(vec![g])
                .with_batch_size(rows)
                .build()
                .map_err(|e| ExportError::parquet(path, e))?;
            for batch in reader {
                let batch = batch.map_err(|e| ExportError::arrow(path, e))?;
                writer
                    .write(&rewrite_batch(&batch, columns, joins, path)?)
                    .map_err(|e| ExportError::parquet(tmp, e))?;
            }
            // The row groups of the file as it was written (bounded by rows and by bytes).
            writer.flush().map_err(|e| ExportError::parquet(tmp, e))?;
        }
        let out = writer.into_inner().map_err(|e| ExportError::parquet(tmp, e))?;
        let file = out.into_inner().map_err(|e| ExportError::io(tmp, e.into_error()))?;
        file.sync_all().map_err(|e| ExportError::io(tmp, e))
    })
}

/// The records of a CSV file as gleaner writes it (RFC 4180: a quote inside a quoted field is
/// doubled, a line break may be inside one), one at a time, with each field's byte range.
struct CsvRecords {
    input: BufReader<File>,
    path: PathBuf,
    record: Vec<u8>,
    fields: Vec<(usize, usize)>,
}

impl CsvRecords {
    fn open(path: &Path) -> Result<CsvRecords, ExportError> {
        let file = File::open(path).map_err(|e| ExportError::io(path, e))?;
        Ok(CsvRecords {
            input: BufReader::with_capacity(1 << 20, file),
            path: path.to_owned(),
            record: Vec::new(),
            fields: Vec::new(),
        })
    }

    /// Reads the next record (its line end included; [`CsvRecords::split`] finds its fields);
    /// false at the end of the file.
    fn next(&mut self) -> Result<bool, ExportError> {
        self.record.clear();
        self.fields.clear();
        let mut quotes = 0usize;
        loop {
            let from = self.record.len();
            let n = self.input.read_until(b'\n', &mut self.record).map_err(|e| ExportError::io(&self.path, e))?;
            if n == 0 {
                break;
            }
            quotes += self.record[from..].iter().filter(|&&b| b == b'"').count();
            // A record ends at a line end outside quotes: after an even number of quotes.
            if quotes.is_multiple_of(2) {
                break;
            }
        }
        if self.record.is_empty() {
            return Ok(false);
        }
        Ok(true)
    }

    /// Finds the byte ranges of the record's fields, up to field `upto` (all: `usize::MAX`).
    fn split(&mut self, upto: usize) {
        self.fields.clear();
        let end = self.record.len() - self.record.iter().rev().take_while(|&&b| b == b'\n' || b == b'\r').count();
        // The byte order mark of the spreadsheet variant is no part of the first field.
        let first = if self.record.starts_with("\u{FEFF}".as_bytes()) { 3 } else { 0 };
        let (mut start, mut quoted) = (first, false);
        for (i, &b) in self.record.iter().enumerate().take(end).skip(first) {
            match b {
                b'"' => quoted = !quoted,
                b',' if !quoted => {
                    self.fields.push((start, i));
                    if self.fields.len() > upto {
                        return;
                    }
                    start = i + 1;
                }
                _ => {}
            }
        }
        self.fields.push((start, end));
    }

    /// Field `k`'s text (quotes removed and undoubled; in the spreadsheet variant, without the
    /// `'` put before a formula-like text or one that starts with `'`).
    fn text(&self, k: usize, sheet: bool) -> Cow<'_, str> {
        let Some(&(a, b)) = self.fields.get(k) else { return Cow::Borrowed("") };
        let raw = String::from_utf8_lossy(&self.record[a..b]);
        let inner = match raw {
            Cow::Borrowed(s) if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') => {
                let s = &s[1..s.len() - 1];
                if s.contains("\"\"") {
                    Cow::Owned(s.replace("\"\"", "\""))
                } else {
                    Cow::Borrowed(s)
                }
            }
            other => Cow::Owned(other.trim_matches('"').replace("\"\"", "\"")),
        };
        // The writer puts `'` before a text that runs as a formula or starts with `'`: one comes off.
        match inner {
            Cow::Borrowed(s) if sheet && s.starts_with('\'') => Cow::Borrowed(&s[1..]),
            Cow::Owned(s) if sheet && s.starts_with('\'') => Cow::Owned(s[1..].to_owned()),
            other => other,
        }
    }
}

fn rewrite_csv(
    path: &Path,
    (doc, ids): &(usize, Vec<usize>),
    sheet: bool,
    joins: &CorpusJoins,
) -> Result<(), ExportError> {
    let mut input = CsvRecords::open(path)?;
    replace(path, |tmp, out| {
        let mut out = BufWriter::with_capacity(1 << 20, out);
        let mut header = true;
        while input.next()? {
            let mut changes: Vec<(usize, &str)> = Vec::new();
            if !header {
                // Most records are of documents with no join: their document id is all that is
                // parsed, and they are copied as they are.
                input.split(*doc);
                if joins.has_document(&input.text(*doc, sheet)) {
                    input.split(usize::MAX);
                    let d = input.text(*doc, sheet);
                    for &k in ids {
                        if let Some(new) = joins.resolve(&d, &input.text(k, false)) {
                            changes.push((k, new));
                        }
                    }
                }
            }
            header = false;
            let mut from = 0;
            for (k, new) in changes {
                let (a, b) = input.fields[k];
                out.write_all(&input.record[from..a]).map_err(|e| ExportError::io(tmp, e))?;
                write!(out, "\"{new}\"").map_err(|e| ExportError::io(tmp, e))?;
                from = b;
            }
            out.write_all(&input.record[from..]).map_err(|e| ExportError::io(tmp, e))?;
        }
        let file = out.into_inner().map_err(|e| ExportError::io(tmp, e.into_error()))?;
        file.sync_all().map_err(|e| ExportError::io(tmp, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Batches, DatasetWriter};
    use gleaner_extract::{entity_id, Pipeline};
    use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument};

    fn corpus() -> Vec<Document> {
        let mut texts: Vec<(String, &str)> = Vec::new();
        for i in 0..4 {
            texts.push((
                format!("full{i}"),
                "Prime Minister Tony Blair met Gordon Brown at the Labour Party conference in Brighton. \
                 Tony Blair said the party would win.",
            ));
        }
        for i in 0..12 {
            texts.push((format!("filler{i}"), "The Acme company opened a factory in Peru."));
        }
        // Ids a CSV quotes, one a spreadsheet would run as a formula, one that starts with `'`.
        texts.push((
            "=lone".into(),
            "Blair told the Labour Party conference in Brighton that Gordon Brown would stay. Blair smiled.",
        ));
        texts.push((
            "'say \"x\"".into(),
            "\u{201c}We will win,\u{201d} Blair told the Labour Party conference in Brighton.",
        ));
        texts
            .into_iter()
            .map(|(id, text)| {
                let raw = RawDocument {
                    doc_id: id.clone(),
                    source: id,
                    body: Body::Text(text.into()),
                    meta: Metadata::default(),
                    issues: vec![],
                };
                ingest(raw).unwrap().0
            })
            .collect()
    }

    /// Every id column of the document-keyed tables, as `table.column: [values]`.
    fn id_values(batches: &[(&'static str, RecordBatch)]) -> Vec<(String, Vec<Option<String>>)> {
        let mut out = Vec::new();
        for (name, batch) in batches {
            let table = TABLES.iter().find(|t| t.name == *name).unwrap();
            let Some((_, ids)) = id_columns(table) else { continue };
            for i in ids {
                let a = batch.column(i).as_any().downcast_ref::<StringArray>().unwrap();
                let values = (0..a.len()).map(|r| a.is_valid(r).then(|| a.value(r).to_owned())).collect();
                out.push((format!("{name}.{}", table.columns[i].name), values));
            }
        }
        out
    }

    fn csv_values(dir: &Path, sheet: bool) -> Vec<(String, Vec<Option<String>>)> {
        let mut out = Vec::new();
        for table in TABLES.iter() {
            let Some((_, ids)) = id_columns(table) else { continue };
            for i in ids {
                let mut r =
                    CsvRecords::open(&dir.join(Formats::file_name(table.name, if sheet { "sheet" } else { "csv" })))
                        .unwrap();
                r.next().unwrap();
                let mut values = Vec::new();
                while r.next().unwrap() {
                    r.split(usize::MAX);
                    let (a, b) = r.fields[i];
                    values.push((a != b).then(|| r.text(i, false).into_owned()));
                }
                out.push((format!("{}.{}", table.name, table.columns[i].name), values));
            }
        }
        out
    }

    #[test]
    fn every_format_and_memory_carry_the_same_joined_ids() {
        let docs = corpus();
        let pipeline = Pipeline::standard();
        let dir = std::env::temp_dir().join(format!("gleaner-joins-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut files = DatasetWriter::create(&dir, Formats { parquet: true, csv: true, sheet: true }).unwrap();
        let mut memory = Batches::new();
        for doc in &docs {
            let found = pipeline.run(doc);
            files.write_document(doc, &found).unwrap();
            memory.write_document(doc, &found).unwrap();
        }
        files.finish_tables().unwrap();
        let memory = memory.finish().unwrap();

        let tony = entity_id("PERSON", "Tony Blair");
        let mentions = memory.iter().find(|(n, _)| *n == "mentions").unwrap().1.clone();
        let (docs_col, ids) = (strings(&mentions, 0, Path::new("m")).unwrap(), id_values(&memory));
        let entity = &ids.iter().find(|(c, _)| c == "mentions.entity_id").unwrap().1;
        let joined: Vec<&str> = (0..mentions.num_rows())
            .filter(|&r| entity[r].as_deref() == Some(tony.as_str()))
            .map(|r| docs_col.value(r))
            .filter(|d| !d.starts_with("full"))
            .collect();
        assert_eq!(joined, ["=lone", "=lone", "'say \"x\""], "the lone Blairs are Tony Blair's");
        assert!(entity.iter().all(|id| id.as_deref() != Some(entity_id("PERSON", "Blair").as_str())));
        let speaker = &ids.iter().find(|(c, _)| c == "quotes.speaker_entity_id").unwrap().1;
        assert!(speaker.iter().any(|s| s.as_deref() == Some(tony.as_str())), "the speaker's id follows: {speaker:?}");

        // Parquet, CSV and the spreadsheet CSV say the same as memory.
        let mut parquet = Vec::new();
        for name in crate::TABLES.iter().map(|t| t.name) {
            let file = File::open(dir.join(format!("{name}.parquet"))).unwrap();
            let mut batches =
                ParquetRecordBatchReaderBuilder::try_new(file).unwrap().with_batch_size(1 << 20).build().unwrap();
            let batch = batches.next().map(Result::unwrap);
            assert!(batches.next().is_none(), "one batch a table");
            let table = TABLES.iter().find(|t| t.name == name).unwrap();
            parquet.push((name, batch.unwrap_or_else(|| RecordBatch::new_empty(crate::arrow_schema(table)))));
        }
        assert_eq!(id_values(&parquet), ids);
        assert_eq!(csv_values(&dir, false), ids);
        assert_eq!(csv_values(&dir, true), ids);

        // The entities' counts are the mentions' own.
        let entities = &memory.iter().find(|(n, _)| *n == "entities").unwrap().1;
        let eid = entities.column(0).as_any().downcast_ref::<StringArray>().unwrap();
        let at = (0..eid.len()).find(|&r| eid.value(r) == tony).expect("Tony Blair is an entity");
        let count = |column: &str| {
            let values = entities.column_by_name(column).unwrap();
            values.as_any().downcast_ref::<arrow_array::Int64Array>().unwrap().value(at)
        };
        let (n_mentions, n_documents) = (count("n_mentions"), count("n_documents"));
        assert_eq!((n_mentions, n_documents), (4 * 2 + 3, 6));
        assert!(
            (0..eid.len()).all(|r| eid.value(r) != entity_id("PERSON", "Blair")),
            "no mention is left to the lone Blair"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
