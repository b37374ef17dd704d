//! Feature templates of the entity tagger, hashed to `u64` without allocating per token.
//!
//! Every feature is `mix(template, value)`, where a value is the xxh3 hash of a string (a word, a
//! shape, an affix) or a small code (a tag, a lexicon category, a cluster path). xxh3 is fixed by
//! its specification and `mix` is written out here, so a model trained today scores the same
//! features in every later build.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::lexicon::{Lexicons, GAZ_CATEGORIES};
use super::tags::{self, N_TAGS};
pub(crate) use crate::hash::{mix, word_hash};
use crate::linear::{prefix, Clusters, IdBuild, Model, Scorer, VectorClusters};

/// Summed weights of each surface form's own features (see `Scratch::word_end`), kept across
/// sentences and documents by a worker thread: the tagger scores "the" or "said" once, not at
/// every occurrence. Bounded: it keeps the first `WORD_SUMS_MAX` forms without a digit (~5 MB).
pub(crate) type WordSums = HashMap<u64, [i32; N_TAGS], IdBuild>;

/// Forms a [`WordSums`] keeps (~150 bytes each with the table's overhead).
pub(crate) const WORD_SUMS_MAX: usize = 30_000;

#[inline]
fn mix3(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t, a), b)
}

// Template ids. Never renumber: they are part of the model file's meaning.
const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_FORM: u64 = 3;
const T_WM1: u64 = 4;
const T_WP1: u64 = 5;
const T_WM2: u64 = 6;
const T_WP2: u64 = 7;
const T_SH: u64 = 8;
const T_SHM1: u64 = 9;
const T_SHP1: u64 = 10;
const T_SHM1_SH: u64 = 11;
const T_SH_SHP1: u64 = 12;
const T_PRE: u64 = 13;
const T_SUF: u64 = 17;
const T_WM1_W: u64 = 21;
const T_W_WP1: u64 = 22;
const T_FIRST_SH: u64 = 23;
const T_CAPS_SENT_SH: u64 = 24;
const T_GAZ: u64 = 25;
const T_GAZ_M1: u64 = 26;
const T_GAZ_P1: u64 = 27;
const T_TITLE_M1: u64 = 28;
const T_TITLE: u64 = 29;
const T_ORGW: u64 = 30;
const T_ORGW_P1: u64 = 31;
const T_CL: u64 = 32;
const T_CL_M1: u64 = 36;
const T_CL_P1: u64 = 38;
const T_HIST: u64 = 40;
const T_HIST_MAJ: u64 = 41;
const T_WM1_SH: u64 = 42;
const T_SH_WP1: u64 = 43;
const T_FIRSTNAME: u64 = 44;
const T_FIRSTNAME_M1: u64 = 45;
const T_P1: u64 = 50;
const T_P2_P1: u64 = 51;
const T_P1_W: u64 = 52;
const T_P1_SH: u64 = 53;
const T_ORGW_RUN: u64 = 54;
const T_GAZ_HEAD: u64 = 55;
const T_VC: u64 = 56;
const T_VC_M1: u64 = 60;
const T_VC_P1: u64 = 61;

/// Word shape: `X` upper, `x` lower, `d` digit, other characters as they are, runs of one class
/// collapsed to two ("Xxx" for "Kabul", "X.X." for "U.S.", "dd,ddd" → "d,d").
fn shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = s;
        out.push(s);
    }
}

/// What the tagger knows of one token before it looks at tags.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenInfo {
    /// Hash of the lower-case form with digits folded to `0`.
    pub(crate) low: u64,
    form: u64,
    shape: u64,
    affix: [u64; 8],
    /// Lexicon categories (bit per category) and the BILOU part of the match, per category.
    gaz: u32,
    gaz_part: [u8; GAZ_CATEGORIES],
    /// Lexicon categories of the part before a hyphen ("NATO-led", "Hamas-Gaza"), and whether the
    /// part after it is capitalized.
    gaz_head: u32,
    head_then_cap: bool,
    title: bool,
    org_word: bool,
    first_name: bool,
    /// Cluster path with a leading 1 bit (`0`: unknown word).
    cluster: u32,
    /// Vector clusters, packed ([`VectorClusters`]; `0`: unknown word).
    vector: u32,
    pub(crate) capitalized: bool,
    /// The form has a digit.
    has_digit: bool,
    /// The cache holds the sums of the form's own features: they are not computed.
    known: bool,
}

