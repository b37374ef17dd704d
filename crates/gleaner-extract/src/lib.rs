//! Extractors for gleaner: entities, numbers, dates and relations, each behind one seam.
//!
//! An [`Extractor`] is a value with one method: it reads a segmented
//! [`Document`] and appends what it found to an [`Extraction`]. A
//! [`Pipeline`] runs a list of them in order, so a later extractor (relations) sees what earlier ones
//! (entities) found. Extractors do no IO and never fail: odd text yields fewer rows and, where
//! useful, an [`Issue`](gleaner_ingest::Issue) in [`Extraction::issues`].
//!
//! Offsets are byte [`Span`](gleaner_ingest::Span)s of the document text; the export crate turns them into the
//! contract's code-point offsets.
//!
//! ```
//! use gleaner_extract::{entity_id, Extraction, Extractor, Mention, Pipeline};
//! use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument};
//!
//! /// A toy extractor: every capitalized "Lisbon" is a GPE.
//! #[derive(Debug)]
//! struct Lisbon;
//! impl Extractor for Lisbon {
//!     fn name(&self) -> &'static str { "lisbon" }
//!     fn extract(&self, doc: &Document, out: &mut Extraction) {
//!         for (i, sentence) in doc.extractable_sentences() {
//!             for token in doc.sentence_tokens(sentence) {
//!                 if doc.slice(token.span) == "Lisbon" {
//!                     out.mentions.push(Mention {
//!                         sentence: i as u32, span: token.span, label: "GPE", name: "Lisbon".into(),
//!                         entity_id: entity_id("GPE", "Lisbon"), confidence: 1.0, method: "lexicon",
//!                     });
//!                 }
//!             }
//!         }
//!     }
//! }
//!
//! let raw = RawDocument { doc_id: "d".into(), source: "d.txt".into(),
//!     body: Body::Text("The airport in Lisbon was closed.".into()), meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Lisbon).run(&doc);
//! assert_eq!(found.mentions.len(), 1);
//! assert_eq!(doc.slice(found.mentions[0].span), "Lisbon");
//! ```
#![deny(missing_docs)]

mod catalog;
pub mod dates;
pub mod entities;
pub mod guard;
mod linear;
pub mod numbers;
#[cfg(test)]
mod properties;
pub mod relations;
#[cfg(test)]
mod testkit;
mod types;
mod words;

pub use catalog::{entity_id, normalize_name, EntityCatalog, EntityRecord};
pub use types::{
    Argument, DateMention, Extraction, Mention, NumberKind, NumberMention, Qualifier, Relation, TimexType,
};

use gleaner_ingest::{Document, Issue};

/// A named rule of an extractor: what a `rule` value of its rows means, with short sentences that
/// yield a row of that rule (a test runs them all). See [`numbers::RULES`] and [`relations::RULES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable snake_case name written in the `rule` column.
    pub name: &'static str,
    /// What the rule reads, in one line.
    pub meaning: &'static str,
    /// Sentences that yield at least one row with this rule name.
    pub examples: &'static [&'static str],
}

/// One extractor: reads a document, appends what it finds.
pub trait Extractor: Send + Sync + std::fmt::Debug {
    /// A short name, used in diagnostics and the run manifest.
    fn name(&self) -> &'static str;
    /// Appends findings for `doc` to `out`. Must not read sentences outside extractable zones.
    fn extract(&self, doc: &Document, out: &mut Extraction);
}

/// An ordered list of extractors.
#[derive(Debug, Default)]
pub struct Pipeline {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Pipeline {
    /// An empty pipeline.
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// The extractors `gleaner run` uses: dates, then numbers (which leaves to `dates` what a date
    /// expression covers), then entities, then relations between them (shipped models).
    pub fn standard() -> Pipeline {
        Pipeline::new()
            .with(dates::Dates)
            .with(numbers::Numbers)
            .with(entities::Entities::shipped())
            .with(relations::Relations::shipped())
    }

    /// Adds an extractor at the end.
    pub fn with(mut self, extractor: impl Extractor + 'static) -> Pipeline {
        self.extractors.push(Box::new(extractor));
        self
    }

    /// The extractors, in order.
    pub fn extractors(&self) -> impl Iterator<Item = &dyn Extractor> {
        self.extractors.iter().map(|e| e.as_ref())
    }

    /// Names of the extractors, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.name()).collect()
    }

    /// Runs every extractor on `doc`; rows come out sorted by position.
    ///
    /// An extractor that panics, or writes a row whose span does not slice the text (a bug),
    /// loses its rows for this document, which get an `errors` row of kind `internal_error`
    /// saying where; the extractors after it still run.
    pub fn run(&self, doc: &Document) -> Extraction {
        let mut out = Extraction::default();
        for e in &self.extractors {
            let lengths = out.lengths();
            let outcome = guard::catch(|| e.extract(doc, &mut out))
                .and_then(|()| out.bad_row(doc, lengths).map_or(Ok(()), |row| Err(format!("it wrote {row}"))));
            if let Err(why) = outcome {
                out.truncate(lengths);
                out.issues.push(Issue::new(
                    doc.source.clone(),
                    "extract",
                    "internal_error",
                    format!(
                        "the {} extractor failed on this document and its rows for it are left out: {why}. \
                         This is a bug in gleaner; please report it with the document",
                        e.name()
                    ),
                ));
            }
        }
        out.sort();
        out
    }
}
