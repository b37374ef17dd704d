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

/// The stable id of an entity: label and normalized name through xxh3-64 (fixed by its
/// specification), e.g. `GPE:5f1c0a9e2b3d4c6f`. Never depends on row order or thread count.
pub fn entity_id(label: &str, name: &str) -> String {
    let key = format!("{label}\u{1f}{}", normalize_name(name));
    format!("{label}:{:016x}", xxh3_64(key.as_bytes()))
}

/// One row of the `entities` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRecord {
    /// Stable id.
    pub entity_id: String,
    /// Label.
    pub label: Label,
    /// Most complete name.
    pub name: String,
    /// Other surface forms, sorted.
    pub aliases: BTreeSet<String>,
    /// Mentions across the corpus.
    pub n_mentions: u64,
    /// Documents mentioning it.
    pub n_documents: u64,
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
                name: m.name.clone(),
                aliases: BTreeSet::new(),
                n_mentions: 0,
                n_documents: 0,
            });
            rec.n_mentions += 1;
            // Keep the most complete name; ties go to the lexicographically smaller one.
            if (m.name.chars().count(), std::cmp::Reverse(&m.name))
                > (rec.name.chars().count(), std::cmp::Reverse(&rec.name))
            {
                let old = std::mem::replace(&mut rec.name, m.name.clone());
                rec.aliases.insert(old);
            }
            let surface = doc.slice(m.span);
            if surface != rec.name {
                rec.aliases.insert(surface.to_owned());
            }
            rec.aliases.remove(&rec.name);
            if !self.seen_here.contains(&m.entity_id) {
                self.seen_here.insert(m.entity_id.clone());
                rec.n_documents += 1;
            }
        }
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
        assert_eq!(r.name, "ACME", "ties keep the smaller name: upper case sorts first");
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
