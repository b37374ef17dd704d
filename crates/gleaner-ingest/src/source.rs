//! Inputs: text files, folders, JSONL files and standard input, read in a fixed order.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::Metadata;
use crate::metadate::{parse_published, MetaDate};
use crate::Issue;

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A text file, a `.jsonl` file, or a folder searched recursively for `.txt` and `.md`.
    Path(PathBuf),
    /// JSONL on standard input (`-`).
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// The text of a document as it arrived.
#[derive(Clone, Debug)]
pub enum Body {
    /// Raw bytes of a file (decoded by [`crate::ingest`]).
    Bytes(Vec<u8>),
    /// A JSONL `text` field (already UTF-8).
    Text(String),
}

/// A document as read, before normalization and segmentation.
#[derive(Clone, Debug)]
pub struct RawDocument {
    /// Stable id.
    pub doc_id: String,
    /// Where it came from.
    pub source: String,
    /// The text.
    pub body: Body,
    /// Metadata from the record or a manifest.
    pub meta: Metadata,
    /// Problems met while reading it (the document is still usable).
    pub issues: Vec<Issue>,
}

/// What the reader yields: a document, or a row for the `errors` table.
#[derive(Debug)]
pub enum Item {
    /// A document to process.
    Doc(RawDocument),
    /// An input that could not be read as a document.
    Issue(Issue),
}

enum Pending {
    Text {
        path: PathBuf,
        root: PathBuf,
    },
    Jsonl {
        path: PathBuf,
    },
    Stdin,
    Missing {
        path: PathBuf,
        why: String,
    },
    Special {
        path: PathBuf,
        what: &'static str,
    },
    Issue(Issue),
    /// A document read, held back while queued rows go first.
    Ready(Box<RawDocument>),
}

/// A manifest's rows: by path, the row number and the metadata.
type ManifestRows = HashMap<String, (usize, Metadata)>;

/// A folder's `manifest.csv`: rows by path (relative to its folder), with their row numbers,
/// and the rows some input used.
struct Manifest {
    file: PathBuf,
    rows: ManifestRows,
    used: HashSet<String>,
}

struct JsonlStream {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

/// Reads every input in order and yields documents and issues; duplicate ids become issues.
///
/// Folders are listed up front (names only) in sorted order, so the order of documents, and so
/// every output file, is the same on every run.
pub struct Reader {
    pending: VecDeque<Pending>,
    stream: Option<JsonlStream>,
    seen: HashSet<String>,
    /// Manifests by folder, read when first needed (`None`: the folder has none, or it was
    /// unreadable and reported).
    manifests: HashMap<PathBuf, Option<Manifest>>,
    /// Folders under the inputs that hold a `manifest.csv`: each is checked for rows no input
    /// used, at the end.
    manifest_dirs: Vec<PathBuf>,
    /// Rows for `errors` to give out before the next document.
    queued: VecDeque<Issue>,
    finished: bool,
    published_field: String,
    total_bytes: u64,
    bytes_read: u64,
    missing_inputs: usize,
    buf: Vec<u8>,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").field("pending", &self.pending.len()).field("bytes_read", &self.bytes_read).finish()
    }
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A text file a folder is read for: `.txt`, `.md` (and `.markdown`).
fn is_text_file(path: &Path) -> bool {
    has_extension(path, &["txt", "md", "markdown"])
}

/// A JSONL file: `.jsonl` or `.ndjson`.
fn is_jsonl(path: &Path) -> bool {
    has_extension(path, &["jsonl", "ndjson"])
}

/// A folder holding a gleaner dataset: its `manifest.json` says so.
fn is_dataset(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("manifest.json")).is_ok_and(|m| {
        serde_json::from_str::<serde_json::Value>(&m)
            .is_ok_and(|v| v.get("tool").and_then(|t| t.as_str()) == Some("gleaner"))
    })
}

fn is_manifest(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "manifest.csv")
}

