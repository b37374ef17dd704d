//! Writes a dataset in which every table has rows, from a toy extractor, so that every column
//! type (lists, dates, booleans, nullable floats, relation spans) can be checked end to end
//! before the real extractors exist. `make test` runs it and checks the result in pandas and DuckDB.
//!
//!     cargo run -p gleaner-export --example synthetic -- OUT_DIR

use gleaner_export::{DatasetWriter, Formats, RunInfo};
use gleaner_extract::{
    entity_id, Argument, DateMention, Event, EventDate, EventPlace, EventRole, EventRoleKind, EventType, Extraction,
    Extractor, Label, Mention, NumberKind, NumberMention, Pipeline, Predicate, Qualifier, Quote, QuoteKind, Relation,
    Rows, TimexType,
};
use gleaner_ingest::{ingest, Body, Document, Issue, Metadata, RawDocument};

/// Capitalized words are MISC mentions, digits are numbers, month names are dates, and
/// consecutive mentions in a sentence are related, the first quoting the sentence. Nonsense,
/// but every field gets a value.
#[derive(Debug)]
struct Toy;

impl Extractor for Toy {
    fn name(&self) -> &'static str {
        "toy"
    }

    fn makes(&self) -> &'static [Rows] {
        &[Rows::Mentions, Rows::Numbers, Rows::Dates, Rows::Relations, Rows::Quotes, Rows::Events]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        for (i, sentence) in doc.extractable_sentences() {
            let i = i as u32;
            let mut previous: Option<Argument> = None;
            for token in doc.sentence_tokens(sentence) {
                let text = doc.slice(token.span);
                if text.chars().next().is_some_and(char::is_uppercase) {
                    let id = entity_id(Label::Misc.as_str(), text);
                    out.mentions.push(Mention {
                        sentence: i,
                        span: token.span,
                        label: Label::Misc,
                        // Upper case as the canonical name, so every surface form becomes an alias.
                        name: text.to_uppercase(),
                        entity_id: id.clone(),
                        confidence: 0.5,
                        method: "toy",
                        rule: Some("toy"),
                        place: None,
                    });
                    let here = Argument { entity_id: id, span: token.span };
                    if let Some(subject) = previous.replace(here.clone()) {
                        let k = out.quotes.len();
                        out.quotes.push(Quote {
                            sentence: i,
                            span: sentence.span,
                            last_sentence: i,
                            kind: QuoteKind::ALL[k % 3],
                            speaker: subject.span,
                            // Every other speaker unknown, so the nullable column holds nulls too.
                            speaker_entity: k.is_multiple_of(2).then(|| subject.entity_id.clone()),
                            cue: here.span,
                            confidence: 0.5,
                            rule: "toy",
                        });
                        out.relations.push(Relation {
                            sentence: i,
                            subject,
                            predicate: Predicate::AlliedWith,
                            object: here,
                            evidence: sentence.span,
                            confidence: 0.25,
                            method: "toy",
                            rule: Some("toy"),
                        });
                    }
                }
                if let Ok(v) = text.replace(',', "").parse::<f64>() {
                    let range = v > 100.0;
                    out.numbers.push(NumberMention {
                        sentence: i,
                        span: token.span,
                        value: (!range).then_some(v),
                        low: Some(v),
                        high: (!range).then_some(v),
                        qualifier: if range { Qualifier::AtLeast } else { Qualifier::Exact },
                        kind: NumberKind::Cardinal,
                        unit: None,
                        counted: Some("things".into()),
                        event: range.then(|| "killed".into()),
                        rule: "toy",
                    });
                }
                if text == "June" {
                    let anchor = doc.meta.published;
                    out.dates.push(DateMention {
                        sentence: i,
                        span: token.span,
                        kind: TimexType::Date,
                        value: "2021-06".into(),
                        modifier: None,
                        range_start: chrono::NaiveDate::from_ymd_opt(2021, 6, 1),
                        range_end: chrono::NaiveDate::from_ymd_opt(2021, 6, 30),
                        anchored: anchor.is_some(),
                        anchor,
                        rule: "toy",
                    });
                }
            }
        }
        // An incident in each sentence with a count of killed: its mentions play every role in
        // turn, every other one with no entity; the first has a date and a place, the others not.
        for (i, sentence) in doc.extractable_sentences() {
            let i = i as u32;
            let Some(count) = out.numbers.iter().find(|n| n.sentence == i && n.event.is_some()) else { continue };
            let in_sentence: Vec<&Mention> = out.mentions.iter().filter(|m| m.sentence == i).collect();
            let k = out.events.len();
            let roles = in_sentence
                .iter()
                .enumerate()
                .map(|(r, m)| EventRole {
                    role: EventRoleKind::ALL[r % EventRoleKind::ALL.len()],
                    span: m.span,
                    entity_id: r.is_multiple_of(2).then(|| m.entity_id.clone()),
                })
                .collect();
            out.events.push(Event {
                sentence: i,
                last_sentence: i,
                kind: EventType::ALL[k % EventType::ALL.len()],
                trigger: count.span,
                date: (k == 0).then(|| EventDate {
                    value: "2021-06".into(),
                    start: chrono::NaiveDate::from_ymd_opt(2021, 6, 1),
                    end: chrono::NaiveDate::from_ymd_opt(2021, 6, 30),
                }),
                location: in_sentence.first().filter(|_| k == 0).map(|m| EventPlace {
                    span: m.span,
                    entity_id: Some(m.entity_id.clone()),
                    place: None,
                }),
                killed: Some((count.low.unwrap_or(0.0), count.high)),
                wounded: (k == 0).then_some((2.0, Some(3.0))),
                evidence: sentence.span,
                confidence: 0.5,
                rule: "toy",
                roles,
            });
        }
        out.issues.push(Issue::new(doc.source.clone(), "extract", "toy", "one diagnostic per document".into()));
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: synthetic OUT_DIR")?;
    let texts = [
        "Omar al-Rashid’s men — “São Paulo” — met Café Owners in June. At least 1,500 Ñandú 😀 fighters came.",
        "Zürich’s airport: 13 killed in June. 東京 and Paris agreed; 2,200 joined.",
    ];
    let pipeline = Pipeline::new().with(Toy);
    let mut writer = DatasetWriter::create(std::path::Path::new(&out), Formats::default())?;
    for (n, text) in texts.iter().enumerate() {
        let raw = RawDocument {
            doc_id: format!("toy-{n}"),
            source: format!("toy#{n}"),
            body: Body::Text((*text).to_owned()),
            meta: Metadata { published: chrono::NaiveDate::from_ymd_opt(2021, 8, 27), ..Metadata::default() },
            issues: Vec::new(),
        };
        let (doc, _) = ingest(raw).map_err(|issue| issue.message)?;
        let found = pipeline.run(&doc);
        writer.write_document(&doc, &found)?;
    }
    let summary = writer.finish(&RunInfo { extractors: vec!["toy".into()], ..RunInfo::default() })?;
    for (table, rows) in &summary.tables {
        if *rows == 0 {
            return Err(format!("table {table} is empty: the example must fill every table").into());
        }
    }
    Ok(())
}
