//! The dataset contract's tables, as data: one [`Table`] per table, one [`Column`] per column.
//!
//! Adding a table is adding one more `Table` here and the rows that fill it; both writers (Parquet
//! and CSV) and `gleaner schema` read this list.

/// The contract's schema version (`manifest.json` → `schema_version`).
pub const SCHEMA_VERSION: u32 = 1;

/// A column's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 string, never null.
    Str,
    /// UTF-8 string or null.
    OptStr,
    /// 64-bit integer, never null.
    Int,
    /// 64-bit float, never null.
    Float,
    /// 64-bit float or null.
    OptFloat,
    /// Boolean, never null.
    Bool,
    /// Calendar date or null (Arrow `Date32`; CSV `YYYY-MM-DD`).
    OptDate,
    /// List of strings (CSV: a JSON array).
    StrList,
}

impl ColumnType {
    /// The name shown by `gleaner schema`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Str => "string",
            ColumnType::OptStr => "string?",
            ColumnType::Int => "int64",
            ColumnType::Float => "float64",
            ColumnType::OptFloat => "float64?",
            ColumnType::Bool => "bool",
            ColumnType::OptDate => "date?",
            ColumnType::StrList => "list<string>",
        }
    }

    /// True when the column may hold nulls.
    pub fn nullable(self) -> bool {
        matches!(self, ColumnType::OptStr | ColumnType::OptFloat | ColumnType::OptDate)
    }

    /// The DuckDB type its CSV column is read as (a list is JSON text, cast after reading).
    pub fn duckdb(self) -> &'static str {
        match self {
            ColumnType::Str | ColumnType::OptStr | ColumnType::StrList => "VARCHAR",
            ColumnType::Int => "BIGINT",
            ColumnType::Float | ColumnType::OptFloat => "DOUBLE",
            ColumnType::Bool => "BOOLEAN",
            ColumnType::OptDate => "DATE",
        }
    }
}

/// The schema as JSON (what `gleaner schema --json` prints and `manifest.json` holds): the schema
/// version and, per table, its columns with type, nullability and meaning.
pub fn schema_json() -> serde_json::Value {
    let tables: Vec<serde_json::Value> = TABLES
        .iter()
        .map(|t| {
            let columns: Vec<serde_json::Value> = t
                .columns
                .iter()
                .map(|c| serde_json::json!({"name": c.name, "type": c.ty.as_str(), "nullable": c.ty.nullable(), "doc": c.doc}))
                .collect();
            serde_json::json!({"name": t.name, "doc": t.doc, "columns": columns})
        })
        .collect();
    serde_json::json!({"schema_version": SCHEMA_VERSION, "tables": tables})
}

/// DuckDB views over a dataset's CSV files in `dir`, each column read as its type, `""` an empty
/// text and an empty field null, lists as lists: what `gleaner schema --duckdb` prints.
pub fn duckdb_views(dir: &str) -> String {
    let mut out = String::new();
    for t in TABLES {
        let columns: Vec<String> = t.columns.iter().map(|c| format!("'{}': '{}'", c.name, c.ty.duckdb())).collect();
        let lists: Vec<String> = t
            .columns
            .iter()
            .filter(|c| c.ty == ColumnType::StrList)
            .map(|c| format!("{0}::JSON::VARCHAR[] AS {0}", c.name))
            .collect();
        let select = if lists.is_empty() { "*".to_owned() } else { format!("* REPLACE ({})", lists.join(", ")) };
        let path = format!("{}/{}.csv", dir.trim_end_matches('/'), t.name).replace('\'', "''");
        out.push_str(&format!(
            "CREATE OR REPLACE VIEW {} AS SELECT {select} FROM read_csv('{path}', header = true, delim = ',', \
             quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = {{{}}});\n",
            t.name,
            columns.join(", ")
        ));
    }
    out
}

/// One column.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Name.
    pub name: &'static str,
    /// Type.
    pub ty: ColumnType,
    /// What it means.
    pub doc: &'static str,
}

/// One table.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// Name (file stem: `data/<name>.parquet`).
    pub name: &'static str,
    /// What one row is.
    pub doc: &'static str,
    /// Columns, in order.
    pub columns: &'static [Column],
}

const fn col(name: &'static str, ty: ColumnType, doc: &'static str) -> Column {
    Column { name, ty, doc }
}

use ColumnType::*;

const SPAN_DOC: &str = "offset into documents.text, in code points";

/// `documents`.
pub const DOCUMENTS: Table = Table {
    name: "documents",
    doc: "one row per input document",
    columns: &[
        col("doc_id", Str, "stable id: the JSONL id, or the path relative to the input root"),
        col("source", Str, "where it came from (relative path, #line for JSONL records)"),
        col("title", OptStr, "from metadata, or a detected title line"),
        col("author", OptStr, "from metadata, or a detected byline"),
        col("published", OptDate, "document creation date: the anchor for relative dates"),
        col("language", Str, "ISO 639-1"),
        col("text", Str, "normalized full text; every offset points into it"),
        col("n_chars", Int, "code points in text"),
        col("n_sentences", Int, "sentences"),
        col("n_tokens", Int, "tokens"),
        col("sha256", Str, "of the original bytes"),
        col("metadata", OptStr, "other JSONL fields, as a JSON object (added to the contract)"),
    ],
};