/// What a path is, for reading: only regular files (or links to them) are read; reading a FIFO
/// would wait forever for a writer, and a device never ends.
fn not_a_regular_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// The `errors` row of an input that is not a regular file.
fn special_file_issue(path: &Path, what: &str) -> Issue {
    Issue::new(
        display(path),
        "read",
        "not_a_file",
        format!("{what}, not a regular file: skipped (to read a stream, pipe it to `gleaner run -` as JSONL)"),
    )
}

/// Lists a folder, recursively and sorted: text and JSONL files to read, `manifest.csv` folders
/// to `manifests`, and every other file as an `unsupported_type` row (hidden files and folders,
/// starting with `.`, are skipped).
fn walk(dir: &Path, out: &mut Vec<Pending>, root: &Path, manifests: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Pending::Missing { path: dir.to_owned(), why: e.to_string() });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        if meta.is_dir() {
            // A gleaner dataset (an earlier run's output written inside the inputs) holds no
            // documents: it is not read.
            if !is_dataset(&path) {
                walk(&path, out, root, manifests);
            }
            continue;
        }
        if meta.file_type().is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            let issue = Issue::new(
                display(&path),
                "read",
                "unsupported_type",
                "a link to a folder: not followed (name the folder itself to read it)".to_owned(),
            );
            out.push(Pending::Issue(issue));
            continue;
        }
        if is_manifest(&path) {
            manifests.push(dir.to_owned());
            continue;
        }
        if !is_text_file(&path) && !is_jsonl(&path) {
            let issue = Issue::new(
                display(&path),
                "read",
                "unsupported_type",
                "not a .txt, .md, .jsonl or .ndjson file: skipped (convert it to text, or name it on the command \
                 line to read it as text)"
                    .to_owned(),
            );
            out.push(Pending::Issue(issue));
            continue;
        }
        // Files and links to them (a dangling link is kept so that reading it reports it); a
        // FIFO, socket or device, or a link to one, is an errors row, never opened.
        match std::fs::metadata(&path).ok().as_ref().and_then(not_a_regular_file) {
            Some(what) => out.push(Pending::Special { path, what }),
            None if is_jsonl(&path) => out.push(Pending::Jsonl { path }),
            None => out.push(Pending::Text { path, root: root.to_owned() }),
        }
    }
}

/// Opens a file for reading, refusing (rather than waiting on) anything but a regular file: the
/// file is opened without blocking and checked on its descriptor, so a path that became a FIFO
/// after the folder was listed is refused too.
fn open_regular(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(what) = not_a_regular_file(&meta).filter(|_| !meta.is_dir()) {
        return Err(std::io::Error::other(format!("{what}, not a regular file")));
    }
    Ok(file)
}

fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = open_regular(path)?;
    let mut bytes = Vec::with_capacity(file.metadata().map_or(0, |m| m.len() as usize));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

impl Reader {
    /// Plans the reading of `inputs` (folders are listed now; files are read as they are reached).
    pub fn new(inputs: &[Input]) -> Reader {
        let mut pending = VecDeque::new();
        let mut total_bytes = 0;
        let mut missing_inputs = 0;
        let mut manifest_dirs = Vec::new();
        for input in inputs {
            let path = match input {
                Input::Stdin => {
                    pending.push_back(Pending::Stdin);
                    continue;
                }
                Input::Path(p) => p.clone(),
            };
            match std::fs::metadata(&path) {
                Err(e) => {
                    missing_inputs += 1;
                    pending.push_back(Pending::Missing { path, why: e.to_string() });
                }
                Ok(meta) if meta.is_dir() => {
                    let mut found = Vec::new();
                    walk(&path, &mut found, &path, &mut manifest_dirs);
                    for item in found {
                        if let Pending::Text { path, .. } | Pending::Jsonl { path } = &item {
                            total_bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                        }
                        pending.push_back(item);
                    }
                }
                Ok(meta) if not_a_regular_file(&meta).is_some() => {
                    let what = not_a_regular_file(&meta).unwrap_or("not a regular file");
                    pending.push_back(Pending::Special { path, what });
                }
                Ok(meta) => {
                    total_bytes += meta.len();
                    if is_jsonl(&path) {
                        pending.push_back(Pending::Jsonl { path });
                    } else {
                        let root = path.parent().map(Path::to_owned).unwrap_or_default();
                        pending.push_back(Pending::Text { path, root });
                    }
                }
            }
        }
        Reader {
            pending,
            stream: None,
            seen: HashSet::new(),
            manifests: HashMap::new(),
            manifest_dirs,
            queued: VecDeque::new(),
            finished: false,
            published_field: "published".to_owned(),
            total_bytes,
            bytes_read: 0,
            missing_inputs,
            buf: Vec::new(),
        }
    }

