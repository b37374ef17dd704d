//! Named entities: a trained tagger, contract labels, and the canonical entity of every mention.
//!
//! The tagger is a greedy averaged perceptron over BILOU tags (Ratinov & Roth 2009): word forms,
//! shapes, affixes, a ±2 window, lexicons of general facts ([`lexicon`](self) files: countries,
//! cities, nationalities, titles, given names), hierarchical word clusters computed from unlabeled
//! news, and the labels given earlier in the document to the same word. It is trained on CoNLL-2003
//! by `make model` (`gleaner-train`) and the model file ships inside the library
//! (`models/ner.bin`, read once per process).
//!
//! CoNLL's four types become contract labels: PER → PERSON, ORG → ORG, LOC → GPE, LOC or FAC, and
//! MISC → NORP, EVENT, LANGUAGE or MISC, by lexicon. Titles are cut off the front of a PERSON
//! ("President Jane Roe" → "Jane Roe"); possessive endings are separate tokens and never inside.
//!
//! Then the mentions of a document are clustered: the same name up to case and a leading "the";
//! a surname or trailing part of a longer PERSON name ("Roe" → "Jane Roe", when only one longer
//! name ends so); an acronym of a longer name ("IEA" → "International Energy Agency"); and an alias
//! introduced by its construction ("X (known as Y)", "X, also called Y", "X (Y)"). Each mention's
//! `name` is its cluster's most complete form and its `entity_id` comes from that name and label.
//!
//! ```
//! use gleaner_extract::{entities::Entities, Label, Pipeline};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let text = "The International Energy Agency (IEA) met in Geneva on Monday. \
//!             IEA chief Fatih Birol said the agency would report to ministers in Brazil.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Entities::shipped()).run(&doc);
//! let iea: Vec<_> = found.mentions.iter().filter(|m| doc.slice(m.span) == "IEA").collect();
//! assert_eq!(iea.len(), 2);
//! assert!(iea.iter().all(|m| m.label == Label::Org && m.name == "International Energy Agency"));
//! let geneva = found.mentions.iter().find(|m| doc.slice(m.span) == "Geneva").unwrap();
//! assert_eq!(geneva.label, Label::Gpe);
//! ```

mod features;
pub(crate) mod lexicon;
mod tags;
mod train;

use std::sync::OnceLock;

use gleaner_ingest::{lang, Document, Issue, Span};

pub use crate::linear::{Clusters, Model, ModelError, VectorClusters};
pub use lexicon::key_form;
pub use train::{annotate, evaluate_model, parse_conll, train, Score, TrainConfig, TrainDocument, TrainSentence};

use crate::{entity_id, normalize_name, Extraction, Extractor, Label, Mention};
use features::{History, Scratch, WordSums};
use lexicon::Lexicons;

/// The model file shipped with the library (trained by `make model`).
static SHIPPED: &[u8] = include_bytes!("../../models/ner.bin");

pub(crate) use features::mix;

/// Is `word` the demonym of a state ("Turkish")? Peoples, religions and parties are not.
pub fn is_demonym(word: &str) -> bool {
    lexicon::Lexicons::get().is_demonym(word)
}

/// The word-cluster path of a lower-case token in `clusters` (0: none): the key form folds
/// digits to `0`, and only a token with a digit needs a copy to do so.
pub(crate) fn cluster_of(clusters: &Clusters, lower: &str) -> u32 {
    let key = if lower.bytes().any(|b| b.is_ascii_digit()) {
        features::word_hash(&lexicon::key_form(lower))
    } else {
        features::word_hash(lower)
    };
    clusters.get(key)
}

/// Is this name (its words) a country in the lexicon?
pub(crate) fn is_country<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let words: Vec<&str> = words.collect();
    Lexicons::get().is_country(&words)
}

/// Is this name a country, or a city, state or province in the lexicon?
pub(crate) fn is_country_or_state<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let words: Vec<&str> = words.collect();
    Lexicons::get().is_known_gpe(&words)
}

/// The key of a word in [`Clusters`]: the hash of its lower-case form with digits as `0`.
pub fn word_key(word: &str) -> u64 {
    features::word_hash(&lexicon::key_form(word))
}

/// The shipped model, read once per process.
pub fn shipped_model() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(SHIPPED)).as_ref().map_err(Clone::clone)
}

/// The entity extractor. See the module docs.
#[derive(Debug, Clone)]
pub struct Entities {
    model: Result<&'static Model, ModelError>,
}

impl Entities {
    /// The extractor with the tagger of `resources`. Should it not have loaded (a damaged
    /// build), every document gets an `errors` row saying so, and no mentions.
    pub fn new(resources: &crate::Resources) -> Entities {
        Entities { model: resources.tagger.clone() }
    }

    /// The extractor with the shipped model.
    pub fn shipped() -> Entities {
        Entities { model: shipped_model() }
    }

    /// The extractor with a model of your own (e.g. one just trained).
    pub fn with_model(model: &'static Model) -> Entities {
        Entities { model: Ok(model) }
    }
}

impl Extractor for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn makes(&self) -> &'static [crate::Rows] {
        &[crate::Rows::Mentions]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let model = match &self.model {
            Ok(model) => *model,
            Err(e) => {
                out.issues.push(Issue::new(doc.source.clone(), "extract", "model_unavailable", e.to_string()));
                return;
            }
        };
        let mut found = tag_document(model, doc);
        join_particle_names(doc, &mut found);
        join_national_institutions(doc, &mut found);
        join_demonym_institutions(doc, &mut found);
        join_state_names(doc, &mut found);
        extend_over_on(doc, &mut found);
        let mut linked = link(doc, found);
        repeat_names(doc, &mut linked);
        crate::places::locate(doc, &mut linked);
        out.mentions.extend(linked);
    }
}

/// Is `name` a continent, world region, sea, mountain range or river of the lexicon
/// (`lang::en::lists::REGIONS`) and no country or city?
pub(crate) fn is_region(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    Lexicons::get().is_region(&words)
}

