//! The data-driven suite (`testdata/entities.jsonl`, written by hand, never from the dev sets) and
//! a floor on CoNLL-2003 dev when `../shared/eval` is present.

use super::{shipped_model, Entities};
use crate::testkit::{self, doc};
use crate::{Label, Pipeline};

#[test]
fn shipped_model_loads() {
    let model = shipped_model().expect("models/ner.bin loads");
    assert!(model.n_features() > 10_000, "a trained model, not a placeholder");
    assert!(!model.clusters.is_empty(), "with its word clusters");
    assert!(model.clusters.vector_words() > 100_000, "and its second family, over word vectors");
}

#[test]
fn testdata_entities() {
    let cases = include_str!("../../testdata/entities.jsonl");
    testkit::run_suite(cases, 15, |case| {
        let mut failures = Vec::new();
        let text = case["text"].as_str().expect("text");
        let d = doc(text, None);
        let found = Pipeline::new().with(Entities::shipped()).run(&d);
        let rows: Vec<(&str, &str, &str, &str)> = found
            .mentions
            .iter()
            .map(|m| (d.slice(m.span), m.label.as_str(), m.name.as_str(), m.entity_id.as_str()))
            .collect();
        let mut fail = |why: String| failures.push(format!("{why}\n  got {rows:?}"));
        for want in case["has"].as_array().into_iter().flatten() {
            let t = want["text"].as_str().expect("has.text");
            let ok = rows.iter().any(|r| {
                r.0 == t
                    && want["label"].as_str().is_none_or(|l| l == r.1)
                    && want["name"].as_str().is_none_or(|name| name == r.2)
            });
            if !ok {
                fail(format!("missing {want}"));
            }
        }
        for not in case["not"].as_array().into_iter().flatten() {
            let t = not.as_str().expect("not: texts");
            if rows.iter().any(|r| r.0 == t) {
                fail(format!("unexpected mention {t:?}"));
            }
        }
        let id_of = |t: &str| rows.iter().filter(|r| r.0 == t).map(|r| r.3).collect::<Vec<_>>();
        for pair in case["same"].as_array().into_iter().flatten() {
            let (a, b) = (id_of(pair[0].as_str().unwrap()), id_of(pair[1].as_str().unwrap()));
            let all: Vec<&&str> = a.iter().chain(&b).collect();
            if a.is_empty() || b.is_empty() || all.windows(2).any(|w| w[0] != w[1]) {
                fail(format!("{pair} should be one entity"));
            }
        }
        for pair in case["apart"].as_array().into_iter().flatten() {
            let (a, b) = (id_of(pair[0].as_str().unwrap()), id_of(pair[1].as_str().unwrap()));
            if a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x)) {
                fail(format!("{pair} should be two entities, both found"));
            }
        }
        failures
    });
}

/// The shipped model on the first 40 documents of CoNLL-2003 dev, on the gold tokens: a floor
/// well under what `make eval` measures, so that a broken model or feature change fails here.
#[test]
fn shipped_model_scores_above_a_floor_on_dev() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/conll2003/eng.testa");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let docs = super::parse_conll(&text).expect("CoNLL dev parses");
    let score = super::evaluate_model(shipped_model().expect("model"), &docs[..40]);
    assert!(score.gold > 1000, "the slice has entities");
    assert!(score.f1() > 0.88, "dev slice F1 {:.4} ({score:?})", score.f1());
}

#[test]
fn a_name_found_once_is_found_again_in_its_document() {
    use gleaner_ingest::Span;
    let text = "Maria Santos spoke first. Then Santos left, and Pakistani Santos Group stayed with Tomas.";
    let d = doc(text, None);
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span::new(start, start + s.len())
    };
    let person = |span: Span| crate::Mention {
        sentence: 0,
        span,
        label: Label::Person,
        name: "Maria Santos".into(),
        entity_id: crate::entity_id("PERSON", "Maria Santos"),
        confidence: 0.9,
        method: "model",
        rule: None,
        place: None,
    };
    let mut mentions = vec![person(at("Maria Santos"))];
    super::repeat_names(&d, &mut mentions);
    let found: Vec<(&str, &str)> = mentions.iter().map(|m| (d.slice(m.span), m.method)).collect();
    // The surname alone, after "Then"; not inside the capitalised run "Pakistani Santos Group".
    assert_eq!(found, [("Maria Santos", "model"), ("Santos", "alias")]);
    assert_eq!(mentions[1].entity_id, mentions[0].entity_id);
    assert_eq!(mentions[1].sentence, 1);
}

