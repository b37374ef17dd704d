//! The data-driven suite: `testdata/dates.jsonl`, one case a line: a sentence, its document date
//! (or null) and every temporal expression it must give, in order: text, value, and any of
//! type, mod, range_start, range_end, anchored. Adding a case needs no code.

use super::rules::{Run, RULES};
use super::Dates;
use crate::testkit::{check_suite, doc};
use crate::words::Words;
use crate::{Pipeline, TimexMod};

#[test]
fn testdata_dates() {
    check_suite(include_str!("../../testdata/dates.jsonl"), "dates", 25, |case| {
        let doc = doc(case["text"].as_str().unwrap(), case["published"].as_str());
        let found = Pipeline::new().with(Dates).run(&doc);
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        found
            .dates
            .iter()
            .map(|d| {
                serde_json::json!({
                    "text": doc.slice(d.span), "type": d.kind.as_str(), "value": d.value, "mod": d.modifier.map(TimexMod::as_str),
                    "range_start": date(d.range_start), "range_end": date(d.range_end), "anchored": d.anchored,
                })
            })
            .collect()
    });
}

/// Every rule has a unique snake_case name.
#[test]
fn rule_names_are_unique_snake_case() {
    let mut seen = std::collections::HashSet::new();
    for r in RULES {
        let snake = r.name.starts_with(|c: char| c.is_ascii_lowercase())
            && r.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && !r.name.ends_with('_')
            && !r.name.contains("__");
        assert!(snake, "rule name {:?} is not snake_case", r.name);
        assert!(seen.insert(r.name), "rule name {:?} registered twice", r.name);
    }
}

/// Every example of every rule, run through the extractor (published 2021-08-27), gives a row
/// that starts on a word the rule's own first-word spec admits, made by that rule (a wrapper's
/// row keeps its inner rule's name). A rule whose first words are missing from its spec fails
/// here: the gate would not let it run, or the row starts on a word the spec does not list.
#[test]
fn every_rule_recognizes_its_examples() {
    let mut failures = Vec::new();
    for rule in RULES {
        assert!(!rule.examples.is_empty(), "rule {} has no examples", rule.name);
        for example in rule.examples {
            let doc = doc(example, Some("2021-08-27"));
            let found = Pipeline::new().with(Dates).run(&doc);
            let mut admitted = Vec::new();
            Words::default().each_sentence(&doc, |words, _| {
                admitted.extend((0..words.len()).filter(|&i| rule.admits(words, i)).map(|i| words.spans[i].start));
            });
            let wrapper = matches!(rule.run, Run::Wrapper);
            let ok = found.dates.iter().any(|d| {
                admitted.contains(&d.span.start) && if wrapper { d.rule != rule.name } else { d.rule == rule.name }
            });
            if !ok {
                let rows: Vec<_> = found.dates.iter().map(|d| (doc.slice(d.span), d.rule)).collect();
                failures.push(format!("{}: {example:?} gave {rows:?}", rule.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} example(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Every row of the data-driven suite names a registered rule that makes rows.
#[test]
fn rows_name_registered_rules() {
    for case in crate::testkit::cases(include_str!("../../testdata/dates.jsonl")) {
        let doc = doc(case["text"].as_str().unwrap(), case["published"].as_str());
        for d in Pipeline::new().with(Dates).run(&doc).dates {
            let rule = RULES.iter().find(|r| r.name == d.rule);
            assert!(
                rule.is_some_and(|r| !matches!(r.run, Run::Wrapper)),
                "{:?} in {:?}: rule {:?} is not a registered rule",
                doc.slice(d.span),
                case["text"],
                d.rule
            );
        }
    }
}

/// Recognition never reads the document's date: every case of the suite, run with its date and
/// without one, gives rows on the same spans, by the same rules (a value counted from the date
/// is then written unknown, "XXXX-06", or from the latest full date written). Only a narrative
/// reference with no time named before it ("the next morning" after an unknown Tuesday) may
/// give no row.
#[test]
fn recognition_does_not_read_the_anchor() {
    let mut failures = Vec::new();
    for case in crate::testkit::cases(include_str!("../../testdata/dates.jsonl")) {
        let text = case["text"].as_str().unwrap();
        let Some(published) = case["published"].as_str() else { continue };
        let spans = |published: Option<&str>| {
            let doc = doc(text, published);
            let found = Pipeline::new().with(Dates).run(&doc);
            found.dates.iter().map(|d| (d.span, d.rule)).collect::<Vec<_>>()
        };
        let (dated, undated) = (spans(Some(published)), spans(None));
        let missing: Vec<_> = dated.iter().filter(|s| !undated.contains(s) && s.1 != "anaphora").collect();
        let extra: Vec<_> = undated.iter().filter(|s| !dated.contains(s)).collect();
        if !extra.is_empty() || !missing.is_empty() {
            failures.push(format!("{text:?}: only dated {missing:?}, only undated {extra:?}"));
        }
    }
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
