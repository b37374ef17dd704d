//! Times of day: "5 p.m.", "17:30", "noon", 24-hour wire clocks, time zones.

use super::*;

/// A token of a clock time before a weekday ("9", "a.m.", "EST", "10:30", "noon").
pub(super) fn is_clock_word(lw: &str) -> bool {
    lw.starts_with(|c: char| c.is_ascii_digit())
        || meridiem(lw).is_some()
        || time_zone(lw)
        || matches!(lw, "noon" | "midnight")
}

/// "a.m." → false, "p.m." → true (afternoon).
pub(super) fn meridiem(lw: &str) -> Option<bool> {
    match lw {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

/// A time-zone abbreviation written after a clock time ("4 a.m. EDT", "1500 EST.").
pub(super) fn time_zone(lw: &str) -> bool {
    gleaner_ingest::lang::en::text_time_zone(lw)
}

/// A four-digit 24-hour clock reading: hours under 24, minutes under 60.
pub(super) fn hhmm(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && w[2..].parse::<u32>().is_ok_and(|m| m < 60)
}

/// "1215 GMT", "1900 hours", "1600 local time": a 24-hour clock marked as one.
pub(super) fn military_at(words: &Words<'_>, k: usize) -> bool {
    hhmm(words.w(k)) && clock_mark(words, k + 1)
}

/// A zone, "hrs", "hours" or "local time" at `k`: what marks four digits before it as a 24-hour
/// clock ("local" alone is not: "2010 local elections").
pub(super) fn clock_mark(words: &Words<'_>, k: usize) -> bool {
    time_zone(words.lw(k))
        || matches!(words.lw(k), "hrs" | "hours")
        || words.lw(k) == "local" && words.lw(k + 1) == "time"
}

/// "from 1130 to 1215 GMT", "between 2000 and 2100 GMT": the first clock of a range whose
/// second is marked.
pub(super) fn military_range_first(words: &Words<'_>, i: usize) -> bool {
    hhmm(words.w(i))
        && matches!(words.lw(i + 1), "to" | "and" | "-" | "–" | "until" | "till" | "through")
        && military_at(words, i + 2)
}

/// "5 p.m.", "5:45 p.m.", "17:30", "noon", "midnight".
pub(super) fn time_of_day(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let (clock, end, narrative) = reading(words, i)?;
    let mut f = clock_day(words, ctx, i, end, clock, narrative)?;
    // "after 1530 EST.": the sentence's period is no part of the zone.
    if f.end == end && end > i + 1 && words.w(end - 1).ends_with('.') && time_zone(words.lw(end - 1)) {
        f.cut_end = Some(words.spans[end - 1].end - 1);
    }
    Some(f)
}

/// The clock reading at `i` ("T17:30"), where its words end, and whether it is a narrative
/// clock time (noon and midnight are not: see [`clock_day`]).
fn reading(words: &Words<'_>, i: usize) -> Option<(String, usize, bool)> {
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
        return Some((t.into(), i + 1, false));
    }
    let (clock, suffix) = lw.split_at(lw.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(lw.len()));
    // "three in the morning", "ten at night": an hour in words, with its part of day only.
    let spelled = || {
        if !matches!((words.lw(i + 1), words.lw(i + 2)), ("in", "the") | ("at", "night")) {
            return None;
        }
        Some(crate::numeral::word_value(lw).filter(|v| v.fract() == 0.0 && (1.0..=12.0).contains(v))? as u32)
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
        let (t, ..) = reading(words, i + 2)?;
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
    Some((format!("T{h24:02}:{m:02}"), end, true))
}

/// The day of a clock time that runs from `i` to `end`: a day written after it ("10 p.m.
/// Wednesday", "noon Thursday", "4 a.m. EDT Thursday", "5 p.m. EST(,) Nov. 9", one
/// expression), else the day after "on" ("6pm on Saturday", "midnight on June 30, 1997"),
/// else, for a `narrative` clock time, the day the text is at, else the document's. Noon,
/// midday and midnight alone are the document's: in wire copy "at midday" is the session of the
/// day written ("the dollar hovered around 144.70 just before midday"), and taking the day the
/// text was at put 11 of 15 such Reuters rows on yesterday.
pub(super) fn clock_day(
    words: &Words<'_>,
    ctx: &Ctx,
    i: usize,
    end: usize,
    clock: String,
    narrative: bool,
) -> Option<Found> {
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
            .filter(|f| f.start == k && f.val.kind() == Kind::Day)
    };
    // The clock time on a day found after it.
    let on_day = |day: Found, end: usize| {
        let t = clock.clone();
        let time = day.map(Kind::Time, move |v| match v {
            Val::Day(d) => Some(Val::Time(Some(d), t.clone())),
            _ => None,
        })?;
        let time = time.or_unknown(Some(Val::Time(None, clock.clone())));
        Some(found(CLOCK_TIME, i, end, time.val, true))
    };
    if let Some(day) = day_after(at) {
        let end = day.end;
        return on_day(day, end);
    }
    // "10:35 a.m. (0735 GMT) Friday": the day after a bracketed other clock is the time's day;
    // the expression stays the time.
    if words.w(at) == "(" {
        if let Some(close) = (at + 1..(at + 5).min(words.len())).find(|&k| words.w(k) == ")") {
            if let Some(day) = day_after(close + 1) {
                return on_day(day, end);
            }
        }
    }
    // "close at 6pm on Saturday": that day's; "on Saturday" stays a date of its own.
    if words.lw(at) == "on" {
        if let Some(day) = day_after(at + 1) {
            return on_day(day, end);
        }
    }
    // Otherwise the day the text is at ("killed on Oct. 23 ... at 10 p.m."), else the
    // document's: a clock time is a narrative reference too.
    let val = Val::later(Kind::Time, Some(Val::Time(None, clock.clone())), move |env| {
        let from = env.reference.day.filter(|_| narrative);
        let day = from.or(env.anchor)?;
        Some(Done { val: Val::Time(Some(day), clock.clone()), range: None, from })
    });
    Some(found(CLOCK_TIME, i, end, val, true))
}

/// Is a bare "13:30" at `i` a clock time: after a word that places a time or after a date
/// ("Feb 22nd 3:30", "23.04.2022 14:55"), before a zone, a day or the rest of a range ("19:00 -
/// 21:00")? A name before it makes a results table's "Ford Escort 2:23".
pub(super) fn clocked(words: &Words<'_>, i: usize) -> bool {
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    let dated = prev.starts_with(|c: char| c.is_ascii_digit())
        && (prev.contains(['.', '/'])
            || prev.ends_with(['t', 'd', 'h'])
            || i > 1 && en::month(words.lw(i - 2)).is_some()
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
        || time::weekday_tolerant(prev).is_some()
        || en::month(prev).is_some()
        || spelled_day(prev).is_some()
        || time_zone(next)
        || time::weekday_tolerant(next).is_some()
        || en::month(next).is_some() && words.w(i + 2).starts_with(|c: char| c.is_ascii_digit())
}
