//! The dates extractor alone on any text, with any document date.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::document(data) {
        common::extract(&doc, &[&gleaner_extract::dates::Dates]);
    }
});
