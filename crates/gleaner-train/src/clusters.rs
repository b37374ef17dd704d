//! Hierarchical word clusters from unlabeled text, standing in for Brown clusters.
//!
//! Each word of the vocabulary (lower-cased, digits as `0`, seen at least `MIN_COUNT` times) is a
//! vector of its left and right neighbours among the most frequent words (square-rooted counts,
//! unit length). The vocabulary is split in two by spherical 2-means, then each half again, down to
//! `depth` levels: a word's path of left/right choices is its cluster, and prefixes of the path are
//! coarser clusters, as with Brown's. Deterministic: sorted vocabulary, seeds chosen by rule.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use anyhow::{Context, Result};
use gleaner_extract::entities::{key_form, word_key, Clusters, VectorClusters};
use gleaner_ingest::{tokenize, Span};
use rayon::prelude::*;

const MIN_COUNT: u32 = 3;
const MAX_VOCAB: usize = 80_000;
const CONTEXT_WORDS: usize = 1_000;
const ITERATIONS: usize = 6;

/// Appends the `text` field of every JSONL record of `path`.
pub fn read_jsonl_texts(path: &Path, out: &mut Vec<String>) -> Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    for line in std::io::BufReader::new(file).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("a record of {}", path.display()))?;
        if let Some(t) = v["text"].as_str() {
            out.push(t.to_owned());
        }
    }
    Ok(())
}

/// Reads the vector clusters that `scripts/vector_clusters.py` writes (`word<TAB>id at k=64<TAB>
/// k=256<TAB>k=1024`, most frequent word first, `#` comment lines): `(word key, packed code)`.
/// Words that fold to one key (digits as `0`, case) keep the first, most frequent, one's.
pub fn read_vector_clusters(path: &Path) -> Result<Vec<(u64, u32)>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let bad = || anyhow::anyhow!("{}:{}: expected a word and three cluster ids", path.display(), n + 1);
        let mut cols = line.split('\t');
        let word = cols.next().ok_or_else(bad)?;
        let mut ids = [0u32; 3];
        for id in &mut ids {
            *id = cols.next().ok_or_else(bad)?.parse().map_err(|_| bad())?;
        }
        let code = VectorClusters::pack(ids).ok_or_else(bad)?;
        let key = word_key(word);
        if seen.insert(key) {
            out.push((key, code));
        }
    }
    Ok(out)
}

