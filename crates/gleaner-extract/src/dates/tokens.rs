//! Readers of single tokens shared by the forms: years, days, months, capitals.

use super::*;

/// "BC", "B.C.", "BCE": a year before the era, which no value of ours can hold.
pub(super) fn before_christ(lw: &str) -> bool {
    matches!(lw.trim_end_matches('.'), "bc" | "b.c" | "bce" | "b.c.e")
}

/// "the lowest level in years", "the first time in decades", "the biggest drop in months": a
/// superlative or a first time looks back over a stretch whose length is not given. Not "in
/// years one and two", "in months in which", "the increase in hours worked".
pub(super) fn looks_back(words: &Words<'_>, i: usize) -> bool {
    let next = words.lw(i + 1);
    let ends =
        next.is_empty() || matches!(next, "." | "," | ";" | ":" | ")" | "\"" | "''" | "and" | "amid" | "as" | "but");
    // Days to decades: "lap times in seconds" is a unit of measure.
    let calendar = time::unit(words.lw(i)).is_some_and(|u| !u.time);
    ends && calendar && (i.saturating_sub(9)..i.saturating_sub(1)).any(|k| superlative_cue(words.lw(k)))
}

/// A word that makes a span one looked back over: an ordinal or "time" ("the first time in 11
/// years", "his ninth manager in eight years"), a superlative ("the lowest in a decade").
pub(super) fn superlative_cue(w: &str) -> bool {
    matches!(w, "time" | "times" | "most" | "least" | "best" | "worst" | "last")
        || w.len() > 4
            && w.ends_with("est")
            && !matches!(w, "interest" | "request" | "harvest" | "protest" | "forest" | "invest" | "suggest" | "west")
        || crate::numeral::ordinal_value(w).is_some()
}

pub(super) fn capitalized(words: &Words<'_>, i: usize) -> bool {
    words.w(i).chars().next().is_some_and(char::is_uppercase)
}

/// A four-digit year 1000–2100 at token `i`.
pub(super) fn year_at(words: &Words<'_>, i: usize) -> Option<i32> {
    let w = words.w(i);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// A year spelled out, as transcripts write it: "nineteen ninety-four", "two thousand",
/// "two thousand and one". Returns the year and the token after it.
pub(super) fn spelled_year(words: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    let century = match words.lw(i) {
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "two" if words.lw(i + 1) == "thousand" => {
            let k = if words.lw(i + 2) == "and" { i + 3 } else { i + 2 };
            return Some(match crate::numeral::word_value(words.lw(k)).filter(|v| *v < 100.0) {
                Some(v) => (2000 + v as i32, k + 1),
                None => (2000, i + 2),
            });
        }
        _ => return None,
    };
    let next = words.lw(i + 1);
    let v = crate::numeral::word_value(next).or_else(|| {
        let (t, u) = next.split_once('-')?;
        Some(crate::numeral::word_value(t)? + crate::numeral::word_value(u)?)
    })?;
    (10.0..100.0).contains(&v).then(|| (century * 100 + v as i32, i + 2))
}

/// A year written in digits or spelled out.
pub(super) fn any_year_at(words: &Words<'_>, i: usize) -> Option<(i32, usize)> {
    year_at(words, i).map(|y| (y, i + 1)).or_else(|| spelled_year(words, i))
}

/// A day of the month at token `i`: "31", "31st", "1st".
pub(super) fn day_at(words: &Words<'_>, i: usize) -> Option<u32> {
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

/// A year in two digits: "'86" (or "86" when `bare` is allowed and it is over 31, so no day):
/// the two digits (see [`century_near`]).
pub(super) fn short_year(w: &str, bare: bool) -> Option<i32> {
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
    Some(yy)
}

/// The year ending in `yy` nearest the anchor's year (1950 without one).
pub(super) fn century_near(yy: i32, anchor: Option<NaiveDate>) -> i32 {
    let near = anchor.map_or(1950, |a| a.year());
    let base = near - near.rem_euclid(100);
    [base - 100 + yy, base + yy, base + 100 + yy].into_iter().min_by_key(|y| (y - near).abs()).unwrap_or(base + yy)
}

/// A day written as an ordinal word: "fourth", "twenty-first" (not "fifths").
pub(super) fn spelled_day(lw: &str) -> Option<u32> {
    if lw.ends_with('s') {
        return None;
    }
    crate::numeral::ordinal_value(lw).and_then(|d| u32::try_from(d).ok()).filter(|d| (1..=31).contains(d))
}

/// The day after a month: "5", "5th", a spelled ordinal that ends the phrase ("July fourth",
/// not "the June second round"), or a capitalized number word, as wire tables write it ("Pay
/// April One", "Record Nov Two").
pub(super) fn written_day(words: &Words<'_>, k: usize) -> Option<u32> {
    day_at(words, k).or_else(|| spelled_day(words.lw(k)).filter(|_| ends_phrase(words, k + 1))).or_else(|| {
        let n = crate::numeral::word_value(words.lw(k)).filter(|_| capitalized(words, k))?;
        (n.fract() == 0.0 && (1.0..=31.0).contains(&n)).then_some(n as u32)
    })
}

/// Does the word at `k` end a date phrase, rather than continue a noun phrase ("June second
/// round")? Punctuation, the end, or a preposition or conjunction.
pub(super) fn ends_phrase(words: &Words<'_>, k: usize) -> bool {
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
pub(super) fn places_month(prev: &str) -> bool {
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
pub(super) fn month_at(words: &Words<'_>, i: usize) -> Option<u32> {
    let m = en::month(words.lw(i))?;
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
        && time::weekday_tolerant(words.lw(named_at)).is_none()
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
                && en::month(words.lw(i - 2)).is_some()
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
