//! Joins across documents: a surname standing alone ("Blair") in a document that never names
//! the person in full becomes the person the corpus means ("Tony Blair"), when the corpus makes
//! that safe.
//!
//! Within a document, `entities` already joins a surname to the one longer name ending so. A
//! document that says only "Blair" leaves a one-word PERSON of its own; which Blair it is, only the
//! rest of the corpus can say. The reading here is the one of cross-document coreference by
//! context (Bagga & Baldwin 1998): a person is known by the company it keeps. For every longer
//! PERSON name of the corpus that a lone surname could stand for (a *candidate*), the entities
//! of the documents naming it in full form its profile; a document's lone surname joins the
//! candidate whose profile its own entities resemble most (cosine over inverse-document-frequency
//! weights), and only when that resemblance is clear:
//!
//! - at least [`MIN_SIMILARITY`], and [`MARGIN`] times the next candidate's (more, [`MARGIN_MINOR`],
//!   when the best is not the candidate named in the most documents): "Baker" beside Reagan's
//!   chief of staff is Howard Baker, beside the dollar and the Treasury James Baker, and a
//!   document that could be either keeps its "Baker";
//! - the lone word is not a given name ("Charles" may be anyone called Charles), and the corpus
//!   reads it as a person more often than as anything else ("Toulouse" the city);
//! - a candidate looks like a person's full name: its first word a given name of the lexicons
//!   (`lists/first_names.txt`, `lists/given_names.txt`) or an initial ("Besides Reagan", "Mines Subroto" are the tagger's
//!   misreadings, and a word that merely begins several names of the corpus is no given name);
//! - a document that names a longer person of that surname itself ("Cherie Blair" beside a lone
//!   "Blair" the tagger left apart) keeps its lone surname: the document's own reading stands.
//!
//! What is kept: one profile (entity → documents shared) per candidate, the candidates and lone
//! surnames of the corpus with their keys, and one decision per joined (document, surname); never
//! the text. The caller reads the corpus's mentions four times, document by document
//! ([`CorpusJoins::observe`], [`CorpusJoins::decide`], [`CorpusJoins::enrich`], `decide` again:
//! the joined documents enrich the profiles once), rewrites the id columns with
//! [`CorpusJoins::resolve`], and folds the counts into the catalog with
//! [`EntityCatalog::apply_joins`].

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::catalog::normalize_name;
use crate::entities::lexicon::{key_form, Lexicons};
use crate::hash::word_hash;
use crate::{EntityCatalog, Label};

/// The least similarity (cosine of the document's entities and a candidate's profile) a join
/// needs.
pub const MIN_SIMILARITY: f64 = 0.1;
/// How many times the next candidate's similarity the best one's must be.
pub const MARGIN: f64 = 2.0;
/// The same, when the best candidate is not the one named in the most documents.
pub const MARGIN_MINOR: f64 = 3.0;

/// What an entity is to the joins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A one-word PERSON that may join a candidate of surname group `.0`.
    Lone(u32),
    /// A longer PERSON name of group `.0` a lone surname may join.
    Candidate(u32),
    /// A longer PERSON name of group `.0` that is no candidate (it does not look like a full
    /// name): it still keeps a document's lone surname as it is.
    Other(u32),
}

/// Cross-document joins of lone surnames, built from a finished catalog and four reads of the
/// mentions. See the module docs.
#[derive(Debug, Default)]
pub struct CorpusJoins {
    /// Every entity id of the catalog, and its index.
    index: HashMap<String, u32>,
    ids: Vec<String>,
    /// Inverse document frequency by entity index, once the documents are counted.
    n_documents: Vec<u64>,
    roles: HashMap<u32, Role>,
    /// By surname group: its candidates, the one named in the most documents first.
    groups: Vec<Vec<u32>>,
    /// Profiles of the candidates: entity → documents naming both (ordered, so that every sum
    /// over one is made in one order: the same decisions in every process).
    profiles: HashMap<u32, BTreeMap<u32, u32>>,
    norms: HashMap<u32, f64>,
    documents: u64,
    /// The corpus's document count when the caller gives it (and observes only the documents
    /// that name a lone surname or candidate: see [`CorpusJoins::ids`]).
    fixed_documents: Option<u64>,
    /// Joined (document, lone surname) → candidate, and what moved: (lone, candidate) →
    /// (mentions, documents).
    decisions: HashMap<String, Vec<(u32, u32)>>,
    moved: BTreeMap<(u32, u32), (u64, u64)>,
    /// Documents each joined name gained (a document once, however many lone forms it joined).
    gained: BTreeMap<u32, u64>,
    /// Scratch of one document.
    seen: HashSet<u32>,
    /// The profiles were enriched by the first decisions: the second round joins only the
    /// candidate named in the most documents.
    enriched: bool,
}