    /// Reads the document date of JSONL records from field `name` (falling back to `published`
    /// when a record has no such field), in any form [`parse_published`] reads. The field stays
    /// in `metadata`.
    pub fn with_published_field(mut self, name: &str) -> Reader {
        name.clone_into(&mut self.published_field);
        self
    }

    /// Bytes of all named files (standard input is not counted): the denominator of progress.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Inputs named on the command line that do not exist or cannot be opened.
    pub fn missing_inputs(&self) -> usize {
        self.missing_inputs
    }

    /// The manifest of folder `dir`, read the first time (its problems queued as `errors` rows).
    fn manifest(&mut self, dir: &Path) -> Option<&mut Manifest> {
        if !self.manifests.contains_key(dir) {
            let file = dir.join("manifest.csv");
            let loaded = match read_manifest(&file, &mut self.queued) {
                Ok(rows) => rows.map(|rows| Manifest { file, rows, used: HashSet::new() }),
                Err(why) => {
                    self.queued.push_back(Issue::new(display(&file), "read", "bad_manifest", why));
                    None
                }
            };
            self.manifests.insert(dir.to_owned(), loaded);
        }
        self.manifests.get_mut(dir).and_then(Option::as_mut)
    }

    /// The metadata of text file `path` from the nearest `manifest.csv` that names it, in its
    /// folder or any folder above it up to `root` (the folder named on the command line).
    fn manifest_meta(&mut self, path: &Path, root: &Path) -> Option<Metadata> {
        let mut dir = path.parent()?;
        loop {
            let rel = path.strip_prefix(dir).map(display).unwrap_or_default();
            if let Some(manifest) = self.manifest(dir) {
                if let Some((_, meta)) = manifest.rows.get(&rel) {
                    let meta = meta.clone();
                    manifest.used.insert(rel);
                    return Some(meta);
                }
            }
            if dir == root || !dir.starts_with(root) {
                return None;
            }
            dir = dir.parent()?;
        }
    }

    fn text_file(&mut self, path: PathBuf, root: PathBuf) -> Item {
        let source = display(&path);
        let meta = self.manifest_meta(&path, &root).unwrap_or_default();
        let bytes = match read_regular(&path) {
            Ok(b) => b,
            Err(e) => {
                return Item::Issue(Issue::new(
                    source,
                    "read",
                    "unreadable",
                    format!("cannot read the file ({e}); check its permissions, or leave it out of the input"),
                ))
            }
        };
        self.bytes_read += bytes.len() as u64;
        let rel = path.strip_prefix(&root).map(display).unwrap_or_else(|_| source.clone());
        self.admit(RawDocument { doc_id: rel, source, body: Body::Bytes(bytes), meta, issues: Vec::new() })
    }

    /// After the last input: every row of a manifest in a folder that was read that names a
    /// file that does not exist becomes an `errors` row. (A row for a file that exists but took
    /// its metadata from a nearer manifest, or is no text file, is no surprise; a manifest read
    /// only for a file named on the command line is not checked for the rest.)
    fn unmatched_manifest_rows(&mut self) {
        let mut dirs = std::mem::take(&mut self.manifest_dirs);
        dirs.sort();
        dirs.dedup();
        for dir in &dirs {
            self.manifest(dir);
        }
        for dir in &dirs {
            let Some(Some(manifest)) = self.manifests.get(dir) else { continue };
            let mut unused: Vec<(&usize, &String)> = manifest
                .rows
                .iter()
                .filter(|(k, _)| !manifest.used.contains(*k) && !dir.join(k.as_str()).exists())
                .map(|(k, (row, _))| (row, k))
                .collect();
            unused.sort();
            for (row, name) in unused {
                self.queued.push_back(Issue::new(
                    display(&manifest.file),
                    "read",
                    "manifest_unmatched",
                    format!(
                        "row {row} names {name:?}, which does not exist; its metadata was not used (check the \
                         path: it is relative to the manifest's folder)"
                    ),
                ));
            }
        }
    }

