//! Relative references: "today", "this/next/last" + unit, "N units ago", vague references.

use super::*;

/// Times named without a count: "for years", "within weeks" (PXY, PXW: the unit alone, as
/// TimeBank marks it), "months ago" and "past years" (PAST_REF), "these days" (PRESENT_REF), "a
/// later date" (FUTURE_REF), "later in the day", "earlier in the year" (the day or year the text
/// is at: the one named last, else the document's).
pub(super) fn vague(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    // A plural unit (all end in "s"), with its neighbour compared before the lexicon is read:
    // "for years", "within weeks", "the lowest in years", "will take months", "months ago".
    let spans = matches!(prev, "for" | "within" | "take" | "takes" | "took" | "taking" | "taken")
        || prev == "in" && looks_back(words, i);
    if lw.ends_with('s') && (next == "ago" || spans) {
        let u = time::unit(lw).filter(|u| u.plural)?;
        return Some(if next == "ago" {
            found(VAGUE, i, i + 2, Val::Ref("PAST_REF"), false)
        } else {
            found(VAGUE, i, i + 1, Val::Duration(vague_duration(u)), false)
        });
    }
    match (lw, next, words.lw(i + 2)) {
        ("these", "days", _) => Some(found(VAGUE, i, i + 2, Val::Ref("PRESENT_REF"), false)),
        ("a", "later", "date") => Some(found(VAGUE, i, i + 3, Val::Ref("FUTURE_REF"), false)),
        ("past", _, _) if prev != "the" && time::unit(next).is_some_and(|u| u.plural) => {
            Some(found(VAGUE, i, i + 2, Val::Ref("PAST_REF"), false))
        }
        ("earlier" | "later", "in", "the") => {
            let kind = match words.lw(i + 3) {
                "day" => Kind::Day,
                // "shedding gains of earlier in the week": the week the text is at.
                "week" => Kind::Week,
                "month" => Kind::Month,
                "year" => Kind::Year,
                _ => return None,
            };
            let unknown = match kind {
                Kind::Day => "XXXX-XX-XX",
                Kind::Week => "XXXX-WXX",
                Kind::Month => "XXXX-XX",
                _ => "XXXX",
            };
            let val = Val::later(kind, Some(Val::Partial(unknown.into())), move |env| {
                let (r, a) = (env.reference, env.anchor);
                let (val, from) = match kind {
                    Kind::Day => (Val::Day(r.day.or(a)?), r.day),
                    Kind::Week => {
                        let w = r.day.or(a)?.iso_week();
                        (Val::Week(w.year(), w.week()), r.day)
                    }
                    Kind::Month => {
                        let (y, m) = r.month.or(a.map(|a| (a.year(), a.month())))?;
                        (Val::Month(y, m), r.month.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1)))
                    }
                    _ => (
                        Val::Year(r.year.or(a.map(|a| a.year()))?),
                        r.year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
                    ),
                };
                Some(Done { val, range: None, from })
            });
            Some(found(VAGUE, i, i + 4, val, true))
        }
        _ => None,
    }
}

/// "would be redeemed in five years", "will open in two weeks": in a clause about the future,
/// "in" + a count of days, weeks, months or years is the point that far ahead (a DATE in
/// TIMEX3, as TimeBank has it), not a duration. "the second letter in two weeks" stays one.
/// Past year 9999, or without a date to count from, it stays the duration `duration`.
pub(super) fn future_point(
    words: &Words<'_>,
    ctx: &Ctx,
    i: usize,
    n: f64,
    u: time::Unit,
    duration: &str,
) -> Option<Val> {
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
    let kind = match u.letter {
        "Y" => Kind::Year,
        "M" => Kind::Month,
        "W" | "2W" => Kind::Week,
        "D" => Kind::Day,
        _ => return None,
    };
    let letter = u.letter;
    let duration = duration.to_owned();
    Some(Val::at_anchor(kind, Some(Val::Duration(duration.clone())), move |a| {
        Some(match letter {
            // "will run out in 9000 years": past year 9999, it stays the duration.
            "Y" if a.year() + n > *YEARS.end() => return Some(Val::Duration(duration.clone())),
            "Y" => Val::Year(a.year() + n),
            "M" => {
                let (y, m) = add_months(a.year(), a.month(), n);
                Val::Month(y, m)
            }
            "W" | "2W" => {
                let weeks = if letter == "2W" { 2 * n } else { n };
                let w = a.checked_add_signed(Duration::weeks(i64::from(weeks)))?.iso_week();
                Val::Week(w.year(), w.week())
            }
            _ => Val::Day(a.checked_add_signed(Duration::days(i64::from(n)))?),
        })
    }))
}

