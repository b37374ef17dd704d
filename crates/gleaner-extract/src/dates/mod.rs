//! Dates and times: temporal expressions with TimeML TIMEX3 semantics, resolved against the
//! document date.
//!
//! One left-to-right scan per sentence tries, at each token, the expression kinds from the most
//! specific to the least: numeric dates (`8/31/2021`, `2021-08-31`), month-day-year and day-month
//! forms, holidays, relative days (`today`, `yesterday`), weekdays, `this/last/next` + unit,
//! `N units ago`, quarters, seasons, decades and centuries, years, durations (`nearly 20 years`,
//! `two-hour`, `several years`), sets (`every Monday`, `annually`) and present/past/future
//! references (`now`, `recently`). Modifiers (`early`, `mid-`, `late`, `the end of`, `about`,
//! `nearly`, `more than`) go into `mod` and the span.
//!
//! Recognize, then resolve: the matchers never read the document's date. A form whose value
//! counts from it ("Friday", "last year", "in June") or from the story's time ("that day", "10
//! p.m.") returns a value to be settled (`later`): its kind, the value written when there is
//! nothing to count from (`XXXX-06`), and the computation, with the clause's tense captured.
//! The document is recognized once; one pass then settles every value in text order against
//! the anchor, keeping the story's time. So the same text gives the same spans, dated or not.
//!
//! Code: one file by kind of form (`numeric`, `calendar`, `relative`, `periods`, `durations`,
//! `sets`, `clock`, `anaphora`; `modifiers` holds the wrappers and the dispatch of "the",
//! `tokens` the readers of single tokens, `resolve` the tense and calendar arithmetic, `later`
//! the values to be settled and the settling pass). Every
//! form is a rule of the registry, `rules::RULES`: its name (written to each row's `rule`
//! column; a wrapper such as "nearly", "the end of", "or so" or a second day keeps its inner
//! expression's), the words it may start with, where it is tried, and example sentences. The
//! table's order is the priority. The scan's first-word gate is derived from the rules' first
//! words, so a token no rule may start with costs one lookup.
//!
//! To add a form: write its matcher (`fn(&Words, &Ctx, usize) -> Option<Found>`, making its
//! rows with `found(ITS_NAME, ...)`) in the file of its kind, calling `expression` where it
//! needs a nested expression; a value counted from the document's date is
//! `Val::at_anchor(kind, unknown, |anchor| ...)`, one counted from the story's time
//! `Val::later(kind, unknown, |env| ...)`, and a wrapper changes an inner value with
//! `Found::map` or `Found::then`. Add a `Rule` to `rules::RULES` at its priority with its name,
//! its first words (`First::Digit`, `First::Words(&[...])`, a lexicon test, ...) and one or two
//! example sentences. The tests check that the name is unique and snake_case, that every
//! example yields a row of that rule starting on one of its first words, and that the suite
//! gives the same spans with and without a document date.
//!
//! The rules, by name, each with a sentence it recognizes: [`rule_names`] (the registry itself,
//! so the list cannot drift from the code).
//!
//! Anchoring: relative expressions resolve against the document's `published` date; without one,
//! against the latest full date written in the document (the settling pass runs once without
//! an anchor to find it; the grammar still runs once); without that, they stay underspecified
//! (`XXXX-06`) with `anchored` false. Narrative references ("that day", "later that year", "the
//! following month", "the next morning") count from the period the text named last, which is
//! then their `anchor`. A bare weekday, month or month-day takes its direction from
//! the clause's tense: the past for "was", "-ed" and irregular past verbs ("brought"); the future
//! for "will", "would", "next", "expected"; otherwise the nearest occurrence.
//!
//! ```
//! use gleaner_extract::{dates::Dates, Pipeline};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let published = chrono::NaiveDate::from_ymd_opt(2021, 8, 27);
//! let text = "The blast on Thursday killed 13. The group formed in the summer of 2016 and fought for nearly 20 years.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata { published, ..Metadata::default() }, issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Dates).run(&doc);
//! let values: Vec<(&str, &str)> = found.dates.iter().map(|d| (doc.slice(d.span), d.value.as_str())).collect();
//! assert_eq!(values, [("Thursday", "2021-08-26"), ("the summer of 2016", "2016-SU"), ("nearly 20 years", "P20Y")]);
//! ```

mod anaphora;
mod calendar;
mod clock;
mod durations;
mod later;
mod modifiers;
mod numeric;
mod periods;
mod relative;
mod resolve;
mod rules;
mod sets;
mod tokens;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use gleaner_ingest::lang::en::{self, time};
use gleaner_ingest::{Document, Span};

