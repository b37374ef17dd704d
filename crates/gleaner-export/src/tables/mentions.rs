//! `mentions`: one row per entity mention.

use gleaner_extract::Mention;

use super::{write_each, Cx, PerDocument, SPAN_DOC};

table! {
    /// `mentions`.
    MENTIONS = "mentions", "one row per entity mention",
    |m: &'a Mention, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "mention_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence holding it" => i64::from(m.sentence),
        "start": Int = SPAN_DOC => cx.at(m.span.start),
        "end": Int = SPAN_DOC => cx.at(m.span.end),
        "text": Str = "documents.text[start:end]" => cx.slice(m.span),
        "label": Str = "OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, MISC"
            => m.label.as_str(),
        "entity_id": Str = "entities.entity_id" => &m.entity_id,
        "confidence": Float = "0..1" => f64::from(m.confidence),
        "method": Str = "model, lexicon, alias, ..." => m.method,
        "rule": OptStr = "the rule that set the span or type over the tagger's (gleaner_extract::entities::RULES); null where the tagger decided"
            => m.rule,
    }
}

pub(crate) const ROWS: PerDocument =
    PerDocument { len: |f| f.mentions.len(), write: |f, cx, out| write_each(&f.mentions, cx, out, cells) };
