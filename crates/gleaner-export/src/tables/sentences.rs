//! `sentences`: one row per sentence.

use gleaner_ingest::Sentence;

use super::{Cx, SPAN_DOC};

table! {
    /// `sentences`.
    SENTENCES = "sentences", "one row per sentence",
    |s: &'a Sentence, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "sentence_idx": Int = "0-based within the document" => cx.idx(),
        "paragraph_idx": Int = "0-based within the document" => s.paragraph as i64,
        "start": Int = SPAN_DOC => cx.at(s.span.start),
        "end": Int = SPAN_DOC => cx.at(s.span.end),
        "text": Str = "documents.text[start:end]" => cx.slice(s.span),
        "zone": Str = "body, heading, byline or boilerplate; only body and heading are extracted (added to the contract)"
            => s.zone.as_str(),
    }
}
