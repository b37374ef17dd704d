//! The data-driven suite: `testdata/numbers.jsonl`, one case a line: a sentence and every row it
//! must give (text, and any of value, low, high, qualifier, kind, unit, counted, event; a key set
//! to null must be null). Rows are matched in order; a case lists all rows. Adding a case needs no code.

use super::Numbers;
use crate::testkit::{check_suite, doc};
use crate::Pipeline;

#[test]
fn testdata_numbers() {
    check_suite(include_str!("../../testdata/numbers.jsonl"), "rows", 40, |case| {
        let doc = doc(case["text"].as_str().unwrap(), None);
        let found = Pipeline::new().with(Numbers).run(&doc);
        found
            .numbers
            .iter()
            .map(|n| {
                serde_json::json!({
                    "text": doc.slice(n.span), "value": n.value, "low": n.low, "high": n.high,
                    "qualifier": n.qualifier.as_str(), "kind": n.kind.as_str(), "unit": n.unit,
                    "counted": n.counted, "event": n.event,
                })
            })
            .collect()
    });
}

/// Random text made of the pieces the grammar reacts to must never panic, and every row's span
/// must lie on character boundaries inside its sentence. (A fixed xorshift seed: reproducible.)
#[test]
fn random_text_never_breaks_the_scanner() {
    const PIECES: &[&str] = &[
        "1", "22", "1,500", "2.5", ".5", "-", "–", "/", "%", "$", "£", "€", "₿", "元", "k", "m", "bn", "e", "^",
        "x10^", "one", "twenty", "-one", "hundred", "and", "a", "half", "thirds", "dozen", "dozens", "of", "million",
        "point", "over", "in", "between", "more", "than", "at", "least", "or", "to", "minus", "first", "the", "killed",
        "were", "people", "U.S.", "dlrs", "pct", "km", "ft", "inches", "½", "é", "“", "”", ",", ".", ";", " ", " ",
        " ", "\n", ">", "<=", "≥", "(", ")", "{", "'s", "’", "1e400", "99999999999999999999", "0", "2021", "June",
        "9/11",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = 1 + next() % 24;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let doc = doc(&text, None);
        let found = Pipeline::new().with(Numbers).run(&doc);
        for n in &found.numbers {
            let s = &doc.sentences[n.sentence as usize];
            assert!(
                s.span.start <= n.span.start && n.span.end <= s.span.end && n.span.start < n.span.end,
                "{text:?}: {n:?}"
            );
            assert!(doc.text.is_char_boundary(n.span.start as usize) && doc.text.is_char_boundary(n.span.end as usize));
            assert!([n.value, n.low, n.high].iter().flatten().all(|v| v.is_finite()), "{text:?}: {n:?}");
        }
    }
}

/// Every rule of [`super::RULES`] is named once, in snake_case, and its examples yield a row of
/// it; every rule a row of those examples names is in the table.
#[test]
fn every_rule_has_an_example_that_yields_it() {
    crate::testkit::check_rules(super::RULES, |text| {
        Pipeline::new().with(Numbers).run(&doc(text, None)).numbers.iter().map(|n| Some(n.rule)).collect()
    });
}