    fn admit(&mut self, doc: RawDocument) -> Item {
        if self.seen.insert(doc.doc_id.clone()) {
            Item::Doc(doc)
        } else {
            Item::Issue(duplicate_id_issue(doc.source, &doc.doc_id))
        }
    }

    fn next_record(&mut self) -> Option<Item> {
        let stream = self.stream.as_mut()?;
        loop {
            self.buf.clear();
            match stream.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.stream = None;
                    return None;
                }
                Ok(n) => {
                    self.bytes_read += n as u64;
                    stream.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let source = format!("{}#{}", stream.name, stream.line);
                    let item = parse_record_with(&self.buf, source, &stream.name, stream.line, &self.published_field);
                    return Some(match item {
                        Item::Doc(doc) => self.admit(doc),
                        issue => issue,
                    });
                }
                Err(e) => {
                    let name = stream.name.clone();
                    self.stream = None;
                    return Some(Item::Issue(Issue::new(name, "read", "unreadable", format!("reading stopped: {e}"))));
                }
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(issue) = self.queued.pop_front() {
                return Some(Item::Issue(issue));
            }
            if let Some(item) = self.next_record() {
                return Some(item);
            }
            let Some(next) = self.pending.pop_front() else {
                if self.finished {
                    return None;
                }
                self.finished = true;
                self.unmatched_manifest_rows();
                continue;
            };
            match next {
                Pending::Issue(issue) => return Some(Item::Issue(issue)),
                Pending::Text { path, root } => {
                    let item = self.text_file(path, root);
                    // A manifest read for this file may have queued problems: they go first.
                    if !self.queued.is_empty() {
                        self.pending.push_front(match item {
                            Item::Doc(doc) => Pending::Ready(Box::new(doc)),
                            Item::Issue(issue) => Pending::Issue(issue),
                        });
                        continue;
                    }
                    return Some(item);
                }
                Pending::Ready(doc) => return Some(Item::Doc(*doc)),
                Pending::Special { path, what } => return Some(Item::Issue(special_file_issue(&path, what))),
                Pending::Missing { path, why } => {
                    return Some(Item::Issue(Issue::new(
                        display(&path),
                        "read",
                        "not_found",
                        format!("cannot open this input ({why}); check the path"),
                    )))
                }
                Pending::Jsonl { path } => match open_regular(&path) {
                    Ok(f) => {
                        self.stream = Some(JsonlStream {
                            name: display(&path),
                            reader: Box::new(BufReader::with_capacity(1 << 20, f)),
                            line: 0,
                        })
                    }
                    Err(e) => {
                        return Some(Item::Issue(Issue::new(
                            display(&path),
                            "read",
                            "unreadable",
                            format!("cannot open the JSONL file ({e}); check its permissions"),
                        )))
                    }
                },
                Pending::Stdin => {
                    self.stream = Some(JsonlStream {
                        name: "<stdin>".to_owned(),
                        reader: Box::new(BufReader::with_capacity(1 << 20, std::io::stdin())),
                        line: 0,
                    })
                }
            }
        }
    }
}

/// Parses a document date strictly: `YYYY-MM-DD`, or an ISO 8601 date-time that starts with one
/// (`2021-08-27T14:05:00Z`, `2021-08-27 14:05:00.123+02:00`: the date as written is the date).
/// Anything else, trailing text included, and years outside 1..9999 (which pandas, Arrow and
/// DuckDB cannot all hold) are `None`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, rest) = (s.get(..10)?, &s[10..]);
    let bytes = date.as_bytes();
    let shape = bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape || !(rest.is_empty() || is_iso_time(rest)) {
        return None;
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    (1..=9999).contains(&chrono::Datelike::year(&date)).then_some(date)
}

