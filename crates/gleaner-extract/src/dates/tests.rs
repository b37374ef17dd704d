//! The data-driven suite: `testdata/dates.jsonl`, one case a line: a sentence, its document date
//! (or null) and every temporal expression it must give, in order: text, value, and any of
//! type, mod, range_start, range_end, anchored. Adding a case needs no code.

use super::Dates;
use crate::Pipeline;
use gleaner_ingest::{ingest, parse_date, Body, Metadata, RawDocument};

fn run(text: &str, published: Option<&str>) -> Vec<serde_json::Value> {
    let raw = RawDocument {
        doc_id: "t".into(),
        source: "t".into(),
        body: Body::Text(text.into()),
        meta: Metadata { published: published.and_then(parse_date), ..Metadata::default() },
        issues: vec![],
    };
    let (doc, _) = ingest(raw).expect("text");
    let found = Pipeline::new().with(Dates).run(&doc);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    found
        .dates
        .iter()
        .map(|d| {
            serde_json::json!({
                "text": doc.slice(d.span), "type": d.kind.as_str(), "value": d.value, "mod": d.modifier,
                "range_start": date(d.range_start), "range_end": date(d.range_end), "anchored": d.anchored,
            })
        })
        .collect()
}

#[test]
fn testdata_dates() {
    let cases = include_str!("../../testdata/dates.jsonl");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("//")) {
        n += 1;
        let case: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("bad case {line}: {e}"));
        let text = case["text"].as_str().unwrap();
        let want = case["dates"].as_array().unwrap();
        let got = run(text, case["published"].as_str());
        let ok = want.len() == got.len()
            && want.iter().zip(&got).all(|(w, g)| w.as_object().unwrap().iter().all(|(k, v)| g[k] == *v));
        if !ok {
            failures.push(format!(
                "{text}\n  want {}\n  got  {}",
                serde_json::Value::from(want.clone()),
                serde_json::Value::from(got)
            ));
        }
    }
    assert!(n >= 25, "the suite shrank to {n} cases");
    assert!(failures.is_empty(), "{} of {n} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}
