//! Test helpers shared by the extractors' suites: documents from text, and the runner of
//! data-driven cases (`testdata/*.jsonl`).

use gleaner_ingest::{ingest, parse_date, Body, Document, Metadata, RawDocument};

/// A segmented document from `text`, with an optional `YYYY-MM-DD` published date.
pub(crate) fn doc(text: &str, published: Option<&str>) -> Document {
    let raw = RawDocument {
        doc_id: "t".into(),
        source: "t".into(),
        body: Body::Text(text.into()),
        meta: Metadata { published: published.and_then(parse_date), ..Metadata::default() },
        issues: vec![],
    };
    ingest(raw).expect("a text document").0
}

/// The cases of a JSONL suite: one JSON object a line; blank lines and lines starting with `//`
/// are skipped.
pub(crate) fn cases(suite: &str) -> impl Iterator<Item = serde_json::Value> + '_ {
    suite
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("//"))
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("bad case {line}: {e}")))
}

/// Runs `check` on every case of a JSONL suite; `check` returns what is wrong with a case (empty
/// when it is right). Fails listing every wrong case, or when the suite has fewer than
/// `min_cases` cases.
pub(crate) fn run_suite(suite: &str, min_cases: usize, mut check: impl FnMut(&serde_json::Value) -> Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases(suite) {
        n += 1;
        failures.extend(check(&case).into_iter().map(|why| format!("{}\n  {why}", case["text"])));
    }
    assert!(n >= min_cases, "the suite shrank to {n} cases");
    assert!(failures.is_empty(), "{} of {n} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

/// Runs every case of a JSONL suite (lines starting with `//` are comments): `rows` turns a case
/// into the rows found, and every key of every expected row under `key` must match, in order.
/// Numbers compare with a relative tolerance of 1e-9.
pub(crate) fn check_suite(
    cases: &str,
    key: &str,
    min_cases: usize,
    rows: impl Fn(&serde_json::Value) -> Vec<serde_json::Value>,
) {
    let same = |want: &serde_json::Value, got: &serde_json::Value| match (want.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        _ => want == got,
    };
    run_suite(cases, min_cases, |case| {
        let want = case[key].as_array().expect("expected rows");
        let got = rows(case);
        let ok = want.len() == got.len()
            && want.iter().zip(&got).all(|(w, g)| w.as_object().expect("a row").iter().all(|(k, v)| same(v, &g[k])));
        if ok {
            return vec![];
        }
        vec![format!("want {}\n  got  {}", serde_json::Value::from(want.clone()), serde_json::Value::from(got))]
    });
}

/// Checks an extractor's table of rules ([`crate::Rule`]): names unique and snake_case, a meaning
/// and an example each; every example yields a row of its rule (`rules_of` gives the rule names
/// of the rows found in a sentence); and every rule name those rows carry is in the table. Fails
/// listing everything wrong. Adding a rule means adding a line, with its example, to the table.
pub(crate) fn check_rules(rules: &[crate::Rule], rules_of: impl Fn(&str) -> Vec<Option<&'static str>>) {
    let mut failures = Vec::new();
    let snake = |n: &str| {
        let b = n.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_lowercase()
            && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
            && !n.ends_with('_')
            && !n.contains("__")
    };
    let mut seen = std::collections::HashSet::new();
    for r in rules {
        if !snake(r.name) {
            failures.push(format!("{:?} is not snake_case", r.name));
        }
        if !seen.insert(r.name) {
            failures.push(format!("{:?} is in the table twice", r.name));
        }
        if r.meaning.trim().is_empty() || r.examples.is_empty() {
            failures.push(format!("{:?} needs a meaning and an example", r.name));
        }
        for example in r.examples {
            let found = rules_of(example);
            if !found.contains(&Some(r.name)) {
                failures.push(format!("{:?}: {example:?} gives no row of it, only {found:?}", r.name));
            }
            for name in found.into_iter().flatten() {
                if !rules.iter().any(|r| r.name == name) {
                    failures.push(format!("{example:?} gives a row of {name:?}, which is not in the table"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problem(s) with the rules table:\n{}", failures.len(), failures.join("\n"));
}