/// `THH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]` (or with a space for the `T`).
fn is_iso_time(s: &str) -> bool {
    let Some(s) = s.strip_prefix('T').or_else(|| s.strip_prefix(' ')) else { return false };
    let digits = |t: &str, n: usize| t.len() >= n && t.as_bytes()[..n].iter().all(u8::is_ascii_digit);
    let two = |t: &str, max: u32| digits(t, 2) && t[..2].parse::<u32>().is_ok_and(|v| v <= max);
    if !(two(s, 23) && s.as_bytes().get(2) == Some(&b':') && two(&s[3..], 59)) {
        return false;
    }
    let mut rest = &s[5..];
    if let Some(r) = rest.strip_prefix(':') {
        if !two(r, 60) {
            return false;
        }
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(',')) {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return false;
            }
            rest = &r[n..];
        }
    }
    match rest.as_bytes().first() {
        None => true,
        Some(b'Z') => rest.len() == 1,
        Some(b'+' | b'-') => {
            let zone = &rest[1..];
            (zone.len() == 5 && two(zone, 14) && zone.as_bytes()[2] == b':' && two(&zone[3..], 59))
                || (zone.len() == 4 && two(zone, 14) && two(&zone[2..], 59))
                || (zone.len() == 2 && two(zone, 14))
        }
        _ => false,
    }
}

/// The `errors` row for a document whose id an earlier document already used (it is skipped).
pub fn duplicate_id_issue(source: String, doc_id: &str) -> Issue {
    Issue::new(
        source,
        "read",
        "duplicate_id",
        format!(
            "doc_id {doc_id:?} was already used by an earlier document; this one was skipped (give it a unique id)"
        ),
    )
}

/// The `errors` row for a record without text.
pub fn missing_text_issue(source: String) -> Issue {
    Issue::new(source, "read", "missing_text", "the record has no \"text\" field".to_owned())
}

/// A document date from metadata, in any form [`parse_published`] reads; one it does not read
/// is left out with an `errors` row saying why (the document is still read, without a date).
pub fn published_metadata(source: &str, value: &str, issues: &mut Vec<Issue>) -> Option<NaiveDate> {
    match parse_published(value) {
        Ok(d) => Some(d.date),
        Err(why) => {
            issues.push(Issue::new(
                source.to_owned(),
                "read",
                "bad_metadata",
                format!("published: {why}; the document has no published date"),
            ));
            None
        }
    }
}

/// A date a user gives as an option (`--published`, the Python `published=`): exactly
/// `YYYY-MM-DD`, years 1 to 9999, or an error message saying so.
pub fn parse_user_date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).filter(|_| s.trim().len() == 10).ok_or_else(|| format!("{s:?} is not a date like 2021-08-27"))
}

/// A metadata text as the tables hold it: control characters replaced as in the text, white
/// space at the ends dropped; blank is none.
pub fn clean_metadata_text(s: &str) -> Option<String> {
    clean_text(s)
}

fn clean_text(s: &str) -> Option<String> {
    let s = crate::normalize::normalize_owned(s.to_owned());
    let t = s.trim();
    (!t.is_empty()).then(|| if t.len() == s.len() { s.clone() } else { t.to_owned() })
}

/// One JSONL line as the reader reads it: a document (its metadata checked, with `errors` rows
/// for what is wrong in it), or the `errors` row of a line that is no record. `source` names it
/// (`file#line`); a record without an id gets `file#line_no`.
pub fn parse_record(line: &[u8], source: String, file: &str, line_no: usize) -> Item {
    parse_record_with(line, source, file, line_no, "published")
}