/// A name cut at its particles: two names parted only by particles in lower case are one. Of one
/// label, one name of that label ("Banca Nazionale | del | Lavoro", "Rio | de | Janeiro"); a
/// PERSON after a name of another label, one person when the first part can only be the start
/// of a person's name: a given name, or one word no lexicon knows as a place, not after a
/// preposition ("Ursula | von der | Leyen", which the tagger may call a place; never "In
/// Brussels | von der Leyen", "At Barcelona | de Jong"), and never after an organization
/// ("Manchester United | van Gaal"). Rule `name_particle`.
fn join_particle_names(doc: &Document, found: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        if a.sentence != b.sentence || a.span.end > b.span.start {
            i += 1;
            continue;
        }
        let gap = doc.slice(Span { start: a.span.end, end: b.span.start });
        let first: Vec<&str> = doc.slice(a.span).split_whitespace().collect();
        let lex = Lexicons::get();
        let starts_person = || {
            let given = lex.is_given_name(features::word_hash(&lexicon::key_form(first[0])));
            let unknown_word = first.len() == 1 && !lex.is_known_gpe(&first) && !lex.is_country(&first);
            let before = doc
                .slice(Span { start: 0, end: a.span.start })
                .rsplit(char::is_whitespace)
                .find(|w| !w.is_empty())
                .unwrap_or("");
            let preposition = matches!(
                before.to_lowercase().as_str(),
                "in" | "at"
                    | "for"
                    | "from"
                    | "to"
                    | "of"
                    | "on"
                    | "by"
                    | "with"
                    | "into"
                    | "near"
                    | "against"
                    | "over"
            );
            a.label != Label::Org && (given || unknown_word) && !preposition
        };
        let joins = (1..=2).contains(&first.len())
            && (b.label == a.label || (b.label == Label::Person && starts_person()))
            && first.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase))
            && {
                let words: Vec<&str> = gap.split_whitespace().collect();
                (1..=3).contains(&words.len()) && words.iter().all(|w| Lexicons::is_spaced_particle(w))
            };
        if joins {
            merge_with_next(found, i, b.label, "name_particle");
        }
        i += 1;
    }
}

/// Mentions `i` and `i + 1` become one, from the first's start to the second's end, with `label`
/// and `rule`, the lower of their confidences and the second's other fields.
fn merge_with_next(found: &mut Vec<Found>, i: usize, label: Label, rule: &'static str) {
    let b = found.remove(i + 1);
    let a = &mut found[i];
    *a = Found {
        span: Span { start: a.span.start, end: b.span.end },
        label,
        confidence: a.confidence.min(b.confidence),
        rule: Some(rule),
        ..b
    };
}

/// A country cut off the institution it names: "U.S. | House of Representatives" is one
/// organization, as CoNLL-2003 writes "U.S. Treasury" and "U.S. Senate". The first part is one
/// word, a country of the lexicon the tagger read as a place; the rest runs on with only a space
/// between words: capitalized words (no title, no month or weekday), "of", "for", "and" or "&"
/// between two of them, the words no mention holds or one organization the tagger found there,
/// and ends in a capitalized word; the tagger read it as an organization, or it has two
/// capitalized words and one is an organization's head word ("Agriculture Department"). One
/// word the document also writes in lower case is a common noun ("U.S. Bank officials"). A name
/// a lexicon knows after it stays apart ("Russian | Gazprom"), and so does everything in a
/// sentence in title case, where capitals tell nothing. A demonym is left as it is: CoNLL-2003
/// writes "German | Foreign Ministry", and "Thai Airways" is the tagger's to read whole.
/// Rule `national_institution`.
fn join_national_institutions(doc: &Document, found: &mut Vec<Found>) {
    let lex = Lexicons::get();
    let tokens = &doc.tokens;
    // The words the document writes in lower case, gathered at the first one-word candidate.
    let mut lowered: Option<std::collections::HashSet<&str>> = None;
    let mut i = 0;
    while i < found.len() {
        let a = &found[i];
        let first = doc.slice(a.span);
        let national = a.label == Label::Gpe && !first.contains(char::is_whitespace) && lex.is_country(&[first]);
        if !national {
            i += 1;
            continue;
        }
        let sentence = &doc.sentences[a.sentence as usize];
        let end_tok = sentence.tokens.end as usize;
        // In a headline in title case ("U.S. Determines Dumping", "U.K. Remained Rowntree Bid")
        // capitals tell nothing.
        let (mut words, mut capitalized) = (0, 0);
        for x in &tokens[sentence.tokens.start as usize..end_tok] {
            let w = doc.slice(x.span);
            if w.starts_with(char::is_alphabetic) && w.chars().count() > 3 {
                words += 1;
                capitalized += w.starts_with(char::is_uppercase) as usize;
            }
        }
        if words >= 3 && capitalized * 5 >= words * 3 {
            i += 1;
            continue;
        }
        let (mut org_word, mut capitals) = (false, 0);
        let run = capital_run(
            doc,
            found,
            i + 1,
            a.span.end,
            |w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && !lex.is_title(features::word_hash(&lexicon::key_form(w)))
                    && !crate::dates::calendar_word(w)
            },
            // A mention here must be an organization no lexicon knows ("Russian | Gazprom").
            |m| {
                let words: Vec<&str> = doc.slice(m.span).split_whitespace().collect();
                m.label == Label::Org && lex.categories(&words) == 0
            },
            |w, in_mention| {
                org_word |= lex.is_org_word(features::word_hash(&lexicon::key_form(w)));
                capitals += (!in_mention && w.starts_with(char::is_uppercase)) as usize;
            },
        );
        let (last_cap, absorbed) = (run.last, i + 1 + run.taken);
        // The institution is known by the tagger's reading or by a head word among two
        // capitalized words: one head word alone is a common noun in capitals as often as a name
        // ("a U.S. Company").
        let joins = absorbed > i + 1 || org_word && capitals >= 2;
        let Some(last) = last_cap.filter(|_| joins) else {
            i += 1;
            continue;
        };
        // One word that the document also writes in lower case is a common noun in a headline's
        // or a careless capital ("U.S. Bank officials said", "a U.K. Bank"), not a name.
        let run_start = tokens.partition_point(|x| x.span.start < found[i].span.end);
        if last == run_start {
            let lowered = lowered.get_or_insert_with(|| {
                (0..tokens.len())
                    .filter(|&k| doc.slice(tokens[k].span).starts_with(char::is_lowercase))
                    .map(|k| doc.lower(k))
                    .collect::<std::collections::HashSet<&str>>()
            });
            if lowered.contains(doc.lower(last)) {
                i += 1;
                continue;
            }
        }
        let end = tokens[last].span.end;
        let merged = Found {
            span: Span { start: found[i].span.start, end },
            label: Label::Org,
            rule: Some("national_institution"),
            ..found[i].clone()
        };
        found[i] = merged;
        found.drain(i + 1..absorbed);
        i += 1;
    }
}

