//! The `gleaner run` pipeline as a library (the binary and the Python bindings share it).
//!
//! `run` is a pipeline of bounded queues: a reader thread reads inputs in order and sends
//! numbered chunks of raw documents; each chunk becomes one rayon task (ingest + extract), with at
//! most `2 × jobs + 1` chunks in flight; an `order` thread releases finished chunks in input order
//! to the writer thread, which builds every row once and hands it to each format's file (Parquet
//! encoding runs on a thread per table). Memory stays flat whatever the corpus size, and output
//! never depends on `jobs`.

mod progress;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use gleaner_export::{write_manifest, DatasetWriter, ExportError, Formats, RunInfo, Staging, Summary};
use gleaner_extract::{guard, Extraction, Pipeline};
use gleaner_ingest::{ingest, Document, Input, Issue, Item, Reader};
use rayon::prelude::*;

/// Documents per chunk: the unit a worker processes and the sequencer reorders.
const CHUNK_DOCS: usize = 64;
/// Bytes of text per chunk, whichever limit comes first.
const CHUNK_BYTES: usize = 2 << 20;
/// Chunks that may wait in each queue.
const QUEUE: usize = 2;

/// One input after processing, in input order.
#[derive(Debug)]
pub enum Outcome {
    /// An input that became an `errors` row only.
    Issue(Issue),
    /// A document, what was extracted from it, and ingest problems worth an `errors` row.
    Doc(Box<(Document, Extraction)>, Vec<Issue>),
    /// A document longer than [`WINDOW_BYTES`], with its ingest problems: its rows follow in
    /// [`Outcome::Rows`], so that they are written as they are extracted.
    Begin(Arc<Document>, Vec<Issue>),
    /// Rows of the document begun last, one window's worth.
    Rows(Arc<Document>, Box<Extraction>),
}

/// Documents longer than this are extracted window by window (runs of whole paragraphs of at
/// most this many bytes, see `Document::windows`), each window as a document of its own, and
/// their rows are written as each window is done: memory stays bounded by a window's rows however
/// long the document or dense its text. A window is a long chapter; no news story comes near.
pub const WINDOW_BYTES: usize = 1 << 20;

struct Chunk {
    items: Vec<Item>,
    bytes_read: u64,
}

/// What a run reads, where it writes, how.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Text files, folders, `.jsonl` files, or `-` for JSONL on standard input.
    pub inputs: Vec<String>,
    /// Folder for the tables and `manifest.json`: replaced whole when the run succeeds.
    pub out: PathBuf,
    /// Formats to write.
    pub formats: Formats,
    /// Worker threads (`None`: all cores).
    pub jobs: Option<usize>,
    /// Fallback document date.
    pub published: Option<chrono::NaiveDate>,
    /// The JSONL field holding the document date (`None`: `published`).
    pub published_field: Option<String>,
    /// Show a progress line on stderr when it is a terminal.
    pub progress: bool,
    /// Replace `out` even when it holds more than a gleaner dataset.
    pub force: bool,
    /// The extractors to run (`None`: [`Pipeline::standard`]).
    pub pipeline: Option<Arc<Pipeline>>,
    /// Documents longer than this many bytes are extracted window by window (`None`:
    /// [`WINDOW_BYTES`]).
    pub window_bytes: Option<usize>,
}

