//! The document model handed from ingest to every extractor.

use chrono::NaiveDate;

/// A half-open byte range `[start, end)` into [`Document::text`].
///
/// Spans are byte offsets inside the library (so `&text[span]` is free); the export crate converts
/// them to the contract's code-point offsets with [`CharIndex`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start: start as u32, end: end as u32 }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// What part of a document a sentence belongs to.
///
/// Only [`Zone::Body`] and [`Zone::Heading`] are read by extractors; a byline and web boilerplate
/// stay in the text (offsets keep their meaning) but yield no extraction rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Running text.
    Body,
    /// A title or section heading (a line without final punctuation, or a question heading).
    Heading,
    /// A leading byline ("By Jane Roe", or a bare name on the first line).
    Byline,
    /// Trailing web boilerplate: comment, share and subscribe footers.
    Boilerplate,
}

impl Zone {
    /// The name used in the `sentences.zone` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Body => "body",
            Zone::Heading => "heading",
            Zone::Byline => "byline",
            Zone::Boilerplate => "boilerplate",
        }
    }

    /// True when extractors should read sentences of this zone.
    pub fn is_extractable(self) -> bool {
        matches!(self, Zone::Body | Zone::Heading)
    }
}

/// One sentence: its span, its paragraph, its zone and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the document text, trimmed of surrounding white space.
    pub span: Span,
    /// 0-based index of the paragraph holding it.
    pub paragraph: u32,
    /// Which part of the document it is in.
    pub zone: Zone,
    /// Indices `[first, last)` into [`Document::tokens`].
    pub tokens: std::ops::Range<u32>,
}

/// One token. Kept small: tokens are the unit of the hot path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the document text.
    pub span: Span,
}

/// Metadata that came with a document (JSONL fields, a manifest row, the command line).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Title, if known.
    pub title: Option<String>,
    /// Author, if known (a detected byline fills it when empty).
    pub author: Option<String>,
    /// Document creation date: the anchor for relative dates.
    pub published: Option<NaiveDate>,
    /// Other JSONL fields, as one JSON object, kept verbatim for the user.
    pub extra: Option<String>,
}

/// A normalized, segmented document: what every extractor reads.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable id (JSONL `id`, or the path relative to the input root).
    pub doc_id: String,
    /// Where it came from: a relative path, with `#line` for a JSONL record.
    pub source: String,
    /// Metadata (after byline detection).
    pub meta: Metadata,
    /// ISO 639-1 language code.
    pub language: &'static str,
    /// The normalized text; every span points into it.
    pub text: String,
    /// Hex SHA-256 of the original bytes.
    pub sha256: String,
    /// Paragraph spans, in order.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order; together they cover every non-space character of the text.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Every token's lower-case form, computed once for every extractor ([`Document::lower`]).
    lower: Lower,
}

/// The lower-case forms of a document's tokens, end to end, and where each ends.
#[derive(Clone, Debug, Default)]
struct Lower {
    text: String,
    ends: Vec<u32>,
}

impl Lower {
    /// Each token lower-cased (a typographic apostrophe written `'`, so "year’s" reads as
    /// "year's"): ASCII byte by byte, anything else by Unicode's lower case.
    fn of(text: &str, tokens: &[Token]) -> Lower {
        let mut lower = Lower { text: String::with_capacity(text.len()), ends: Vec::with_capacity(tokens.len()) };
        for t in tokens {
            let s = &text[t.span.range()];
            if s.is_ascii() {
                lower.text.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.text.extend(s.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
            }
            lower.ends.push(lower.text.len() as u32);
        }
        lower
    }
}

impl Document {
    /// A document of `text` segmented into `paragraphs`, `sentences` and `tokens`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        doc_id: String,
        source: String,
        meta: Metadata,
        text: String,
        sha256: String,
        paragraphs: Vec<Span>,
        sentences: Vec<Sentence>,
        tokens: Vec<Token>,
    ) -> Document {
        let lower = Lower::of(&text, &tokens);
        Document { doc_id, source, meta, language: "en", text, sha256, paragraphs, sentences, tokens, lower }
    }

