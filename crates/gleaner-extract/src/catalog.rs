//! Canonical entities across a corpus: stable ids, names, aliases and counts.

use std::collections::{BTreeMap, BTreeSet};

use gleaner_ingest::Document;
use xxhash_rust::xxh3::xxh3_64;

use crate::{Extraction, Label};

/// Lower-cases, folds curly apostrophes and collapses white space: the form ids are made from.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// A name as a reader writes it: white space runs (a line break of hard-wrapped text, a tab)
/// as one space, none at the ends. Mentions keep their exact span; names and aliases are this.
pub fn collapse_space(name: &str) -> std::borrow::Cow<'_, str> {
    let spaced =
        name.split_whitespace().map(str::len).sum::<usize>() + name.split_whitespace().count().saturating_sub(1);
    if spaced == name.len() && !name.contains(|c: char| c.is_whitespace() && c != ' ') {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// How good a form is as an entity's name, the best ranking highest. A total order over the
/// forms alone, so any order of documents, and Spark's merge of batches, picks the same name:
///
/// 1. a form with a capital letter over one without ("ACME" over "acme");
/// 2. an acronym, one word of up to three letters in capitals ("US" over a title's "Us");
/// 3. fewer badly cased words: a word of four letters or more all in capitals, as headlines
///    write them ("Japan" over "JAPAN", "United States" over "UNITED States"), one whose
///    first two letters are capitals before a small one ("COmmission"), or a short function
///    word capitalized inside the name, as titles write it ("Bank of America" over "Bank Of
///    America");
/// 4. the longest, then the first in code-point order.
pub fn name_rank(name: &str) -> (bool, bool, std::cmp::Reverse<usize>, usize, std::cmp::Reverse<&str>) {
    let capital = name.chars().any(char::is_uppercase);
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = !name.contains(char::is_whitespace)
        && (1..=3).contains(&letters(name))
        && !name.chars().any(char::is_lowercase);
    let bad = name
        .split_whitespace()
        .enumerate()
        .filter(|&(i, w)| {
            let shouted = letters(w) >= 4 && !w.chars().any(char::is_lowercase);
            let mut cs = w.chars().filter(|c| c.is_alphabetic());
            let slipped = matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some(b), Some(c))
                if a.is_uppercase() && b.is_uppercase() && c.is_lowercase());
            let titled = i > 0
                && matches!(
                    w,
                    "Of" | "And"
                        | "The"
                        | "For"
                        | "In"
                        | "On"
                        | "At"
                        | "To"
                        | "De"
                        | "Du"
                        | "La"
                        | "Le"
                        | "Von"
                        | "Van"
                        | "Der"
                        | "Del"
                        | "Da"
                );
            shouted || slipped || titled
        })
        .count();
    (capital, acronym, std::cmp::Reverse(bad), name.chars().count(), std::cmp::Reverse(name))
}

/// The stable id of an entity: label and normalized name through xxh3-64 (fixed by its
/// specification), e.g. `GPE:5f1c0a9e2b3d4c6f`. Never depends on row order or thread count.
pub fn entity_id(label: &str, name: &str) -> String {
    let key = format!("{label}\u{1f}{}", normalize_name(name));
    format!("{label}:{:016x}", xxh3_64(key.as_bytes()))
}

/// The stable id of an entity known by a gazetteer key (`scheme` "iso" and `key` "US" for a
/// country): the same in every corpus, whatever the name it was written with. Shaped as
/// [`entity_id`]'s, and never equal to one (the key is hashed with its scheme).
pub fn gazetteer_id(label: &str, scheme: &str, key: &str) -> String {
    let key = format!("{label}\u{1f}{scheme}\u{1e}{key}");
    format!("{label}:{:016x}", xxh3_64(key.as_bytes()))
}

/// One row of the `entities` table.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRecord {
    /// Stable id.
    pub entity_id: String,
    /// Label.
    pub label: Label,
    /// Its name: the best of its forms by [`name_rank`], white space collapsed.
    pub name: String,
    /// Other surface forms, white space collapsed, sorted.
    pub aliases: BTreeSet<String>,
    /// Mentions across the corpus.
    pub n_mentions: u64,
    /// Documents mentioning it.
    pub n_documents: u64,
    /// Where it is on the map (a place), or its country (a NORP demonym): see [`crate::places`].
    pub place: Option<&'static crate::places::Place>,
}

