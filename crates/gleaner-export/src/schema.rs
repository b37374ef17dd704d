//! The dataset contract's tables, as data: one [`Table`] per table, one [`Column`] per column.
//!
//! Each table is declared, with the function that turns a row into its cells, in one file of
//! `tables/` (see the `table!` macro there); every sink (Parquet, CSV, memory), `gleaner schema`,
//! `manifest.json` and the Python package read the list [`TABLES`](crate::TABLES).

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
    /// 64-bit integer or null.
    OptInt,
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
            ColumnType::OptInt => "int64?",
            ColumnType::Float => "float64",
            ColumnType::OptFloat => "float64?",
            ColumnType::Bool => "bool",
            ColumnType::OptDate => "date?",
            ColumnType::StrList => "list<string>",
        }
    }

    /// True when the column may hold nulls.
    pub fn nullable(self) -> bool {
        matches!(self, ColumnType::OptStr | ColumnType::OptInt | ColumnType::OptFloat | ColumnType::OptDate)
    }

    /// The DuckDB type its CSV column is read as (a list is JSON text, cast after reading).
    pub fn duckdb(self) -> &'static str {
        match self {
            ColumnType::Str | ColumnType::OptStr | ColumnType::StrList => "VARCHAR",
            ColumnType::Int | ColumnType::OptInt => "BIGINT",
            ColumnType::Float | ColumnType::OptFloat => "DOUBLE",
            ColumnType::Bool => "BOOLEAN",
            ColumnType::OptDate => "DATE",
        }
    }
}

/// The schema as JSON (what `gleaner schema --json` prints and `manifest.json` holds): the schema
/// version and, per table, its columns with type, nullability and meaning.
pub fn schema_json() -> serde_json::Value {
    let tables: Vec<serde_json::Value> = crate::TABLES
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
    for t in crate::TABLES {
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
