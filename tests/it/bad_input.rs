//! Every kind of bad input ends up in `documents` or `errors`, never in a panic.

use std::collections::{HashMap, HashSet};

use crate::support::{run, run_ok, table, Scratch};

fn errors_by_source(dir: &std::path::Path) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for r in table(dir, "errors") {
        out.entry(r["source"].clone()).or_default().push(r["kind"].clone());
    }
    out
}

fn sources(dir: &std::path::Path) -> HashSet<String> {
    table(dir, "documents").into_iter().map(|r| r["source"].clone()).collect()
}

#[test]
fn bad_text_files() {
    let s = Scratch::new("bad-text");
    let root = s.path("in");
    s.write("in/good.txt", "The toll rose. Officials said so.");
    s.write("in/latin1.txt", b"Caf\xe9 au lait. Na\xefve.");
    s.write("in/empty.txt", "");
    s.write("in/binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00");
    s.write("in/long.txt", "word ".repeat(420_000)); // a 2.1 MB line with no punctuation
    std::os::unix::fs::symlink(s.path("nowhere.txt"), s.path("in/dangling.txt")).unwrap();
    let out = s.path("out");
    let output = run_ok(&[root.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));

    let errors = errors_by_source(&out);
    let docs = sources(&out);
    let src = |name: &str| format!("{}/{name}", root.display());
    assert_eq!(errors[&src("latin1.txt")], ["invalid_utf8"]);
    assert_eq!(errors[&src("empty.txt")], ["empty"]);
    assert_eq!(errors[&src("binary.txt")], ["binary"]);
    assert_eq!(errors[&src("dangling.txt")], ["unreadable"]);
    for kept in ["good.txt", "latin1.txt", "empty.txt", "long.txt"] {
        assert!(docs.contains(&src(kept)), "{kept} missing from documents: {docs:?}");
    }
    assert!(!docs.contains(&src("binary.txt")), "a binary file was kept as a document");

    let documents = table(&out, "documents");
    let latin1 = documents.iter().find(|r| r["doc_id"] == "latin1.txt").unwrap();
    assert_eq!(latin1["text"], "Caf\u{FFFD} au lait. Na\u{FFFD}ve.");
    let long = documents.iter().find(|r| r["doc_id"] == "long.txt").unwrap();
    assert_eq!(long["n_tokens"], "420000");
    let long_sentences = table(&out, "sentences").into_iter().filter(|r| r["doc_id"] == "long.txt").count();
    assert_eq!(long_sentences, 420, "a runaway line is cut into sentences of at most 1000 words");
}

