//! Extractors for gleaner: entities, numbers, dates and relations, each behind one seam.
//!
//! An [`Extractor`] is a value with one method: it reads a segmented
//! [`Document`] and appends what it found to an [`Extraction`]. A
//! [`Pipeline`] runs a list of them in order, so a later extractor (relations) sees what earlier ones
//! (entities) found. Extractors do no IO and never fail: odd text yields fewer rows and, where
//! useful, an [`Issue`] in [`Extraction::issues`].
//!
//! Offsets are byte [`Span`](gleaner_ingest::Span)s of the document text; the export crate turns them into the
//! contract's code-point offsets.
//!
//! ```
//! use gleaner_extract::{entity_id, Extraction, Extractor, Label, Mention, Pipeline, Rows};
//! use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument};
//!
//! /// A toy extractor: every capitalized "Lisbon" is a GPE.
//! #[derive(Debug)]
//! struct Lisbon;
//! impl Extractor for Lisbon {
//!     fn name(&self) -> &'static str { "lisbon" }
//!     fn makes(&self) -> &'static [Rows] { &[Rows::Mentions] }
//!     fn extract(&self, doc: &Document, out: &mut Extraction) {
//!         for (i, sentence) in doc.extractable_sentences() {
//!             for token in doc.sentence_tokens(sentence) {
//!                 if doc.slice(token.span) == "Lisbon" {
//!                     out.mentions.push(Mention {
//!                         sentence: i as u32, span: token.span, label: Label::Gpe, name: "Lisbon".into(),
//!                         entity_id: entity_id(Label::Gpe.as_str(), "Lisbon"), confidence: 1.0, method: "lexicon",
//!                         rule: Some("lisbon"), place: None,
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
mod corpus;
pub mod dates;
pub mod entities;
pub mod events;
pub mod guard;
mod hash;
mod linear;
pub mod numbers;
mod numeral;
pub mod overlap;
pub mod places;
#[cfg(test)]
mod properties;
pub mod quotes;
pub mod relations;
mod resources;
#[cfg(test)]
mod testkit;
mod types;
mod words;

pub use catalog::{
    collapse_space, entity_id, gazetteer_id, name_rank, normalize_name, EntityCatalog, EntityRecord, PlaceColumns,
};
pub use corpus::CorpusJoins;
pub use resources::Resources;
pub use types::{
    Argument, DateMention, Event, EventDate, EventPlace, EventRole, EventRoleKind, EventType, Extraction, Label,
    Mention, NumberKind, NumberMention, Predicate, Qualifier, Quote, QuoteKind, Relation, Row, Rows, TimexMod,
    TimexType,
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
    /// The rows it appends.
    fn makes(&self) -> &'static [Rows];
    /// The rows it reads, which an extractor before it in the [`Pipeline`] must make.
    fn needs(&self) -> &'static [Rows] {
        &[]
    }
    /// Appends findings for `doc` to `out`. Must not read sentences outside extractable zones.
    fn extract(&self, doc: &Document, out: &mut Extraction);
}

/// An ordered list of extractors, checked when it is built: each finds what it needs made by
/// one before it. After the extractors, one named step settles what two of them both claim
/// ([`Pipeline::run`]).
#[derive(Debug, Default)]
pub struct Pipeline {
    extractors: Vec<Box<dyn Extractor>>,
}

/// An extractor added before what it needs is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderError {
    /// The extractor.
    pub extractor: &'static str,
    /// The table it reads.
    pub needs: &'static str,
}

impl std::fmt::Display for OrderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the {} extractor needs {}, which no extractor before it makes: add one that makes them first",
            self.extractor, self.needs
        )
    }
}

impl std::error::Error for OrderError {}

impl Pipeline {
    /// An empty pipeline.
    pub fn new() -> Pipeline {
        Pipeline::default()
    }

    /// The extractors `gleaner run` uses: dates, numbers, then entities, then relations between
    /// them, with the shipped models.
    pub fn standard() -> Pipeline {
        Pipeline::with_resources(&Resources::shipped())
    }

    /// The standard extractors with the models of `resources` (a tagger of your own, say): the
    /// relations extractor reads the word clusters of the tagger the entities come from.
    pub fn with_resources(resources: &Resources) -> Pipeline {
        Pipeline::new()
            .with(dates::Dates)
            .with(numbers::Numbers)
            .with(entities::Entities::new(resources))
            .with(relations::Relations::new(resources))
            .with(quotes::Quotes)
            .with(events::Events)
    }

    /// Adds an extractor at the end.
    ///
    /// # Panics
    ///
    /// When the extractor needs rows that no extractor before it makes (a programming error,
    /// caught where the pipeline is built; [`Pipeline::try_with`] returns it instead).
    pub fn with(self, extractor: impl Extractor + 'static) -> Pipeline {
        match self.try_with(extractor) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    /// Adds an extractor at the end, or says which rows it needs that no extractor before it
    /// makes.
    pub fn try_with(mut self, extractor: impl Extractor + 'static) -> Result<Pipeline, OrderError> {
        let made = |rows: &Rows| self.extractors.iter().any(|e| e.makes().contains(rows));
        if let Some(missing) = extractor.needs().iter().find(|r| !made(r)) {
            return Err(OrderError { extractor: extractor.name(), needs: missing.as_str() });
        }
        self.extractors.push(Box::new(extractor));
        Ok(self)
    }

    /// The extractors, in order.
    pub fn extractors(&self) -> impl Iterator<Item = &dyn Extractor> {
        self.extractors.iter().map(|e| e.as_ref())
    }

    /// Names of the extractors, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.name()).collect()
    }

    /// Runs every extractor on `doc`, then settles overlaps ([`overlap::dates_over_numbers`]);
    /// rows come out sorted by position.
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
        overlap::dates_over_numbers(&mut out);
        out
    }
}

#[cfg(test)]
mod pipeline_tests {
    use super::*;

    #[test]
    fn an_extractor_before_what_it_needs_is_refused_when_the_pipeline_is_built() {
        let err = Pipeline::new().try_with(relations::Relations::rules_only()).unwrap_err();
        assert_eq!(err, OrderError { extractor: "relations", needs: "mentions" });
        assert!(err.to_string().contains("needs mentions"));
        let ok = Pipeline::new().with(entities::Entities::shipped()).try_with(relations::Relations::rules_only());
        assert_eq!(ok.map(|p| p.names()).unwrap(), ["entities", "relations"]);
    }

    #[test]
    fn a_date_wins_over_a_number_whatever_order_they_ran_in() {
        let text = "The war lasted nearly 20 years and killed 13 people in 2021.";
        let doc = testkit::doc(text, Some("2021-08-27"));
        for pipeline in [
            Pipeline::new().with(dates::Dates).with(numbers::Numbers),
            Pipeline::new().with(numbers::Numbers).with(dates::Dates),
        ] {
            let found = pipeline.run(&doc);
            let numbers: Vec<&str> = found.numbers.iter().map(|n| doc.slice(n.span)).collect();
            assert_eq!(numbers, ["13"], "{:?}", pipeline.names());
        }
        // Alone, the numbers extractor keeps what a date would have claimed.
        let alone = Pipeline::new().with(numbers::Numbers).run(&doc);
        assert!(alone.numbers.len() > 1);
    }
}
