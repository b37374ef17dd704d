//! Wrappers around an expression: approximations and bounds ("nearly", "more than"), positions
//! ("early", "mid-", "the end of"), and the dispatch of expressions that take "the".

use super::*;
use gleaner_ingest::lang::en::{self, Bound};

/// Expressions that take "the" in front ("the summer of 2016", "the 1990s", "the past three
/// months", "the first quarter", "the end of the year").
pub(super) fn after_the(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
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
            let mut f = relative_unit(words, ctx, k - 1)
                .filter(|_| k == i + 1)
                .unwrap_or_else(|| found(CURRENT_PERIOD, i, k + 1, this_year(), true));
            f.start = i;
            f.end = k + 1;
            f.rule = CURRENT_PERIOD;
            return Some(f);
        }
    }
    // "the week of March 6": the week that day falls in.
    if lw == "week" && words.lw(i + 1) == "of" {
        if let Some(day) = month_form(words, ctx, i + 2).filter(|f| f.val.kind() == Kind::Day) {
            let (end, anchored) = (day.end, day.anchored);
            let week = day.map(Kind::Week, |v| match v {
                Val::Day(d) => Some(Val::Week(d.iso_week().year(), d.iso_week().week())),
                _ => None,
            })?;
            let week = week.or_unknown(Some(Val::Partial("XXXX-WXX".into())));
            return Some(Found {
                range: None,
                cut_start: None,
                cut_end: None,
                ..found(WEEK_OF, i, end, week.val, anchored)
            });
        }
    }
    match lw {
        "first" if words.lw(i + 1) != "quarter" => {
            // "the first nine months": a duration with its determiner.
            let (v, k) = cardinal_at(words, i + 1)?;
            let u = time::unit(words.lw(k)).filter(|u| u.plural)?;
            Some(found(DETERMINED_DURATION, i, k + 1, Val::Duration(duration(v, u)), false))
        }
        "past" | "last" | "next" | "coming" | "previous" | "following" => {
            // "the past three months", "the last 24 hours", "the past several years": durations.
            if let Some((v, k)) = amount(words, i + 1).filter(|(v, _)| v.is_none_or(|v| v > 0.0)) {
                if let Some(u) = time::unit(words.lw(k)).filter(|u| v.is_some() || u.plural) {
                    let value = match v {
                        Some(v) => duration(v, u),
                        None => vague_duration(u),
                    };
                    return Some(found(DETERMINED_DURATION, i, k + 1, Val::Duration(value), false));
                }
            }
            if let Some(u) = time::unit(words.lw(i + 1)).filter(|u| !u.plural) {
                if lw == "following" || lw == "next" && u.letter == "D" {
                    return None;
                }
                return Some(found(DETERMINED_DURATION, i, i + 2, Val::Duration(duration(1.0, u)), false));
            }
            if lw == "past"
                && !words.lw(i + 1).starts_with(|c: char| c.is_ascii_digit())
                && time::unit(words.lw(i + 1)).is_none()
            {
                return Some(found(THE_REFERENCE, i, i + 1, Val::Ref("PAST_REF"), false));
            }
            None
        }
        "quarter" | "latest" | "year-earlier" | "year-ago" | "comparable" | "corresponding" | "same" | "prior" => {
            financial_period(words, ctx, i)
        }
        "year" => {
            if let Some((y, end)) = any_year_at(words, i + 1) {
                return Some(found(THE_YEAR, i, end, Val::Year(y), false)); // "the year two thousand"
            }
            // "for the year": a duration; "the year's best": the current year.
            // "the year ended Sept. 30", "the year to end-March": twelve months to a date (TimeBank
            // marks "the fiscal year ended Jan. 31" P1Y).
            let prev = if i >= 2 { words.lw(i - 2) } else { "" };
            if matches!(prev, "for" | "over" | "throughout" | "during")
                || matches!(words.lw(i + 1), "ended" | "ending" | "to" | "through")
            {
                return Some(found(THE_YEAR, i, i + 1, Val::Duration("P1Y".into()), false));
            }
            Some(found(THE_YEAR, i, i + 1, this_year(), true))
        }
        // "the full year" of an earnings report: the current one, whatever the preposition.
        "full" if words.lw(i + 1) == "year" => Some(found(THE_YEAR, i, i + 2, this_year(), true)),
        "weekend" => {
            let tense = ctx.tense;
            let val = Val::at_anchor(Kind::Partial, Some(Val::Partial("XXXX-WXX-WE".into())), move |a| {
                // The weekend just gone (a Monday's "the weekend" is the day before; a Sunday's
                // is its own, and a Saturday's too unless the clause is past), unless the clause
                // looks ahead: news reports what happened, as with a bare weekday.
                let n = a.weekday().number_from_monday();
                let a = if tense != Tense::Future {
                    a - Duration::days(i64::from(if tense == Tense::Past { n % 7 } else { n % 6 }))
                } else {
                    a
                };
                let w = a.iso_week();
                Some(Val::Partial(format!("{}-W{:02}-WE", w.year(), w.week())))
            });
            Some(found(THE_WEEKEND, i, i + 1, val, true))
        }
        "future" => Some(found(THE_REFERENCE, i, i + 1, Val::Ref("FUTURE_REF"), false)),
        // "the other day", "the other night": a recent, unnamed day (TIMEX3's PAST_REF).
        // "bid on the other day" is the other of two.
        "other" if matches!(words.lw(i + 1), "day" | "night" | "week") && !(i >= 2 && words.lw(i - 2) == "on") => {
            Some(found(THE_REFERENCE, i, i + 2, Val::Ref("PAST_REF"), false))
        }
        // "in the morning": of the day the text is at (named last, else the document's).
        "morning" | "afternoon" | "evening" if i >= 2 && words.lw(i - 2) == "in" => {
            let t = format!("T{}", time::part_of_day(lw)?);
            let val = Val::later(Kind::Time, Some(Val::Time(None, t.clone())), move |env| {
                let d = env.reference.day.or(env.anchor)?;
                Some(Done { val: Val::Time(Some(d), t.clone()), range: None, from: env.reference.day })
            });
            Some(found(THE_PART_OF_DAY, i, i + 1, val, true))
        }
        "near" | "short" | "long" if matches!(words.lw(i + 1), "future" | "term") => {
            if lw == "long" {
                return None;
            }
            Some(found(THE_REFERENCE, i, i + 2, Val::Ref("FUTURE_REF"), false)) // "the near future", "the short term"
        }
        "first" | "second" | "third" | "fourth" | "1st" | "2nd" | "3rd" | "4th" => quarter(words, ctx, i),
        "end" | "beginning" | "start" | "middle" => {
            // "the end of the year", "the beginning of 2020"
            if words.lw(i + 1) != "of" {
                return None;
            }
            // "the end of the month", "the start of the week": the current one.
            let current = match (words.lw(i + 2), words.lw(i + 3)) {
                ("the", "month") => Some(Val::at_anchor(Kind::Month, Some(Val::Partial("XXXX-XX".into())), |a| {
                    Some(Val::Month(a.year(), a.month()))
                })),
                ("the", "week") => Some(Val::at_anchor(Kind::Week, Some(Val::Partial("XXXX-WXX".into())), |a| {
                    let w = a.iso_week();
                    Some(Val::Week(w.year(), w.week()))
                })),
                _ => None,
            };
            let current = current.map(|val| found(CURRENT_MONTH_OR_WEEK, i + 2, i + 4, val, true));
            let inner = current.or_else(|| expression(words, ctx, i + 2))?;
            let modifier = match lw {
                "end" => TimexMod::End,
                "middle" => TimexMod::Mid,
                _ => TimexMod::Start,
            };
            if matches!(inner.val.kind(), Kind::Duration | Kind::Set | Kind::Ref) {
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
                f.val.kind() == Kind::Duration && cardinal_at(words, i).is_some() && !words.lw(i).contains('-');
            let adjective = words.lw(i).contains('-');
            (!adjective
                && (duration || matches!(f.val.kind(), Kind::Decade | Kind::Century | Kind::Season | Kind::Quarter)))
            .then_some(f)
        }
    }
}