use crate::numeral::cardinal_at;
use crate::words::Words;
use crate::{DateMention, Extraction, Extractor, TimexMod, TimexType};

use anaphora::*;
use calendar::*;
use clock::*;
use durations::*;
use later::*;
use modifiers::*;
use numeric::*;
use periods::*;
use relative::*;
use resolve::*;
use rules::*;
use sets::*;
use tokens::*;

/// Is `word` (any case) a month or weekday name or abbreviation ("Aug.", "Tues")? The dates
/// extractor's own lexicon, for callers that must tell a date from a name.
pub fn calendar_word(word: &str) -> bool {
    let w = word.to_lowercase();
    en::month(&w).is_some() || time::weekday_tolerant(&w).is_some()
}

/// The values the `rule` column of `dates` takes, in priority order, each with a sentence it
/// recognizes: every registered rule but the wrappers (whose rows keep the inner rule's name).
pub fn rule_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    rules::RULES
        .iter()
        .filter(|r| !matches!(r.run, rules::Run::Wrapper))
        .map(|r| (r.name, r.examples.first().copied().unwrap_or("")))
}

/// The dates extractor. See the module docs.
#[derive(Debug, Default, Clone, Copy)]
pub struct Dates;

impl Extractor for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn makes(&self) -> &'static [crate::Rows] {
        &[crate::Rows::Dates]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let mut words = Words::default();
        let quarterly = doc.tokens.iter().any(|t| {
            let w = doc.slice(t.span).as_bytes();
            (w.len() >= 7 && w.windows(7).any(|x| x.eq_ignore_ascii_case(b"quarter"))) || w.eq_ignore_ascii_case(b"qtr")
        });
        // Recognize once, whatever the document's date.
        let mut recognized = Vec::new();
        let mut told = Told::default();
        words.each_sentence(doc, |words, i| scan(words, quarterly, &mut told, i, &mut recognized));
        // Then resolve: against the published date; without one, against the latest full date
        // written (settled without an anchor first); without that, the first settle's rows are
        // the rows.
        let anchor = match doc.meta.published {
            Some(published) => published,
            None => {
                let mut rows = Vec::new();
                settle(&recognized, None, &mut rows);
                let full = |d: &&DateMention| d.value.len() == 10 && !d.value.contains('X');
                match rows.iter().filter(full).filter_map(|d| d.range_start).max() {
                    Some(latest) => latest,
                    None => {
                        out.dates.extend(rows);
                        return;
                    }
                }
            }
        };
        settle(&recognized, Some(anchor), &mut out.dates);
    }
}

/// What a matcher knows where it runs: the clause's tense, whether the document reports by
/// quarter, and what the story has named so far. Never the document's date: values counted
/// from it are settled afterwards (see `later`).
#[derive(Clone, Copy)]
struct Ctx {
    tense: Tense,
    /// The document reports by quarter ("quarter" appears in it): "a year ago" is then the
    /// same quarter a year before.
    quarterly: bool,
    /// The grains the story has named so far (what "that day" and "the following year" need).
    told: Told,
}

/// The day, month, quarter and year the text named last, as its expressions resolved them:
/// the reference time of narrative expressions ("that day", "later that year", "the following
/// month", "the next morning"), which count from the story's time, not the document's. A
/// coarser mention forgets the finer grains ("in 1998 ... that day" has no day to refer to);
/// quarters are kept apart, as earnings reports name days and quarters side by side.
#[derive(Clone, Copy, Debug, Default)]
struct Reference {
    day: Option<NaiveDate>,
    month: Option<(i32, u32)>,
    quarter: Option<(i32, u32)>,
    year: Option<i32>,
}

impl Reference {
    fn note(&mut self, val: &Val) {
        match *val {
            Val::Day(d) | Val::Time(Some(d), _) => {
                *self = Reference { day: Some(d), month: Some((d.year(), d.month())), year: Some(d.year()), ..*self };
            }
            Val::Month(y, m) => *self = Reference { day: None, month: Some((y, m)), year: Some(y), ..*self },
            Val::Season(y, _) | Val::Year(y) => *self = Reference { day: None, month: None, year: Some(y), ..*self },
            // A quarter names its year too; a day or month of another year is no longer the
            // story's time.
            Val::Quarter(y, q) => {
                let same = |d: Option<i32>| d == Some(y);
                *self = Reference {
                    day: self.day.filter(|d| same(Some(d.year()))),
                    month: self.month.filter(|m| same(Some(m.0))),
                    quarter: Some((y, q)),
                    year: Some(y),
                };
            }
            _ => {}
        }
    }
}

