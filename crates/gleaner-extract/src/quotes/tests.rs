//! The data-driven suite `testdata/quotes.jsonl` (a sentence or two and every quotation it must
//! give: content, kind, speaker, cue, rule) and the rules' examples.

use super::{Quotes, RULES};
use crate::entities::Entities;
use crate::testkit::{check_suite, doc};
use crate::Pipeline;

fn rows(text: &str) -> Vec<serde_json::Value> {
    let doc = doc(text, None);
    let found = Pipeline::new().with(Entities::shipped()).with(Quotes).run(&doc);
    found
        .quotes
        .iter()
        .map(|q| {
            let named = q.speaker_entity.as_ref().and_then(|id| found.mentions.iter().find(|m| &m.entity_id == id));
            serde_json::json!({
                "text": doc.slice(q.span), "kind": q.kind.as_str(), "speaker": doc.slice(q.speaker),
                "entity": named.map(|m| doc.slice(m.span)), "cue": doc.slice(q.cue), "rule": q.rule,
            })
        })
        .collect()
}

#[test]
fn testdata_quotes() {
    check_suite(include_str!("../../testdata/quotes.jsonl"), "quotes", 10, |case| rows(case["text"].as_str().unwrap()));
}

/// Every rule's examples give a row of that rule.
#[test]
fn every_rule_reads_its_examples() {
    for rule in RULES {
        for example in rule.examples {
            let got = rows(example);
            assert!(got.iter().any(|r| r["rule"] == rule.name), "{}: {example:?} gave {got:?}", rule.name);
        }
    }
}

/// A quotation over three sentences or paragraphs starts in the sentence of its opening mark:
/// its `sentence..=last_sentence` holds its content.
#[test]
fn a_long_quotation_keeps_the_sentence_it_opens_in() {
    for text in [
        "Maria Santos spoke to reporters. “We will win. We always have. We always will,” she said.",
        "Maria Santos said: “We will win. We always have.\n\n“We always will,” she added.",
    ] {
        let doc = doc(text, None);
        let found = Pipeline::new().with(Entities::shipped()).with(Quotes).run(&doc);
        assert!(!found.quotes.is_empty(), "{text}");
        for q in &found.quotes {
            let first = &doc.sentences[q.sentence as usize].span;
            let last = &doc.sentences[q.last_sentence as usize].span;
            assert!(
                first.start <= q.span.start && q.span.end <= last.end,
                "{text}: {:?} in sentences {}..={}",
                doc.slice(q.span),
                q.sentence,
                q.last_sentence
            );
        }
    }
}