/// "today", "yesterday", "tomorrow", "tonight", "now", "currently", "recently", "this morning".
pub(super) fn relative_word(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // Without a date to count from: a day, unknown (TimeML's XXXX-XX-XX).
    let day = |offset: i64| {
        Val::at_anchor(Kind::Day, Some(Val::Partial("XXXX-XX-XX".into())), move |a| {
            a.checked_add_signed(Duration::days(offset)).map(Val::Day)
        })
    };
    let val = match lw {
        "today" | "today's" => day(0),
        "yesterday" | "yesterday's" => day(-1),
        "tomorrow" | "tomorrow's" => day(1),
        "tonight" => time_of_anchor("TNI".into()),
        // "current" alone: 8 of 11 are annotated in TimeBank; "recent" alone: 6 of 15 (left out).
        // "Now, he says, ...": a discourse marker opening the sentence, no time (3 of 3 in
        // TimeBank and AQUAINT are not annotated).
        "now" if words.w(i + 1) == "," && (0..i).all(|k| !words.lw(k).starts_with(|c: char| c.is_alphanumeric())) => {
            return None;
        }
        // "its current financial year", "in current quarter": the period, counted as "this".
        "current"
            if time::unit(words.lw(i + 1)).is_some_and(|u| !u.plural)
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
            let val = if ctx.quarterly {
                Val::at_anchor(Kind::Quarter, None, |a| {
                    let (y, q) = last_quarter(a);
                    Some(Val::Quarter(y - 1, q))
                })
            } else {
                Val::at_anchor(Kind::Year, None, |a| Some(Val::Year(a.year() - 1)))
            };
            return Some(found(RELATIVE_WORD, i, i + 1, val, true));
        }
        "recently" | "lately" => Val::Ref("PAST_REF"),
        // "recent years", "coming months", "future quarters": references with their unit (a
        // plain adjective, "the recent attacks", "the current system", is no time expression).
        "recent" | "coming" | "upcoming" | "future" => {
            time::unit(words.lw(i + 1)).filter(|u| u.plural)?;
            let r = if lw == "recent" { "PAST_REF" } else { "FUTURE_REF" };
            return Some(found(RELATIVE_WORD, i, i + 2, Val::Ref(r), false));
        }
        "this" => {
            let part = time::part_of_day(words.lw(i + 1))?;
            return Some(found(RELATIVE_WORD, i, i + 2, time_of_anchor(format!("T{part}")), true));
        }
        _ => return None,
    };
    let anchored = matches!(val.kind(), Kind::Day | Kind::Time);
    let f = found(RELATIVE_WORD, i, i + 1, val, anchored);
    // "yesterday afternoon", "tomorrow night": the time of that day.
    if let (Kind::Day, Some(part)) = (f.val.kind(), time::part_of_day(words.lw(i + 1))) {
        if !lw.ends_with("'s") && words.lw(i + 1) != "tonight" {
            let t = format!("T{part}");
            let unknown = Val::Time(None, t.clone());
            let f = f.map(Kind::Time, move |v| match v {
                Val::Day(d) => Some(Val::Time(Some(d), t.clone())),
                _ => None,
            })?;
            return Some(Found { end: i + 2, ..f.or_unknown(Some(unknown)) });
        }
    }
    Some(f)
}