#[test]
fn bad_jsonl_records() {
    let s = Scratch::new("bad-jsonl");
    let lines = [
        r#"{"id": "a", "text": "First record.", "published": "2021-08-27", "section": "world"}"#,
        r#"{"id": "b", "text": "#,
        r#"{"id": "c", "title": "no text here"}"#,
        "",
        r#"{"id": "a", "text": "Same id again."}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": 7, "text": "Numeric id.", "published": "08/07/2021"}"#,
        r#"{"text": "No id at all."}"#,
    ];
    let input = s.write("records.jsonl", lines.join("\n"));
    let out = s.path("out");
    run_ok(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let errors = errors_by_source(&out);
    let at = |line: usize| format!("{}#{line}", input.display());
    assert_eq!(errors[&at(2)], ["malformed_jsonl"]);
    assert_eq!(errors[&at(3)], ["missing_text"]);
    assert_eq!(errors[&at(5)], ["duplicate_id"]);
    assert_eq!(errors[&at(6)], ["malformed_jsonl"]);
    assert_eq!(errors[&at(7)], ["bad_metadata"]);
    assert!(!errors.contains_key(&at(4)), "a blank line is not an input");

    let docs = table(&out, "documents");
    let ids: Vec<&str> = docs.iter().map(|r| r["doc_id"].as_str()).collect();
    let derived = format!("{}#8", input.display());
    assert_eq!(ids, ["a", "7", derived.as_str()]);
    assert_eq!(docs[0]["text"], "First record.", "the first of two records with one id is kept");
    assert_eq!(docs[0]["published"], "2021-08-27");
    assert_eq!(docs[0]["metadata"], r#"{"section":"world"}"#);
    assert_eq!(docs[1]["published"], "");
}

#[test]
fn missing_input_is_an_error_row_and_exit_1() {
    let s = Scratch::new("missing");
    let good = s.write("good.txt", "Still processed.");
    let out = s.path("out");
    let missing = s.path("no-such-folder");
    let output = run(&[good.to_str().unwrap(), missing.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("could not be opened"));
    let errors = errors_by_source(&out);
    assert_eq!(errors[&missing.display().to_string()], ["not_found"]);
    assert_eq!(table(&out, "documents").len(), 1, "the other input is still written");
}

#[test]
fn manifests_fill_metadata_and_a_broken_one_is_reported_once() {
    let s = Scratch::new("manifest");
    s.write("good/a.txt", "Text of a.");
    s.write("good/manifest.csv", "path,title,author,published\na.txt,A title,Jane Roe,2021-08-27\n");
    s.write("bad/b.txt", "Text of b.");
    s.write("bad/c.txt", "Text of c.");
    s.write("bad/manifest.csv", "path,title,author,published\nb.txt,B,,03/04/2021\nc.txt,C,,27 August 2021\n");
    s.write("broken/d.txt", "Text of d.");
    s.write("broken/e.txt", "Text of e.");
    s.write("broken/manifest.csv", "file;title\nd.txt;D\n");
    let out = s.path("out");
    let folders: Vec<String> =
        ["good", "bad", "broken"].iter().map(|f| s.path(f).to_string_lossy().into_owned()).collect();
    let mut args: Vec<&str> = folders.iter().map(String::as_str).collect();
    args.extend(["--out", out.to_str().unwrap()]);
    run_ok(&args);
    let docs = table(&out, "documents");
    let doc = |id: &str| docs.iter().find(|r| r["doc_id"] == id).unwrap_or_else(|| panic!("{id}: {docs:?}"));
    let a = doc("a.txt");
    assert_eq!(
        (a["title"].as_str(), a["author"].as_str(), a["published"].as_str()),
        ("A title", "Jane Roe", "2021-08-27")
    );
    assert_eq!(docs.len(), 5, "documents of a folder with a broken manifest are still read");
    // A bad date costs its row's date only; a date in words is a date.
    assert_eq!((doc("b.txt")["title"].as_str(), doc("b.txt")["published"].as_str()), ("B", ""));
    assert_eq!(doc("c.txt")["published"], "2021-08-27");
    let errors = table(&out, "errors");
    let kinds: Vec<(&str, &str)> = errors.iter().map(|e| (e["source"].as_str(), e["kind"].as_str())).collect();
    let bad = s.path("bad/manifest.csv").display().to_string();
    let broken = s.path("broken/manifest.csv").display().to_string();
    assert_eq!(kinds, [(bad.as_str(), "bad_metadata"), (broken.as_str(), "bad_manifest")], "{errors:?}");
    assert!(errors[0]["message"].contains("row 2") && errors[0]["message"].contains("2021-03-04"), "{errors:?}");
}

/// A manifest applies to its folder and every folder below it; a row naming no input is
/// reported. Folders are read for .txt, .md, .jsonl and .ndjson; every other file is an errors
/// row; Markdown headings are headings.
#[test]
fn folders_read_every_supported_file_and_account_for_the_rest() {
    let s = Scratch::new("folder");
    s.write(
        "in/manifest.csv",
        "path,title,published\nsub\\deep.txt,Deep,2021-08-27\ngone.txt,Gone,2021-08-27\nsub/near.txt,Far,\n\
         sub/deep.txt,Again,\n",
    );
    s.write("in/sub/deep.txt", "Deep text.");
    s.write("in/sub/manifest.csv", "path,title\nnear.txt,Near\n");
    s.write("in/sub/near.txt", "Near text.");
    s.write("in/records.jsonl", "{\"id\": \"r1\", \"text\": \"From JSONL.\"}\n");
    s.write("in/more.ndjson", "{\"id\": \"r2\", \"text\": \"From NDJSON.\"}\n");
    s.write("in/page.html", "<p>Markup.</p>");
    s.write("in/table.csv", "a,b\n");
    s.write("in/.hidden.txt", "Never read.");
    s.write("in/notes.md", "# The Title\n\nFirst paragraph of the notes.\n\n## A Section ##\n\nMore words here.\n");
    let out = s.path("out");
    run_ok(&[s.path("in").to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let docs = table(&out, "documents");
    let ids: Vec<&str> = docs.iter().map(|r| r["doc_id"].as_str()).collect();
    assert_eq!(ids, ["r2", "notes.md", "r1", "sub/deep.txt", "sub/near.txt"]);
    let doc = |id: &str| docs.iter().find(|r| r["doc_id"] == id).unwrap();
    assert_eq!(
        (doc("sub/deep.txt")["title"].as_str(), doc("sub/deep.txt")["published"].as_str()),
        ("Deep", "2021-08-27")
    );
    assert_eq!(doc("sub/near.txt")["title"], "Near");
    assert_eq!(doc("notes.md")["title"], "The Title");
    let errors = errors_by_source(&out);
    let src = |name: &str| s.path(name).display().to_string();
    assert_eq!(errors[&src("in/page.html")], ["unsupported_type"]);
    assert_eq!(errors[&src("in/table.csv")], ["unsupported_type"]);
    // A duplicate row is reported, a row a nearer manifest shadows is not, a missing file is.
    assert_eq!(errors[&src("in/manifest.csv")], ["bad_manifest", "manifest_unmatched"]);
    assert_eq!(errors.len(), 3, "{errors:?}");
    let sentences: Vec<(String, String)> = table(&out, "sentences")
        .into_iter()
        .filter(|r| r["doc_id"] == "notes.md")
        .map(|r| (r["text"].clone(), r["zone"].clone()))
        .collect();
    let heading = |t: &str| (t.to_owned(), "heading".to_owned());
    assert_eq!(sentences[0], heading("The Title"));
    assert_eq!(sentences[2], heading("A Section"));
    crate::support::assert_offsets(&out);
}

/// Document dates as real data writes them, from any field.
#[test]
fn published_dates_in_common_forms_and_from_a_named_field() {
    let s = Scratch::new("dates");
    let lines = [
        r#"{"id": "wire", "text": "Prices rose on Thursday.", "date": "26-FEB-1987 15:01:01.79"}"#,
        r#"{"id": "words", "text": "Prices rose on Thursday.", "published": "27-FEB-1987"}"#,
        r#"{"id": "iso", "text": "Prices rose on Thursday.", "published": "1987-02-26T15:01:01"}"#,
        r#"{"id": "mail", "text": "Prices rose on Thursday.", "published": "Thu, 26 Feb 1987 15:01:01 +0000"}"#,
        r#"{"id": "either", "text": "Prices rose on Thursday.", "published": "03/04/1987"}"#,
    ];
    let input = s.write(
        "in.jsonl",
        lines.join(
            "
",
        ),
    );
    let out = s.path("out");
    let output = run_ok(&[input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--published-field", "date"]);
    let docs = table(&out, "documents");
    let published: Vec<&str> = docs.iter().map(|r| r["published"].as_str()).collect();
    assert_eq!(published, ["1987-02-26", "1987-02-27", "1987-02-26", "1987-02-26", ""]);
    assert!(docs[0]["metadata"].contains("26-FEB-1987 15:01:01.79"), "the named field stays in metadata");
    assert!(docs[2]["metadata"].contains("1987-02-26T15:01:01"), "a time is kept in metadata: {}", docs[2]["metadata"]);
    let dates = table(&out, "dates");
    assert_eq!(dates[0]["value"], "1987-02-26", "Thursday of a text dated Thursday 26 February 1987");
    let errors = table(&out, "errors");
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["message"].contains("1987-03-04") && errors[0]["message"].contains("1987-04-03"));
    // The closing summary, though stderr is no terminal.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("wrote {}", out.display())) && stderr.contains("5 documents"), "{stderr}");
    assert!(stderr.contains("1 of 5 documents have no published date"), "{stderr}");
    assert!(stderr.contains("problems: 1 bad_metadata"), "{stderr}");
}

/// A FIFO, a socket or a device among the inputs is an errors row, never opened: reading a FIFO
/// would wait for a writer forever.
#[test]
fn special_files_are_errors_rows_not_hangs() {
    let s = Scratch::new("special");
    s.write("in/good.txt", "Still processed.");
    let fifo = s.path("in/x.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo is needed for this test");
    std::os::unix::fs::symlink("/dev/zero", s.path("in/zero.txt")).unwrap();
    let out = s.path("out");
    let named = s.path("named.txt");
    std::process::Command::new("mkfifo").arg(&named).status().unwrap();
    // With a watchdog: a hang is a failure, not a stuck test run.
    let mut child = crate::support::gleaner()
        .args(["run", s.path("in").to_str().unwrap(), named.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed().as_secs() > 60 {
            let _ = child.kill();
            panic!("gleaner hung on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let errors = errors_by_source(&out);
    assert_eq!(errors[&fifo.display().to_string()], ["not_a_file"]);
    assert_eq!(errors[&s.path("in/zero.txt").display().to_string()], ["not_a_file"]);
    assert_eq!(errors[&named.display().to_string()], ["not_a_file"]);
    assert_eq!(table(&out, "documents").len(), 1);
}

/// Metadata as a user means it: a BOM does not cost the first record, blank is null, a date is a
/// date or nothing, and control characters never reach a table.
#[test]
fn jsonl_metadata_and_control_characters() {
    let s = Scratch::new("meta");
    let lines = [
        "\u{FEFF}{\"id\": \"first\", \"text\": \"After a BOM.\", \"title\": \"\", \"published\": \"2021-08-27T10:00:00Z\"}",
        "{\"id\": \"late\", \"text\": \"Trailing garbage.\", \"published\": \"2021-08-27garbage\"}",
        "{\"id\": \"zero\", \"text\": \"Year zero.\", \"published\": \"0000-01-01\"}",
    ];
    let input = s.write("in.jsonl", lines.join("\n"));
    let mut nul_text = "Plain words here. ".repeat(600).into_bytes();
    nul_text.extend_from_slice(b"A NUL\x00and an escape \x1b[1m after 8 KiB.");
    s.write("txt/nul.txt", &nul_text);
    let out = s.path("out");
    run_ok(&[input.to_str().unwrap(), s.path("txt").to_str().unwrap(), "--out", out.to_str().unwrap()]);
    let docs = table(&out, "documents");
    let by_id = |id: &str| docs.iter().find(|r| r["doc_id"] == id).unwrap_or_else(|| panic!("{id} missing: {docs:?}"));
    assert_eq!(by_id("first")["published"], "2021-08-27");
    assert_eq!(by_id("first")["title"], "", "a blank title is null (an empty CSV field), not '\"\"'");
    assert_eq!(by_id("late")["published"], "");
    assert_eq!(by_id("zero")["published"], "");
    let nul = by_id("nul.txt");
    assert!(!nul["text"].contains('\0') && !nul["text"].contains('\u{1b}'));
    assert!(nul["text"].contains("A NUL and an escape  [1m after"), "replaced one for one by spaces");
    let errors = errors_by_source(&out);
    assert_eq!(errors[&format!("{}#2", input.display())], ["bad_metadata"]);
    assert_eq!(errors[&format!("{}#3", input.display())], ["bad_metadata"]);
    assert_eq!(errors[&s.path("txt/nul.txt").display().to_string()], ["control_characters"]);
    assert!(!errors.contains_key(&format!("{}#1", input.display())));
    crate::support::assert_offsets(&out);
}
