//! Training the entity tagger: greedy averaged perceptron over CoNLL-style sentences, with the
//! document history built from the model's own predictions (as at run time).

use super::features::{History, Scratch};
use super::lexicon::Lexicons;
use super::tags;
use crate::linear::{mean_weights, shuffle, Clusters, Model, Scorer, Weights};

/// One annotated sentence: tokens and their CoNLL types (0 PER, 1 ORG, 2 LOC, 3 MISC), with
/// `starts[i]` true where an entity begins right after another of the same type (IOB1 `B-`).
#[derive(Clone, Debug, Default)]
pub struct TrainSentence {
    /// Token strings.
    pub words: Vec<String>,
    /// Entity type of each token, `None` outside.
    pub kinds: Vec<Option<usize>>,
    /// A new entity starts here although the previous token has the same type.
    pub starts: Vec<bool>,
}

/// One annotated document: its sentences in order (the history runs over them).
pub type TrainDocument = Vec<TrainSentence>;

/// Settings of a training run.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training documents.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Weights smaller than this are not written to the model file.
    pub min_weight: f32,
    /// Taggers averaged into the model, each visiting the documents in its own order (`seed`,
    /// `seed + 1`, ...): one tagger's dev F1 moves by half a point with the order.
    pub ensemble: usize,
    /// The size of a perceptron update on each document (by index; missing ones 1.0): text from
    /// another annotation scheme can teach at a smaller step than the main corpus.
    pub steps: Vec<f32>,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig { epochs: 10, seed: 20_031, min_weight: 0.0, ensemble: 1, steps: Vec::new() }
    }
}

/// Precision, recall and F1 of exact entity spans with their type.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    /// Correct spans.
    pub tp: usize,
    /// Spans predicted.
    pub predicted: usize,
    /// Spans in the gold data.
    pub gold: usize,
}

impl Score {
    /// F1 (0 when nothing was predicted or expected).
    pub fn f1(&self) -> f64 {
        let p = if self.predicted > 0 { self.tp as f64 / self.predicted as f64 } else { 0.0 };
        let r = if self.gold > 0 { self.tp as f64 / self.gold as f64 } else { 0.0 };
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn spans(t: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    tags::decode(t, |a, b, k| out.push((a, b, k)));
    out
}

/// Tags `docs` with `scorer` and scores the spans against their annotation (on the tagger's own
/// tokens, before any label refinement).
pub fn evaluate_model(model: &Model, docs: &[TrainDocument]) -> Score {
    evaluate(model, &model.clusters, docs)
}

fn evaluate(scorer: &impl Scorer<{ tags::N_TAGS }>, clusters: &Clusters, docs: &[TrainDocument]) -> Score {
    let lex = Lexicons::get();
    let mut scratch = Scratch::default();
    let mut hist = History::default();
    let (mut tags_out, mut conf) = (Vec::new(), Vec::new());
    let mut score = Score::default();
    for doc in docs {
        hist.clear();
        for s in doc {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            scratch.load(&words, lex, clusters, &hist);
            scratch.decode(scorer, &mut tags_out, &mut conf, |_, _, _| None);
            hist.record(&scratch.info, &tags_out);
            let gold = spans(&tags::encode(&s.kinds, &s.starts));
            let got = spans(&tags_out);
            score.gold += gold.len();
            score.predicted += got.len();
            score.tp += got.iter().filter(|g| gold.contains(g)).count();
        }
    }
    score
}

/// Trains a model; `report(epoch, dev score)` is called after each epoch of the first tagger when
/// `dev` is not empty. Returns the model file's bytes. The same inputs and config give the same
/// bytes.
pub fn train(
    docs: &[TrainDocument],
    dev: &[TrainDocument],
    clusters: &Clusters,
    config: &TrainConfig,
    mut report: impl FnMut(usize, Score),
) -> Vec<u8> {
    let sets: Vec<Weights<{ tags::N_TAGS }>> = (0..config.ensemble.max(1))
        .map(|k| {
            let seed = config.seed.wrapping_add(k as u64);
            let dev = if k == 0 { dev } else { &[] };
            train_one(docs, dev, clusters, config, seed, &mut report)
        })
        .collect();
    let weights = if sets.len() == 1 { sets.into_iter().next().unwrap_or_default() } else { mean_weights(&sets) };
    weights.to_bytes(clusters, config.min_weight)
}

fn train_one(
    docs: &[TrainDocument],
    dev: &[TrainDocument],
    clusters: &Clusters,
    config: &TrainConfig,
    seed: u64,
    report: &mut impl FnMut(usize, Score),
) -> Weights<{ tags::N_TAGS }> {
    let lex = Lexicons::get();
    let mut weights: Weights<{ tags::N_TAGS }> = Weights::default();
    let mut scratch = Scratch::default();
    let mut hist = History::default();
    let (mut tags_out, mut conf) = (Vec::new(), Vec::new());
    let mut predicted_tags: Vec<u8> = Vec::new();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = seed | 1;
    for epoch in 0..config.epochs {
        shuffle(&mut order, &mut rng);
        for &d in &order {
            let step = config.steps.get(d).copied().unwrap_or(1.0);
            hist.clear();
            for s in &docs[d] {
                let gold = tags::encode(&s.kinds, &s.starts);
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                scratch.load(&words, lex, clusters, &hist);
                let w = &mut weights;
                // Decode with the current weights, learning from each mistake as it is made, and
                // continue from the gold tag so later context stays as in the annotation.
                let mut current = Weights::default();
                std::mem::swap(&mut current, w);
                let cell = std::cell::RefCell::new(current);
                predicted_tags.clear();
                {
                    let scorer = RefScorer(&cell);
                    scratch.decode(&scorer, &mut tags_out, &mut conf, |i, feats, predicted| {
                        let mut w = cell.borrow_mut();
                        w.clock += 1;
                        predicted_tags.push(predicted);
                        if predicted != gold[i] {
                            w.update_by(feats, gold[i], predicted, step);
                        }
                        Some(gold[i])
                    });
                }
                *w = cell.into_inner();
                // The history holds what the model said, as it will at run time.
                hist.record(&scratch.info, &predicted_tags);
            }
        }
        if !dev.is_empty() {
            report(epoch + 1, evaluate(&weights.averaged(), clusters, dev));
        }
    }
    weights.averaged()
}

struct RefScorer<'a>(&'a std::cell::RefCell<Weights<{ tags::N_TAGS }>>);

impl Scorer<{ tags::N_TAGS }> for RefScorer<'_> {
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; tags::N_TAGS]) {
        self.0.borrow().add_scores(feats, scores);
    }
}