/// The place columns of an `entities` row (the contract's v2), null when unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PlaceColumns {
    /// ISO 3166-1 alpha-2 code of a place's country, or of a demonym's.
    pub country_code: Option<&'static str>,
    /// GeoNames id of a place.
    pub geonames_id: Option<i64>,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// Its first-level division (a division's own name).
    pub admin1: Option<&'static str>,
}

impl EntityRecord {
    /// Its place columns: a place's country, GeoNames id, point and division; a NORP demonym's
    /// country only.
    pub fn place_columns(&self) -> PlaceColumns {
        match self.place {
            None => PlaceColumns::default(),
            Some(p) if self.label == Label::Norp => {
                PlaceColumns { country_code: Some(p.country), ..PlaceColumns::default() }
            }
            Some(p) => PlaceColumns {
                country_code: Some(p.country),
                geonames_id: Some(i64::from(p.geonames_id)),
                lat: p.lat,
                lon: p.lon,
                admin1: p.admin1,
            },
        }
    }
}

/// Accumulates entities over a corpus, one document at a time, in any order: the result is the
/// same (records are keyed and sorted by id).
#[derive(Debug, Default)]
pub struct EntityCatalog {
    records: BTreeMap<String, EntityRecord>,
    /// The document added last and the entities seen in it so far: a long document comes in
    /// parts, and counts once.
    current: String,
    seen_here: BTreeSet<String>,
}

impl EntityCatalog {
    /// An empty catalog.
    pub fn new() -> EntityCatalog {
        EntityCatalog::default()
    }

    /// Adds the mentions of one document, or of one part of it (the parts of a document one
    /// after the other: `n_documents` counts it once).
    pub fn add(&mut self, doc: &Document, found: &Extraction) {
        if self.current != doc.doc_id {
            self.current.clone_from(&doc.doc_id);
            self.seen_here.clear();
        }
        for m in &found.mentions {
            let rec = self.records.entry(m.entity_id.clone()).or_insert_with(|| EntityRecord {
                entity_id: m.entity_id.clone(),
                label: m.label,
                name: collapse_space(&m.name).into_owned(),
                aliases: BTreeSet::new(),
                n_mentions: 0,
                n_documents: 0,
                place: m.place,
            });
            rec.n_mentions += 1;
            // Most mentions repeat the name and a surface already seen: nothing is allocated
            // or ranked for them.
            let name = collapse_space(&m.name);
            if *name != rec.name && name_rank(&name) > name_rank(&rec.name) {
                let old = std::mem::replace(&mut rec.name, name.into_owned());
                rec.aliases.remove(&rec.name);
                rec.aliases.insert(old);
            }
            let surface = collapse_space(doc.slice(m.span));
            if *surface != rec.name && !rec.aliases.contains(&*surface) {
                rec.aliases.insert(surface.into_owned());
            }
            if !self.seen_here.contains(&m.entity_id) {
                self.seen_here.insert(m.entity_id.clone());
                rec.n_documents += 1;
            }
        }
    }

