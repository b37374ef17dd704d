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

/// The arguments of `text` read with the role classifier (`Learn::Apply`) or by the rules alone.
fn arguments(text: &str, learned: bool) -> Vec<(String, String)> {
    let doc = doc(text, None);
    let found = Pipeline::new()
        .with(crate::dates::Dates)
        .with(crate::numbers::Numbers)
        .with(crate::entities::Entities::shipped())
        .run(&doc);
    let learn = if learned {
        super::Learn::Apply(super::shipped_model().expect("models/events.bin loads"))
    } else {
        super::Learn::Off
    };
    super::read(&doc, &found, &learn)
        .iter()
        .flat_map(|e| e.roles.iter().map(|r| (r.role.as_str().to_owned(), doc.slice(r.span).to_owned())))
        .collect()
}

/// The classifier reads arguments the rules do not ("killing the driver": a victim of a noun
/// the rules read no object of), keeps the rules' own, and makes no argument of words outside
/// the incident's sentences.
#[test]
fn the_role_classifier_adds_to_the_rules() {
    for text in [
        "A bomb exploded near a fuel truck parked outside the refinery, killing the driver.",
        "A BOMB EXPLODED NEAR A FUEL TRUCK PARKED OUTSIDE THE REFINERY, KILLING THE DRIVER.",
    ] {
        let rules = arguments(text, false);
        let learned = arguments(text, true);
        let driver =
            |args: &[(String, String)]| args.iter().any(|(r, t)| r == "victim" && t.eq_ignore_ascii_case("driver"));
        assert!(!driver(&rules) && driver(&learned), "{text}: rules {rules:?}, learned {learned:?}");
        assert!(rules.iter().all(|a| learned.contains(a)), "{text}: rules {rules:?}, learned {learned:?}");
    }
}

/// The training examples are the content words of incident sentences only, each with features.
#[test]
fn role_examples_are_the_words_of_incident_sentences() {
    let text = "The weather was fine in the morning. Gunmen shot dead two guards at the bank.";
    let doc = doc(text, None);
    let found = Pipeline::standard().run(&doc);
    let examples = super::role_examples(&doc, &found);
    let words: Vec<&str> = examples.iter().map(|e| doc.slice(e.span)).collect();
    assert!(words.contains(&"Gunmen") && words.contains(&"guards") && words.contains(&"bank"), "{words:?}");
    assert!(!words.contains(&"weather") && !words.contains(&"the") && !words.contains(&"at"), "{words:?}");
    assert!(examples.iter().all(|e| e.features.len() > 10));
    let again = super::role_examples(&doc, &found);
    assert!(examples.iter().zip(&again).all(|(a, b)| a.features == b.features));
}