/// A time of day on the anchor's day ("tonight", "this morning"): on an unknown day without one.
pub(super) fn time_of_anchor(t: String) -> Val {
    Val::at_anchor(Kind::Time, Some(Val::Time(None, t.clone())), move |a| Some(Val::Time(Some(a), t.clone())))
}

/// "this week", "last year", "next month", "this past June", "last summer", "this weekend".
pub(super) fn relative_unit(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
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
        let val = Val::at_anchor(Kind::Day, Some(Val::Partial("XXXX-XX-XX".into())), move |a| {
            shift_years(a, step).map(Val::Day)
        });
        return Some(Found { aside: true, ..found(RELATIVE_UNIT, i, k + 3, val, true) });
    }
    if lw == "this" && words.lw(k) == "past" {
        k += 1; // "this past June", "this past spring"
        if let Some(season) = time::season(words.lw(k)) {
            let val = Val::at_anchor(Kind::Season, Some(Val::Partial(format!("XXXX-{season}"))), move |a| {
                let starts = match season {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                // The latest one under way or over by the anchor (a winter begins in December).
                let y =
                    if starts < a.month() || (starts == a.month() && a.day() >= 21) { a.year() } else { a.year() - 1 };
                Some(Val::Season(y, season))
            });
            return Some(found(RELATIVE_UNIT, i, k + 1, val, true));
        }
        let m = month_at(words, k)?;
        let val = Val::at_anchor(Kind::Month, Some(Val::Partial(format!("XXXX-{m:02}"))), move |a| {
            Some(Val::Month(if m < a.month() { a.year() } else { a.year() - 1 }, m))
        });
        return Some(found(RELATIVE_UNIT, i, k + 1, val, true));
    }
    let target = words.lw(k);
    // "this fiscal year", "next financial year", "last tax year": the year named by the
    // document's, as "fiscal 2005" is 2005 (where a fiscal year starts is the company's).
    if matches!(target, "fiscal" | "financial" | "tax") && words.lw(k + 1) == "year" {
        let val =
            Val::at_anchor(Kind::Year, Some(Val::Partial("XXXX".into())), move |a| Some(Val::Year(a.year() + offset)));
        return Some(found(RELATIVE_UNIT, i, k + 2, val, true));
    }
    // Without a date to count from: the unit's unknown value ("last week" XXXX-WXX, "next June"
    // XXXX-06), not anchored.
    let unknown = |unit: Option<&str>| -> Option<Val> {
        let val = if let Some(m) = month_at(words, k) {
            format!("XXXX-{m:02}")
        } else if let Some(season) = time::season(target) {
            format!("XXXX-{season}")
        } else {
            let u = time::unit(unit.unwrap_or(target)).filter(|u| !u.plural && !u.time)?;
            unknown_of(u.letter, u.time)?.to_owned()
        };
        Some(Val::Partial(val))
    };
    if let Some(m) = month_at(words, k) {
        // "last Oct. 23": the latest such day before the anchor; "next May 1": the first after.
        if let (Some(d), -1 | 1) = (day_at(words, k + 1), offset) {
            if (1..=12).contains(&m) && NaiveDate::from_ymd_opt(2000, m, d).is_some() {
                let val = Val::at_anchor(Kind::Day, Some(Val::Partial(format!("XXXX-{m:02}-{d:02}"))), move |a| {
                    let days = [a.year() - 1, a.year(), a.year() + 1].map(|y| NaiveDate::from_ymd_opt(y, m, d));
                    let date = if offset < 0 {
                        days.iter().flatten().filter(|x| **x < a).max()
                    } else {
                        days.iter().flatten().filter(|x| **x > a).min()
                    };
                    date.copied().map(Val::Day)
                });
                return Some(found(RELATIVE_UNIT, i, k + 2, val, true));
            }
        }
        let val = Val::at_anchor(Kind::Month, unknown(None), move |a| {
            let y = match offset {
                0 => a.year(),
                // "last April" in October: this year's; "last February" early in March: the year
                // before.
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
            Some(Val::Month(y, m))
        });
        return Some(found(RELATIVE_UNIT, i, k + 1, val, true));
    }
    if let Some(season) = time::season(target) {
        let val = Val::at_anchor(Kind::Season, unknown(None), move |a| Some(Val::Season(a.year() + offset, season)));
        return Some(found(RELATIVE_UNIT, i, k + 1, val, true));
    }
    if offset == -1 && target == "night" && lw == "last" {
        // "last night"
        let val = Val::at_anchor(Kind::Time, Some(Val::Time(None, "TNI".into())), |a| {
            Some(Val::Time(Some(a.pred_opt()?), "TNI".into()))
        });
        return Some(found(RELATIVE_UNIT, i, k + 1, val, true));
    }
    let kind = match target {
        "week" => Kind::Week,
        "weekend" => Kind::Partial,
        "month" => Kind::Month,
        "year" => Kind::Year,
        "quarter" => Kind::Quarter,
        "decade" => Kind::Decade,
        "century" => Kind::Century,
        _ => return None,
    };
    let unknown = if kind == Kind::Partial { Some(Val::Partial("XXXX-WXX-WE".into())) } else { unknown(None) };
    let val = Val::at_anchor(kind, unknown, move |a| {
        Some(match kind {
            Kind::Week => {
                let d = a.checked_add_signed(Duration::weeks(i64::from(offset)))?;
                Val::Week(d.iso_week().year(), d.iso_week().week())
            }
            Kind::Partial => {
                let d = a.checked_add_signed(Duration::weeks(i64::from(offset)))?;
                Val::Partial(format!("{}-W{:02}-WE", d.iso_week().year(), d.iso_week().week()))
            }
            Kind::Month => {
                let (y, m) = add_months(a.year(), a.month(), offset);
                Val::Month(y, m)
            }
            Kind::Year => Val::Year(a.year() + offset),
            Kind::Quarter => {
                let q = (a.month() - 1) / 3 + 1;
                let (y, q) = add_quarters(a.year(), q, offset);
                Val::Quarter(y, q)
            }
            Kind::Decade => Val::Decade(a.year() / 10 + offset),
            _ => Val::Century(a.year() / 100 + offset),
        })
    });
    Some(found(RELATIVE_UNIT, i, k + 1, val, true))
}

/// "two years ago", "a week ago", "several years ago".
pub(super) fn ago(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let (v, mut k) = amount(words, i)?;
    let u = time::unit(words.lw(k))?;
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
        return Some(found(AGO, i, k + 2, Val::Ref("PAST_REF"), false));
    };
    let n = v as i64;
    // "a year earlier" and an earnings report's "a year ago" compare; they do not move the story.
    let aside = earlier || ctx.quarterly && n == 1 && u.letter == "Y";
    let quarterly = ctx.quarterly && n == 1 && u.letter == "Y";
    // In an earnings report, "a year ago" is the same quarter a year before.
    let kind = match u.letter {
        "Y" if quarterly => Kind::Quarter,
        "Y" | "DE" => Kind::Year,
        "M" if !u.time => Kind::Month,
        "W" | "2W" => Kind::Week,
        "D" => Kind::Day,
        // Hours and minutes ago: the past.
        _ => return Some(found(AGO, i, k + 2, Val::Ref("PAST_REF"), false)),
    };
    let letter = u.letter;
    let unknown = unknown_of(u.letter, u.time).map(|v| Val::Partial(v.into()));
    let val = Val::at_anchor(kind, unknown, move |a| {
        Some(match kind {
            Kind::Quarter => {
                let (y, q) = last_quarter(a);
                Val::Quarter(y - 1, q)
            }
            Kind::Year => {
                let years = if letter == "DE" { 10 * n } else { n };
                match i32::try_from(i64::from(a.year()) - years) {
                    // Before year 1 ("2,500 years ago"): the past, as "12,000 years ago" already is.
                    Ok(y) if y >= 1 => Val::Year(y),
                    _ => Val::Ref("PAST_REF"),
                }
            }
            Kind::Month => {
                let (y, m) = add_months(a.year(), a.month(), -(i32::try_from(n).ok()?));
                Val::Month(y, m)
            }
            Kind::Week => {
                let weeks = if letter == "2W" { 2 * n } else { n };
                let d = a.checked_sub_signed(Duration::try_weeks(weeks)?)?;
                Val::Week(d.iso_week().year(), d.iso_week().week())
            }
            _ => Val::Day(a.checked_sub_signed(Duration::try_days(n)?)?),
        })
    });
    Some(Found { modifier: roughly.then_some(TimexMod::Approx), aside, ..found(AGO, i, k + 2, val, true) })
}

