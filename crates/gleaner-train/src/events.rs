//! Training the incident role classifier on MUC-4 templates (`../shared/eval/muc4/train.jsonl`:
//! MUC-4's DEV messages). Each message goes through ingest and the shipped extractors, as
//! `gleaner run` reads it; the words of its incident sentences are the examples, and a word
//! takes the role of a template filler of its message whose text (any alias) covers it there.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gleaner_extract::dates::Dates;
use gleaner_extract::entities::Entities;
use gleaner_extract::events::{class_of, role_examples, train_roles, N_ROLE_CLASSES, ROLE_CLASSES};
use gleaner_extract::numbers::Numbers;
use gleaner_extract::Pipeline;
use gleaner_ingest::{ingest, parse_published, Body, Metadata, RawDocument};

use crate::conll04::records;

/// The template slots of the MUC-4 JSONL and the class each fills.
const SLOTS: [(&str, &str); 5] = [
    ("perp_individuals", "perpetrator_person"),
    ("perp_orgs", "perpetrator_org"),
    ("targets", "target"),
    ("victims", "victim"),
    ("weapons", "weapon"),
];

/// Marks, byte by byte, the class of the filler covering each byte of `text` (0: none): every
/// occurrence of every alias, without regard to case, at word boundaries. The first slot to
/// mark a byte keeps it.
fn gold_bytes(text: &str, events: &[serde_json::Value]) -> Vec<u8> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut marks = vec![0u8; text.len()];
    let boundary = |k: usize| k >= bytes.len() || !bytes[k].is_ascii_alphanumeric();
    for (slot, role) in SLOTS {
        let class = class_of(role);
        for ev in events {
            for filler in ev[slot].as_array().into_iter().flatten() {
                for alias in filler.as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
                    let a = alias.to_ascii_lowercase();
                    if a.is_empty() {
                        continue;
                    }
                    let mut from = 0;
                    while let Some(k) = lower[from..].find(&a) {
                        let at = from + k;
                        let end = at + a.len();
                        if (at == 0 || boundary(at - 1)) && boundary(end) {
                            for m in &mut marks[at..end] {
                                if *m == 0 {
                                    *m = class;
                                }
                            }
                        }
                        from = at + lower[at..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
        }
    }
    marks
}

pub fn run(train: &[PathBuf], out: &Path, epochs: usize) -> Result<()> {
    let pipeline = Pipeline::new().with(Dates).with(Numbers).with(Entities::shipped());
    let mut examples: Vec<(Vec<u64>, u8)> = Vec::new();
    for path in train {
        let mut docs = 0;
        for (n, rec) in records(path)? {
            let text = rec["text"].as_str().with_context(|| format!("{}:{}: text", path.display(), n + 1))?;
            let published = rec["published"].as_str().and_then(|p| parse_published(p).ok()).map(|m| m.date);
            let raw = RawDocument {
                doc_id: rec["id"].as_str().unwrap_or("").to_owned(),
                source: path.display().to_string(),
                body: Body::Text(text.to_owned()),
                meta: Metadata { published, ..Metadata::default() },
                issues: vec![],
            };
            let Ok((doc, _)) = ingest(raw) else { continue };
            let events = rec["events"].as_array().cloned().unwrap_or_default();
            let marks = gold_bytes(&doc.text, &events);
            let found = pipeline.run(&doc);
            for ex in role_examples(&doc, &found) {
                let class = marks[ex.span.start as usize..ex.span.end as usize].iter().copied().max().unwrap_or(0);
                examples.push((ex.features, class));
            }
            docs += 1;
        }
        eprintln!("{}: {docs} messages", path.display());
    }
    let mut per_class = [0usize; N_ROLE_CLASSES];
    for (_, c) in &examples {
        per_class[*c as usize] += 1;
    }
    for (name, k) in ROLE_CLASSES.iter().zip(per_class) {
        eprintln!("  {name}: {k} words");
    }
    let bytes = train_roles(&examples, epochs, 20_061);
    let model = gleaner_extract::entities::Model::<N_ROLE_CLASSES>::from_bytes(&bytes)
        .context("the model just trained does not load")?;
    let tmp = out.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("renaming to {}", out.display()))?;
    eprintln!("wrote {} ({:.2} MB, {} features)", out.display(), bytes.len() as f64 / 1e6, model.n_features());
    Ok(())
}
