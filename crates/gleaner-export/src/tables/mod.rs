//! The contract's tables, one file each: a table's columns (name, type, meaning) and the
//! function that turns one row into its cells, declared side by side by [`table!`], so that a
//! column and its cell cannot drift apart. [`REGISTRY`] lists them once, with where their rows
//! come from; [`TABLES`](crate::TABLES) and the writers read it.
//!
//! Adding a table of extracted rows (as `quotes` was): its row type, a `gleaner_extract::Row`,
//! with one line in `gleaner_extract`'s `row_tables!` list; one file here declaring the table
//! and a [`PerDocument`] for it; and one line in [`REGISTRY`].

use gleaner_extract::Extraction;
use gleaner_ingest::{CharIndex, Document, Span};

use crate::schema::Table;
use crate::sink::TableOut;
use crate::ExportError;

/// Declares a table: its constant (`$konst`), name and meaning, and per column its name, type
/// (a [`ColumnType`](crate::ColumnType) variant), meaning, and the expression giving its cell
/// from the row. The cell is built with the [`Cell`](crate::sink::Cell) variant of the column's
/// type, so a value of the wrong type does not compile, and every column has exactly one cell.
/// Generates `pub const $konst: Table` and `fn cells(row, cx) -> [Cell; WIDTH]`.
macro_rules! table {
    (
        $(#[$attr:meta])*
        $konst:ident = $name:literal, $doc:literal,
        |$row:ident: &$lt:lifetime $row_ty:ty, $cx:ident: $cx_ty:ty| {
            $($col:literal: $ty:ident = $cdoc:expr => $val:expr,)*
        }
    ) => {
        $(#[$attr])*
        pub const $konst: crate::schema::Table = crate::schema::Table {
            name: $name,
            doc: $doc,
            columns: &[$(crate::schema::Column { name: $col, ty: crate::schema::ColumnType::$ty, doc: $cdoc }),*],
        };

        /// Columns of the table.
        const WIDTH: usize = [$($col),*].len();

        /// One row's cells, in column order.
        #[allow(clippy::needless_lifetimes)]
        pub(crate) fn cells<$lt>($row: &$lt $row_ty, $cx: $cx_ty) -> [crate::sink::Cell<$lt>; WIDTH] {
            [$(crate::sink::Cell::$ty($val)),*]
        }
    };
}

pub(crate) mod dates;
pub(crate) mod documents;
pub(crate) mod entities;
pub(crate) mod errors;
pub(crate) mod events;
pub(crate) mod mentions;
pub(crate) mod numbers;
pub(crate) mod quotes;
pub(crate) mod relations;
pub(crate) mod sentences;

/// What a row of a document-level table is read with: the document, its code-point index and
/// the row's index within the document.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) index: &'a CharIndex<'a>,
    /// The row's index within the document (`mention_idx`, `sentence_idx`, ...).
    pub(crate) idx: usize,
    /// For a table of rows nested in another's (`event_roles` in `events`), the index within the
    /// document of the first row of the other table in this extraction (the table listed just
    /// before it in [`REGISTRY`]).
    pub(crate) parent_idx: usize,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(doc: &'a Document, index: &'a CharIndex<'a>) -> Cx<'a> {
        Cx { doc, index, idx: 0, parent_idx: 0 }
    }

    /// The document's id.
    pub(crate) fn id(&self) -> &'a str {
        &self.doc.doc_id
    }

    /// The code-point offset of a byte offset of the text.
    pub(crate) fn at(&self, byte: u32) -> i64 {
        i64::from(self.index.char_offset(byte))
    }

    /// The text of a span.
    pub(crate) fn slice(&self, span: Span) -> &'a str {
        self.doc.slice(span)
    }

    /// The row index as a cell value.
    pub(crate) fn idx(&self) -> i64 {
        self.idx as i64
    }
}

/// A table whose rows an extractor makes, document by document: how many rows an
/// [`Extraction`] holds for it, and how they are written.
#[derive(Clone, Copy)]
pub(crate) struct PerDocument {
    pub(crate) len: fn(&Extraction) -> usize,
    /// Writes every row, the first with index `cx.idx`.
    pub(crate) write: fn(&Extraction, Cx<'_>, &mut TableOut) -> Result<(), ExportError>,
}

/// Writes `rows` with `cells`, indices counted on from `cx.idx`.
pub(crate) fn write_each<'a, R, const N: usize>(
    rows: &'a [R],
    mut cx: Cx<'a>,
    out: &mut TableOut,
    cells: fn(&'a R, Cx<'a>) -> [crate::sink::Cell<'a>; N],
) -> Result<(), ExportError> {
    for row in rows {
        out.push(&cells(row, cx))?;
        cx.idx += 1;
    }
    Ok(())
}

/// Where a table's rows come from.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    /// One row per document.
    Document,
    /// One row per sentence.
    Sentence,
    /// Rows extracted from each document.
    Extracted(PerDocument),
    /// One row per corpus entity, written when the dataset is finished.
    Entities,
    /// One row per problem.
    Errors,
}

/// Every table, in the order they are listed and written, with where its rows come from.
pub(crate) const REGISTRY: [(&Table, Source); 11] = [
    (&documents::DOCUMENTS, Source::Document),
    (&sentences::SENTENCES, Source::Sentence),
    (&mentions::MENTIONS, Source::Extracted(mentions::ROWS)),
    (&entities::ENTITIES, Source::Entities),
    (&numbers::NUMBERS, Source::Extracted(numbers::ROWS)),
    (&dates::DATES, Source::Extracted(dates::ROWS)),
    (&relations::RELATIONS, Source::Extracted(relations::ROWS)),
    (&quotes::QUOTES, Source::Extracted(quotes::ROWS)),
    (&events::EVENTS, Source::Extracted(events::ROWS)),
    (&events::roles::EVENT_ROLES, Source::Extracted(events::roles::ROWS)),
    (&errors::ERRORS, Source::Errors),
];

/// Every table, in the order of the registry (`tables/mod.rs`).
pub const TABLES: [&Table; REGISTRY.len()] = {
    let mut out = [REGISTRY[0].0; REGISTRY.len()];
    let mut i = 0;
    while i < REGISTRY.len() {
        out[i] = REGISTRY[i].0;
        i += 1;
    }
    out
};

/// Offsets into `documents.text`, in code points.
pub(crate) const SPAN_DOC: &str = "offset into documents.text, in code points";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_table_has_a_file_name() {
        let mut names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLES.len());
        for t in TABLES {
            let mut cols: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
            cols.sort_unstable();
            cols.dedup();
            assert_eq!(cols.len(), t.columns.len(), "{} repeats a column", t.name);
        }
    }
}