/// "mid-afternoon", "mid afternoon yesterday", "mid-morning Friday": the part of the day
/// written after it, else of the document's; the word of the part of day is at `part`.
pub(super) fn mid_part_of_day(words: &Words<'_>, ctx: &Ctx, i: usize, part: usize) -> Option<Found> {
    let code = time::part_of_day(words.lw(part).trim_start_matches("mid-"))?;
    let t = format!("T{code}");
    let day = relative_word(words, ctx, part + 1)
        .or_else(|| weekday_form(words, ctx, part + 1))
        .filter(|f| f.start == part + 1 && f.end == part + 2 && f.val.kind() == Kind::Day);
    let (val, end) = match day {
        Some(day) => {
            let (end, t2) = (day.end, t.clone());
            let time = day.map(Kind::Time, move |v| match v {
                Val::Day(d) => Some(Val::Time(Some(d), t2.clone())),
                _ => None,
            })?;
            (time.or_unknown(Some(Val::Time(None, t))).val, end)
        }
        None => (time_of_anchor(t), part + 1),
    };
    Some(Found { modifier: Some(TimexMod::Mid), ..found(MID_PART_OF_DAY, i, end, val, true) })
}

/// The TIMEX3 mod of a qualifier phrase before an amount of time: "more than a decade" is
/// MORE_THAN, "at least two years" EQUAL_OR_MORE, "nearly 20 years" and "almost a year" APPROX
/// (TimeBank writes "nearly" APPROX 3 times, EQUAL_OR_LESS 3 times, LESS_THAN once). "exactly",
/// "between" and "from" bound no duration.
fn timex_mod(bound: Bound) -> Option<TimexMod> {
    Some(match bound {
        Bound::AtLeast => TimexMod::EqualOrMore,
        Bound::MoreThan => TimexMod::MoreThan,
        Bound::AtMost => TimexMod::EqualOrLess,
        Bound::LessThan => TimexMod::LessThan,
        Bound::Approx | Bound::ApproxBelow => TimexMod::Approx,
        Bound::Exact | Bound::Between | Bound::From => return None,
    })
}

