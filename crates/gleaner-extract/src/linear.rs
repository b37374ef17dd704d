//! Linear models over hashed features, shared by the entity tagger and the relation classifier:
//! averaged-perceptron training, the compact binary file, and fast scoring. `N` is the number of
//! classes (17 BILOU tags for entities, 6 for relations).
//!
//! File layout (little endian): the magic `GLNRM002`, then `u32` counts — clusters, features,
//! weights — and `f32` scale; then the cluster table (`u64` word hash, `u32` path, `u32` vector
//! clusters) sorted by hash;
//! the feature keys (`u64`, sorted); per feature the end of its weight run (`u32`); per weight its
//! tag (`u8`) and its value (`i16`, times scale). Only non-zero weights are stored. Files of the
//! first layout, `GLNRM001`, have no vector clusters in the table (`u64`, `u32`) and still load.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Something that scores a feature list: a shipped [`Model`], or the weights being trained.
pub(crate) trait Scorer<const N: usize> {
    /// Adds the weights of `feats` to `scores`.
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]);
}

const MAGIC: &[u8; 8] = b"GLNRM002";
const MAGIC_V1: &[u8; 8] = b"GLNRM001";

/// A hasher for keys that are already hashes: it passes them through.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x100_0000_01B3);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Build-hasher of [`IdHasher`].
pub(crate) type IdBuild = BuildHasherDefault<IdHasher>;

/// Word clusters, two families per word: the hierarchical path of the word in the unlabeled
/// corpus, with a leading 1 bit (so prefixes of several lengths are features, as with Brown
/// clusters), and its k-means clusters over word vectors at several sizes ([`VectorClusters`]).
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    codes: HashMap<u64, [u32; 2], IdBuild>,
}

/// The first `len` bits of a cluster path (the whole path when shorter): the path prefixes the
/// tagger's and the incident role classifier's features read.
pub(crate) fn prefix(path: u32, len: u32) -> u64 {
    let depth = 31 - path.leading_zeros();
    if depth <= len {
        path as u64
    } else {
        (path >> (depth - len)) as u64
    }
}

/// A word's k-means clusters over word vectors, packed: a marker bit (`1 << 24`, so that 0 means
/// none), then its cluster among 64 (6 bits), among 256 (8 bits) and among 1,024 (10 bits).
#[derive(Debug)]
pub struct VectorClusters;

impl VectorClusters {
    /// The sizes of the k-means clusterings, coarse to fine.
    pub const SIZES: [u32; 3] = [64, 256, 1024];

    /// Packs a word's cluster at each of [`VectorClusters::SIZES`]; `None` when one is out of range.
    pub fn pack(ids: [u32; 3]) -> Option<u32> {
        if ids.iter().zip(Self::SIZES).any(|(&i, k)| i >= k) {
            return None;
        }
        Some(1 << 24 | ids[0] << 18 | ids[1] << 10 | ids[2])
    }

    /// The cluster at size index `level` of a packed code (0 for none), plus one, so that 0 stays
    /// "none".
    pub(crate) fn level(code: u32, level: usize) -> u32 {
        if code == 0 {
            return 0;
        }
        1 + match level {
            0 => code >> 18 & 0x3F,
            1 => code >> 10 & 0xFF,
            _ => code & 0x3FF,
        }
    }
}

