//! `gleaner-train`: trains the models gleaner ships. `make model` runs it; the data stays in
//! `../shared/eval`, only the model file is written into the repository.
//!
//!     gleaner-train ner --train eng.train --dev eng.testa --corpus a.jsonl --corpus b.jsonl \
//!         --out crates/gleaner-extract/models/ner.bin
//!
//! Reproducible: the word clusters and the perceptron use fixed seeds and sorted inputs, so the
//! same data gives the same bytes.

mod clusters;
mod conll;
mod conll04;
mod events;
mod rel;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use gleaner_extract::entities::{self, Clusters, Model, TrainConfig, TrainDocument};

#[derive(Parser, Debug)]
#[command(name = "gleaner-train", about = "Train gleaner's shipped models")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Train the entity tagger on CoNLL-2003 and write the model file.
    Ner {
        /// CoNLL-2003 training file (`eng.train`).
        #[arg(long)]
        train: PathBuf,
        /// CoNLL-2003 dev file (`eng.testa`), scored after each epoch (its held-out fifth is not).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// More annotated text by character offsets, CoNLL04's JSONL (its train file only: the
        /// relation classifier is scored on its dev file through this tagger).
        #[arg(long)]
        extra: Vec<PathBuf>,
        /// Also write two fold models here (`ner.fold0.bin`, `ner.fold1.bin`), each trained
        /// without one half of the `--extra` sentences (the odd or the even lines), for `rel
        /// --fold-models`: the relation classifier then learns on mentions tagged by a model that
        /// never saw the sentence, as noisy as at run time.
        #[arg(long)]
        folds_out: Option<PathBuf>,
        /// The size of a perceptron update on an `--extra` sentence (a `--train` one's is 1): the
        /// other scheme teaches its text without pulling CoNLL-2003's conventions as hard.
        #[arg(long, default_value_t = 1.0)]
        extra_step: f32,
        /// A CoNLL04 file scored at the end (entity spans with their type, on gleaner's tokens).
        #[arg(long)]
        extra_dev: Option<PathBuf>,
        /// Unlabeled JSONL corpora (`{"text": ...}` per line) for the word clusters.
        #[arg(long)]
        corpus: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Word clusters over word vectors (`scripts/vector_clusters.py`'s TSV), a second cluster
        /// family beside the tree computed from `--corpus`.
        #[arg(long)]
        vectors: Option<PathBuf>,
        /// Depth of the word-cluster tree (0: no clusters).
        #[arg(long, default_value_t = 16)]
        cluster_depth: u32,
        /// Seed of the document shuffle (other seeds measure how much a figure owes to the order).
        #[arg(long, default_value_t = 20_031)]
        seed: u64,
        /// Taggers averaged into the model, seeds `seed`, `seed + 1`, ... (the epoch lines are the
        /// first one's; the final dev line is the model's).
        #[arg(long, default_value_t = 1)]
        ensemble: usize,
        /// Weights below this are dropped from the file.
        #[arg(long, default_value_t = 0.0)]
        min_weight: f32,
        /// Also score the held-out fifth of the dev file (every fifth document). Do this once, at
        /// the end: tuning on it spends it.
        #[arg(long)]
        held_out: bool,
    },
    /// Train the relation classifier on CoNLL04 (with the shipped entity model's mentions).
    Rel {
        /// CoNLL04 training file (`train.jsonl`).
        #[arg(long)]
        train: PathBuf,
        /// CoNLL04 dev file, scored after training.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training pairs.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Tag the training sentences with these fold models (from `ner --folds-out`), line `n`
        /// by model `n % count`, instead of the shipped tagger.
        #[arg(long, num_args = 1..)]
        fold_models: Vec<PathBuf>,
    },
    /// Train the incident role classifier on MUC-4 templates (DEV: `muc4/train.jsonl`), read
    /// through the shipped extractors.
    Events {
        /// Template files (MUC-4 JSONL with `text`, `published` and `events`); a truecased copy
        /// (`bench/truecase.py`) teaches the tagger's labels of mixed-case text.
        #[arg(long, num_args = 1..)]
        train: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training words.
        #[arg(long, default_value_t = 5)]
        epochs: usize,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Events { train, out, epochs } => events::run(&train, &out, epochs),
        Command::Rel { train, dev, out, epochs, fold_models } => {
            rel::run(&train, dev.as_deref(), &out, epochs, &fold_models)
        }
        Command::Ner {
            train,
            dev,
            extra,
            extra_dev,
            extra_step,
            folds_out,
            corpus,
            vectors,
            out,
            epochs,
            seed,
            ensemble,
            cluster_depth,
            min_weight,
            held_out,
        } => {
            let started = Instant::now();
            let mut train_docs = conll::read(&train)?;
            let mut extra_lines = Vec::new();
            for p in &extra {
                let (docs, skipped) = conll04::read(p)?;
                eprintln!("{}: {} sentences ({skipped} skipped: normalization moved offsets)", p.display(), docs.len());
                for (line, doc) in docs {
                    extra_lines.push(line);
                    train_docs.push(doc);
                }
            }
            let (dev_docs, held) = match &dev {
                Some(p) => split_dev(conll::read(p)?),
                None => (Vec::new(), Vec::new()),
            };
            eprintln!(
                "train: {} documents, {} sentences; dev: {} documents (+{} held out)",
                train_docs.len(),
                train_docs.iter().map(Vec::len).sum::<usize>(),
                dev_docs.len(),
                held.len()
            );
            let clusters = if cluster_depth > 0 && !corpus.is_empty() {
                let mut texts = Vec::new();
                for p in &corpus {
                    clusters::read_jsonl_texts(p, &mut texts)?;
                }
                // The training sentences are unlabeled text too (never the dev file's).
                for d in &train_docs {
                    for s in d {
                        texts.push(s.words.join(" "));
                    }
                }
                let c = clusters::compute(&texts, cluster_depth);
                eprintln!(
                    "clusters: {} words, depth {cluster_depth} ({:.1} s)",
                    c.len(),
                    started.elapsed().as_secs_f64()
                );
                c
            } else {
                Clusters::default()
            };
            let mut clusters = clusters;
            if let Some(p) = &vectors {
                clusters.add_vectors(clusters::read_vector_clusters(p)?);
                eprintln!("vector clusters: {} words ({})", clusters.vector_words(), p.display());
            }
            let base = train_docs.len() - extra_lines.len();
            let steps: Vec<f32> = (0..train_docs.len()).map(|d| if d < base { 1.0 } else { extra_step }).collect();
            let config = TrainConfig { epochs, seed, min_weight, ensemble, steps };
            let bytes = entities::train(&train_docs, &dev_docs, &clusters, &config, |epoch, s| {
                eprintln!(
                    "epoch {epoch:>2}: dev F1 {:.4} (tp {} pred {} gold {}) {:.0} s",
                    s.f1(),
                    s.tp,
                    s.predicted,
                    s.gold,
                    started.elapsed().as_secs_f64()
                );
            });
            let model = Model::from_bytes(&bytes).context("the model just trained does not load")?;
            if ensemble > 1 && !dev_docs.is_empty() {
                let s = entities::evaluate_model(&model, &dev_docs);
                eprintln!(
                    "mean of {ensemble}: dev F1 {:.4} (tp {} pred {} gold {})",
                    s.f1(),
                    s.tp,
                    s.predicted,
                    s.gold
                );
            }
            if held_out {
                if held.is_empty() {
                    bail!("--held-out needs --dev");
                }
                let s = entities::evaluate_model(&model, &held);
                eprintln!("held-out fifth: F1 {:.4} (tp {} pred {} gold {})", s.f1(), s.tp, s.predicted, s.gold);
            }
            if let Some(dir) = &folds_out {
                for fold in 0..2 {
                    let docs: Vec<TrainDocument> = train_docs[..base]
                        .iter()
                        .chain(
                            train_docs[base..].iter().zip(&extra_lines).filter(|(_, l)| *l % 2 != fold).map(|(d, _)| d),
                        )
                        .cloned()
                        .collect();
                    let steps = (0..docs.len()).map(|d| if d < base { 1.0 } else { extra_step }).collect();
                    let config = TrainConfig { steps, ..config.clone() };
                    let bytes = entities::train(&docs, &[], &clusters, &config, |_, _| {});
                    let path = dir.join(format!("ner.fold{fold}.bin"));
                    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
                    std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
                    eprintln!("wrote {} (without the extra sentences on lines = {fold} mod 2)", path.display());
                }
            }
            if let Some(p) = &extra_dev {
                let (docs, _) = conll04::read(p)?;
                let docs: Vec<TrainDocument> = docs.into_iter().map(|(_, d)| d).collect();
                let s = entities::evaluate_model(&model, &docs);
                eprintln!("{}: F1 {:.4} (tp {} pred {} gold {})", p.display(), s.f1(), s.tp, s.predicted, s.gold);
            }
            let tmp = out.with_extension("bin.tmp");
            std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, &out).with_context(|| format!("renaming to {}", out.display()))?;
            eprintln!(
                "wrote {} ({:.1} MB, {} features) in {:.0} s",
                out.display(),
                bytes.len() as f64 / 1e6,
                model.n_features(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

/// Every fifth document of the dev file is held out from tuning.
fn split_dev(docs: Vec<TrainDocument>) -> (Vec<TrainDocument>, Vec<TrainDocument>) {
    let (mut dev, mut held) = (Vec::new(), Vec::new());
    for (i, d) in docs.into_iter().enumerate() {
        if i % 5 == 4 {
            held.push(d);
        } else {
            dev.push(d);
        }
    }
    (dev, held)
}
