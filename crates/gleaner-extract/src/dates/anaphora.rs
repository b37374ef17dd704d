//! Narrative references: "that day", "the following year", "the next morning".

use super::*;

/// The grain of a narrative reference's head word: "day" and the parts of a day, "week",
/// "month", "quarter", "year".
pub(super) fn anaphor_grain(lw: &str) -> Option<char> {
    match lw {
        "day" => Some('D'),
        "week" => Some('W'),
        "month" => Some('M'),
        "quarter" => Some('Q'),
        "year" => Some('Y'),
        _ => time::part_of_day(lw).filter(|_| !matches!(lw, "tonight" | "overnight")).map(|_| 'D'),
    }
}

/// "that day", "that same night", "earlier that day", "later that year", "the same day", "the
/// following day|week|month|year", "the next morning", "the previous evening": the period the
/// text named last ([`Reference`]), or the one after or before it. Without such a period the
/// phrase is left alone: "that day" with nothing named before it refers to an event.
pub(super) fn anaphoric(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
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
        if let Some(y) = year_at(words, k + 2) {
            let val = Val::later(Kind::Month, None, move |env| {
                let (_, m) = env.reference.month.or(env.anchor.map(|a| (a.year(), a.month())))?;
                Some(Val::Month(y, m).into())
            });
            return Some(Found { aside: true, ..found(ANAPHORA, i, k + 3, val, false) });
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
    // The story must have named the grain, unless the phrase looks back from the document's
    // date.
    let told = &ctx.told;
    let named = match grain {
        'Y' => told.year,
        'M' => told.month,
        'Q' => told.quarter,
        _ => told.day,
    };
    if !named && !back {
        return None;
    }
    let end = year_back.unwrap_or(k + 1 + usize::from(trailing.is_some()));
    let part = time::part_of_day(head);
    let kind = match (grain, part) {
        ('D', Some(_)) => Kind::Time,
        ('D', None) => Kind::Day,
        ('W', _) => Kind::Week,
        ('M', _) => Kind::Month,
        ('Q', _) => Kind::Quarter,
        _ => Kind::Year,
    };
    // Looking back from the document's date: without one, the grain's unknown value.
    let unknown = back.then(|| match (kind, part) {
        (Kind::Time, Some(part)) => Val::Time(None, format!("T{part}")),
        (Kind::Day, _) => Val::Partial("XXXX-XX-XX".into()),
        (Kind::Week, _) => Val::Partial("XXXX-WXX".into()),
        (Kind::Month, _) => Val::Partial("XXXX-XX".into()),
        (Kind::Quarter, _) => Val::Partial("XXXX-QX".into()),
        _ => Val::Partial("XXXX".into()),
    });
    let val = Val::later(kind, unknown, move |env| story_step(env, grain, part, step, back, year_back.is_some()));
    Some(Found { aside: back, ..found(ANAPHORA, i, end, val, true) })
}

/// The period `step` grains after the one the story is at (before it when negative), a year
/// back when `year_back`; when the phrase looks `back`, the document's date stands in for
/// what the story has not named.
fn story_step(
    env: &Env<'_>,
    grain: char,
    part: Option<&'static str>,
    step: i64,
    back: bool,
    year_back: bool,
) -> Option<Done> {
    let mut reference = *env.reference;
    if back {
        let a = env.anchor?;
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
            match part {
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
        'Y' => env.reference.year.is_some(),
        'M' => env.reference.month.is_some(),
        'Q' => env.reference.quarter.is_some(),
        _ => env.reference.day.is_some(),
    };
    let val = match (year_back, val) {
        (false, val) => val,
        (true, Val::Day(d)) => Val::Day(shift_years(d, -1)?),
        (true, Val::Week(y, w)) => Val::Week(y - 1, w),
        (true, Val::Month(y, m)) => Val::Month(y - 1, m),
        _ => return None,
    };
    Some(Done { val, range: None, from: own.then_some(from) })
}
