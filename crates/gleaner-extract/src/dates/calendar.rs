//! Month, day and year forms, weekdays and holidays.

use super::*;

/// "March/April", "Oct/Dec", "May/June shipment", "the June-July tour": two months written as
/// one token, two dates whose spans cut it (TIMEX3 marks each); the second follows the first.
pub(super) fn month_slash_pair(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<(Found, Found)> {
    let w = words.w(i);
    if w.len() < 7 || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (a, b) = w.split_once(['/', '-'])?;
    let upper = |p: &str| p.starts_with(|c: char| c.is_ascii_uppercase());
    if !upper(a) || !upper(b) {
        return None;
    }
    let (m1, m2) = (en::month(&a.to_ascii_lowercase())?, en::month(&b.to_ascii_lowercase())?);
    let start = words.spans[i].start;
    let cut = start + a.len() as u32;
    // "Jan/Feb 1987": the year is the second month's, and the first's unless it runs over.
    let comma = usize::from(words.w(i + 1) == ",");
    let written = year_at(words, i + 1 + comma);
    // Without a year it is placed by its first month, as the shipment months of market reports
    // ("Aug/Sept at 1,870", written in February) run ahead; a period from January to a month
    // already past is the year to date ("Jan-May", written in August), though January alone
    // would be the coming one.
    let tense = ctx.tense;
    let first_year = move |a: NaiveDate| {
        let year_to_date = m1 == 1 && m2 > 1 && m2 <= a.month() && tense != Tense::Future;
        if year_to_date {
            a.year()
        } else {
            resolve_month(a, tense, m1)
        }
    };
    let (v1, v2) = match written {
        Some(y) => {
            let y = y - forward_year(0, m1, m2);
            (Val::Month(y, m1), Val::Month(forward_year(y, m1, m2), m2))
        }
        None => (
            Val::at_anchor(Kind::Month, Some(Val::Partial(format!("XXXX-{m1:02}"))), move |a| {
                Some(Val::Month(first_year(a), m1))
            }),
            Val::at_anchor(Kind::Month, Some(Val::Partial(format!("XXXX-{m2:02}"))), move |a| {
                Some(Val::Month(forward_year(first_year(a), m1, m2), m2))
            }),
        ),
    };
    let (anchored, end) = match written {
        Some(_) => (false, i + 2 + comma),
        None => (true, i + 1),
    };
    Some((
        Found { cut_end: Some(cut), ..found(MONTH_PAIR, i, i + 1, v1, anchored) },
        Found { cut_start: Some(cut + 1), ..found(MONTH_PAIR, i, end, v2, anchored) },
    ))
}

/// "August 31, 2021", "Aug. 31", "August 2021", "August", "June 26th", "Oct. 12-14".
pub(super) fn month_form(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
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
        let first = move |y2: i32| NaiveDate::from_ymd_opt(y2 - forward_year(0, m, m2), m, d);
        let val = match year_at(words, k) {
            Some(y2) => Val::Day(first(y2)?),
            None => {
                let tense = ctx.tense;
                Val::at_anchor(Kind::Day, Some(Val::Partial(format!("XXXX-{m:02}-{d:02}"))), move |a| {
                    first(resolve_month_day(a, tense, m2, d2)?.year()).map(Val::Day)
                })
            }
        };
        let anchored = val.is_later();
        return Some(Found { cut_end: Some(cut), ..found(MONTH_NAME, i, i + 2, val, anchored) });
    }
    // "Oct. 12-14(, 2025)": the first day here, cut inside the token; the scan adds the second.
    if let Some((d, _, len)) = day_pair(words.w(i + 1)) {
        let mut k = i + 2;
        if words.w(k) == "," {
            k += 1;
        }
        let (val, anchored, end) = match year_at(words, k) {
            Some(y) => (Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), false, k + 1),
            None => (month_day(ctx, m, d), true, i + 2),
        };
        let cut = words.spans[i + 1].start + len as u32;
        return Some(Found { cut_end: Some(cut), ..found(MONTH_NAME, i, end, val, anchored) });
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
            return Some(found(MONTH_NAME, i, k + 1, Val::Day(date), false));
        }
        if let Some(offset) = named_year(words, i + 2) {
            return Some(found(MONTH_NAME, i, i + 4, day_of_named_year(offset, m, d), true));
        }
        return Some(found(MONTH_NAME, i, i + 2, month_day(ctx, m, d), true));
    }
    let mut k = i + 1;
    if words.w(k) == "," || words.lw(k) == "of" {
        k += 1;
    }
    if let Some((y, end)) = any_year_at(words, k) {
        return Some(found(MONTH_NAME, i, end, Val::Month(y, m), false));
    }
    // "September of that year", "May of the same year": the year the text is at.
    if let (true, Some((end, step)), true) = (words.lw(i + 1) == "of", that_year(words, k), ctx.told.year) {
        let val = Val::later(Kind::Month, Some(Val::Partial(format!("XXXX-{m:02}"))), move |env| {
            let y = env.reference.year?;
            Some(Done { val: Val::Month(y + step, m), range: None, from: NaiveDate::from_ymd_opt(y, 1, 1) })
        });
        return Some(found(MONTH_NAME, i, end, val, true));
    }
    // "Dec '86", and in tables "Feb 87" after an abbreviation (a number a day cannot be).
    let abbreviated = words.w(i).trim_end_matches('.').len() <= 4;
    if let Some(yy) = short_year(words.w(k), abbreviated) {
        return Some(found(MONTH_NAME, i, k + 1, month_of_short_year(yy, m), false));
    }
    // The apostrophe stands apart when the tokenizer reads it as an opening quote.
    if matches!(words.w(k), "'" | "’") && words.spans[k].end == words.spans.get(k + 1).map_or(0, |s| s.start) {
        if let Some(yy) = short_year(&format!("'{}", words.w(k + 1)), false) {
            return Some(found(MONTH_NAME, i, k + 2, month_of_short_year(yy, m), false));
        }
    }
    // "January this year", "June last year", "May next year".
    if let Some(offset) = named_year(words, i + 1) {
        let val = Val::at_anchor(Kind::Month, Some(Val::Partial(format!("XXXX-{m:02}"))), move |a| {
            Some(Val::Month(a.year() + offset, m))
        });
        return Some(found(MONTH_NAME, i, i + 3, val, true));
    }
    // A bare month: "in June", "this past June" (the caller handles "this/last/next"). One
    // that names a thing after a determiner ("their February Paris accord", "the May
    // election") is placed by nearness, not by a clause about the future ("is set to review
    // ..."); a past clause still places it ("gathered evidence in the October slaying").
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let modifier = matches!(prev, "the" | "their" | "its" | "his" | "her" | "our" | "a" | "an")
        && words.w(i + 1).starts_with(char::is_alphabetic)
        && !matches!(words.lw(i + 1), "of" | "to" | "and" | "or" | "through" | "until");
    let tense = if modifier && ctx.tense == Tense::Future { Tense::Present } else { ctx.tense };
    Some(found(MONTH_NAME, i, i + 1, bare_month(tense, m), true))
}