/// A demonym and the one capitalized head word of an institution after it that the tagger left
/// outside every mention: "the Haitian | Parliament", "the Israeli | Army" are one organization
/// (CoNLL04 writes them so), not a nationality beside a common noun. The head word is an
/// organization's (`org_words.txt`), follows after one space and is the last capitalized word of
/// its run ("Russian Army Chief" is left to the tagger); a sentence in title case tells nothing.
/// Where the tagger found the institution ("German | Foreign Ministry", as CoNLL-2003 writes it)
/// nothing changes. Rule `demonym_institution`.
fn join_demonym_institutions(doc: &Document, found: &mut [Found]) {
    let lex = Lexicons::get();
    let tokens = &doc.tokens;
    for i in 0..found.len() {
        let a = &found[i];
        let word = doc.slice(a.span);
        if a.label != Label::Norp || word.contains(char::is_whitespace) || !is_demonym(word) {
            continue;
        }
        let k = tokens.partition_point(|x| x.span.start < a.span.end);
        let Some(head) = tokens.get(k) else { continue };
        let sentence = &doc.sentences[a.sentence as usize];
        if k >= sentence.tokens.end as usize || doc.slice(Span { start: a.span.end, end: head.span.start }) != " " {
            continue;
        }
        if found.get(i + 1).is_some_and(|b| b.span.start < head.span.end) {
            continue;
        }
        let w = doc.slice(head.span);
        let capitalized = |w: &str| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let low = features::word_hash(&lexicon::key_form(w));
        if !capitalized(w) || !lex.is_org_word(low) || lex.is_title(low) {
            continue;
        }
        if tokens
            .get(k + 1)
            .filter(|_| k + 1 < sentence.tokens.end as usize)
            .is_some_and(|x| doc.slice(x.span).starts_with(char::is_uppercase))
        {
            continue;
        }
        // A known place ("Soviet | Union") is the tagger's to read.
        if lex.categories(&[word, w]) != 0 {
            continue;
        }
        // In title case capitals tell nothing (the demonym and its head word are not counted).
        let (mut words, mut caps) = (0, 0);
        for (j, x) in tokens[sentence.tokens.start as usize..sentence.tokens.end as usize].iter().enumerate() {
            let w = doc.slice(x.span);
            let own = sentence.tokens.start as usize + j + 1 == k || sentence.tokens.start as usize + j == k;
            if !own && w.starts_with(char::is_alphabetic) && w.chars().count() > 3 {
                words += 1;
                caps += w.starts_with(char::is_uppercase) as usize;
            }
        }
        if words >= 3 && caps * 5 >= words * 3 {
            continue;
        }
        let end = head.span.end;
        let f = &mut found[i];
        f.span = Span { start: f.span.start, end };
        f.label = Label::Org;
        f.rule = Some("demonym_institution");
    }
}

/// A state's formal name cut at "of": "Republic | of | Ireland", "Islamic Republic | of | Iran",
/// "Kingdom | of | Saudi Arabia" are one GPE. The first mention ends in a word of a state's form
/// (republic, kingdom, ...), "of" alone stands between them, and the second is a GPE; the two
/// become one GPE (placed by its country). Rule `state_name`.
fn join_state_names(doc: &Document, found: &mut Vec<Found>) {
    const FORMS: &[&str] =
        &["republic", "kingdom", "principality", "emirate", "sultanate", "commonwealth", "federation", "grand duchy"];
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let joins = a.sentence == b.sentence
            && b.label == Label::Gpe
            && a.span.end <= b.span.start
            && doc.slice(Span { start: a.span.end, end: b.span.start }) == " of "
            && {
                let first = doc.slice(a.span).to_lowercase();
                FORMS.iter().any(|f| first.strip_suffix(f).is_some_and(|rest| rest.is_empty() || rest.ends_with(' ')))
            };
        if joins {
            merge_with_next(found, i, Label::Gpe, "state_name");
        }
        i += 1;
    }
}

/// A body's name that goes on with "on" and its subject: "Commission | on Presidential Debates",
/// "Conference | on Disarmament", "Committee | on Foreign Relations" are one name, as CoNLL-2003
/// writes them. The mention ends in an organization's head word or "Conference" / "Convention";
/// "on" follows after one space, then capitalized words (and "and", "of", "for" between two of
/// them), the words no mention holds or mentions that lie inside them; the name keeps its label.
/// Rule `name_over_on`.
fn extend_over_on(doc: &Document, found: &mut Vec<Found>) {
    let lex = Lexicons::get();
    let tokens = &doc.tokens;
    let mut i = 0;
    while i < found.len() {
        let m = &found[i];
        let last = doc.slice(m.span).rsplit(char::is_whitespace).next().unwrap_or("");
        let head = matches!(m.label, Label::Org | Label::Misc | Label::Event)
            && (lex.is_org_word(features::word_hash(&lexicon::key_form(last)))
                || matches!(last, "Conference" | "Convention"));
        let sentence_end = doc.sentences[m.sentence as usize].tokens.end as usize;
        let t = tokens.partition_point(|x| x.span.start < m.span.end);
        let on = head
            && t + 1 < sentence_end
            && doc.slice(tokens[t].span) == "on"
            && doc.slice(Span { start: m.span.end, end: tokens[t].span.start }) == " ";
        if !on {
            i += 1;
            continue;
        }
        let run = capital_run(
            doc,
            found,
            i + 1,
            tokens[t].span.end,
            // Never a day ("Commission on Friday", "on Thursdays"), a title ("Committee on
            // Foreign Relations | Chairman Bob Corker") or a function word.
            |w| {
                w.starts_with(char::is_uppercase)
                    && !function_word(w)
                    && !crate::dates::calendar_word(w)
                    && w.strip_suffix('s').is_none_or(|d| lang::en::weekday(&d.to_lowercase()).is_none())
                    && !lex.is_title(features::word_hash(&lexicon::key_form(w)))
            },
            // The subject may be a place ("Group on Indonesia") or what the tagger took for one
            // ("Council on Public Housing"), never a person.
            |m| m.label != Label::Person,
            |_, _| {},
        );
        let Some(last) = run.last else {
            i += 1;
            continue;
        };
        let (end, taken) = (tokens[last].span.end, run.taken);
        found[i].span.end = end;
        found[i].rule = Some("name_over_on");
        found.drain(i + 1..i + 1 + taken);
        i += 1;
    }
}

/// How a name runs on after a mention: the token of its last capitalized word, and how many of
/// the mentions that follow (`found[next..]`) it takes.
struct CapitalRun {
    last: Option<usize>,
    taken: usize,
}