/// One document annotated by character spans (`(byte span, type)`, types as in
/// [`TrainSentence::kinds`]) as training sentences on the document's own tokens, as the tagger
/// will see them at run time: a token takes the type of the span it starts in (punctuation ending
/// the span excepted), and a leading article and the title
/// words leading a PER span ("President", "Mrs.") stay outside it, as in CoNLL-2003 and the
/// contract. For corpora annotated by offsets (CoNLL04), whose tokens and titles differ.
pub fn annotate(doc: &gleaner_ingest::Document, spans: &[(gleaner_ingest::Span, usize)]) -> TrainDocument {
    let lex = Lexicons::get();
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let mut s = TrainSentence {
            words: tokens.iter().map(|t| doc.slice(t.span).to_owned()).collect(),
            kinds: vec![None; tokens.len()],
            starts: vec![false; tokens.len()],
        };
        for &(span, kind) in spans {
            let mut inside: Vec<usize> = (0..tokens.len())
                .filter(|&i| tokens[i].span.start >= span.start && tokens[i].span.start < span.end)
                .collect();
            // A period glued to the span's last word ("Texas.") is a token of its own here.
            while inside.len() > 1 && inside.last().is_some_and(|&i| !s.words[i].chars().any(char::is_alphanumeric)) {
                inside.pop();
            }
            let Some(&first) = inside.first() else { continue };
            let words: Vec<&str> = inside.iter().map(|&i| s.words[i].as_str()).collect();
            // A leading article stays outside too ("The Environmental Protection Agency").
            let article = words.len() > 1 && matches!(words[0].to_ascii_lowercase().as_str(), "the" | "a" | "an");
            let skip = if article {
                1
            } else if kind == 0 {
                lex.title_words(&words)
            } else {
                0
            };
            for &i in &inside[skip..] {
                s.kinds[i] = Some(kind);
            }
            let begin = first + skip;
            if begin > 0 && begin <= *inside.last().unwrap_or(&0) && s.kinds[begin - 1] == Some(kind) {
                s.starts[begin] = true;
            }
        }
        out.push(s);
    }
    out
}

