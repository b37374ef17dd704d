//! A dataset table read whole from its Parquet file, column by column, into plain vectors.

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float32Type, Float64Type, Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::ReportError;

/// One column's values, nulls as `None` (the report reads no other kinds of column).
#[derive(Debug)]
pub(crate) enum Column {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    List(Vec<Vec<String>>),
}

/// A table: its rows' count and its columns by name. A column the file lacks reads as nulls,
/// so a dataset of an older schema still makes a report.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) rows: usize,
    columns: HashMap<String, Column>,
}

impl Table {
    /// Reads `<dir>/<name>.parquet`; a missing file is an empty table when `optional`.
    pub(crate) fn read(dir: &Path, name: &str, optional: bool) -> Result<Table, ReportError> {
        let path = dir.join(format!("{name}.parquet"));
        if !path.exists() {
            return if optional { Ok(Table::default()) } else { Err(ReportError::Missing { path }) };
        }
        let bad = |e: &dyn std::fmt::Display| ReportError::Read { path: path.clone(), message: e.to_string() };
        let file = File::open(&path).map_err(|e| bad(&e))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.with_batch_size(8192).build())
            .map_err(|e| bad(&e))?;
        let mut table = Table::default();
        for batch in reader {
            let batch = batch.map_err(|e| bad(&e))?;
            for (field, array) in batch.schema().fields().iter().zip(batch.columns()) {
                if let Some(column) = table.columns.get_mut(field.name()) {
                    append(column, array);
                } else if let Some(mut column) = empty_like(array.data_type()) {
                    // Rows of earlier batches had this column too: a file has one schema.
                    append(&mut column, array);
                    table.columns.insert(field.name().clone(), column);
                }
            }
            table.rows += batch.num_rows();
        }
        Ok(table)
    }

    pub(crate) fn text(&self, column: &str, row: usize) -> Option<&str> {
        match self.columns.get(column) {
            Some(Column::Text(v)) => v.get(row).and_then(|s| s.as_deref()),
            _ => None,
        }
    }

    /// The text of a column, or "" when null.
    pub(crate) fn str(&self, column: &str, row: usize) -> &str {
        self.text(column, row).unwrap_or("")
    }

    pub(crate) fn int(&self, column: &str, row: usize) -> Option<i64> {
        match self.columns.get(column) {
            Some(Column::Int(v)) => v.get(row).copied().flatten(),
            _ => None,
        }
    }

    pub(crate) fn float(&self, column: &str, row: usize) -> Option<f64> {
        match self.columns.get(column) {
            Some(Column::Float(v)) => v.get(row).copied().flatten(),
            Some(Column::Int(v)) => v.get(row).copied().flatten().map(|x| x as f64),
            _ => None,
        }
    }

    pub(crate) fn list(&self, column: &str, row: usize) -> &[String] {
        match self.columns.get(column) {
            Some(Column::List(v)) => v.get(row).map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }
}

fn empty_like(t: &DataType) -> Option<Column> {
    Some(match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Date32 => Column::Text(Vec::new()),
        DataType::Int32 | DataType::Int64 | DataType::UInt32 | DataType::UInt64 => Column::Int(Vec::new()),
        DataType::Float32 | DataType::Float64 => Column::Float(Vec::new()),
        DataType::List(_) | DataType::LargeList(_) => Column::List(Vec::new()),
        _ => return None,
    })
}

fn append(column: &mut Column, a: &ArrayRef) {
    let valid = |i: usize| a.is_valid(i);
    let n = a.len();
    match column {
        Column::Text(v) => match a.data_type() {
            DataType::Utf8 => {
                let s = a.as_string::<i32>();
                v.extend((0..n).map(|i| valid(i).then(|| s.value(i).to_owned())));
            }
            DataType::LargeUtf8 => {
                let s = a.as_string::<i64>();
                v.extend((0..n).map(|i| valid(i).then(|| s.value(i).to_owned())));
            }
            DataType::Utf8View => {
                let s = a.as_string_view();
                v.extend((0..n).map(|i| valid(i).then(|| s.value(i).to_owned())));
            }
            DataType::Date32 => {
                let d = a.as_primitive::<Date32Type>();
                v.extend((0..n).map(|i| valid(i).then(|| date32(d.value(i)))));
            }
            _ => v.extend((0..n).map(|_| None)),
        },
        Column::Int(v) => match a.data_type() {
            DataType::Int64 => {
                let x = a.as_primitive::<Int64Type>();
                v.extend((0..n).map(|i| valid(i).then(|| x.value(i))));
            }
            DataType::Int32 => {
                let x = a.as_primitive::<Int32Type>();
                v.extend((0..n).map(|i| valid(i).then(|| i64::from(x.value(i)))));
            }
            DataType::UInt32 => {
                let x = a.as_primitive::<UInt32Type>();
                v.extend((0..n).map(|i| valid(i).then(|| i64::from(x.value(i)))));
            }
            DataType::UInt64 => {
                let x = a.as_primitive::<UInt64Type>();
                v.extend((0..n).map(|i| valid(i).then(|| i64::try_from(x.value(i)).unwrap_or(i64::MAX))));
            }
            _ => v.extend((0..n).map(|_| None)),
        },
        Column::Float(v) => match a.data_type() {
            DataType::Float64 => {
                let x = a.as_primitive::<Float64Type>();
                v.extend((0..n).map(|i| valid(i).then(|| x.value(i))));
            }
            DataType::Float32 => {
                let x = a.as_primitive::<Float32Type>();
                v.extend((0..n).map(|i| valid(i).then(|| f64::from(x.value(i)))));
            }
            _ => v.extend((0..n).map(|_| None)),
        },
        Column::List(v) => {
            let items = |values: &ArrayRef| -> Vec<String> {
                match values.data_type() {
                    DataType::Utf8 => {
                        let s = values.as_string::<i32>();
                        (0..s.len()).filter(|&i| s.is_valid(i)).map(|i| s.value(i).to_owned()).collect()
                    }
                    DataType::LargeUtf8 => {
                        let s = values.as_string::<i64>();
                        (0..s.len()).filter(|&i| s.is_valid(i)).map(|i| s.value(i).to_owned()).collect()
                    }
                    _ => Vec::new(),
                }
            };
            match a.data_type() {
                DataType::List(_) => {
                    let l = a.as_list::<i32>();
                    v.extend((0..n).map(|i| if valid(i) { items(&l.value(i)) } else { Vec::new() }));
                }
                DataType::LargeList(_) => {
                    let l = a.as_list::<i64>();
                    v.extend((0..n).map(|i| if valid(i) { items(&l.value(i)) } else { Vec::new() }));
                }
                _ => v.extend((0..n).map(|_| Vec::new())),
            }
        }
    }
}

/// Days since 1970-01-01 as YYYY-MM-DD.
fn date32(days: i32) -> String {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_signed(chrono::Duration::days(i64::from(days))))
        .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}