#[test]
fn a_one_word_name_is_not_copied_when_it_is_a_common_word() {
    use gleaner_ingest::Span;
    let text = "NTT and Exchange and Hughes rose. Shares of NTT, Exchange and Hughes fell on the exchange. He left.";
    let d = doc(text, None);
    let org = |name: &str, at: usize| crate::Mention {
        sentence: 0,
        span: Span::new(at, at + name.len()),
        label: Label::Org,
        name: name.into(),
        entity_id: crate::entity_id("ORG", name),
        confidence: 0.9,
        method: "model",
        rule: None,
        place: None,
    };
    let person_he = crate::Mention {
        sentence: 1,
        span: Span::new(text.rfind("He").unwrap(), text.rfind("He").unwrap() + 2),
        label: Label::Person,
        name: "He".into(),
        entity_id: crate::entity_id("PERSON", "He"),
        confidence: 0.9,
        method: "model",
        rule: None,
        place: None,
    };
    let mut mentions = vec![
        org("NTT", 0),
        org("Exchange", text.find("Exchange").unwrap()),
        org("Hughes", text.find("Hughes").unwrap()),
        person_he,
    ];
    mentions.sort_by_key(|m| m.span);
    super::repeat_names(&d, &mut mentions);
    let aliases: Vec<&str> = mentions.iter().filter(|m| m.method == "alias").map(|m| d.slice(m.span)).collect();
    // "Exchange" is also written "exchange" here; "He" is a pronoun.
    assert_eq!(aliases, ["NTT", "Hughes"]);
}

/// A team the tagger called a person, in brackets after each player of a line-up, is no alias:
/// it chained every player into one person.
#[test]
fn a_bracketed_name_is_an_alias_only_when_it_repeats_a_word() {
    let text = "R O'Gara (Munster), S Payne (Munster), D Hickie (Leinster), Abu Bakr al-Baghdadi (al-Baghdadi).";
    let d = doc(text, None);
    let found: Vec<super::Found> =
        ["R O'Gara", "Munster", "S Payne", "D Hickie", "Leinster", "Abu Bakr al-Baghdadi", "al-Baghdadi"]
            .iter()
            .scan(0, |from, name| {
                let at = *from + text[*from..].find(name).unwrap();
                *from = at + name.len();
                Some(super::Found {
                    sentence: 0,
                    span: gleaner_ingest::Span::new(at, at + name.len()),
                    label: Label::Person,
                    confidence: 1.0,
                    method: "model",
                    rule: None,
                })
            })
            .collect();
    let ms = super::link(&d, found);
    let id = |surface: &str| &ms.iter().find(|m| d.slice(m.span) == surface).unwrap().entity_id;
    assert_ne!(id("R O'Gara"), id("S Payne"));
    assert_ne!(id("R O'Gara"), id("Munster"));
    assert_eq!(id("Abu Bakr al-Baghdadi"), id("al-Baghdadi"));
}

/// A demonym and the institution word the tagger left out are one organization; where the tagger
/// found the institution, where a capitalized word follows, or where the word is no institution's,
/// nothing changes. The tagger's reading is given here, so the rule alone is tested.
#[test]
fn a_demonym_joins_the_institution_word_the_tagger_left_out() {
    type Names<'a> = &'a [(&'a str, Label)];
    let cases: [(&str, Names, Names); 7] = [
        // A short sentence is not title case: the two words themselves are not counted.
        ("The Israeli Army said so.", &[("Israeli", Label::Norp)], &[("Israeli Army", Label::Org)]),
        (
            "Officials said the Russian Army Chief would visit.",
            &[("Russian", Label::Norp)],
            &[("Russian", Label::Norp)],
        ),
        (
            "The vote failed after the Haitian Parliament rejected it.",
            &[("Haitian", Label::Norp)],
            &[("Haitian Parliament", Label::Org)],
        ),
        (
            "The German Foreign Ministry said so.",
            &[("German", Label::Norp), ("Foreign Ministry", Label::Org)],
            &[("German", Label::Norp), ("Foreign Ministry", Label::Org)],
        ),
        ("The Russian Army Chief spoke.", &[("Russian", Label::Norp)], &[("Russian", Label::Norp)]),
        ("A Haitian Doctor spoke.", &[("Haitian", Label::Norp)], &[("Haitian", Label::Norp)]),
        ("The Haitian parliament voted.", &[("Haitian", Label::Norp)], &[("Haitian", Label::Norp)]),
    ];
    for (text, tagged, want) in cases {
        let d = doc(text, None);
        let mut found: Vec<super::Found> = tagged
            .iter()
            .map(|&(name, label)| {
                let at = text.find(name).unwrap();
                super::Found {
                    sentence: 0,
                    span: gleaner_ingest::Span::new(at, at + name.len()),
                    label,
                    confidence: 1.0,
                    method: "model",
                    rule: None,
                }
            })
            .collect();
        super::join_demonym_institutions(&d, &mut found);
        let got: Vec<(&str, Label)> = found.iter().map(|f| (d.slice(f.span), f.label)).collect();
        assert_eq!(got, want, "{text}");
    }
}
