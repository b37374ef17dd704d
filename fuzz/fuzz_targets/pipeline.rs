//! The whole pipeline on one document. Its rows pass `Extraction::validate`, which is what the
//! dataset writer needs of them (every span slices the text on character boundaries).
#![no_main]
#[path = "common.rs"]
mod common;

use gleaner_extract::{
    dates::Dates, entities::Entities, events::Events, numbers::Numbers, quotes::Quotes, relations::Relations,
};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::document(data) {
        let found = common::extract(&doc, &[&Dates, &Numbers, &Entities::shipped(), &Relations::shipped(), &Quotes, &Events]);
        // The contract's offsets: every span converts to code points.
        let index = doc.char_index();
        for m in &found.mentions {
            assert!(index.char_offset(m.span.start) <= index.char_offset(m.span.end));
        }
    }
});