/// A name's words in lower case, without a trailing "Jr." or "III".
fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = normalize_name(name).split(' ').map(str::to_owned).collect();
    while words.len() > 2
        && matches!(words.last().map(String::as_str), Some("jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv"))
    {
        words.pop();
    }
    words
}

/// The surname a name is known by: its last word, without a name particle ("al-Baghdadi" →
/// "baghdadi").
fn surname(word: &str) -> &str {
    match word.split_once('-') {
        Some((head, rest)) if !rest.is_empty() && Lexicons::is_particle_head(head) => rest,
        _ => word,
    }
}

fn is_initial(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let dots = word.chars().filter(|&c| c == '.').count();
    letters >= 1 && letters + dots == word.chars().count() && (letters == 1 || dots == letters)
}

impl CorpusJoins {
    /// The lone surnames and candidates of `catalog`; `None` when there is nothing to join (no
    /// read of the mentions is then needed).
    pub fn new(catalog: &EntityCatalog) -> Option<CorpusJoins> {
        let lex = Lexicons::get();
        let given = |w: &str| lex.is_given_name(word_hash(&key_form(w)));
        let mut joins = CorpusJoins::default();
        // Documents of the longer PERSON names by their first word: a lone word that begins
        // names as often as it ends them is weighed below.
        let mut first_words: HashMap<String, u64> = HashMap::new();
        let mut longs: BTreeMap<String, Vec<(u32, Vec<String>)>> = BTreeMap::new();
        let mut lones: Vec<(u32, String)> = Vec::new();
        for (i, rec) in catalog.records().enumerate() {
            let i = u32::try_from(i).ok()?;
            joins.index.insert(rec.entity_id.clone(), i);
            joins.ids.push(rec.entity_id.clone());
            joins.n_documents.push(rec.n_documents);
            if rec.label != Label::Person {
                continue;
            }
            let words = name_words(&rec.name);
            if !words.iter().all(|w| w.starts_with(char::is_alphabetic)) {
                continue;
            }
            match words.len() {
                1 => {
                    let w = &words[0];
                    let capital = rec.name.starts_with(char::is_uppercase);
                    if capital && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !given(w) && !is_initial(w) {
                        lones.push((i, w.clone()));
                    }
                }
                _ => {
                    *first_words.entry(words[0].clone()).or_default() += rec.n_documents;
                    let key = surname(words.last().expect("two words or more")).to_owned();
                    longs.entry(key).or_default().push((i, words));
                }
            }
        }
        // Read as anything but a person: documents of other labels' entities of one word.
        let lone_keys: HashSet<&str> = lones.iter().map(|(_, w)| w.as_str()).collect();
        let mut other_label: HashMap<String, u64> = HashMap::new();
        for rec in catalog.records().filter(|r| r.label != Label::Person) {
            let n = normalize_name(&rec.name);
            if lone_keys.contains(n.as_str()) {
                *other_label.entry(n).or_default() += rec.n_documents;
            }
        }
        // One group per surname: its candidates, and every lone form of it ("Al-Baghdadi" and
        // "Baghdadi" are two ids of one surname).
        let mut group_of: HashMap<&str, u32> = HashMap::new();
        for (lone, word) in &lones {
            let key = surname(word);
            let Some(names) = longs.get(key) else { continue };
            let docs = joins.n_documents[*lone as usize];
            if other_label.get(word).copied().unwrap_or(0) >= docs {
                continue;
            }
            // A word that begins person names as often as it ends them ("Hu Jintao") is no
            // surname to join alone.
            let ends: u64 = names.iter().map(|(h, _)| joins.n_documents[*h as usize]).sum();
            if first_words.get(word).is_some_and(|&d| d * 4 >= ends) {
                continue;
            }
            if let Some(&g) = group_of.get(key) {
                joins.roles.insert(*lone, Role::Lone(g));
                continue;
            }
            let mut candidates: Vec<u32> =
                names.iter().filter(|(_, w)| given(&w[0]) || is_initial(&w[0])).map(|&(h, _)| h).collect();
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_by_key(|&h| (std::cmp::Reverse(joins.n_documents[h as usize]), h));
            let group = u32::try_from(joins.groups.len()).ok()?;
            group_of.insert(key, group);
            joins.roles.insert(*lone, Role::Lone(group));
            for &(h, _) in names {
                let role = if candidates.contains(&h) { Role::Candidate(group) } else { Role::Other(group) };
                joins.roles.insert(h, role);
            }
            joins.groups.push(candidates);
        }
        (!joins.groups.is_empty()).then_some(joins)
    }

