//! Training the relation classifier on CoNLL04: each sentence goes through ingest and the shipped
//! entity tagger, so the classifier learns on the mentions it will see at run time; a candidate
//! pair takes a gold relation's type when both its mentions end where the gold arguments end
//! (CoNLL04 puts titles inside person names, the contract does not).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gleaner_extract::entities::Entities;
use gleaner_extract::relations::{classify, pair_examples, train_relations, CLASSES, N_CLASSES};
use gleaner_extract::{entity_id, Label, Mention, Pipeline};
use gleaner_ingest::Span;

use crate::conll04::{ingest_text, place_parts, records};

/// Candidate pairs of one file, labelled: `(features, class)`, and the gold count per sentence.
struct Labelled {
    examples: Vec<(Vec<u64>, u8)>,
    gold: usize,
}

/// The contract label standing for a CoNLL04 type.
fn contract_label(t: &str) -> Label {
    match t {
        "Peop" => Label::Person,
        "Org" => Label::Org,
        "Loc" => Label::Gpe,
        _ => Label::Misc,
    }
}

/// Reads a CoNLL04 file into labelled candidate pairs, over the tagger's mentions and, with
/// `gold_mentions`, also over the annotated entities (more positive pairs to learn from). The
/// tagger is the shipped one, or with `folds` the fold model of the line (line `n` by model
/// `n % folds.len()`, one trained without that line).
fn read(path: &Path, gold_mentions: bool, folds: &[Pipeline]) -> Result<Labelled> {
    let shipped = Pipeline::new().with(Entities::shipped());
    // Pair features read the shipped tagger's word clusters, as `gleaner run` does whichever
    // tagger found the mentions.
    let resources = gleaner_extract::Resources::shipped();
    let mut out = Labelled { examples: Vec::new(), gold: 0 };
    for (n, rec) in records(path)? {
        let sentence = rec["text"].as_str().context("text")?;
        let ents = rec["entities"].as_array().context("entities")?;
        // Gold relations by the character ends of their arguments (CoNLL04 text is ASCII).
        let mut gold: HashMap<(u64, u64), u8> = HashMap::new();
        // A place argument split at its commas is each of its parts ("lives in Amherst , Mass.":
        // in Amherst and in Mass.); the gold count stays one per relation (so the dev figure
        // below may count a split place twice: score.py is the reference).
        let ends = |k: u64| -> Vec<u64> {
            let e = &ents[k as usize];
            let (start, end) = (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            if e["type"].as_str() == Some("Loc") {
                place_parts(sentence, start, end).into_iter().map(|(_, b)| b as u64).collect()
            } else {
                vec![end as u64]
            }
        };
        let relations = rec["relations"].as_array().context("relations")?;
        for r in relations {
            let class = CLASSES.iter().position(|c| Some(*c) == r["type"].as_str()).context("relation type")?;
            for h in ends(r["head"].as_u64().unwrap_or(0)) {
                for t in ends(r["tail"].as_u64().unwrap_or(0)) {
                    gold.insert((h, t), class as u8);
                }
            }
        }
        out.gold += relations.len();
        let Some(doc) = ingest_text(path, n, sentence) else { continue };
        let pipeline = if folds.is_empty() { &shipped } else { &folds[n % folds.len()] };
        let found = pipeline.run(&doc);
        for ex in pair_examples(&doc, &found.mentions, &resources) {
            let class = gold.get(&(ex.subject.end as u64, ex.object.end as u64)).copied().unwrap_or(0);
            out.examples.push((ex.features, class));
        }
        if gold_mentions {
            // Places split at their commas as the tagger learned them ("Amherst , Mass.").
            let mentions: Vec<Mention> = ents
                .iter()
                .filter_map(|e| {
                    let (start, end) = (e["start"].as_u64()? as usize, e["end"].as_u64()? as usize);
                    let label = contract_label(e["type"].as_str()?);
                    let parts =
                        if label == Label::Gpe { place_parts(sentence, start, end) } else { vec![(start, end)] };
                    Some(parts.into_iter().map(move |p| (p, label)))
                })
                .flatten()
                .filter_map(|((start, end), label)| {
                    let name = sentence.get(start..end)?.to_owned();
                    Some(Mention {
                        sentence: 0,
                        span: Span::new(start, end),
                        label,
                        entity_id: entity_id(label.as_str(), &name),
                        name,
                        confidence: 1.0,
                        method: "gold",
                        rule: None,
                        place: None,
                    })
                })
                .collect();
            for ex in pair_examples(&doc, &mentions, &resources) {
                let class = gold.get(&(ex.subject.end as u64, ex.object.end as u64)).copied().unwrap_or(0);
                out.examples.push((ex.features, class));
            }
        }
    }
    Ok(out)
}

pub fn run(train: &Path, dev: Option<&Path>, out: &Path, epochs: usize, fold_models: &[PathBuf]) -> Result<()> {
    let mut folds = Vec::new();
    for p in fold_models {
        let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        let model =
            gleaner_extract::entities::Model::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))?;
        // Lives as long as the process, as the shipped model does.
        let model: &'static _ = Box::leak(Box::new(model));
        folds.push(Pipeline::new().with(Entities::with_model(model)));
    }
    let t = read(train, true, &folds)?;
    let positives = t.examples.iter().filter(|e| e.1 != 0).count();
    eprintln!("train: {} candidate pairs, {positives} with a relation ({} gold relations)", t.examples.len(), t.gold);
    let bytes = train_relations(&t.examples, epochs, 20_040);
    let model = gleaner_extract::entities::Model::<N_CLASSES>::from_bytes(&bytes)
        .context("the model just trained does not load")?;
    if let Some(dev) = dev {
        let d = read(dev, false, &[])?;
        let reachable = d.examples.iter().filter(|e| e.1 != 0).count();
        eprintln!("dev: {} candidate pairs, {reachable} of {} gold relations reachable", d.examples.len(), d.gold);
        for bias in [0.0f32, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0] {
            let (mut tp, mut pred) = (0, 0);
            for (f, gold) in &d.examples {
                let (class, _) = classify(&model, f, bias);
                if class != 0 {
                    pred += 1;
                    if class as u8 == *gold {
                        tp += 1;
                    }
                }
            }
            let (p, r) = (tp as f64 / pred.max(1) as f64, tp as f64 / d.gold.max(1) as f64);
            eprintln!(
                "dev, bias {bias} (classifier alone, relaxed spans): P {p:.3} R {r:.3} F1 {:.3} (tp {tp} pred {pred} gold {})",
                2.0 * p * r / (p + r).max(1e-9),
                d.gold
            );
        }
    }
    let tmp = out.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("renaming to {}", out.display()))?;
    eprintln!("wrote {} ({:.2} MB, {} features)", out.display(), bytes.len() as f64 / 1e6, model.n_features());
    Ok(())
}
