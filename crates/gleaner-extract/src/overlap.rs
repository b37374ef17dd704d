//! What to do when two extractors claim the same text: one named step per policy, run by
//! [`Pipeline::run`](crate::Pipeline::run) after every extractor, so that no extractor needs to
//! know what the others found or in what order they ran.

use gleaner_ingest::Span;

use crate::{DateMention, Extraction};

/// A date wins over a number: a number row that overlaps a date expression is dropped ("nearly
/// 20 years", "the first four months of 2021", "March 3" are dates, not counts), as the contract
/// says a year or a day of a date is not a number row.
pub fn dates_over_numbers(out: &mut Extraction) {
    if out.dates.is_empty() || out.numbers.is_empty() {
        return;
    }
    let dates = &out.dates;
    out.numbers.retain(|n| !covered(dates, n.span));
}

/// Does a date expression overlap `span`? `dates` is in text order and its spans do not overlap
/// (the dates scan emits them left to right), so a binary search finds the only candidate.
fn covered(dates: &[DateMention], span: Span) -> bool {
    let k = dates.partition_point(|d| d.span.end <= span.start);
    dates.get(k).is_some_and(|d| d.span.start < span.end)
}
