//! `dates`: one row per temporal expression (TIMEX3).

use gleaner_extract::{DateMention, TimexMod};

use super::{write_each, Cx, PerDocument, SPAN_DOC};

table! {
    /// `dates`.
    DATES = "dates", "one row per temporal expression (TIMEX3)",
    |d: &'a DateMention, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "date_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence holding it" => i64::from(d.sentence),
        "start": Int = SPAN_DOC => cx.at(d.span.start),
        "end": Int = SPAN_DOC => cx.at(d.span.end),
        "text": Str = "documents.text[start:end]" => cx.slice(d.span),
        "type": Str = "DATE, TIME, DURATION, SET" => d.kind.as_str(),
        "value": Str = "TIMEX3 value" => &d.value,
        "mod": OptStr = "TIMEX3 mod" => d.modifier.map(TimexMod::as_str),
        "range_start": OptDate = "first day covered" => d.range_start,
        "range_end": OptDate = "last day covered" => d.range_end,
        "anchored": Bool = "resolved relative to the document date" => d.anchored,
        "anchor": OptDate = "the date it was resolved against" => d.anchor,
        "rule": Str = "the rule that recognized it (gleaner_extract::dates::rule_names)" => d.rule,
    }
}

pub(crate) const ROWS: PerDocument =
    PerDocument { len: |f| f.dates.len(), write: |f, cx, out| write_each(&f.dates, cx, out, cells) };
