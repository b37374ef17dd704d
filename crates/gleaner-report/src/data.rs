//! The dataset's tables and the indexes the pages need: rows by document, entities by id,
//! mentions by entity, sentences by (document, sentence_idx).

use std::collections::HashMap;
use std::path::Path;

use crate::table::Table;
use crate::ReportError;

/// Every table of a dataset folder, with its indexes.
#[derive(Debug)]
pub(crate) struct Data {
    pub(crate) docs: Table,
    pub(crate) sentences: Table,
    pub(crate) mentions: Table,
    pub(crate) entities: Table,
    pub(crate) dates: Table,
    pub(crate) numbers: Table,
    pub(crate) quotes: Table,
    pub(crate) events: Table,
    pub(crate) roles: Table,
    pub(crate) relations: Table,
    pub(crate) errors: Table,
    /// Row of `documents` by doc_id.
    pub(crate) doc_row: HashMap<String, usize>,
    /// Row of `entities` by entity_id.
    pub(crate) entity_row: HashMap<String, usize>,
    /// Rows of each table by document row.
    pub(crate) by_doc: ByDoc,
    /// Rows of `mentions` by entity row.
    pub(crate) mentions_of: Vec<Vec<usize>>,
    /// Rows of `relations` by entity row (as subject or object).
    pub(crate) relations_of: Vec<Vec<usize>>,
    /// Rows of `event_roles` by entity row.
    pub(crate) roles_of: Vec<Vec<usize>>,
}

/// For each document (by its row), the rows of each table that belong to it, in file order.
#[derive(Debug, Default)]
pub(crate) struct ByDoc {
    pub(crate) sentences: Vec<Vec<usize>>,
    pub(crate) mentions: Vec<Vec<usize>>,
    pub(crate) dates: Vec<Vec<usize>>,
    pub(crate) numbers: Vec<Vec<usize>>,
    pub(crate) quotes: Vec<Vec<usize>>,
    pub(crate) events: Vec<Vec<usize>>,
    pub(crate) roles: Vec<Vec<usize>>,
    pub(crate) relations: Vec<Vec<usize>>,
}

impl Data {
    pub(crate) fn read(dir: &Path) -> Result<Data, ReportError> {
        let docs = Table::read(dir, "documents", false)?;
        // A doc_id told twice (gleaner never writes one) names its first row.
        let mut doc_row: HashMap<String, usize> = HashMap::with_capacity(docs.rows);
        for r in 0..docs.rows {
            doc_row.entry(docs.str("doc_id", r).to_owned()).or_insert(r);
        }
        let group = |t: &Table| {
            let mut by = vec![Vec::new(); docs.rows];
            for r in 0..t.rows {
                if let Some(&d) = doc_row.get(t.str("doc_id", r)) {
                    by[d].push(r);
                }
            }
            by
        };
        let sentences = Table::read(dir, "sentences", false)?;
        let mentions = Table::read(dir, "mentions", false)?;
        let entities = Table::read(dir, "entities", false)?;
        let dates = Table::read(dir, "dates", true)?;
        let numbers = Table::read(dir, "numbers", true)?;
        let quotes = Table::read(dir, "quotes", true)?;
        let events = Table::read(dir, "events", true)?;
        let roles = Table::read(dir, "event_roles", true)?;
        let relations = Table::read(dir, "relations", true)?;
        let errors = Table::read(dir, "errors", true)?;
        let by_doc = ByDoc {
            sentences: group(&sentences),
            mentions: group(&mentions),
            dates: group(&dates),
            numbers: group(&numbers),
            quotes: group(&quotes),
            events: group(&events),
            roles: group(&roles),
            relations: group(&relations),
        };
        let entity_row: HashMap<String, usize> =
            (0..entities.rows).map(|r| (entities.str("entity_id", r).to_owned(), r)).collect();
        let mut mentions_of = vec![Vec::new(); entities.rows];
        for r in 0..mentions.rows {
            if let Some(&e) = entity_row.get(mentions.str("entity_id", r)) {
                mentions_of[e].push(r);
            }
        }
        let mut relations_of = vec![Vec::new(); entities.rows];
        for r in 0..relations.rows {
            let s = entity_row.get(relations.str("subject_entity_id", r));
            let o = entity_row.get(relations.str("object_entity_id", r));
            for &e in s.iter().chain(o.iter().filter(|&&o| Some(o) != s)) {
                relations_of[*e].push(r);
            }
        }
        let mut roles_of = vec![Vec::new(); entities.rows];
        for r in 0..roles.rows {
            if let Some(&e) = entity_row.get(roles.str("entity_id", r)) {
                roles_of[e].push(r);
            }
        }
        Ok(Data {
            docs,
            sentences,
            mentions,
            entities,
            dates,
            numbers,
            quotes,
            events,
            roles,
            relations,
            errors,
            doc_row,
            entity_row,
            by_doc,
            mentions_of,
            relations_of,
            roles_of,
        })
    }

    /// The row of sentence `idx` of document row `doc`.
    pub(crate) fn sentence(&self, doc: usize, idx: i64) -> Option<usize> {
        let rows = &self.by_doc.sentences[doc];
        // Sentences come in order, numbered from 0: try the direct place first.
        let direct = usize::try_from(idx).ok().and_then(|i| rows.get(i)).copied();
        direct
            .filter(|&r| self.sentences.int("sentence_idx", r) == Some(idx))
            .or_else(|| rows.iter().copied().find(|&r| self.sentences.int("sentence_idx", r) == Some(idx)))
    }

    /// A document's title, or its id when it has none.
    pub(crate) fn doc_title(&self, doc: usize) -> &str {
        match self.docs.text("title", doc) {
            Some(t) if !t.trim().is_empty() => t,
            _ => self.docs.str("doc_id", doc),
        }
    }
}