    /// Counts the corpus as `documents` documents with mentions, whatever is observed: for a
    /// caller that observes only the documents that name an id of [`CorpusJoins::ids`] (the
    /// others change no profile and no decision, only the count). The joins are then those of
    /// observing every document.
    pub fn counting_documents(mut self, documents: u64) -> CorpusJoins {
        self.fixed_documents = Some(documents);
        self
    }

    /// The ids the joins read: lone surnames and the longer names of their surnames.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let mut ids: Vec<u32> = self.roles.keys().copied().collect();
        ids.sort_unstable();
        ids.into_iter().map(|i| self.ids[i as usize].as_str())
    }

    fn group_of(&self, i: u32) -> Option<u32> {
        self.roles.get(&i).map(|r| match *r {
            Role::Lone(g) | Role::Candidate(g) | Role::Other(g) => g,
        })
    }

    /// The entity indices of a document's mentions (ids the catalog does not know are left
    /// out), each once, in `out`, in index order: whatever order the mentions come in (a Spark
    /// job's is not the CLI's), sums over them are made in one order.
    fn distinct<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, out: &mut Vec<u32>) {
        out.clear();
        self.seen.clear();
        for id in ids {
            if let Some(&i) = self.index.get(id) {
                if self.seen.insert(i) {
                    out.push(i);
                }
            }
        }
        out.sort_unstable();
    }

    /// First read: the entity ids of one document's mentions (any order, repeats allowed), every
    /// document once.
    pub fn observe<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        let mut here = Vec::new();
        self.distinct(ids, &mut here);
        if here.is_empty() {
            return;
        }
        self.documents += 1;
        for &c in &here {
            let Some(Role::Candidate(g)) = self.roles.get(&c).copied() else { continue };
            let profile = self.profiles.entry(c).or_default();
            for &other in &here {
                if other != c
                    && self
                        .roles
                        .get(&other)
                        .is_none_or(|r| !matches!(*r, Role::Lone(h) | Role::Candidate(h) | Role::Other(h) if h == g))
                {
                    *profile.entry(other).or_default() += 1;
                }
            }
        }
    }

    fn idf(&self, i: u32) -> f64 {
        let n = self.n_documents[i as usize].max(1) as f64;
        (self.fixed_documents.unwrap_or(self.documents).max(1) as f64 / n).ln().max(0.0)
    }

    /// Second read, after every document was observed: decides the lone surnames of one
    /// document (its id and its mentions' entity ids, in order).
    pub fn decide<'a>(&mut self, doc_id: &str, ids: impl IntoIterator<Item = &'a str> + Clone) {
        if self.norms.is_empty() && !self.profiles.is_empty() {
            let norms: HashMap<u32, f64> = self
                .profiles
                .iter()
                .map(|(&c, p)| (c, p.iter().map(|(&j, &n)| (f64::from(n) * self.idf(j)).powi(2)).sum::<f64>().sqrt()))
                .collect();
            self.norms = norms;
        }
        let mut here = Vec::new();
        self.distinct(ids.clone(), &mut here);
        for &lone in &here {
            let Some(Role::Lone(g)) = self.roles.get(&lone).copied() else { continue };
            // The document names a longer person of this surname: its own reading stands.
            let own = here
                .iter()
                .any(|&o| matches!(self.roles.get(&o), Some(Role::Candidate(h) | Role::Other(h)) if *h == g));
            let decided = self.decisions.get(doc_id).is_some_and(|js| js.iter().any(|&(l, _)| l == lone));
            if own || decided {
                continue;
            }
            let context: Vec<(u32, f64)> = here
                .iter()
                .filter(|&&o| self.group_of(o) != Some(g))
                .map(|&o| (o, self.idf(o)))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let norm = context.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm == 0.0 {
                continue;
            }
            let group = &self.groups[g as usize];
            let mut scores: Vec<(f64, usize)> = group
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let (Some(p), Some(&pn)) = (self.profiles.get(c), self.norms.get(c)) else { return (0.0, k) };
                    let dot: f64 = context.iter().filter_map(|&(o, w)| p.get(&o).map(|&n| w * w * f64::from(n))).sum();
                    (if pn > 0.0 { dot / (norm * pn) } else { 0.0 }, k)
                })
                .collect();
            // Best first; ties to the candidate named in more documents (the group's order).
            scores.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let (best, k) = scores[0];
            let next = scores.get(1).map_or(0.0, |s| s.0);
            let margin = if k == 0 { MARGIN } else { MARGIN_MINOR };
            // After the first round a name's profile grows with its joins: a minor name that took
            // a few documents would draw more like them (Nancy Reagan, given "President Reagan"
            // beside the White House), so the second round joins only the major one.
            if best >= MIN_SIMILARITY && best >= margin * next && (k == 0 || !self.enriched) {
                let target = group[k];
                let n = ids.clone().into_iter().filter(|id| self.index.get(*id) == Some(&lone)).count() as u64;
                let joined = self.decisions.entry(doc_id.to_owned()).or_default();
                if !joined.iter().any(|&(_, t)| t == target) {
                    *self.gained.entry(target).or_default() += 1;
                }
                joined.push((lone, target));
                let m = self.moved.entry((lone, target)).or_default();
                m.0 += n;
                m.1 += 1;
            }
        }
    }

    /// Third read, after the first decisions: the documents whose lone surname joined a name add
    /// their entities to that name's profile, as its own documents did ("Reagan" beside the
    /// Senate and Japan joins Ronald Reagan's profile, built at first from the few documents that
    /// write his full name). A fourth read ([`CorpusJoins::decide`] again) then decides the lone
    /// surnames left, joining only the candidate named in the most documents: one round only,
    /// so a wrong join's context does not keep attracting more.
    pub fn enrich<'a>(&mut self, doc_id: &str, ids: impl IntoIterator<Item = &'a str>) {
        let Some(joined) = self.decisions.get(doc_id) else { return };
        let targets: Vec<u32> = joined.iter().map(|&(_, t)| t).collect();
        let mut here = Vec::new();
        self.distinct(ids, &mut here);
        let mut done: Vec<u32> = Vec::new();
        for t in targets {
            if done.contains(&t) {
                continue;
            }
            done.push(t);
            let g = self.group_of(t);
            let others: Vec<u32> =
                here.iter().copied().filter(|&o| self.group_of(o).is_none() || self.group_of(o) != g).collect();
            let profile = self.profiles.entry(t).or_default();
            for other in others {
                *profile.entry(other).or_default() += 1;
            }
        }
        // The norms are computed again for the next decisions.
        self.norms.clear();
        self.enriched = true;
    }

    /// The id a mention of `id` in document `doc_id` has after the joins, when it changed.
    pub fn resolve(&self, doc_id: &str, id: &str) -> Option<&str> {
        let &i = self.index.get(id)?;
        if !matches!(self.roles.get(&i), Some(Role::Lone(_))) {
            return None;
        }
        let joined = self.decisions.get(doc_id)?;
        joined.iter().find(|&&(l, _)| l == i).map(|&(_, t)| self.ids[t as usize].as_str())
    }

    /// True when a lone surname of document `doc_id` was joined (a row of any other document
    /// keeps its ids).
    pub fn has_document(&self, doc_id: &str) -> bool {
        self.decisions.contains_key(doc_id)
    }

    /// True when no document's surname was joined.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }

    /// Joined (document, surname) pairs.
    pub fn len(&self) -> usize {
        self.decisions.values().map(Vec::len).sum()
    }

    /// `(document, lone id, joined id)` for every join made, sorted.
    pub fn joined(&self) -> Vec<(&str, &str, &str)> {
        let mut out: Vec<(&str, &str, &str)> = self
            .decisions
            .iter()
            .flat_map(|(d, js)| {
                js.iter().map(move |&(l, t)| (d.as_str(), self.ids[l as usize].as_str(), self.ids[t as usize].as_str()))
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// `(joined id, documents)`: the documents each name gained, sorted.
    pub fn gained(&self) -> impl Iterator<Item = (&str, u64)> {
        self.gained.iter().map(|(&t, &d)| (self.ids[t as usize].as_str(), d))
    }

    /// `(lone id, candidate id, mentions, documents of the lone)` for every join made, sorted.
    pub fn moved(&self) -> impl Iterator<Item = (&str, &str, u64, u64)> {
        self.moved.iter().map(|(&(l, c), &(m, d))| (self.ids[l as usize].as_str(), self.ids[c as usize].as_str(), m, d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entity_id, Extraction, Mention};
    use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument, Span};

    /// A document naming `names` (label, name), one sentence each, and its mentions.
    fn document(id: &str, names: &[(Label, &str)]) -> (Document, Extraction) {
        let text: String = names.iter().map(|(_, n)| format!("{n} spoke. ")).collect();
        let raw = RawDocument {
            doc_id: id.into(),
            source: "t".into(),
            body: Body::Text(text),
            meta: Metadata::default(),
            issues: vec![],
        };
        let doc = ingest(raw).unwrap().0;
        let mut at = 0;
        let mentions = names
            .iter()
            .map(|&(label, name)| {
                let start = at + doc.text[at..].find(name).unwrap();
                at = start + name.len();
                Mention {
                    sentence: 0,
                    span: Span::new(start, at),
                    label,
                    name: name.into(),
                    entity_id: entity_id(label.as_str(), name),
                    confidence: 1.0,
                    method: "test",
                    rule: None,
                    place: None,
                }
            })
            .collect();
        (doc, Extraction { mentions, ..Extraction::default() })
    }

    /// Builds the catalog, reads the mentions as a writer does (four times), and returns the joins:
    /// (document, lone name) → the name joined.
    fn run(corpus: &[(String, Vec<(Label, &str)>)]) -> (Vec<(String, String, String)>, EntityCatalog) {
        let mut catalog = EntityCatalog::new();
        let docs: Vec<(Document, Extraction)> = corpus.iter().map(|(id, names)| document(id, names)).collect();
        for (d, x) in &docs {
            catalog.add(d, x);
        }
        let Some(mut joins) = CorpusJoins::new(&catalog) else { return (Vec::new(), catalog) };
        for (_, x) in &docs {
            joins.observe(x.mentions.iter().map(|m| m.entity_id.as_str()));
        }
        for (d, x) in &docs {
            joins.decide(&d.doc_id, x.mentions.iter().map(|m| m.entity_id.as_str()));
        }
        for (d, x) in &docs {
            joins.enrich(&d.doc_id, x.mentions.iter().map(|m| m.entity_id.as_str()));
        }
        for (d, x) in &docs {
            joins.decide(&d.doc_id, x.mentions.iter().map(|m| m.entity_id.as_str()));
        }
        let names: HashMap<&str, &str> = catalog.records().map(|r| (r.entity_id.as_str(), r.name.as_str())).collect();
        let mut out = Vec::new();
        for (d, x) in &docs {
            for m in &x.mentions {
                if let Some(to) = joins.resolve(&d.doc_id, &m.entity_id) {
                    out.push((d.doc_id.clone(), m.name.clone(), names[to].to_owned()));
                }
            }
        }
        out.dedup();
        catalog.apply_joins(&joins);
        (out, catalog)
    }

    use Label::{Gpe, Org, Person};

    type Corpus = Vec<(String, Vec<(Label, &'static str)>)>;

    /// `n` documents `prefix0`, `prefix1` … naming `names`.
    fn repeat(corpus: &mut Corpus, prefix: &str, n: usize, names: &[(Label, &'static str)]) {
        for i in 0..n {
            corpus.push((format!("{prefix}{i}"), names.to_vec()));
        }
    }

    /// Documents naming neither person nor surname, so that the shared entities are not in
    /// every document.
    fn filler(corpus: &mut Corpus) {
        repeat(corpus, "other", 20, &[(Org, "Acme"), (Gpe, "Peru")]);
    }

    /// Two people of one surname, each with the company they keep; filler documents so that
    /// the shared entities are not in every document.
    fn bakers(extra: Vec<(String, Vec<(Label, &'static str)>)>) -> Vec<(String, Vec<(Label, &'static str)>)> {
        let mut corpus = Vec::new();
        repeat(
            &mut corpus,
            "treasury",
            6,
            &[(Person, "James Baker"), (Org, "Treasury"), (Org, "Bundesbank"), (Gpe, "Japan")],
        );
        repeat(&mut corpus, "staff", 3, &[(Person, "Howard Baker"), (Org, "White House"), (Person, "Robert Gates")]);
        filler(&mut corpus);
        corpus.extend(extra);
        corpus
    }

    #[test]
    fn a_lone_surname_joins_the_person_whose_company_it_keeps() {
        let corpus = bakers(vec![
            ("money".into(), vec![(Person, "Baker"), (Org, "Treasury"), (Org, "Bundesbank")]),
            ("cia".into(), vec![(Person, "Baker"), (Org, "White House"), (Person, "Robert Gates")]),
            ("vague".into(), vec![(Person, "Baker"), (Org, "Acme")]),
        ]);
        let (joined, catalog) = run(&corpus);
        assert_eq!(
            joined,
            [
                ("money".to_owned(), "Baker".to_owned(), "James Baker".to_owned()),
                ("cia".to_owned(), "Baker".to_owned(), "Howard Baker".to_owned()),
            ],
            "a document whose entities match neither profile keeps its Baker"
        );
        let get = |n: &str| {
            catalog.records().find(|r| r.name == n && r.label == Person).map(|r| (r.n_mentions, r.n_documents))
        };
        assert_eq!(get("James Baker"), Some((7, 7)));
        assert_eq!(get("Howard Baker"), Some((4, 4)));
        assert_eq!(get("Baker"), Some((1, 1)), "what stays apart keeps its own counts");
        let james = catalog.records().find(|r| r.name == "James Baker").unwrap();
        assert!(james.aliases.contains("Baker"), "the lone form is an alias of the name it joined");
    }

    #[test]
    fn a_document_that_names_a_longer_person_of_the_surname_keeps_its_reading() {
        let corpus = bakers(vec![(
            "own".into(),
            vec![(Person, "Baker"), (Person, "Susan Baker"), (Org, "Treasury"), (Org, "Bundesbank")],
        )]);
        assert!(run(&corpus).0.is_empty());
    }

    /// The corpus of the next test: each lone name would join but for one thing, which
    /// `control` takes away.
    fn traps(control: bool) -> Vec<(String, Vec<(Label, &'static str)>)> {
        let mut corpus = bakers(vec![]);
        // A given name standing alone may be anyone of that name.
        repeat(&mut corpus, "john", 4, &[(Person, "John Charles"), (Org, "Motown")]);
        corpus.push((
            "charles".into(),
            vec![(Person, if control { "Charlesworth" } else { "Charles" }), (Org, "Motown")],
        ));
        if control {
            corpus.push(("cw".into(), vec![(Person, "John Charlesworth"), (Org, "Motown")]));
        }
        // A word the corpus reads as a place more often than as a person.
        repeat(&mut corpus, "city", if control { 0 } else { 4 }, &[(Gpe, "Toulouse"), (Org, "Airbus")]);
        repeat(&mut corpus, "st", 3, &[(Person, "Stephen Toulouse"), (Org, "Airbus")]);
        corpus.push(("t".into(), vec![(Person, "Toulouse"), (Org, "Airbus")]));
        // A longer name that is no full name ("Besides" is no given name).
        repeat(
            &mut corpus,
            "b",
            3,
            &[(Person, if control { "Paul Volcker" } else { "Besides Volcker" }), (Org, "Fed")],
        );
        corpus.push(("v".into(), vec![(Person, "Volcker"), (Org, "Fed")]));
        corpus
    }

    #[test]
    fn given_names_places_and_unlike_names_stay_apart() {
        assert_eq!(run(&traps(false)).0, []);
        let joined: Vec<String> = run(&traps(true)).0.into_iter().map(|(_, lone, to)| format!("{lone}>{to}")).collect();
        assert_eq!(joined, ["Charlesworth>John Charlesworth", "Toulouse>Stephen Toulouse", "Volcker>Paul Volcker"]);
    }

    /// Two lone forms of one surname (with and without its particle) are one surname: a
    /// document naming the person in full keeps both as they are, and a document joining both
    /// counts once for the name.
    #[test]
    fn lone_forms_of_one_surname_are_one_group() {
        let mut corpus: Corpus = Vec::new();
        repeat(&mut corpus, "full", 4, &[(Person, "Abu Bakr al-Baghdadi"), (Org, "Islamic State"), (Gpe, "Raqqa")]);
        filler(&mut corpus);
        corpus.push((
            "both".into(),
            vec![(Person, "Al-Baghdadi"), (Org, "Islamic State"), (Gpe, "Raqqa"), (Person, "Baghdadi")],
        ));
        corpus
            .push(("own".into(), vec![(Person, "Baghdadi"), (Person, "Abu Bakr al-Baghdadi"), (Org, "Islamic State")]));
        let (joined, catalog) = run(&corpus);
        let joined: Vec<(&str, &str)> = joined.iter().map(|(d, lone, _)| (d.as_str(), lone.as_str())).collect();
        assert_eq!(joined, [("both", "Al-Baghdadi"), ("both", "Baghdadi")]);
        let get = |n: &str| catalog.records().find(|r| r.name == n).map(|r| (r.n_mentions, r.n_documents));
        assert_eq!(get("Abu Bakr al-Baghdadi"), Some((5 + 2, 6)), "the document that joined both counts once");
        assert_eq!(get("Baghdadi"), Some((1, 1)), "the document that names him in full keeps its Baghdadi");
        assert_eq!(get("Al-Baghdadi"), None, "every mention moved");
    }

    /// A name's profile built from the few documents that write it in full misses a document
    /// whose company only the joined documents share; the second round finds it.
    #[test]
    fn joined_documents_enrich_the_profile_once() {
        let mut corpus: Corpus = Vec::new();
        repeat(&mut corpus, "james", 3, &[(Person, "James Baker"), (Org, "Treasury"), (Org, "Bundesbank")]);
        repeat(&mut corpus, "howard", 2, &[(Person, "Howard Baker"), (Org, "White House"), (Person, "Robert Gates")]);
        filler(&mut corpus);
        corpus.push(("a".into(), vec![(Person, "Baker"), (Org, "Treasury"), (Org, "Bundesbank"), (Org, "G7")]));
        corpus.push(("b".into(), vec![(Person, "Baker"), (Org, "G7"), (Org, "IMF")]));
        let joined: Vec<(String, String)> = run(&corpus).0.into_iter().map(|(d, _, to)| (d, to)).collect();
        assert_eq!(
            joined,
            [("a".to_owned(), "James Baker".to_owned()), ("b".to_owned(), "James Baker".to_owned())],
            "b shares only G7 with a, which joined James Baker in the first round"
        );
    }

    #[test]
    fn nothing_to_join_needs_no_read() {
        let corpus: Vec<(String, Vec<(Label, &str)>)> =
            vec![("a".into(), vec![(Person, "Jane Roe"), (Org, "Acme")]), ("b".into(), vec![(Person, "Smith")])];
        let mut catalog = EntityCatalog::new();
        for (id, names) in &corpus {
            let (d, x) = document(id, names);
            catalog.add(&d, &x);
        }
        assert!(CorpusJoins::new(&catalog).is_none(), "no longer name ends in Smith");
        assert!(is_initial("J.") && is_initial("J") && is_initial("J.R.") && !is_initial("Jr") && !is_initial("JR."));
    }
}
