//! `gleaner`: documents in, analysis-ready Parquet and CSV tables out.
//!
//! The command line over `gleaner_cli::run` (the library half of this crate): clap, messages and
//! exit codes live here.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicI32, Ordering};

use clap::{Parser, Subcommand};
use gleaner_cli::{run, RunOptions};
use gleaner_export::{Formats, TABLES};
use gleaner_ingest::parse_user_date;

#[derive(Parser, Debug)]
#[command(
    name = "gleaner",
    version,
    about = "Turn plain-text documents into analysis-ready datasets (Parquet and CSV)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read documents and write every table of the dataset.
    Run(RunArgs),
    /// Print the tables and their columns.
    Schema {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print DuckDB views that read a dataset's CSV files with the right types.
        #[arg(long, conflicts_with = "json")]
        duckdb: bool,
        /// The dataset folder the DuckDB views read (with --duckdb).
        #[arg(long, value_name = "DIR", default_value = "data", requires = "duckdb")]
        dir: String,
    },
    /// Write a static HTML report of a dataset (open its index.html; no server, no network).
    Report {
        /// The dataset folder (written by `gleaner run`, with its Parquet tables).
        #[arg(value_name = "DATA_DIR")]
        data: PathBuf,
        /// Folder to write the report to (replaced whole).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace the --out folder even if it holds more than a gleaner report (everything in it
        /// is deleted; never the dataset's own folder or one that holds it).
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args, Debug)]
struct RunArgs {
    /// Text files, folders (searched for .txt and .md), .jsonl files, or - for JSONL on stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Folder to write the tables and manifest.json to.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Formats to write, separated by commas: parquet, csv (exact, for programs), sheet
    /// (<table>.sheet.csv, safe to open in a spreadsheet).
    #[arg(long, default_value = "parquet,csv", value_parser = parse_formats)]
    format: Formats,
    /// Worker threads (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Document date for inputs that carry none (YYYY-MM-DD): the anchor for relative dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<chrono::NaiveDate>,
    /// The JSONL field holding each document's date (default: published), in any common form:
    /// 2021-08-27, ISO date-times, 27 Aug 2021, August 27, 2021, 27-AUG-2021 10:00:00.00, mail dates.
    #[arg(long, value_name = "NAME")]
    published_field: Option<String>,
    /// Replace the --out folder even if it holds more than a gleaner dataset (everything in it
    /// is deleted).
    #[arg(long)]
    force: bool,
}

fn parse_formats(s: &str) -> Result<Formats, String> {
    s.parse()
}

fn parse_published(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_user_date(s)
}

/// Exit codes (documented in the README): every outcome has its own.
mod exit {
    /// Every input was processed (bad documents are `errors` rows).
    pub const OK: u8 = 0;
    /// The run could not complete (the output folder is as it was), or an input named on the
    /// command line could not be opened (the dataset holds the rest).
    pub const FAILED: u8 = 1;
    /// Bad usage, or an output folder that a dataset may not replace.
    pub const USAGE: u8 = 2;
    /// The dataset was written, but a bug in gleaner left some documents (or some of their rows)
    /// out: `errors` rows of kind `internal_error`.
    pub const INTERNAL: u8 = 3;
}

fn main() -> ExitCode {
    gleaner_extract::guard::quiet_caught_panics();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Schema { json, duckdb, dir } => {
            if duckdb {
                print!("{}", gleaner_export::duckdb_views(&dir));
            } else {
                print_schema(json);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Run(args) => run_command(args),
        Command::Report { data, out, force } => report_command(&data, &out, force),
    };
    match outcome {
        Ok(code) => code,
        // The run failed because a signal removed its staging folder: the signal's exit code
        // (the signal thread may not have exited yet), not the error it caused.
        Err(_) if SIGNALLED.load(Ordering::SeqCst) != 0 => std::process::exit(128 + SIGNALLED.load(Ordering::SeqCst)),
        Err(e) => {
            eprintln!("gleaner: error: {}", gleaner_cli::error_message(&e));
            let refused =
                e.chain().any(|c| matches!(c.downcast_ref(), Some(gleaner_export::ExportError::Refused { .. })));
            ExitCode::from(if refused { exit::USAGE } else { exit::FAILED })
        }
    }
}

/// The signal that stopped the run (0: none).
static SIGNALLED: AtomicI32 = AtomicI32::new(0);

/// SIGINT, SIGTERM and SIGHUP stop a run at once: the new dataset's staging folder is removed
/// and the process exits with 128 + the signal number, leaving the output folder as it was. A
/// signal that comes after the new dataset was swapped in is too late to undo it: the run ends
/// normally.
#[cfg(unix)]
fn stop_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
    let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            SIGNALLED.store(signal, Ordering::SeqCst);
            match gleaner_export::abandon_open_datasets() {
                gleaner_export::Abandoned::AlreadyCommitted => continue,
                _ => {
                    eprintln!("\ngleaner: interrupted; the output folder is as it was before this run");
                    std::process::exit(128 + signal);
                }
            }
        }
    });
}

