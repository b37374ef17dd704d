//! Durations: "20 years", "two-hour", "several years", compound durations.

use super::*;

/// A number of units at `i`: `Some(value)` for "two", "24", "a", "an", "a couple of";
/// `None` (inside) for vague amounts "several", "a few", "many". Returns the token after it.
pub(super) fn amount(words: &Words<'_>, i: usize) -> Option<(Option<f64>, usize)> {
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
                    let n = lw.parse::<f64>().ok().or_else(|| crate::numeral::word_value(lw))?;
                    return (n > 0.0).then_some((Some(n), i + 1));
                }
            }
            let (v, k) = crate::numeral::amount_at(words, i)?;
            (v > 0.0 && v < 10_000.0).then_some((Some(v), k))
        }
    }
}

/// "a quarter of a century", "quarter of an hour", "three quarters of an hour": the fraction of
/// a single unit, and the unit's token.
pub(super) fn quarter_of(words: &Words<'_>, i: usize) -> Option<(Option<f64>, usize)> {
    let (v, of) = match (words.lw(i), words.lw(i + 1)) {
        ("a" | "one", "quarter") => (0.25, i + 2),
        ("quarter", _) => (0.25, i + 1),
        ("three", "quarters") => (0.75, i + 2),
        _ => return None,
    };
    let unit = of + 2;
    let singular = time::unit(words.lw(unit)).is_some_and(|u| !u.plural);
    (words.lw(of) == "of" && matches!(words.lw(of + 1), "a" | "an") && singular).then_some((Some(v), unit))
}

pub(super) fn duration(v: f64, u: time::Unit) -> String {
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
pub(super) fn unit_rank(u: time::Unit) -> Option<u8> {
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
pub(super) fn compound_duration(words: &Words<'_>, n: f64, u: time::Unit, k: usize) -> Option<(String, usize)> {
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
        let Some(u2) = time::unit(words.lw(k2)) else { break };
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

pub(super) fn vague_duration(u: time::Unit) -> String {
    if u.time {
        format!("PTX{}", u.letter)
    } else {
        format!("PX{}", u.letter)
    }
}

/// "20 years", "a month", "two-hour", "several years", "a couple of years", "24 hours".
pub(super) fn duration_at(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    // "two-hour", "eight-year", "30-day" in one token.
    let lw = words.lw(i);
    if let Some((num, unit)) = lw.split_once('-').filter(|(_, unit)| !unit.contains('/')) {
        let u = time::unit(unit).filter(|u| !u.plural)?;
        if matches!(words.lw(i + 1), "old" | "olds") {
            return None; // "a 74-year old Dutchman": an age
        }
        let v: f64 = num.parse().ok().or_else(|| crate::numeral::word_value(num))?;
        return Some(found(DURATION, i, i + 1, Val::Duration(duration(v, u)), false));
    }
    // "five and a quarter", "a million and a half": the fraction of a number, not a time.
    if matches!(lw, "a" | "an") && i > 1 && words.lw(i - 1) == "and" && crate::numeral::figure_word(words.lw(i - 2)) {
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
        if time::unit(words.lw(after)).is_some() {
            (v, k) = (Some(n + f), after);
        }
    }
    // "two more weeks", "20 more years", "an additional year": the count of a further stretch.
    if matches!(words.lw(k), "more" | "additional" | "extra" | "further") && time::unit(words.lw(k + 1)).is_some() {
        k += 1;
    }
    let u = time::unit(words.lw(k))?;
    // "a quarter of the staff", "a quarter of a mile": the fraction, not three months.
    if words.lw(k) == "quarter" && words.lw(k + 1) == "of" && v == Some(1.0) {
        return None;
    }
    // "a quarter century": twenty-five years.
    if words.lw(k) == "quarter" && v == Some(1.0) && matches!(words.lw(k + 1), "century" | "century's") {
        return Some(found(DURATION, i, k + 2, Val::Duration("P25Y".into()), false));
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
            return Some(found(DURATION, i, after, Val::Duration(value), false));
        }
    }
    // "a year" after a figure is a rate, a SET in TIMEX3, not a duration: "2 percent a year",
    // "$500 million a year", "358,000 a month", "four flights a week", "24 hours a day".
    let figure = crate::numeral::figure_word;
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
        return Some(found(DURATION, i, k + 1, Val::Set(duration(1.0, u)), false));
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
        return Some(found(DURATION, i, end, Val::Duration(value), false));
    }
    // "A day earlier", "two weeks later": still a duration in TimeML.
    let mut end = k + 1;
    if matches!(words.lw(end), "earlier" | "later") {
        end += 1;
    }
    if let Some(point) = v.filter(|_| end == i + 2).and_then(|n| future_point(words, ctx, i, n, u, &value)) {
        return Some(found(DURATION, i, end, point, true));
    }
    Some(found(DURATION, i, end, Val::Duration(value), false))
}
