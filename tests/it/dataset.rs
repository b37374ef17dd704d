//! Whole datasets: offsets, determinism across thread counts, the seed article.

use std::path::Path;

use crate::support::{assert_offsets, run_ok, table, Scratch, CONTRACT_TABLES};

/// A small corpus with the characters that break offset arithmetic: curly quotes, accents,
/// combining marks, CJK, emoji outside the BMP, CRLF line ends, a byte order mark.
fn corpus(s: &Scratch) -> std::path::PathBuf {
    s.write("corpus/a.txt", "By Jane Roe\n\nThe mayor of São Paulo said “no.” He left at 5 p.m. on Friday.\r\nCafé owners 😀 cheered. 東京 stayed calm.\n");
    s.write("corpus/sub/b.md", "\u{FEFF}Who leads the group?\nNobody knows. Officials in the U.S. declined to comment.\nNo comments:\nPost a Comment\n");
    s.write("corpus/c.txt", "e\u{301}le\u{301}ve studies. Another sentence here! And a third?");
    let mut jsonl = String::new();
    for i in 0..600 {
        jsonl.push_str(&format!(
            "{{\"id\": \"r{i}\", \"text\": \"Report {i}: at least {i} people — “civilians” — were hurt in Kâbul. The U.N. said so.\\n\\nMore follows.\"}}\n"
        ));
    }
    s.write("corpus/records.jsonl", jsonl);
    s.path("corpus")
}

fn run_into(input: &Path, out: &Path, jobs: &str) {
    run_ok(&[
        input.to_str().unwrap(),
        input.join("records.jsonl").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--jobs",
        jobs,
    ]);
}

#[test]
fn offsets_hold_on_non_ascii_text() {
    let s = Scratch::new("offsets");
    let input = corpus(&s);
    let out = s.path("out");
    run_into(&input, &out, "2");
    assert_offsets(&out);
    let docs = table(&out, "documents");
    let a = docs.iter().find(|r| r["doc_id"] == "a.txt").unwrap();
    assert!(!a["text"].contains('\r'), "CRLF is normalized");
    assert_eq!(a["author"], "Jane Roe");
    assert_eq!(a["n_chars"], a["text"].chars().count().to_string());
    let b = docs.iter().find(|r| r["doc_id"] == "sub/b.md").unwrap();
    assert!(b["text"].starts_with("Who"), "the BOM is dropped");
    let zones: Vec<String> =
        table(&out, "sentences").into_iter().filter(|r| r["doc_id"] == "sub/b.md").map(|r| r["zone"].clone()).collect();
    assert_eq!(zones, ["heading", "body", "body", "boilerplate", "boilerplate"]);
}

#[test]
fn thread_count_does_not_change_a_byte() {
    let s = Scratch::new("determinism");
    let input = corpus(&s);
    let (one, two, four) = (s.path("one"), s.path("two"), s.path("four"));
    run_into(&input, &one, "1");
    run_into(&input, &two, "2");
    run_into(&input, &four, "4");
    for t in CONTRACT_TABLES {
        for ext in ["parquet", "csv"] {
            let f = format!("{t}.{ext}");
            let a = std::fs::read(one.join(&f)).unwrap();
            assert_eq!(a, std::fs::read(two.join(&f)).unwrap(), "{f} differs between --jobs 1 and 2");
            assert_eq!(a, std::fs::read(four.join(&f)).unwrap(), "{f} differs between --jobs 1 and 4");
        }
    }
    assert_eq!(table(&one, "documents").len(), 603);
}

#[test]
fn seed_article_dataset() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let s = Scratch::new("seed");
    let out = s.path("out");
    run_ok(&[seeds.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_offsets(&out);
    let docs = table(&out, "documents");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["published"], "2021-08-27", "from seeds/manifest.csv");
    let sentences = table(&out, "sentences");
    let zone_of = |text: &str| sentences.iter().find(|r| r["text"] == text).map(|r| r["zone"].clone());
    assert_eq!(zone_of("Post a Comment").as_deref(), Some("boilerplate"));
    assert_eq!(zone_of("No comments:").as_deref(), Some("boilerplate"));
    assert_eq!(sentences[0]["zone"], "byline");
    assert_eq!(docs[0]["author"], sentences[0]["text"], "the byline fills author");
    assert!(table(&out, "errors").is_empty());
    seed_entities(&out);
}