    /// The lower-case form of token `k` (an index into [`Document::tokens`]; "" past the end).
    pub fn lower(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.lower.ends.get(k - 1).copied().unwrap_or(0) };
        match self.lower.ends.get(k) {
            Some(&end) => &self.lower.text[start as usize..end as usize],
            None => "",
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize]
    }

    /// Index of the sentence containing byte `offset` (the last sentence starting at or before it).
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= offset);
        i.checked_sub(1)
    }

    /// Sentences that extractors should read, with their indices.
    pub fn extractable_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences.iter().enumerate().filter(|(_, s)| s.zone.is_extractable())
    }

    /// A converter from byte offsets to the contract's code-point offsets.
    pub fn char_index(&self) -> CharIndex<'_> {
        CharIndex::new(&self.text)
    }

    /// The document cut into windows of at most `max_bytes` of text, as ranges of sentence
    /// indices, in order, covering every sentence: runs of whole paragraphs, and a paragraph
    /// longer than `max_bytes` cut between its sentences (a sentence longer than that is a window
    /// of its own). A document that fits is one window.
    pub fn windows(&self, max_bytes: usize) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        // The last sentence of the current window that begins a paragraph (a good place to cut).
        let mut paragraph_start = None;
        for (i, s) in self.sentences.iter().enumerate() {
            let new_paragraph = i > 0 && s.paragraph != self.sentences[i - 1].paragraph;
            if new_paragraph {
                paragraph_start = Some(i);
            }
            if i > start && (s.span.end - self.sentences[start].span.start) as usize > max_bytes {
                let mut cut = paragraph_start.filter(|&p| p > start).unwrap_or(i);
                // What is carried over from the paragraph's start must fit too.
                if cut < i && (s.span.end - self.sentences[cut].span.start) as usize > max_bytes {
                    out.push(start..cut);
                    start = cut;
                    cut = i;
                }
                out.push(start..cut);
                start = cut;
                paragraph_start = None;
            }
        }
        if start < self.sentences.len() || out.is_empty() {
            out.push(start..self.sentences.len());
        }
        out
    }

    /// Sentences `range` as a document of their own (same id, source and metadata), its text the
    /// span from the first sentence to the last: what a window of a long document is extracted
    /// from. Its spans shifted by [`Document::excerpt_base`] are spans of this document.
    pub fn excerpt(&self, range: std::ops::Range<usize>) -> Document {
        let sentences = &self.sentences[range.clone()];
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            return Document {
                text: String::new(),
                paragraphs: Vec::new(),
                sentences: Vec::new(),
                tokens: Vec::new(),
                ..self.clone_header()
            };
        };
        let (base, end) = (first.span.start, last.span.end);
        let shift = |s: Span| Span { start: s.start - base, end: s.end - base };
        let token_base = first.tokens.start;
        let tokens: Vec<Token> = self.tokens[first.tokens.start as usize..last.tokens.end as usize]
            .iter()
            .map(|t| Token { span: shift(t.span) })
            .collect();
        let paragraph_base = first.paragraph;
        let paragraphs: Vec<Span> = self.paragraphs[first.paragraph as usize..=last.paragraph as usize]
            .iter()
            .map(|p| shift(Span { start: p.start.clamp(base, end), end: p.end.clamp(base, end) }))
            .collect();
        let sentences = sentences
            .iter()
            .map(|s| Sentence {
                span: shift(s.span),
                paragraph: s.paragraph - paragraph_base,
                zone: s.zone,
                tokens: s.tokens.start - token_base..s.tokens.end - token_base,
            })
            .collect();
        let text = self.text[base as usize..end as usize].to_owned();
        let lower = Lower::of(&text, &tokens);
        Document { text, paragraphs, sentences, tokens, lower, ..self.clone_header() }
    }

    /// Where the excerpt of `range` starts: its byte offset in this document's text.
    pub fn excerpt_base(&self, range: std::ops::Range<usize>) -> u32 {
        self.sentences.get(range.start).map_or(0, |s| s.span.start)
    }

    /// Everything but the text and its segmentation.
    fn clone_header(&self) -> Document {
        Document {
            doc_id: self.doc_id.clone(),
            source: self.source.clone(),
            meta: self.meta.clone(),
            language: self.language,
            text: String::new(),
            sha256: self.sha256.clone(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            lower: Lower::default(),
        }
    }
}