/// A month without its year, placed by the clause's tense ("in June").
pub(super) fn bare_month(tense: Tense, m: u32) -> Val {
    Val::at_anchor(Kind::Month, Some(Val::Partial(format!("XXXX-{m:02}"))), move |a| {
        Some(Val::Month(resolve_month(a, tense, m), m))
    })
}

/// A month and day without their year ("May 5", "Christmas Day"), placed by the clause's tense.
pub(super) fn month_day(ctx: &Ctx, m: u32, d: u32) -> Val {
    let tense = ctx.tense;
    let unknown = Val::Partial(format!("XXXX-{m:02}-{d:02}"));
    // A day the calendar lacks ("September 31") stays as written, its year unknown.
    let lacking = unknown.clone();
    Val::at_anchor(Kind::Day, Some(unknown), move |a| {
        Some(resolve_month_day(a, tense, m, d).map_or_else(|| lacking.clone(), Val::Day))
    })
}

/// A month and day in the year "this year", "last year" or "next year" names.
fn day_of_named_year(offset: i32, m: u32, d: u32) -> Val {
    Val::at_anchor(Kind::Day, Some(Val::Partial(format!("XXXX-{m:02}-{d:02}"))), move |a| {
        NaiveDate::from_ymd_opt(a.year() + offset, m, d).map(Val::Day)
    })
}

/// A month of a year written in two digits ("Dec '86"): the century that puts it nearest the
/// anchor's year (without one, 1950's).
fn month_of_short_year(yy: i32, m: u32) -> Val {
    Val::later(Kind::Month, None, move |env| Some(Val::Month(century_near(yy, env.anchor), m).into()))
}

/// The end of "that year", "the same year" or "the following|previous year" at `k` (after
/// "of": "September of that year", "the fourth quarter of the following year"), and how many
/// years it lies from the one the text is at.
pub(super) fn that_year(words: &Words<'_>, k: usize) -> Option<(usize, i32)> {
    match (words.lw(k), words.lw(k + 1), words.lw(k + 2)) {
        ("that", "year", _) => Some((k + 2, 0)),
        ("the", "same", "year") => Some((k + 3, 0)),
        ("the", "following" | "next", "year") => Some((k + 3, 1)),
        ("the", "previous" | "prior" | "preceding", "year") => Some((k + 3, -1)),
        _ => None,
    }
}