/// Reusable buffers for one sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) info: Vec<TokenInfo>,
    lower: String,
    shape: String,
    /// Static features of every token, flattened; `bounds[i]..bounds[i + 1]` are token i's.
    feats: Vec<u64>,
    bounds: Vec<usize>,
    /// Where token i's features that depend on its word alone end (they come first):
    /// `bounds[i]..word_end[i]`. Their summed weights are the same wherever the word stands.
    word_end: Vec<usize>,
    dynamic: Vec<u64>,
    lowers: Vec<u64>,
    capital: Vec<bool>,
    run_has_org: Vec<bool>,
}

/// Labels given earlier in the document to each capitalized word (R&R's "extended prediction
/// history"): counts per CoNLL type, and how often it was left outside.
#[derive(Debug, Default)]
pub(crate) struct History {
    counts: HashMap<u64, [u16; 5]>,
}

impl History {
    /// Forgets everything (a new document).
    pub(crate) fn clear(&mut self) {
        self.counts.clear();
    }

    /// Records the tags given to one sentence.
    pub(crate) fn record(&mut self, info: &[TokenInfo], tags: &[u8]) {
        for (t, &tag) in info.iter().zip(tags) {
            if !t.capitalized {
                continue;
            }
            let c = self.counts.entry(t.low).or_default();
            let k = tags::kind(tag).unwrap_or(4);
            c[k] = c[k].saturating_add(1);
        }
    }

    fn get(&self, low: u64) -> Option<&[u16; 5]> {
        if self.counts.is_empty() {
            return None;
        }
        self.counts.get(&low)
    }
}

impl Scratch {
    /// Reads the tokens of one sentence: per-token facts, then static features.
    pub(crate) fn load(&mut self, words: &[&str], lex: &Lexicons, clusters: &Clusters, hist: &History) {
        self.load_known(words, lex, clusters, hist, |_| false);
    }

