//! Ingest for gleaner: read documents, normalize their text, and segment it into paragraphs,
//! sentences and tokens with offsets.
//!
//! [`Reader`] walks the inputs (text files, folders, JSONL, standard input) in a fixed order and
//! yields raw documents or [`Issue`]s; [`ingest`] turns one raw document into a [`Document`]: the
//! normalized text, its paragraphs, its sentences (each in a [`Zone`]: body, heading, byline or
//! boilerplate) and its tokens. [`ingest`] does no IO, so it runs on many threads at once.
//!
//! ```
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument, Zone};
//!
//! let raw = RawDocument {
//!     doc_id: "kabul".into(),
//!     source: "kabul.txt".into(),
//!     body: Body::Bytes("Jane Roe\nAt least 13 U.S. miners were killed. Dr. Smith said so.\nNo comments:".into()),
//!     meta: Metadata::default(),
//!     issues: Vec::new(),
//! };
//! let (doc, issues) = ingest(raw).expect("a text document");
//! assert!(issues.is_empty());
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Jane Roe", "At least 13 U.S. miners were killed.", "Dr. Smith said so.", "No comments:"]);
//! assert_eq!(doc.sentences[0].zone, Zone::Byline);
//! assert_eq!(doc.meta.author.as_deref(), Some("Jane Roe"));
//! assert_eq!(doc.sentences[3].zone, Zone::Boilerplate);
//! ```
#![deny(missing_docs)]

mod document;
pub mod lang;
mod layout;

mod markdown;
mod metadate;
mod normalize;
mod segment;
mod source;
mod token;
mod words;

pub use document::{CharIndex, Document, Metadata, Sentence, Span, Token, Zone};
pub use metadate::{parse_published, MetaDate};
pub use normalize::{
    decode, looks_binary, normalize_counting, normalize_newlines, normalize_owned, Controls, DecodeReport,
};
pub use segment::{paragraphs, sentences, MAX_SENTENCE_WORDS};
pub use source::{
    clean_metadata_text, duplicate_id_issue, missing_text_issue, parse_date, parse_record, parse_record_with,
    parse_user_date, published_metadata, Body, Input, Item, RawDocument, Reader,
};
pub use token::tokenize;

use sha2::{Digest, Sha256};

/// A row of the `errors` table: an input, or part of one, that could not be fully processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The input it concerns (a path, with `#line` for a JSONL record).
    pub source: String,
    /// Pipeline stage: `read`, `decode`, `segment`, `extract`, ...
    pub stage: &'static str,
    /// Machine-readable kind: `invalid_utf8`, `binary`, `empty`, `duplicate_id`, ...
    pub kind: &'static str,
    /// What happened and what to do about it.
    pub message: String,
}

impl Issue {
    /// A new issue.
    pub fn new(source: impl Into<String>, stage: &'static str, kind: &'static str, message: String) -> Issue {
        Issue { source: source.into(), stage, kind, message }
    }
}

/// Errors of the ingest library itself (as opposed to [`Issue`]s about the input).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A document too large for 32-bit offsets.
    #[error("{source_name}: {bytes} bytes is more than the 4 GiB a document may hold")]
    TooLarge {
        /// The input.
        source_name: String,
        /// Its size.
        bytes: usize,
    },
}

/// Normalizes and segments one raw document.
///
/// Returns the document and the issues met on the way (invalid UTF-8, an empty text), or, when
/// the input is no text document at all (binary, or too large), the issue that says why.
pub fn ingest(raw: RawDocument) -> Result<(Document, Vec<Issue>), Issue> {
    let RawDocument { doc_id, source, body, mut meta, mut issues } = raw;
    // Markdown is a file's format: a JSONL record or a batch row is plain text whatever its id.
    let markdown = matches!(body, Body::Bytes(_)) && is_markdown(&source);
    let (text, sha256) = match body {
        Body::Bytes(bytes) => {
            let sha = hex_sha256(&bytes);
            if looks_binary(&bytes) {
                return Err(Issue::new(
                    source,
                    "decode",
                    "binary",
                    "looks like a binary file (NUL or control bytes), not text; skipped. Convert it to text first"
                        .to_owned(),
                ));
            }
            let (text, r) = decode(bytes);
            if r.invalid_sequences > 0 {
                issues.push(Issue::new(
                    source.clone(),
                    "decode",
                    "invalid_utf8",
                    format!(
                        "{} invalid UTF-8 sequence(s), the first at byte {}; replaced with U+FFFD (re-encode the file as UTF-8)",
                        r.invalid_sequences,
                        r.first_invalid.unwrap_or(0)
                    ),
                ));
            }
            control_issue(&source, r.controls, &mut issues);
            (text, sha)
        }
        Body::Text(text) => {
            let sha = hex_sha256(text.as_bytes());
            let (text, controls) = normalize_counting(text);
            control_issue(&source, controls, &mut issues);
            (text, sha)
        }
    };
    if text.len() > u32::MAX as usize {
        let err = IngestError::TooLarge { source_name: source.clone(), bytes: text.len() };
        return Err(Issue::new(source, "decode", "too_large", err.to_string()));
    }
    if text.trim().is_empty() {
        issues.push(Issue::new(
            source.clone(),
            "decode",
            "empty",
            "the document has no text; kept as an empty document".to_owned(),
        ));
    }

    let mut paragraphs = segment::paragraphs(&text);
    // Markdown: `# Heading` lines are heading paragraphs of their own, without their `#`s.
    let markdown_headings = if markdown { markdown::headings(&text, &mut paragraphs) } else { Vec::new() };
    let mut spans = Vec::new();
    let mut counts = Vec::with_capacity(paragraphs.len());
    let mut owner = Vec::new();
    for (p, &para) in paragraphs.iter().enumerate() {
        let before = spans.len();
        segment::sentences(&text, para, &mut spans);
        counts.push(spans.len() - before);
        owner.resize(spans.len(), p as u32);
    }
    let (mut zones, author) = layout::zones(&text, &paragraphs, &counts);
    for &i in &markdown_headings {
        zones[i] = Zone::Heading;
    }
    if meta.author.is_none() {
        meta.author = author;
    }
    if let (None, Some(&first)) = (&meta.title, markdown_headings.first()) {
        meta.title = Some(text[paragraphs[first].range()].to_owned());
    }
    if meta.title.is_none() {
        let first = zones.iter().position(|z| *z != Zone::Byline);
        if let Some(i) = first.filter(|&i| zones[i] == Zone::Heading && !text[paragraphs[i].range()].ends_with('?')) {
            meta.title = Some(text[paragraphs[i].range()].to_owned());
        }
    }
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let sentences = spans
        .iter()
        .zip(&owner)
        .map(|(&span, &p)| {
            let first = tokens.len() as u32;
            token::tokenize(&text, span, &mut tokens);
            // Wire copy's credit lines and image markers are boilerplate wherever they stand (a
            // heading only when it is a marker: "Photos By Drone Show Flood Damage" stays one).
            let alone = counts[p as usize] == 1;
            let zone = match zones[p as usize] {
                Zone::Body if layout::is_furniture(&text[span.range()], alone) => Zone::Boilerplate,
                Zone::Heading if layout::is_marker(&text[span.range()]) => Zone::Boilerplate,
                zone => zone,
            };
            Sentence { span, paragraph: p, zone, tokens: first..tokens.len() as u32 }
        })
        .collect();
    let doc = Document::new(doc_id, source, meta, text, sha256, paragraphs, sentences, tokens);
    Ok((doc, issues))
}

