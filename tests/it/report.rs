//! `gleaner report`: every page written, the document views' highlights equal the dataset's
//! rows, text from the documents never becomes markup, and the folder rules of a dataset.

use std::collections::HashMap;
use std::path::Path;

use crate::support::{char_slice, gleaner, run_ok, table, Scratch};

const CORPUS: &str = concat!(
    r#"{"id": "kabul", "published": "2021-08-27", "text": "A suicide bombing outside the airport in Kabul on Thursday killed at least 13 U.S. servicemembers. \"We will not forgive. We will hunt you down,\" President Joe Biden said. The Islamic State claimed responsibility for the attack."}"#,
    "\n",
    r#"{"id": "html & <b>", "published": "2021-09-01", "text": "Ada Lovelace wrote <script>window.__pwned = 1</script> and <img src=x onerror=\"window.__pwned=2\"> in London on Monday. She said the 3 reports & \"tables\" were <b>done</b>."}"#,
    "\n",
);

fn report(scratch: &Scratch) -> (std::path::PathBuf, std::path::PathBuf) {
    let input = scratch.write("corpus.jsonl", CORPUS);
    let data = scratch.path("data");
    run_ok(&[input.to_str().unwrap(), "--out", data.to_str().unwrap()]);
    let out = scratch.path("report");
    let status = gleaner().args(["report", data.to_str().unwrap(), "--out", out.to_str().unwrap()]).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    (data, out)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// A highlighted row: its pieces' text joined, the `data-start` and the opening tag of its first
/// piece, and how many pieces.
#[derive(Debug, Default)]
struct Marked {
    text: String,
    start: usize,
    tag: String,
    pieces: usize,
}

/// The text of the element `#text` of a document page, and each `data-row`'s highlight.
fn read_marks(html: &str) -> (String, HashMap<String, Marked>) {
    let start = html.find("<div id=\"text\"").expect("a #text element");
    let body = &html[start + html[start..].find('>').unwrap() + 1..];
    let mut text = String::new();
    let mut rows: HashMap<String, Marked> = HashMap::new();
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut rest = body;
    loop {
        let lt = rest.find('<').expect("the #text element is closed");
        let chunk = unescape(&rest[..lt]);
        text.push_str(&chunk);
        for row in stack.iter().flatten() {
            rows.get_mut(row).unwrap().text.push_str(&chunk);
        }
        let gt = lt + rest[lt..].find('>').unwrap();
        let tag = &rest[lt..=gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("</") {
            if stack.pop().is_none() {
                break; // the end of #text
            }
        } else {
            let row = attr(tag, "data-row").map(str::to_owned);
            if let Some(r) = &row {
                let start: usize = attr(tag, "data-start").unwrap().parse().unwrap();
                let m =
                    rows.entry(r.clone()).or_insert_with(|| Marked { start, tag: tag.to_owned(), ..Marked::default() });
                m.pieces += 1;
            }
            stack.push(row);
        }
    }
    (text, rows)
}

#[test]
fn a_report_shows_every_row_of_the_dataset_where_it_is() {
    let scratch = Scratch::new("report");
    let (data, out) = report(&scratch);
    for page in
        ["index.html", "map.html", "network.html", "timeline.html", "documents/index.html", "entities/index.html"]
    {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    assert!(out.join("assets/report.css").is_file() && out.join("assets/report.js").is_file());
    let docs = table(&data, "documents");
    let entities = table(&data, "entities");
    assert_eq!(docs.len(), 2);
    let mut split = false;
    for (k, doc) in docs.iter().enumerate() {
        let html = std::fs::read_to_string(out.join(format!("documents/d{k}.html"))).unwrap();
        let id = &doc["doc_id"];
        assert!(html.contains(&format!(
            "data-doc-id=\"{}\"",
            id.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
        )));
        let (text, rows) = read_marks(&html);
        assert_eq!(text, doc["text"], "the page's text is the document's");
        let mut want = 0;
        for (name, kind, idx) in [
            ("mentions", "mention", "mention_idx"),
            ("dates", "date", "date_idx"),
            ("numbers", "number", "number_idx"),
            ("quotes", "quote", "quote_idx"),
        ] {
            for row in table(&data, name).iter().filter(|r| &r["doc_id"] == id) {
                let key = format!("{kind}-{}", row[idx]);
                let got = rows.get(&key).unwrap_or_else(|| panic!("{key} of {id} not highlighted"));
                assert_eq!(got.text, row["text"], "{key} of {id}");
                assert_eq!(got.start.to_string(), row["start"], "{key} of {id}");
                if kind == "mention" {
                    assert!(
                        got.tag.starts_with("<a ") && got.tag.contains(" href=\"../entities/e"),
                        "{key} of {id} is no link to its entity: {}",
                        got.tag
                    );
                }
                split |= got.pieces > 1;
                let (s, e) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
                assert_eq!(char_slice(&doc["text"], s, e), row["text"]);
                want += 1;
            }
        }
        assert_eq!(rows.len(), want, "{id}: a highlight for each row, no other");
        assert!(want > 0, "{id} has rows to show");
    }
    assert!(split, "a quotation over a sentence's end is drawn in pieces");
    // Every entity has its page, named by its name.
    for (e, ent) in entities.iter().enumerate() {
        let html = std::fs::read_to_string(out.join(format!("entities/e{e}.html"))).unwrap();
        assert!(html.contains(&format!("<h1>{}</h1>", ent["name"].replace('&', "&amp;"))), "{}", ent["name"]);
    }
}

#[test]
fn text_from_the_documents_is_never_markup() {
    let scratch = Scratch::new("report-escape");
    let (_, out) = report(&scratch);
    let mut pages = Vec::new();
    let mut stack = vec![out.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "html") {
                pages.push(p);
            }
        }
    }
    assert!(pages.len() > 8);
    let mut shown = false;
    for p in &pages {
        let html = std::fs::read_to_string(p).unwrap();
        assert!(!html.contains("<script>window"), "{}", p.display());
        assert!(!html.contains("<img"), "{}", p.display());
        assert!(!html.contains("<b>done"), "{}", p.display());
        // The only scripts: the shipped one and the network's data.
        let scripts = html.matches("<script").count();
        assert_eq!(
            scripts,
            html.matches("<script src=\"assets/report.js\">").count()
                + html.matches("<script type=\"application/json\"").count()
        );
        shown |= html.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    }
    assert!(shown, "the document's markup is shown as text");
}

#[test]
fn a_report_folder_is_replaced_whole_and_other_folders_are_refused() {
    let scratch = Scratch::new("report-folder");
    let (data, out) = report(&scratch);
    std::fs::write(out.join("documents/d99.html"), "stale").unwrap();
    let again = gleaner().args(["report", data.to_str().unwrap(), "--out", out.to_str().unwrap()]).output().unwrap();
    assert!(again.status.success());
    assert!(!out.join("documents/d99.html").exists(), "a file of the old report stays");
    assert!(out.join("index.html").is_file());
    let other = scratch.write("mine/notes.txt", "keep me");
    let refused = gleaner()
        .args(["report", data.to_str().unwrap(), "--out", other.parent().unwrap().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "{}", String::from_utf8_lossy(&refused.stderr));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "keep me");
    // A report folder holding more than a report, the dataset's own folder, a folder holding
    // the dataset: refused, the last two even with --force.
    std::fs::write(out.join("mine.txt"), "keep me").unwrap();
    let foreign = gleaner().args(["report", data.to_str().unwrap(), "--out", out.to_str().unwrap()]).output().unwrap();
    assert_eq!(foreign.status.code(), Some(2), "{}", String::from_utf8_lossy(&foreign.stderr));
    assert!(out.join("mine.txt").exists());
    for target in [data.clone(), scratch.0.clone()] {
        let refused = gleaner()
            .args(["report", data.to_str().unwrap(), "--out", target.to_str().unwrap(), "--force"])
            .output()
            .unwrap();
        assert_eq!(
            refused.status.code(),
            Some(2),
            "{}: {}",
            target.display(),
            String::from_utf8_lossy(&refused.stderr)
        );
        assert!(data.join("documents.parquet").is_file(), "the dataset stays");
    }
    let missing = gleaner()
        .args(["report", scratch.path("nothing").to_str().unwrap(), "--out", scratch.path("r2").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("documents.parquet"));
    assert!(!Path::new(&scratch.path("r2")).exists(), "no report of a missing dataset");
    let leftovers: Vec<_> = std::fs::read_dir(&scratch.0)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".gleaner-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