/// The run of words a name goes on with after byte `from`, in the sentence of `found[next - 1]`:
/// one space between words, words `capital` accepts, and "of", "for", "and" or "&" between two
/// of them; it ends in an accepted word. A mention met on the way is taken whole if `take`
/// accepts it and ends the run otherwise. `visit` sees each word of the run, and whether a
/// mention holds it.
fn capital_run(
    doc: &Document,
    found: &[Found],
    next: usize,
    from: u32,
    capital: impl Fn(&str) -> bool,
    take: impl Fn(&Found) -> bool,
    mut visit: impl FnMut(&str, bool),
) -> CapitalRun {
    let tokens = &doc.tokens;
    let sentence = found[next - 1].sentence;
    let sentence_end = doc.sentences[sentence as usize].tokens.end as usize;
    let mut k = tokens.partition_point(|x| x.span.start < from);
    let (mut prev_end, mut run) = (from, CapitalRun { last: None, taken: 0 });
    let mut after_connector = false;
    while k < sentence_end {
        let tok = &tokens[k];
        if doc.slice(Span { start: prev_end, end: tok.span.start }) != " " {
            break;
        }
        let w = doc.slice(tok.span);
        let is_capital = capital(w);
        if !(is_capital || run.last.is_some() && matches!(w, "of" | "for" | "and" | "&")) {
            break;
        }
        if let Some(m) = found.get(next + run.taken).filter(|m| m.span.start < tok.span.end) {
            let end_k = tokens.partition_point(|x| x.span.end <= m.span.end);
            let aligned = end_k > k && tokens[end_k - 1].span.end == m.span.end;
            // After a connector only an organization goes on ("U.S. Food and | Drug
            // Administration", which the tagger cut): "Commission on Presidential Debates | and |
            // Donald Trump" are two names.
            if m.sentence != sentence || !aligned || after_connector && m.label != Label::Org || !take(m) {
                break;
            }
            for x in &tokens[k..end_k] {
                visit(doc.slice(x.span), true);
            }
            run.last = Some(end_k - 1);
            run.taken += 1;
            after_connector = false;
            prev_end = m.span.end;
            k = end_k;
            continue;
        }
        visit(w, false);
        after_connector = !is_capital;
        if is_capital {
            run.last = Some(k);
        }
        prev_end = tok.span.end;
        k += 1;
    }
    // A run may end on a connector; its last capitalized word ends the name.
    run
}

/// A mention before clustering.
#[derive(Clone, Debug)]
struct Found {
    sentence: u32,
    span: Span,
    label: Label,
    confidence: f32,
    method: &'static str,
    /// The rule that set its span or type over the tagger's, if one did (see [`RULES`]).
    rule: Option<&'static str>,
}

/// The rules that overrule the tagger, as the `mentions.rule` column names them. A mention
/// with no rule is the tagger's span, typed by the lexicons' reading of the tagger's class.
pub const RULES: &[(&str, &str)] = &[
    (
        "org_branch",
        "a branch of a known organization (\"Hamas-Gaza\") found by the lexicon, wherever the tagger put names",
    ),
    ("name_repeated", "a later bare use of a name already found in the document (method alias)"),
    ("title_trimmed", "a leading title cut off a person's name (\"President\" in \"President Joe Biden\")"),
    ("name_particle", "a surname particle the tagger left out joined to the name (\"Osama | bin Laden\")"),
    ("national_institution", "a country joined to the institution after it (\"U.S. | House of Representatives\")"),
    (
        "demonym_institution",
        "a demonym joined to the one institution word after it that the tagger left out (\"the Haitian | Parliament\")",
    ),
    ("state_name", "a state's formal name cut at \"of\" joined (\"Republic | of Ireland\")"),
    ("lexicon_org", "a well-known organization of the lexicon the tagger left out (\"the Treasury\", \"the Fed\")"),
    ("honorific_person", "a name after Mr., Ms. or Dr. typed as a person whatever the tagger's class"),
    ("dateline_cut", "a dateline's month cut from the place it was run into (\"Moscow March 5\")"),
    ("title_split", "a name split where a title or role word joins two names (\"Acme Chief Executive Jane Roe\")"),
    ("first_name_joined", "a first name and the name the tagger cut after it joined (\"Bill | Clinton\")"),
    (
        "lexicon_type",
        "the lexicons overrule the tagger's class (\"Taliban\" an organization, \"Tiananmen Square\" a place)",
    ),
    ("name_over_on", "a body's name extended over \"on\" and its subject (\"Commission | on Presidential Debates\")"),
    ("disease_name", "a named disease or pathogen of the lexicon (\"COVID-19\", \"Ebola\") is MISC where the tagger found no longer name"),
    ("gazetteer_place", "a LOC the gazetteer places at a country, division or city is a GPE (\"the Faroe Islands\")"),
];

/// Does the label the lexicons gave leave the tagger's class (0 person, 1 organization, 2
/// place, 3 other)?
fn overrules(kind: usize, label: Label) -> bool {
    match kind {
        0 => label != Label::Person,
        1 => label != Label::Org,
        3 => matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Loc | Label::Fac),
        _ => matches!(label, Label::Person | Label::Org),
    }
}

thread_local! {
    /// Each worker thread's cache of word scores (see `WordSums`), for the model at the address
    /// it holds: models here are `'static`, so an address names one model for good.
    static WORD_SUMS: std::cell::RefCell<(usize, WordSums)> = std::cell::RefCell::new((0, WordSums::default()));
}