/// A Markdown file, by its name.
fn is_markdown(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The `errors` row for control characters replaced in a document's text.
fn control_issue(source: &str, controls: Controls, issues: &mut Vec<Issue>) {
    if controls.replaced > 0 {
        issues.push(Issue::new(
            source.to_owned(),
            "decode",
            "control_characters",
            format!(
                "{} control character(s) (NUL, escape, DEL or C1), the first at character {}, replaced by spaces; \
                 offsets are unchanged",
                controls.replaced,
                controls.first.unwrap_or(0)
            ),
        ));
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        out.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(bytes: &[u8]) -> RawDocument {
        RawDocument {
            doc_id: "d".into(),
            source: "d.txt".into(),
            body: Body::Bytes(bytes.to_vec()),
            meta: Metadata::default(),
            issues: vec![],
        }
    }

    #[test]
    fn sha256_is_of_the_original_bytes() {
        let (doc, _) = ingest(raw(b"abc")).unwrap();
        assert_eq!(doc.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn question_heading_and_title() {
        let text = "Harbor Bridge Collapse Explained\nThe toll rose on Friday, officials said.\nWho is the leader?\nNobody knows who leads the group now, analysts said.";
        let (doc, _) = ingest(raw(text.as_bytes())).unwrap();
        let zones: Vec<Zone> = doc.sentences.iter().map(|s| s.zone).collect();
        assert_eq!(zones, [Zone::Heading, Zone::Body, Zone::Heading, Zone::Body]);
        assert_eq!(doc.meta.title.as_deref(), Some("Harbor Bridge Collapse Explained"));
    }

    /// Wire copy's furniture is boilerplate wherever it stands, a sentence of a paragraph too;
    /// a photo caption's text is the story's.
    #[test]
    fn wire_credits_and_markers_are_boilerplate() {
        let text = "LIMA, Dec 7 (Reuters) - Peru's congress voted on Tuesday.\n\nFILE PHOTO: A view of the congress in Lima, Peru, May 2, 2022. REUTERS/Jane Roe/File Photo\n\nSlideshow (3 images)\n\nThe vote was close.\n\nReporting by Ana Diaz in Lima; Editing by John Q. Public";
        let (doc, _) = ingest(raw(text.as_bytes())).unwrap();
        let zones: Vec<(&str, Zone)> = doc.sentences.iter().map(|s| (doc.slice(s.span), s.zone)).collect();
        let boilerplate: Vec<&str> = zones.iter().filter(|(_, z)| *z == Zone::Boilerplate).map(|(t, _)| *t).collect();
        assert_eq!(
            boilerplate,
            [
                "REUTERS/Jane Roe/File Photo",
                "Slideshow (3 images)",
                "Reporting by Ana Diaz in Lima; Editing by John Q. Public"
            ]
        );
        assert!(zones.iter().any(|(t, z)| t.starts_with("FILE PHOTO: A view") && *z == Zone::Body));
    }

    #[test]
    fn bad_bytes_are_issues_not_panics() {
        assert_eq!(ingest(raw(b"\x00\x01\x02ELF")).unwrap_err().kind, "binary");
        let (doc, issues) = ingest(raw(b"caf\xE9.")).unwrap();
        assert_eq!(doc.text, "caf\u{FFFD}.");
        assert_eq!(issues[0].kind, "invalid_utf8");
        let (doc, issues) = ingest(raw(b"")).unwrap();
        assert!(doc.sentences.is_empty());
        assert_eq!(issues[0].kind, "empty");
    }
}
