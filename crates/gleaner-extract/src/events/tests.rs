//! The data-driven suite `testdata/events.jsonl` (a story and every incident it must give:
//! type, trigger, place, date, casualties, arguments) and the rules' examples.

use super::{Events, RULES};
use crate::testkit::{check_suite, doc};
use crate::Pipeline;

fn rows(text: &str, published: Option<&str>) -> Vec<serde_json::Value> {
    let doc = doc(text, published);
    let found = Pipeline::standard().run(&doc);
    found
        .events
        .iter()
        .map(|e| {
            let roles: Vec<serde_json::Value> =
                e.roles.iter().map(|r| serde_json::json!([r.role.as_str(), doc.slice(r.span)])).collect();
            serde_json::json!({
                "type": e.kind.as_str(), "trigger": doc.slice(e.trigger), "rule": e.rule,
                "location": e.location.as_ref().map(|l| doc.slice(l.span)),
                "country": e.location.as_ref().and_then(|l| l.place).map(|p| p.country),
                "date": e.date.as_ref().map(|d| d.value.clone()),
                "killed": e.killed.map(|k| serde_json::json!([k.0, k.1])),
                "wounded": e.wounded.map(|k| serde_json::json!([k.0, k.1])),
                "roles": roles,
            })
        })
        .collect()
}

#[test]
fn testdata_events() {
    check_suite(include_str!("../../testdata/events.jsonl"), "events", 8, |case| {
        rows(case["text"].as_str().unwrap(), case.get("published").and_then(|p| p.as_str()))
    });
}

/// Every rule's examples give a row of that rule.
#[test]
fn every_rule_reads_its_examples() {
    let _ = Events;
    for rule in RULES {
        for example in rule.examples {
            let got = rows(example, None);
            assert!(got.iter().any(|r| r["rule"] == rule.name), "{}: {example:?} gave {got:?}", rule.name);
        }
    }
}