/// [`parse_record`], the document date read from field `date_field` (else `published`).
pub fn parse_record_with(line: &[u8], source: String, file: &str, line_no: usize, date_field: &str) -> Item {
    let mut issues = Vec::new();
    let text = match std::str::from_utf8(line) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            issues.push(Issue::new(
                source.clone(),
                "read",
                "invalid_utf8",
                format!("invalid UTF-8 at byte {} of the line; replaced with U+FFFD", e.valid_up_to()),
            ));
            String::from_utf8_lossy(line)
        }
    };
    // A byte order mark (at the start of the file, or of a line pasted from another file).
    let json = text.trim().trim_start_matches('\u{FEFF}');
    let mut map: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(json) {
        Ok(serde_json::Value::Object(m)) => m,
        Ok(_) => {
            return Item::Issue(Issue::new(
                source,
                "read",
                "malformed_jsonl",
                "the line is JSON but not an object; expected {\"id\": ..., \"text\": ...}".to_owned(),
            ))
        }
        Err(e) => {
            return Item::Issue(Issue::new(
                source,
                "read",
                "malformed_jsonl",
                format!("not valid JSON ({e}); each line must be one JSON object"),
            ))
        }
    };
    let text = match map.remove("text") {
        Some(serde_json::Value::String(t)) => t,
        Some(_) => {
            return Item::Issue(Issue::new(
                source,
                "read",
                "missing_text",
                "the \"text\" field is not a string".to_owned(),
            ))
        }
        None => return Item::Issue(missing_text_issue(source)),
    };
    // An id is kept verbatim (but for control characters, replaced as in the text: a NUL in an
    // id would cut it short in every C string downstream); a blank or missing one becomes the
    // record's place.
    let doc_id = match map.remove("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
            let (id, controls) = crate::normalize::normalize_counting(s);
            if controls.replaced > 0 || id.contains('\n') {
                issues.push(Issue::new(
                    source.clone(),
                    "read",
                    "bad_metadata",
                    "the id holds control characters; they are replaced by spaces in doc_id".to_owned(),
                ));
            }
            id.replace('\n', " ")
        }
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::String(_) | serde_json::Value::Null) | None => format!("{file}#{line_no}"),
        Some(other) => {
            issues.push(Issue::new(
                source.clone(),
                "read",
                "bad_metadata",
                format!("id {other} is not a string or a number; the record's place is its id"),
            ));
            format!("{file}#{line_no}")
        }
    };
    let named = (date_field != "published").then(|| map.get(date_field).cloned()).flatten();
    // title, author, published: strings (a number is read as its digits); blank or null is none.
    let mut take_str = |key: &str, issues: &mut Vec<Issue>| match map.remove(key) {
        Some(serde_json::Value::String(s)) => clean_text(&s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => {
            let kind = if other.is_array() {
                "a list"
            } else if other.is_object() {
                "an object"
            } else {
                "a boolean"
            };
            issues.push(Issue::new(
                source.clone(),
                "read",
                "bad_metadata",
                format!("{key} is {kind}, not a string; left out"),
            ));
            None
        }
    };
    let title = take_str("title", &mut issues);
    let author = take_str("author", &mut issues);
    // The date: from the field named (which stays in metadata, as any other field of the user's),
    // else from `published` (kept in metadata verbatim when it says more than the date).
    let published = match named {
        Some(serde_json::Value::String(s)) => clean_text(&s).and_then(|p| published_metadata(&source, &p, &mut issues)),
        Some(serde_json::Value::Null) => None,
        Some(other) => {
            issues.push(Issue::new(
                source.clone(),
                "read",
                "bad_metadata",
                format!("{date_field} is {other}, not a date; the document has no published date"),
            ));
            None
        }
        None => {
            let raw = take_str("published", &mut issues);
            let date = raw.as_deref().and_then(|p| parse_published(p).ok());
            if let (Some(raw), Some(MetaDate { more: true, .. })) = (&raw, date) {
                map.insert("published".to_owned(), serde_json::Value::String(raw.clone()));
            }
            raw.and_then(|p| published_metadata(&source, &p, &mut issues))
        }
    };
    let extra = (!map.is_empty()).then(|| serde_json::Value::Object(map).to_string());
    Item::Doc(RawDocument {
        doc_id,
        source,
        body: Body::Text(text),
        meta: Metadata { title, author, published, extra },
        issues,
    })
}

