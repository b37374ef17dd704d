//! `numbers`: one row per number or quantity.

use gleaner_extract::NumberMention;

use super::{write_each, Cx, PerDocument, SPAN_DOC};

table! {
    /// `numbers`.
    NUMBERS = "numbers", "one row per number or quantity",
    |n: &'a NumberMention, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "number_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence holding it" => i64::from(n.sentence),
        "start": Int = SPAN_DOC => cx.at(n.span.start),
        "end": Int = SPAN_DOC => cx.at(n.span.end),
        "text": Str = "the whole expression" => cx.slice(n.span),
        "value": OptFloat = "point value; null for a pure range or a vague amount" => n.value,
        "low": OptFloat = "lowest value the text allows" => n.low,
        "high": OptFloat = "highest value the text allows" => n.high,
        "qualifier": Str = "exact, approx, at_least, more_than, at_most, less_than, range, vague" => n.qualifier.as_str(),
        "kind": Str = "cardinal, ordinal, percent, money, measure, fraction" => n.kind.as_str(),
        "unit": OptStr = "%, USD, km, ..." => n.unit.as_deref(),
        "counted": OptStr = "the noun phrase counted" => n.counted.as_deref(),
        "event": OptStr = "what happened to what is counted: killed, wounded, ..." => n.event.as_deref(),
        "rule": Str = "the rule that recognized it (gleaner_extract::numbers::RULES)" => n.rule,
    }
}

pub(crate) const ROWS: PerDocument =
    PerDocument { len: |f| f.numbers.len(), write: |f, cx, out| write_each(&f.numbers, cx, out, cells) };