#[cfg(not(unix))]
fn stop_on_signals() {}

fn print_schema(json: bool) {
    if json {
        println!("{}", serde_json::to_string_pretty(&gleaner_export::schema_json()).unwrap_or_default());
        return;
    }
    println!("gleaner dataset, schema version {}", gleaner_export::SCHEMA_VERSION);
    for t in TABLES {
        println!("\n{} — {}", t.name, t.doc);
        for c in t.columns {
            println!("  {:<18} {:<13} {}", c.name, c.ty.as_str(), c.doc);
        }
    }
}

fn run_command(args: RunArgs) -> anyhow::Result<ExitCode> {
    stop_on_signals();
    let options = RunOptions {
        inputs: args.inputs,
        out: args.out,
        formats: args.format,
        jobs: args.jobs.map(usize::from),
        published: args.published,
        published_field: args.published_field,
        progress: true,
        force: args.force,
        pipeline: None,
        window_bytes: None,
    };
    let report = run(&options)?;
    print_summary(&options, &report);
    if report.missing_inputs > 0 {
        eprintln!(
            "gleaner: {} input(s) named on the command line could not be opened; the dataset holds the rest",
            report.missing_inputs
        );
        return Ok(ExitCode::from(exit::FAILED));
    }
    if report.internal_errors > 0 {
        eprintln!(
            "gleaner: {} document(s) hit an internal error (a bug in gleaner) and were left out, in whole or in \
             part: see the rows of kind internal_error in the errors table",
            report.internal_errors,
        );
        return Ok(ExitCode::from(exit::INTERNAL));
    }
    Ok(ExitCode::from(exit::OK))
}

/// The closing summary, on stderr whether or not it is a terminal: where the files went, rows per
/// table, what is undated or unanchored, problems by kind.
fn print_summary(options: &RunOptions, report: &gleaner_cli::RunReport) {
    let n = |x: u64| {
        let digits = x.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let rows = |t: &str| report.summary.rows(t).unwrap_or(0);
    eprintln!(
        "gleaner: wrote {} ({}): {} documents, {} sentences, {} mentions of {} entities, {} numbers, {} dates, \
         {} relations, {} quotes, {} events, {} errors rows",
        report.out.display(),
        options.formats.names().join(", "),
        n(report.documents),
        n(rows("sentences")),
        n(rows("mentions")),
        n(rows("entities")),
        n(rows("numbers")),
        n(rows("dates")),
        n(rows("relations")),
        n(rows("quotes")),
        n(rows("events")),
        n(rows("errors")),
    );
    let mut dates = Vec::new();
    if report.undated_documents > 0 {
        dates.push(format!(
            "{} of {} documents have no published date",
            n(report.undated_documents),
            n(report.documents)
        ));
    }
    if report.unanchored_dates > 0 {
        dates.push(format!("{} relative dates are left unresolved", n(report.unanchored_dates)));
    }
    if !dates.is_empty() {
        eprintln!(
            "gleaner: {} (give dates with --published, --published-field, a manifest.csv or a published field)",
            dates.join(", and ")
        );
    }
    if !report.problems_by_kind.is_empty() {
        let kinds: Vec<String> = report.problems_by_kind.iter().map(|(k, c)| format!("{} {k}", n(*c))).collect();
        let file = if options.formats.csv {
            "errors.csv"
        } else if options.formats.parquet {
            "errors.parquet"
        } else {
            "errors.sheet.csv"
        };
        eprintln!("gleaner: problems: {} (see {})", kinds.join(", "), report.out.join(file).display());
    }
}

fn report_command(data: &std::path::Path, out: &std::path::Path, force: bool) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    // SIGINT/SIGTERM remove the report being built; the folder stays as it was.
    stop_on_signals();
    match gleaner_report::write_report(data, out, force) {
        Ok(s) => {
            eprintln!(
                "gleaner: report of {} documents and {} entities: {} pages, {:.1} MB in {} ({:.1} s); open {}",
                s.documents,
                s.entities,
                s.pages,
                s.bytes as f64 / 1e6,
                out.display(),
                started.elapsed().as_secs_f64(),
                out.join("index.html").display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ gleaner_report::ReportError::Refused { .. }) => {
            eprintln!("gleaner: error: {e}");
            Ok(ExitCode::from(exit::USAGE))
        }
        Err(e) => Err(e.into()),
    }
}
