//! The data-driven suite: `testdata/dates.jsonl`, one case a line: a sentence, its document date
//! (or null) and every temporal expression it must give, in order: text, value, and any of
//! type, mod, range_start, range_end, anchored. Adding a case needs no code.

use super::Dates;
use crate::testkit::{check_suite, doc};
use crate::Pipeline;

#[test]
fn testdata_dates() {
    check_suite(include_str!("../../testdata/dates.jsonl"), "dates", 25, |case| {
        let doc = doc(case["text"].as_str().unwrap(), case["published"].as_str());
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
    });
}
