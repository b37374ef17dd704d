//! Throughput of each extractor on one core: ingests a JSONL corpus once, then runs
//! `Pipeline::standard()` over all documents, timing each extractor. `make bench` runs it.
//!
//!     cargo run --release -p gleaner-extract --example extractor_speed -- corpus.jsonl

use std::io::BufRead;
use std::time::Instant;

use gleaner_extract::{Extraction, Pipeline};
use gleaner_ingest::{ingest, Body, Metadata, RawDocument};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: extractor_speed CORPUS.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    let started = Instant::now();
    for line in file.lines() {
        let line = line?;
        let record: serde_json::Value = serde_json::from_str(&line)?;
        let text = record["text"].as_str().unwrap_or_default().to_owned();
        bytes += text.len();
        let raw = RawDocument {
            doc_id: record["id"].to_string(),
            source: path.clone(),
            body: Body::Text(text),
            meta: Metadata::default(),
            issues: Vec::new(),
        };
        if let Ok((doc, _)) = ingest(raw) {
            docs.push(doc);
        }
    }
    let ingest_secs = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "{:<12} {:>8.1} MB {:>8.2} s {:>8.1} MB/s  (JSON parse + ingest, 1 core)",
        "ingest",
        mb,
        ingest_secs,
        mb / ingest_secs
    );
    // Extractors run in pipeline order on one Extraction per document (relations read the
    // mentions entities found), each timed on its own.
    let pipeline = Pipeline::standard();
    let extractors: Vec<_> = pipeline.extractors().collect();
    let mut secs = vec![0f64; extractors.len()];
    let mut rows = vec![0usize; extractors.len()];
    for doc in &docs {
        let mut out = Extraction::default();
        for (k, extractor) in extractors.iter().enumerate() {
            let before = out.row_count();
            let started = Instant::now();
            extractor.extract(doc, &mut out);
            secs[k] += started.elapsed().as_secs_f64();
            rows[k] += out.row_count() - before;
        }
    }
    for (k, extractor) in extractors.iter().enumerate() {
        println!(
            "{:<12} {:>8.1} MB {:>8.2} s {:>8.1} MB/s {:>10.0} tokens/s  ({} rows, 1 core)",
            extractor.name(),
            mb,
            secs[k],
            mb / secs[k],
            tokens as f64 / secs[k],
            rows[k]
        );
    }
    Ok(())
}
