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
        _ => lexicon::part_of_day(lw).filter(|_| !matches!(lw, "tonight" | "overnight")).map(|_| 'D'),
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
        if let (Some(y), Some((_, m))) =
            (year_at(words, k + 2), ctx.reference.month.or(ctx.anchor.map(|a| (a.year(), a.month()))))
        {
            return Some(Found { aside: true, ..found(ANAPHORA, i, k + 3, Val::Month(y, m), false) });
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
    Some(Found { anchor: own.then_some(from), aside: back, ..found(ANAPHORA, i, end, val, true) })
}
