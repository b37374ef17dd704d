//! The command line: usage errors, exit codes, `schema`, standard input, formats.

use std::io::Write;
use std::process::Stdio;

use crate::support::{gleaner, run, table, Scratch, CONTRACT_TABLES};

#[test]
fn bad_usage_exits_2() {
    let s = Scratch::new("usage");
    let input = s.write("a.txt", "Text.");
    let out = s.path("out");
    let (i, o) = (input.to_str().unwrap(), out.to_str().unwrap());
    for args in [
        vec![i],
        vec![i, "--out", o, "--format", "xml"],
        vec![i, "--out", o, "--jobs", "0"],
        vec![i, "--out", o, "--published", "27/08/2021"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(!out.exists(), "nothing is written on bad usage");
}

#[test]
fn unwritable_output_exits_1_with_one_message() {
    let s = Scratch::new("unwritable");
    let input = s.write("a.txt", "Text.");
    // Not even root may make a folder in /proc.
    let output = run(&[input.to_str().unwrap(), "--out", "/proc/gleaner-cannot-be-here/out"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("gleaner: error: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    let os_error = stderr.find("(os error").expect("the OS error is given");
    assert!(!stderr[os_error + 1..].contains("(os error"), "the OS error is said once: {stderr}");
}

#[test]
fn schema_lists_the_contract_tables() {
    let output = gleaner().args(["schema", "--json"]).output().unwrap();
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: Vec<&str> = schema["tables"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, CONTRACT_TABLES);
    let text = gleaner().arg("schema").output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("subject_entity_id"));
}

#[test]
fn stdin_jsonl_and_single_format() {
    let s = Scratch::new("stdin");
    let out = s.path("out");
    let mut child = gleaner()
        .args(["run", "-", "--out", out.to_str().unwrap(), "--format", "csv", "--published", "2021-08-27"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"{\"id\": \"x\", \"text\": \"From a pipe. Second sentence.\"}\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let docs = table(&out, "documents");
    assert_eq!(docs[0]["source"], "<stdin>#1");
    assert_eq!(docs[0]["published"], "2021-08-27", "--published is the fallback date");
    assert_eq!(table(&out, "sentences").len(), 2);
    for t in CONTRACT_TABLES {
        assert!(out.join(format!("{t}.csv")).exists());
        assert!(!out.join(format!("{t}.parquet")).exists(), "--format csv wrote parquet");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["tables"]["sentences"]["rows"], 2);
    assert_eq!(manifest["schema_version"], 1);
}

#[test]
fn no_temporary_files_are_left_behind() {
    let s = Scratch::new("atomic");
    let input = s.write("a.txt", "Text.");
    let out = s.path("out");
    let output = run(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(output.status.success());
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.len(), 2 * CONTRACT_TABLES.len() + 1, "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let beside: Vec<String> =
        std::fs::read_dir(&s.0).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(beside.iter().all(|n| !n.contains("gleaner")), "nothing left beside the dataset: {beside:?}");
}

/// `<table>.csv` stays exact for programs; `<table>.sheet.csv` never runs a document's formula
/// in a spreadsheet.
#[test]
fn sheet_csv_is_safe_in_a_spreadsheet_and_csv_stays_exact() {
    let s = Scratch::new("sheet");
    let text =
        "=HYPERLINK(\"http://x\",\"click\") said Jane Roe on Friday.\n\n+1 more: temperatures fell to -5 degrees.";
    let lines = [serde_json::json!({"id": "@doc", "text": text, "title": "-title"}).to_string()];
    let input = s.write("in.jsonl", lines.join("\n"));
    let out = s.path("out");
    let output = run(&[input.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "csv,sheet"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let docs = table(&out, "documents");
    assert_eq!(docs[0]["text"], text, "the CSV for programs is exact");
    assert_eq!(docs[0]["doc_id"], "@doc");
    crate::support::assert_offsets(&out);

    let raw = std::fs::read(out.join("documents.sheet.csv")).unwrap();
    assert!(raw.starts_with("\u{FEFF}".as_bytes()), "a byte order mark, so spreadsheets read UTF-8");
    let mut reader = csv::Reader::from_reader(&raw[3..]);
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_owned();
    assert_eq!(cell("text"), format!("'{text}"));
    assert_eq!(cell("doc_id"), "'@doc");
    assert_eq!(cell("title"), "'-title");
    assert_eq!(cell("n_sentences"), docs[0]["n_sentences"], "numbers are not text: never prefixed");
    // No text cell of any sheet starts with a formula character.
    for t in CONTRACT_TABLES {
        let raw = std::fs::read(out.join(format!("{t}.sheet.csv"))).unwrap();
        let mut reader = csv::Reader::from_reader(&raw[3..]);
        for record in reader.records() {
            for field in record.unwrap().iter() {
                let number = field.parse::<f64>().is_ok();
                assert!(number || !field.starts_with(['=', '+', '-', '@']), "{t}: {field:?}");
            }
        }
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["formats"], serde_json::json!(["csv", "sheet"]));
    assert_eq!(manifest["tables"]["errors"]["files"], serde_json::json!(["errors.csv", "errors.sheet.csv"]));
}