impl Clusters {
    /// Clusters from `(word hash, path)` pairs; see [`crate::entities::word_key`].
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, u32)>) -> Clusters {
        Clusters { codes: pairs.into_iter().map(|(k, p)| (k, [p, 0])).collect() }
    }

    /// Adds the vector clusters of words (`(word hash, packed code)`, see [`VectorClusters`]);
    /// a word may have one family, the other or both.
    pub fn add_vectors(&mut self, codes: impl IntoIterator<Item = (u64, u32)>) {
        for (k, c) in codes {
            self.codes.entry(k).or_insert([0, 0])[1] = c;
        }
    }

    /// The hierarchical path of a word (0: none).
    pub(crate) fn get(&self, low: u64) -> u32 {
        self.get_both(low)[0]
    }

    /// The hierarchical path and the packed vector clusters of a word (0: none).
    pub(crate) fn get_both(&self, low: u64) -> [u32; 2] {
        if self.codes.is_empty() {
            return [0, 0];
        }
        self.codes.get(&low).copied().unwrap_or([0, 0])
    }

    /// Number of words with a cluster of either family.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Number of words with vector clusters.
    pub fn vector_words(&self) -> usize {
        self.codes.values().filter(|c| c[1] != 0).count()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "entity model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A trained entity tagger, ready to score: read once, shared by all threads.
///
/// Scoring is the hot path (one lookup per feature, ~50 per token) and memory-bound (perf: the
/// loads of slots and weights are most of the tagger's time), so the data are packed small: an
/// open-addressing table of 8-byte slots (the key's high 32 bits; where its weights start and how
/// many), indexed by the key's low bits, and 4-byte weights (`i16` value, tag), summed as
/// integers and scaled once. About 1.5 MB for the shipped tagger: it stays in cache.
#[derive(Debug)]
pub struct Model<const N: usize = 17> {
    pub(crate) clusters: Clusters,
    slots: Vec<Slot>,
    mask: usize,
    pairs: Vec<u32>,
    scale: f32,
    n_features: usize,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// High 32 bits of the key (the low bits chose the slot).
    check: u32,
    /// `start << 8 | len`; `len == 0` marks an empty slot (a stored feature has at least one weight).
    run: u32,
}

impl Slot {
    fn len(self) -> usize {
        (self.run & 0xFF) as usize
    }
    fn start(self) -> usize {
        (self.run >> 8) as usize
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ModelError(format!("truncated at byte {}", self.at)))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
}

impl<const N: usize> Model<N> {
    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model<N>, ModelError> {
        let mut c = Cursor { bytes, at: 0 };
        let v1 = match c.take(8)? {
            m if m == MAGIC => false,
            m if m == MAGIC_V1 => true,
            _ => return Err(ModelError("not a gleaner entity model (bad magic)".into())),
        };
        let n_clusters = c.u32()? as usize;
        let n_feats = c.u32()? as usize;
        let n_weights = c.u32()? as usize;
        let scale = f32::from_bits(c.u32()?);
        // Counts the rest of the file cannot hold are damage: refused before anything is sized
        // by them (a damaged count must not ask for gigabytes).
        let rest = bytes.len() - c.at;
        let entry = if v1 { 12 } else { 16 };
        if n_clusters > rest / entry || n_feats > rest / 12 || n_weights > rest / 3 {
            return Err(ModelError("counts larger than the file".into()));
        }
        let mut codes = HashMap::with_capacity_and_hasher(n_clusters, IdBuild::default());
        for _ in 0..n_clusters {
            let (h, p) = (c.u64()?, c.u32()?);
            let v = if v1 { 0 } else { c.u32()? };
            codes.insert(h, [p, v]);
        }
        let mut keys = Vec::with_capacity(n_feats);
        for _ in 0..n_feats {
            keys.push(c.u64()?);
        }
        let mut ends = Vec::with_capacity(n_feats);
        for _ in 0..n_feats {
            let e = c.u32()?;
            // Every stored feature has at least one weight: runs strictly increase.
            if e as usize > n_weights || e <= ends.last().copied().unwrap_or(0) {
                return Err(ModelError("weight runs out of order".into()));
            }
            ends.push(e);
        }
        let tags = c.take(n_weights)?;
        if tags.iter().any(|&t| t as usize >= N) {
            return Err(ModelError("tag out of range".into()));
        }
        if n_weights >= 1 << 24 {
            return Err(ModelError("too many weights".into()));
        }
        let pairs: Vec<u32> = c
            .take(n_weights * 2)?
            .chunks_exact(2)
            .zip(tags)
            .map(|(b, &t)| (u16::from_le_bytes([b[0], b[1]]) as u32) << 16 | t as u32)
            .collect();
        if c.at != bytes.len() {
            return Err(ModelError(format!("{} bytes of trailing data", bytes.len() - c.at)));
        }
        let capacity = (n_feats * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let mut start = 0u32;
        for (&key, &end) in keys.iter().zip(&ends) {
            let len = end - start;
            if len > N as u32 {
                return Err(ModelError("a feature with more weights than tags".into()));
            }
            let check = (key >> 32) as u32;
            let mut i = key as usize & mask;
            // Two keys alike in the slot's low bits and in the high 32 (odds ~2^-49 a pair) would
            // read as the first of them: deterministic either way.
            while slots[i].len() != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot { check, run: start << 8 | len };
            start = end;
        }
        Ok(Model { clusters: Clusters { codes }, slots, mask, pairs, scale, n_features: n_feats })
    }

    /// Number of features with a weight.
    pub fn n_features(&self) -> usize {
        self.n_features
    }
}

impl<const N: usize> Model<N> {
    /// The factor from integer sums ([`Model::add_sums`]) to scores.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Adds the integer weights of `feats` to `sum`: scores are `sum × scale()`, so sums of
    /// parts add up to exactly the sum of the whole (the tagger caches a word's part).
    #[inline]
    pub(crate) fn add_sums(&self, feats: &[u64], sum: &mut [i32; N]) {
        for &f in feats {
            let check = (f >> 32) as u32;
            let mut i = f as usize & self.mask;
            loop {
                let slot = self.slots[i];
                if slot.len() == 0 {
                    break;
                }
                if slot.check == check {
                    for &p in &self.pairs[slot.start()..slot.start() + slot.len()] {
                        if let Some(s) = sum.get_mut((p & 0xFFFF) as usize) {
                            *s += (p >> 16) as u16 as i16 as i32;
                        }
                    }
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
    }
}

impl<const N: usize> Scorer<N> for Model<N> {
    #[inline]
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        let mut sum = [0i32; N];
        self.add_sums(feats, &mut sum);
        for (s, v) in scores.iter_mut().zip(sum) {
            *s += v as f32 * self.scale;
        }
    }
}

/// Averaged-perceptron weights being trained (lazy averaging with time stamps).
#[derive(Debug)]
pub(crate) struct Weights<const N: usize> {
    rows: HashMap<u64, usize, IdBuild>,
    w: Vec<[f32; N]>,
    total: Vec<[f64; N]>,
    stamp: Vec<[u32; N]>,
    /// Updates so far (the averaging clock).
    pub(crate) clock: u32,
}

impl<const N: usize> Default for Weights<N> {
    fn default() -> Weights<N> {
        Weights { rows: HashMap::default(), w: Vec::new(), total: Vec::new(), stamp: Vec::new(), clock: 0 }
    }
}

impl<const N: usize> Scorer<N> for Weights<N> {
    fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.w[r]) {
                    *s += w;
                }
            }
        }
    }
}

