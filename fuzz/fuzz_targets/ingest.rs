//! Any bytes as a text file: a document whose segments cover the text in order, or an issue.
#![no_main]
#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = common::document(data);
});