/// How a run went.
#[derive(Clone, Debug)]
pub struct RunReport {
    /// Row counts per table.
    pub summary: Summary,
    /// `errors` rows written.
    pub problems: u64,
    /// Inputs named on the command line that could not be opened (their `errors` rows are in the
    /// dataset).
    pub missing_inputs: usize,
    /// `errors` rows of kind `internal_error`: documents, or parts of them, that a bug in gleaner
    /// left out.
    pub internal_errors: u64,
    /// Documents read.
    pub documents: u64,
    /// Documents without a `published` date (relative dates in them resolve against a date
    /// written in the text, or not at all).
    pub undated_documents: u64,
    /// `dates` rows whose value still has an unknown year (`XXXX-...`): relative dates with
    /// nothing to resolve them against.
    pub unanchored_dates: u64,
    /// `errors` rows by kind, in order of kind.
    pub problems_by_kind: Vec<(&'static str, u64)>,
    /// The output folder (absolute).
    pub out: PathBuf,
}

/// Why a run wrote no dataset, when it is not a failure to write: the inputs held no document.
#[derive(Debug, thiserror::Error)]
#[error("no document could be read from the inputs, so {} was left as it was{}", out.display(), first_problems(problems))]
pub struct NoDocuments {
    /// The output folder, untouched.
    pub out: PathBuf,
    /// The first problems met (`source: message`).
    pub problems: Vec<String>,
}

fn first_problems(problems: &[String]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

/// Runs the whole pipeline: reads `inputs`, writes the new dataset beside `out` and swaps it in
/// when every table is complete. An error means the dataset could not be written (or the inputs
/// held no document, [`NoDocuments`]); `out` then holds what it held before. Bad documents are
/// `errors` rows, not errors.
pub fn run(args: &RunOptions) -> Result<RunReport> {
    let started = Instant::now();
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    refuse_enclosing(&args.out, &args.inputs)?;
    let staging = match Staging::begin(&args.out, args.force) {
        Ok(staging) => staging,
        Err(refused @ ExportError::Refused { .. }) => return Err(refused.into()),
        Err(e) => {
            return Err(anyhow::Error::new(e).context(format!("cannot write the dataset to {}", args.out.display())))
        }
    };
    let dir = staging.path();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start worker threads")?;
    let pipeline = args.pipeline.clone().unwrap_or_else(|| Arc::new(Pipeline::standard()));
    // One writer thread builds every row once and hands it to each format's file; Parquet
    // encoding runs on a thread per table.
    let writer = DatasetWriter::create(&dir, args.formats).with_context(|| {
        format!("cannot write the dataset beside {}; check that the folder is writable", args.out.display())
    })?;

    let mut reader = Reader::new(&inputs);
    if let Some(field) = &args.published_field {
        reader = reader.with_published_field(field);
    }
    let missing = reader.missing_inputs();
    let total_bytes = reader.total_bytes();
    let published = args.published;

    let (raw_tx, raw_rx) = sync_channel::<Chunk>(QUEUE);
    let (done_tx, done_rx) = sync_channel::<Processed>(QUEUE);
    let show_progress = args.progress.then_some(total_bytes);
    let write_thread =
        std::thread::Builder::new().name("write".into()).spawn(move || write(writer, done_rx, show_progress))?;

    let read_thread = std::thread::Builder::new().name("read".into()).spawn(move || {
        let mut reader = reader;
        let mut items = Vec::new();
        let mut bytes = 0usize;
        while let Some(mut item) = reader.next() {
            if let (Item::Doc(doc), Some(date)) = (&mut item, published) {
                doc.meta.published.get_or_insert(date);
            }
            if let Item::Doc(doc) = &item {
                bytes += match &doc.body {
                    gleaner_ingest::Body::Bytes(b) => b.len(),
                    gleaner_ingest::Body::Text(t) => t.len(),
                };
            }
            items.push(item);
            if items.len() >= CHUNK_DOCS || bytes >= CHUNK_BYTES {
                let chunk = Chunk { items: std::mem::take(&mut items), bytes_read: reader.bytes_read() };
                bytes = 0;
                if raw_tx.send(chunk).is_err() {
                    return reader.bytes_read();
                }
            }
        }
        let read = reader.bytes_read();
        if !items.is_empty() {
            let _ = raw_tx.send(Chunk { items, bytes_read: read });
        }
        read
    })?;

    // Workers: one rayon task per chunk, at most `in_flight` chunks at once (no barrier between
    // chunks, so a slow document never idles the other cores). The sequencer thread puts results
    // back in input order before the writers see them, and hands back a slot for each.
    let in_flight = jobs * 2 + 1;
    let (slot_tx, slot_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        slot_tx.send(()).context("cannot start the pipeline")?;
    }
    // A chunk's outcomes come in one part, or in several when it holds a long document (one
    // part per window, so that its rows are written as they are made); the last part says so.
    let (result_tx, result_rx) = std::sync::mpsc::channel::<(usize, Processed, bool)>();
    let failed = Arc::new(AtomicBool::new(false));
    let writer_failed = failed.clone();
    // The chunk whose outcomes the writers take next (the sequencer's `next`).
    let head = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let head_seen = head.clone();
    let sequencer = std::thread::Builder::new().name("order".into()).spawn(move || {
        let mut next = 0;
        let mut waiting: BTreeMap<usize, std::collections::VecDeque<(Processed, bool)>> = BTreeMap::new();
        for (seq, processed, last) in result_rx {
            waiting.entry(seq).or_default().push_back((processed, last));
            while let Some((processed, last)) = waiting.get_mut(&next).and_then(|parts| parts.pop_front()) {
                // After a writer failed, stop reading and drain what is in flight so that no
                // stage blocks; the writer's error is reported when it is joined.
                if done_tx.send(processed).is_err() {
                    writer_failed.store(true, Ordering::Relaxed);
                }
                if last {
                    waiting.remove(&next);
                    let _ = slot_tx.send(());
                    next += 1;
                    head_seen.store(next, Ordering::Release);
                }
            }
        }
    })?;
    for (seq, chunk) in raw_rx.into_iter().enumerate() {
        if slot_rx.recv().is_err() || failed.load(Ordering::Relaxed) {
            break;
        }
        let (pipeline, result_tx, head) = (pipeline.clone(), result_tx.clone(), head.clone());
        let failed_seen = failed.clone();
        let window = args.window_bytes.unwrap_or(WINDOW_BYTES);
        pool.spawn(move || {
            let mut outcomes = Vec::new();
            for item in chunk.items {
                process_each(item, &pipeline, jobs, window, &mut |outcome| {
                    if let Outcome::Rows(..) = outcome {
                        // Hand over what is done (the document's start included) before the
                        // next window is extracted.
                        outcomes.push(outcome);
                        let part = std::mem::take(&mut outcomes);
                        let _ = result_tx.send((seq, (part, chunk.bytes_read), false));
                        // A chunk behind the head holds one window's rows at most: it waits
                        // until the chunks before it are written (they were started before it,
                        // as the pool takes spawned tasks in order, and so never wait on it).
                        while head.load(Ordering::Acquire) < seq && !failed_seen.load(Ordering::Relaxed) {
                            std::thread::sleep(std::time::Duration::from_millis(1));
                        }
                    } else {
                        outcomes.push(outcome);
                    }
                });
            }
            let _ = result_tx.send((seq, (outcomes, chunk.bytes_read), true));
        });
    }
    drop(result_tx);
    // Every thread is joined before any error is returned: none may still write into the
    // staging folder when it is removed.
    let sequenced = sequencer.join();
    let bytes_read = read_thread.join();
    let written = write_thread.join();
    sequenced.map_err(|_| anyhow::anyhow!("the sequencer thread panicked"))?;
    let bytes_read = bytes_read.map_err(|_| anyhow::anyhow!("the reader thread panicked"))?;
    let written = written.map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
    if written.documents == 0 {
        return Err(NoDocuments { out: args.out.clone(), problems: written.first_problems }.into());
    }

    let run = RunInfo {
        inputs: args.inputs.clone(),
        jobs,
        published: published.map(|d| d.to_string()),
        extractors: pipeline.names().into_iter().map(str::to_owned).collect(),
        bytes_read,
        seconds: started.elapsed().as_secs_f64(),
    };
    write_manifest(&dir, args.formats, &run, &written.summary)?;
    let out = staging.target().to_owned();
    staging.commit()?;
    Ok(RunReport {
        summary: written.summary,
        problems: written.problems,
        missing_inputs: missing,
        internal_errors: written.internal_errors,
        documents: written.documents,
        undated_documents: written.undated_documents,
        unanchored_dates: written.unanchored_dates,
        problems_by_kind: written.problems_by_kind.into_iter().collect(),
        out,
    })
}

/// Dates whose year is still unknown: nothing to resolve them against.
fn unanchored(found: &Extraction) -> u64 {
    found.dates.iter().filter(|d| d.value.starts_with("XXXX")).count() as u64
}

/// An error and its causes on one line, each said once (an I/O error is often both the cause
/// and part of its wrapper's message): what the CLI prints and Python raises.
pub fn error_message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// The output folder is replaced whole: it may not hold the current folder or an input, even
/// with `--force` (`--out .` would pull the folder from under the shell that ran it).
fn refuse_enclosing(out: &std::path::Path, inputs: &[String]) -> Result<(), ExportError> {
    let Ok(target) = std::fs::canonicalize(out) else { return Ok(()) };
    let cwd = std::env::current_dir().ok().map(|d| ("the current folder", d));
    let named = inputs.iter().filter(|i| *i != "-").map(|i| ("an input", PathBuf::from(i)));
    for (what, path) in cwd.into_iter().chain(named) {
        if std::fs::canonicalize(&path).is_ok_and(|p| p.starts_with(&target)) {
            return Err(ExportError::Refused {
                path: target,
                why: format!(
                    "it holds {what} ({}), and a run replaces the whole folder; choose an --out folder of its own",
                    path.display()
                ),
            });
        }
    }
    Ok(())
}

/// What a writer thread wrote.
#[derive(Debug, Default)]
struct Written {
    summary: Summary,
    documents: u64,
    problems: u64,
    internal_errors: u64,
    undated_documents: u64,
    unanchored_dates: u64,
    problems_by_kind: BTreeMap<&'static str, u64>,
    /// The first few problems, for a run that read no document.
    first_problems: Vec<String>,
}

/// Processed outcomes of one chunk, with the input bytes read so far.
type Processed = (Vec<Outcome>, u64);

/// One writer thread: writes every chunk in order, then closes its files. Returns the row counts
/// and the problems recorded.
fn write(mut writer: DatasetWriter, rx: Receiver<Processed>, progress_total: Option<u64>) -> Result<Written> {
    let mut progress = progress_total.map(progress::Progress::new);
    let mut w = Written::default();
    let note = |w: &mut Written, issue: &Issue| {
        w.problems += 1;
        *w.problems_by_kind.entry(issue.kind).or_default() += 1;
        w.internal_errors += u64::from(issue.kind == "internal_error");
        if w.first_problems.len() < 5 {
            w.first_problems.push(format!("{}: {}", issue.source, issue.message));
        }
    };
    for processed in rx {
        let (outcomes, bytes_read) = &processed;
        for outcome in outcomes {
            match outcome {
                Outcome::Issue(issue) => {
                    note(&mut w, issue);
                    writer.write_issue(issue)?;
                }
                Outcome::Doc(found, issues) => {
                    for issue in issues.iter().chain(&found.1.issues) {
                        note(&mut w, issue);
                    }
                    for issue in issues {
                        writer.write_issue(issue)?;
                    }
                    writer.write_document(&found.0, &found.1)?;
                    w.documents += 1;
                    w.undated_documents += u64::from(found.0.meta.published.is_none());
                    w.unanchored_dates += unanchored(&found.1);
                }
                Outcome::Begin(doc, issues) => {
                    for issue in issues {
                        note(&mut w, issue);
                        writer.write_issue(issue)?;
                    }
                    writer.begin_document(doc)?;
                    w.documents += 1;
                    w.undated_documents += u64::from(doc.meta.published.is_none());
                }
                Outcome::Rows(doc, found) => {
                    for issue in &found.issues {
                        note(&mut w, issue);
                    }
                    writer.write_rows(doc, found)?;
                    w.unanchored_dates += unanchored(found);
                }
            }
        }
        if let Some(p) = &mut progress {
            p.update(w.documents, *bytes_read);
        }
    }
    if let Some(p) = &mut progress {
        p.finish();
    }
    w.summary = writer.finish_tables()?;
    Ok(w)
}

/// Ingests one input and runs the pipeline on it: one outcome, a document longer than
/// [`WINDOW_BYTES`] included (its windows' rows joined). Never panics: a panic in ingest (a bug)
/// makes the input an `internal_error` row, and one in an extractor leaves out that extractor's
/// rows for the document with such a row (see [`Pipeline::run`]).
pub fn process(item: Item, pipeline: &Pipeline) -> Outcome {
    let mut begun: Option<(Arc<Document>, Vec<Issue>, Extraction)> = None;
    let mut single = None;
    process_each(item, pipeline, 1, WINDOW_BYTES, &mut |outcome| match outcome {
        Outcome::Begin(doc, issues) => begun = Some((doc, issues, Extraction::default())),
        Outcome::Rows(_, found) => {
            if let Some((_, _, all)) = &mut begun {
                all.append(*found);
            }
        }
        other => single = Some(other),
    });
    match (single, begun) {
        (Some(outcome), _) => outcome,
        (None, Some((doc, issues, found))) => {
            let doc = Arc::try_unwrap(doc).unwrap_or_else(|shared| (*shared).clone());
            Outcome::Doc(Box::new((doc, found)), issues)
        }
        (None, None) => unreachable!("process_each emits an outcome for every input"),
    }
}

/// [`process`], handing outcomes to `emit` as they are made: a document longer than
/// `window_bytes` ([`WINDOW_BYTES`] in a run) comes as [`Outcome::Begin`] and one
/// [`Outcome::Rows`] per window, its windows extracted `jobs` at a time (on the calling rayon
/// pool).
pub fn process_each(item: Item, pipeline: &Pipeline, jobs: usize, window_bytes: usize, emit: &mut dyn FnMut(Outcome)) {
    let raw = match item {
        Item::Issue(issue) => return emit(Outcome::Issue(issue)),
        Item::Doc(raw) => raw,
    };
    let source = raw.source.clone();
    let (doc, issues) = match guard::catch(|| ingest(raw)) {
        Ok(Ok(found)) => found,
        Ok(Err(issue)) => return emit(Outcome::Issue(issue)),
        Err(why) => {
            return emit(Outcome::Issue(Issue::new(
                source,
                "ingest",
                "internal_error",
                format!(
                    "reading this document failed, so it is left out: {why}. This is a bug in gleaner; \
                     please report it with the document"
                ),
            )))
        }
    };
    if doc.text.len() <= window_bytes {
        let found = pipeline.run(&doc);
        return emit(Outcome::Doc(Box::new((doc, found)), issues));
    }
    let doc = Arc::new(doc);
    emit(Outcome::Begin(doc.clone(), issues));
    let windows = doc.windows(window_bytes);
    for batch in windows.chunks(jobs.max(1)) {
        let found: Vec<Extraction> = batch
            .par_iter()
            .map(|w| {
                let mut found = pipeline.run(&doc.excerpt(w.clone()));
                found.shift(doc.excerpt_base(w.clone()), w.start as u32);
                found
            })
            .collect();
        for found in found {
            emit(Outcome::Rows(doc.clone(), Box::new(found)));
        }
    }
}
