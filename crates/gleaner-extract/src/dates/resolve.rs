//! Resolution: tense, months, weekdays, arithmetic on months and quarters, and writing a
//! found expression as a mention.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Present,
    Future,
}

/// The tense of the clause around token `i`: the nearest marker within eight tokens before it,
/// else within four after it up to the end of the clause, else none (the nearest occurrence
/// wins). The sentence as a whole is weaker evidence: "The payment is due Dec. 7; the vote was
/// ..." is not past for Dec. 7, and in "said Friday that he would" the "would" is the reported
/// clause's, not Friday's.
pub(super) fn local_tense(words: &Words<'_>, markers: &[Option<Tense>], i: usize) -> Tense {
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
            let strong = time::will(words.lw(k)) || matches!(words.lw(k), "plans" | "plan") && words.lw(k + 1) == "to";
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
pub(super) fn tense_markers(words: &Words<'_>) -> Vec<Option<Tense>> {
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
            if time::future_marker(lw) || bound || deadline || scheduled {
                // "had been due to expire Friday": a plan that is itself in the past.
                Some(if matches!(prev, "been" | "had") { Tense::Past } else { Tense::Future })
            } else if matches!(prev, "be" | "being") && time::past_marker(lw) {
                None // "to be published in November": a passive takes its tense from elsewhere
            } else if time::past_word(lw) || time::past_verb(lw) && !capitalized(words, k) {
                Some(Tense::Past)
            } else {
                None
            }
        })
        .collect()
}

// ------------------------------------------------------------------ resolution

pub(super) fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// The last quarter completed by `a`: what an earnings report dated `a` is about.
pub(super) fn last_quarter(a: NaiveDate) -> (i32, u32) {
    add_quarters(a.year(), (a.month() - 1) / 3 + 1, -1)
}

/// The year of month `to` in a range that runs forward from month `from` of year `y`
/// ("November through February": the February after).
pub(super) fn forward_year(y: i32, from: u32, to: u32) -> i32 {
    if to >= from {
        y
    } else {
        y + 1
    }
}

/// The same day `n` years on (back when negative); February 29 becomes the 28th.
pub(super) fn shift_years(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    d.with_year(d.year() + n).or_else(|| NaiveDate::from_ymd_opt(d.year() + n, d.month(), d.day() - 1))
}

pub(super) fn add_quarters(y: i32, q: u32, delta: i32) -> (i32, u32) {
    let total = y * 4 + (q as i32 - 1) + delta;
    (total.div_euclid(4), (total.rem_euclid(4) + 1) as u32)
}

/// The year of a bare month written in a clause of `tense` on day `a`: by the tense, else the
/// nearest.
pub(super) fn resolve_month(a: NaiveDate, tense: Tense, m: u32) -> i32 {
    let y = a.year();
    match tense {
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
    }
}

/// The date of a month and day without a year: the nearest occurrence; the tense decides only
/// when that one lies more than four months the other way ("extended to Nov. 20", written in
/// late October, is the coming one whatever the verb's tense).
pub(super) fn resolve_month_day(a: NaiveDate, tense: Tense, m: u32, d: u32) -> Option<NaiveDate> {
    let candidates: Vec<NaiveDate> =
        [a.year() - 1, a.year(), a.year() + 1].iter().filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d)).collect();
    let nearest = *candidates.iter().min_by_key(|c| (**c - a).num_days().abs())?;
    let off = (nearest - a).num_days();
    Some(match tense {
        Tense::Past if off > 120 => candidates.iter().filter(|c| **c <= a).max().copied().unwrap_or(nearest),
        Tense::Future if off < -120 => candidates.iter().filter(|c| **c >= a).min().copied().unwrap_or(nearest),
        _ => nearest,
    })
}

/// A weekday near the anchor: the same or the previous one in the past tense, the same or the
/// next one in the future; "last"/"next" (explicit) never mean the anchor's own day.
pub(super) fn resolve_weekday(a: NaiveDate, wd: u32, tense: Tense, explicit: bool) -> NaiveDate {
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

/// Writes a settled expression as a mention: `val` its value, `range` the days it covers when
/// narrower than the value's, `from` the story's date it was counted from, `anchor` the
/// document's.
pub(super) fn mention(
    r: &Recognized,
    val: &Val,
    range: Option<(NaiveDate, NaiveDate)>,
    from: Option<NaiveDate>,
    anchored: bool,
    anchor: Option<NaiveDate>,
) -> DateMention {
    let (kind, value, own) = describe(val);
    // Ranges within years 1 to 9999 ("the 1st century" starts in year 1).
    let range = range.or(own).and_then(|(a, b)| {
        let (lo, hi) = (NaiveDate::from_ymd_opt(1, 1, 1)?, NaiveDate::from_ymd_opt(9999, 12, 31)?);
        let (a, b) = (a.max(lo), b.min(hi));
        (a <= b).then_some((a, b))
    });
    let anchor = from.or(anchor);
    let anchored = anchored && anchor.is_some();
    DateMention {
        sentence: r.sentence,
        rule: r.found.rule,
        span: r.span,
        kind,
        value,
        modifier: r.found.modifier,
        range_start: range.map(|r| r.0),
        range_end: range.map(|r| r.1),
        anchored,
        anchor: if anchored { anchor } else { None },
    }
}

/// TIMEX3 type, value and the days covered.
pub(super) fn describe(val: &Val) -> (TimexType, String, Option<(NaiveDate, NaiveDate)>) {
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
        // Settled before it is written.
        Val::Later(_) => (TimexType::Date, "XXXX-XX-XX".to_owned(), None),
    }
}
