//! The learned reader of an incident's arguments: a linear classifier over the words of the
//! incident's sentences that says, for each content word, whether it is part of a perpetrator
//! (person or organization), target, victim or weapon, or none. Its features are case-blind
//! (the lower-case word and its neighbours, word clusters, the word's noun class from the
//! lexicons, the words that open and close its phrase, the nearest trigger and how far it is,
//! the incident's type), plus two read elsewhere: the tagger's label of the word's name (text
//! with case only) and the role the rules above gave the word. Runs of words with one class
//! (across "of" and "the": "members of the 8th front") are one argument.
//!
//! Trained by `gleaner-train events` on MUC-4's DEV messages (the templates' fillers found in
//! the text are the positive words; `make model`), each message read twice: as written, all in
//! capitals, and with the case a news corpus gives its words (so the tagger's labels are there
//! to learn from, as in today's wire copy).

use std::cell::RefCell;
use std::sync::OnceLock;

use gleaner_ingest::lang::en::{self, events as ev};
use gleaner_ingest::Span;

use super::{is_determiner, is_stop, Cx, Draft, Found};
use crate::hash::{mix, word_hash};
use crate::linear::{prefix, probabilities, Clusters, Model, ModelError, VectorClusters};
use crate::{EventRoleKind, Label};

/// Classes of the role classifier: 0 is "no argument".
pub const ROLE_CLASSES: [&str; 6] = ["none", "perpetrator_person", "perpetrator_org", "target", "victim", "weapon"];

/// Number of classes.
pub const N_ROLE_CLASSES: usize = 6;

/// The role of a class.
fn role_of(class: usize) -> Option<EventRoleKind> {
    match class {
        1 => Some(EventRoleKind::PerpetratorPerson),
        2 => Some(EventRoleKind::PerpetratorOrg),
        3 => Some(EventRoleKind::Target),
        4 => Some(EventRoleKind::Victim),
        5 => Some(EventRoleKind::Weapon),
        _ => None,
    }
}

/// The class of a role (0 for roles the classifier does not give).
pub fn class_of(role: &str) -> u8 {
    ROLE_CLASSES.iter().position(|c| *c == role).unwrap_or(0) as u8
}

static SHIPPED: &[u8] = include_bytes!("../../models/events.bin");

/// The shipped role classifier, read once per process.
pub fn shipped_model() -> Result<&'static Model<N_ROLE_CLASSES>, ModelError> {
    static MODEL: OnceLock<Result<Model<N_ROLE_CLASSES>, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(SHIPPED)).as_ref().map_err(Clone::clone)
}

/// A word of an incident's sentence with its features: a training example once labelled.
#[derive(Debug, Clone)]
pub struct RoleExample {
    /// The word.
    pub span: Span,
    /// Its features.
    pub features: Vec<u64>,
}

