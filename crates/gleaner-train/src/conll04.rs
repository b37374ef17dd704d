//! CoNLL04 (`{"text", "entities": [{"type", "start", "end"}]}` per line) as extra training
//! documents for the entity tagger: one document per sentence, on gleaner's own tokens.
//!
//! Types: Peop → PER, Org → ORG, Loc → LOC. "Other" holds dates, quantities and a few names;
//! a name ("World War II", "Americans") is MISC as in CoNLL-2003, a date or a quantity (a digit,
//! a month or weekday name, a lower-case word) is left outside, as CoNLL-2003 leaves it.
//! CoNLL04 mostly leaves demonyms ("Soviet", "Spanish") unannotated where CoNLL-2003 makes them
//! MISC: an unannotated capitalised demonym becomes MISC here, so the two corpora agree.
//! CoNLL04 often makes "Amherst , Mass." one place; the contract has two mentions (and a
//! located_in between them), so such a span is split at its commas ([`place_parts`]).

use std::path::Path;

use anyhow::{Context, Result};
use gleaner_extract::entities::{annotate, is_demonym, TrainDocument};
use gleaner_ingest::{ingest, Body, Document, Metadata, RawDocument, Span};

/// Is an "Other" entity a name (MISC) rather than a date or a quantity?
fn other_is_name(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w.chars().any(|c| c.is_ascii_digit())
            && !gleaner_extract::dates::calendar_word(w)
    })
}

/// The parts of a CoNLL04 place span `[start, end)` of `sentence` split at " , " ("Amherst , Mass."
/// is "Amherst" and "Mass."), as `(start, end)` pairs; a span without a comma is itself.
pub fn place_parts(sentence: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let Some(text) = sentence.get(start..end) else { return vec![(start, end)] };
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, _) in text.match_indices(" , ") {
        parts.push((start + from, start + i));
        from = i + 3;
    }
    parts.push((start + from, end));
    parts.retain(|(a, b)| a < b);
    parts
}

/// The records of a CoNLL04 file with their 0-based line numbers (blank lines skipped).
pub fn records(path: &Path) -> Result<Vec<(usize, serde_json::Value)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let rec = serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
            Ok((n, rec))
        })
        .collect()
}

/// A record's text through ingest, as `gleaner run` reads a document; None when ingest refuses
/// it or normalization changed it (then the record's character offsets no longer hold).
pub fn ingest_text(path: &Path, n: usize, text: &str) -> Option<Document> {
    let raw = RawDocument {
        doc_id: n.to_string(),
        source: path.display().to_string(),
        body: Body::Text(text.to_owned()),
        meta: Metadata::default(),
        issues: vec![],
    };
    ingest(raw).ok().map(|(doc, _)| doc).filter(|doc| doc.text == text)
}

/// Reads a CoNLL04 file; returns its documents with their 0-based line numbers, and how many
/// records were skipped (text that normalization changed, so the offsets no longer hold).
pub fn read(path: &Path) -> Result<(Vec<(usize, TrainDocument)>, usize)> {
    let (mut docs, mut skipped) = (Vec::new(), 0);
    for (n, rec) in records(path)? {
        let sentence = rec["text"].as_str().context("text")?;
        let mut spans = Vec::new();
        for e in rec["entities"].as_array().context("entities")? {
            let (Some(start), Some(end), Some(ty)) = (e["start"].as_u64(), e["end"].as_u64(), e["type"].as_str())
            else {
                continue;
            };
            let kind = match ty {
                "Peop" => 0,
                "Org" => 1,
                "Loc" => 2,
                _ if other_is_name(e["text"].as_str().unwrap_or("")) => 3,
                _ => continue,
            };
            if kind == 2 {
                for (a, b) in place_parts(sentence, start as usize, end as usize) {
                    spans.push((Span::new(a, b), kind));
                }
            } else {
                spans.push((Span::new(start as usize, end as usize), kind));
            }
        }
        match ingest_text(path, n, sentence) {
            Some(doc) => {
                let mut sentences = annotate(&doc, &spans);
                for s in &mut sentences {
                    for (w, kind) in s.words.iter().zip(s.kinds.iter_mut()) {
                        if kind.is_none() && w.starts_with(char::is_uppercase) && is_demonym(w) {
                            *kind = Some(3);
                        }
                    }
                }
                docs.push((n, sentences));
            }
            _ => skipped += 1,
        }
    }
    Ok((docs, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_split_at_commas() {
        let s = "born in Amherst , Mass. and Paris";
        assert_eq!(place_parts(s, 8, 22), [(8, 15), (18, 22)]);
        assert_eq!(&s[18..22], "Mass");
        assert_eq!(place_parts(s, 28, 33), [(28, 33)]);
    }

    #[test]
    fn other_names_are_misc_dates_and_quantities_are_not() {
        assert!(other_is_name("World War II"));
        assert!(other_is_name("Americans"));
        assert!(!other_is_name("Monday"));
        assert!(!other_is_name("Tuesday."));
        assert!(!other_is_name("Dec."));
        assert!(!other_is_name("13 Feb 94"));
        assert!(!other_is_name("42 percent"));
        assert!(!other_is_name("rice"));
        assert!(other_is_name("Marines"));
    }
}