/// Clusters for the words of `texts` (tokenized as gleaner tokenizes documents).
pub fn compute(texts: &[String], depth: u32) -> Clusters {
    // Token streams as word ids.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut streams: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    let mut tokens = Vec::new();
    for t in texts {
        tokens.clear();
        tokenize(t, Span::new(0, t.len()), &mut tokens);
        let mut s = Vec::with_capacity(tokens.len());
        for tok in &tokens {
            let k = key_form(&t[tok.span.range()]);
            let id = *ids.entry(k.clone()).or_insert_with(|| {
                names.push(k);
                counts.push(0);
                (names.len() - 1) as u32
            });
            counts[id as usize] += 1;
            s.push(id);
        }
        streams.push(s);
    }
    // Vocabulary and context words by frequency (ties by name: deterministic).
    let mut by_freq: Vec<u32> = (0..names.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        counts[b as usize].cmp(&counts[a as usize]).then_with(|| names[a as usize].cmp(&names[b as usize]))
    });
    let vocab: Vec<u32> =
        by_freq.iter().copied().filter(|&w| counts[w as usize] >= MIN_COUNT).take(MAX_VOCAB).collect();
    let mut row_of = vec![u32::MAX; names.len()];
    for (r, &w) in vocab.iter().enumerate() {
        row_of[w as usize] = r as u32;
    }
    let mut ctx_of = vec![u32::MAX; names.len()];
    for (c, &w) in by_freq.iter().take(CONTEXT_WORDS).enumerate() {
        ctx_of[w as usize] = c as u32;
    }
    let dims = 2 * CONTEXT_WORDS;
    let mut rows: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for s in &streams {
        for (i, &w) in s.iter().enumerate() {
            let r = row_of[w as usize];
            if r == u32::MAX {
                continue;
            }
            if i > 0 && ctx_of[s[i - 1] as usize] != u32::MAX {
                *rows[r as usize].entry(ctx_of[s[i - 1] as usize]).or_default() += 1.0;
            }
            if i + 1 < s.len() && ctx_of[s[i + 1] as usize] != u32::MAX {
                *rows[r as usize].entry(CONTEXT_WORDS as u32 + ctx_of[s[i + 1] as usize]).or_default() += 1.0;
            }
        }
    }
    // Sparse unit vectors.
    let vectors: Vec<Vec<(u32, f32)>> = rows
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, c)| (k, c.sqrt())).collect();
            v.sort_unstable_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            for e in &mut v {
                e.1 /= norm;
            }
            v
        })
        .collect();
    let mut paths = vec![1u32; vocab.len()];
    let mut sets: Vec<Vec<usize>> = vec![(0..vocab.len()).collect()];
    for _ in 0..depth {
        let next: Vec<(Vec<usize>, Vec<usize>)> = sets.par_iter().map(|set| split(set, &vectors, dims)).collect();
        sets = Vec::with_capacity(next.len() * 2);
        for (left, right) in next {
            for &w in &left {
                paths[w] <<= 1;
            }
            for &w in &right {
                paths[w] = paths[w] << 1 | 1;
            }
            for s in [left, right] {
                if s.len() > 1 {
                    sets.push(s);
                }
            }
        }
        // Words in finished sets keep shorter paths (a leaf reached early).
    }
    Clusters::from_pairs(vocab.iter().zip(paths).map(|(&w, p)| (word_key(&names[w as usize]), p)))
}

fn dot(v: &[(u32, f32)], c: &[f32]) -> f32 {
    v.iter().map(|&(k, x)| x * c[k as usize]).sum()
}

/// Spherical 2-means of `set` (indices sorted by frequency, most frequent first).
fn split(set: &[usize], vectors: &[Vec<(u32, f32)>], dims: usize) -> (Vec<usize>, Vec<usize>) {
    if set.len() < 2 {
        return (set.to_vec(), Vec::new());
    }
    let dense = |v: &[(u32, f32)]| {
        let mut c = vec![0f32; dims];
        for &(k, x) in v {
            c[k as usize] = x;
        }
        c
    };
    // Seeds: the most frequent word, and the word least like it.
    let a = dense(&vectors[set[0]]);
    let far =
        set.iter().copied().min_by(|&x, &y| dot(&vectors[x], &a).total_cmp(&dot(&vectors[y], &a)).then(x.cmp(&y)));
    let mut c = [a, dense(&vectors[far.unwrap_or(set[0])])];
    let mut side = vec![false; set.len()];
    for _ in 0..ITERATIONS {
        for (i, &w) in set.iter().enumerate() {
            side[i] = dot(&vectors[w], &c[1]) > dot(&vectors[w], &c[0]);
        }
        for (k, cent) in c.iter_mut().enumerate() {
            cent.iter_mut().for_each(|x| *x = 0.0);
            for (i, &w) in set.iter().enumerate() {
                if side[i] == (k == 1) {
                    for &(d, x) in &vectors[w] {
                        cent[d as usize] += x;
                    }
                }
            }
            let norm = cent.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                cent.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (i, &w) in set.iter().enumerate() {
        if side[i] {
            right.push(w);
        } else {
            left.push(w);
        }
    }
    if left.is_empty() || right.is_empty() {
        // Degenerate split (identical vectors): halve by frequency so the tree still deepens.
        let all: Vec<usize> = set.to_vec();
        let mid = all.len() / 2;
        return (all[..mid].to_vec(), all[mid..].to_vec());
    }
    (left, right)
}