    /// Adds a finished record (one of an `entities` table read back), replacing one of its id.
    pub fn insert(&mut self, rec: EntityRecord) {
        self.records.insert(rec.entity_id.clone(), rec);
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when no entity was added.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The records, sorted by id.
    pub fn records(&self) -> impl Iterator<Item = &EntityRecord> {
        self.records.values()
    }

    /// Moves the mentions and documents the corpus joins gave a longer name from the lone
    /// surname's record to that name's (whose `aliases` gain the surname's forms); a surname
    /// left with no mention is gone. The long name stays the name: it is the complete form.
    pub fn apply_joins(&mut self, joins: &crate::CorpusJoins) {
        // A document that joined two lone forms to one name counts once for it.
        for (target, documents) in joins.gained() {
            if let Some(long) = self.records.get_mut(target) {
                long.n_documents += documents;
            }
        }
        for (lone, target, mentions, documents) in joins.moved() {
            let Some(rec) = self.records.get_mut(lone) else { continue };
            rec.n_mentions = rec.n_mentions.saturating_sub(mentions);
            rec.n_documents = rec.n_documents.saturating_sub(documents);
            let forms: Vec<String> = std::iter::once(rec.name.clone()).chain(rec.aliases.iter().cloned()).collect();
            if rec.n_mentions == 0 {
                self.records.remove(lone);
            }
            let Some(long) = self.records.get_mut(target) else { continue };
            long.n_mentions += mentions;
            for form in forms {
                if form != long.name {
                    long.aliases.insert(form);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mention;
    use gleaner_ingest::{ingest, Body, Metadata, RawDocument, Span};

    fn doc(text: &str) -> Document {
        let raw = RawDocument {
            doc_id: text.into(),
            source: "t".into(),
            body: Body::Text(text.into()),
            meta: Metadata::default(),
            issues: vec![],
        };
        ingest(raw).unwrap().0
    }

    /// Names and aliases have their white space collapsed; the well-cased form is the name,
    /// whatever order the documents come in.
    #[test]
    fn names_are_collapsed_and_well_cased_in_any_order() {
        let texts = ["UNITED STATES forces left.", "UNITED States aid grew.", "The United\nStates voted."];
        let forms = ["UNITED STATES", "UNITED States", "United\nStates"];
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let mut catalog = EntityCatalog::new();
            for k in order {
                let d = doc(texts[k]);
                let m = Mention {
                    label: Label::Gpe,
                    entity_id: entity_id("GPE", "united states"),
                    ..mention(&d, forms[k], forms[k])
                };
                catalog.add(&d, &Extraction { mentions: vec![m], ..Extraction::default() });
            }
            let r = catalog.records().next().unwrap();
            assert_eq!(r.name, "United States", "order {order:?}");
            assert_eq!(r.aliases.iter().collect::<Vec<_>>(), ["UNITED STATES", "UNITED States"], "order {order:?}");
        }
        assert!(name_rank("ACME") > name_rank("acme") && name_rank("US") > name_rank("Us"));
        assert!(name_rank("Japan") > name_rank("JAPAN") && name_rank("Commission") > name_rank("COmmission"));
        assert!(name_rank("IBM Corp") > name_rank("IBM CORP"));
        assert!(name_rank("Bank of America") > name_rank("Bank Of America"));
        assert!(name_rank("United States") > name_rank("United states"));
    }

    fn mention(doc: &Document, surface: &str, name: &str) -> Mention {
        let start = doc.text.find(surface).unwrap();
        Mention {
            sentence: 0,
            span: Span::new(start, start + surface.len()),
            label: Label::Org,
            name: name.into(),
            entity_id: entity_id("ORG", name),
            confidence: 1.0,
            method: "test",
            rule: None,
            place: None,
        }
    }

    #[test]
    fn catalog_counts_documents_and_collects_aliases() {
        let mut catalog = EntityCatalog::new();
        let a = doc("ACME struck. ACME claimed it.");
        let found = Extraction {
            mentions: vec![mention(&a, "ACME", "ACME"), mention(&a, "ACME claimed", "ACME")],
            ..Extraction::default()
        };
        catalog.add(&a, &found);
        let b = doc("The Acme Mining Company, or acme, grew.");
        let found = Extraction { mentions: vec![mention(&b, "acme", "acme")], ..Extraction::default() };
        catalog.add(&b, &found);
        let records: Vec<&EntityRecord> = catalog.records().collect();
        assert_eq!(records.len(), 1, "one entity: ids come from the normalized name");
        let r = records[0];
        assert_eq!((r.n_mentions, r.n_documents), (3, 2));
        assert_eq!(r.name, "ACME", "capitals (an acronym) over lower case");
        assert_eq!(r.aliases.iter().collect::<Vec<_>>(), ["ACME claimed", "acme"]);
    }

    #[test]
    fn ids_are_stable_and_normalized() {
        assert_eq!(entity_id("ORG", "Red  Cross"), entity_id("ORG", "red cross"));
        assert_ne!(entity_id("ORG", "Ford"), entity_id("PERSON", "Ford"));
        // Fixed by xxh3's specification: this value must never change between releases.
        assert_eq!(entity_id("GPE", "Lisbon"), format!("GPE:{:016x}", xxh3_64("GPE\u{1f}lisbon".as_bytes())));
        assert_eq!(normalize_name("O’Neill’s"), "o'neill's");
    }
}