impl<const N: usize> Weights<N> {
    /// Moves weight from the predicted tag to the gold one on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], gold: u8, predicted: u8) {
        self.update_by(feats, gold, predicted, 1.0);
    }

    pub(crate) fn update_by(&mut self, feats: &[u64], gold: u8, predicted: u8, step: f32) {
        let now = self.clock;
        for &f in feats {
            let r = *self.rows.entry(f).or_insert_with(|| {
                self.w.push([0.0; N]);
                self.total.push([0.0; N]);
                self.stamp.push([0; N]);
                self.w.len() - 1
            });
            for (t, delta) in [(gold as usize, step), (predicted as usize, -step)] {
                self.total[r][t] += (now - self.stamp[r][t]) as f64 * self.w[r][t] as f64;
                self.stamp[r][t] = now;
                self.w[r][t] += delta;
            }
        }
    }

    /// The averaged weights, as a scorer (for evaluation between epochs and for saving).
    pub(crate) fn averaged(&self) -> Weights<N> {
        let now = self.clock.max(1);
        let mut out = Weights { rows: self.rows.clone(), clock: self.clock, ..Weights::default() };
        out.w = self
            .w
            .iter()
            .zip(&self.total)
            .zip(&self.stamp)
            .map(|((w, total), stamp)| {
                let mut avg = [0f32; N];
                for t in 0..N {
                    avg[t] = ((total[t] + (now - stamp[t]) as f64 * w[t] as f64) / now as f64) as f32;
                }
                avg
            })
            .collect();
        out
    }

    /// Serializes averaged weights (see the module docs), dropping weights below `min_abs`.
    pub(crate) fn to_bytes(&self, clusters: &Clusters, min_abs: f32) -> Vec<u8> {
        let mut feats: Vec<(u64, usize)> = self.rows.iter().map(|(&k, &r)| (k, r)).collect();
        feats.sort_unstable();
        let max = self.w.iter().flatten().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / i16::MAX as f32;
        let mut keys = Vec::new();
        let mut ends = Vec::new();
        let mut tags = Vec::new();
        let mut values = Vec::new();
        for (k, r) in feats {
            let before = tags.len();
            for (t, &w) in self.w[r].iter().enumerate() {
                let q = (w / scale).round() as i32;
                if w.abs() >= min_abs && q != 0 {
                    tags.push(t as u8);
                    values.push(q.clamp(i16::MIN as i32, i16::MAX as i32) as i16);
                }
            }
            if tags.len() > before {
                keys.push(k);
                ends.push(tags.len() as u32);
            }
        }
        let mut cl: Vec<(u64, [u32; 2])> = clusters.codes.iter().map(|(&k, &v)| (k, v)).collect();
        cl.sort_unstable();
        let mut out = Vec::with_capacity(32 + cl.len() * 16 + keys.len() * 12 + tags.len() * 3);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&(tags.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_bits().to_le_bytes());
        for (h, [p, v]) in cl {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&p.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for e in ends {
            out.extend_from_slice(&e.to_le_bytes());
        }
        out.extend_from_slice(&tags);
        for v in values {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }
}

/// Fisher-Yates with xorshift64: a reproducible shuffle without a dependency (`rng` nonzero).
pub(crate) fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Trains a multi-class averaged perceptron on `(features, class)` examples, visiting them in an
/// order shuffled by `seed` each epoch (reproducible). Class 0 is "none" like any other class.
pub(crate) fn train_classifier<const N: usize>(examples: &[(Vec<u64>, u8)], epochs: usize, seed: u64) -> Weights<N> {
    let mut w: Weights<N> = Weights::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed | 1;
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let (feats, gold) = &examples[i];
            w.clock += 1;
            let predicted = argmax(&w, feats);
            if predicted != *gold {
                w.update(feats, *gold, predicted);
            }
        }
    }
    w.averaged()
}