#[derive(serde::Deserialize)]
struct ManifestRow {
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// Reads `manifest.csv` (`path,title,author,published`): `None` when there is none. A file that
/// is no CSV of those columns is an error; a bad row is left out, and a bad date left out of its
/// row, each with an `errors` row in `issues`.
fn read_manifest(path: &Path, issues: &mut VecDeque<Issue>) -> Result<Option<ManifestRows>, String> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the manifest: {e}")),
    };
    let mut rows = HashMap::new();
    let mut reader = csv::Reader::from_reader(file.take(64 << 20));
    let headers =
        reader.headers().map_err(|e| format!("not a CSV file ({e}); expected columns path,title,author,published"))?;
    if !headers.iter().any(|h| h.trim() == "path") {
        return Err(format!(
            "no path column (found {:?}); expected columns path,title,author,published",
            headers.iter().collect::<Vec<_>>()
        ));
    }
    let source = display(path);
    for (i, row) in reader.deserialize::<ManifestRow>().enumerate() {
        let n = i + 2;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                issues.push_back(Issue::new(source.clone(), "read", "bad_manifest", format!("row {n}: {e}; left out")));
                continue;
            }
        };
        let nonempty = |s: Option<String>| s.as_deref().and_then(clean_text);
        let published = match nonempty(row.published) {
            Some(p) => match parse_published(&p) {
                Ok(d) => Some(d.date),
                Err(why) => {
                    issues.push_back(Issue::new(
                        source.clone(),
                        "read",
                        "bad_metadata",
                        format!("row {n}: published: {why}; that file has no published date"),
                    ));
                    None
                }
            },
            None => None,
        };
        // Paths as written on any system: "sub\\a.txt" is "sub/a.txt".
        let key = row.path.trim().replace('\\', "/").trim_start_matches("./").to_owned();
        let meta = Metadata { title: nonempty(row.title), author: nonempty(row.author), published, extra: None };
        if let Some((first, _)) = rows.get(&key) {
            issues.push_back(Issue::new(
                source.clone(),
                "read",
                "bad_manifest",
                format!("row {n} names {key:?} again (row {first} did first, and is the one used); left out"),
            ));
            continue;
        }
        rows.insert(key, (n, meta));
    }
    Ok(Some(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_parsed_strictly() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2021-08-27"), d(2021, 8, 27));
        assert_eq!(parse_date(" 2021-08-27 "), d(2021, 8, 27));
        for ok in
            ["2021-08-27T14:05", "2021-08-27T14:05:09Z", "2021-08-27 14:05:09.123+02:00", "2021-08-27T23:59:60-0500"]
        {
            assert_eq!(parse_date(ok), d(2021, 8, 27), "{ok}");
        }
        for bad in [
            "2021-08-27garbage",
            "2021-08-27T",
            "2021-08-27T25:00",
            "2021-08-27T14:05:09+2é:00",
            "2021-8-27",
            "27/08/2021",
            "0000-01-01",
            "2021-02-30",
            "+12021-01-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_user_date("2021-08-27T10:00").is_err(), "an option takes a plain date");
        assert!(parse_user_date("0000-01-01").is_err());
    }

    #[test]
    fn blank_metadata_is_none_and_a_bom_is_no_record_of_its_own() {
        let line = "\u{FEFF}{\"id\": \"\", \"text\": \"T.\", \"title\": \"\", \"author\": \" \\u0000Jane \", \"published\": \"2021-08-27x\"}";
        let Item::Doc(doc) = parse_record(line.as_bytes(), "f#1".into(), "f", 1) else { panic!("not read") };
        assert_eq!(doc.doc_id, "f#1", "a blank id is the record's place");
        assert_eq!(doc.meta.title, None);
        assert_eq!(doc.meta.author.as_deref(), Some("Jane"));
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.issues.iter().map(|i| i.kind).collect::<Vec<_>>(), ["bad_metadata"]);
    }
}