fn tag_document(model: &'static Model, doc: &Document) -> Vec<Found> {
    let lex = Lexicons::get();
    let mut scratch = Scratch::default();
    let mut hist = History::default();
    let (mut tags_out, mut conf) = (Vec::new(), Vec::new());
    let mut words: Vec<&str> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    let mut branches: Vec<(usize, usize)> = Vec::new();
    for (si, sentence) in doc.extractable_sentences() {
        words.clear();
        spans.clear();
        for t in doc.sentence_tokens(sentence) {
            words.push(doc.slice(t.span));
            spans.push(t.span);
        }
        if words.is_empty() {
            continue;
        }
        WORD_SUMS.with_borrow_mut(|(owner, cache)| {
            let id = std::ptr::from_ref(model) as usize;
            if *owner != id {
                cache.clear();
                *owner = id;
            }
            scratch.load_known(&words, lex, &model.clusters, &hist, |form| cache.contains_key(&form));
            scratch.decode_cached(model, cache, &mut tags_out, &mut conf);
        });
        hist.record(&scratch.info, &tags_out);
        // Branches of known organizations ("Hamas-Gaza") overrule the tagger where they lie.
        branches.clear();
        let mut i = 0;
        while i < words.len() {
            match lex.org_branch(&words, i) {
                Some(end) => {
                    branches.push((i, end));
                    i = end;
                }
                None => i += 1,
            }
        }
        let first = out.len();
        // Named diseases ("COVID-19", "Ebola") are MISC where the tagger gave no longer name: a
        // span of the tagger that starts before or with them and is longer stays (see
        // `drop_overlaps`). Not in a sentence in capitals ("FOREIGN AIDS" is aid).
        let mut capitals = None;
        for (j, w) in words.iter().enumerate() {
            // Every listed form starts with a capital: most tokens cost one byte test.
            if w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                && lex.is_disease(w)
                && !*capitals.get_or_insert_with(|| words.iter().all(|w| !w.chars().any(char::is_lowercase)))
            {
                out.push(Found {
                    sentence: si as u32,
                    span: spans[j],
                    label: Label::Misc,
                    confidence: 1.0,
                    method: "lexicon",
                    rule: Some("disease_name"),
                });
            }
        }
        // Organizations of the lexicon ("Federal Reserve", "Treasury", "Kremlin") are ORG where
        // the tagger saw nothing, as named diseases are MISC; a span of the tagger that starts
        // before or with them and is longer stays. Not in a sentence in capitals.
        if !*capitals.get_or_insert_with(|| words.iter().all(|w| !w.chars().any(char::is_lowercase))) {
            scratch.lexicon_runs(Lexicons::ORGANIZATION, |a, b| {
                out.push(Found {
                    sentence: si as u32,
                    span: Span { start: spans[a].start, end: spans[b - 1].end },
                    label: Label::Org,
                    confidence: 1.0,
                    method: "lexicon",
                    rule: Some("lexicon_org"),
                })
            });
        }
        for &(a, b) in &branches {
            out.push(Found {
                sentence: si as u32,
                span: Span { start: spans[a].start, end: spans[b - 1].end },
                label: Label::Org,
                confidence: conf[a..b].iter().sum::<f32>() / (b - a) as f32,
                method: "lexicon",
                rule: Some("org_branch"),
            });
        }
        let mut skip_to = 0;
        tags::decode(&tags_out, |a, b, kind| {
            if a < skip_to || branches.iter().any(|&(x, y)| a < y && x < b) {
                return; // swallowed by a person's name extended over it, or a branch
            }
            let (mut a, mut b) = (a, b);
            let mut rule = None;
            // Trim what is never part of a name: closing punctuation and possessive endings
            // (separate tokens), and leading titles of a person.
            loop {
                if b > a && is_trim(words[b - 1]) {
                    b -= 1;
                } else if a < b && is_trim(words[a]) {
                    a += 1;
                } else if b > a && is_closer(words[b - 1]) && !words[a..b - 1].iter().any(|w| is_opener(w)) {
                    b -= 1;
                } else {
                    break;
                }
            }
            if kind == 0 {
                let titles = lex.title_words(&words[a..b]);
                if titles > 0 && a + titles < b {
                    rule = Some("title_trimmed");
                }
                a += titles;
                // Surname particles the tagger left outside: "Abu Bakr | al-Baghdadi",
                // "Osama | bin Laden", "Ludwig | van Beethoven".
                // Never over a branch of a known organization, which is a mention of its own.
                while b < words.len() && Lexicons::is_name_particle(words[b]) {
                    let step = if words[b].contains('-') {
                        1
                    } else if words.get(b + 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
                        2
                    } else {
                        break;
                    };
                    if branches.iter().any(|&(x, y)| x < b + step && b < y) {
                        break;
                    }
                    b += step;
                    rule = Some("name_particle");
                }
                // The same particles before the name, with the given name the tagger left
                // outside: "Ursula | von der Leyen", "Osama | bin Laden". Only over words no
                // mention holds (the tagger gave them no name), and only to one capitalized word
                // that the lexicons know as nothing else (no place, organization, title, month,
                // function word: never "In Brussels | von der Leyen", "At Barcelona | de Jong").
                let mut p = a;
                while p > 0 && words[p - 1].starts_with(char::is_lowercase) && Lexicons::is_name_particle(words[p - 1])
                {
                    p -= 1;
                }
                let given = |w: &str| {
                    let low = lexicon::key_form(w);
                    w.starts_with(char::is_uppercase)
                        && w.chars().skip(1).all(char::is_lowercase)
                        && w.chars().count() >= 2
                        && !function_word(w)
                        && !crate::dates::calendar_word(w)
                        && !lex.is_title(features::word_hash(&low))
                        && lex.categories(&[w]) == 0
                        && !lex.is_demonym(w)
                };
                if p < a
                    && p > 0
                    && given(words[p - 1])
                    && !out[first..].iter().any(|f| f.span.start < spans[a - 1].end && spans[p - 1].start < f.span.end)
                    && !branches.iter().any(|&(x, y)| x < a && p - 1 < y)
                {
                    a = p - 1;
                    rule = Some("name_particle");
                }
                skip_to = b;
            }
            if a >= b {
                return;
            }
            let mut kind = kind;
            // A name right after "Mr." / "Ms." / "Dr." is a person's whatever the tagger's type
            // ("Ms. Calico" is not a place), the honorific in the span or before it.
            if kind != 0 {
                if b > a + 1 && honorific(words[a]) {
                    a += 1;
                    kind = 0;
                    rule = Some("honorific_person");
                } else if a > 0 && honorific(words[a - 1]) {
                    kind = 0;
                    rule = Some("honorific_person");
                }
            }
            let day_after =
                |k: usize| words.get(k).is_some_and(|w| w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit()));
            // A month or weekday alone before a day's number, or with it, is a date, not a name:
            // the tagger reads a wire dateline's "Dec 7 (Reuters)" as an organization, "effective
            // Jan 1" as a person.
            let day = |w: &str| w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit());
            if crate::dates::calendar_word(words[a])
                && ((b == a + 1 && day_after(b)) || (b == a + 2 && day(words[a + 1])))
            {
                return;
            }
            // A dateline's date run into its place ("Moscow March 5 (ITAR-TASS)"): the month is
            // the date's, and the place is typed by what the lexicons know of it.
            if b > a + 1 && day_after(b) && crate::dates::calendar_word(words[b - 1]) {
                b -= 1;
                rule = Some("dateline_cut");
                if lex.is_known_gpe(&words[a..b]) {
                    kind = 2;
                }
            }
            if let Some((k, p)) = lex.title_split(&words[a..b], kind == 0) {
                // The first name keeps the tagger's type unless the lexicons know it as a place
                // or a people; a person's span falls back to an organization.
                let first = &words[a..a + k];
                let first_kind = if lex.is_known_gpe(first) {
                    2
                } else if k == 1 && lex.is_demonym(first[0]) {
                    3
                } else if kind == 0 {
                    1
                } else {
                    kind
                };
                let before = if a > 0 { words[a - 1] } else { "" };
                out.push(Found {
                    sentence: si as u32,
                    span: Span { start: spans[a].start, end: spans[a + k - 1].end },
                    label: lex.label(first_kind, first, before),
                    confidence: conf[a..a + k].iter().sum::<f32>() / k as f32,
                    method: "model",
                    rule: Some("title_split"),
                });
                a += p;
                kind = 0;
                rule = Some("title_split");
            }
            let before = if a > 0 { words[a - 1] } else { "" };
            let label = lex.label(kind, &words[a..b], before);
            let confidence = conf[a..b].iter().sum::<f32>() / (b - a) as f32;
            // A person's name the tagger cut after a first name ("Bill | Clinton"): one name.
            if label == Label::Person && a > 0 && out.len() > first {
                let last = out.len() - 1;
                let prev = &out[last];
                if prev.label == Label::Person
                    && prev.span.end == spans[a - 1].end
                    && prev.span.start == spans[a - 1].start
                    && lex.is_first_name(features::word_hash(&lexicon::key_form(words[a - 1])))
                {
                    out[last].span.end = spans[b - 1].end;
                    out[last].rule = Some("first_name_joined");
                    return;
                }
            }
            out.push(Found {
                sentence: si as u32,
                span: Span { start: spans[a].start, end: spans[b - 1].end },
                label,
                confidence,
                method: "model",
                rule: rule.or(overrules(kind, label).then_some("lexicon_type")),
            });
        });
        out[first..].sort_by_key(|f| f.span);
        drop_overlaps(&mut out, first);
    }
    out
}

