//! Relations on the tagger's mentions of any text.
#![no_main]
#[path = "common.rs"]
mod common;

use gleaner_extract::{entities::Entities, relations::Relations};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::document(data) {
        common::extract(&doc, &[&Entities::shipped(), &Relations::shipped()]);
    }
});
