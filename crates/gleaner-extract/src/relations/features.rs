//! Features of a candidate pair (subject, object) for the relation classifier: argument types and
//! order, the words between them (each, the first and last, the whole phrase when short, the
//! shape of a short gap), the words around them, their head words, what the lexicons know each
//! as (country, state or city), and the mentions between them.

use xxhash_rust::xxh3::xxh3_64;

use super::context::Ctx;
use crate::entities::mix;
use crate::Label;

fn h(s: &str) -> u64 {
    xxh3_64(s.as_bytes())
}

fn label_code(label: Label) -> u64 {
    h(label.as_str())
}

// Template ids: part of the model file's meaning, never renumber.
const T_TYPES: u64 = 101;
const T_DIST: u64 = 102;
const T_BW: u64 = 103;
const T_BW_T: u64 = 104;
const T_BS: u64 = 105;
const T_FIRST: u64 = 106;
const T_LAST: u64 = 107;
const T_BEFORE1: u64 = 108;
const T_BEFORE2: u64 = 109;
const T_AFTER1: u64 = 110;
const T_AFTER2: u64 = 111;
const T_HEAD_S: u64 = 112;
const T_HEAD_O: u64 = 113;
const T_BETWEEN_ARGS: u64 = 114;
const T_BETWEEN_LABELS: u64 = 115;
const T_BIAS: u64 = 116;
const T_BIGRAM: u64 = 117;
const T_BW_CL: u64 = 118;
const T_HEAD_CL: u64 = 119;
const T_AROUND_CL: u64 = 120;
const T_SKELETON: u64 = 121;
const T_GAZ: u64 = 124;

/// The first `len` bits of token `i`'s cluster path (0: no cluster).
fn cluster(ctx: &Ctx, i: usize, len: u32) -> u64 {
    let path = ctx.cluster(i);
    if path == 0 {
        return 0;
    }
    let depth = 31 - path.leading_zeros();
    (if depth <= len { path } else { path >> (depth - len) }) as u64
}

/// Appends the features of the pair `(s, o)` (indices into `ctx.args`).
pub(crate) fn pair_features(ctx: &Ctx, s: usize, o: usize, out: &mut Vec<u64>) {
    let (a, b) = (&ctx.args[s], &ctx.args[o]);
    let subject_first = a.first < b.first;
    let (left, right) = if subject_first { (a, b) } else { (b, a) };
    let dir = subject_first as u64;
    let types = mix(mix(label_code(a.label), label_code(b.label)), dir);
    out.push(mix(T_BIAS, 0));
    out.push(mix(T_TYPES, types));
    let (from, to) = (left.end, right.first.max(left.end));
    let n = to - from;
    let bucket = match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=14 => 6,
        _ => 7,
    };
    out.push(mix(mix(T_DIST, bucket), types));
    let near: Vec<usize> = if n <= 10 { (from..to).collect() } else { (from..from + 5).chain(to - 5..to).collect() };
    for &i in &near {
        let w = h(ctx.lw(i));
        out.push(mix(mix(T_BW, w), dir));
        out.push(mix(mix(T_BW_T, w), types));
    }
    for &i in &near {
        for len in [6, 10] {
            let c = cluster(ctx, i, len);
            if c != 0 {
                out.push(mix(mix(T_BW_CL, mix(c, len as u64)), types));
            }
        }
    }
    for pair in near.windows(2) {
        out.push(mix(mix(T_BIGRAM, mix(h(ctx.lw(pair[0])), h(ctx.lw(pair[1])))), dir));
    }
    if n <= 5 {
        let mut phrase = 0x51u64;
        for i in from..to {
            phrase = mix(phrase, h(ctx.lw(i)));
        }
        out.push(mix(mix(T_BS, phrase), types));
    }
    if n > 0 {
        out.push(mix(mix(T_FIRST, h(ctx.lw(from))), types));
        out.push(mix(mix(T_LAST, h(ctx.lw(to - 1))), types));
    }
    let before = |k: usize| if left.first >= k { ctx.lw(left.first - k) } else { "<s>" };
    out.push(mix(mix(T_BEFORE1, h(before(1))), dir));
    out.push(mix(mix(T_BEFORE2, h(before(2))), dir));
    out.push(mix(mix(T_AFTER1, h(if right.end < ctx.len() { ctx.lw(right.end) } else { "</s>" })), dir));
    out.push(mix(mix(T_AFTER2, h(if right.end + 1 < ctx.len() { ctx.lw(right.end + 1) } else { "</s>" })), dir));
    out.push(mix(mix(T_HEAD_S, h(ctx.lw(a.end - 1))), label_code(b.label)));
    out.push(mix(mix(T_HEAD_O, h(ctx.lw(b.end - 1))), label_code(a.label)));
    for (k, arg) in [a, b].into_iter().enumerate() {
        let c = cluster(ctx, arg.end - 1, 8);
        if c != 0 {
            out.push(mix(mix(T_HEAD_CL, mix(c, k as u64)), types));
        }
    }
    // The word before the pair and the word after it (none at the sentence's edges).
    let around = [left.first.checked_sub(1), Some(right.end).filter(|&e| e < ctx.len())];
    for (k, i) in around.into_iter().enumerate() {
        let c = i.map_or(0, |i| cluster(ctx, i, 8));
        if c != 0 {
            out.push(mix(mix(T_AROUND_CL, mix(c, k as u64)), dir));
        }
    }
    // The shape of a short gap: function words and punctuation as they are, other mentions by
    // their label, other words as capitalised or not ("P , a w w of O", "P of the C").
    if n <= 8 {
        let mut shape = 0x5eu64;
        let mut i = from;
        while i < to {
            let at = ctx.args_starting_in(i, i + 1);
            if let Some(m) = ctx.args[at].iter().find(|m| m.end <= to) {
                shape = mix(shape, label_code(m.label));
                i = m.end;
                continue;
            }
            let w = ctx.lw(i);
            let code = if w.len() <= 4 || !w.chars().any(char::is_alphanumeric) {
                h(w)
            } else if ctx.surface(i, i + 1)[0].starts_with(char::is_uppercase) {
                1
            } else {
                2
            };
            shape = mix(shape, code);
            i += 1;
        }
        out.push(mix(mix(T_SKELETON, shape), types));
    }
    // What the lexicons know each argument as: a country, a state or city, or neither.
    out.push(mix(mix(T_GAZ, u64::from(ctx.place_class(s) * 3 + ctx.place_class(o))), types));
    let mut between = 0u64;
    let mut labels = 0x77u64;
    for m in &ctx.args[ctx.args_starting_in(from, to)] {
        if m.end <= to {
            between += 1;
            labels = mix(labels, label_code(m.label));
        }
    }
    out.push(mix(mix(T_BETWEEN_ARGS, between.min(3)), types));
    out.push(mix(T_BETWEEN_LABELS, labels));
}
