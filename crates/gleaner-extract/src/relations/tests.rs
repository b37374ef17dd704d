//! The data-driven suite (`testdata/relations.jsonl`) through the entity tagger and both relation
//! sources, as `gleaner run` reads a document.

use super::Relations;
use crate::entities::Entities;
use crate::testkit::{self, doc};
use crate::Label;
use crate::{Pipeline, Predicate};

#[test]
fn shipped_model_loads() {
    let model = super::shipped_model().expect("models/rel.bin loads");
    assert!(model.n_features() > 5_000, "a trained model, not a placeholder");
}

#[test]
fn testdata_relations() {
    let cases = include_str!("../../testdata/relations.jsonl");
    let pipeline = Pipeline::new().with(Entities::shipped()).with(Relations::shipped());
    testkit::run_suite(cases, 15, |case| {
        let mut failures = Vec::new();
        let text = case["text"].as_str().expect("text");
        let d = doc(text, None);
        let found = pipeline.run(&d);
        let rows: Vec<(String, &str, String)> = found
            .relations
            .iter()
            .map(|r| (d.slice(r.subject.span).to_owned(), r.predicate.as_str(), d.slice(r.object.span).to_owned()))
            .collect();
        let has = |want: &serde_json::Value| {
            let (s, p, o) = (want[0].as_str().unwrap(), want[1].as_str().unwrap(), want[2].as_str().unwrap());
            let symmetric = matches!(p, "allied_with" | "opposed_to");
            rows.iter().any(|r| r.1 == p && (r.0 == s && r.2 == o || symmetric && r.0 == o && r.2 == s))
        };
        for want in case["has"].as_array().into_iter().flatten() {
            if !has(want) {
                failures.push(format!("missing {want}\n  got {rows:?}"));
            }
        }
        for not in case["not"].as_array().into_iter().flatten() {
            if has(not) {
                failures.push(format!("unexpected {not}\n  got {rows:?}"));
            }
        }
        // Never a relation between two mentions of one entity; symmetric rows in id order.
        for r in &found.relations {
            assert_ne!(r.subject.entity_id, r.object.entity_id, "{text}");
            if matches!(r.predicate, Predicate::AlliedWith | Predicate::OpposedTo) {
                assert!(r.subject.entity_id < r.object.entity_id, "{text}: symmetric row out of order");
            }
        }
        failures
    });
}

/// Random text made of the pieces the tagger and the rules react to (names, titles, role words,
/// verbs of the rules, punctuation, non-ASCII) must never panic, and every row's spans must lie
/// inside the text on character boundaries. (A fixed xorshift seed: reproducible.)
#[test]
fn random_text_never_breaks_entities_or_relations() {
    const PIECES: &[&str] = &[
        "Jane", "Roe", "President", "the", "leader", "of", "Acme", "Corp", "Party", ",", ".", "'s", "’s", "(", ")",
        "known", "as", "and", "fought", "one", "another", "allied", "with", "based", "in", "Lisbon", "Portugal",
        "al-Rashid", "bin", "Hamas-Gaza", "spokesman", "who", "heads", "was", "shot", "by", "killed", "assassin",
        "native", "42", "“", "”", "São", "Zürich", "東京", "😀", "\n", " ", "the group", "its", "rejects", "authority",
        "part", "a", "unit", "on", "side", "Kabul", "Afghanistan", "NATO", "U.S.", "Dr.", "—",
    ];
    let pipeline = Pipeline::new().with(Entities::shipped()).with(Relations::shipped());
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let (mut mentions, mut relations) = (0, 0);
    for _ in 0..300 {
        let mut text = String::new();
        let n = 1 + (state % 40) as usize;
        for _ in 0..n {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            text.push(if state.is_multiple_of(5) { '\n' } else { ' ' });
        }
        let d = doc(&text, None);
        let found = pipeline.run(&d);
        mentions += found.mentions.len();
        relations += found.relations.len();
        for m in &found.mentions {
            assert!(d.text.get(m.span.range()).is_some(), "{text:?}: mention span");
        }
        for r in &found.relations {
            for span in [r.subject.span, r.object.span, r.evidence] {
                assert!(d.text.get(span.range()).is_some(), "{text:?}: relation span");
            }
            assert!(r.evidence.start <= r.evidence.end);
        }
    }
    assert!(mentions > 300 && relations > 10, "the pieces exercise both extractors ({mentions}, {relations})");
}

#[test]
fn the_one_killed_is_the_assassin_not_the_possessor() {
    use gleaner_ingest::Span;
    let text = "Doctors treated Kennedy's assassin, Lee Oswald, who was shot by Jack Ruby.";
    let d = crate::testkit::doc(text, None);
    let person = |name: &str| {
        let start = text.find(name).unwrap();
        crate::Mention {
            sentence: 0,
            span: Span::new(start, start + name.len()),
            label: Label::Person,
            name: name.into(),
            entity_id: crate::entity_id("PERSON", name),
            confidence: 0.9,
            method: "model",
            rule: None,
            place: None,
        }
    };
    let mentions = vec![person("Kennedy"), person("Lee Oswald"), person("Jack Ruby")];
    let kill = super::CLASSES.iter().position(|c| *c == "Kill").unwrap();
    let mut seen = Vec::new();
    super::each_sentence(&d, &mentions, None, |_, ctx, _| {
        let at = |name: &str| ctx.args.iter().position(|a| a.entity_id == crate::entity_id("PERSON", name)).unwrap();
        let (kennedy, oswald, ruby) = (at("Kennedy"), at("Lee Oswald"), at("Jack Ruby"));
        let kills = std::cell::OnceCell::new();
        seen.push(super::predicate(ctx, kill, ruby, kennedy, &kills));
        seen.push(super::predicate(ctx, kill, oswald, kennedy, &kills));
        seen.push(super::predicate(ctx, kill, ruby, oswald, &kills));
    });
    assert_eq!(seen, [None, Some(Predicate::Killed), Some(Predicate::Killed)]);
}

/// Every rule of [`super::RULES`] is named once, in snake_case, and its examples yield a row of it
/// through the shipped entity tagger; every rule a row of those examples names is in the table.
/// A rule row says `rule`, a model row nothing.
#[test]
fn every_rule_has_an_example_that_yields_it() {
    let rules_only = Pipeline::new().with(Entities::shipped()).with(Relations::rules_only());
    let both = Pipeline::new().with(Entities::shipped()).with(Relations::shipped());
    testkit::check_rules(super::RULES, |text| {
        let d = doc(text, None);
        for r in &both.run(&d).relations {
            assert_eq!(r.rule.is_some(), r.method == "rule", "{text}: {r:?}");
        }
        rules_only.run(&d).relations.iter().map(|r| r.rule).collect()
    });
}