/// The TIMEX3 value of an unknown date of a unit's size: a day XXXX-XX-XX, a week XXXX-WXX, a
/// month XXXX-XX, a quarter XXXX-QX, a year XXXX, a decade XXX, a century XX.
pub(super) fn unknown_of(letter: &str, time: bool) -> Option<&'static str> {
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

/// "by midweek", "in midweek": the middle of the week the text is in; a past clause early in a
/// week tells of the week before (TIMEX3: the week, mod MID). Only after a preposition of time
/// or opening the sentence: "499 dlrs midweek and 549 on weekends" is a kind of day, not a week.
pub(super) fn midweek(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if words.lw(i) != "midweek" {
        return None;
    }
    let placed = i == 0
        || matches!(
            words.lw(i - 1),
            "by" | "in" | "at" | "until" | "till" | "since" | "after" | "before" | "around" | "from" | "through"
        );
    if !placed {
        return None;
    }
    let tense = ctx.tense;
    let val = Val::at_anchor(Kind::Week, Some(Val::Partial("XXXX-WXX".into())), move |a| {
        let early = a.weekday().number_from_monday() <= 2;
        let day = if tense == Tense::Past && early { a - Duration::days(7) } else { a };
        let w = day.iso_week();
        Some(Val::Week(w.year(), w.week()))
    });
    Some(Found { modifier: Some(TimexMod::Mid), ..found(MIDWEEK, i, i + 1, val, true) })
}