/// What an expression denotes, before it is written as a TIMEX3 value.
#[derive(Clone, Debug)]
enum Val {
    Day(NaiveDate),
    /// A day-level value with unknown year or more: "XXXX-08-31".
    Partial(String),
    Month(i32, u32),
    Year(i32),
    Decade(i32),
    Century(i32),
    Season(i32, &'static str),
    Quarter(i32, u32),
    /// A half year: 1 for January–June, 2 for July–December.
    Half(i32, u32),
    Week(i32, u32),
    Time(Option<NaiveDate>, String),
    Ref(&'static str),
    Duration(String),
    Set(String),
    /// Counted from the document's date or the story's time: settled by the pass.
    Later(Later),
}

struct Found {
    /// The registered rule that made the value (see [`rules::RULES`]).
    rule: &'static str,
    start: usize,
    end: usize,
    val: Val,
    modifier: Option<TimexMod>,
    /// Counted from an anchor: the `anchored` column, when the pass has one.
    anchored: bool,
    /// Days covered, when narrower than the value's ("the first four months of 2021").
    range: Option<(NaiveDate, NaiveDate)>,
    /// The date resolved against, when not the document's: the day or period "that day" and
    /// "the following year" count from.
    anchor: Option<NaiveDate>,
    /// Byte offsets that cut a token: the first day of "Oct. 12-14" ends inside "12-14", the
    /// second begins there.
    cut_start: Option<u32>,
    cut_end: Option<u32>,
    /// A comparison's period ("from $71 million a year earlier", "than the previous year"):
    /// a glance aside that leaves the story's time where it was.
    aside: bool,
}

/// Recognizes the expressions of one sentence, in order.
fn scan(words: &Words<'_>, quarterly: bool, told: &mut Told, sentence: u32, out: &mut Vec<Recognized>) {
    let mut markers: Option<Vec<Option<Tense>>> = None;
    // The expression found just before, in this sentence: where it ended and what it is.
    let mut last: Option<(usize, Kind)> = None;
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !may_start(words, i) {
            i += 1;
            continue;
        }
        let markers = markers.get_or_insert_with(|| tense_markers(words));
        let ctx = &Ctx { tense: local_tense(words, markers, i), quarterly, told: *told };
        // Two dates in one token ("March/April", "1986/87") come as a pair; any other
        // expression may have a second day after it ("April 24 and 25", "Oct. 12-14").
        if let Some((first, second)) = pair(words, ctx, i) {
            last = None;
            i = second.end;
            recognized(words, told, sentence, out, [Some(first), Some(second)]);
            continue;
        }
        if let Some(mut f) = expression(words, ctx, i).filter(|f| !names_a_title(words, f)) {
            if let Some((end, kind)) = last.filter(|(end, _)| f.start == end + 1) {
                // A range runs forward: "March to May", "November through February". (A list,
                // "the January and December indices", need not: each month resolves alone.)
                // Only a bare month moves ("January to March this year" keeps its own).
                let bare = f.val.is_later() && f.anchored && f.end == f.start + 1;
                if kind == Kind::Month
                    && f.val.kind() == Kind::Month
                    && bare
                    && matches!(words.lw(end), "to" | "through" | "-" | "–")
                {
                    f = f.beside_previous(|previous, own, _| match (previous, &own.val) {
                        (&Val::Month(y1, m1), &Val::Month(_, m2)) => {
                            Done { val: Val::Month(forward_year(y1, m1, m2), m2), ..own }
                        }
                        _ => own,
                    });
                }
                // "on Friday at 4 p.m.", "March 3 at 10:30 a.m.", "yesterday at 6 a.m.": the
                // clock time of the day just named, not of the document's.
                if kind == Kind::Day
                    && f.val.kind() == Kind::Time
                    && matches!(words.lw(end), "at" | "around" | "about" | "by" | "from")
                {
                    f = f.beside_previous(|previous, own, anchor| match (previous, &own.val) {
                        (&Val::Day(d), Val::Time(day, clock))
                            if *day == anchor && clock.as_bytes().get(1).is_some_and(u8::is_ascii_digit) =>
                        {
                            Done { val: Val::Time(Some(d), clock.clone()), ..own }
                        }
                        _ => own,
                    });
                }
            }
            let second = second_day(words, &mut f);
            last = Some(match &second {
                Some(s) => (s.end, s.val.kind()),
                None => (f.end, f.val.kind()),
            });
            i = second.as_ref().map_or(f.end, |s| s.end).max(i + 1);
            recognized(words, told, sentence, out, [Some(f), second]);
        } else {
            i += 1;
        }
    }
}

/// Keeps the expressions found, with the bytes they cover; each but a comparison's tells the
/// story's time.
fn recognized(words: &Words<'_>, told: &mut Told, sentence: u32, out: &mut Vec<Recognized>, found: [Option<Found>; 2]) {
    for f in found.into_iter().flatten() {
        if !f.aside && in_calendar(&f.val) {
            told.note(&f.val);
        }
        let span = Span {
            start: f.cut_start.unwrap_or(words.spans[f.start].start),
            end: f.cut_end.unwrap_or(words.spans[f.end - 1].end),
        };
        out.push(Recognized { sentence, span, found: f });
    }
}

/// The years `dates` values and ranges may lie in: what Python's `date`, pandas, Arrow and
/// DuckDB all hold, and TIMEX3's four digits.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Does the value lie in [`YEARS`]? (A decade or century is checked by its digits: "00XX", the
/// first century, is one; its range is cut to year 1 in `mention`.)
fn in_calendar(val: &Val) -> bool {
    match *val {
        Val::Day(d) | Val::Time(Some(d), _) => YEARS.contains(&d.year()),
        Val::Month(y, _)
        | Val::Year(y)
        | Val::Season(y, _)
        | Val::Quarter(y, _)
        | Val::Half(y, _)
        | Val::Week(y, _) => YEARS.contains(&y),
        Val::Decade(d) => (0..=999).contains(&d),
        Val::Century(c) => (0..=99).contains(&c),
        _ => true,
    }
}

/// Is the expression part of a title: a unit or a relative day capitalized inside a sentence
/// that is not itself in title case ("ABC News' \"This Week\"", "CBS's \"60 Minutes\"", "VOA
/// Today")? Holidays ("Thanksgiving Day", "New Year") keep their capitals.
fn names_a_title(words: &Words<'_>, f: &Found) -> bool {
    let first_word = (0..words.len()).find(|&k| words.w(k).starts_with(char::is_alphanumeric));
    // An expression opening its sentence, a clause after a dateline or colon, or a quotation
    // that goes on in lower case ("He said: \"Today the Tories ..."), may be capitalized; a
    // quoted title closes right after ("NBC's \"Today\"") or goes on capitalized ("\"This Week
    // With David Brinkley\"").
    let opens = |k: usize| {
        let prev = if k > 0 { words.w(k - 1) } else { "" };
        Some(k) == first_word
            // After a dateline or a colon: "WASHINGTON (AP) _ Today the Senate ...".
            || matches!(prev, "_" | "-" | "--" | "—" | "–" | ":" | ";" | ")")
            || matches!(prev, "\"" | "``" | "“" | "'") && {
                let next = (f.end..words.len()).find(|&j| !matches!(words.w(j), "," | "." | ":" | ";"));
                next.is_some_and(|j| words.w(j).starts_with(char::is_lowercase))
            }
    };
    if opens(f.start) {
        return false;
    }
    let titled = (f.start..f.end).any(|k| {
        let w = words.w(k);
        capitalized(words, k)
            // "YESTERDAY" in a shouted line is no title.
            && w.chars().any(char::is_lowercase)
            // "the 19th Century" is how some write it; "20th Century Fox" is a name.
            && (words.lw(k) != "century" || capitalized(words, k + 1))
            && matches!(
                words.lw(k),
                "today"
                    | "tonight"
                    | "tomorrow"
                    | "yesterday"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "minute"
                    | "minutes"
                    | "hour"
                    | "hours"
                    | "decade"
                    | "decades"
                    | "future"
                    | "century"
            )
    });
    if !titled {
        return false;
    }
    // A headline capitalizes every word longer than "of", "in", "the", "and".
    let mut long = (0..words.len()).filter(|&k| words.w(k).len() > 3 && words.w(k).starts_with(char::is_alphabetic));
    let headline = long.clone().count() >= 3 && long.all(|k| capitalized(words, k));
    !headline
}

/// The second day of "April 24 and 25", "June 3 to 5", "Oct. 12 through 14, 2025": a day number
/// after a month-day, as two dates (TIMEX3 marks each day). A year after the second day is the
/// first's too. "April 24 and 25 people" is a count: the day number must not be followed by a
/// word other than a preposition or conjunction.
fn second_day(words: &Words<'_>, first: &mut Found) -> Option<Found> {
    if first.val.kind() != Kind::Day {
        return None;
    }
    let known = match first.val {
        Val::Day(d) => Some(d),
        _ => None,
    };
    // The first's month when its year is unknown ("XXXX-04-08").
    let month = first.val.unknown_month();
    // The second day (of `month2`, else of the first's month) from the first's date: now when
    // it is known, else once the first is settled (just before it).
    let second = |f: Box<dyn Fn(NaiveDate) -> Option<NaiveDate>>, month2: Option<u32>, day: u32| -> Option<Val> {
        match known {
            Some(d) => Some(Val::Day(f(d)?)),
            None => {
                let unknown = match month2.or(month) {
                    Some(m) => format!("XXXX-{m:02}-{day:02}"),
                    None => "XXXX-XX-XX".into(),
                };
                Some(Val::later(Kind::Day, Some(Val::Partial(unknown)), move |env| match env.previous {
                    Some(&Val::Day(d)) => f(d).map(|d| Val::Day(d).into()),
                    _ => None,
                }))
            }
        }
    };
    if let Some(cut) = first.cut_end {
        let t = (first.start..first.end).find(|&t| words.spans[t].end > cut)?;
        // "March 18-April 1(, 1987)": the month after the hyphen and the day after the token.
        if let Some((_, m2, len)) = day_month_pair(words.w(t)) {
            let d2 = day_at(words, t + 1)?;
            let mut k = t + 2;
            if words.w(k) == "," {
                k += 1;
            }
            let written = year_at(words, k);
            let end = if written.is_some() { k + 1 } else { t + 2 };
            let val = second(
                Box::new(move |d| {
                    let y = written.unwrap_or_else(|| forward_year(d.year(), d.month(), m2));
                    NaiveDate::from_ymd_opt(y, m2, d2)
                }),
                Some(m2),
                d2,
            )?;
            let cut = words.spans[t].start + len as u32 + 1;
            return Some(Found { cut_start: Some(cut), ..found(first.rule, t, end, val, first.anchored) });
        }
        // "Oct. 12-14, 2025": the rest of the token, and the year the first day took.
        let (_, d2, len) = day_pair(words.w(t))?;
        let val = second(Box::new(move |d| NaiveDate::from_ymd_opt(d.year(), d.month(), d2)), None, d2)?;
        let cut = words.spans[t].start + len as u32 + 1;
        return Some(Found { cut_start: Some(cut), ..found(first.rule, t, first.end, val, first.anchored) });
    }
    let k = first.end;
    let day = day_at(words, k - 1)?;
    if !matches!(words.lw(k), "and" | "or" | "to" | "through" | "until" | "-" | "–")
        || known.is_some_and(|d| d.day() != day)
    {
        return None;
    }
    let n = day_at(words, k + 1).filter(|&n| n > day)?;
    // A first day known only as written ("XXXX-04-24"): its day must be the one before the
    // conjunction, and the second a day its month has.
    if known.is_none()
        && month.is_some_and(|m| first.val.unknown_day() != Some(day) || NaiveDate::from_ymd_opt(2000, m, n).is_none())
    {
        return None;
    }
    let (year, end) = match (words.lw(k + 2), year_at(words, k + 3)) {
        (",", Some(y)) => (Some(y), k + 4),
        _ => (None, k + 2),
    };
    if year.is_none() && (!ends_phrase(words, end) || words.lw(end) == "%") {
        return None;
    }
    let val = second(Box::new(move |d| NaiveDate::from_ymd_opt(year.unwrap_or(d.year()), d.month(), n)), None, n)?;
    if let Some(y) = year {
        // The year written after the second day is the first's too: both are known now when
        // the month is written ("April 24 and 25, 2020"), else (a weekday's date) once the
        // first is settled.
        if let (None, Some(m)) = (known, month) {
            first.val = Val::Day(NaiveDate::from_ymd_opt(y, m, day)?);
            first.anchored = false;
            return Some(found(first.rule, k + 1, end, Val::Day(NaiveDate::from_ymd_opt(y, m, n)?), false));
        }
        let taken = std::mem::replace(first, found(first.rule, 0, 0, Val::Ref(""), false));
        *first = taken.map(Kind::Day, move |v| match v {
            Val::Day(d) => NaiveDate::from_ymd_opt(y, d.month(), d.day()).map(Val::Day),
            _ => None,
        })?;
        first.anchored = false;
    }
    Some(found(first.rule, k + 1, end, val, first.anchored))
}

fn expression(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = expression_at(words, ctx, i) {
        let mut f = year_quarter(words, ctx, f);
        // "the next two years or so": roughly.
        if words.lw(f.end) == "or" && words.lw(f.end + 1) == "so" && !matches!(f.val.kind(), Kind::Ref | Kind::Set) {
            f.end += 2;
            f.modifier = f.modifier.or(Some(TimexMod::Approx));
        }
        return Some(f);
    }
    // "the 1988 second quarter": the article belongs to the quarter, not to the year.
    if words.lw(i) == "the" && year_at(words, i + 1).is_some() && words.lw(i + 2) != "the" {
        let f = expression_at(words, ctx, i + 1).filter(|f| f.val.kind() == Kind::Year)?;
        let q = year_quarter(words, ctx, f);
        return (q.val.kind() == Kind::Quarter).then_some(Found { start: i, ..q });
    }
    None
}

/// A year that names the year of a quarter after it: "the 1988 second quarter", "this year's
/// third quarter", "next year's first quarter", "last year's quarter" (the comparable quarter:
/// the latest one reported, a year back).
fn year_quarter(words: &Words<'_>, _: &Ctx, f: Found) -> Found {
    if f.val.kind() != Kind::Year {
        return f;
    }
    let mut k = f.end;
    if matches!(words.lw(k), "'s" | "’s") {
        k += 1;
    }
    // The quarter's number, when written; else the last one completed by the anchor.
    let (q, end) = match quarter_number(words.lw(k)) {
        Some(q) if words.lw(k + 1) == "quarter" => (Some(q), k + 2),
        // "last year's quarter", "the 1988 quarter" (the year written out before "quarter").
        None if words.lw(k) == "quarter" && (k > f.end || f.start > 0 && words.lw(f.start - 1) == "the") => {
            (None, k + 1)
        }
        _ => return f,
    };
    let year = f.val.clone();
    // Without an anchor: the quarter of a written year, its number unknown ("1988-QX").
    let unknown = match (&f.val, q) {
        (&Val::Year(y), None) => format!("{y:04}-QX"),
        (_, Some(q)) => format!("XXXX-Q{q}"),
        _ => "XXXX-QX".into(),
    };
    let val = Val::later(Kind::Quarter, Some(Val::Partial(unknown)), move |env| {
        let year = year.settled(env)?;
        let Val::Year(y) = year.val else { return None };
        let q = match q {
            Some(q) => q,
            None => last_quarter(env.anchor?).1,
        };
        Some(Done { val: Val::Quarter(y, q), ..year })
    });
    // A quarter of a year written is known now.
    let val = match (&f.val, q) {
        (&Val::Year(y), Some(q)) => Val::Quarter(y, q),
        _ => val,
    };
    Found { rule: YEAR_QUARTER, end, val, ..f }
}

fn expression_at(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let first = lw.chars().next()?;
    if !(first.is_alphanumeric() || first == '\'') {
        return None;
    }
    if matches!(lw, "that" | "the" | "earlier" | "later") {
        if let Some(f) = anaphoric(words, ctx, i) {
            return Some(f);
        }
    }
    // Approximation and bound words before a duration, or position words before a period.
    if let Some(f) = modified(words, ctx, i) {
        return Some(f);
    }
    if lw == "the" {
        if let Some(f) = step_weekday(words, ctx, i)
            .or_else(|| day_beside(words, ctx, i))
            .or_else(|| beyond_last_or_next(words, ctx, i))
        {
            return Some(f);
        }
        if let Some(mut f) = after_the(words, ctx, i + 1) {
            f.start = i;
            return Some(f);
        }
        // "the late 1970s", "the mid-1990s": a decade or century takes its article.
        let next = words.lw(i + 1);
        if !matches!(next, "early" | "late" | "mid") && !next.starts_with("mid-") {
            return None;
        }
        let f = modified(words, ctx, i + 1).filter(|f| matches!(f.val.kind(), Kind::Decade | Kind::Century))?;
        return Some(Found { start: i, ..f });
    }
    simple(words, ctx, i)
}

fn found(rule: &'static str, start: usize, end: usize, val: Val, anchored: bool) -> Found {
    Found {
        rule,
        start,
        end,
        val,
        modifier: None,
        anchored,
        range: None,
        anchor: None,
        cut_start: None,
        cut_end: None,
        aside: false,
    }
}

#[cfg(test)]
mod tests;