/// Mentions of a sentence never overlap: where two do (sorted by span), the first stays, or the
/// longer of two that start together. Every step above means to keep them apart; this holds the
/// invariant that clustering and the relations rely on, whatever a new step does.
fn drop_overlaps(out: &mut Vec<Found>, first: usize) {
    let mut kept = first;
    for i in first..out.len() {
        if kept > first && out[i].span.start < out[kept - 1].span.end {
            if out[i].span.start == out[kept - 1].span.start && out[i].span.end > out[kept - 1].span.end {
                out.swap(kept - 1, i);
            }
            continue;
        }
        out.swap(kept, i);
        kept += 1;
    }
    out.truncate(kept);
}

/// A personal honorific: the name after it is a person's.
fn honorific(w: &str) -> bool {
    matches!(w, "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms" | "Dr." | "Prof." | "Sen." | "Rep.")
}

/// Words that may stand capitalised next to a name without being part of it, and are never one.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "For"
            | "By"
            | "With"
            | "And"
            | "But"
            | "Or"
            | "Of"
            | "To"
            | "From"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
    )
}

/// One document, one reading of a name: where the tagger found a name (or a person's surname,
/// "Santos" of "Maria Santos") and missed another occurrence of the same words, that occurrence
/// becomes a mention of the same entity too (method `alias`). Only names with a capital letter,
/// never inside a longer capitalised run ("Santos" in "Santos Group"), never overlapping a
/// mention, and never words the document gives to two entities (the unit tests in `tests.rs`
/// show each case).
fn repeat_names(doc: &Document, mentions: &mut Vec<Mention>) {
    use std::collections::HashMap;
    if mentions.is_empty() {
        return;
    }
    // Names by their tokens' text, to the mention they copy; None where two entities share them.
    let mut names: HashMap<Vec<&str>, Option<usize>> = HashMap::new();
    fn add<'a>(names: &mut HashMap<Vec<&'a str>, Option<usize>>, mentions: &[Mention], words: Vec<&'a str>, m: usize) {
        let e = names.entry(words).or_insert(Some(m));
        if e.is_some_and(|o| mentions[o].entity_id != mentions[m].entity_id) {
            *e = None;
        }
    }
    let tokens = &doc.tokens;
    for (m, mention) in mentions.iter().enumerate() {
        let first = tokens.partition_point(|t| t.span.start < mention.span.start);
        let end = tokens.partition_point(|t| t.span.end <= mention.span.end);
        if first >= end {
            continue;
        }
        let words: Vec<&str> = tokens[first..end].iter().map(|t| doc.slice(t.span)).collect();
        if mention.label == Label::Person && words.len() >= 2 {
            let last = words[words.len() - 1];
            if last.chars().count() >= 3 && last.chars().any(char::is_uppercase) {
                add(&mut names, mentions, vec![last], m);
            }
        }
        add(&mut names, mentions, words, m);
    }
    // Never a one-word function word or pronoun ("The", "He" from a mistagged headline), nor a
    // word the document also writes in lower case ("Exchange", "Mining"): those are common words.
    // Only the one-word names' lower-case forms are looked for, behind a first-byte test, so most
    // tokens cost one table read.
    let singles: std::collections::HashSet<String> =
        names.keys().filter(|w| w.len() == 1).map(|w| w[0].to_lowercase()).collect();
    let mut firsts = [false; 256];
    for x in &singles {
        if let Some(&b) = x.as_bytes().first() {
            firsts[b as usize] = true;
        }
    }
    let lower: std::collections::HashSet<&str> = tokens
        .iter()
        .map(|t| doc.slice(t.span))
        .filter(|w| w.as_bytes().first().is_some_and(|&b| firsts[b as usize]) && singles.contains(*w))
        .collect();
    let names: HashMap<Vec<&str>, usize> = names
        .into_iter()
        .filter_map(|(w, m)| {
            let word_like =
                w.iter().all(|x| x.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '&')));
            let capital = w.iter().any(|x| x.chars().any(char::is_uppercase)) && w.concat().chars().count() >= 2;
            let common = w.len() == 1 && (function_word(w[0]) || lower.contains(w[0].to_lowercase().as_str()));
            (word_like && capital && !common).then_some(m).flatten().map(|m| (w, m))
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let longest = names.keys().map(Vec::len).max().unwrap_or(1);
    let starts: std::collections::HashSet<&str> = names.keys().map(|w| w[0]).collect();
    let mut covered: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    covered.sort();
    let mut added = Vec::new();
    let mut window: Vec<&str> = Vec::with_capacity(longest + 1);
    let capital = |w: &str| w.starts_with(char::is_uppercase) && !function_word(w);
    for (si, sentence) in doc.extractable_sentences() {
        let toks = doc.sentence_tokens(sentence);
        let mut i = 0;
        while i < toks.len() {
            let w = doc.slice(toks[i].span);
            // Most tokens are lower-case words: no name starts there.
            let maybe = if w.is_ascii() {
                w.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                w.chars().any(char::is_uppercase)
            };
            if !maybe || !starts.contains(w) {
                i += 1;
                continue;
            }
            window.clear();
            window.extend(toks[i..(i + longest).min(toks.len())].iter().map(|t| doc.slice(t.span)));
            let hit = (1..=window.len()).rev().find_map(|len| names.get(&window[..len]).copied().map(|m| (len, m)));
            let Some((len, m)) = hit else {
                i += 1;
                continue;
            };
            let span = Span { start: toks[i].span.start, end: toks[i + len - 1].span.end };
            // (A sentence's first word is capitalised anyway: "Then Santos left".)
            let before = i > 1 && capital(doc.slice(toks[i - 1].span));
            let after = toks.get(i + len).is_some_and(|t| capital(doc.slice(t.span)));
            let k = covered.partition_point(|c| c.end <= span.start);
            let free = covered.get(k).is_none_or(|c| c.start >= span.end);
            if !before && !after && free {
                let like = &mentions[m];
                added.push(Mention {
                    sentence: si as u32,
                    span,
                    label: like.label,
                    name: like.name.clone(),
                    entity_id: like.entity_id.clone(),
                    confidence: 0.5,
                    method: "alias",
                    rule: Some("name_repeated"),
                    place: None,
                });
            }
            i += len;
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span);
    }
}

