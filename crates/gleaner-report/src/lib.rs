//! A static HTML report of a gleaner dataset, readable offline: open `index.html`.
//!
//! [`write_report`] reads a dataset folder's Parquet tables (as `gleaner run` writes them) and
//! writes, into a folder of its own:
//!
//! - `index.html`: the overview (counts, the most mentioned people, organizations and places,
//!   events by type with their casualties, documents by month, errors);
//! - `documents/`: paged lists and one page per document (`d{row}.html`), its text with every
//!   sentence, quotation, mention, date and number marked (the value on hover, bylines and
//!   boilerplate set apart), and its events, quotations and relations beside it;
//! - `entities/`: paged lists and one page per entity (`e{row}.html`): name, aliases, place,
//!   mentions in context, relations, events and a timeline of the dated sentences naming it;
//! - `map.html` (the places and events on a world map drawn from Natural Earth's outlines, shipped
//!   here), `network.html` (entities joined by relations or by sentences, laid out in the browser)
//!   and `timeline.html` (dated events and sentences, filtered by entity);
//! - `assets/` (one stylesheet, one script) and `report.json` (what was written).
//!
//! No server, no network: every file the pages need is in the folder. Every string from the
//! documents is HTML-escaped. The folder is replaced whole, like a dataset: the report is built
//! beside it and swapped in when complete (`gleaner_export::Staging`).
//!
//! ```no_run
//! use std::path::Path;
//! let summary = gleaner_report::write_report(Path::new("data"), Path::new("report"), false)?;
//! println!("{} pages", summary.pages);
//! # Ok::<(), gleaner_report::ReportError>(())
//! ```
#![deny(missing_docs)]

mod data;
mod html;
mod pages;
mod table;
mod views;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// What could stop a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A table the report needs is not in the dataset folder.
    #[error("{path} is missing: the report reads a dataset's Parquet tables (gleaner run --format parquet)")]
    Missing {
        /// The file looked for.
        path: PathBuf,
    },
    /// A table could not be read.
    #[error("cannot read {path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A file or folder of the report could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output folder may not be replaced.
    #[error("will not write the report to {path}: {why}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        why: String,
    },
}

/// What a report holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    /// HTML pages written.
    pub pages: usize,
    /// Documents, each with its page.
    pub documents: usize,
    /// Entities, each with its page.
    pub entities: usize,
    /// Bytes of all files written.
    pub bytes: u64,
}

/// The file that marks a folder as a gleaner report.
const MARKER: &str = "report.json";

/// A report folder: `report.json` written by gleaner, and the pages and folders it writes.
const REPORT: gleaner_export::FolderKind =
    gleaner_export::FolderKind { what: "gleaner report", marker: MARKER, owns: report_files };

fn report_files(dir: &Path) -> Option<gleaner_export::Owned> {
    let text = fs::read_to_string(dir.join(MARKER)).ok()?;
    let summary: serde_json::Value = serde_json::from_str(&text).ok()?;
    summary.get("gleaner_report")?;
    Some(Box::new(|name: &str| {
        matches!(
            name,
            "report.json"
                | "index.html"
                | "map.html"
                | "network.html"
                | "timeline.html"
                | "documents"
                | "entities"
                | "assets"
        )
    }))
}

/// Writes the report of the dataset in `data` to the folder `out`, replacing a report there as
/// a dataset is replaced (`gleaner_export::Staging`: built beside it, swapped in whole; what a
/// killed run left is cleaned up by the next). A non-empty `out` that holds anything but a
/// report is refused unless `force`; the dataset's own folder, or a folder holding it, always.
pub fn write_report(data: &Path, out: &Path, force: bool) -> Result<ReportSummary, ReportError> {
    let d = data::Data::read(data)?;
    let data_dir = fs::canonicalize(data).map_err(|source| ReportError::Write { path: data.to_path_buf(), source })?;
    if let Ok(target) = fs::canonicalize(out) {
        if data_dir.starts_with(&target) {
            return Err(ReportError::Refused {
                path: out.to_path_buf(),
                why: format!("it holds the dataset {} the report is made of", data.display()),
            });
        }
    }
    let staging = gleaner_export::Staging::begin_kind(out, force, REPORT).map_err(|e| match e {
        gleaner_export::ExportError::Refused { path, why } => ReportError::Refused { path, why },
        e => ReportError::Write { path: out.to_path_buf(), source: std::io::Error::other(e.to_string()) },
    })?;
    // Dropped without a commit (an error below), the staging folder is removed.
    let summary = build(&d, &staging.path())?;
    staging
        .commit()
        .map_err(|e| ReportError::Write { path: out.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    Ok(summary)
}

fn build(d: &data::Data, dir: &Path) -> Result<ReportSummary, ReportError> {
    for sub in ["documents", "entities", "assets"] {
        let p = dir.join(sub);
        fs::create_dir_all(&p).map_err(|source| ReportError::Write { path: p, source })?;
    }
    let put = |file: &str, body: &str| -> Result<u64, ReportError> {
        let path = dir.join(file);
        fs::write(&path, body).map_err(|source| ReportError::Write { path, source })?;
        Ok(body.len() as u64)
    };
    let mut bytes = put("assets/report.css", include_str!("../assets/report.css"))?;
    bytes += put("assets/report.js", include_str!("../assets/report.js"))?;
    bytes += put("index.html", &pages::overview(d))?;
    bytes += put("map.html", &views::map(d))?;
    bytes += put("network.html", &views::network(d))?;
    bytes += put("timeline.html", &views::timeline(d))?;
    let mut count = 4;
    for (file, html) in pages::document_lists(d).into_iter().chain(pages::entity_lists(d)) {
        bytes += put(&file, &html)?;
        count += 1;
    }
    // One page per document and per entity, written in parallel.
    bytes += (0..d.docs.rows)
        .into_par_iter()
        .map(|k| put(&pages::doc_file(k), &pages::document(d, k)))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    bytes += (0..d.entities.rows)
        .into_par_iter()
        .map(|e| put(&pages::entity_file(e), &pages::entity(d, e)))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    count += d.docs.rows + d.entities.rows;
    let summary = serde_json::json!({
        "gleaner_report": 1,
        "documents": d.docs.rows,
        "entities": d.entities.rows,
        "entities_by_label": pages::label_counts(d).into_iter().collect::<std::collections::BTreeMap<_, _>>(),
        "pages": count,
    });
    bytes += put(MARKER, &format!("{summary:#}\n"))?;
    Ok(ReportSummary { pages: count, documents: d.docs.rows, entities: d.entities.rows, bytes })
}