/// The mean of several weight sets (a feature missing from one counts 0 there): perceptrons
/// trained on different visiting orders, averaged, vary less with the order than any one.
pub(crate) fn mean_weights<const N: usize>(sets: &[Weights<N>]) -> Weights<N> {
    let mut out: Weights<N> = Weights::default();
    let k = sets.len().max(1) as f32;
    for set in sets {
        let mut feats: Vec<(u64, usize)> = set.rows.iter().map(|(&f, &r)| (f, r)).collect();
        feats.sort_unstable();
        for (f, r) in feats {
            let row = *out.rows.entry(f).or_insert_with(|| {
                out.w.push([0.0; N]);
                out.w.len() - 1
            });
            for (o, w) in out.w[row].iter_mut().zip(&set.w[r]) {
                *o += w / k;
            }
        }
    }
    out
}

/// The best class for `feats` (ties: the lowest class).
pub(crate) fn argmax<const N: usize>(scorer: &impl Scorer<N>, feats: &[u64]) -> u8 {
    let mut scores = [0f32; N];
    scorer.add_scores(feats, &mut scores);
    let mut best = 0;
    for (c, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = c;
        }
    }
    best as u8
}

/// Softmax probability of each class.
pub(crate) fn probabilities<const N: usize>(scorer: &impl Scorer<N>, feats: &[u64]) -> [f32; N] {
    let mut scores = [0f32; N];
    scorer.add_scores(feats, &mut scores);
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut z = 0.0;
    for s in &mut scores {
        *s = (*s - max).exp();
        z += *s;
    }
    for s in &mut scores {
        *s /= z;
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_of_weight_sets_counts_a_missing_feature_as_zero() {
        let mut a: Weights<2> = Weights::default();
        a.update(&[1, 2], 1, 0);
        let mut b: Weights<2> = Weights::default();
        b.update(&[2, 3], 0, 1);
        let m = mean_weights(&[a, b]);
        let score = |f: u64| {
            let mut s = [0f32; 2];
            m.add_scores(&[f], &mut s);
            s
        };
        assert_eq!(score(1), [-0.5, 0.5]);
        assert_eq!(score(2), [0.0, 0.0]);
        assert_eq!(score(3), [0.5, -0.5]);
        assert_eq!(score(4), [0.0, 0.0]);
    }

    #[test]
    fn saved_weights_load_and_score_the_same() {
        let mut w: Weights<17> = Weights { clock: 1, ..Weights::default() };
        w.update(&[11, 22], 3, 0);
        w.clock = 2;
        w.update(&[22, 33], 0, 5);
        let avg = w.averaged();
        let mut clusters = Clusters::from_pairs([(7, 0b101)]);
        let code = VectorClusters::pack([3, 200, 1000]).unwrap();
        clusters.add_vectors([(7, code), (8, VectorClusters::pack([0, 0, 0]).unwrap())]);
        let model: Model<17> = Model::from_bytes(&avg.to_bytes(&clusters, 0.0)).unwrap();
        assert_eq!(model.clusters.get(7), 0b101);
        assert_eq!(model.clusters.get_both(7), [0b101, code]);
        assert_eq!(model.clusters.get_both(8)[0], 0, "a word with vector clusters only has no path");
        assert_eq!(model.clusters.vector_words(), 2);
        assert_eq!([0, 1, 2].map(|l| VectorClusters::level(code, l)), [4, 201, 1001]);
        assert_eq!(VectorClusters::level(model.clusters.get_both(8)[1], 2), 1, "cluster 0 is not 'none'");
        assert_eq!(VectorClusters::level(0, 0), 0);
        assert_eq!(VectorClusters::pack([64, 0, 0]), None);
        let (mut a, mut b) = ([0f32; 17], [0f32; 17]);
        avg.add_scores(&[11, 22, 33, 44], &mut a);
        model.add_scores(&[11, 22, 33, 44], &mut b);
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-3, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn classifier_learns_separable_classes() {
        let examples: Vec<(Vec<u64>, u8)> = (0..60u64).map(|i| (vec![100 + i % 3, 7], (i % 3) as u8)).collect();
        let w: Weights<3> = train_classifier(&examples, 5, 42);
        for (f, c) in &examples {
            assert_eq!(argmax(&w, f), *c);
        }
        let p = probabilities(&w, &examples[1].0);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5 && p[1] > 0.5);
    }

    #[test]
    fn files_of_the_first_layout_still_load() {
        let mut w: Weights<17> = Weights::default();
        w.update(&[11], 3, 0);
        let bytes = w.averaged().to_bytes(&Clusters::from_pairs([(7, 0b101)]), 0.0);
        // The same model in the first layout: the old magic, no vector code in the table.
        let mut v1 = b"GLNRM001".to_vec();
        v1.extend_from_slice(&bytes[8..24 + 12]);
        v1.extend_from_slice(&bytes[24 + 16..]);
        let (a, b): (Model<17>, Model<17>) = (Model::from_bytes(&bytes).unwrap(), Model::from_bytes(&v1).unwrap());
        assert_eq!(b.clusters.get_both(7), [0b101, 0]);
        let (mut sa, mut sb) = ([0f32; 17], [0f32; 17]);
        a.add_scores(&[11], &mut sa);
        b.add_scores(&[11], &mut sb);
        assert_eq!(sa, sb);
        assert!(sa[3] > 0.0);
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        assert!(Model::<17>::from_bytes(b"").is_err());
        assert!(Model::<17>::from_bytes(b"GLNRM001\x01\x00").is_err());
        let mut w: Weights<17> = Weights::default();
        w.update(&[1], 9, 0);
        let mut bytes = w.averaged().to_bytes(&Clusters::default(), 0.0);
        bytes.push(0);
        assert!(Model::<17>::from_bytes(&bytes).is_err());
        assert!(Model::<4>::from_bytes(&w.averaged().to_bytes(&Clusters::default(), 0.0)).is_err(), "a tag past N");
        // A header whose counts the file cannot hold is refused before any allocation by them.
        for at in [8, 12, 16] {
            let mut huge = w.averaged().to_bytes(&Clusters::default(), 0.0);
            huge[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
            assert_eq!(Model::<17>::from_bytes(&huge).unwrap_err().0, "counts larger than the file", "count at {at}");
        }
    }
}