/// What the reader does with the classifier: nothing (rules only), apply it, or collect the
/// examples it would classify (training).
pub(super) enum Learn<'a> {
    Off,
    Apply(&'static Model<N_ROLE_CLASSES>),
    Collect(&'a RefCell<Vec<RoleExample>>),
}

/// How much less likely than "none" a role may be and still be taken (log-odds; above 0 favours
/// recall: at 1, a role at least 1/e as likely as "none").
const BIAS: f32 = 1.0;

/// Words that may sit inside one argument between two of its words.
fn glue(w: &str) -> bool {
    matches!(w, "of" | "the" | "'s" | "’s" | "a" | "an" | "-")
}

const T_BIAS: u64 = 1;
const T_W: u64 = 2;
const T_P1: u64 = 3;
const T_P2: u64 = 4;
const T_N1: u64 = 5;
const T_N2: u64 = 6;
const T_P1W: u64 = 7;
const T_WN1: u64 = 8;
const T_SUF: u64 = 9;
const T_SHAPE: u64 = 10;
const T_CL: u64 = 11;
const T_VEC: u64 = 15;
const T_LEX: u64 = 16;
const T_LABEL: u64 = 17;
const T_RULE: u64 = 18;
const T_BEFORE: u64 = 19;
const T_AFTER: u64 = 20;
const T_AFTER2: u64 = 21;
const T_OF_HEAD: u64 = 22;
const T_HEAD: u64 = 23;
const T_TRIG: u64 = 24;
const T_TRIG_DIST: u64 = 25;
const T_TRIG_BEFORE: u64 = 26;
const T_KIND: u64 = 27;
const T_LATER: u64 = 28;
const T_AFTER_ED: u64 = 29;
const T_KIND_BEFORE: u64 = 30;
const T_RULE_KIND: u64 = 31;
const T_LEX_BEFORE: u64 = 32;

fn h(t: u64, s: &str) -> u64 {
    mix(t, word_hash(s))
}

/// A distance in words, bucketed.
fn bucket(d: usize) -> u64 {
    match d {
        0..=1 => d as u64,
        2..=3 => 2,
        4..=6 => 3,
        7..=12 => 4,
        _ => 5,
    }
}

/// The noun classes of the lexicons a word is in, as small codes.
fn lexicon_classes(lower: &[&str], i: usize, out: &mut impl FnMut(u64)) {
    let w = lower[i];
    if ev::person_noun(w) {
        out(1);
    }
    if ev::perpetrator_noun(w) {
        out(2);
    }
    if ev::target_noun(w) {
        out(3);
    }
    if ev::weapon(&lower[i..]).is_some() {
        out(4);
    }
    if ev::group_head(w) {
        out(5);
    }
    if ev::perpetrator_modifier(w) {
        out(6);
    }
    if en::lists::demonym_country(w).is_some() {
        out(7);
    }
    if ev::trigger(&lower[i..]).is_some() {
        out(8);
    }
    if en::says_died(w) || ev::says_hurt(w) {
        out(9);
    }
}

impl<'a, 'd> Cx<'a, 'd> {
    /// Is token `i` a word an argument can hold (not punctuation, a function word or an article)?
    fn content(&self, i: usize) -> bool {
        let w = self.lw(i);
        w.chars().next().is_some_and(char::is_alphanumeric) && !is_stop(w) && !is_determiner(w)
    }

    /// Does token `i` end a phrase as a verb: a trigger verb, or a word in -ed or -ing before a
    /// function word or the sentence's end ("guerrillas attacked the", "were killed.")?
    fn verb_like(&self, i: usize, found: &[Found]) -> bool {
        let w = self.lw(i);
        if found.iter().any(|f| f.at == i && f.trigger.form == ev::Form::Verb) || super::is_verb_s(w) {
            return true;
        }
        (w.ends_with("ed") || w.ends_with("ing")) && (i + 1 >= self.len() || !self.content(i + 1))
    }

    /// Reads the sentence's arguments with the classifier into `d` (or collects its examples).
    pub(super) fn learned_roles(&self, found: &[Found], d: &mut Draft) {
        let model = match self.learn {
            Learn::Off => return,
            Learn::Apply(m) => Some(*m),
            Learn::Collect(_) => None,
        };
        let n = self.len();
        if n == 0 {
            return;
        }
        let lower = self.words.lower_from(0);
        let sentence = Span { start: self.words.spans[0].start, end: self.words.spans[n - 1].end };
        let learned = |r: EventRoleKind| {
            matches!(
                r,
                EventRoleKind::PerpetratorPerson
                    | EventRoleKind::PerpetratorOrg
                    | EventRoleKind::Target
                    | EventRoleKind::Victim
                    | EventRoleKind::Weapon
            )
        };
        // The rules' role of each word.
        let mut rule: Vec<Option<EventRoleKind>> = vec![None; n];
        for r in
            d.roles.iter().filter(|r| learned(r.role) && sentence.start <= r.span.start && r.span.end <= sentence.end)
        {
            for (k, s) in self.words.spans.iter().enumerate() {
                if r.span.start <= s.start && s.end <= r.span.end {
                    rule[k] = Some(r.role);
                }
            }
        }
        // Phrases: runs of content words, ended by a verb. Each word is judged once.
        let phrase_word: Vec<bool> = (0..n).map(|i| self.content(i) && !self.verb_like(i, found)).collect();
        let mut run_start = vec![0usize; n];
        let mut run_end = vec![0usize; n];
        let mut i = 0;
        while i < n {
            if !phrase_word[i] {
                i += 1;
                continue;
            }
            let first = i;
            while i + 1 < n && phrase_word[i + 1] {
                i += 1;
            }
            for k in first..=i {
                run_start[k] = first;
                run_end[k] = i;
            }
            i += 1;
        }
        let mut classes = vec![0usize; n];
        let mut feats = Vec::with_capacity(64);
        for i in 0..n {
            if !phrase_word[i] {
                continue;
            }
            feats.clear();
            self.role_features(i, run_start[i], run_end[i], found, rule[i], d, &mut feats);
            match (&self.learn, model) {
                (Learn::Collect(c), _) => {
                    c.borrow_mut().push(RoleExample { span: self.words.spans[i], features: feats.clone() })
                }
                (_, Some(m)) => {
                    let p = probabilities(m, &feats);
                    let best = (1..N_ROLE_CLASSES).max_by(|&x, &y| p[x].total_cmp(&p[y])).unwrap_or(0);
                    if p[best].max(1e-30).ln() + BIAS > p[0].max(1e-30).ln() {
                        classes[i] = best;
                    }
                }
                _ => {}
            }
        }
        if model.is_none() {
            return;
        }
        // The classifier's arguments join the rules' (where both read one phrase in one role, the
        // longer reading stays): on MUC-4's dev messages the classifier alone is more precise
        // (0.53 against 0.42) but finds less (recall 0.30; 0.37 together), and in today's news,
        // unlike the 1989 wire copy it learned from, it finds little. (Tried and left: the items
        // of a list after an argument as arguments of its role, +11 right and +41 wrong on MUC-4
        // dev, no better when the item's head must be of the role's kind.)
        let mut i = 0;
        while i < n {
            let c = classes[i];
            if c == 0 {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut k = i + 1;
            while k < n {
                if classes[k] == c {
                    last = k;
                    k += 1;
                } else if glue(lower[k])
                    && k + 1 < n
                    && (classes[k + 1] == c || glue(lower[k + 1]) && k + 2 < n && classes[k + 2] == c)
                {
                    k += 1;
                } else {
                    break;
                }
            }
            // A phrase's words after the last one classified belong to it: its head comes last
            // ("Farabundo Marti National Liberation [Front]", "Pablo [Escobar]").
            if run_end[last] > last && (last + 1..=run_end[last]).all(|k| classes[k] == 0) {
                last = run_end[last];
            }
            let resume = last + 1;
            // Nor does one begin or end on "of" ("rector of").
            let mut first = first;
            while first < last && glue(lower[first]) {
                first += 1;
            }
            while last > first && glue(lower[last]) {
                last -= 1;
            }
            if glue(lower[first]) {
                i = resume;
                continue;
            }
            let mut span = Span { start: self.words.spans[first].start, end: self.words.spans[last].end };
            // Nor cut a name ("People['s Revolutionary Army]").
            if self.cased {
                if let Some(m) = self.mention_at(first) {
                    span.start = span.start.min(m.span.start);
                }
                if let Some(m) = self.mention_at(last) {
                    span.end = span.end.max(m.span.end);
                }
            }
            let mut role = role_of(c).expect("a class above 0 is a role");
            // A perpetrator that is one name is a person or an organization as the tagger says.
            if self.cased {
                let whole = self.mentions.iter().find(|m| m.span == span).map(|m| m.label);
                role = match (role, whole) {
                    (EventRoleKind::PerpetratorPerson, Some(Label::Org)) => EventRoleKind::PerpetratorOrg,
                    (EventRoleKind::PerpetratorOrg, Some(Label::Person)) => EventRoleKind::PerpetratorPerson,
                    _ => role,
                };
            }
            // Where the rules read a word of it on the other side (a doer against one done to),
            // the rules hold ("X and Y are behind the attack" are no victims of it); a target
            // and a victim may share words ("the mayor's car", "the mayor").
            let perpetrator =
                |r: EventRoleKind| matches!(r, EventRoleKind::PerpetratorPerson | EventRoleKind::PerpetratorOrg);
            let suffered = |r: EventRoleKind| matches!(r, EventRoleKind::Victim | EventRoleKind::Target);
            let clash = (first..=last)
                .any(|k| rule[k].is_some_and(|r| perpetrator(r) && suffered(role) || suffered(r) && perpetrator(role)));
            if clash {
                i = resume;
                continue;
            }
            let labels: &[Label] = match role {
                EventRoleKind::PerpetratorPerson | EventRoleKind::Victim => &[Label::Person],
                EventRoleKind::PerpetratorOrg => &[Label::Org, Label::Norp],
                EventRoleKind::Target => &[Label::Fac, Label::Org, Label::Gpe],
                _ => &[],
            };
            d.add(role, span, self.entity_in(span, labels));
            i = resume;
        }
    }

    /// The features of token `i`, of the phrase `first..=last`.
    #[allow(clippy::too_many_arguments)]
    fn role_features(
        &self,
        i: usize,
        first: usize,
        last: usize,
        found: &[Found],
        rule: Option<EventRoleKind>,
        d: &Draft,
        f: &mut Vec<u64>,
    ) {
        let lower = self.words.lower_from(0);
        let n = self.len();
        let at = |k: isize| -> &str {
            if k < 0 || k as usize >= n {
                "<s>"
            } else {
                lower[k as usize]
            }
        };
        let ii = i as isize;
        let w = lower[i];
        f.push(mix(T_BIAS, 0));
        f.push(h(T_W, w));
        f.push(h(T_P1, at(ii - 1)));
        f.push(h(T_P2, at(ii - 2)));
        f.push(h(T_N1, at(ii + 1)));
        f.push(h(T_N2, at(ii + 2)));
        f.push(mix(h(T_P1W, at(ii - 1)), word_hash(w)));
        f.push(mix(h(T_WN1, w), word_hash(at(ii + 1))));
        let chars: Vec<char> = w.chars().collect();
        let suf: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        f.push(h(T_SUF, &suf));
        let shape = if w.chars().all(|c| c.is_ascii_digit()) {
            1
        } else if w.chars().any(|c| c.is_ascii_digit()) {
            2
        } else if w.contains('-') {
            3
        } else if w.len() <= 3 {
            4
        } else {
            5
        };
        f.push(mix(T_SHAPE, shape));
        if let Some(cl) = self.clusters {
            let [path, vector] = cl.get_both(word_hash(w));
            if path != 0 {
                for (j, len) in [4u32, 8, 12].into_iter().enumerate() {
                    f.push(mix(T_CL + j as u64, prefix(path, len)));
                }
            }
            if vector != 0 {
                f.push(mix(T_VEC, VectorClusters::level(vector, 1) as u64));
            }
        }
        lexicon_classes(lower, i, &mut |c| f.push(mix(T_LEX, c)));
        if self.cased {
            if let Some(m) = self.mention_at(i) {
                let begins = m.span.start == self.words.spans[i].start;
                f.push(mix(mix(T_LABEL, m.label as u64), begins as u64));
            }
        } else if let Some(m) = self.mention_at(i).filter(|m| m.place.is_some()) {
            f.push(mix(mix(T_LABEL, 100 + m.label as u64), 0));
        }
        let rule_code = rule.map_or(0, |r| r as u64 + 1);
        f.push(mix(T_RULE, rule_code));
        f.push(mix(mix(T_RULE_KIND, rule_code), d.kind as u64));
        // The words around the phrase: the first before it that is no article, the two after it.
        let mut b = first;
        while b > 0 && is_determiner(lower[b - 1]) {
            b -= 1;
        }
        let before = at(b as isize - 1);
        f.push(h(T_BEFORE, before));
        f.push(mix(h(T_KIND_BEFORE, before), d.kind as u64));
        f.push(h(T_AFTER, at(last as isize + 1)));
        f.push(h(T_AFTER2, at(last as isize + 2)));
        if at(last as isize + 1).ends_with("ed") {
            f.push(mix(T_AFTER_ED, 1));
        }
        if before == "of" {
            let of_head = at(b as isize - 2);
            f.push(h(T_OF_HEAD, of_head));
            if b >= 2 {
                lexicon_classes(lower, b - 2, &mut |c| f.push(mix(T_LEX_BEFORE, c)));
            }
        }
        f.push(mix(mix(T_HEAD, (i == last) as u64), bucket(last - first + 1)));
        // The nearest trigger.
        if let Some(t) = found.iter().min_by_key(|t| t.at.abs_diff(i)) {
            let dir = (t.at < i) as u64;
            f.push(mix(h(T_TRIG, lower[t.at]), dir));
            f.push(mix(mix(T_TRIG_DIST, bucket(t.at.abs_diff(i))), dir));
            f.push(mix(mix(h(T_TRIG_BEFORE, before), t.kind as u64), dir));
        }
        f.push(mix(T_KIND, d.kind as u64));
        f.push(mix(T_LATER, bucket((self.sentence - d.sentence) as usize)));
    }
}

/// The word clusters the features read: the shipped tagger's.
pub(super) fn clusters() -> Option<&'static Clusters> {
    crate::entities::shipped_model().ok().map(|m| &m.clusters)
}

/// Perceptrons averaged into the shipped role classifier, each visiting the examples in its
/// own order (`seed`, `seed + 1`, ...).
const ENSEMBLE: u64 = 15;

/// Trains the role classifier on `(features, class)` examples (class indexes
/// [`ROLE_CLASSES`]); returns the model file's bytes. Reproducible for a given seed.
pub fn train_roles(examples: &[(Vec<u64>, u8)], epochs: usize, seed: u64) -> Vec<u8> {
    let sets: Vec<_> = (0..ENSEMBLE)
        .map(|k| crate::linear::train_classifier::<N_ROLE_CLASSES>(examples, epochs, seed.wrapping_add(k)))
        .collect();
    crate::linear::mean_weights(&sets).to_bytes(&Clusters::default(), 0.0)
}