    /// [`Scratch::load`] for [`Scratch::decode_cached`]: the features of a token's word alone are
    /// neither computed nor kept where `cached(form)` says the cache already holds their sums
    /// (forms with a digit never are); its facts that its neighbours' features read are.
    pub(crate) fn load_known(
        &mut self,
        words: &[&str],
        lex: &Lexicons,
        clusters: &Clusters,
        hist: &History,
        cached: impl Fn(u64) -> bool,
    ) {
        let n = words.len();
        self.info.clear();
        self.lowers.clear();
        self.capital.clear();
        for w in words {
            self.lower.clear();
            for c in w.chars() {
                if c.is_ascii_digit() {
                    self.lower.push('0');
                } else if c.is_ascii() {
                    self.lower.push(c.to_ascii_lowercase());
                } else if c == '’' {
                    self.lower.push('\'');
                } else {
                    self.lower.extend(c.to_lowercase());
                }
            }
            let low = word_hash(&self.lower);
            let [cluster, vector] = clusters.get_both(low);
            shape(w, &mut self.shape);
            let form = xxh3_64(w.as_bytes());
            let has_digit = w.bytes().any(|b| b.is_ascii_digit());
            let known = !has_digit && cached(form);
            let mut affix = [0u64; 8];
            let lw = if known { "" } else { self.lower.as_str() };
            let mut ends = [0usize; 4];
            let mut k = 0;
            for (i, c) in lw.char_indices() {
                if k < 4 {
                    ends[k] = i + c.len_utf8();
                    k += 1;
                } else {
                    break;
                }
            }
            for (j, &e) in ends[..k].iter().enumerate() {
                affix[j] = mix(T_PRE + j as u64, xxh3_64(&lw.as_bytes()[..e]));
            }
            let mut starts = [0usize; 4];
            let mut k2 = 0;
            for (i, _) in lw.char_indices().rev() {
                if k2 < 4 {
                    starts[k2] = i;
                    k2 += 1;
                } else {
                    break;
                }
            }
            for (j, &s) in starts[..k2].iter().enumerate() {
                affix[4 + j] = mix(T_SUF + j as u64, xxh3_64(&lw.as_bytes()[s..]));
            }
            let capitalized = w.chars().next().is_some_and(char::is_uppercase);
            let (gaz_head, head_then_cap) = match self.lower.split_once('-') {
                Some((head, _)) if !head.is_empty() => {
                    let rest = w.split_once('-').map_or("", |(_, r)| r);
                    (lex.word_categories(word_hash(head)), rest.chars().next().is_some_and(char::is_uppercase))
                }
                _ => (0, false),
            };
            self.info.push(TokenInfo {
                low,
                form,
                known,
                shape: xxh3_64(self.shape.as_bytes()),
                affix,
                gaz: 0,
                gaz_part: [0; GAZ_CATEGORIES],
                gaz_head,
                head_then_cap,
                title: lex.is_title(low),
                org_word: lex.is_org_word(low),
                first_name: capitalized && lex.is_first_name(low),
                cluster,
                vector,
                capitalized,
                has_digit,
            });
            self.lowers.push(low);
            self.capital.push(w.chars().any(char::is_uppercase));
        }
        lex.mark_gazetteer(&self.lowers, &self.capital, |i, cat, part| {
            let t = &mut self.info[i];
            if t.gaz & (1 << cat) == 0 {
                t.gaz |= 1 << cat;
                t.gaz_part[cat] = part;
            }
        });
        let letters = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).count();
        let caps_sentence = letters >= 2
            && words.iter().filter(|w| w.chars().any(char::is_alphabetic)).all(|w| !w.chars().any(char::is_lowercase));