/// The seed's people, organizations, places and groups, with the aliases the text introduces
/// (issue #5). Nothing in the extractor names these strings: they come from the model, the
/// lexicons of general facts and the alias rules.
fn seed_entities(out: &Path) {
    let entities = table(out, "entities");
    let entity = |label: &str, name: &str| {
        entities
            .iter()
            .find(|r| r["label"] == label && r["name"] == name)
            .unwrap_or_else(|| panic!("no {label} entity named {name:?}"))
    };
    let aliases = |r: &std::collections::HashMap<String, String>| -> Vec<String> {
        serde_json::from_str(&r["aliases"]).expect("a JSON list")
    };
    let isis_k = entity("ORG", "Islamic State-Khorasan Province");
    assert_eq!(aliases(isis_k), ["ISIS-K"], "the parenthetical alias joins its long form");
    assert!(isis_k["n_mentions"].parse::<u32>().unwrap() > 25);
    let leader = entity("PERSON", "Shahab al-Muhajir");
    assert!(aliases(leader).iter().any(|a| a == "Al-Muhajir"), "the surname joins the full name");
    assert_eq!(aliases(entity("PERSON", "Joe Biden")), ["Biden"]);
    for (label, name) in [
        ("PERSON", "Zabihullah Mujahid"),
        ("PERSON", "Abu Bakr al-Baghdadi"),
        ("ORG", "Taliban"),
        ("ORG", "al-Qaeda"),
        ("ORG", "Islamic State"),
        ("ORG", "Haqqani Network"),
        ("ORG", "U.N. Security Council"),
        ("ORG", "NATO"),
        ("GPE", "Kabul"),
        ("GPE", "Afghanistan"),
        ("GPE", "Pakistan"),
        ("GPE", "Tajikistan"),
        ("NORP", "Afghans"),
        ("NORP", "Tajik"),
    ] {
        entity(label, name);
    }
    let mentions = table(out, "mentions");
    assert!(!mentions.iter().any(|m| m["text"].starts_with("President ")), "titles stay outside names");
    assert!(!mentions.iter().any(|m| m["text"].ends_with("’s") || m["text"].ends_with("'s")), "and possessives");
    assert!(mentions.iter().all(|m| m["sentence_idx"] != "0"), "the byline yields no mention");
    seed_relations(out, &entities);
}

/// The seed's leadership, spokesman, structure, alliance and opposition relations (issue #6),
/// each read by a construction rule, with the right entity on both sides.
fn seed_relations(out: &Path, entities: &[std::collections::HashMap<String, String>]) {
    let id = |name: &str| {
        entities
            .iter()
            .find(|r| r["name"] == name)
            .map(|r| r["entity_id"].clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let relations = table(out, "relations");
    let has = |s: &str, p: &str, o: &str| {
        let (s, o) = (id(s), id(o));
        let symmetric = matches!(p, "allied_with" | "opposed_to");
        relations.iter().any(|r| {
            r["predicate"] == p
                && (r["subject_entity_id"] == s && r["object_entity_id"] == o
                    || symmetric && r["subject_entity_id"] == o && r["object_entity_id"] == s)
        })
    };
    for (s, p, o) in [
        ("Shahab al-Muhajir", "leader_of", "Islamic State-Khorasan Province"),
        ("Zabihullah Mujahid", "spokesperson_of", "Taliban"),
        ("Haqqani Network", "part_of", "Taliban"),
        ("Haqqani Network", "allied_with", "al-Qaeda"),
        ("Taliban", "allied_with", "al-Qaeda"),
        ("Islamic State-Khorasan Province", "opposed_to", "Taliban"),
    ] {
        assert!(has(s, p, o), "missing {s} {p} {o}");
    }
    for r in &relations {
        assert_ne!(r["subject_entity_id"], r["object_entity_id"]);
        if matches!(r["predicate"].as_str(), "allied_with" | "opposed_to") {
            assert!(r["subject_entity_id"] < r["object_entity_id"], "symmetric rows in id order");
        }
    }
}