/// Converts byte offsets of a text into Unicode code-point offsets (what Python's `str` and
/// DuckDB's `substring` count), in O(1) for ASCII text and O(64) otherwise.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Code points before each 64-byte block; empty when the text is ASCII.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl<'a> CharIndex<'a> {
    /// Builds the index (one pass over the text).
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex { text, blocks: Vec::new() };
        }
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in text.as_bytes().chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        CharIndex { text, blocks }
    }

    /// The index of `text` rebuilt from the blocks of an earlier index of the same text (see
    /// [`CharIndex::into_blocks`]), without a pass over the text.
    pub fn reuse(text: &'a str, blocks: Vec<u32>) -> CharIndex<'a> {
        debug_assert!(blocks.is_empty() == text.is_ascii());
        CharIndex { text, blocks }
    }

    /// The index's blocks, to [`CharIndex::reuse`] them for the same text.
    pub fn into_blocks(self) -> Vec<u32> {
        self.blocks
    }

    /// The code-point offset of byte offset `byte` (which must lie on a char boundary).
    pub fn char_offset(&self, byte: u32) -> u32 {
        if self.blocks.is_empty() {
            return byte;
        }
        let byte = byte as usize;
        let block = byte / BLOCK;
        let Some(&base) = self.blocks.get(block) else {
            // One past the end of the last full block.
            return self.text.chars().count() as u32;
        };
        let from = block * BLOCK;
        let extra = self.text.as_bytes()[from..byte].iter().filter(|&&b| !is_continuation(b)).count();
        base + extra as u32
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_char_counting() {
        let text = "Zürich’s airport — “no proof” — NATO-led. ".repeat(20) + "end";
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(index.char_offset(byte as u32) as usize, text[..byte].chars().count(), "at {byte}");
        }
    }

    fn doc(text: &str) -> Document {
        let raw = crate::RawDocument {
            doc_id: "d".into(),
            source: "d".into(),
            body: crate::Body::Text(text.into()),
            meta: Metadata::default(),
            issues: vec![],
        };
        crate::ingest(raw).unwrap().0
    }

    #[test]
    fn windows_are_whole_paragraphs_and_excerpts_are_documents() {
        let para = "One sentence here. Another one follows. A third closes it.";
        let text = [para; 6].join("\n\n");
        let d = doc(&text);
        assert_eq!(d.windows(text.len()), vec![0..18usize], "a document that fits is one window");
        let windows = d.windows(2 * para.len() + 10);
        assert_eq!(windows, [0..6, 6..12, 12..18], "cut between paragraphs");
        assert_eq!(d.windows(20), (0..18).map(|i| i..i + 1).collect::<Vec<_>>(), "a long paragraph is cut");
        for w in windows {
            let e = d.excerpt(w.clone());
            let base = d.excerpt_base(w.clone());
            assert_eq!(e.sentences.len(), w.len());
            for (s, t) in e.sentences.iter().zip(&d.sentences[w.clone()]) {
                assert_eq!(e.slice(s.span), d.slice(t.span));
                assert_eq!(s.span.start + base, t.span.start);
                assert_eq!(e.sentence_tokens(s).len(), d.sentence_tokens(t).len());
                for (a, b) in e.sentence_tokens(s).iter().zip(d.sentence_tokens(t)) {
                    assert_eq!(e.slice(a.span), d.slice(b.span));
                }
            }
            assert_eq!(e.paragraphs.len(), 2);
            assert!(e.paragraphs.iter().all(|p| e.slice(*p) == para));
        }
        assert!(doc("").windows(10).iter().all(|w| w.is_empty()));
        // A short paragraph, then one of three long sentences: no window holds more than the
        // limit (but for a sentence longer than it).
        let long = "A sentence of exactly enough words to be long, more or less here. ";
        let text = format!("Short one.\n\n{}", long.repeat(3));
        let d = doc(&text);
        let max = long.len() + long.len() / 2;
        for w in d.windows(max) {
            let size = d.sentences[w.end - 1].span.end - d.sentences[w.start].span.start;
            assert!(size as usize <= max || w.len() == 1, "{w:?}: {size} bytes");
        }
    }

    #[test]
    fn char_index_is_identity_on_ascii() {
        let index = CharIndex::new("plain ascii");
        assert_eq!(index.char_offset(6), 6);
    }
}