/// Tokens never at either end of a name (a closing bracket may end one that opened it:
/// "Mladost ( L )").
fn is_trim(w: &str) -> bool {
    matches!(
        w,
        "'s" | "’s"
            | "'"
            | "’"
            | ","
            | ";"
            | ":"
            | "\""
            | "“"
            | "”"
            | "("
            | "["
            | "-"
            | "—"
            | "–"
            | "?"
            | "!"
            | "."
            | "…"
            | "`"
            | "``"
            | "''"
            | "‘"
    )
}

fn is_opener(w: &str) -> bool {
    matches!(w, "(" | "[")
}

fn is_closer(w: &str) -> bool {
    matches!(w, ")" | "]")
}

/// The comparable form of a name: normalized, without a leading "the".
fn key(name: &str) -> String {
    let n = normalize_name(name);
    match n.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => n,
    }
}

/// Display form of a name: without a leading "The"/"the".
fn display(name: &str) -> &str {
    for p in ["the ", "The ", "THE "] {
        if let Some(rest) = name.strip_prefix(p) {
            if !rest.trim().is_empty() {
                return rest;
            }
        }
    }
    name
}

/// Letters of an acronym ("U.N." → "UN", "NATO" → "NATO"), if `s` looks like one.
fn acronym_letters(s: &str) -> Option<String> {
    let letters: String = s.chars().filter(|c| c.is_alphabetic()).collect();
    let ok = (2..=6).contains(&letters.chars().count())
        && letters.chars().all(char::is_uppercase)
        && s.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&');
    ok.then_some(letters)
}

/// Initials of a multi-word name's content words ("North Atlantic Treaty Organization" → "NATO").
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "the" | "and" | "for" | "&" | "de" | "in" | "on" | "a"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect()
}

fn words_of(key: &str) -> Vec<&str> {
    key.split(' ').collect()
}

/// A surname without its particle: "al-baghdadi" → "baghdadi".
fn strip_particle(word: &str) -> &str {
    match word.split_once('-') {
        Some((head, rest)) if Lexicons::is_name_particle(word) && !rest.is_empty() && head.len() <= 3 => rest,
        _ => word,
    }
}

/// Is the text between a name and its alias only the construction ("(often referred to as",
/// ", also known as")? Any other word ("’s successor, a terrorist known as") names a third thing.
fn alias_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '“' | '"')).filter(|w| !w.is_empty()).all(|w| {
        matches!(
            w,
            "also"
                | "often"
                | "commonly"
                | "better"
                | "widely"
                | "sometimes"
                | "previously"
                | "formerly"
                | "now"
                | "simply"
                | "locally"
                | "popularly"
                | "known"
                | "as"
                | "referred"
                | "to"
                | "called"
                | "dubbed"
                | "aka"
                | "a.k.a."
                | "or"
                | "is"
                | "was"
        )
    })
}

