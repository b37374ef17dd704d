//! `relations`: one row per relation between two entities.

use gleaner_extract::Relation;

use super::{write_each, Cx, PerDocument, SPAN_DOC};

table! {
    /// `relations`.
    RELATIONS = "relations", "one row per relation between two entities",
    |r: &'a Relation, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "relation_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence holding the evidence" => i64::from(r.sentence),
        "subject_entity_id": Str = "entities.entity_id" => &r.subject.entity_id,
        "subject_text": Str = "documents.text[subject_start:subject_end]" => cx.slice(r.subject.span),
        "subject_start": Int = SPAN_DOC => cx.at(r.subject.span.start),
        "subject_end": Int = SPAN_DOC => cx.at(r.subject.span.end),
        "predicate": Str = "leader_of, member_of, ..." => r.predicate.as_str(),
        "object_entity_id": Str = "entities.entity_id" => &r.object.entity_id,
        "object_text": Str = "documents.text[object_start:object_end]" => cx.slice(r.object.span),
        "object_start": Int = SPAN_DOC => cx.at(r.object.span.start),
        "object_end": Int = SPAN_DOC => cx.at(r.object.span.end),
        "start": Int = "evidence span start, in code points" => cx.at(r.evidence.start),
        "end": Int = "evidence span end, in code points" => cx.at(r.evidence.end),
        "text": Str = "the evidence" => cx.slice(r.evidence),
        "confidence": Float = "0..1" => f64::from(r.confidence),
        "method": Str = "rule, model, ..." => r.method,
        "rule": OptStr = "the rule that read it (gleaner_extract::relations::RULES); null when the model did" => r.rule,
    }
}

pub(crate) const ROWS: PerDocument =
    PerDocument { len: |f| f.relations.len(), write: |f, cx, out| write_each(&f.relations, cx, out, cells) };
