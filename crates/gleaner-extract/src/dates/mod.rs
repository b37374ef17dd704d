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
//! Anchoring: relative expressions resolve against the document's `published` date; without one,
//! against the latest full date written in the document; without that, they stay underspecified
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

pub(crate) mod lexicon;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use gleaner_ingest::{Document, Span};

use crate::numbers::cardinal_at;
use crate::words::Words;
use crate::{DateMention, Extraction, Extractor, TimexType};

/// Is `word` (any case) a month or weekday name or abbreviation ("Aug.", "Tues")? The dates
/// extractor's own lexicon, for callers that must tell a date from a name.
pub fn calendar_word(word: &str) -> bool {
    let w = word.to_lowercase();
    lexicon::month(&w).is_some() || lexicon::weekday(&w).is_some()
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
        let anchor = doc.meta.published.or_else(|| latest_full_date(doc, &mut words));
        let quarterly = doc.tokens.iter().any(|t| {
            let w = doc.slice(t.span).as_bytes();
            (w.len() >= 7 && w.windows(7).any(|x| x.eq_ignore_ascii_case(b"quarter"))) || w.eq_ignore_ascii_case(b"qtr")
        });
        let ctx = Ctx { anchor, tense: Tense::Present, quarterly, reference: Reference::default() };
        let mut reference = Reference::default();
        words.each_sentence(doc, |words, i| scan(words, &ctx, &mut reference, i, &mut out.dates));
    }
}

/// The latest full date (day, month and year) written in the document: the anchor when the
/// document has no published date.
fn latest_full_date<'d>(doc: &'d Document, words: &mut Words<'d>) -> Option<NaiveDate> {
    let ctx = Ctx { anchor: None, tense: Tense::Present, quarterly: false, reference: Reference::default() };
    let mut found = Vec::new();
    let mut latest = None;
    let mut reference = Reference::default();
    words.each_sentence(doc, |words, i| {
        found.clear();
        scan(words, &ctx, &mut reference, i, &mut found);
        for d in &found {
            if d.value.len() == 10 && !d.value.contains('X') {
                latest = latest.max(d.range_start);
            }
        }
    });
    latest
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
}

/// The tense of the clause around token `i`: the nearest marker within eight tokens before it,
/// else within four after it up to the end of the clause, else none (the nearest occurrence
/// wins). The sentence as a whole is weaker evidence: "The payment is due Dec. 7; the vote was
/// ..." is not past for Dec. 7, and in "said Friday that he would" the "would" is the reported
/// clause's, not Friday's.
fn local_tense(words: &Words<'_>, markers: &[Option<Tense>], i: usize) -> Tense {
    // A date fronted before its clause ("On Tuesday, the league plans to ...", "In January, a
    // week after ..., a bomb exploded") takes the tense of the clause's verb, however far.
    // Past the near window only a verb's tense counts: a past form, a modal, or "plans to"
    // ("the hastily planned trip", "vacation plans" say nothing of the clause).
    let fronted = (0..i).all(|k| {
        matches!(
            words.lw(k),
            "on" | "in"
                | "by"
                | "at"
                | "during"
                | "until"
                | "since"
                | "over"
                | "throughout"
                | "after"
                | "before"
                | "also"
                | "and"
                | "but"
                | "then"
                | "meanwhile"
        )
    });
    let ahead = if fronted { 30 } else { 5 };
    let verb = |k: usize| match markers[k] {
        Some(Tense::Future) if k >= i + 5 => {
            let strong =
                lexicon::will(words.lw(k)) || matches!(words.lw(k), "plans" | "plan") && words.lw(k + 1) == "to";
            strong.then_some(Tense::Future)
        }
        m => m,
    };
    (i.saturating_sub(8)..i)
        .rev()
        .find_map(|k| markers[k])
        .or_else(|| {
            (i + 1..(i + ahead).min(markers.len()))
                .take_while(|&k| !matches!(words.lw(k), "that" | ";" | ":"))
                .find_map(verb)
        })
        .unwrap_or(Tense::Present)
}

/// The tense marker of every token of the sentence, computed once per sentence.
fn tense_markers(words: &Words<'_>) -> Vec<Option<Tense>> {
    (0..words.len())
        .map(|k| {
            let lw = words.lw(k);
            let prev = if k > 0 { words.lw(k - 1) } else { "" };
            // "set to resume Monday", "poised to", "is to resume trading Tuesday": a plan.
            let bound = matches!(lw, "set" | "poised" | "is" | "are")
                && words.lw(k + 1) == "to"
                && words.lw(k + 2).starts_with(|c: char| c.is_alphabetic())
                && !matches!(words.lw(k + 2), "the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their");
            // "postponed until Tuesday", "has until Friday": the day is a deadline ahead.
            let deadline = matches!(lw, "until" | "till")
                && matches!(
                    prev,
                    "postponed"
                        | "delayed"
                        | "extended"
                        | "adjourned"
                        | "deferred"
                        | "recessed"
                        | "off"
                        | "has"
                        | "have"
                        | "given"
                );
            // "The meeting begins Tuesday", "the pact expires in October": a schedule, in the
            // present. Not "begins to feel" (a process), nor "starts" (housing starts, six starts).
            let scheduled =
                matches!(lw, "begins" | "opens" | "resumes" | "convenes" | "expires" | "arrives" | "departs" | "meets")
                    && words.lw(k + 1) != "to";
            if lexicon::future_marker(lw) || bound || deadline || scheduled {
                // "had been due to expire Friday": a plan that is itself in the past.
                Some(if matches!(prev, "been" | "had") { Tense::Past } else { Tense::Future })
            } else if matches!(prev, "be" | "being") && lexicon::past_marker(lw) {
                None // "to be published in November": a passive takes its tense from elsewhere
            } else if lexicon::past_word(lw) || lexicon::past_verb(lw) && !capitalized(words, k) {
                Some(Tense::Past)
            } else {
                None
            }
        })
        .collect()
}

struct Ctx {
    /// The document date, or the latest full date written in the document.
    anchor: Option<NaiveDate>,
    tense: Tense,
    /// The document reports by quarter ("quarter" appears in it): "a year ago" is then the
    /// same quarter a year before.
    quarterly: bool,
    /// The dates the text named last: what "that day" and "the following year" refer to.
    reference: Reference,
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
#[derive(Clone, Debug, PartialEq)]
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
}

struct Found {
    start: usize,
    end: usize,
    val: Val,
    modifier: Option<&'static str>,
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

fn scan(words: &Words<'_>, ctx: &Ctx, reference: &mut Reference, sentence: u32, out: &mut Vec<DateMention>) {
    let mut markers: Option<Vec<Option<Tense>>> = None;
    let mut last_month: Option<(usize, i32, u32)> = None;
    let mut last_day: Option<(usize, NaiveDate)> = None;
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !may_start(words, i) {
            i += 1;
            continue;
        }
        let markers = markers.get_or_insert_with(|| tense_markers(words));
        let local = Ctx {
            anchor: ctx.anchor,
            tense: local_tense(words, markers, i),
            quarterly: ctx.quarterly,
            reference: *reference,
        };
        let ctx = &local;
        // Two dates in one token ("March/April", "1986/87") come as a pair; any other
        // expression may have a second day after it ("April 24 and 25", "Oct. 12-14").
        if let Some((first, second)) = month_slash_pair(words, ctx, i).or_else(|| year_pair(words, i)) {
            last_month = None;
            i = second.end;
            push_found(words, ctx, reference, sentence, out, [Some(first), Some(second)]);
            continue;
        }
        if let Some(mut f) = expression(words, ctx, i).filter(|f| !names_a_title(words, f)) {
            // A range runs forward: "March to May", "November through February". (A list,
            // "the January and December indices", need not: each month resolves alone.) Only a
            // bare month moves ("January to March this year" keeps its own).
            if let (Some((end, y1, m1)), Val::Month(_, m2)) = (last_month, &f.val) {
                let bare = f.anchored && f.start == end + 1 && f.end == f.start + 1;
                if bare && matches!(words.lw(end), "to" | "through" | "-" | "–") {
                    f.val = Val::Month(forward_year(y1, m1, *m2), *m2);
                }
            }
            // "on Friday at 4 p.m.", "March 3 at 10:30 a.m.", "yesterday at 6 a.m.": the clock
            // time of the day just named, not of the document's.
            if let (Some((end, d)), Val::Time(day, clock)) = (last_day, &mut f.val) {
                if f.start == end + 1
                    && *day == ctx.anchor
                    && clock.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
                    && matches!(words.lw(end), "at" | "around" | "about" | "by" | "from")
                {
                    *day = Some(d);
                }
            }
            last_month = match f.val {
                Val::Month(y, m) => Some((f.end, y, m)),
                _ => None,
            };
            last_day = match f.val {
                Val::Day(d) => Some((f.end, d)),
                _ => None,
            };
            let second = second_day(words, &mut f);
            i = second.as_ref().map_or(f.end, |s| s.end).max(i + 1);
            push_found(words, ctx, reference, sentence, out, [Some(f), second]);
        } else {
            i += 1;
        }
    }
}

