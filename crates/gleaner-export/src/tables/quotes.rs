//! `quotes`: one row per quotation: what was said, by whom, with which cue.

use gleaner_extract::Quote;

use super::{write_each, Cx, PerDocument, SPAN_DOC};

table! {
    /// `quotes`.
    QUOTES = "quotes", "one row per quotation: what was said, by whom",
    |q: &'a Quote, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "quote_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence holding it" => i64::from(q.sentence),
        "start": Int = "content start (without quotation marks), in code points" => cx.at(q.span.start),
        "end": Int = "content end, in code points" => cx.at(q.span.end),
        "text": Str = "documents.text[start:end]" => cx.slice(q.span),
        "kind": Str = "direct, mixed, indirect" => q.kind.as_str(),
        "speaker_text": Str = "the mention the speaker is read from: a name or a pronoun" => cx.slice(q.speaker),
        "speaker_start": Int = SPAN_DOC => cx.at(q.speaker.start),
        "speaker_end": Int = SPAN_DOC => cx.at(q.speaker.end),
        "speaker_entity_id": OptStr = "entities.entity_id of the speaker; null if unknown" => q.speaker_entity.as_deref(),
        "cue": Str = "said, told, according to, ..." => cx.slice(q.cue),
        "cue_start": Int = SPAN_DOC => cx.at(q.cue.start),
        "cue_end": Int = SPAN_DOC => cx.at(q.cue.end),
        "confidence": Float = "0..1" => f64::from(q.confidence),
        "rule": Str = "the rule that read it (gleaner_extract::quotes::RULES)" => q.rule,
    }
}

pub(crate) const ROWS: PerDocument =
    PerDocument { len: |f| f.quotes.len(), write: |f, cx, out| write_each(&f.quotes, cx, out, cells) };
