//! Inputs: text files, folders, JSONL files and standard input, read in a fixed order.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::Metadata;
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
    Text { path: PathBuf, root: PathBuf },
    Jsonl { path: PathBuf },
    Stdin,
    Missing { path: PathBuf, why: String },
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
    manifests: HashMap<PathBuf, Result<HashMap<String, Metadata>, String>>,
    reported_manifests: HashSet<String>,
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

fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

fn is_jsonl(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push((dir.to_owned(), e.to_string()));
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
            walk(&path, out, problems);
        } else if is_text_file(&path) {
            // Files and links to them; a dangling link is kept so that reading it reports it.
            out.push(path);
        }
    }
}

impl Reader {
    /// Plans the reading of `inputs` (folders are listed now; files are read as they are reached).
    pub fn new(inputs: &[Input]) -> Reader {
        let mut pending = VecDeque::new();
        let mut total_bytes = 0;
        let mut missing_inputs = 0;
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
                    let mut files = Vec::new();
                    let mut problems = Vec::new();
                    walk(&path, &mut files, &mut problems);
                    for (p, why) in problems {
                        pending.push_back(Pending::Missing { path: p, why });
                    }
                    for file in files {
                        total_bytes += std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                        pending.push_back(Pending::Text { path: file, root: path.clone() });
                    }
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
            reported_manifests: HashSet::new(),
            total_bytes,
            bytes_read: 0,
            missing_inputs,
            buf: Vec::new(),
        }
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

    fn manifest_meta(&mut self, path: &Path) -> Result<Option<Metadata>, Issue> {
        let dir = path.parent().map(Path::to_owned).unwrap_or_default();
        let entry = self.manifests.entry(dir.clone()).or_insert_with(|| read_manifest(&dir.join("manifest.csv")));
        match entry {
            Ok(rows) => {
                let name = path.strip_prefix(&dir).map(display).unwrap_or_default();
                Ok(rows.get(&name).cloned())
            }
            Err(why) => Err(Issue::new(display(&dir.join("manifest.csv")), "read", "bad_manifest", why.clone())),
        }
    }

    fn text_file(&mut self, path: PathBuf, root: PathBuf) -> Item {
        let source = display(&path);
        let bytes = match std::fs::read(&path) {
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
        let mut issues = Vec::new();
        let meta = match self.manifest_meta(&path) {
            Ok(m) => m.unwrap_or_default(),
            Err(issue) => {
                // Report a broken manifest once, with the first document of its folder.
                if self.reported_manifests.insert(issue.source.clone()) {
                    issues.push(issue);
                }
                Metadata::default()
            }
        };
        self.admit(RawDocument { doc_id: rel, source, body: Body::Bytes(bytes), meta, issues })
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
                    let item = record(&self.buf, source, &stream.name, stream.line);
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
            if let Some(item) = self.next_record() {
                return Some(item);
            }
            match self.pending.pop_front()? {
                Pending::Text { path, root } => return Some(self.text_file(path, root)),
                Pending::Missing { path, why } => {
                    return Some(Item::Issue(Issue::new(
                        display(&path),
                        "read",
                        "not_found",
                        format!("cannot open this input ({why}); check the path"),
                    )))
                }
                Pending::Jsonl { path } => match File::open(&path) {
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

/// Parses a `YYYY-MM-DD` date (a longer ISO timestamp is cut to its date).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
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

/// A record's `published` field as a date; one that is not `YYYY-MM-DD` is ignored with an
/// issue (the document is still read).
pub fn published_metadata(source: &str, value: &str, issues: &mut Vec<Issue>) -> Option<NaiveDate> {
    let date = parse_date(value);
    if date.is_none() {
        issues.push(Issue::new(
            source.to_owned(),
            "read",
            "bad_metadata",
            format!("published {value:?} is not a YYYY-MM-DD date; ignored"),
        ));
    }
    date
}

/// A date a user gives as an option (`--published`, the Python `published=`): exactly
/// `YYYY-MM-DD`, or an error message saying so.
pub fn parse_user_date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).filter(|_| s.trim().len() == 10).ok_or_else(|| format!("{s:?} is not a date like 2021-08-27"))
}

fn record(line: &[u8], source: String, file: &str, line_no: usize) -> Item {
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
    let mut map: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(text.trim()) {
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
    let doc_id = match map.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("{file}#{line_no}"),
        Some(other) => other.to_string(),
    };
    let mut take_str = |key: &str| match map.remove(key) {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let title = take_str("title");
    let author = take_str("author");
    let published = take_str("published").and_then(|p| published_metadata(&source, &p, &mut issues));
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

/// Reads `manifest.csv` (`path,title,author,published`); a missing file is an empty manifest.
fn read_manifest(path: &Path) -> Result<HashMap<String, Metadata>, String> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(e) => return Err(format!("cannot read the manifest: {e}")),
    };
    let mut rows = HashMap::new();
    let mut reader = csv::Reader::from_reader(file.take(64 << 20));
    for (i, row) in reader.deserialize::<ManifestRow>().enumerate() {
        let row =
            row.map_err(|e| format!("manifest row {}: {e}; expected columns path,title,author,published", i + 2))?;
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let published = match nonempty(row.published) {
            Some(p) => Some(
                parse_date(&p).ok_or_else(|| format!("manifest row {}: published {p:?} is not YYYY-MM-DD", i + 2))?,
            ),
            None => None,
        };
        let key = row.path.trim().trim_start_matches("./").to_owned();
        rows.insert(key, Metadata { title: nonempty(row.title), author: nonempty(row.author), published, extra: None });
    }
    Ok(rows)
}