/// "this year", "last year", "next year" at `k`, after a month or a day ("May 30 next year"):
/// how many years from the document's it names.
pub(super) fn named_year(words: &Words<'_>, k: usize) -> Option<i32> {
    let offset = match (words.lw(k), words.lw(k + 1)) {
        ("this", "year") => 0,
        ("last", "year") => -1,
        ("next", "year") => 1,
        _ => return None,
    };
    Some(offset)
}

/// "31 August 2021", "26 August", "the 4th of July".
pub(super) fn day_month(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
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
        return Some(found(DAY_MONTH, i, k + 2 + comma, Val::Day(NaiveDate::from_ymd_opt(y, m, d)?), false));
    }
    if let Some(offset) = named_year(words, k + 1) {
        return Some(found(DAY_MONTH, i, k + 3, day_of_named_year(offset, m, d), true));
    }
    Some(found(DAY_MONTH, i, k + 1, month_day(ctx, m, d), true))
}

/// "Christmas Day", "New Year's Day 1999": holidays on a fixed day of the year.
pub(super) fn holiday(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if !capitalized(words, i) {
        return None;
    }
    let (phrase, m, d) =
        time::HOLIDAYS.iter().find(|(p, ..)| p.iter().enumerate().all(|(k, w)| words.lw(i + k) == *w))?;
    let end = i + phrase.len();
    if let Some(y) = year_at(words, end) {
        return Some(found(FIXED_HOLIDAY, i, end + 1, Val::Day(NaiveDate::from_ymd_opt(y, *m, *d)?), false));
    }
    Some(found(FIXED_HOLIDAY, i, end, month_day(ctx, *m, *d), true))
}

