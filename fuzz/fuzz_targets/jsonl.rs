//! Any bytes as a JSONL line: a document (then ingested) or an errors row, never a panic.
#![no_main]
#[path = "common.rs"]
mod common;

use gleaner_ingest::{ingest, parse_record, Item};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Item::Doc(raw) = parse_record(data, "f#1".into(), "f", 1) {
        for value in [&raw.meta.title, &raw.meta.author] {
            assert!(value.as_deref().is_none_or(|v| !v.trim().is_empty()), "blank metadata kept");
        }
        if let Some(date) = raw.meta.published {
            assert!((1..=9999).contains(&chrono::Datelike::year(&date)), "a date out of range");
        }
        if let Ok((doc, _)) = ingest(raw) {
            common::check_segments(doc);
        }
    }
});