/// Union-find over mention groups.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Clusters the mentions of one document and gives each its canonical name and id.
fn link(doc: &Document, found: Vec<Found>) -> Vec<Mention> {
    if found.is_empty() {
        return Vec::new();
    }
    // 0. A one-word mention that is the surname of a longer PERSON of the document is that
    //    person, whatever the tagger typed it as, unless it was typed a place ("Washington" after
    //    "George Washington" may well be the city) and has no name particle ("al-Rashid").
    //    Looked up in sets, so a long document costs a lookup per mention.
    let mut found = found;
    let surnames: std::collections::HashSet<String> = found
        .iter()
        .filter(|f| f.label == Label::Person)
        .filter_map(|f| {
            let k = key(doc.slice(f.span));
            let mut w = k.rsplitn(2, ' ');
            let last = w.next()?.to_owned();
            w.next().map(|_| last)
        })
        .collect();
    let bare_surnames: std::collections::HashSet<&str> = surnames.iter().map(|s| strip_particle(s)).collect();
    for f in &mut found {
        let surface = doc.slice(f.span);
        if f.label == Label::Person || surface.contains(' ') {
            continue;
        }
        let place = matches!(f.label, Label::Gpe | Label::Loc | Label::Fac);
        let k = key(surface);
        let bare = strip_particle(&k);
        if (!place || Lexicons::is_name_particle(surface)) && (surnames.contains(&k) || bare_surnames.contains(bare)) {
            f.label = Label::Person;
        }
    }

    // 1. Groups of one key (case and "the" differences) and one label. Labels are not voted
    //    across a document: one string is often two things in one text (a city and its team).
    //    Ordered by key, then by the label's name (the order groups had when labels were strings).
    let keys: Vec<(String, Label)> = found.iter().map(|f| (key(doc.slice(f.span)), f.label)).collect();
    let order = |a: &(String, Label), b: &(String, Label)| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str()));
    let mut sorted = keys.clone();
    sorted.sort_by(order);
    sorted.dedup();
    let group_of: Vec<usize> =
        keys.iter().map(|k| sorted.binary_search_by(|s| order(s, k)).expect("a key of its own")).collect();
    let n = sorted.len();
    let label: Vec<Label> = sorted.iter().map(|k| k.1).collect();
    // The first mention of each group (every group has one).
    let mut first = vec![usize::MAX; sorted.len()];
    for (i, &g) in group_of.iter().enumerate().rev() {
        first[g] = i;
    }
    let groups: Vec<String> = sorted.into_iter().map(|k| k.0).collect();

    // 2. Links between groups, from the short form to the long one.
    let mut parent: Vec<usize> = (0..n).collect();
    // 2a. Alias constructions between adjacent mentions: "LONG (SHORT)", "LONG, known as SHORT".
    for i in 1..found.len() {
        let (a, b) = (&found[i - 1], &found[i]);
        if a.sentence != b.sentence {
            continue;
        }
        let gap = &doc.text[a.span.end as usize..b.span.start as usize];
        let gap_l = gap.to_lowercase();
        // "called" or "dubbed" between two names, not set off by a comma or bracket nor after
        // "is" or "was", is the verb ("Lyng called U.S. subsidies nonsensical", "Baker also
        // called Miyazawa"), not "X, also called Y", "X (dubbed Y)", "X is called Y".
        let bare_verb = {
            let t = gap_l.trim_end();
            (t.ends_with("called") || t.ends_with("dubbed"))
                && !gap.contains([',', '('])
                && !gap_l.split_whitespace().any(|w| matches!(w, "is" | "was" | "be" | "been" | "being"))
        };
        let explicit = ["known as", "referred to as", "called", "dubbed", "a.k.a.", "aka"]
            .iter()
            .any(|p| gap_l.trim_end().ends_with(p))
            && alias_gap(&gap_l)
            && !bare_verb;
        let paren = gap.trim() == "(";
        let (ga, gb) = (group_of[i - 1], group_of[i]);
        if ga == gb {
            continue;
        }
        let short = doc.slice(b.span);
        let long = display(doc.slice(a.span));
        let is_acronym = acronym_letters(short).is_some_and(|l| l == initials(long) || long.contains(&l));
        // A place in brackets after a place is where it lies or another place ("Banco Royal do
        // Canada (Brasil)", "Kabul (Afghanistan)"), unless it is the other's acronym; and two
        // countries are never one.
        let place = matches!(label[ga], Label::Gpe | Label::Loc | Label::Fac);
        let two_countries = matches!(
            (lang::en::lists::country(long), lang::en::lists::country(display(short))),
            (Some(x), Some(y)) if x.code != y.code
        );
        // A name in brackets after a name of its label is its alias only when it repeats one of
        // its words ("Abu Bakr al-Baghdadi (al-Baghdadi)"); else it is a team, party or place
        // the tagger gave that label ("R O'Gara (Munster), A Foley (Munster)", which chained a
        // whole line-up into one person).
        let shares_word = {
            let long_words: Vec<String> = long.split_whitespace().map(str::to_lowercase).collect();
            short.split_whitespace().any(|w| long_words.contains(&w.to_lowercase()))
        };
        if !two_countries && (explicit || (paren && (is_acronym || (label[ga] == label[gb] && !place && shares_word))))
        {
            let (ra, rb) = (find(&mut parent, ga), find(&mut parent, gb));
            if ra != rb {
                parent[rb] = ra;
            }
        }
    }
    // 2b. Acronyms of a longer name of the same label anywhere in the document (the longer
    //     names indexed by label and initials: one lookup per acronym).
    let acronyms: Vec<(usize, String)> =
        (0..n).filter_map(|g| Some((g, acronym_letters(display(doc.slice(found[first[g]].span)))?))).collect();
    let mut by_initials: std::collections::HashMap<(Label, String), Vec<usize>> = std::collections::HashMap::new();
    if !acronyms.is_empty() {
        for h in 0..n {
            if words_of(&groups[h]).len() >= 2 {
                by_initials.entry((label[h], initials(display(doc.slice(found[first[h]].span))))).or_default().push(h);
            }
        }
    }
    for (g, letters) in acronyms {
        let targets: Vec<usize> =
            by_initials.get(&(label[g], letters)).into_iter().flatten().copied().filter(|&h| h != g).collect();
        if let [h] = targets[..] {
            let (rg, rh) = (find(&mut parent, g), find(&mut parent, h));
            if rg != rh {
                parent[rg] = rh;
            }
        }
    }
    // 2c. A person's surname or trailing part joins the one longer name ending so. Candidates
    //     come from an index of PERSON names by their last word (without its particle), so a
    //     long document costs a lookup per name, not a scan of every other name.
    let mut by_last: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for h in 0..n {
        if label[h] == Label::Person {
            if let Some(last) = groups[h].rsplit(' ').next() {
                by_last.entry(strip_particle(last)).or_default().push(h);
            }
        }
    }
    for g in 0..n {
        if label[g] != Label::Person {
            continue;
        }
        let short = words_of(&groups[g]);
        let Some(last) = short.last() else { continue };
        let mut targets: Vec<usize> = by_last
            .get(strip_particle(last))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&h| h != g)
            .filter(|&h| {
                let long = words_of(&groups[h]);
                let n = long.len();
                long.len() > short.len()
                    && (long.ends_with(&short)
                        || short.len() == 1 && strip_particle(long[n - 1]) == strip_particle(short[0]))
            })
            .collect();
        targets.sort_unstable();
        // Several longer names may be one person ("Jane Roe", "Jane A. Roe"): fine when the longer
        // names all begin as the longest of them does.
        let Some(&longest) = targets.iter().max_by_key(|&&h| (words_of(&groups[h]).len(), std::cmp::Reverse(h))) else {
            continue;
        };
        let first = |h: usize| words_of(&groups[h])[0].to_owned();
        if targets.iter().all(|&h| first(h) == first(longest)) {
            for &h in &targets {
                let (rh, rl) = (find(&mut parent, h), find(&mut parent, longest));
                if rh != rl {
                    parent[rh] = rl;
                }
            }
            let (rg, rl) = (find(&mut parent, g), find(&mut parent, longest));
            if rg != rl {
                parent[rg] = rl;
            }
        }
    }

    // 3. Each cluster's name: the most complete surface form (most characters, then the first
    //    seen); its label: the label of that name's group (an alias takes its long form's label).
    let mut best: Vec<Option<usize>> = vec![None; n];
    for (i, f) in found.iter().enumerate() {
        let r = find(&mut parent, group_of[i]);
        let name = display(doc.slice(f.span));
        let better = match best[r] {
            None => true,
            Some(j) => name.chars().count() > display(doc.slice(found[j].span)).chars().count(),
        };
        if better {
            best[r] = Some(i);
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let g = group_of[i];
            let r = find(&mut parent, g);
            let j = best[r].unwrap_or(i);
            let label = label[group_of[j]];
            let name = display(doc.slice(found[j].span)).to_owned();
            // A country, by any of its names ("U.S.", "US", "the United States"): one entity in
            // every document and corpus, its id from its ISO code, its name GeoNames'.
            let (entity_id, name) = match (label, lang::en::lists::country(&name)) {
                (Label::Gpe, Some(c)) => {
                    (crate::catalog::gazetteer_id(label.as_str(), "iso", c.code), c.name.to_owned())
                }
                _ => (entity_id(label.as_str(), &name), name),
            };
            Mention {
                sentence: f.sentence,
                span: f.span,
                label,
                entity_id,
                name,
                confidence: f.confidence.clamp(0.0, 1.0),
                method: f.method,
                rule: f.rule,
                place: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
