//! The code map names files that exist: every path ARCHITECTURE.md puts in backticks is in the
//! repository, so it cannot name a file that was moved or never written.

use std::path::Path;
use std::process::Command;

/// The repository's files, relative to its root (tracked or not, ignored files left out).
fn repo_files(root: &Path) -> Vec<String> {
    let out = Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard"])
        .current_dir(root)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git ls-files failed");
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

/// Is this backticked text a claim that a file or folder of the repository exists? Paths
/// (with a `/`) and source files; not paths outside the repository (`../shared`), build
/// outputs (`target/`), patterns (`*`, `<table>`) or commands.
fn names_a_path(s: &str) -> bool {
    let source = [".rs", ".py", ".txt", ".jsonl", ".toml", ".bin"].iter().any(|e| s.ends_with(e));
    let plain = s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
    plain && (s.contains('/') || source) && !s.starts_with("../") && !s.starts_with("target/") && !s.starts_with('/')
}

/// Does some repository file or folder end with `path` (a path may be written relative to a
/// crate or its `src/`)?
fn exists(files: &[String], path: &str) -> bool {
    let p = path.trim_end_matches('/');
    files.iter().any(|f| {
        let f = f.as_str();
        f == p || f.ends_with(&format!("/{p}")) || f.starts_with(&format!("{p}/")) || f.contains(&format!("/{p}/"))
    })
}

fn backticked(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

#[test]
fn every_path_the_architecture_names_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files = repo_files(&root);
    assert!(files.iter().any(|f| f == "ARCHITECTURE.md"), "not run from the repository");
    let mut missing = Vec::new();
    for doc in ["ARCHITECTURE.md"] {
        let text = std::fs::read_to_string(root.join(doc)).expect("readable");
        for path in backticked(&text).filter(|s| names_a_path(s)) {
            if !exists(&files, path) {
                missing.push(format!("{doc}: `{path}`"));
            }
        }
    }
    missing.dedup();
    assert!(missing.is_empty(), "named but not in the repository:\n  {}", missing.join("\n  "));
}

#[test]
fn the_check_finds_a_missing_file() {
    let files = vec!["crates/gleaner-extract/src/entities/mod.rs".to_owned()];
    assert!(
        exists(&files, "entities/mod.rs") && exists(&files, "crates/gleaner-extract/") && exists(&files, "entities/")
    );
    assert!(!exists(&files, "entities/model.rs"));
    assert!(names_a_path("entities/model.rs") && names_a_path("linear.rs"));
    assert!(!names_a_path("../shared/eval") && !names_a_path("<table>.sheet.csv") && !names_a_path("make test"));
}
