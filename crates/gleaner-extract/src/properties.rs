//! Property tests: any text, through ingest and every extractor called directly (not through
//! `Pipeline::run`, which would catch a panic), gives rows that pass `Extraction::validate`.
//! Texts are built from the pieces that once broke an extractor (titles, name particles,
//! hyphenated branches, huge counts, dates, brackets, quotes, odd Unicode) and from arbitrary
//! strings; `cargo fuzz` (see `fuzz/`) searches the same properties by coverage.

use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
use proptest::prelude::*;

use crate::{dates, entities, events, numbers, quotes, relations, Extraction, Extractor};

const PIECES: &[&str] = &[
    "Dr.", "Mr.", "Ms.", "Prof.", "PROF.", "Sr.", "President", "Prime Minister", "La", "von", "der", "de", "del",
    "al-", "bin", "van", "Hamas-Gaza", "BBC-Wales", "al-Baghdadi", "Jean", "Bernard", "Jane", "Roe", "Jones", "Lisbon",
    "Kabul", "U.S.", "the", "group", "leader", "of", "said", "killed", "met", "in", "on", "at least", "13", "1,500",
    "99999999", "4294967295", "two billion", "one", "hundred", "first", "last", "days", "weeks", "months", "May",
    "June", "Friday", "2021", "1990s", "the 1st century", "5%", "$75 million", "-", "--", "—", "(", ")", "[", "\"",
    "“", "”", "'s", "’", ",", ".", "?", "!", ";", ":", "...", "\n", "\n\n", "\t", "İstanbul", "ẞ", "e\u{301}",
    "\u{200B}", "\u{FEFF}", "١٢٣", "１２", "😀", "\u{0}", "\u{1b}", "\r\n",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => "[A-Z][a-z]{0,8}(-[A-Z][a-z]{0,6})?",
    ];
    proptest::collection::vec((piece, proptest::sample::select(&[" ", " ", " ", "", "\n"][..])), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

fn document(text: String, published: Option<chrono::NaiveDate>) -> Option<gleaner_ingest::Document> {
    let raw = RawDocument {
        doc_id: "p".into(),
        source: "p".into(),
        body: Body::Bytes(text.into_bytes()),
        meta: Metadata { published, ..Metadata::default() },
        issues: vec![],
    };
    ingest(raw).ok().map(|(doc, _)| doc)
}

/// The standard extractors in order, each called directly: a panic fails the test.
fn extract(doc: &gleaner_ingest::Document) -> Extraction {
    let mut out = Extraction::default();
    dates::Dates.extract(doc, &mut out);
    numbers::Numbers.extract(doc, &mut out);
    entities::Entities::shipped().extract(doc, &mut out);
    relations::Relations::shipped().extract(doc, &mut out);
    quotes::Quotes.extract(doc, &mut out);
    events::Events.extract(doc, &mut out);
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_rows(text in text(), days in proptest::option::of(-400_000i32..400_000)) {
        let published = days.and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(738_000 + d));
        if let Some(doc) = document(text, published) {
            // Segmentation covers the text: sentences in order, inside it, tokens inside them.
            let mut last = 0;
            for s in &doc.sentences {
                prop_assert!(s.span.start >= last && s.span.end >= s.span.start);
                prop_assert!(doc.text.get(s.span.range()).is_some());
                last = s.span.end;
                for t in doc.sentence_tokens(s) {
                    prop_assert!(t.span.start >= s.span.start && t.span.end <= s.span.end);
                }
            }
            let found = extract(&doc);
            prop_assert_eq!(found.validate(&doc), Ok(()));
        }
    }

    #[test]
    fn any_bytes_ingest_or_are_an_issue(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let raw = RawDocument {
            doc_id: "b".into(), source: "b".into(), body: Body::Bytes(bytes),
            meta: Metadata::default(), issues: vec![],
        };
        if let Ok((doc, _)) = ingest(raw) {
            prop_assert!(!doc.text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert_eq!(extract(&doc).validate(&doc), Ok(()));
        }
    }
}