/// The qualifier phrase written at `i` that bounds an amount of time, with its TIMEX3 mod: the
/// longest phrase of English's list (lang::en, shared with numbers), unless it compares
/// ("higher than a year ago") or bounds no duration ("exactly", "between").
pub(super) fn amount_phrase(words: &Words<'_>, i: usize) -> Option<(&'static [&'static str], TimexMod)> {
    let (phrase, bound) = en::qualifier_at(|k| words.lw(i + k))?;
    if en::compares(phrase) {
        return None;
    }
    Some((phrase, timex_mod(bound)?))
}

/// "nearly 20 years", "about two hours", "more than a decade", "early 2014", "mid-June",
/// "late last year".
pub(super) fn modified(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let amount = amount_phrase(words, i);
    if let Some((phrase, modifier)) = amount {
        {
            let k = i + phrase.len();
            if let Some(inner) = ago(words, ctx, k) {
                return Some(Found { start: i, modifier: Some(TimexMod::Approx), ..inner });
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
                f.start == k && matches!(f.val.kind(), Kind::Day | Kind::Time | Kind::Month | Kind::Year)
            })?;
            return Some(Found { start: i, modifier: Some(TimexMod::Approx), ..inner });
        }
    }
    let lw = words.lw(i);
    if matches!(lw, "earlier" | "later" | "more") && i + 1 < words.len() {
        // "earlier this year", "later this afternoon", "Earlier Sunday", "more recently".
        let inner = simple(words, ctx, i + 1).filter(|f| f.start == i + 1)?;
        let fits = match lw {
            "more" => matches!(inner.val, Val::Ref("PAST_REF")),
            _ => {
                matches!(words.lw(i + 1), "this" | "today" | "tonight" | "yesterday" | "tomorrow")
                    || time::weekday_tolerant(words.lw(i + 1)).is_some()
            }
        };
        return fits.then_some(Found { start: i, ..inner });
    }
    let position = match lw {
        "early" => TimexMod::Start,
        "late" => TimexMod::End,
        "mid" if time::part_of_day(words.lw(i + 1)).is_some() => return mid_part_of_day(words, ctx, i, i + 1),
        "mid" => TimexMod::Mid,
        _ => {
            // "mid-2019", "mid-June", "mid-1990s", "end-1985", "end-March", "late-November",
            // "early-May" in one token; "post-1997", "pre-1914": after or before it.
            let (position, rest) = [
                ("mid-", TimexMod::Mid),
                ("end-", TimexMod::End),
                ("late-", TimexMod::End),
                ("early-", TimexMod::Start),
                ("post-", TimexMod::After),
                ("pre-", TimexMod::Before),
            ]
            .into_iter()
            .find_map(|(p, m)| lw.strip_prefix(p).map(|r| (m, r)))?;
            if time::part_of_day(rest).is_some() {
                return (position == TimexMod::Mid).then(|| mid_part_of_day(words, ctx, i, i)).flatten();
            }
            let year: Option<i32> = rest.parse().ok().filter(|y| (1000..=2100).contains(y));
            let val = if let Some(y) = year {
                Val::Year(y)
            } else if let Some(m) = en::month(rest) {
                // "end-December 1986": the year written after it.
                if let Some(y) = year_at(words, i + 1) {
                    return Some(Found {
                        modifier: Some(position),
                        ..found(POSITION_TOKEN, i, i + 2, Val::Month(y, m), false)
                    });
                }
                bare_month(ctx.tense, m)
            } else if let Some(ds) =
                rest.strip_suffix('s').filter(|r| r.ends_with('0') && r.bytes().all(|b| b.is_ascii_digit()))
            {
                // "mid-1990s"; "mid-70s" takes its century from the document's date.
                match ds.len() {
                    2 if !measured(words) => short_decade(ctx, ds.parse::<i32>().ok()? / 10),
                    4 => Val::Decade(ds.parse::<i32>().ok().filter(|y| (1000..=2090).contains(y))? / 10),
                    _ => return None,
                }
            } else {
                return None;
            };
            return Some(Found { modifier: Some(position), ..found(POSITION_TOKEN, i, i + 1, val, year.is_none()) });
        }
    };
    let mut k = i + 1;
    if words.w(k) == "-" {
        k += 1;
    }
    let inner =
        simple(words, ctx, k).or_else(|| (words.lw(k) == "the").then(|| after_the(words, ctx, k + 1)).flatten())?;
    if matches!(inner.val.kind(), Kind::Duration | Kind::Set | Kind::Ref | Kind::Time) {
        return None;
    }
    Some(Found { start: i, modifier: Some(position), ..inner })
}

/// The anchor's year ("the year", "the current fiscal year").
fn this_year() -> Val {
    Val::at_anchor(Kind::Year, Some(Val::Partial("XXXX".into())), |a| Some(Val::Year(a.year())))
}