        self.feats.clear();
        self.bounds.clear();
        self.word_end.clear();
        let none = TokenInfo::default();
        // End of the run of capitalized tokens starting at each token: an org word there ("Bank",
        // "Party") marks the run.
        let run_has_org = &mut self.run_has_org;
        run_has_org.clear();
        run_has_org.resize(n, false);
        let mut i = n;
        let mut org = false;
        while i > 0 {
            i -= 1;
            if !self.info[i].capitalized {
                org = false;
            } else {
                org = org || self.info[i].org_word;
            }
            run_has_org[i] = org;
        }
        for (i, &in_org_run) in run_has_org.iter().enumerate() {
            self.bounds.push(self.feats.len());
            let t = &self.info[i];
            let m1 = if i >= 1 { &self.info[i - 1] } else { &none };
            let m2 = if i >= 2 { &self.info[i - 2] } else { &none };
            let p1 = self.info.get(i + 1).unwrap_or(&none);
            let p2 = self.info.get(i + 2).unwrap_or(&none);
            let f = &mut self.feats;
            // The word's own features first (see `word_end`): the same for every occurrence of
            // the token's surface form.
            if !t.known {
                push_own(f, t);
            }
            self.word_end.push(f.len());
            f.push(mix(T_BIAS, 0));
            f.push(mix(T_WM1, m1.low));
            f.push(mix(T_WP1, p1.low));
            f.push(mix(T_WM2, m2.low));
            f.push(mix(T_WP2, p2.low));
            f.push(mix(T_SHM1, m1.shape));
            f.push(mix(T_SHP1, p1.shape));
            f.push(mix3(T_SHM1_SH, m1.shape, t.shape));
            f.push(mix3(T_SH_SHP1, t.shape, p1.shape));
            f.push(mix3(T_WM1_W, m1.low, t.low));
            f.push(mix3(T_W_WP1, t.low, p1.low));
            f.push(mix3(T_WM1_SH, m1.low, t.shape));
            f.push(mix3(T_SH_WP1, t.shape, p1.low));
            if i == 0 {
                f.push(mix(T_FIRST_SH, t.shape));
            }
            if caps_sentence {
                f.push(mix(T_CAPS_SENT_SH, t.shape));
            }
            for cat in 0..GAZ_CATEGORIES {
                if t.gaz & (1 << cat) != 0 {
                    f.push(mix3(T_GAZ, cat as u64, t.gaz_part[cat] as u64));
                }
                if m1.gaz & (1 << cat) != 0 {
                    f.push(mix(T_GAZ_M1, cat as u64));
                }
                if p1.gaz & (1 << cat) != 0 {
                    f.push(mix(T_GAZ_P1, cat as u64));
                }
                if t.gaz_head & (1 << cat) != 0 {
                    f.push(mix3(T_GAZ_HEAD, cat as u64, t.head_then_cap as u64));
                }
            }
            if m1.title {
                f.push(mix(T_TITLE_M1, t.capitalized as u64));
            }
            if p1.org_word {
                f.push(mix(T_ORGW_P1, p1.capitalized as u64));
            }
            if t.capitalized && in_org_run {
                f.push(mix(T_ORGW_RUN, 1));
            }
            if m1.first_name {
                f.push(mix(T_FIRSTNAME_M1, t.capitalized as u64));
            }
            if m1.cluster != 0 {
                for (j, len) in [4u32, 8].into_iter().enumerate() {
                    f.push(mix(T_CL_M1 + j as u64, prefix(m1.cluster, len)));
                }
            }
            if p1.cluster != 0 {
                for (j, len) in [4u32, 8].into_iter().enumerate() {
                    f.push(mix(T_CL_P1 + j as u64, prefix(p1.cluster, len)));
                }
            }
            if m1.vector != 0 {
                f.push(mix(T_VC_M1, VectorClusters::level(m1.vector, 1) as u64));
            }
            if p1.vector != 0 {
                f.push(mix(T_VC_P1, VectorClusters::level(p1.vector, 1) as u64));
            }
            if t.capitalized {
                if let Some(c) = hist.get(t.low) {
                    let mut best = 4;
                    for k in 0..4 {
                        if c[k] > 0 {
                            f.push(mix(T_HIST, k as u64));
                            if c[k] > c[best] || best == 4 {
                                best = k;
                            }
                        }
                    }
                    f.push(mix(T_HIST_MAJ, best as u64));
                }
            }
        }
        self.bounds.push(self.feats.len());
    }

    /// [`Scratch::decode`] for a shipped model, with each word's own features scored once per
    /// worker thread (`cache`). Gives exactly the tags and confidences `decode` gives: the integer
    /// sums are the same, only added in two parts.
    pub(crate) fn decode_cached(
        &mut self,
        model: &Model<N_TAGS>,
        cache: &mut WordSums,
        tags: &mut Vec<u8>,
        conf: &mut Vec<f32>,
    ) {
        let score = |s: &mut Scratch, i: usize, tag_feats: &[u64; 4]| {
            let t = &s.info[i];
            let (lo, mid, hi) = (s.bounds[i], s.word_end[i], s.bounds[i + 1]);
            let own = || {
                let mut own = [0i32; N_TAGS];
                model.add_sums(&s.feats[lo..mid], &mut own);
                own
            };
            // Forms with a digit rarely come back ("1,234", "12.5"): scored in place, not kept;
            // nor are forms met once the cache is full (the frequent ones come early).
            let keep = !t.has_digit && (cache.len() < WORD_SUMS_MAX || cache.contains_key(&t.form));
            // A word loaded without its own features (`load_known`) is always in the cache.
            debug_assert!(!t.known || keep);
            let mut sum = if keep { *cache.entry(t.form).or_insert_with(own) } else { own() };
            model.add_sums(&s.feats[mid..hi], &mut sum);
            model.add_sums(tag_feats, &mut sum);
            sum.map(|v| v as f32 * model.scale())
        };
        self.decode_with(tags, conf, score, |_, _, _| None);
    }

    /// Greedy left-to-right decoding over valid BILOU transitions. Fills `tags`, and `conf` with
    /// the probability of each chosen tag (softmax over the valid ones). `learn` is called for
    /// each token with its features and the tag chosen, before the next token is decoded: the
    /// trainer updates weights there.
    pub(crate) fn decode(
        &mut self,
        scorer: &impl Scorer<N_TAGS>,
        tags: &mut Vec<u8>,
        conf: &mut Vec<f32>,
        mut learn: impl FnMut(usize, &[u64], u8) -> Option<u8>,
    ) {
        let score = |s: &mut Scratch, i: usize, tag_feats: &[u64; 4]| {
            debug_assert!(!s.info[i].known, "decode needs every word's own features: load, not load_known");
            s.dynamic.clear();
            s.dynamic.extend_from_slice(&s.feats[s.bounds[i]..s.bounds[i + 1]]);
            s.dynamic.extend_from_slice(tag_feats);
            let mut scores = [0f32; N_TAGS];
            scorer.add_scores(&s.dynamic, &mut scores);
            scores
        };
        self.decode_with(tags, conf, score, |s, i, best| learn(i, &s.dynamic, best));
    }

    /// The decoding loop both decoders share: `score` gives token i's tag scores from its
    /// features and the four that depend on the tags before it; `learn` may overrule the tag
    /// chosen.
    fn decode_with(
        &mut self,
        tags: &mut Vec<u8>,
        conf: &mut Vec<f32>,
        mut score: impl FnMut(&mut Scratch, usize, &[u64; 4]) -> [f32; N_TAGS],
        mut learn: impl FnMut(&Scratch, usize, u8) -> Option<u8>,
    ) {
        let n = self.info.len();
        tags.clear();
        conf.clear();
        let mut prev: Option<u8> = None;
        let mut prev2: Option<u8> = None;
        for i in 0..n {
            let p1 = prev.map_or(99, u64::from);
            let p2 = prev2.map_or(99, u64::from);
            let t = &self.info[i];
            let tag_feats = [mix(T_P1, p1), mix3(T_P2_P1, p2, p1), mix3(T_P1_W, p1, t.low), mix3(T_P1_SH, p1, t.shape)];
            let scores = score(self, i, &tag_feats);
            let (best, c) = pick(&scores, prev, i + 1 == n);
            let chosen = learn(self, i, best).unwrap_or(best);
            tags.push(chosen);
            conf.push(c);
            prev2 = prev;
            prev = Some(chosen);
        }
    }
}