/// `sentences`.
pub const SENTENCES: Table = Table {
    name: "sentences",
    doc: "one row per sentence",
    columns: &[
        col("doc_id", Str, "document"),
        col("sentence_idx", Int, "0-based within the document"),
        col("paragraph_idx", Int, "0-based within the document"),
        col("start", Int, SPAN_DOC),
        col("end", Int, SPAN_DOC),
        col("text", Str, "documents.text[start:end]"),
        col(
            "zone",
            Str,
            "body, heading, byline or boilerplate; only body and heading are extracted (added to the contract)",
        ),
    ],
};

/// `mentions`.
pub const MENTIONS: Table = Table {
    name: "mentions",
    doc: "one row per entity mention",
    columns: &[
        col("doc_id", Str, "document"),
        col("mention_idx", Int, "0-based within the document"),
        col("sentence_idx", Int, "sentence holding it"),
        col("start", Int, SPAN_DOC),
        col("end", Int, SPAN_DOC),
        col("text", Str, "documents.text[start:end]"),
        col(
            "label",
            Str,
            "OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, MISC",
        ),
        col("entity_id", Str, "entities.entity_id"),
        col("confidence", Float, "0..1"),
        col("method", Str, "model, lexicon, alias, ..."),
    ],
};

/// `entities`.
pub const ENTITIES: Table = Table {
    name: "entities",
    doc: "one row per canonical entity",
    columns: &[
        col("entity_id", Str, "stable: from label and normalized name"),
        col("label", Str, "OntoNotes label"),
        col("name", Str, "the most complete form seen"),
        col("aliases", StrList, "other surface forms linked to it"),
        col("n_mentions", Int, "mentions in the corpus"),
        col("n_documents", Int, "documents mentioning it"),
    ],
};

/// `numbers`.
pub const NUMBERS: Table = Table {
    name: "numbers",
    doc: "one row per number or quantity",
    columns: &[
        col("doc_id", Str, "document"),
        col("number_idx", Int, "0-based within the document"),
        col("sentence_idx", Int, "sentence holding it"),
        col("start", Int, SPAN_DOC),
        col("end", Int, SPAN_DOC),
        col("text", Str, "the whole expression"),
        col("value", OptFloat, "point value; null for a pure range or a vague amount"),
        col("low", OptFloat, "lowest value the text allows"),
        col("high", OptFloat, "highest value the text allows"),
        col("qualifier", Str, "exact, approx, at_least, more_than, at_most, less_than, range, vague"),
        col("kind", Str, "cardinal, ordinal, percent, money, measure, fraction"),
        col("unit", OptStr, "%, USD, km, ..."),
        col("counted", OptStr, "the noun phrase counted"),
        col("event", OptStr, "what happened to what is counted: killed, wounded, ..."),
    ],
};

/// `dates`.
pub const DATES: Table = Table {
    name: "dates",
    doc: "one row per temporal expression (TIMEX3)",
    columns: &[
        col("doc_id", Str, "document"),
        col("date_idx", Int, "0-based within the document"),
        col("sentence_idx", Int, "sentence holding it"),
        col("start", Int, SPAN_DOC),
        col("end", Int, SPAN_DOC),
        col("text", Str, "documents.text[start:end]"),
        col("type", Str, "DATE, TIME, DURATION, SET"),
        col("value", Str, "TIMEX3 value"),
        col("mod", OptStr, "TIMEX3 mod"),
        col("range_start", OptDate, "first day covered"),
        col("range_end", OptDate, "last day covered"),
        col("anchored", Bool, "resolved relative to the document date"),
        col("anchor", OptDate, "the date it was resolved against"),
    ],
};

/// `relations`.
pub const RELATIONS: Table = Table {
    name: "relations",
    doc: "one row per relation between two entities",
    columns: &[
        col("doc_id", Str, "document"),
        col("relation_idx", Int, "0-based within the document"),
        col("sentence_idx", Int, "sentence holding the evidence"),
        col("subject_entity_id", Str, "entities.entity_id"),
        col("subject_text", Str, "documents.text[subject_start:subject_end]"),
        col("subject_start", Int, SPAN_DOC),
        col("subject_end", Int, SPAN_DOC),
        col("predicate", Str, "leader_of, member_of, ..."),
        col("object_entity_id", Str, "entities.entity_id"),
        col("object_text", Str, "documents.text[object_start:object_end]"),
        col("object_start", Int, SPAN_DOC),
        col("object_end", Int, SPAN_DOC),
        col("start", Int, "evidence span start, in code points"),
        col("end", Int, "evidence span end, in code points"),
        col("text", Str, "the evidence"),
        col("confidence", Float, "0..1"),
        col("method", Str, "rule, model, ..."),
    ],
};

/// `errors`.
pub const ERRORS: Table = Table {
    name: "errors",
    doc: "one row per input that could not be fully processed",
    columns: &[
        col("source", Str, "the input"),
        col("stage", Str, "read, decode, segment, extract, ..."),
        col("kind", Str, "machine-readable kind"),
        col("message", Str, "what happened and what to do"),
    ],
};

/// Every table, in the order they are listed and written.
pub const TABLES: [&Table; 8] = [&DOCUMENTS, &SENTENCES, &MENTIONS, &ENTITIES, &NUMBERS, &DATES, &RELATIONS, &ERRORS];