/// Reads CoNLL-2003 column text (`WORD POS CHUNK NE`, IOB1 or IOB2 tags): documents split at
/// `-DOCSTART-`, sentences at blank lines. Errors name the line.
pub fn parse_conll(text: &str) -> Result<Vec<TrainDocument>, String> {
    let mut docs: Vec<TrainDocument> = Vec::new();
    let mut doc: TrainDocument = Vec::new();
    let mut sent = TrainSentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("-DOCSTART-") {
            if !sent.words.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if line.trim().is_empty() {
            if !sent.words.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else { continue };
        if cols.len() < 2 {
            return Err(format!("line {}: expected WORD ... TAG", n + 1));
        }
        let (kind, begins) = if *tag == "O" {
            (None, false)
        } else {
            let (prefix, ty) = tag.split_once('-').ok_or_else(|| format!("line {}: bad tag {tag}", n + 1))?;
            let k = tags::TYPES
                .iter()
                .position(|t| *t == ty)
                .ok_or_else(|| format!("line {}: unknown type {ty}", n + 1))?;
            (Some(k), prefix == "B")
        };
        sent.words.push((*word).to_owned());
        sent.kinds.push(kind);
        sent.starts.push(begins);
    }
    if !sent.words.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, kinds: &[Option<usize>]) -> TrainSentence {
        let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
        assert_eq!(words.len(), kinds.len());
        TrainSentence { starts: vec![false; words.len()], words, kinds: kinds.to_vec() }
    }

    #[test]
    fn learns_a_toy_language_and_is_reproducible() {
        let (p, o, l) = (Some(0), Some(1), Some(2));
        let docs: Vec<TrainDocument> = (0..20)
            .map(|i| {
                let name = ["Ada", "Bo", "Cy", "Di"][i % 4];
                let place = ["Oslo", "Lima", "Rome", "Kiev"][i % 4];
                vec![
                    sentence(&format!("{name} Smith visited {place} today ."), &[p, p, None, l, None, None]),
                    sentence(&format!("The Acme Corp hired {name} ."), &[None, o, o, None, p, None]),
                ]
            })
            .collect();
        let config = TrainConfig { epochs: 5, ..TrainConfig::default() };
        let bytes = train(&docs, &[], &Clusters::default(), &config, |_, _| {});
        assert_eq!(bytes, train(&docs, &[], &Clusters::default(), &config, |_, _| {}), "same seed, same bytes");
        let model = Model::from_bytes(&bytes).unwrap();
        let test = vec![vec![sentence("Bo Smith visited Lima today .", &[p, p, None, l, None, None])]];
        let score = evaluate_model(&model, &test);
        assert_eq!((score.tp, score.predicted, score.gold), (2, 2, 2));
    }

    #[test]
    fn offsets_become_tags_on_our_tokens_without_titles() {
        use gleaner_ingest::{ingest, Body, Metadata, RawDocument, Span};
        let text = "President Jane Roe met Acme Corp staff in Texas. Roe left the Acme Corp.";
        let raw = RawDocument {
            doc_id: "d".into(),
            source: "d".into(),
            body: Body::Text(text.into()),
            meta: Metadata::default(),
            issues: vec![],
        };
        let (doc, _) = ingest(raw).unwrap();
        // "Texas." as one span with its period, as CoNLL04 glues it; "Roe" twice in a row of PER.
        let spans = [
            (Span::new(0, 18), 0),
            (Span::new(23, 32), 1),
            (Span::new(42, 48), 2),
            (Span::new(49, 52), 0),
            (Span::new(58, 72), 1),
        ];
        let sentences = annotate(&doc, &spans);
        assert_eq!(sentences.len(), 2);
        let s = &sentences[0];
        let tagged: Vec<(&str, Option<usize>)> =
            s.words.iter().map(String::as_str).zip(s.kinds.iter().copied()).collect();
        assert_eq!(tagged[..3], [("President", None), ("Jane", Some(0)), ("Roe", Some(0))]);
        assert_eq!(tagged[4..6], [("Acme", Some(1)), ("Corp", Some(1))]);
        assert_eq!(tagged[8], ("Texas", Some(2)));
        assert_eq!(tagged.last(), Some(&(".", None)), "the period is a token of its own, outside the place");
        assert_eq!(sentences[1].kinds[..5], [Some(0), None, None, Some(1), Some(1)], "no article in the name");
        assert!(!s.starts.iter().any(|&b| b));
    }

    #[test]
    fn reads_documents_sentences_and_iob1() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nSmith NNP I-NP I-PER\nJohn NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\nx X X O\n";
        let docs = parse_conll(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][0].kinds, [Some(1), None]);
        assert_eq!(docs[0][1].starts, [false, false, true]);
        assert!(parse_conll("a X X I-FOO\n").is_err());
    }
}
