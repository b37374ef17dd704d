//! What every target shares: a document from the fuzzer's bytes, and the checks of its rows.

#![allow(dead_code)]

use gleaner_extract::{Extraction, Extractor};
use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument};

/// The first two bytes pick a document date (or none: both zero), within years 1..9999; the rest
/// is the text, as bytes from a file.
pub fn document(data: &[u8]) -> Option<Document> {
    let (date, text) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => (0, data),
    };
    let published = (date != 0).then(|| chrono::NaiveDate::from_num_days_from_ce_opt(i32::from(date) * 56)).flatten();
    let raw = RawDocument {
        doc_id: "fuzz".into(),
        source: "fuzz".into(),
        body: Body::Bytes(text.to_vec()),
        meta: Metadata { published, ..Metadata::default() },
        issues: vec![],
    };
    ingest(raw).ok().map(|(doc, _)| check_segments(doc))
}

/// Sentences in order inside the text, tokens inside their sentences, paragraphs in order.
pub fn check_segments(doc: Document) -> Document {
    let mut last = 0;
    for s in &doc.sentences {
        assert!(s.span.start >= last && s.span.start <= s.span.end, "sentence out of order: {:?}", s.span);
        assert!(doc.text.get(s.span.range()).is_some(), "sentence does not slice the text");
        last = s.span.end;
        for t in doc.sentence_tokens(s) {
            assert!(t.span.start >= s.span.start && t.span.end <= s.span.end, "token outside its sentence");
            assert!(doc.text.get(t.span.range()).is_some(), "token does not slice the text");
        }
    }
    assert!(doc.paragraphs.windows(2).all(|w| w[0].end <= w[1].start), "paragraphs out of order");
    assert!(!doc.text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "a control character");
    doc
}

/// Runs `extractors` directly (a panic is a crash the fuzzer reports) and checks the rows.
pub fn extract(doc: &Document, extractors: &[&dyn Extractor]) -> Extraction {
    let mut out = Extraction::default();
    for e in extractors {
        e.extract(doc, &mut out);
    }
    out.sort();
    if let Err(why) = out.validate(doc) {
        panic!("{why}");
    }
    out
}