/// "the year before last", "the week after next", "the month before last": the unit two back
/// from the document's, or two on (TIMEX3: that year, week or month).
pub(super) fn beyond_last_or_next(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    if words.lw(i) != "the" {
        return None;
    }
    let step = match (words.lw(i + 2), words.lw(i + 3)) {
        ("before", "last") => -2,
        ("after", "next") => 2,
        _ => return None,
    };
    let u = time::unit(words.lw(i + 1)).filter(|u| !u.plural && !u.time)?;
    let kind = match u.letter {
        "D" => Kind::Day,
        "W" => Kind::Week,
        "M" => Kind::Month,
        "Q" => Kind::Quarter,
        "Y" => Kind::Year,
        _ => return None,
    };
    let unknown = unknown_of(u.letter, false).map(|v| Val::Partial(v.into()));
    let val = Val::at_anchor(kind, unknown, move |a| {
        Some(match kind {
            Kind::Day => Val::Day(a.checked_add_signed(Duration::days(step.into()))?),
            Kind::Week => {
                let w = a.checked_add_signed(Duration::weeks(step.into()))?.iso_week();
                Val::Week(w.year(), w.week())
            }
            Kind::Month => {
                let (y, m) = add_months(a.year(), a.month(), step);
                Val::Month(y, m)
            }
            Kind::Quarter => {
                let (y, q) = add_quarters(a.year(), (a.month() - 1) / 3 + 1, step);
                Val::Quarter(y, q)
            }
            _ => Val::Year(a.year() + step),
        })
    });
    Some(found(BEYOND_LAST_OR_NEXT, i, i + 4, val, true))
}