/// Writes the found expressions as mentions; each but a comparison's becomes the reference.
fn push_found(
    words: &Words<'_>,
    ctx: &Ctx,
    reference: &mut Reference,
    sentence: u32,
    out: &mut Vec<DateMention>,
    found: [Option<Found>; 2],
) {
    // A value outside the years every reader holds (1 to 9999) is no date of ours: dropped
    // before it can become the reference ("2,500 years ago ... the following year").
    for f in found.into_iter().flatten().filter(|f| in_calendar(&f.val)) {
        if !f.aside {
            reference.note(&f.val);
        }
        out.push(mention(words, ctx, sentence, f));
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

/// "BC", "B.C.", "BCE": a year before the era, which no value of ours can hold.
fn before_christ(lw: &str) -> bool {
    matches!(lw.trim_end_matches('.'), "bc" | "b.c" | "bce" | "b.c.e")
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

/// "March/April", "Oct/Dec", "May/June shipment", "the June-July tour": two months written as
/// one token, two dates whose spans cut it (TIMEX3 marks each); the second follows the first.
fn month_slash_pair(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<(Found, Found)> {
    let w = words.w(i);
    if w.len() < 7 || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (a, b) = w.split_once(['/', '-'])?;
    let upper = |p: &str| p.starts_with(|c: char| c.is_ascii_uppercase());
    if !upper(a) || !upper(b) {
        return None;
    }
    let (m1, m2) = (lexicon::month(&a.to_ascii_lowercase())?, lexicon::month(&b.to_ascii_lowercase())?);
    let start = words.spans[i].start;
    let cut = start + a.len() as u32;
    // "Jan/Feb 1987": the year is the second month's, and the first's unless it runs over.
    let comma = usize::from(words.w(i + 1) == ",");
    let written = year_at(words, i + 1 + comma);
    // Without a year it is placed by its first month, as the shipment months of market reports
    // ("Aug/Sept at 1,870", written in February) run ahead; a period from January to a month
    // already past is the year to date ("Jan-May", written in August), though January alone
    // would be the coming one.
    let year_to_date = ctx.anchor.is_some_and(|a| m1 == 1 && m2 > 1 && m2 <= a.month() && ctx.tense != Tense::Future);
    let first_year = match written {
        Some(y) => Some(y - forward_year(0, m1, m2)),
        None if year_to_date => ctx.anchor.map(|a| a.year()),
        None => resolve_month(ctx, m1),
    };
    let (v1, v2) = match first_year {
        Some(y) => (Val::Month(y, m1), Val::Month(forward_year(y, m1, m2), m2)),
        None => (Val::Partial(format!("XXXX-{m1:02}")), Val::Partial(format!("XXXX-{m2:02}"))),
    };
    let (anchored, end) = match written {
        Some(_) => (false, i + 2 + comma),
        None => (ctx.anchor.is_some(), i + 1),
    };
    Some((
        Found { cut_end: Some(cut), ..found(i, i + 1, v1, anchored) },
        Found { cut_start: Some(cut + 1), ..found(i, end, v2, anchored) },
    ))
}

/// "1956-87", "2005/06", "the 2006-2007 fiscal year", "2003/4": two years in one token, two
/// dates whose spans cut it. With a hyphen and two digits the second year must follow the
/// first at once or be no month number: "2021-08" is ISO's August 2021, not a pair.
fn year_pair(words: &Words<'_>, i: usize) -> Option<(Found, Found)> {
    let w = words.w(i);
    if w.len() < 6 || !w.as_bytes()[4].is_ascii_punctuation() && !w.get(4..).is_some_and(|r| r.starts_with('–')) {
        return None;
    }
    let (a, b) = w.split_once(['/', '-', '–'])?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    if a.len() != 4 || !digits(a) || !digits(b) || !matches!(b.len(), 1 | 2 | 4) {
        return None;
    }
    let y1: i32 = a.parse().ok().filter(|y| (1000..=2100).contains(y))?;
    let tail: i32 = b.parse().ok()?;
    let y2 = match b.len() {
        4 => tail,
        n => {
            let m = 10i32.pow(n as u32);
            let y = y1 - y1.rem_euclid(m) + tail;
            if y > y1 {
                y
            } else {
                y + m
            }
        }
    };
    if y2 <= y1 || y2 - y1 > 100 {
        return None;
    }
    // "1130-1215 GMT": a range of clock times.
    if clock_mark(words, i + 1) {
        return None;
    }
    let hyphen = !w.contains('/');
    if hyphen && b.len() == 2 && y2 != y1 + 1 && tail <= 12 {
        return None;
    }
    let start = words.spans[i].start;
    let cut = start + a.len() as u32;
    Some((
        Found { cut_end: Some(cut), ..found(i, i + 1, Val::Year(y1), false) },
        Found {
            cut_start: Some(cut + w[a.len()..].chars().next()?.len_utf8() as u32),
            ..found(i, i + 1, Val::Year(y2), false)
        },
    ))
}

/// The second day of "April 24 and 25", "June 3 to 5", "Oct. 12 through 14, 2025": a day number
/// after a month-day, as two dates (TIMEX3 marks each day). A year after the second day is the
/// first's too. "April 24 and 25 people" is a count: the day number must not be followed by a
/// word other than a preposition or conjunction.
fn second_day(words: &Words<'_>, first: &mut Found) -> Option<Found> {
    let Val::Day(d) = first.val else { return None };
    if let Some(cut) = first.cut_end {
        let t = (first.start..first.end).find(|&t| words.spans[t].end > cut)?;
        // "March 18-April 1(, 1987)": the month after the hyphen and the day after the token.
        if let Some((_, m2, len)) = day_month_pair(words.w(t)) {
            let d2 = day_at(words, t + 1)?;
            let mut k = t + 2;
            if words.w(k) == "," {
                k += 1;
            }
            let (y, end) = match year_at(words, k) {
                Some(y) => (y, k + 1),
                None => (forward_year(d.year(), d.month(), m2), t + 2),
            };
            let day = NaiveDate::from_ymd_opt(y, m2, d2)?;
            let cut = words.spans[t].start + len as u32 + 1;
            return Some(Found { cut_start: Some(cut), ..found(t, end, Val::Day(day), first.anchored) });
        }
        // "Oct. 12-14, 2025": the rest of the token, and the year the first day took.
        let (_, d2, len) = day_pair(words.w(t))?;
        let day = NaiveDate::from_ymd_opt(d.year(), d.month(), d2)?;
        let cut = words.spans[t].start + len as u32 + 1;
        return Some(Found { cut_start: Some(cut), ..found(t, first.end, Val::Day(day), first.anchored) });
    }
    let k = first.end;
    if !matches!(words.lw(k), "and" | "or" | "to" | "through" | "until" | "-" | "–")
        || day_at(words, k - 1) != Some(d.day())
    {
        return None;
    }
    let second = day_at(words, k + 1).filter(|&n| n > d.day())?;
    let (year, end) = match (words.lw(k + 2), year_at(words, k + 3)) {
        (",", Some(y)) => (Some(y), k + 4),
        _ => (None, k + 2),
    };
    if year.is_none() && (!ends_phrase(words, end) || words.lw(end) == "%") {
        return None;
    }
    let y = year.unwrap_or(d.year());
    let day = NaiveDate::from_ymd_opt(y, d.month(), second)?;
    if let Some(y) = year {
        first.val = Val::Day(NaiveDate::from_ymd_opt(y, d.month(), d.day())?);
        first.anchored = false;
    }
    Some(found(k + 1, end, Val::Day(day), first.anchored))
}

/// Can a temporal expression start at token `i`? A cheap gate (most tokens cannot) before the
/// matchers run: digits, calendar and relative words, and the words that open a modified or
/// counted expression.
fn may_start(words: &Words<'_>, i: usize) -> bool {
    let lw = words.lw(i);
    let Some(first) = lw.as_bytes().first() else { return false };
    if first.is_ascii_digit() || *first == b'\'' {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    // One split per token: "third-quarter", "two-hour", "mid-June", "post-1997".
    let (head, rest) = lw.split_once('-').unwrap_or((lw, ""));
    let hyphened = match head {
        "mid" | "end" | "late" | "early" => !rest.is_empty(),
        // Not "pre-tax", "post-war": a year or a month after it.
        "post" | "pre" => rest.starts_with(|c: char| c.is_ascii_digit()) || lexicon::month(rest).is_some(),
        _ => false,
    };
    hyphened
        || is_opener(lw)
        || is_opener(head)
        || head == "hundred"
        || lexicon::month(lw).is_some()
        || lexicon::season(lw).is_some()
        || lw.starts_with("fy")
        || (lw.len() == 2 && (lw.starts_with('q') || lw == "h1" || lw == "h2")) // not "he"
        || crate::numbers::word_value(head).is_some()
        || (capitalized(words, i)
            && (lexicon::weekday(lw).is_some()
                || lexicon::HOLIDAYS.iter().any(|(p, ..)| p[0] == lw)
                || lexicon::movable_first(lw)))
        || (lw.ends_with("days") && lexicon::weekday(&lw[..lw.len() - 1]).is_some())
        || lexicon::decade_word(lw).is_some()
        || with_neighbour(words, i, lw)
        || lw.len() > 6
            && lw.as_bytes()[3..].iter().any(|&b| b == b'/' || b == b'-')
            && lw.get(..3).is_some_and(|p| lexicon::month(p).is_some())
}

/// Words that open an expression only beside a certain word: "that day", "year end", "for
/// years", "within weeks", "months ago". The neighbour is compared before any lexicon is read.
fn with_neighbour(words: &Words<'_>, i: usize, lw: &str) -> bool {
    let next = words.lw(i + 1);
    match lw {
        "that" => next == "same" || anaphor_grain(next).is_some(),
        // "the fifth of May": a spelled day before "of" and a month.
        _ if next == "of" && lw.ends_with(['t', 'd', 'h']) && lexicon::month(words.lw(i + 2)).is_some() => {
            spelled_day(lw).is_some()
        }
        "year" => matches!(next, "end" | "'s" | "’s"),
        // Plural units all end in "s": most words stop at that byte.
        _ if lw.ends_with('s') => {
            (next == "ago"
                || i > 0
                    && matches!(
                        words.lw(i - 1),
                        "for" | "within" | "in" | "take" | "takes" | "took" | "taking" | "taken"
                    ))
                && lexicon::unit(lw).is_some_and(|u| u.plural)
        }
        _ => false,
    }
}

/// "the lowest level in years", "the first time in decades", "the biggest drop in months": a
/// superlative or a first time looks back over a stretch whose length is not given. Not "in
/// years one and two", "in months in which", "the increase in hours worked".
fn looks_back(words: &Words<'_>, i: usize) -> bool {
    let next = words.lw(i + 1);
    let ends =
        next.is_empty() || matches!(next, "." | "," | ";" | ":" | ")" | "\"" | "''" | "and" | "amid" | "as" | "but");
    // Days to decades: "lap times in seconds" is a unit of measure.
    let calendar = lexicon::unit(words.lw(i)).is_some_and(|u| !u.time);
    ends && calendar && (i.saturating_sub(9)..i.saturating_sub(1)).any(|k| superlative_cue(words.lw(k)))
}

/// A word that makes a span one looked back over: an ordinal or "time" ("the first time in 11
/// years", "his ninth manager in eight years"), a superlative ("the lowest in a decade").
fn superlative_cue(w: &str) -> bool {
    matches!(w, "time" | "times" | "most" | "least" | "best" | "worst" | "last")
        || w.len() > 4
            && w.ends_with("est")
            && !matches!(w, "interest" | "request" | "harvest" | "protest" | "forest" | "invest" | "suggest" | "west")
        || crate::numbers::ordinal_value(w).is_some()
}

/// Words that open a temporal expression (a `match`: this runs for every token).
#[rustfmt::skip]
fn is_opener(lw: &str) -> bool {
    matches!(
        lw,
        "the" | "this" | "last" | "next" | "past" | "coming" | "previous" | "current" | "early" | "late" | "mid" |
            "earlier" | "later" | "more" | "every" | "each" | "per" | "a" | "an" | "several" | "few" | "many" |
            "some" | "couple" | "recent" | "future" | "upcoming" | "fiscal" | "today" | "today's" | "yesterday" |
            "yesterday's" | "tomorrow" | "tomorrow's" | "tonight" | "now" | "currently" | "presently" | "nowadays" |
            "recently" | "lately" | "noon" | "midday" | "midnight" | "year-earlier" | "year-ago" | "annually" |
            "yearly" | "daily" | "weekly" | "monthly" | "hourly" | "quarterly" | "less" | "fewer" | "at" | "up" |
            "no" | "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "over" | "under" |
            "first" | "second" | "third" | "fourth" | "final" | "half" | "these" | "year-end"
    )
}

fn capitalized(words: &Words<'_>, i: usize) -> bool {
    words.w(i).chars().next().is_some_and(char::is_uppercase)
}

/// A four-digit year 1000–2100 at token `i`.
fn year_at(words: &Words<'_>, i: usize) -> Option<i32> {
    let w = words.w(i);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// A year spelled out, as transcripts write it: "nineteen ninety-four", "two thousand",
/// "two thousand and one". Returns the year and the token after it.
fn spelled_year(words: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    let century = match words.lw(i) {
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "two" if words.lw(i + 1) == "thousand" => {
            let k = if words.lw(i + 2) == "and" { i + 3 } else { i + 2 };
            return Some(match crate::numbers::word_value(words.lw(k)).filter(|v| *v < 100.0) {
                Some(v) => (2000 + v as i32, k + 1),
                None => (2000, i + 2),
            });
        }
        _ => return None,
    };
    let next = words.lw(i + 1);
    let v = crate::numbers::word_value(next).or_else(|| {
        let (t, u) = next.split_once('-')?;
        Some(crate::numbers::word_value(t)? + crate::numbers::word_value(u)?)
    })?;
    (10.0..100.0).contains(&v).then(|| (century * 100 + v as i32, i + 2))
}

/// A year written in digits or spelled out.
fn any_year_at(words: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    year_at(words, i).map(|y| (y, i + 1)).or_else(|| spelled_year(words, i))
}

/// A day of the month at token `i`: "31", "31st", "1st".
fn day_at(words: &Words<'_>, i: usize) -> Option<u32> {
    let lw = words.lw(i);
    let digits = lw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lw[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year in two digits: "'86" (or "86" when `bare` is allowed and it is over 31, so no day),
/// in the century that puts it nearest the anchor's year.
fn short_year(w: &str, bare: bool, anchor: Option<NaiveDate>) -> Option<i32> {
    let digits = match w.strip_prefix('\'').or_else(|| w.strip_prefix('’')) {
        Some(d) => d,
        None if bare => w,
        None => return None,
    };
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = digits.parse().ok()?;
    if digits.len() == w.len() && yy <= 31 {
        return None;
    }
    let near = anchor.map_or(1950, |a| a.year());
    let base = near - near.rem_euclid(100);
    [base - 100 + yy, base + yy, base + 100 + yy].into_iter().min_by_key(|y| (y - near).abs())
}

/// A day written as an ordinal word: "fourth", "twenty-first" (not "fifths").
fn spelled_day(lw: &str) -> Option<u32> {
    if lw.ends_with('s') {
        return None;
    }
    crate::numbers::ordinal_value(lw).and_then(|d| u32::try_from(d).ok()).filter(|d| (1..=31).contains(d))
}

/// The day after a month: "5", "5th", a spelled ordinal that ends the phrase ("July fourth",
/// not "the June second round"), or a capitalized number word, as wire tables write it ("Pay
/// April One", "Record Nov Two").
fn written_day(words: &Words<'_>, k: usize) -> Option<u32> {
    day_at(words, k).or_else(|| spelled_day(words.lw(k)).filter(|_| ends_phrase(words, k + 1))).or_else(|| {
        let n = crate::numbers::word_value(words.lw(k)).filter(|_| capitalized(words, k))?;
        (n.fract() == 0.0 && (1.0..=31.0).contains(&n)).then_some(n as u32)
    })
}

/// Does the word at `k` end a date phrase, rather than continue a noun phrase ("June second
/// round")? Punctuation, the end, or a preposition or conjunction.
fn ends_phrase(words: &Words<'_>, k: usize) -> bool {
    let after = words.lw(k);
    !after.starts_with(|c: char| c.is_alphabetic())
        || matches!(
            after,
            "in" | "at"
                | "on"
                | "and"
                | "or"
                | "when"
                | "with"
                | "for"
                | "to"
                | "the"
                | "of"
                | "before"
                | "after"
                | "during"
                | "while"
                | "as"
                | "by"
                | "from"
        )
}

/// A word before a month that makes it the month: "in May", "since March", "early June", "the
/// 5th of May".
fn places_month(prev: &str) -> bool {
    matches!(
        prev,
        "in" | "of"
            | "since"
            | "until"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "during"
            | "from"
            | "through"
    )
}

/// A month name at `i`, capitalized (so "may" the verb and "march" the noun are not months).
fn month_at(words: &Words<'_>, i: usize) -> Option<u32> {
    let m = lexicon::month(words.lw(i))?;
    let w = words.w(i);
    let short = w.trim_end_matches('.').len() <= 4 && !matches!(w, "May" | "June" | "July");
    if !capitalized(words, i)
        || (short
            && !w.ends_with('.')
            && w.len() == 3
            && !words.w(i + 1).starts_with(|c: char| c.is_ascii_digit())
            && !(matches!(words.w(i + 1), "'" | "’") && words.w(i + 2).starts_with(|c: char| c.is_ascii_digit()))
            && written_day(words, i + 1).is_none())
    {
        return None;
    }
    // A month name heading a name ("the March of Dimes", "the annual March for Life", "March on
    // Washington"): a preposition and then a capitalized word that is no date.
    // After a word that places a date ("signed in February for the Saudis", "last October on
    // the London Stock Exchange") it is the month.
    let named_at = if words.lw(i + 2) == "the" { i + 3 } else { i + 2 }; // "the March of the Living"
    let placed = i > 0
        && (day_at(words, i - 1).is_some()
            || day_pair(words.w(i - 1)).is_some()
            || places_month(words.lw(i - 1))
            || matches!(words.lw(i - 1), "on" | "before" | "after"));
    if matches!(words.lw(i + 1), "of" | "for" | "on")
        && capitalized(words, named_at)
        && !placed
        && month_at(words, named_at).is_none()
        && lexicon::weekday(words.lw(named_at)).is_none()
    {
        return None;
    }
    // "May" is also a name and a verb: only as a month next to a day, a year or a calendar word.
    if m == 5 && w == "May" {
        let prev = if i > 0 { words.lw(i - 1) } else { "" };
        let next = words.w(i + 1);
        let dated = day_at(words, i + 1).is_some()
            || i > 0 && day_at(words, i - 1).is_some()
            // "March to May", "April and May": after another month.
            || i > 1
                && matches!(prev, "to" | "and" | "through" | "or" | "-" | "–")
                && lexicon::month(words.lw(i - 2)).is_some()
                && capitalized(words, i - 2)
            || year_at(words, i + 1).is_some()
            || day_pair(words.w(i + 1)).is_some()
            || day_month_pair(words.w(i + 1)).is_some()
            || written_day(words, i + 1).is_some();
        // "elections are planned for May.": a plan's month, where a clause ends.
        let planned_for = prev == "for"
            && matches!(next, "." | "," | ";" | ":" | ")")
            && i > 1
            && matches!(
                words.lw(i - 2),
                "planned" | "scheduled" | "slated" | "set" | "due" | "expected" | "postponed" | "delayed" | "booked"
            );
        let calendar = planned_for || places_month(prev);
        // "a May election", "an expected May general election", "the May poll": a month
        // before a common noun, after an article (and perhaps a participle).
        let article = |w: &str| matches!(w, "a" | "an" | "the" | "'s" | "’s" | "its" | "their" | "his" | "her" | "our");
        let determined = article(prev) || prev.ends_with("ed") && i > 1 && article(words.lw(i - 2));
        let noun_after = next.starts_with(char::is_lowercase)
            && !matches!(
                words.lw(i + 1),
                "be" | "is"
                    | "was"
                    | "has"
                    | "had"
                    | "have"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "said"
                    | "says"
                    | "and"
                    | "or"
            );
        if !(dated || calendar || determined && noun_after) || next == "be" {
            return None;
        }
    }
    Some(m)
}

fn expression(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = expression_at(words, ctx, i) {
        let mut f = year_quarter(words, ctx, f);
        // "the next two years or so": roughly.
        if words.lw(f.end) == "or" && words.lw(f.end + 1) == "so" && !matches!(f.val, Val::Ref(_) | Val::Set(_)) {
            f.end += 2;
            f.modifier = f.modifier.or(Some("APPROX"));
        }
        return Some(f);
    }
    // "the 1988 second quarter": the article belongs to the quarter, not to the year.
    if words.lw(i) == "the" && year_at(words, i + 1).is_some() && words.lw(i + 2) != "the" {
        let f = expression_at(words, ctx, i + 1).filter(|f| matches!(f.val, Val::Year(_)))?;
        let q = year_quarter(words, ctx, f);
        return matches!(q.val, Val::Quarter(..)).then_some(Found { start: i, ..q });
    }
    None
}

/// A year that names the year of a quarter after it: "the 1988 second quarter", "this year's
/// third quarter", "next year's first quarter", "last year's quarter" (the comparable quarter:
/// the latest one reported, a year back).
fn year_quarter(words: &Words<'_>, ctx: &Ctx, f: Found) -> Found {
    let Val::Year(y) = f.val else { return f };
    let mut k = f.end;
    if matches!(words.lw(k), "'s" | "’s") {
        k += 1;
    }
    let (q, end) = match quarter_number(words.lw(k)) {
        Some(q) if words.lw(k + 1) == "quarter" => (q, k + 2),
        // "last year's quarter", "the 1988 quarter" (the year written out before "quarter").
        None if words.lw(k) == "quarter" && (k > f.end || f.start > 0 && words.lw(f.start - 1) == "the") => {
            match ctx.anchor {
                Some(a) => (last_quarter(a).1, k + 1),
                None => return f,
            }
        }
        _ => return f,
    };
    Found { end, val: Val::Quarter(y, q), ..f }
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
        if let Some(f) = step_weekday(words, ctx, i).or_else(|| day_beside(words, ctx, i)) {
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
        let f = modified(words, ctx, i + 1).filter(|f| matches!(f.val, Val::Decade(_) | Val::Century(_)))?;
        return Some(Found { start: i, ..f });
    }
    simple(words, ctx, i)
}

/// Expressions that take "the" in front ("the summer of 2016", "the 1990s", "the past three
/// months", "the first quarter", "the end of the year").
fn after_the(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    if matches!(lw, "first" | "last" | "final") && words.lw(i + 1) != "quarter" {
        if let Some(part) = period_of(words, ctx, i) {
            return Some(part); // "the first four months of 2021"
        }
    }
    if matches!(lw, "second" | "latter") {
        if let Some(half) = half_of(words, ctx, i) {
            return Some(half); // "the second half of 1989"
        }
    }
    // "the current year", "the current fiscal year", "the current quarter": this one.
    if lw == "current" {
        let fiscal = matches!(words.lw(i + 1), "fiscal" | "financial" | "tax") && words.lw(i + 2) == "year";
        let k = if fiscal { i + 2 } else { i + 1 };
        if matches!(words.lw(k), "year" | "quarter" | "month" | "week") {
            let mut f = relative_unit(words, ctx, k - 1).filter(|_| k == i + 1).or_else(|| {
                let a = ctx.anchor?;
                Some(found(i, k + 1, Val::Year(a.year()), true))
            })?;
            f.start = i;
            f.end = k + 1;
            return Some(f);
        }
    }
    // "the week of March 6": the week that day falls in.
    if lw == "week" && words.lw(i + 1) == "of" {
        if let Some(Found { val: Val::Day(d), end, anchored, .. }) = month_form(words, ctx, i + 2) {
            let w = d.iso_week();
            return Some(found(i, end, Val::Week(w.year(), w.week()), anchored));
        }
    }
    match lw {
        "first" if words.lw(i + 1) != "quarter" => {
            // "the first nine months": a duration with its determiner.
            let (v, k) = cardinal_at(words, i + 1)?;
            let u = lexicon::unit(words.lw(k)).filter(|u| u.plural)?;
            Some(found(i, k + 1, Val::Duration(duration(v, u)), false))
        }
        "past" | "last" | "next" | "coming" | "previous" | "following" => {
            // "the past three months", "the last 24 hours", "the past several years": durations.
            if let Some((v, k)) = amount(words, i + 1).filter(|(v, _)| v.is_none_or(|v| v > 0.0)) {
                if let Some(u) = lexicon::unit(words.lw(k)).filter(|u| v.is_some() || u.plural) {
                    let value = match v {
                        Some(v) => duration(v, u),
                        None => vague_duration(u),
                    };
                    return Some(found(i, k + 1, Val::Duration(value), false));
                }
            }
            if let Some(u) = lexicon::unit(words.lw(i + 1)).filter(|u| !u.plural) {
                if lw == "following" || lw == "next" && u.letter == "D" {
                    return None;
                }
                return Some(found(i, i + 2, Val::Duration(duration(1.0, u)), false));
            }
            if lw == "past"
                && !words.lw(i + 1).starts_with(|c: char| c.is_ascii_digit())
                && lexicon::unit(words.lw(i + 1)).is_none()
            {
                return Some(found(i, i + 1, Val::Ref("PAST_REF"), false));
            }
            None
        }
        "quarter" | "latest" | "year-earlier" | "year-ago" | "comparable" | "corresponding" | "same" | "prior" => {
            financial_period(words, ctx, i)
        }
        "year" => {
            if let Some((y, end)) = any_year_at(words, i + 1) {
                return Some(found(i, end, Val::Year(y), false)); // "the year two thousand"
            }
            // "for the year": a duration; "the year's best": the current year.
            // "the year ended Sept. 30", "the year to end-March": twelve months to a date (TimeBank
            // marks "the fiscal year ended Jan. 31" P1Y).
            let prev = if i >= 2 { words.lw(i - 2) } else { "" };
            if matches!(prev, "for" | "over" | "throughout" | "during")
                || matches!(words.lw(i + 1), "ended" | "ending" | "to" | "through")
            {
                return Some(found(i, i + 1, Val::Duration("P1Y".into()), false));
            }
            Some(found(i, i + 1, Val::Year(ctx.anchor?.year()), true))
        }
        // "the full year" of an earnings report: the current one, whatever the preposition.
        "full" if words.lw(i + 1) == "year" => Some(found(i, i + 2, Val::Year(ctx.anchor?.year()), true)),
        "weekend" => {
            let a = ctx.anchor?;
            // The weekend just gone (a Monday's "the weekend" is the day before; a Sunday's is
            // its own, and a Saturday's too unless the clause is past), unless the clause looks
            // ahead: news reports what happened, as with a bare weekday.
            let n = a.weekday().number_from_monday();
            let a = if ctx.tense != Tense::Future {
                a - Duration::days(i64::from(if ctx.tense == Tense::Past { n % 7 } else { n % 6 }))
            } else {
                a
            };
            let w = a.iso_week();
            Some(found(i, i + 1, Val::Partial(format!("{}-W{:02}-WE", w.year(), w.week())), true))
        }
        "future" => Some(found(i, i + 1, Val::Ref("FUTURE_REF"), false)),
        // "the other day", "the other night": a recent, unnamed day (TIMEX3's PAST_REF).
        // "bid on the other day" is the other of two.
        "other" if matches!(words.lw(i + 1), "day" | "night" | "week") && !(i >= 2 && words.lw(i - 2) == "on") => {
            Some(found(i, i + 2, Val::Ref("PAST_REF"), false))
        }
        // "in the morning": of the day the text is at (named last, else the document's).
        "morning" | "afternoon" | "evening" if i >= 2 && words.lw(i - 2) == "in" => {
            let d = ctx.reference.day.or(ctx.anchor);
            let part = lexicon::part_of_day(lw)?;
            let f = found(i, i + 1, Val::Time(d, format!("T{part}")), d.is_some());
            Some(Found { anchor: ctx.reference.day, ..f })
        }
        "near" | "short" | "long" if matches!(words.lw(i + 1), "future" | "term") => {
            if lw == "long" {
                return None;
            }
            Some(found(i, i + 2, Val::Ref("FUTURE_REF"), false)) // "the near future", "the short term"
        }
        "first" | "second" | "third" | "fourth" | "1st" | "2nd" | "3rd" | "4th" => quarter(words, ctx, i),
        "end" | "beginning" | "start" | "middle" => {
            // "the end of the year", "the beginning of 2020"
            if words.lw(i + 1) != "of" {
                return None;
            }
            // "the end of the month", "the start of the week": the current one.
            let current = match (words.lw(i + 2), words.lw(i + 3), ctx.anchor) {
                ("the", "month", Some(a)) => Some(found(i + 2, i + 4, Val::Month(a.year(), a.month()), true)),
                ("the", "week", Some(a)) => {
                    let w = a.iso_week();
                    Some(found(i + 2, i + 4, Val::Week(w.year(), w.week()), true))
                }
                _ => None,
            };
            let inner = current.or_else(|| expression(words, ctx, i + 2))?;
            let modifier = match lw {
                "end" => "END",
                "middle" => "MID",
                _ => "START",
            };
            if matches!(inner.val, Val::Duration(_) | Val::Set(_) | Val::Ref(_)) {
                return None;
            }
            Some(Found { start: i, end: inner.end, modifier: Some(modifier), ..inner })
        }
        _ => {
            if let Some(q) = month_span_quarter(words, ctx, i) {
                return Some(q);
            }
            let f = simple(words, ctx, i)?;
            // "the 1990s", "the summer of 2016", "the 20th century", "the nine months": with
            // "the"; "the current", "the recent" and adjectival "the third-quarter" without.
            let duration =
                matches!(f.val, Val::Duration(_)) && cardinal_at(words, i).is_some() && !words.lw(i).contains('-');
            let adjective = words.lw(i).contains('-');
            (!adjective
                && (duration || matches!(f.val, Val::Decade(_) | Val::Century(_) | Val::Season(..) | Val::Quarter(..))))
            .then_some(f)
        }
    }
}

/// Earnings-report anaphora, after "the": "the quarter", "the latest quarter", "the latest
/// period" (the last quarter completed before the document date), "the year-earlier quarter",
/// "the year-ago period" (the same quarter a year before).
fn financial_period(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let a = ctx.anchor?;
    let (y, q) = last_quarter(a);
    let lw = words.lw(i);
    let (year_back, end) = match lw {
        "quarter" => (0, i + 1),
        "latest" | "comparable" | "corresponding" | "same" | "prior"
            if matches!(words.lw(i + 1), "quarter" | "period") =>
        {
            (i32::from(lw == "prior"), i + 2)
        }
        "year-earlier" | "year-ago" if matches!(words.lw(i + 1), "quarter" | "period") => (1, i + 2),
        _ => return None,
    };
    if lw == "prior" && words.lw(i + 1) == "period" {
        return Some(Found { aside: true, ..found(i, end, Val::Quarter(y - 1, q), true) });
    }
    // "the same quarter a year ago", "the corresponding period last year": one expression.
    if matches!(lw, "same" | "corresponding" | "comparable") {
        if let Some(back) = year_back_phrase(words, end) {
            return Some(Found { aside: true, ..found(i, back, Val::Quarter(y - 1, q), true) });
        }
        // "the corresponding period of 1985/86", "the same period in 1985": of a year named
        // after it, not the latest; nor is "the same period" a quarter outside an earnings
        // report ("has nearly doubled in the same period").
        let year_after = matches!(words.lw(end), "in" | "of") && any_year_at(words, end + 1).is_some();
        if lw == "corresponding" || year_after || words.lw(end - 1) == "period" && !ctx.quarterly {
            return None;
        }
    }
    Some(Found { aside: year_back > 0, ..found(i, end, Val::Quarter(y - year_back, q), true) })
}

/// The end of "last year", "a year ago|earlier|before", "the previous|prior year" or "the year
/// before" at `k`: what shifts "the same month" or "the same quarter" a year back.
fn year_back_phrase(words: &Words<'_>, k: usize) -> Option<usize> {
    match (words.lw(k), words.lw(k + 1), words.lw(k + 2)) {
        ("last", "year", _) => Some(k + 2),
        ("a" | "one", "year", "ago" | "earlier" | "before") => Some(k + 3),
        ("the", "previous" | "prior", "year") | ("the", "year", "before") => Some(k + 3),
        _ => None,
    }
}

/// The grain of a narrative reference's head word: "day" and the parts of a day, "week",
/// "month", "quarter", "year".
fn anaphor_grain(lw: &str) -> Option<char> {
    match lw {
        "day" => Some('D'),
        "week" => Some('W'),
        "month" => Some('M'),
        "quarter" => Some('Q'),
        "year" => Some('Y'),
        _ => lexicon::part_of_day(lw).filter(|_| !matches!(lw, "tonight" | "overnight")).map(|_| 'D'),
    }
}

/// "that day", "that same night", "earlier that day", "later that year", "the same day", "the
/// following day|week|month|year", "the next morning", "the previous evening": the period the
/// text named last ([`Reference`]), or the one after or before it. Without such a period the
/// phrase is left alone: "that day" with nothing named before it refers to an event.
fn anaphoric(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let mut k = i;
    if matches!(words.lw(k), "earlier" | "later") && words.lw(k + 1) == "that" {
        k += 1;
    }
    // "down from $450 million the year before.", "he had arrived the day before": the period
    // before or after the one the text is at, where the phrase ends (not "the day after his
    // death", anchored on an event).
    let ends = |j: usize| matches!(words.lw(j), "" | "." | "," | ";" | ":" | ")" | "and" | "but");
    let trailing = match (words.lw(k), words.lw(k + 2)) {
        ("the", "before" | "earlier") if anaphor_grain(words.lw(k + 1)).is_some() && ends(k + 3) => Some(-1),
        ("the", "after" | "later") if anaphor_grain(words.lw(k + 1)).is_some() && ends(k + 3) => Some(1),
        _ => None,
    };
    // (days, months or years to step, any grain or the day's only, words before the head)
    let (step, any_grain, skip) = if let Some(step) = trailing {
        (step, true, 1)
    } else {
        match (words.lw(k), words.lw(k + 1)) {
            ("that", "same") => (0, true, 2),
            ("that", _) => (0, true, 1),
            ("the", "same") => (0, matches!(words.lw(k + 2), "year" | "month"), 2),
            ("the", "following") => (1, true, 2),
            ("the", "next") => (1, false, 2),
            ("the", "previous" | "prior") => (-1, false, 2),
            _ => return None,
        }
    };
    k += skip;
    let head = words.lw(k);
    let grain = anaphor_grain(head)?;
    // "the next year" and "the same quarter" count from the document date (or are durations,
    // or compare earnings): only the day has a story's time to count from. "the previous
    // year|month|week|quarter|day" and "the prior year" are the period before the one the text
    // is at ("in 2004 than in the previous year" is 2003), else before the document's; "during
    // the previous year" is a duration. They compare, so they leave the story's time alone.
    // "the same month last year", "the same day a year earlier": that period a year back.
    let same = words.lw(k - 1) == "same" && matches!(grain, 'D' | 'W' | 'M');
    // "the same month of 1985", "the same month in 1986": that month of the year written.
    if same && grain == 'M' && matches!(words.lw(k + 1), "of" | "in") {
        if let (Some(y), Some((_, m))) =
            (year_at(words, k + 2), ctx.reference.month.or(ctx.anchor.map(|a| (a.year(), a.month()))))
        {
            return Some(Found { aside: true, ..found(i, k + 3, Val::Month(y, m), false) });
        }
    }
    let of_last = same && words.lw(k + 1) == "of" && words.lw(k + 2) == "last" && words.lw(k + 3) == "year";
    let year_back = if of_last { Some(k + 4) } else { same.then(|| year_back_phrase(words, k + 1)).flatten() };
    let back = step == -1 || year_back.is_some();
    if step == -1 {
        let prev = if i > 0 { words.lw(i - 1) } else { "" };
        if matches!(prev, "during" | "throughout" | "within" | "for") {
            return None;
        }
    } else if !any_grain && grain != 'D' && !back {
        return None;
    }
    let mut reference = ctx.reference;
    if back {
        let a = ctx.anchor?;
        reference.year = reference.year.or(Some(a.year()));
        reference.month = reference.month.or(Some((a.year(), a.month())));
        reference.day = reference.day.or(Some(a));
        // An earnings report is about the last quarter completed by its date.
        reference.quarter = reference.quarter.or(Some(last_quarter(a)));
    }
    let r = &reference;
    let (val, from) = match grain {
        'D' => {
            let from = r.day?;
            let d = from + Duration::days(step);
            match lexicon::part_of_day(head) {
                Some(part) => (Val::Time(Some(d), format!("T{part}")), from),
                None => (Val::Day(d), from),
            }
        }
        'W' => {
            let from = r.day?;
            let w = (from + Duration::weeks(step)).iso_week();
            (Val::Week(w.year(), w.week()), from)
        }
        'M' => {
            let (y, m) = r.month?;
            let (ny, nm) = add_months(y, m, step as i32);
            (Val::Month(ny, nm), NaiveDate::from_ymd_opt(y, m, 1)?)
        }
        'Q' => {
            let (y, q) = r.quarter?;
            let (ny, nq) = add_quarters(y, q, step as i32);
            (Val::Quarter(ny, nq), NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?)
        }
        _ => {
            let y = r.year?;
            (Val::Year(y + step as i32), NaiveDate::from_ymd_opt(y, 1, 1)?)
        }
    };
    // Counted from the document's date: the anchor column stays empty, as for "last year".
    let own = match grain {
        'Y' => ctx.reference.year.is_some(),
        'M' => ctx.reference.month.is_some(),
        'Q' => ctx.reference.quarter.is_some(),
        _ => ctx.reference.day.is_some(),
    };
    let (val, end) = match (year_back, val) {
        (None, val) => (val, k + 1 + usize::from(trailing.is_some())),
        (Some(end), Val::Day(d)) => (Val::Day(shift_years(d, -1)?), end),
        (Some(end), Val::Week(y, w)) => (Val::Week(y - 1, w), end),
        (Some(end), Val::Month(y, m)) => (Val::Month(y - 1, m), end),
        _ => return None,
    };
    Some(Found { anchor: own.then_some(from), aside: back, ..found(i, end, val, true) })
}

/// "mid-afternoon", "mid afternoon yesterday", "mid-morning Friday": the part of the day
/// written after it, else of the document's; the word of the part of day is at `part`.
fn mid_part_of_day(words: &Words<'_>, ctx: &Ctx, i: usize, part: usize) -> Option<Found> {
    let code = lexicon::part_of_day(words.lw(part).trim_start_matches("mid-"))?;
    let day = relative_word(words, ctx, part + 1)
        .or_else(|| weekday_form(words, ctx, part + 1))
        .filter(|f| f.start == part + 1 && f.end == part + 2);
    let (d, end) = match day {
        Some(Found { val: Val::Day(d), end, .. }) => (Some(d), end),
        _ => (ctx.anchor, part + 1),
    };
    Some(Found { modifier: Some("MID"), ..found(i, end, Val::Time(d, format!("T{code}")), d.is_some()) })
}

fn found(start: usize, end: usize, val: Val, anchored: bool) -> Found {
    Found {
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

/// "nearly 20 years", "about two hours", "more than a decade", "early 2014", "mid-June",
/// "late last year".
fn modified(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    const AMOUNT: &[(&[&str], &str)] = &[
        (&["more", "than"], "MORE_THAN"),
        (&["less", "than"], "LESS_THAN"),
        (&["fewer", "than"], "LESS_THAN"),
        (&["at", "least"], "EQUAL_OR_MORE"),
        (&["at", "most"], "EQUAL_OR_LESS"),
        (&["up", "to"], "EQUAL_OR_LESS"),
        (&["no", "more", "than"], "EQUAL_OR_LESS"),
        // "nearly": APPROX, as #4 asks ("nearly 20 years", P20Y APPROX); TimeBank writes it
        // APPROX 3 times, EQUAL_OR_LESS 3 times, LESS_THAN once.
        (&["nearly"], "APPROX"),
        (&["almost"], "LESS_THAN"),
        (&["about"], "APPROX"),
        (&["around"], "APPROX"),
        (&["some"], "APPROX"),
        (&["roughly"], "APPROX"),
        (&["approximately"], "APPROX"),
        (&["over"], "MORE_THAN"),
        (&["under"], "LESS_THAN"),
    ];
    for (phrase, modifier) in AMOUNT {
        if phrase.iter().enumerate().all(|(k, p)| words.lw(i + k) == *p) {
            let k = i + phrase.len();
            if let Some(inner) = ago(words, ctx, k) {
                return Some(Found { start: i, modifier: Some("APPROX"), ..inner });
            }
            if let Some(inner) = duration_at(words, ctx, k).filter(|f| f.start == k) {
                return Some(Found { start: i, modifier: Some(modifier), ..inner });
            }
            // "around Nov. 1", "around 7:15 p.m.", "about 10 p.m.": a date or time, roughly. Not
            // "about Friday's vote" (a topic): "about" takes clock times only.
            let approx = matches!(phrase[0], "around" | "roughly" | "approximately")
                || phrase[0] == "about" && time_of_day(words, ctx, k).is_some();
            if !approx {
                return None;
            }
            let inner = simple(words, ctx, k).filter(|f| {
                f.start == k && matches!(f.val, Val::Day(_) | Val::Time(..) | Val::Month(..) | Val::Year(_))
            })?;
            return Some(Found { start: i, modifier: Some("APPROX"), ..inner });
        }
    }
    let lw = words.lw(i);
    if matches!(lw, "earlier" | "later" | "more") && i + 1 < words.len() {
        // "earlier this year", "later this afternoon", "Earlier Sunday", "more recently".
        let inner = simple(words, ctx, i + 1).filter(|f| f.start == i + 1)?;
        let fits = match lw {
            "more" => inner.val == Val::Ref("PAST_REF"),
            _ => {
                matches!(words.lw(i + 1), "this" | "today" | "tonight" | "yesterday" | "tomorrow")
                    || lexicon::weekday(words.lw(i + 1)).is_some()
            }
        };
        return fits.then_some(Found { start: i, ..inner });
    }
    let position = match lw {
        "early" => "START",
        "late" => "END",
        "mid" if lexicon::part_of_day(words.lw(i + 1)).is_some() => return mid_part_of_day(words, ctx, i, i + 1),
        "mid" => "MID",
        _ => {
            // "mid-2019", "mid-June", "mid-1990s", "end-1985", "end-March", "late-November",
            // "early-May" in one token; "post-1997", "pre-1914": after or before it.
            let (position, rest) = [
                ("mid-", "MID"),
                ("end-", "END"),
                ("late-", "END"),
                ("early-", "START"),
                ("post-", "AFTER"),
                ("pre-", "BEFORE"),
            ]
            .into_iter()
            .find_map(|(p, m)| lw.strip_prefix(p).map(|r| (m, r)))?;
            if lexicon::part_of_day(rest).is_some() {
                return (position == "MID").then(|| mid_part_of_day(words, ctx, i, i)).flatten();
            }
            let year: Option<i32> = rest.parse().ok().filter(|y| (1000..=2100).contains(y));
            let val = if let Some(y) = year {
                Val::Year(y)
            } else if let Some(m) = lexicon::month(rest) {
                // "end-December 1986": the year written after it.
                if let Some(y) = year_at(words, i + 1) {
                    return Some(Found { modifier: Some(position), ..found(i, i + 2, Val::Month(y, m), false) });
                }
                let y = resolve_month(ctx, m)?;
                Val::Month(y, m)
            } else if let Some(ds) =
                rest.strip_suffix('s').filter(|r| r.ends_with('0') && r.bytes().all(|b| b.is_ascii_digit()))
            {
                // "mid-1990s"; "mid-70s" takes its century from the document's date.
                match ds.len() {
                    2 if !measured(words) => Val::Decade(short_decade(ctx, ds.parse::<i32>().ok()? / 10)),
                    4 => Val::Decade(ds.parse::<i32>().ok().filter(|y| (1000..=2090).contains(y))? / 10),
                    _ => return None,
                }
            } else {
                return None;
            };
            return Some(Found { modifier: Some(position), ..found(i, i + 1, val, year.is_none()) });
        }
    };
    let mut k = i + 1;
    if words.w(k) == "-" {
        k += 1;
    }
    let inner =
        simple(words, ctx, k).or_else(|| (words.lw(k) == "the").then(|| after_the(words, ctx, k + 1)).flatten())?;
    if matches!(inner.val, Val::Duration(_) | Val::Set(_) | Val::Ref(_) | Val::Time(..)) {
        return None;
    }
    Some(Found { start: i, modifier: Some(position), ..inner })
}

/// "year-end", "year end", "year's end": the end of the current year; of the last one in the
/// past tense or after "since" ("the change since year-end").
fn year_end(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let end = match (words.lw(i), words.lw(i + 1), words.lw(i + 2)) {
        ("year-end", ..) => i + 1,
        ("year", "end", _) => i + 2,
        ("year", "'s" | "’s", "end") => i + 3,
        _ => return None,
    };
    let a = ctx.anchor?;
    let since = i > 0 && words.lw(i - 1) == "since";
    let y = if since || ctx.tense == Tense::Past { a.year() - 1 } else { a.year() };
    Some(Found { modifier: Some("END"), ..found(i, end, Val::Year(y), true) })
}

/// Times named without a count: "for years", "within weeks" (PXY, PXW: the unit alone, as
/// TimeBank marks it), "months ago" and "past years" (PAST_REF), "these days" (PRESENT_REF), "a
/// later date" (FUTURE_REF), "later in the day", "earlier in the year" (the day or year the text
/// is at: the one named last, else the document's).
fn vague(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    // A plural unit (all end in "s"), with its neighbour compared before the lexicon is read:
    // "for years", "within weeks", "the lowest in years", "will take months", "months ago".
    let spans = matches!(prev, "for" | "within" | "take" | "takes" | "took" | "taking" | "taken")
        || prev == "in" && looks_back(words, i);
    if lw.ends_with('s') && (next == "ago" || spans) {
        let u = lexicon::unit(lw).filter(|u| u.plural)?;
        return Some(if next == "ago" {
            found(i, i + 2, Val::Ref("PAST_REF"), false)
        } else {
            found(i, i + 1, Val::Duration(vague_duration(u)), false)
        });
    }
    match (lw, next, words.lw(i + 2)) {
        ("these", "days", _) => Some(found(i, i + 2, Val::Ref("PRESENT_REF"), false)),
        ("a", "later", "date") => Some(found(i, i + 3, Val::Ref("FUTURE_REF"), false)),
        ("past", _, _) if prev != "the" && lexicon::unit(next).is_some_and(|u| u.plural) => {
            Some(found(i, i + 2, Val::Ref("PAST_REF"), false))
        }
        ("earlier" | "later", "in", "the") => {
            let r = &ctx.reference;
            let (val, from) = match words.lw(i + 3) {
                "day" => (Val::Day(r.day.or(ctx.anchor)?), r.day),
                // "shedding gains of earlier in the week": the week the text is at.
                "week" => {
                    let w = r.day.or(ctx.anchor)?.iso_week();
                    (Val::Week(w.year(), w.week()), r.day)
                }
                "month" => {
                    let (y, m) = r.month.or(ctx.anchor.map(|a| (a.year(), a.month())))?;
                    (Val::Month(y, m), r.month.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1)))
                }
                "year" => (
                    Val::Year(r.year.or(ctx.anchor.map(|a| a.year()))?),
                    r.year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
                ),
                _ => return None,
            };
            Some(Found { anchor: from, ..found(i, i + 4, val, true) })
        }
        _ => None,
    }
}

fn simple(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    numeric_date(words, i)
        .or_else(|| month_form(words, ctx, i))
        .or_else(|| day_month(words, ctx, i))
        .or_else(|| holiday(words, ctx, i))
        .or_else(|| relative_word(words, ctx, i))
        .or_else(|| weekday_form(words, ctx, i))
        .or_else(|| relative_unit(words, ctx, i))
        .or_else(|| ago(words, ctx, i))
        .or_else(|| season_form(words, ctx, i))
        .or_else(|| decade_century(words, ctx, i))
        .or_else(|| quarter(words, ctx, i))
        .or_else(|| half_of(words, ctx, i))
        .or_else(|| fiscal_year(words, i))
        .or_else(|| year_form(words, i))
        .or_else(|| spelled_year_form(words, i))
        .or_else(|| time_of_day(words, ctx, i))
        .or_else(|| set_form(words, i))
        .or_else(|| year_end(words, ctx, i))
        .or_else(|| vague(words, ctx, i))
        .or_else(|| duration_at(words, ctx, i))
}

/// "would be redeemed in five years", "will open in two weeks": in a clause about the future,
/// "in" + a count of days, weeks, months or years is the point that far ahead (a DATE in
/// TIMEX3, as TimeBank has it), not a duration. "the second letter in two weeks" stays one.
fn future_point(words: &Words<'_>, ctx: &Ctx, i: usize, n: f64, u: lexicon::Unit) -> Option<Val> {
    let a = ctx.anchor?;
    if i == 0 || words.lw(i - 1) != "in" || ctx.tense != Tense::Future || u.time || n.fract() != 0.0 {
        return None;
    }
    // "the first time in 11 years", "the lowest in a decade", "his ninth manager in eight
    // years": a span looked back over, after an ordinal or a superlative.
    let looks_back = (i.saturating_sub(5)..i - 1).any(|k| superlative_cue(words.lw(k)));
    // "in 15 year convertible bonds": a singular unit after a count names a kind of thing.
    let plural_ok = !matches!(words.lw(i), "a" | "an" | "one" | "1") == words.lw(i + 1).ends_with('s');
    if looks_back || !plural_ok {
        return None;
    }
    let n = n as i32;
    Some(match u.letter {
        // "will run out in 9000 years": past year 9999, it stays the duration.
        "Y" if a.year() + n > *YEARS.end() => return None,
        "Y" => Val::Year(a.year() + n),
        "M" => {
            let (y, m) = add_months(a.year(), a.month(), n);
            Val::Month(y, m)
        }
        "W" | "2W" => {
            let weeks = if u.letter == "2W" { 2 * n } else { n };
            let w = (a + Duration::weeks(i64::from(weeks))).iso_week();
            Val::Week(w.year(), w.week())
        }
        "D" => Val::Day(a + Duration::days(i64::from(n))),
        _ => return None,
    })
}

/// "8/31/2021", "8/31/21", "2021-08-31", "31.08.2021".
fn numeric_date(words: &Words<'_>, i: usize) -> Option<Found> {
    let w = words.w(i);
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // One separator throughout, a year of two or four digits: "11-1/2" is eleven and a half.
    let mut seps = w.bytes().filter(|b| matches!(b, b'/' | b'-' | b'.'));
    let same_sep = seps.next() == seps.next();
    let year_len = if parts[0].len() == 4 { 4 } else { parts[2].len() };
    if !same_sep || !matches!(year_len, 2 | 4) || parts.iter().filter(|p| p.len() > 2).count() > 1 {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if w.contains('/') {
        let y = num(parts[2])?;
        let y = if parts[2].len() == 2 {
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        } else {
            y
        };
        (y, num(parts[0])?, num(parts[1])?) // US order: month/day/year
    } else if w.contains('.') {
        (num(parts[2])?, num(parts[1])?, num(parts[0])?) // day.month.year
    } else {
        return None;
    };
    // A year a document writes a date with: "0000-01-05" is a code or a placeholder.
    if !(1000..=2100).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
    Some(found(i, i + 1, Val::Day(date), false))
}

/// "18-April" of "March 18-April 1": a day, and the month of a second day after a hyphen.
fn day_month_pair(w: &str) -> Option<(u32, u32, usize)> {
    let (a, b) = w.split_once('-')?;
    if !(1..=2).contains(&a.len()) || !a.bytes().all(|c| c.is_ascii_digit()) || !b.starts_with(char::is_uppercase) {
        return None;
    }
    let d: u32 = a.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((d, lexicon::month(&b.to_ascii_lowercase())?, a.len()))
}

/// "12-14" in one token: two days of one month ("Oct. 12-14"), and the byte length of the first.
fn day_pair(w: &str) -> Option<(u32, u32, usize)> {
    let (a, b) = w.split_once('-')?;
    let short = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    if !short(a) || !short(b) {
        return None;
    }
    let (d1, d2): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (d1 >= 1 && d1 < d2 && d2 <= 31).then_some((d1, d2, a.len()))
}

/// "August 31, 2021", "Aug. 31", "August 2021", "August", "June 26th", "Oct. 12-14".
fn month_form(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let m = month_at(words, i)?;
    // "March 18-April 1(, 1987)": the first day here, cut inside the token; the scan adds the
    // second from the rest of the token and the day after it.
    // Without a year the range is placed by its end, the nearer to the document date in
    // reports ("exports for July 1-March 13").
    if let (Some((d, m2, len)), Some(d2)) = (day_month_pair(words.w(i + 1)), day_at(words, i + 2)) {
        let mut k = i + 3;
        if words.w(k) == "," {
            k += 1;
        }
        let cut = words.spans[i + 1].start + len as u32;
        let y2 = match year_at(words, k) {
            Some(y) => y,
            None => resolve_month_day(ctx, m2, d2)?.year(),
        };
        let val = Val::Day(NaiveDate::from_ymd_opt(y2 - forward_year(0, m, m2), m, d)?);
        return Some(Found { cut_end: Some(cut), ..found(i, i + 2, val, year_at(words, k).is_none()) });
    }
    // "Oct. 12-14(, 2025)": the first day here, cut inside the token; the scan adds the second.
    if let Some((d, _, len)) = day_pair(words.w(i + 1)) {
        let mut k = i + 2;
        if words.w(k) == "," {
            k += 1;
        }
        let (val, anchored, end) = match year_at(words, k) {
            Some(y) => (Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), false, k + 1),
            None => (Val::Day(resolve_month_day(ctx, m, d)?), true, i + 2),
        };
        let cut = words.spans[i + 1].start + len as u32;
        return Some(Found { cut_end: Some(cut), ..found(i, end, val, anchored) });
    }
    // "May 5", "May 5th", "July fourth" (a spelled day ends its phrase: "the June second round").
    let day = written_day(words, i + 1);
    if let Some(d) = day {
        let mut k = i + 2;
        if words.w(k) == "," {
            k += 1;
        }
        if let Some(y) = year_at(words, k) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(found(i, k + 1, Val::Day(date), false));
        }
        if let Some(y) = named_year(words, ctx, i + 2) {
            return Some(found(i, i + 4, Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), true));
        }
        return Some(match resolve_month_day(ctx, m, d) {
            Some(date) => found(i, i + 2, Val::Day(date), true),
            None => found(i, i + 2, Val::Partial(format!("XXXX-{m:02}-{d:02}")), false),
        });
    }
    let mut k = i + 1;
    if words.w(k) == "," || words.lw(k) == "of" {
        k += 1;
    }
    if let Some((y, end)) = any_year_at(words, k) {
        return Some(found(i, end, Val::Month(y, m), false));
    }
    // "September of that year", "May of the same year": the year the text is at.
    if let (true, Some((end, step)), Some(y)) = (words.lw(i + 1) == "of", that_year(words, k), ctx.reference.year) {
        let from = NaiveDate::from_ymd_opt(y, 1, 1);
        return Some(Found { anchor: from, ..found(i, end, Val::Month(y + step, m), true) });
    }
    // "Dec '86", and in tables "Feb 87" after an abbreviation (a number a day cannot be).
    let abbreviated = words.w(i).trim_end_matches('.').len() <= 4;
    if let Some(y) = short_year(words.w(k), abbreviated, ctx.anchor) {
        return Some(found(i, k + 1, Val::Month(y, m), false));
    }
    // The apostrophe stands apart when the tokenizer reads it as an opening quote.
    if matches!(words.w(k), "'" | "’") && words.spans[k].end == words.spans.get(k + 1).map_or(0, |s| s.start) {
        if let Some(y) = short_year(&format!("'{}", words.w(k + 1)), false, ctx.anchor) {
            return Some(found(i, k + 2, Val::Month(y, m), false));
        }
    }
    // "January this year", "June last year", "May next year".
    if let Some(y) = named_year(words, ctx, i + 1) {
        return Some(found(i, i + 3, Val::Month(y, m), true));
    }
    // A bare month: "in June", "this past June" (the caller handles "this/last/next"). One
    // that names a thing after a determiner ("their February Paris accord", "the May
    // election") is placed by nearness, not by a clause about the future ("is set to review
    // ..."); a past clause still places it ("gathered evidence in the October slaying").
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let modifier = matches!(prev, "the" | "their" | "its" | "his" | "her" | "our" | "a" | "an")
        && words.w(i + 1).starts_with(char::is_alphabetic)
        && !matches!(words.lw(i + 1), "of" | "to" | "and" | "or" | "through" | "until");
    let ctx = &Ctx { tense: if modifier && ctx.tense == Tense::Future { Tense::Present } else { ctx.tense }, ..*ctx };
    Some(match resolve_month(ctx, m) {
        Some(y) => found(i, i + 1, Val::Month(y, m), true),
        None => found(i, i + 1, Val::Partial(format!("XXXX-{m:02}")), false),
    })
}

/// The end of "that year", "the same year" or "the following|previous year" at `k` (after
/// "of": "September of that year", "the fourth quarter of the following year"), and how many
/// years it lies from the one the text is at.
fn that_year(words: &Words<'_>, k: usize) -> Option<(usize, i32)> {
    match (words.lw(k), words.lw(k + 1), words.lw(k + 2)) {
        ("that", "year", _) => Some((k + 2, 0)),
        ("the", "same", "year") => Some((k + 3, 0)),
        ("the", "following" | "next", "year") => Some((k + 3, 1)),
        ("the", "previous" | "prior" | "preceding", "year") => Some((k + 3, -1)),
        _ => None,
    }
}

/// "this year", "last year", "next year" at `k`, after a month or a day ("May 30 next year"):
/// the year it names, counted from the document's.
fn named_year(words: &Words<'_>, ctx: &Ctx, k: usize) -> Option<i32> {
    let offset = match (words.lw(k), words.lw(k + 1)) {
        ("this", "year") => 0,
        ("last", "year") => -1,
        ("next", "year") => 1,
        _ => return None,
    };
    Some(ctx.anchor?.year() + offset)
}

/// "31 August 2021", "26 August", "the 4th of July".
fn day_month(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    // "15 May", "the 15th of May", "the fourth of July"; not "$12 December 27" (an amount).
    if i > 0 && matches!(words.w(i - 1), "$" | "£" | "€" | "¥") {
        return None;
    }
    let d = day_at(words, i).or_else(|| spelled_day(words.lw(i)).filter(|_| words.lw(i + 1) == "of"))?;
    let mut k = i + 1;
    if words.lw(k) == "of" {
        k += 1;
    }
    let m = month_at(words, k)?;
    let comma = usize::from(words.w(k + 1) == ",");
    if let Some(y) = year_at(words, k + 1 + comma) {
        return Some(found(i, k + 2 + comma, Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), false));
    }
    if let Some(y) = named_year(words, ctx, k + 1) {
        return Some(found(i, k + 3, Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), true));
    }
    Some(match resolve_month_day(ctx, m, d) {
        Some(date) => found(i, k + 1, Val::Day(date), true),
        None => found(i, k + 1, Val::Partial(format!("XXXX-{m:02}-{d:02}")), false),
    })
}

fn holiday(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = movable_holiday(words, ctx, i) {
        return Some(f);
    }
    if !capitalized(words, i) {
        return None;
    }
    let (phrase, m, d) =
        lexicon::HOLIDAYS.iter().find(|(p, ..)| p.iter().enumerate().all(|(k, w)| words.lw(i + k) == *w))?;
    let end = i + phrase.len();
    if let Some(y) = year_at(words, end) {
        return Some(found(i, end + 1, Val::Day(NaiveDate::from_ymd_opt(y, *m, *d)?), false));
    }
    Some(match resolve_month_day(ctx, *m, *d) {
        Some(date) => found(i, end, Val::Day(date), true),
        None => found(i, end, Val::Partial(format!("XXXX-{m:02}-{d:02}")), false),
    })
}

/// The date of a movable holiday in year `y`.
fn movable_date(rule: lexicon::Movable, y: i32) -> Option<NaiveDate> {
    match rule {
        lexicon::Movable::Nth { month, weekday, n } => {
            let wd = Weekday::try_from(u8::try_from(weekday - 1).ok()?).ok()?;
            if n == 5 {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, month + 1, 1)?
                };
                let last = next.pred_opt()?;
                let back = (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                Some(last - Duration::days(i64::from(back)))
            } else {
                NaiveDate::from_weekday_of_month_opt(y, month, wd, u8::try_from(n).ok()?)
            }
        }
        lexicon::Movable::ElectionDay => {
            NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
        }
        lexicon::Movable::Easter(shift) => {
            // Anonymous Gregorian computus.
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let g = (8 * b + 13) / 25;
            let h = (19 * a + b - d - g + 15) % 30;
            let (j, k) = (c / 4, c % 4);
            let m = (a + 11 * h) / 319;
            let r = (2 * e + 2 * j - k - h + m + 32) % 7;
            let month = (h - m + r + 90) / 25;
            let day = (h - m + r + month + 19) % 32;
            NaiveDate::from_ymd_opt(y, month as u32, day as u32)?.checked_add_signed(Duration::days(shift))
        }
    }
}

/// "Thanksgiving", "last Thanksgiving", "Labor Day 1998", "Easter": holidays whose date moves, in
/// the year the tense and the document date point to (the nearest one otherwise).
fn movable_holiday(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let dir = match words.lw(i) {
        "last" => Some(Tense::Past),
        "next" | "this" => Some(Tense::Future),
        _ => None,
    };
    let k = if dir.is_some() { i + 1 } else { i };
    if !lexicon::movable_first(words.lw(k)) || !capitalized(words, k) {
        return None;
    }
    let (phrase, rule) =
        lexicon::MOVABLE_HOLIDAYS.iter().find(|(p, _)| p.iter().enumerate().all(|(x, w)| words.lw(k + x) == *w))?;
    let end = k + phrase.len();
    if let Some(y) = year_at(words, end) {
        return Some(found(i, end + 1, Val::Day(movable_date(*rule, y)?), false));
    }
    let Some(a) = ctx.anchor else {
        return Some(found(i, end, Val::Partial("XXXX-XX-XX".into()), false));
    };
    let candidates: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1).filter_map(|y| movable_date(*rule, y)).collect();
    let nearest = *candidates.iter().min_by_key(|c| (**c - a).num_days().abs())?;
    // "last"/"next" decide; a verb's tense only when the nearest one is months away ("Easter
    // week began", written the Monday before Easter, is this year's), as for month-days.
    let off = (nearest - a).num_days();
    let date = match (dir, ctx.tense) {
        (Some(Tense::Past), _) | (None, Tense::Past) if off > 0 && (dir.is_some() || off > 120) => {
            candidates.iter().filter(|c| **c < a).max().copied().unwrap_or(nearest)
        }
        (Some(Tense::Future), _) | (None, Tense::Future) if off < 0 && (dir.is_some() || off < -120) => {
            candidates.iter().filter(|c| **c >= a).min().copied().unwrap_or(nearest)
        }
        _ => nearest,
    };
    // "Easter week": the week the holiday falls in.
    if words.lw(end) == "week" {
        let w = date.iso_week();
        return Some(found(i, end + 1, Val::Week(w.year(), w.week()), true));
    }
    Some(found(i, end, Val::Day(date), true))
}

/// "today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "this morning".
fn relative_word(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let day = |offset: i64| ctx.anchor.and_then(|a| a.checked_add_signed(Duration::days(offset)));
    let val = match lw {
        // Without a date to count from: a day, unknown (TimeML's XXXX-XX-XX).
        "today" | "today's" | "yesterday" | "yesterday's" | "tomorrow" | "tomorrow's" if ctx.anchor.is_none() => {
            Val::Partial("XXXX-XX-XX".into())
        }
        "today" | "today's" => Val::Day(day(0)?),
        "yesterday" | "yesterday's" => Val::Day(day(-1)?),
        "tomorrow" | "tomorrow's" => Val::Day(day(1)?),
        "tonight" => Val::Time(ctx.anchor, "TNI".into()),
        // "current" alone: 8 of 11 are annotated in TimeBank; "recent" alone: 6 of 15 (left out).
        // "Now, he says, ...": a discourse marker opening the sentence, no time (3 of 3 in
        // TimeBank and AQUAINT are not annotated).
        "now" if words.w(i + 1) == "," && (0..i).all(|k| !words.lw(k).starts_with(|c: char| c.is_alphanumeric())) => {
            return None;
        }
        // "its current financial year", "in current quarter": the period, counted as "this".
        "current"
            if lexicon::unit(words.lw(i + 1)).is_some_and(|u| !u.plural)
                || matches!(words.lw(i + 1), "fiscal" | "financial" | "tax") && words.lw(i + 2) == "year" =>
        {
            return relative_unit(words, ctx, i);
        }
        // "the current account", "current assets": accounting terms, no time; nor a table's
        // "Current 1.09 1.09" column.
        "current"
            if matches!(words.lw(i + 1), "account" | "accounts" | "assets" | "liabilities" | "liability")
                || capitalized(words, i) && words.w(i + 1).starts_with(|c: char| c.is_ascii_digit()) =>
        {
            return None;
        }
        "now" | "currently" | "presently" | "nowadays" | "current" => Val::Ref("PRESENT_REF"),
        "year-earlier" | "year-ago" => {
            // The adjective of "a year ago": the same quarter a year before in an earnings report.
            let a = ctx.anchor?;
            let val = if ctx.quarterly {
                let (y, q) = last_quarter(a);
                Val::Quarter(y - 1, q)
            } else {
                Val::Year(a.year() - 1)
            };
            return Some(found(i, i + 1, val, true));
        }
        "recently" | "lately" => Val::Ref("PAST_REF"),
        // "recent years", "coming months", "future quarters": references with their unit (a
        // plain adjective, "the recent attacks", "the current system", is no time expression).
        "recent" | "coming" | "upcoming" | "future" => {
            lexicon::unit(words.lw(i + 1)).filter(|u| u.plural)?;
            let r = if lw == "recent" { "PAST_REF" } else { "FUTURE_REF" };
            return Some(found(i, i + 2, Val::Ref(r), false));
        }
        "this" => {
            let part = lexicon::part_of_day(words.lw(i + 1))?;
            return Some(found(i, i + 2, Val::Time(ctx.anchor, format!("T{part}")), ctx.anchor.is_some()));
        }
        _ => return None,
    };
    let anchored = matches!(val, Val::Day(_) | Val::Time(..));
    // "yesterday afternoon", "tomorrow night": the time of that day.
    if let (Val::Day(d), Some(part)) = (&val, lexicon::part_of_day(words.lw(i + 1))) {
        if !lw.ends_with("'s") && words.lw(i + 1) != "tonight" {
            return Some(found(i, i + 2, Val::Time(Some(*d), format!("T{part}")), true));
        }
    }
    Some(found(i, i + 1, val, anchored))
}

/// "Thursday", "last Friday", "next Monday", "Friday morning", "every Monday", "Mondays".
fn weekday_form(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let (dir, k) = match lw {
        "last" | "past" => (Some(Tense::Past), i + 1),
        "next" | "coming" => (Some(Tense::Future), i + 1),
        "this" => (None, i + 1),
        "every" | "each" => {
            if let Some(m) = month_at(words, i + 1) {
                return Some(found(i, i + 2, Val::Set(format!("XXXX-{m:02}")), false));
            }
            let wd = lexicon::weekday(words.lw(i + 1)).filter(|_| capitalized(words, i + 1))?;
            return Some(found(i, i + 2, Val::Set(format!("XXXX-WXX-{wd}")), false));
        }
        _ => (None, i),
    };
    if !capitalized(words, k) {
        return None;
    }
    // "Mr. Sunday", "the Sunday Times", "the Wed group": names, not days.
    let prev = if k > 0 { words.lw(k - 1) } else { "" };
    let titled = matches!(prev, "mr." | "mrs." | "ms." | "dr." | "rev." | "sen." | "mr" | "mrs" | "ms" | "dr");
    // "Sunday Bada", "the Sunday Telegraph": a capitalized word after the day makes a name,
    // unless a preposition has already made it a day ("said on Monday Yeltsin was ...").
    let placed = matches!(prev, "on" | "since" | "until" | "till" | "his" | "her" | "their" | "its" | "our");
    let named = capitalized(words, k + 1) && month_at(words, k + 1).is_none() && k + 1 < words.len() && !placed;
    let bare_abbreviation = words.w(k).len() <= 4
        && !words.w(k).ends_with('.')
        && lexicon::weekday(words.lw(k)).is_some()
        && words.lw(k).len() <= 4;
    if titled || named || bare_abbreviation {
        return None;
    }
    let wlw = words.lw(k);
    if let Some(wd) = wlw.strip_suffix('s').filter(|w| w.len() >= 6).and_then(lexicon::weekday).filter(|_| k == i) {
        return Some(found(i, k + 1, Val::Set(format!("XXXX-WXX-{wd}")), false));
        // "Mondays"
    }
    let wd = lexicon::weekday(wlw)?;
    // "Saturday, April 25": the date says which Saturday.
    let after = if words.w(k + 1) == "," { k + 2 } else { k + 1 };
    if let Some(mut date) = month_form(words, ctx, after).filter(|f| matches!(f.val, Val::Day(_))) {
        if let (Val::Day(d), true) = (&date.val, date.anchored) {
            // The year was inferred: take the one in which that day falls on this weekday.
            let fits = [0, -1, 1].into_iter().find_map(|dy| {
                NaiveDate::from_ymd_opt(d.year() + dy, d.month(), d.day())
                    .filter(|c| c.weekday().number_from_monday() == wd)
            });
            if let Some(c) = fits {
                date.val = Val::Day(c);
            }
        }
        return Some(Found { start: i, ..date });
    }
    // "Wednesday's ruling": the day heads a noun phrase, which the clause's verb does not place
    // ("would look for ways around Wednesday's ruling" is about a ruling already made).
    let possessive = matches!(words.lw(k + 1), "'s" | "’s");
    // "as soon as Tuesday", "as early as Tuesday": a plan, ahead; "until (9 a.m.) Tuesday": a
    // deadline, ahead unless the clause is in the past ("Until Thursday, they had not ...").
    let mut j = k;
    while j > 0 && j + 4 > k && is_clock_word(words.lw(j - 1)) {
        j -= 1;
    }
    let before = |n: usize| if j >= n { words.lw(j - n) } else { "" };
    let soon = before(1) == "as" && matches!(before(2), "soon" | "early") && before(3) == "as";
    let until = before(1) == "until" && ctx.tense != Tense::Past
        // "a deadline of Monday", "the deadline for Friday": ahead, whatever the verb.
        || matches!(before(1), "of" | "for") && matches!(before(2), "deadline" | "deadlines");
    let tense = dir.unwrap_or(if possessive {
        Tense::Present
    } else if soon || until {
        Tense::Future
    } else {
        ctx.tense
    });
    let date = ctx.anchor.map(|a| resolve_weekday(a, wd, tense, dir.is_some()));
    let mut end = k + 1;
    if let Some(part) = lexicon::part_of_day(words.lw(end)) {
        end += 1;
        return Some(found(i, end, Val::Time(date, format!("T{part}")), date.is_some()));
    }
    Some(match date {
        Some(d) => found(i, end, Val::Day(d), true),
        None => found(i, end, Val::Partial(format!("XXXX-WXX-{wd}")), false),
    })
}

/// "the day before last Tuesday's hearing", "the day after Christmas": the day next to a day
/// written after it, one expression.
fn day_beside(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let step = match (words.lw(i + 1), words.lw(i + 2)) {
        ("day", "before") => -1,
        ("day", "after") => 1,
        _ => return None,
    };
    let k = i + 3;
    let inner = simple(words, ctx, k).filter(|f| f.start == k)?;
    let Val::Day(d) = inner.val else { return None };
    Some(Found { val: Val::Day(d + Duration::days(step)), start: i, ..inner })
}

/// "the following Monday", "the previous Friday": the weekday after or before the day the text
/// is at; without one, the one after the document date, or the one before the last.
fn step_weekday(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let forward = match words.lw(i + 1) {
        "following" | "next" => true,
        "previous" | "prior" | "preceding" => false,
        _ => return None,
    };
    let k = i + 2;
    let wd = lexicon::weekday(words.lw(k)).filter(|_| capitalized(words, k))?;
    let from = ctx.reference.day;
    let base = from.or(ctx.anchor)?;
    let mut date = resolve_weekday(base, wd, if forward { Tense::Future } else { Tense::Past }, true);
    // Without a day to count from, "the previous Friday" is the one before last Friday (a week
    // back, written on a Friday).
    if !forward && from.is_none() && (base - date).num_days() < 7 {
        date -= Duration::days(7);
    }
    Some(Found { anchor: from, ..found(i, k + 1, Val::Day(date), true) })
}

/// A token of a clock time before a weekday ("9", "a.m.", "EST", "10:30", "noon").
fn is_clock_word(lw: &str) -> bool {
    lw.starts_with(|c: char| c.is_ascii_digit())
        || meridiem(lw).is_some()
        || time_zone(lw)
        || matches!(lw, "noon" | "midnight")
}

/// "a.m." → false, "p.m." → true (afternoon).
fn meridiem(lw: &str) -> Option<bool> {
    match lw {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

/// A time-zone abbreviation written after a clock time ("4 a.m. EDT").
fn time_zone(lw: &str) -> bool {
    // "EST." at a sentence's end keeps its period; "EST/0100 gmt" is two zones. (Zones are
    // short: a longer word is none, before any search.)
    if lw.len() > 12 || lw.len() < 3 {
        return false;
    }
    let lw = &lw[..lw.bytes().position(|b| b == b'/').unwrap_or(lw.len())];
    let lw = lw.strip_suffix('.').unwrap_or(lw);
    matches!(lw, "edt" | "est" | "cdt" | "cst" | "mdt" | "mst" | "pdt" | "pst" | "gmt" | "utc" | "bst" | "cet")
}

/// A four-digit 24-hour clock reading: hours under 24, minutes under 60.
fn hhmm(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && w[2..].parse::<u32>().is_ok_and(|m| m < 60)
}

/// "1215 GMT", "1900 hours", "1600 local time": a 24-hour clock marked as one.
fn military_at(words: &Words<'_>, k: usize) -> bool {
    hhmm(words.w(k)) && clock_mark(words, k + 1)
}

/// A zone, "hrs", "hours" or "local time" at `k`: what marks four digits before it as a 24-hour
/// clock ("local" alone is not: "2010 local elections").
fn clock_mark(words: &Words<'_>, k: usize) -> bool {
    time_zone(words.lw(k))
        || matches!(words.lw(k), "hrs" | "hours")
        || words.lw(k) == "local" && words.lw(k + 1) == "time"
}

/// "from 1130 to 1215 GMT", "between 2000 and 2100 GMT": the first clock of a range whose
/// second is marked.
fn military_range_first(words: &Words<'_>, i: usize) -> bool {
    hhmm(words.w(i))
        && matches!(words.lw(i + 1), "to" | "and" | "-" | "–" | "until" | "till" | "through")
        && military_at(words, i + 2)
}

/// "this week", "last year", "next month", "this past June", "last summer", "this weekend".
fn relative_unit(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let offset: i32 = match lw {
        "this" | "current" => 0,
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    let mut k = i + 1;
    // "this time last year", "by this time next year": the document's day, a year back or on.
    if lw == "this" && words.lw(k) == "time" && words.lw(k + 2) == "year" {
        let step = match words.lw(k + 1) {
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        let a = ctx.anchor?;
        let d = shift_years(a, step)?;
        return Some(Found { aside: true, ..found(i, k + 3, Val::Day(d), true) });
    }
    if lw == "this" && words.lw(k) == "past" {
        k += 1; // "this past June", "this past spring"
        if let Some(season) = lexicon::season(words.lw(k)) {
            let a = ctx.anchor?;
            let starts = match season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            // The latest one under way or over by the anchor (a winter begins in December).
            let y = if starts < a.month() || (starts == a.month() && a.day() >= 21) { a.year() } else { a.year() - 1 };
            return Some(found(i, k + 1, Val::Season(y, season), true));
        }
        let m = month_at(words, k)?;
        let a = ctx.anchor?;
        let y = if m < a.month() { a.year() } else { a.year() - 1 };
        return Some(found(i, k + 1, Val::Month(y, m), true));
    }
    let a = ctx.anchor;
    let target = words.lw(k);
    // "this fiscal year", "next financial year", "last tax year": the year named by the
    // document's, as "fiscal 2005" is 2005 (where a fiscal year starts is the company's).
    if matches!(target, "fiscal" | "financial" | "tax") && words.lw(k + 1) == "year" {
        return Some(found(i, k + 2, Val::Year(a?.year() + offset), true));
    }
    if a.is_none() {
        // Nothing to count from: the unit's unknown value ("last week" XXXX-WXX, "next June"
        // XXXX-06), not anchored.
        let val = if let Some(m) = month_at(words, k) {
            format!("XXXX-{m:02}")
        } else if let Some(season) = lexicon::season(target) {
            format!("XXXX-{season}")
        } else {
            let u = lexicon::unit(target).filter(|u| !u.plural && !u.time)?;
            unknown_of(u.letter, u.time)?.to_owned()
        };
        return Some(found(i, k + 1, Val::Partial(val), false));
    }
    if let Some(m) = month_at(words, k) {
        let a = a?;
        // "last Oct. 23": the latest such day before the anchor; "next May 1": the first after.
        if let (Some(d), -1 | 1) = (day_at(words, k + 1), offset) {
            let days = [a.year() - 1, a.year(), a.year() + 1].map(|y| NaiveDate::from_ymd_opt(y, m, d));
            let date = if offset < 0 {
                days.iter().flatten().filter(|x| **x < a).max()
            } else {
                days.iter().flatten().filter(|x| **x > a).min()
            };
            if let Some(date) = date {
                return Some(found(i, k + 2, Val::Day(*date), true));
            }
        }
        let y = match offset {
            0 => a.year(),
            // "last April" in October: this year's; "last February" early in March: the year before.
            -1 => {
                if m + 1 < a.month() {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
            _ => {
                if m > a.month() {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
        };
        return Some(found(i, k + 1, Val::Month(y, m), true));
    }
    if let Some(s) = lexicon::season(target) {
        let a = a?;
        return Some(found(i, k + 1, Val::Season(a.year() + offset, s), true));
    }
    if offset == -1 && target == "night" && lw == "last" {
        let d = a?.pred_opt()?;
        return Some(found(i, k + 1, Val::Time(Some(d), "TNI".into()), true)); // "last night"
    }
    let val = match target {
        "week" => {
            let d = a?.checked_add_signed(Duration::weeks(i64::from(offset)))?;
            Val::Week(d.iso_week().year(), d.iso_week().week())
        }
        "weekend" => {
            let d = a?.checked_add_signed(Duration::weeks(i64::from(offset)))?;
            return Some(found(
                i,
                k + 1,
                Val::Partial(format!("{}-W{:02}-WE", d.iso_week().year(), d.iso_week().week())),
                true,
            ));
        }
        "month" => {
            let (y, m) = add_months(a?.year(), a?.month(), offset);
            Val::Month(y, m)
        }
        "year" => Val::Year(a?.year() + offset),
        "quarter" => {
            let q = (a?.month() - 1) / 3 + 1;
            let (y, q) = add_quarters(a?.year(), q, offset);
            Val::Quarter(y, q)
        }
        "decade" => Val::Decade(a?.year() / 10 + offset),
        "century" => Val::Century(a?.year() / 100 + offset),
        _ => return None,
    };
    Some(found(i, k + 1, val, true))
}

/// "two years ago", "a week ago", "several years ago".
fn ago(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let (v, mut k) = amount(words, i)?;
    let u = lexicon::unit(words.lw(k))?;
    // "a week or so ago": the unit's end is two words on.
    let roughly = words.lw(k + 1) == "or" && words.lw(k + 2) == "so" && words.lw(k + 3) == "ago";
    if roughly {
        k += 2;
    }
    let after = words.lw(k + 1);
    // "a year earlier" is a date like "a year ago"; "a day earlier" stays a duration (TimeBank).
    let earlier = matches!(after, "earlier" | "before") && matches!(u.letter, "Y" | "M" | "Q") && !u.time;
    if after != "ago" && !earlier {
        return None;
    }
    let Some(v) = v else {
        return Some(found(i, k + 2, Val::Ref("PAST_REF"), false));
    };
    let a = ctx.anchor;
    if a.is_none() {
        return Some(found(i, k + 2, Val::Partial(unknown_of(u.letter, u.time)?.into()), false));
    }
    let n = v as i64;
    // "a year earlier" and an earnings report's "a year ago" compare; they do not move the story.
    let aside = earlier || ctx.quarterly && n == 1 && u.letter == "Y";
    // In an earnings report, "a year ago" is the same quarter a year before.
    let val = match u.letter {
        "Y" if ctx.quarterly && n == 1 => {
            let a = a?;
            let (y, q) = last_quarter(a);
            Val::Quarter(y - 1, q)
        }
        "Y" | "DE" => {
            let years = if u.letter == "DE" { 10 * n } else { n };
            match i32::try_from(i64::from(a?.year()) - years) {
                // Before year 1 ("2,500 years ago"): the past, as "12,000 years ago" already is.
                Ok(y) if y >= 1 => Val::Year(y),
                _ => return Some(found(i, k + 2, Val::Ref("PAST_REF"), false)),
            }
        }
        "M" if !u.time => {
            let (y, m) = add_months(a?.year(), a?.month(), -(n as i32));
            Val::Month(y, m)
        }
        "W" | "2W" => {
            let weeks = if u.letter == "2W" { 2 * n } else { n };
            let d = a?.checked_sub_signed(Duration::weeks(weeks))?;
            Val::Week(d.iso_week().year(), d.iso_week().week())
        }
        "D" => Val::Day(a?.checked_sub_signed(Duration::days(n))?),
        _ => return Some(found(i, k + 2, Val::Ref("PAST_REF"), false)),
    };
    Some(Found { modifier: roughly.then_some("APPROX"), aside, ..found(i, k + 2, val, true) })
}

/// The TIMEX3 value of an unknown date of a unit's size: a day XXXX-XX-XX, a week XXXX-WXX, a
/// month XXXX-XX, a quarter XXXX-QX, a year XXXX, a decade XXX, a century XX.
fn unknown_of(letter: &str, time: bool) -> Option<&'static str> {
    Some(match (letter, time) {
        ("D", false) => "XXXX-XX-XX",
        ("W", false) | ("2W", false) => "XXXX-WXX",
        ("M", false) => "XXXX-XX",
        ("Q", false) => "XXXX-QX",
        ("Y", false) => "XXXX",
        ("DE", false) => "XXX",
        ("CE", false) => "XX",
        _ => return None,
    })
}

/// A number of units at `i`: `Some(value)` for "two", "24", "a", "an", "a couple of";
/// `None` (inside) for vague amounts "several", "a few", "many". Returns the token after it.
fn amount(words: &Words<'_>, i: usize) -> Option<(Option<f64>, usize)> {
    if let Some(fraction) = quarter_of(words, i) {
        return Some(fraction); // "a quarter of a century", "three quarters of an hour"
    }
    let lw = words.lw(i);
    match lw {
        "a" | "an" | "one" if words.lw(i + 1) == "couple" && words.lw(i + 2) == "of" => Some((Some(2.0), i + 3)),
        "a" if words.lw(i + 1) == "few" => Some((None, i + 2)),
        "a" | "an" => Some((Some(1.0), i + 1)),
        "half" if matches!(words.lw(i + 1), "a" | "an") => Some((Some(0.5), i + 2)), // "half an hour"
        "several" | "few" | "many" | "some" | "couple" => Some((None, i + 1)),
        _ => {
            if let Some((whole, frac)) = lw.split_once('-') {
                // "3-1/2 years": the wire's mixed fraction, in one token.
                let (n, d) = frac.split_once('/')?;
                let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
                if !(digits(whole) && digits(n) && digits(d)) {
                    return None;
                }
                let (whole, n, d) = (whole.parse::<f64>().ok()?, n.parse::<f64>().ok()?, d.parse::<f64>().ok()?);
                return (n < d).then_some((Some(whole + n / d), i + 1));
            }
            // "the past two quarters", "for three quarters": quarters counted after a word of
            // time (the numbers would read "three quarters" as 3/4), unless a noun follows
            // ("three quarters of the staff"). Alone it stays the fraction.
            if words.lw(i + 1) == "quarters" && words.lw(i + 2) != "of" && i > 0 {
                let timed = matches!(
                    words.lw(i - 1),
                    "past"
                        | "next"
                        | "last"
                        | "previous"
                        | "coming"
                        | "following"
                        | "first"
                        | "for"
                        | "over"
                        | "within"
                );
                if timed {
                    let n = lw.parse::<f64>().ok().or_else(|| crate::numbers::word_value(lw))?;
                    return (n > 0.0).then_some((Some(n), i + 1));
                }
            }
            let (v, k) = crate::numbers::amount_at(words, i)?;
            (v > 0.0 && v < 10_000.0).then_some((Some(v), k))
        }
    }
}

/// "a quarter of a century", "quarter of an hour", "three quarters of an hour": the fraction of
/// a single unit, and the unit's token.
fn quarter_of(words: &Words<'_>, i: usize) -> Option<(Option<f64>, usize)> {
    let (v, of) = match (words.lw(i), words.lw(i + 1)) {
        ("a" | "one", "quarter") => (0.25, i + 2),
        ("quarter", _) => (0.25, i + 1),
        ("three", "quarters") => (0.75, i + 2),
        _ => return None,
    };
    let unit = of + 2;
    let singular = lexicon::unit(words.lw(unit)).is_some_and(|u| !u.plural);
    (words.lw(of) == "of" && matches!(words.lw(of + 1), "a" | "an") && singular).then_some((Some(v), unit))
}

fn duration(v: f64, u: lexicon::Unit) -> String {
    // A fraction goes into the next smaller unit where that is whole, as TimeML writes it:
    // "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S, "a day and a half" P1DT12H.
    let smaller = match (u.letter, u.time) {
        ("Y", false) => Some((12.0, "M", false)),
        ("W", false) => Some((7.0, "D", false)),
        ("D", false) => Some((24.0, "H", true)),
        ("H", true) => Some((60.0, "M", true)),
        ("M", true) => Some((60.0, "S", true)),
        _ => None,
    };
    if let Some((per, letter, time)) = smaller.filter(|_| v.fract() != 0.0) {
        let (whole, rest) = (v.trunc(), v.fract() * per);
        if rest.fract() == 0.0 {
            let rest = rest as i64;
            let t = if u.time { "T" } else { "" };
            return match (whole as i64, time && !u.time) {
                (0, true) => format!("PT{rest}{letter}"),
                (0, false) => format!("P{t}{rest}{letter}"),
                (w, true) => format!("P{w}{}T{rest}{letter}", u.letter),
                (w, false) => format!("P{t}{w}{}{rest}{letter}", u.letter),
            };
        }
    }
    let n = if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") };
    match u.letter {
        "2W" => return format!("P{}W", (v * 2.0) as i64),
        // TimeBank writes decades and centuries in years: "two decades" is P20Y.
        "DE" => return format!("P{}Y", (v * 10.0) as i64),
        "CE" => return format!("P{}Y", (v * 100.0) as i64),
        _ => {}
    }
    if u.time {
        format!("PT{n}{}", u.letter)
    } else {
        format!("P{n}{}", u.letter)
    }
}

/// The order of the units a compound duration lists, largest first.
fn unit_rank(u: lexicon::Unit) -> Option<u8> {
    Some(match (u.letter, u.time) {
        ("Y", false) => 0,
        ("M", false) => 1,
        ("W", false) => 2,
        ("D", false) => 3,
        ("H", true) => 4,
        ("M", true) => 5,
        ("S", true) => 6,
        _ => return None,
    })
}

/// A duration that goes on in smaller units after its first ("3 hours 42 mins 55 seconds", "two
/// years, three months and 21 days"): its value and end, or `None` when nothing follows at `k`.
fn compound_duration(words: &Words<'_>, n: f64, u: lexicon::Unit, k: usize) -> Option<(String, usize)> {
    let mut last = unit_rank(u)?;
    let mut parts = vec![(n, u)];
    let mut end = k;
    loop {
        let mut j = end;
        if matches!(words.lw(j), "," | "and") {
            j += 1;
        }
        if matches!(words.lw(j), "a" | "an") {
            break; // "two hours a day" is a rate
        }
        let Some((Some(n2), k2)) = amount(words, j) else { break };
        let Some(u2) = lexicon::unit(words.lw(k2)) else { break };
        let Some(rank) = unit_rank(u2).filter(|r| *r > last) else { break };
        if words.lw(k2 + 1) == "ago" {
            break; // "for two years, three months ago ...": a point of its own
        }
        parts.push((n2, u2));
        last = rank;
        end = k2 + 1;
    }
    if parts.len() < 2 {
        return None;
    }
    // ISO 8601 writes weeks alone: beside other units they count as days ("four years and two
    // weeks" is P4Y14D).
    let days: f64 = parts
        .iter()
        .filter(|(_, u)| !u.time && matches!(u.letter, "W" | "D"))
        .map(|(v, u)| if u.letter == "W" { v * 7.0 } else { *v })
        .sum();
    let (mut date, mut time) = (String::new(), String::new());
    let mut days_written = false;
    for (v, u) in parts {
        let (v, letter) = match (u.time, u.letter) {
            (false, "W" | "D") if days_written => continue,
            (false, "W" | "D") => {
                days_written = true;
                (days, "D")
            }
            _ => (v, u.letter),
        };
        let n = if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") };
        if u.time { &mut time } else { &mut date }.push_str(&format!("{n}{letter}"));
    }
    Some((if time.is_empty() { format!("P{date}") } else { format!("P{date}T{time}") }, end))
}

fn vague_duration(u: lexicon::Unit) -> String {
    if u.time {
        format!("PTX{}", u.letter)
    } else {
        format!("PX{}", u.letter)
    }
}

/// "(the) first four months of 2021", "the last two weeks of June": the part of a period, as a
/// DATE with the period's value, START or END, and the days it covers.
fn period_of(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = half_of(words, ctx, i) {
        return Some(f);
    }
    let from_start = words.lw(i) == "first";
    // A part is never longer than its period (no period of a TIMEX3 holds 10,000 months), so a
    // larger count is no date part at all ("the first 99999999 days of 2020").
    let (n, k) = match cardinal_at(words, i + 1) {
        Some((v, k)) if (1.0..10_000.0).contains(&v) && v.fract() == 0.0 => (v as u32, k),
        Some(_) => return None,
        _ => (1, i + 1),
    };
    let u = lexicon::unit(words.lw(k))?;
    if words.lw(k + 1) != "of" || !matches!(u.letter, "D" | "W" | "M" | "Q") || u.time {
        return None;
    }
    let inner = simple(words, ctx, k + 2)
        .or_else(|| (words.lw(k + 2) == "the").then(|| after_the(words, ctx, k + 3)).flatten())?;
    let (first, last) = value_range(&inner.val)?;
    let len = match u.letter {
        "D" => Duration::days(i64::from(n)),
        "W" => Duration::weeks(i64::from(n)),
        _ => {
            let months = if u.letter == "Q" { 3 * n as i32 } else { n as i32 };
            let (y, m) = if from_start {
                add_months(first.year(), first.month(), months)
            } else {
                add_months(last.year(), last.month(), 1 - months)
            };
            let edge = NaiveDate::from_ymd_opt(y, m, 1)?;
            if from_start {
                edge - first
            } else {
                last - edge + Duration::days(1)
            }
        }
    };
    let day = Duration::days(1);
    let range = if from_start {
        (first, first.checked_add_signed(len)?.checked_sub_signed(day)?)
    } else {
        (last.checked_sub_signed(len)?.checked_add_signed(day)?, last)
    };
    if range.0 < first || range.1 > last || range.0 > range.1 {
        return None;
    }
    let modifier = if from_start { "START" } else { "END" };
    Some(Found {
        start: i,
        end: inner.end,
        val: inner.val,
        modifier: Some(modifier),
        anchored: inner.anchored,
        range: Some(range),
        anchor: inner.anchor,
        cut_start: None,
        cut_end: None,
        aside: inner.aside,
    })
}

/// "the first half of 1990", "the second (last) half of 1989", "the first two quarters of 1990":
/// a half-year, `1990-H1`.
fn half_of(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let first = match words.lw(i) {
        "first" => true,
        "second" | "last" | "latter" => false,
        _ => return None,
    };
    let k = match (words.lw(i + 1), words.lw(i + 2)) {
        ("half", "of") => i + 3,
        // "first half 1987": the year without "of" (never a bare "the first half": a match has two).
        ("half", _) if year_at(words, i + 2).is_some() => i + 2,
        ("two", "quarters") if words.lw(i + 3) == "of" => i + 4,
        _ => return None,
    };
    let inner =
        simple(words, ctx, k).or_else(|| (words.lw(k) == "the").then(|| after_the(words, ctx, k + 1)).flatten())?;
    let Val::Year(y) = inner.val else { return None };
    let half = Val::Half(y, if first { 1 } else { 2 });
    Some(Found { start: i, val: half, modifier: None, range: None, cut_start: None, cut_end: None, ..inner })
}

/// The days a value covers.
fn value_range(val: &Val) -> Option<(NaiveDate, NaiveDate)> {
    describe(val).2
}

/// "20 years", "a month", "two-hour", "several years", "a couple of years", "24 hours".
fn duration_at(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    // "two-hour", "eight-year", "30-day" in one token.
    let lw = words.lw(i);
    if let Some((num, unit)) = lw.split_once('-').filter(|(_, unit)| !unit.contains('/')) {
        let u = lexicon::unit(unit).filter(|u| !u.plural)?;
        if matches!(words.lw(i + 1), "old" | "olds") {
            return None; // "a 74-year old Dutchman": an age
        }
        let v: f64 = num.parse().ok().or_else(|| crate::numbers::word_value(num))?;
        return Some(found(i, i + 1, Val::Duration(duration(v, u)), false));
    }
    // "five and a quarter", "a million and a half": the fraction of a number, not a time.
    if matches!(lw, "a" | "an") && i > 1 && words.lw(i - 1) == "and" && crate::numbers::figure_word(words.lw(i - 2)) {
        return None;
    }
    let (mut v, mut k) = amount(words, i)?;
    // "2 1/2 years", "five and a half years", "a minute and a half".
    let fraction = |k: usize| match (words.lw(k), words.lw(k + 1), words.lw(k + 2)) {
        ("1/2", ..) => Some((0.5, k + 1)),
        ("1/4", ..) => Some((0.25, k + 1)),
        ("3/4", ..) => Some((0.75, k + 1)),
        ("and", "a", "half") => Some((0.5, k + 3)),
        ("and", "a", "quarter") => Some((0.25, k + 3)),
        _ => None,
    };
    if let (Some(n), Some((f, after))) = (v, fraction(k)) {
        if lexicon::unit(words.lw(after)).is_some() {
            (v, k) = (Some(n + f), after);
        }
    }
    // "two more weeks", "20 more years", "an additional year": the count of a further stretch.
    if matches!(words.lw(k), "more" | "additional" | "extra" | "further") && lexicon::unit(words.lw(k + 1)).is_some() {
        k += 1;
    }
    let u = lexicon::unit(words.lw(k))?;
    // "a quarter of the staff", "a quarter of a mile": the fraction, not three months.
    if words.lw(k) == "quarter" && words.lw(k + 1) == "of" && v == Some(1.0) {
        return None;
    }
    // "a quarter century": twenty-five years.
    if words.lw(k) == "quarter" && v == Some(1.0) && matches!(words.lw(k + 1), "century" | "century's") {
        return Some(found(i, k + 2, Val::Duration("P25Y".into()), false));
    }
    // "a second group", "a second betrayal": the ordinal, before its noun. "a second later", "for
    // a second or two" are times.
    if words.lw(k) == "second" && v == Some(1.0) {
        let next = words.lw(k + 1);
        let noun = next.starts_with(|c: char| c.is_alphabetic())
            && !matches!(
                next,
                "later"
                    | "ago"
                    | "earlier"
                    | "before"
                    | "after"
                    | "or"
                    | "and"
                    | "longer"
                    | "too"
                    | "to"
                    | "in"
                    | "of"
                    | "at"
                    | "for"
                    | "on"
                    | "when"
            );
        if noun {
            return None;
        }
    }
    if let (Some(n), Some((f, after))) = (v, fraction(k + 1)) {
        if words.lw(k + 1) == "and" && n == 1.0 {
            let value = duration(n + f, u);
            return Some(found(i, after, Val::Duration(value), false));
        }
    }
    // "a year" after a figure is a rate, a SET in TIMEX3, not a duration: "2 percent a year",
    // "$500 million a year", "358,000 a month", "four flights a week", "24 hours a day".
    let figure = crate::numbers::figure_word;
    let rate = || {
        let prev = words.lw(i - 1);
        matches!(prev, "%" | "pct")
            || prev.ends_with("percent")
            || figure(prev)
            || prev.ends_with('s') && i > 1 && figure(words.lw(i - 2))
    };
    if lw == "a"
        && i > 0
        && !matches!(words.lw(k + 1), "earlier" | "later" | "ago" | "before" | "after" | "or")
        && rate()
    {
        return Some(found(i, k + 1, Val::Set(duration(1.0, u)), false));
    }
    if v.is_none() && !u.plural {
        return None;
    }
    let value = match v {
        Some(v) => duration(v, u),
        None => vague_duration(u),
    };
    if matches!(words.lw(k + 1), "old" | "younger" | "older" | "of") && u.letter == "Y" && words.lw(k + 1) != "of" {
        return None; // an age, not a duration
    }
    // "6 hours 18 minutes 48.637 seconds", "two years and three months": one duration.
    if let Some((value, end)) = v.and_then(|n| compound_duration(words, n, u, k + 1)) {
        let end = end + usize::from(matches!(words.lw(end), "earlier" | "later"));
        return Some(found(i, end, Val::Duration(value), false));
    }
    // "A day earlier", "two weeks later": still a duration in TimeML.
    let mut end = k + 1;
    if matches!(words.lw(end), "earlier" | "later") {
        end += 1;
    }
    if let Some(point) = v.filter(|_| end == i + 2).and_then(|n| future_point(words, ctx, i, n, u)) {
        return Some(found(i, end, point, true));
    }
    Some(found(i, end, Val::Duration(value), false))
}

/// "the summer of 2016", "summer 2016", "in the summer".
fn season_form(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let s = lexicon::season(words.lw(i))?;
    // A season needs a calendar frame: "the summer", "in spring", "summer of 2016" ("prices fall").
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let framed = matches!(
        prev,
        "the"
            | "this"
            | "last"
            | "next"
            | "in"
            | "early"
            | "late"
            | "mid"
            | "during"
            | "since"
            | "until"
            | "by"
            | "past"
            | "coming"
    ) || any_year_at(words, i + 1).is_some()
        || words.lw(i + 1) == "of" && any_year_at(words, i + 2).is_some();
    // "the fall in oil prices", "the fall of Saigon": a decline or a defeat, unless a year follows.
    let noun_fall = s == "FA"
        && match words.lw(i + 1) {
            "of" => any_year_at(words, i + 2).is_none(),
            "in" => words.w(i + 2).starts_with(char::is_lowercase),
            _ => false,
        };
    if !framed
        || noun_fall
        || (s == "FA" && !matches!(prev, "the" | "this" | "last" | "next" | "in" | "early" | "late"))
            && year_at(words, i + 1).is_none()
    {
        return None;
    }
    let mut k = i + 1;
    if words.lw(k) == "of" {
        k += 1;
    }
    if let Some((y, end)) = any_year_at(words, k) {
        return Some(found(i, end, Val::Season(y, s), false));
    }
    let a = ctx.anchor?;
    Some(found(i, i + 1, Val::Season(a.year(), s), true))
}

/// "1990s", "'90s", "20th century", "the nineteenth century".
fn decade_century(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let before = |k: usize| if i >= k { words.lw(i - k) } else { "" };
    let the = before(1) == "the" || matches!(before(1), "early" | "late" | "mid") && before(2) == "the";
    // "the nineties", "the early sixties": a decade of the 1900s after "the" (and a position
    // word). "in his sixties" is an age.
    if let Some(n) = lexicon::decade_word(lw) {
        return the.then(|| found(i, i + 1, Val::Decade(190 + n), false));
    }
    // "the 1970's", "early 1980's": the possessive is its own token.
    if let ("'s" | "’s", Some(y)) =
        (words.lw(i + 1), lw.starts_with(|c: char| c.is_ascii_digit()).then(|| year_at(words, i)).flatten())
    {
        let cued = the || matches!(before(1), "early" | "late" | "mid") || coordinated_decade(words, i);
        if y % 10 == 0 && cued && !model_number(words, i) {
            let val = if y % 100 == 0 && y < 2000 { Val::Century(y / 100) } else { Val::Decade(y / 10) };
            return Some(found(i, i + 2, val, false));
        }
        return None;
    }
    if let Some(d) = lw.strip_suffix('s').and_then(|r| r.strip_suffix('\'').or(Some(r))) {
        if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let y = d.parse::<i32>().ok()?;
            // "Audi 4000S", "PC 6300s", "Nokia 1100s": a model number, not a decade.
            if !(1000..=2090).contains(&y) || words.w(i).ends_with('S') && !shouted(words) || model_number(words, i) {
                return None;
            }
            // "the 1800s", "the early 1900s": a century. "the 2000s" is read as the decade.
            if y % 100 == 0 && y < 2000 {
                return Some(found(i, i + 1, Val::Century(y / 100), false));
            }
            return Some(found(i, i + 1, Val::Decade(y / 10), false));
        }
        if let Some(two) = d.strip_prefix('\'').or_else(|| d.strip_prefix('’')) {
            if two.len() == 2 && two.ends_with('0') && two.bytes().all(|b| b.is_ascii_digit()) {
                let tens = two.parse::<i32>().ok()? / 10;
                return Some(found(i, i + 1, Val::Decade(short_decade(ctx, tens)), ctx.anchor.is_some()));
            }
        }
        // "the 90s", "the late 80s", "the 70s and 80s": a decade written without its century.
        if d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let list = words.lw(i + 1) == "of"
                || words.lw(i + 1) == "," && words.w(i + 2).starts_with(|c: char| c.is_ascii_digit());
            if (the || coordinated_decade(words, i)) && !list && !measured(words) {
                let tens = d.parse::<i32>().ok()? / 10;
                return Some(found(i, i + 1, Val::Decade(short_decade(ctx, tens)), ctx.anchor.is_some()));
            }
            return None;
        }
    }
    // "the '80s": the apostrophe is a token of its own, right before "80s".
    if matches!(lw, "'" | "’") && words.spans.get(i + 1).is_some_and(|s| s.start == words.spans[i].end) {
        let next = words.lw(i + 1);
        if let Some(two) =
            next.strip_suffix('s').filter(|t| t.len() == 2 && t.ends_with('0') && t.bytes().all(|b| b.is_ascii_digit()))
        {
            let tens = two.parse::<i32>().ok()? / 10;
            return Some(found(i, i + 2, Val::Decade(short_decade(ctx, tens)), ctx.anchor.is_some()));
        }
    }
    if words.lw(i + 1) == "century" {
        let n: i32 = match lw.trim_end_matches(|c: char| c.is_ascii_alphabetic()) {
            "" => i32::try_from(crate::numbers::ordinal_value(lw)?).ok()?,
            digits => digits.parse().ok()?,
        };
        // "the 5th century BC": before the era, no value of ours.
        if before_christ(words.lw(i + 2)) {
            return None;
        }
        return (1..=21).contains(&n).then(|| found(i, i + 2, Val::Century(n - 1), false));
    }
    None
}

/// The decade a two-digit decade ("the 90s", "the mid-70s") names, by the clause's tense and the
/// document date: in the past tense, the latest whose middle the date has reached (in 2021 "the
/// 20s thrived" are the 1920s, in 1989 "the '80s" the 1980s); in a clause about the future, the
/// latest beginning within ten years ("by the mid-90s", written in 1987); otherwise the latest
/// beginning within five ("demand grows in the 90s", written in 1987: the 1990s; "films of the
/// 30s", written in 2021: the 1930s). Without a date, the 1900s. Returns the decade's first three digits (199 for the 1990s).
fn short_decade(ctx: &Ctx, tens: i32) -> i32 {
    let Some(a) = ctx.anchor else { return 190 + tens };
    let year = a.year();
    // The latest decade ending in `tens` that starts at or before `limit`.
    let latest = |limit: i32| (limit - (limit - 10 * tens).rem_euclid(100)) / 10;
    match ctx.tense {
        Tense::Past => latest(year - 5),
        Tense::Future => latest(year + 10),
        Tense::Present => latest(year + 5),
    }
}

/// A decade coordinated with one before it: "the 1970s and 80s", "the late 80s and early 90s".
fn coordinated_decade(words: &Words<'_>, i: usize) -> bool {
    let before = |k: usize| if i >= k { words.lw(i - k) } else { "" };
    let decade_like = |w: &str| {
        let d = w.trim_end_matches('s').trim_start_matches(['\'', '’']);
        w.ends_with('s') && matches!(d.len(), 2 | 4) && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    };
    let joined = |k: usize| matches!(before(k), "and" | "or" | "to" | "through") && decade_like(before(k + 1));
    joined(1) || matches!(before(1), "early" | "late" | "mid") && joined(2)
}

/// A sentence about measures, where "the 30s" and "the mid-90s" are temperatures, prices or
/// ages, not decades.
fn measured(words: &Words<'_>) -> bool {
    (0..words.len()).any(|k| {
        matches!(
            words.lw(k),
            "temperature"
                | "temperatures"
                | "degrees"
                | "readings"
                | "fahrenheit"
                | "celsius"
                | "price"
                | "prices"
                | "stock"
                | "share"
                | "shares"
                | "trade"
                | "traded"
                | "trading"
                | "valued"
                | "worth"
                | "bid"
                | "dlrs"
                | "cents"
                | "pence"
                | "pct"
                | "percent"
                | "%"
                | "expectancy"
                | "age"
                | "aged"
                | "old"
        )
    })
}

/// A sentence in capitals throughout (a headline, wire copy's shouted lines).
fn shouted(words: &Words<'_>) -> bool {
    !(0..words.len()).any(|k| words.w(k).chars().any(char::is_lowercase))
}

/// "Audi 4000S", "PC 6300s", "Nokia 1100s": a number right after a capitalized name inside the
/// sentence (not its first word, a month or a weekday) is a model number.
fn model_number(words: &Words<'_>, i: usize) -> bool {
    i > 0
        && capitalized(words, i - 1)
        && !shouted(words)
        && (0..i - 1).any(|k| words.w(k).starts_with(char::is_alphanumeric))
        && !calendar_word(words.w(i - 1))
}

/// "the first quarter", "third-quarter", "the fourth quarter of 1997", "Q1 2021".
fn quarter(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // "H1 2013", "H2 of 2012": a half, with its year written (alone, "H1" is as often a name).
    if let (Some(h @ (1 | 2)), true) = (lw.strip_prefix('h').and_then(|r| r.parse::<u32>().ok()), capitalized(words, i))
    {
        let k = if words.lw(i + 1) == "of" { i + 2 } else { i + 1 };
        return Some(found(i, k + 1, Val::Half(year_at(words, k)?, h), false));
    }
    let (q, k) =
        if let Some(q) = lw.strip_prefix('q').and_then(|r| r.parse::<u32>().ok()).filter(|q| (1..=4).contains(q)) {
            (q, i + 1)
        } else {
            let (ord, after) = match lw.split_once('-') {
                Some((o, "quarter")) => (o, i + 1),
                _ if words.lw(i + 1) == "quarter" => (lw, i + 2),
                _ => return None,
            };
            (quarter_number(ord)?, after)
        };
    let mut end = k;
    let mut of = k;
    if words.lw(of) == "of" {
        of += 1;
    }
    if let Some(y) = year_at(words, of) {
        end = of + 1;
        return Some(found(i, end, Val::Quarter(y, q), false));
    }
    // "the fourth quarter of that year", "of the same year": the year the text is at.
    if let (true, Some((end, step)), Some(y)) = (of > k, that_year(words, of), ctx.reference.year) {
        let from = NaiveDate::from_ymd_opt(y, 1, 1);
        return Some(Found { anchor: from, ..found(i, end, Val::Quarter(y + step, q), true) });
    }
    Some(found(i, end, Val::Quarter(quarter_year(ctx, q)?, q), true))
}

/// The year of a quarter named without one: the latest that has begun by the document date,
/// or the coming one in a clause about the future.
fn quarter_year(ctx: &Ctx, q: u32) -> Option<i32> {
    let a = ctx.anchor?;
    let current = (a.month() - 1) / 3 + 1;
    Some(if q <= current || ctx.tense == Tense::Future { a.year() } else { a.year() - 1 })
}

/// "the October-to-December period", "the January-March quarter", "the July/September
/// quarter", "the July to September period": three months that make a calendar quarter, named
/// by its first and last month.
fn month_span_quarter(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let (m1, m2, k) = match lw.split_once(['-', '/']) {
        Some((a, b)) => {
            let b = b.strip_prefix("to-").unwrap_or(b);
            (lexicon::month(a)?, lexicon::month(b)?, i + 1)
        }
        None if matches!(words.lw(i + 1), "to" | "through") => (lexicon::month(lw)?, month_at(words, i + 2)?, i + 3),
        None => return None,
    };
    if m1 % 3 != 1 || m2 != m1 + 2 || !matches!(words.lw(k), "period" | "quarter") {
        return None;
    }
    let q = (m1 - 1) / 3 + 1;
    Some(found(i, k + 1, Val::Quarter(quarter_year(ctx, q)?, q), true))
}

/// The quarter an ordinal names: "first"/"1st" 1 … "fourth", "final", "last" 4.
fn quarter_number(ordinal: &str) -> Option<u32> {
    Some(match ordinal {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" | "last" => 4,
        _ => return None,
    })
}

/// "fiscal 2020", "fiscal year 2020", "FY2020".
fn fiscal_year(words: &Words<'_>, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    if let Some(y) = lw.strip_prefix("fy").and_then(|r| r.parse::<i32>().ok()).filter(|y| (1000..=2100).contains(y)) {
        return Some(found(i, i + 1, Val::Year(y), false));
    }
    if lw != "fiscal" {
        return None;
    }
    let k = if words.lw(i + 1) == "year" { i + 2 } else { i + 1 };
    let y = year_at(words, k)?;
    Some(found(i, k + 1, Val::Year(y), false))
}

/// A bare year: four digits from 1800 to 2100 (earlier ones after "in", "since", ... only), not
/// followed by a unit or a plural count.
fn year_form(words: &Words<'_>, i: usize) -> Option<Found> {
    let y = year_at(words, i)?;
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    if matches!(prev, "$" | "£" | "€" | "no." | "#" | "number")
        || matches!(next, "%" | "percent" | "pct")
        || clock_mark(words, i + 1)
        || military_range_first(words, i)
    {
        return None; // "1200 hrs", "0950 GMT", "from 1130 to 1215 GMT" are clock times
    }
    if before_christ(next) {
        return None; // "1500 BC": no year of ours
    }
    if y < 1800
        && !matches!(prev, "in" | "since" | "of" | "by" | "until" | "from" | "during" | "before" | "after" | "circa")
    {
        return None;
    }
    Some(found(i, i + 1, Val::Year(y), false))
}

/// "nineteen ninety-six" standing alone (transcripts), when no unit or noun it could count follows.
fn spelled_year_form(words: &Words<'_>, i: usize) -> Option<Found> {
    // "two hundred and two thousand", "six hundred twenty twelve": the end of a larger number.
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let prev2 = if i > 1 { words.lw(i - 2) } else { "" };
    let number_word = crate::numbers::figure_word;
    if number_word(prev) || prev == "and" && number_word(prev2) {
        return None;
    }
    let (y, end) = spelled_year(words, i)?;
    let next = words.lw(end);
    // A word after it may be what is counted ("nineteen twenty people"), unless a preposition
    // before it asks for a time ("In nineteen ninety-one Charles ...") or an article for one
    // thing ("a nineteen ninety-seven attack").
    let year_context = matches!(prev, "in" | "since" | "of" | "by" | "until" | "during" | "from" | "through")
        || matches!(prev, "a" | "an" | "the") && !next.ends_with('s');
    if lexicon::unit(next).is_some()
        || next.chars().next().is_some_and(char::is_alphabetic)
            && !year_context
            && !matches!(next, "and" | "when" | "on" | "in" | "the" | "a" | "was")
    {
        return None;
    }
    Some(found(i, end, Val::Year(y), false))
}

/// "5 p.m.", "5:45 p.m.", "17:30", "noon", "midnight".
fn time_of_day(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // "noon", "midnight"; "noon Thursday", "midnight Friday": that day's.
    let fixed = match lw {
        // "high noon": a showdown, not a time ("High Noon", the film, too).
        "noon" if i > 0 && words.lw(i - 1) == "high" => return None,
        "noon" | "midday" => Some("T12:00"),
        "midnight" => Some("T24:00"),
        _ => None,
    };
    if let Some(t) = fixed {
        // "at 8 p.m. EDT (midnight GMT)": the same time again, in another zone.
        if i > 0 && words.w(i - 1) == "(" && time_zone(words.lw(i + 1)) {
            return None;
        }
        return clock_day(words, ctx, i, i + 1, t.into(), false);
    }
    let (clock, suffix) = lw.split_at(lw.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(lw.len()));
    // "three in the morning", "ten at night": an hour in words, with its part of day only.
    let spelled = || {
        if !matches!((words.lw(i + 1), words.lw(i + 2)), ("in", "the") | ("at", "night")) {
            return None;
        }
        Some(crate::numbers::word_value(lw).filter(|v| v.fract() == 0.0 && (1.0..=12.0).contains(v))? as u32)
    };
    // Not inside brackets: "10:35 a.m. (0735 GMT)", "(2300 to 0200 GMT)" give the same time again.
    let military = clock.len() == 4
        && suffix.is_empty()
        && !(i.saturating_sub(3)..i).rev().take_while(|&k| words.w(k) != ")").any(|k| words.w(k) == "(")
        && (clock_mark(words, i + 1) || military_range_first(words, i));
    // The first clock of a range ends at its own token, as TimeBank spans it.
    let range_first = military && military_range_first(words, i);
    let (h, m): (u32, u32) = match clock.split_once(':') {
        _ if clock.is_empty() => (spelled()?, 0),
        Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        None if clock.len() <= 2 => (clock.parse().ok()?, 0),
        // "0950 GMT", "1200 hrs EDT", "1600 local time": the 24-hour clock of wire copy.
        None if military => (clock[..2].parse().ok()?, clock[2..].parse().ok()?),
        _ => return None,
    };
    let suffix = if clock.is_empty() { "" } else { suffix };
    // "4 in the morning", "6 in the evening", "10 at night": the part of day says a.m. or p.m.
    let spoken = match (suffix, words.lw(i + 1), words.lw(i + 2), words.lw(i + 3)) {
        ("", "in", "the", "morning") => Some((false, i + 4)),
        ("", "in", "the", "afternoon" | "evening") => Some((true, i + 4)),
        ("", "at", "night", _) => Some((h >= 6 && h != 12, i + 3)),
        _ => None,
    };
    // "9 to 11 p.m.", "from 7 to 7:30pm", "between 11 and 1 p.m.": the first of a range takes
    // the second's half of the day, or the other half when its hour is later (11 a.m. to 1 p.m.).
    let ranged = || {
        // A 24-hour range has no half of the day to share ("1130 to 1215 GMT").
        if military
            || !matches!(words.lw(i + 1), "to" | "and" | "-" | "–" | "until" | "till" | "through")
            || !(1..=12).contains(&h)
        {
            return None;
        }
        let Found { val: Val::Time(_, t), .. } = time_of_day(words, ctx, i + 2).filter(|f| f.start == i + 2)? else {
            return None;
        };
        let h2: u32 = t.get(1..3)?.parse().ok()?;
        let pm2 = h2 >= 12;
        let h2 = if h2 > 12 { h2 - 12 } else { h2 };
        Some(if h % 12 <= h2 % 12 { pm2 } else { !pm2 })
    };
    let (meridiem, end) = match (suffix, meridiem(suffix), meridiem(words.lw(i + 1))) {
        _ if spoken.is_some() => spoken.map(|(pm, end)| (Some(pm), end))?,
        (_, Some(pm), _) => (Some(pm), i + 1),
        ("", None, Some(pm)) => (Some(pm), i + 2),
        ("", None, None) if m < 60 => match ranged() {
            Some(pm) => (Some(pm), i + 1),
            // "at 13:30", "18:45 GMT"; not a results table's "Ford Escort 2:23", "Motorola 0:08"
            // or "but 3:39 was the best he could do" (minutes and seconds).
            None if clock.contains(':') && h < 24 && clocked(words, i) => (None, i + 1),
            // The zone or "hrs" in the extent, as TimeBank has "5 p.m. EST Nov. 9".
            None if military && h < 24 => {
                (None, if range_first || matches!(words.lw(i + 1), "local") { i + 1 } else { i + 2 })
            }
            None => return None,
        },
        _ => return None,
    };
    if m >= 60 || h > 24 || (meridiem.is_some() && !(1..=12).contains(&h)) {
        return None;
    }
    let h24 = match meridiem {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    let mut f = clock_day(words, ctx, i, end, format!("T{h24:02}:{m:02}"), true)?;
    // "after 1530 EST.": the sentence's period is no part of the zone.
    if f.end == end && end > i + 1 && words.w(end - 1).ends_with('.') && time_zone(words.lw(end - 1)) {
        f.cut_end = Some(words.spans[end - 1].end - 1);
    }
    Some(f)
}

/// The day of a clock time that runs from `i` to `end`: a day written after it ("10 p.m.
/// Wednesday", "noon Thursday", "4 a.m. EDT Thursday", "5 p.m. EST(,) Nov. 9", one
/// expression), else the day after "on" ("6pm on Saturday", "midnight on June 30, 1997"),
/// else, for a `narrative` clock time, the day the text is at, else the document's. Noon,
/// midday and midnight alone are the document's: in wire copy "at midday" is the session of the
/// day written ("the dollar hovered around 144.70 just before midday"), and taking the day the
/// text was at put 11 of 15 such Reuters rows on yesterday.
fn clock_day(words: &Words<'_>, ctx: &Ctx, i: usize, end: usize, clock: String, narrative: bool) -> Option<Found> {
    let mut at = if time_zone(words.lw(end)) { end + 1 } else { end };
    if words.w(at) == "," && month_at(words, at + 1).is_some() {
        at += 1;
    }
    let day_after = |k: usize| {
        weekday_form(words, ctx, k)
            .or_else(|| month_at(words, k).and_then(|_| month_form(words, ctx, k)))
            .or_else(|| {
                matches!(words.lw(k), "today" | "tomorrow" | "yesterday")
                    .then(|| relative_word(words, ctx, k))
                    .flatten()
            })
            .filter(|f| f.start == k && matches!(f.val, Val::Day(_)))
    };
    if let Some(day) = day_after(at) {
        if let Val::Day(d) = day.val {
            return Some(found(i, day.end, Val::Time(Some(d), clock), true));
        }
    }
    // "10:35 a.m. (0735 GMT) Friday": the day after a bracketed other clock is the time's day;
    // the expression stays the time.
    if words.w(at) == "(" {
        if let Some(close) = (at + 1..(at + 5).min(words.len())).find(|&k| words.w(k) == ")") {
            if let Some(Found { val: Val::Day(d), .. }) = day_after(close + 1) {
                return Some(found(i, end, Val::Time(Some(d), clock), true));
            }
        }
    }
    // "close at 6pm on Saturday": that day's; "on Saturday" stays a date of its own.
    if words.lw(at) == "on" {
        if let Some(Found { val: Val::Day(d), .. }) = day_after(at + 1) {
            return Some(found(i, end, Val::Time(Some(d), clock), true));
        }
    }
    // Otherwise the day the text is at ("killed on Oct. 23 ... at 10 p.m."), else the
    // document's: a clock time is a narrative reference too.
    let from = ctx.reference.day.filter(|_| narrative);
    let day = from.or(ctx.anchor);
    Some(Found { anchor: from, ..found(i, end, Val::Time(day, clock), day.is_some()) })
}

/// Is a bare "13:30" at `i` a clock time: after a word that places a time or after a date
/// ("Feb 22nd 3:30", "23.04.2022 14:55"), before a zone, a day or the rest of a range ("19:00 -
/// 21:00")? A name before it makes a results table's "Ford Escort 2:23".
fn clocked(words: &Words<'_>, i: usize) -> bool {
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    let dated = prev.starts_with(|c: char| c.is_ascii_digit())
        && (prev.contains(['.', '/'])
            || prev.ends_with(['t', 'd', 'h'])
            || i > 1 && lexicon::month(words.lw(i - 2)).is_some()
            || i > 0 && year_at(words, i - 1).is_some());
    let placing = matches!(
        prev,
        "at" | "by"
            | "from"
            | "to"
            | "until"
            | "till"
            | "before"
            | "after"
            | "around"
            | "about"
            | "since"
            | "between"
            | "and"
            | "-"
            | "–"
            | "approximately"
            | "roughly"
            | "past"
            | "than"
            | "in"
            | "today"
            | "tomorrow"
            | "yesterday"
            | "tonight"
    );
    let ranged_or_placed = matches!(
        next,
        "local" | "hrs" | "hours" | "h" | "today" | "tomorrow" | "tonight" | "on" | "to" | "-" | "–" | "until" | "till"
    );
    placing
        || dated
        || ranged_or_placed
        || lexicon::weekday(prev).is_some()
        || lexicon::month(prev).is_some()
        || spelled_day(prev).is_some()
        || time_zone(next)
        || lexicon::weekday(next).is_some()
        || lexicon::month(next).is_some() && words.w(i + 2).starts_with(|c: char| c.is_ascii_digit())
}

/// "every day", "each year", "annually", "daily", "weekly", "per year".
fn set_form(words: &Words<'_>, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // "quarterly dividend", "daily newspaper": adjectives before a noun are not recurrences; before
    // punctuation, a preposition or a conjunction they are adverbs ("gather daily outside the
    // home", "paid quarterly and"). "annually" is never an adjective.
    let next = words.lw(i + 1);
    let adverb = !next.starts_with(|c: char| c.is_alphanumeric())
        || matches!(
            next,
            "in" | "on"
                | "at"
                | "for"
                | "from"
                | "to"
                | "outside"
                | "inside"
                | "since"
                | "until"
                | "and"
                | "or"
                | "but"
                | "by"
                | "with"
                | "during"
                | "throughout"
                | "near"
                | "across"
                | "around"
                // "on a daily basis": a recurrence, written as an adjective.
                | "basis"
        );
    let val = match lw {
        "annually" => "P1Y",
        "yearly" if adverb => "P1Y",
        "daily" if adverb => "P1D",
        "weekly" if adverb => "P1W",
        "monthly" if adverb => "P1M",
        "hourly" if adverb => "PT1H",
        "quarterly" if adverb => "P3M",
        "every" | "each" | "per" => {
            let u = lexicon::unit(words.lw(i + 1)).filter(|u| !u.plural)?;
            return Some(found(i, i + 2, Val::Set(duration(1.0, u)), false));
        }
        _ => return None,
    };
    Some(found(i, i + 1, Val::Set(val.into()), false))
}

// ------------------------------------------------------------------ resolution

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// The last quarter completed by `a`: what an earnings report dated `a` is about.
fn last_quarter(a: NaiveDate) -> (i32, u32) {
    add_quarters(a.year(), (a.month() - 1) / 3 + 1, -1)
}

/// The year of month `to` in a range that runs forward from month `from` of year `y`
/// ("November through February": the February after).
fn forward_year(y: i32, from: u32, to: u32) -> i32 {
    if to >= from {
        y
    } else {
        y + 1
    }
}

/// The same day `n` years on (back when negative); February 29 becomes the 28th.
fn shift_years(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    d.with_year(d.year() + n).or_else(|| NaiveDate::from_ymd_opt(d.year() + n, d.month(), d.day() - 1))
}

fn add_quarters(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let total = y * 4 + (q as i32 - 1) + delta;
    (total.div_euclid(4), (total.rem_euclid(4) + 1) as u32)
}

/// The year of a bare month: by the sentence's tense, else the nearest.
fn resolve_month(ctx: &Ctx, m: u32) -> Option<i32> {
    let a = ctx.anchor?;
    let y = a.year();
    Some(match ctx.tense {
        // The month after the document's is still the coming one: "gave them until
        // mid-November", written in late October.
        Tense::Past => {
            if m <= a.month() + 1 {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if m >= a.month() {
                y
            } else {
                y + 1
            }
        }
        Tense::Present => {
            let diff = m as i32 - a.month() as i32;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    })
}

/// The date of a month and day without a year: the nearest occurrence; the tense decides only
/// when that one lies more than four months the other way ("extended to Nov. 20", written in
/// late October, is the coming one whatever the verb's tense).
fn resolve_month_day(ctx: &Ctx, m: u32, d: u32) -> Option<NaiveDate> {
    let a = ctx.anchor?;
    let candidates: Vec<NaiveDate> =
        [a.year() - 1, a.year(), a.year() + 1].iter().filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d)).collect();
    let nearest = *candidates.iter().min_by_key(|c| (**c - a).num_days().abs())?;
    let off = (nearest - a).num_days();
    Some(match ctx.tense {
        Tense::Past if off > 120 => candidates.iter().filter(|c| **c <= a).max().copied().unwrap_or(nearest),
        Tense::Future if off < -120 => candidates.iter().filter(|c| **c >= a).min().copied().unwrap_or(nearest),
        _ => nearest,
    })
}

/// A weekday near the anchor: the same or the previous one in the past tense, the same or the
/// next one in the future; "last"/"next" (explicit) never mean the anchor's own day.
fn resolve_weekday(a: NaiveDate, wd: u32, tense: Tense, explicit: bool) -> NaiveDate {
    let today = a.weekday().number_from_monday() as i64;
    let wd = i64::from(wd);
    let back = (today - wd).rem_euclid(7);
    let forward = (wd - today).rem_euclid(7);
    let days = match tense {
        Tense::Future => {
            if forward == 0 && explicit {
                7
            } else {
                forward
            }
        }
        Tense::Past => {
            if back == 0 && explicit {
                -7
            } else {
                -back
            }
        }
        // No tense to go by: the past one (news reports what happened; TimeBank 9 to 1).
        Tense::Present => {
            if back == 0 && explicit {
                -7
            } else {
                -back
            }
        }
    };
    a + Duration::days(days)
}

fn mention(words: &Words<'_>, ctx: &Ctx, sentence: u32, f: Found) -> DateMention {
    let span = Span {
        start: f.cut_start.unwrap_or(words.spans[f.start].start),
        end: f.cut_end.unwrap_or(words.spans[f.end - 1].end),
    };
    let (kind, value, range) = describe(&f.val);
    // Ranges within years 1 to 9999 ("the 1st century" starts in year 1).
    let range = f.range.or(range).and_then(|(a, b)| {
        let (lo, hi) = (NaiveDate::from_ymd_opt(1, 1, 1)?, NaiveDate::from_ymd_opt(9999, 12, 31)?);
        let (a, b) = (a.max(lo), b.min(hi));
        (a <= b).then_some((a, b))
    });
    let anchor = f.anchor.or(ctx.anchor);
    let anchored = f.anchored && anchor.is_some();
    DateMention {
        sentence,
        span,
        kind,
        value,
        modifier: f.modifier,
        range_start: range.map(|r| r.0),
        range_end: range.map(|r| r.1),
        anchored,
        anchor: if anchored { anchor } else { None },
    }
}

/// TIMEX3 type, value and the days covered.
fn describe(val: &Val) -> (TimexType, String, Option<(NaiveDate, NaiveDate)>) {
    match val {
        Val::Day(d) => (TimexType::Date, d.format("%Y-%m-%d").to_string(), Some((*d, *d))),
        Val::Partial(v) => (TimexType::Date, v.clone(), None),
        Val::Month(y, m) => {
            let first = NaiveDate::from_ymd_opt(*y, *m, 1);
            let (ny, nm) = add_months(*y, *m, 1);
            let last = NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt());
            (TimexType::Date, format!("{y:04}-{m:02}"), first.zip(last))
        }
        Val::Year(y) => (
            TimexType::Date,
            format!("{y:04}"),
            NaiveDate::from_ymd_opt(*y, 1, 1).zip(NaiveDate::from_ymd_opt(*y, 12, 31)),
        ),
        // "the 1990s" is 199X and "the 20th century" 19XX: the year with its unknown digits
        // marked, as #4 lists the values, as XXXX-06 marks an unknown year and as ISO 8601-2
        // writes unspecified digits (TimeML 1.2 and TimeBank drop them: "199", "19").
        Val::Decade(d) => (
            TimexType::Date,
            format!("{d:03}X"),
            NaiveDate::from_ymd_opt(d * 10, 1, 1).zip(NaiveDate::from_ymd_opt(d * 10 + 9, 12, 31)),
        ),
        Val::Century(c) => (
            TimexType::Date,
            format!("{c:02}XX"),
            NaiveDate::from_ymd_opt(c * 100, 1, 1).zip(NaiveDate::from_ymd_opt(c * 100 + 99, 12, 31)),
        ),
        Val::Season(y, s) => {
            let (a, b) = match *s {
                "SP" => ((3, 20), (6, 20)),
                "SU" => ((6, 21), (9, 22)),
                "FA" => ((9, 23), (12, 20)),
                _ => ((12, 21), (3, 19)),
            };
            let end_year = if *s == "WI" { y + 1 } else { *y };
            let range = NaiveDate::from_ymd_opt(*y, a.0, a.1).zip(NaiveDate::from_ymd_opt(end_year, b.0, b.1));
            (TimexType::Date, format!("{y:04}-{s}"), range)
        }
        Val::Half(y, h) => {
            let first = NaiveDate::from_ymd_opt(*y, (h - 1) * 6 + 1, 1);
            let last = NaiveDate::from_ymd_opt(*y, h * 6, if *h == 1 { 30 } else { 31 });
            (TimexType::Date, format!("{y:04}-H{h}"), first.zip(last))
        }
        Val::Quarter(y, q) => {
            let first = NaiveDate::from_ymd_opt(*y, (q - 1) * 3 + 1, 1);
            let (ny, nm) = add_months(*y, (q - 1) * 3 + 1, 3);
            let last = NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt());
            (TimexType::Date, format!("{y:04}-Q{q}"), first.zip(last))
        }
        Val::Week(y, w) => {
            let monday = NaiveDate::from_isoywd_opt(*y, *w, Weekday::Mon);
            let sunday = NaiveDate::from_isoywd_opt(*y, *w, Weekday::Sun);
            (TimexType::Date, format!("{y:04}-W{w:02}"), monday.zip(sunday))
        }
        Val::Time(d, t) => {
            let day = d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "XXXX-XX-XX".into());
            (TimexType::Time, format!("{day}{t}"), d.map(|d| (d, d)))
        }
        Val::Ref(r) => (TimexType::Date, (*r).to_owned(), None),
        Val::Duration(v) => (TimexType::Duration, v.clone(), None),
        Val::Set(v) => (TimexType::Set, v.clone(), None),
    }
}

#[cfg(test)]
mod tests;
