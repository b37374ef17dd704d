//! Helpers: scratch folders, running the binary, reading tables back.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const CONTRACT_TABLES: [&str; 11] = [
    "documents", "sentences", "mentions", "entities", "numbers", "dates", "relations", "quotes", "events",
    "event_roles", "errors",
];

/// A fresh scratch folder under the target dir, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "gleaner-it-{}-{}-{}",
            std::process::id(),
            name,
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn gleaner() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gleaner"))
}

/// Runs `gleaner run ARGS...` and returns its output.
pub fn run(args: &[&str]) -> Output {
    gleaner().arg("run").args(args).stdin(Stdio::null()).output().unwrap()
}

pub fn run_ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(out.status.success(), "gleaner {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Reads `<dir>/<table>.csv` as rows of column → value.
pub fn table(dir: &Path, name: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(format!("{name}.csv"))).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

/// `text[start:end]` in code points, as Python slices.
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Asserts the contract's offset invariant for every span table of a dataset.
pub fn assert_offsets(dir: &Path) {
    let docs: HashMap<String, String> =
        table(dir, "documents").into_iter().map(|r| (r["doc_id"].clone(), r["text"].clone())).collect();
    let mut checked = 0;
    for name in ["sentences", "mentions", "numbers", "dates", "relations"] {
        for row in table(dir, name) {
            let text = &docs[&row["doc_id"]];
            let mut spans = vec![("start", "end", "text")];
            if name == "relations" {
                spans.push(("subject_start", "subject_end", "subject_text"));
                spans.push(("object_start", "object_end", "object_text"));
            }
            for (s, e, t) in spans {
                let (s, e): (usize, usize) = (row[s].parse().unwrap(), row[e].parse().unwrap());
                assert_eq!(char_slice(text, s, e), row[t], "{name} row {row:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no span rows to check in {}", dir.display());
}