/// The date of a movable holiday in year `y`.
pub(super) fn movable_date(rule: time::Movable, y: i32) -> Option<NaiveDate> {
    match rule {
        time::Movable::Nth { month, weekday, n } => {
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
        time::Movable::ElectionDay => {
            NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
        }
        time::Movable::Easter(shift) => {
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
pub(super) fn movable_holiday(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let dir = match words.lw(i) {
        "last" => Some(Tense::Past),
        "next" | "this" => Some(Tense::Future),
        _ => None,
    };
    let k = if dir.is_some() { i + 1 } else { i };
    if !time::movable_first(words.lw(k)) || !capitalized(words, k) {
        return None;
    }
    let (phrase, rule) =
        time::MOVABLE_HOLIDAYS.iter().find(|(p, _)| p.iter().enumerate().all(|(x, w)| words.lw(k + x) == *w))?;
    let end = k + phrase.len();
    if let Some(y) = year_at(words, end) {
        return Some(found(MOVABLE_HOLIDAY, i, end + 1, Val::Day(movable_date(*rule, y)?), false));
    }
    let (rule, tense) = (*rule, ctx.tense);
    let date = move |a: NaiveDate| {
        let candidates: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1).filter_map(|y| movable_date(rule, y)).collect();
        let nearest = *candidates.iter().min_by_key(|c| (**c - a).num_days().abs())?;
        // "last"/"next" decide; a verb's tense only when the nearest one is months away
        // ("Easter week began", written the Monday before Easter, is this year's), as for
        // month-days.
        let off = (nearest - a).num_days();
        Some(match (dir, tense) {
            (Some(Tense::Past), _) | (None, Tense::Past) if off > 0 && (dir.is_some() || off > 120) => {
                candidates.iter().filter(|c| **c < a).max().copied().unwrap_or(nearest)
            }
            (Some(Tense::Future), _) | (None, Tense::Future) if off < 0 && (dir.is_some() || off < -120) => {
                candidates.iter().filter(|c| **c >= a).min().copied().unwrap_or(nearest)
            }
            _ => nearest,
        })
    };
    // "Easter week": the week the holiday falls in.
    if words.lw(end) == "week" {
        let val = Val::at_anchor(Kind::Week, Some(Val::Partial("XXXX-WXX".into())), move |a| {
            let w = date(a)?.iso_week();
            Some(Val::Week(w.year(), w.week()))
        });
        return Some(found(MOVABLE_HOLIDAY, i, end + 1, val, true));
    }
    let val = Val::at_anchor(Kind::Day, Some(Val::Partial("XXXX-XX-XX".into())), move |a| date(a).map(Val::Day));
    Some(found(MOVABLE_HOLIDAY, i, end, val, true))
}

/// "Thursday", "last Friday", "next Monday", "Friday morning", "every Monday", "Mondays".
pub(super) fn weekday_form(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let (dir, k) = match lw {
        "last" | "past" => (Some(Tense::Past), i + 1),
        "next" | "coming" => (Some(Tense::Future), i + 1),
        "this" => (None, i + 1),
        "every" | "each" => {
            if let Some(m) = month_at(words, i + 1) {
                return Some(found(WEEKDAY, i, i + 2, Val::Set(format!("XXXX-{m:02}")), false));
            }
            let wd = time::weekday_tolerant(words.lw(i + 1)).filter(|_| capitalized(words, i + 1))?;
            return Some(found(WEEKDAY, i, i + 2, Val::Set(format!("XXXX-WXX-{wd}")), false));
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
        && time::weekday_tolerant(words.lw(k)).is_some()
        && words.lw(k).len() <= 4;
    if titled || named || bare_abbreviation {
        return None;
    }
    let wlw = words.lw(k);
    if let Some(wd) = wlw.strip_suffix('s').filter(|w| w.len() >= 6).and_then(time::weekday_tolerant).filter(|_| k == i)
    {
        return Some(found(WEEKDAY, i, k + 1, Val::Set(format!("XXXX-WXX-{wd}")), false));
        // "Mondays"
    }
    let wd = time::weekday_tolerant(wlw)?;
    // "Saturday, April 25": the date says which Saturday.
    let after = if words.w(k + 1) == "," { k + 2 } else { k + 1 };
    if let Some(mut date) = month_form(words, ctx, after).filter(|f| f.val.kind() == Kind::Day) {
        if date.val.is_later() && date.anchored {
            // The year is inferred: take the one in which that day falls on this weekday.
            date = date.map(Kind::Day, move |v| {
                let Val::Day(d) = v else { return Some(v) };
                let fits = [0, -1, 1].into_iter().find_map(|dy| {
                    NaiveDate::from_ymd_opt(d.year() + dy, d.month(), d.day())
                        .filter(|c| c.weekday().number_from_monday() == wd)
                });
                Some(Val::Day(fits.unwrap_or(d)))
            })?;
        }
        return Some(Found { rule: WEEKDAY, start: i, ..date });
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
    let explicit = dir.is_some();
    let end = k + 1;
    if let Some(part) = time::part_of_day(words.lw(end)) {
        let t = format!("T{part}");
        let val = Val::at_anchor(Kind::Time, Some(Val::Time(None, t.clone())), move |a| {
            Some(Val::Time(Some(resolve_weekday(a, wd, tense, explicit)), t.clone()))
        });
        return Some(found(WEEKDAY, i, end + 1, val, true));
    }
    let val = Val::at_anchor(Kind::Day, Some(Val::Partial(format!("XXXX-WXX-{wd}"))), move |a| {
        Some(Val::Day(resolve_weekday(a, wd, tense, explicit)))
    });
    Some(found(WEEKDAY, i, end, val, true))
}

/// "the day before last Tuesday's hearing", "the day after Christmas": the day next to a day
/// written after it, one expression.
pub(super) fn day_beside(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let step = match (words.lw(i + 1), words.lw(i + 2)) {
        ("day", "before") => -1,
        ("day", "after") => 1,
        _ => return None,
    };
    let k = i + 3;
    let inner = simple(words, ctx, k).filter(|f| f.start == k && f.val.kind() == Kind::Day)?;
    let f = inner.map(Kind::Day, move |v| match v {
        Val::Day(d) => Some(Val::Day(d + Duration::days(step))),
        _ => None,
    })?;
    Some(Found { rule: DAY_BESIDE, start: i, ..f.or_unknown(Some(Val::Partial("XXXX-XX-XX".into()))) })
}

/// "the following Monday", "the previous Friday": the weekday after or before the day the text
/// is at; without one, the one after the document date, or the one before the last.
pub(super) fn step_weekday(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let forward = match words.lw(i + 1) {
        "following" | "next" => true,
        "previous" | "prior" | "preceding" => false,
        _ => return None,
    };
    let k = i + 2;
    let wd = time::weekday_tolerant(words.lw(k)).filter(|_| capitalized(words, k))?;
    let val = Val::later(Kind::Day, Some(Val::Partial(format!("XXXX-WXX-{wd}"))), move |env| {
        let from = env.reference.day;
        let base = from.or(env.anchor)?;
        let mut date = resolve_weekday(base, wd, if forward { Tense::Future } else { Tense::Past }, true);
        // Without a day to count from, "the previous Friday" is the one before last Friday (a
        // week back, written on a Friday).
        if !forward && from.is_none() && (base - date).num_days() < 7 {
            date -= Duration::days(7);
        }
        Some(Done { val: Val::Day(date), range: None, from })
    });
    Some(found(STEP_WEEKDAY, i, k + 1, val, true))
}
