//! The output folder is replaced whole or not at all, and one document never takes a run down.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::support::{assert_offsets, run, run_ok, table, Scratch, CONTRACT_TABLES};

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn names_beside(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_failed_run_leaves_the_previous_dataset_as_it_was() {
    let s = Scratch::new("keep");
    let input = s.write("in/a.txt", "Jane Roe met John Doe in Lisbon on Friday.");
    let out = s.path("data");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    run_ok(&[i, "--out", o]);
    let before = snapshot(&out);

    // Only a typo as input: nothing read, nothing replaced.
    let typo = s.path("typo.jsonl");
    let output = run(&[typo.to_str().unwrap(), "--out", o]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no document") && stderr.contains("typo.jsonl"), "{stderr}");
    assert_eq!(snapshot(&out), before, "the dataset changed");

    // Inputs that are all bad: the same.
    let bad = s.write("bad/x.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00");
    let output = run(&[bad.to_str().unwrap(), "--out", o]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(snapshot(&out), before);
    assert_eq!(names_beside(&out), ["bad", "data", "in"], "no staging folder is left beside the dataset");
}

#[test]
fn a_run_replaces_every_file_of_the_old_dataset() {
    let s = Scratch::new("replace");
    let input = s.write("a.txt", "Jane Roe met John Doe in Lisbon on Friday.");
    let out = s.path("data");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    run_ok(&[i, "--out", o]);
    assert!(out.join("mentions.csv").exists());
    run_ok(&[i, "--out", o, "--format", "parquet"]);
    let names: Vec<String> = snapshot(&out).into_keys().collect();
    assert!(names.iter().all(|n| n.ends_with(".parquet") || n == "manifest.json"), "old CSV files left: {names:?}");
    assert_eq!(names.len(), CONTRACT_TABLES.len() + 1);
}

#[test]
fn folders_that_are_not_datasets_are_refused() {
    let s = Scratch::new("refuse");
    let input = s.write("a.txt", "Jane Roe met John Doe in Lisbon on Friday.");
    let i = input.to_str().unwrap();

    let notes = s.path("notes");
    s.write("notes/thesis.docx", "precious");
    let output = run(&[i, "--out", notes.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(notes.join("thesis.docx")).unwrap(), "precious");

    // A dataset with a file of the user's in it.
    let data = s.path("data");
    run_ok(&[i, "--out", data.to_str().unwrap()]);
    s.write("data/analysis.ipynb", "{}");
    let output = run(&[i, "--out", data.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("analysis.ipynb"));
    assert!(data.join("analysis.ipynb").exists());

    // A file where the folder should be.
    let file = s.write("file.csv", "a,b\n");
    let output = run(&[i, "--out", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a,b\n");

    // A folder holding an input (or the current folder) is never replaced, even with --force.
    let output = run(&[i, "--out", s.0.to_str().unwrap(), "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("it holds an input"));
    assert!(input.exists());

    run_ok(&[i, "--out", notes.to_str().unwrap(), "--force"]);
    assert!(!notes.join("thesis.docx").exists() && notes.join("manifest.json").exists());
    assert_offsets(&notes);
}

#[test]
fn leftovers_of_a_killed_run_are_removed_by_the_next() {
    let s = Scratch::new("leftovers");
    let input = s.write("a.txt", "Jane Roe met John Doe in Lisbon on Friday.");
    let out = s.path("data");
    // What a killed run leaves: a staging folder beside the dataset (its pid is above the
    // kernel's limit, so it cannot be alive) and, from older versions, temporary files inside.
    s.write(".data.gleaner-staging-4194399/mentions.csv", "half a table");
    run_ok(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    s.write("data/.mentions.csv.tmp-4194399", "half a table");
    run_ok(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(names_beside(&out), ["a.txt", "data"]);
    assert!(snapshot(&out).keys().all(|n| !n.starts_with('.')));
}

/// Sentences that once panicked the name step (a title, a particle and a hyphenated branch of
/// a known organization): the run goes on, mentions never overlap.
#[test]
fn a_title_a_particle_and_a_branch_do_not_panic() {
    let s = Scratch::new("particles");
    let text = "Dr. Bernard La Hamas-Gaza said.\n\nJean Bernard La Hamas-Gaza leaders met.\n\n\
                group Del Jane Mr. Jones von Hamas-Gaza\n\nDr. Bernard von Hamas-Gaza said.\n\n\
                PROF. JOHN DE LA BBC-WALES said so.\n\nSr. Maria del BBC-Wales spoke.\n";
    let input = s.write("m.txt", text);
    let out = s.path("out");
    let output = run_ok(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    let mentions = table(&out, "mentions");
    assert!(mentions.iter().filter(|m| m["text"] == "Hamas-Gaza" && m["label"] == "ORG").count() == 4, "{mentions:?}");
    let mut spans: Vec<(usize, usize)> =
        mentions.iter().map(|m| (m["start"].parse().unwrap(), m["end"].parse().unwrap())).collect();
    spans.sort();
    assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "overlapping mentions: {spans:?}");
    assert!(table(&out, "errors").is_empty());
    assert_offsets(&out);
}

#[derive(Debug)]
struct Bug;

impl gleaner_extract::Extractor for Bug {
    fn name(&self) -> &'static str {
        "bug"
    }
    fn makes(&self) -> &'static [gleaner_extract::Rows] {
        &[gleaner_extract::Rows::Mentions]
    }
    fn extract(&self, doc: &gleaner_ingest::Document, out: &mut gleaner_extract::Extraction) {
        if doc.text.contains("boom") {
            out.mentions.push(gleaner_extract::Mention {
                sentence: 0,
                span: gleaner_ingest::Span::new(0, 4),
                label: gleaner_extract::Label::Person,
                name: "half a row".into(),
                entity_id: "x".into(),
                confidence: 1.0,
                method: "bug",
                rule: None,
                place: None,
            });
            let empty: Vec<u8> = Vec::new();
            let _ = empty[doc.text.len()];
        }
    }
}

/// A panic in an extractor costs that extractor's rows of that document, not the run.
#[test]
fn a_panic_is_an_errors_row_not_a_crash() {
    gleaner_extract::guard::quiet_caught_panics();
    let s = Scratch::new("panic");
    s.write("in/a.txt", "Jane Roe counted 13 ships. Then boom.");
    s.write("in/b.txt", "John Doe counted 14 ships.");
    let out = s.path("out");
    let pipeline = gleaner_extract::Pipeline::new().with(gleaner_extract::numbers::Numbers).with(Bug);
    let options = gleaner_cli::RunOptions {
        inputs: vec![s.path("in").to_string_lossy().into_owned()],
        out: out.clone(),
        formats: gleaner_export::Formats { parquet: false, csv: true, sheet: false },
        jobs: Some(2),
        published: None,
        published_field: None,
        progress: false,
        force: false,
        pipeline: Some(Arc::new(pipeline)),
        window_bytes: None,
    };
    let report = gleaner_cli::run(&options).unwrap();
    assert_eq!(report.internal_errors, 1);
    let errors = table(&out, "errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0]["kind"].as_str(), errors[0]["stage"].as_str()), ("internal_error", "extract"));
    assert!(errors[0]["message"].contains("bug extractor") && errors[0]["message"].contains("output.rs:"));
    assert_eq!(table(&out, "documents").len(), 2, "the document stays, with its sentences");
    let numbers = table(&out, "numbers");
    assert_eq!(numbers.len(), 2, "the other extractor's rows of both documents are kept: {numbers:?}");
    assert!(table(&out, "mentions").is_empty(), "what the failing extractor added before it failed is dropped");
}

/// A document longer than a window is extracted window by window and written as it goes: its
/// rows are those of the windows extracted one by one (as `process_each` gives them), in order,
/// each inside its sentence. (Small windows here: a test build is slow on megabytes.)
#[test]
fn a_long_document_is_extracted_in_windows() {
    let s = Scratch::new("long");
    let paragraph = "Jane Roe, the leader of the Workers Party, met John Doe in Lisbon on Friday. \
                     At least 13 miners were killed in 2021, officials said.";
    let window = 4096;
    let copies = window * 5 / 2 / (paragraph.len() + 2) + 1;
    let text = vec![paragraph; copies].join("\n\n");
    assert!(text.len() > 2 * window);
    s.write("in/long.txt", &text);
    let out = s.path("out");
    let options = gleaner_cli::RunOptions {
        inputs: vec![s.path("in").to_string_lossy().into_owned()],
        out: out.clone(),
        formats: gleaner_export::Formats { parquet: true, csv: true, sheet: false },
        jobs: Some(2),
        published: None,
        published_field: None,
        progress: false,
        force: false,
        pipeline: None,
        window_bytes: Some(window),
    };
    gleaner_cli::run(&options).unwrap();

    let raw = gleaner_ingest::RawDocument {
        doc_id: "long.txt".into(),
        source: "long.txt".into(),
        body: gleaner_ingest::Body::Bytes(text.clone().into_bytes()),
        meta: Default::default(),
        issues: vec![],
    };
    let pipeline = gleaner_extract::Pipeline::standard();
    let mut found = gleaner_extract::Extraction::default();
    let mut parts = 0;
    gleaner_cli::process_each(gleaner_ingest::Item::Doc(raw), &pipeline, 1, window, &mut |outcome| {
        if let gleaner_cli::Outcome::Rows(_, rows) = outcome {
            found.append(*rows);
            parts += 1;
        }
    });
    assert!(parts >= 3, "{parts} windows");
    let sentences = table(&out, "sentences");
    for (name, expected) in [
        ("mentions", found.mentions.len()),
        ("numbers", found.numbers.len()),
        ("dates", found.dates.len()),
        ("relations", found.relations.len()),
    ] {
        let rows = table(&out, name);
        assert_eq!(rows.len(), expected, "{name}");
        assert!(rows.len() >= copies, "{name}: every window has its rows ({} of {copies})", rows.len());
        let idx = format!("{}_idx", name.trim_end_matches('s'));
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row[&idx], i.to_string(), "{name}: indices go on across windows");
            let sentence = &sentences[row["sentence_idx"].parse::<usize>().unwrap()];
            let (start, end): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            let (s0, s1): (usize, usize) = (sentence["start"].parse().unwrap(), sentence["end"].parse().unwrap());
            assert!(s0 <= start && end <= s1, "{name} row {i} outside its sentence");
        }
    }
    let entities = table(&out, "entities");
    assert!(entities.iter().all(|e| e["n_documents"] == "1"), "one document, counted once");
    assert_offsets(&out);
}
