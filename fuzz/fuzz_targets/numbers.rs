//! The numbers extractor alone on any text.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::document(data) {
        common::extract(&doc, &[&gleaner_extract::numbers::Numbers]);
    }
});