impl Scratch {
    /// The runs of tokens of the last sentence loaded that are a name of the lexicon in the one
    /// category `cat` and no other (`f(first, end)`), capitalized as listed.
    pub(crate) fn lexicon_runs(&self, cat: usize, mut f: impl FnMut(usize, usize)) {
        let only = |t: &TokenInfo| t.gaz == 1 << cat;
        let mut i = 0;
        while i < self.info.len() {
            let t = &self.info[i];
            match t.gaz_part[cat] {
                4 if only(t) => f(i, i + 1),
                1 if only(t) => {
                    let mut j = i + 1;
                    while j < self.info.len() && self.info[j].gaz_part[cat] == 2 && only(&self.info[j]) {
                        j += 1;
                    }
                    if j < self.info.len() && self.info[j].gaz_part[cat] == 3 && only(&self.info[j]) {
                        f(i, j + 1);
                        i = j;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// The features of a token's word alone (see `Scratch::word_end`).
fn push_own(f: &mut Vec<u64>, t: &TokenInfo) {
    f.push(mix(T_W, t.low));
    f.push(mix(T_FORM, t.form));
    f.push(mix(T_SH, t.shape));
    f.extend(t.affix.iter().filter(|&&a| a != 0));
    if t.title {
        f.push(mix(T_TITLE, t.capitalized as u64));
    }
    if t.org_word {
        f.push(mix(T_ORGW, t.capitalized as u64));
    }
    if t.first_name {
        f.push(mix(T_FIRSTNAME, 1));
    }
    if t.cluster != 0 {
        for (j, len) in [4u32, 6, 10, 20].into_iter().enumerate() {
            f.push(mix(T_CL + j as u64, prefix(t.cluster, len)));
        }
    }
    if t.vector != 0 {
        for level in 0..VectorClusters::SIZES.len() {
            f.push(mix(T_VC + level as u64, VectorClusters::level(t.vector, level) as u64));
        }
    }
}

/// The best tag that may follow `prev` (and end the sentence when `last`), and its probability
/// among the valid tags (softmax of the scores).
fn pick(scores: &[f32; N_TAGS], prev: Option<u8>, last: bool) -> (u8, f32) {
    let valid = |tag: u8| tags::allowed(prev, tag) && (!last || tags::can_end(tag));
    let mut best = 0u8;
    let mut best_score = f32::NEG_INFINITY;
    for (tag, &s) in scores.iter().enumerate() {
        if valid(tag as u8) && s > best_score {
            best_score = s;
            best = tag as u8;
        }
    }
    let mut z = 0f32;
    for (tag, &s) in scores.iter().enumerate() {
        if valid(tag as u8) {
            z += (s - best_score).exp();
        }
    }
    (best, 1.0 / z.max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_decoding_gives_exactly_the_tags_and_confidences_of_plain_decoding() {
        let model = super::super::shipped_model().expect("shipped model");
        let lex = Lexicons::get();
        let hist = History::default();
        let mut scratch = Scratch::default();
        let mut cache = WordSums::default();
        let texts = [
            "Angela Merkel met Emmanuel Macron in Paris on Tuesday , officials said .",
            "The U.N. Security Council and NATO condemned the attack in Kabul .",
            "Merkel said the Bundesbank in Frankfurt would act ; Macron said nothing .",
        ];
        // Twice: the second pass reads every word from the cache.
        for text in texts.iter().chain(texts.iter()) {
            let words: Vec<&str> = text.split_whitespace().collect();
            scratch.load(&words, lex, &model.clusters, &hist);
            let (mut plain, mut plain_conf, mut cached, mut cached_conf) = (vec![], vec![], vec![], vec![]);
            scratch.decode(model, &mut plain, &mut plain_conf, |_, _, _| None);
            // As the tagger runs: the words the cache holds are loaded without their own features.
            scratch.load_known(&words, lex, &model.clusters, &hist, |form| cache.contains_key(&form));
            scratch.decode_cached(model, &mut cache, &mut cached, &mut cached_conf);
            assert_eq!(plain, cached, "{text}");
            assert_eq!(plain_conf, cached_conf, "{text}");
            assert!(plain.iter().any(|&t| t != 0), "the model tags something in {text}");
        }
        assert!(cache.contains_key(&xxh3_64(b"Merkel")));
    }

    #[test]
    fn shapes_collapse_runs() {
        let mut s = String::new();
        shape("Kabul", &mut s);
        assert_eq!(s, "Xxx");
        shape("U.S.", &mut s);
        assert_eq!(s, "X.X.");
        shape("1,500", &mut s);
        assert_eq!(s, "d,dd");
        shape("SPLM-N", &mut s);
        assert_eq!(s, "XX-X");
    }

    #[test]
    fn cluster_prefixes_keep_the_marker_bit() {
        // Path 1011 (depth 4, marker bit on top): 0b11011.
        let path = 0b11011;
        assert_eq!(prefix(path, 2), 0b110);
        assert_eq!(prefix(path, 4), 0b11011);
        assert_eq!(prefix(path, 10), 0b11011);
    }
}
