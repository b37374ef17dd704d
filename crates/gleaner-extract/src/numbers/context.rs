//! What is not a number row: days and years of dates, calendar periods, times of day, "one" as a
//! pronoun, list markers and ids ("No. 10").

use crate::numeral::{atom, Atom, Core};
use crate::words::Words;
use crate::NumberKind;
use gleaner_ingest::lang::en;

fn is_month(lw: &str) -> bool {
    en::month(lw).is_some()
}

const YEAR_CONTEXT_WORDS: &[&str] = &[
    "in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid", "fiscal",
    "year", "summer", "spring", "autumn", "fall", "winter", "the", "and", "to", "through", "between", "circa", "c.",
    "'s", "-", "–", "for", "as", "at", "on", "around",
];

/// Words that put a bare four-digit number in the calendar ("in 2014", "since 2001", "the 2020 election").
fn year_context(lw: &str) -> bool {
    YEAR_CONTEXT_WORDS.contains(&lw)
}

pub(super) fn is_date_part(words: &Words<'_>, core: &Core) -> bool {
    let ordinal_day = (core.kind == NumberKind::Ordinal && core.value <= 31.0).then_some(core.value as u32);
    let Some(v) = core.plain_digits.or(ordinal_day) else { return false };
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    let next = words.lw(core.end);
    // A day next to a month: "August 31", "31 August", "June 26, 2021".
    if (1..=31).contains(&v) && (is_month(prev) || is_month(next) || (next == "of" && is_month(words.lw(core.end + 1))))
    {
        return true;
    }
    // A year: in edited news a bare four-digit number from 1800 to 2100 (no comma, qualifier,
    // currency or unit: counts that size are written "2,000") is a year: "the Euro 2004
    // tournament", "2005 sales", "in 2014". Earlier four-digit numbers only in a calendar context.
    if words.w(core.start).len() == 4 {
        if (1800..=2100).contains(&v) {
            return true;
        }
        return (1000..1800).contains(&v) && (is_month(prev) || year_context(prev));
    }
    false
}

/// "the first four months of 2021", "the first half of 2020", "the last two weeks of June": a
/// number that opens a calendar period belongs to the date, not to `numbers`.
pub(super) fn opens_calendar_period(words: &Words<'_>, core: &Core) -> bool {
    let is_period = |w: &str| {
        matches!(
            w,
            "half" | "quarter" | "quarters" | "month" | "months" | "week" | "weeks" | "day" | "days" | "year" | "years"
        )
    };
    let mut k = core.end;
    if core.kind == NumberKind::Ordinal && matches!(atom(words, k), Some(Atom::Num(..))) {
        k += 1; // "first four"
    }
    if is_period(words.lw(core.end - 1)) && core.kind == NumberKind::Fraction {
        k = core.end - 1; // "half of 2020": the core is the period itself
    }
    let period = is_period(words.lw(k));
    if !(period && words.lw(k + 1) == "of") {
        return false;
    }
    let what = words.lw(k + 2);
    let year = what.len() == 4 && what.bytes().all(|b| b.is_ascii_digit());
    year || is_month(what)
        || matches!(what, "the" | "this" | "last" | "next" | "that")
            && matches!(words.lw(k + 3), "year" | "month" | "decade" | "century")
}

const IS_TIME_WORDS: &[&str] = &["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock"];

/// A clock time: a number before "a.m.", "o'clock" or a time zone ("1200 GMT", "10 PST").
pub(super) fn is_time(words: &Words<'_>, core: &Core) -> bool {
    let next = words.lw(core.end);
    IS_TIME_WORDS.contains(&next)
        || en::text_time_zone(next)
        || (next == "hours" && core.plain_digits.is_some_and(|v| v >= 100) && words.w(core.start).len() == 4)
}

const IS_PRONOUN_ONE_WORDS: &[&str] =
    &["no", "any", "every", "each", "the", "this", "that", "which", "what", "someone", "anyone", "little"];

const IS_PRONOUN_ONE_WORDS_2: &[&str] =
    &["of", "another", "who", "whom", "whose", "that", "which", "'s", "else", "way", "thing", "day", "time"];

/// "one" as a pronoun: "one of the", "no one", "this one", "one another".
pub(super) fn is_pronoun_one(words: &Words<'_>, core: &Core) -> bool {
    if !(core.single_word && core.value == 1.0 && words.lw(core.start) == "one") {
        return false;
    }
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    let next = words.lw(core.end);
    IS_PRONOUN_ONE_WORDS.contains(&prev) || IS_PRONOUN_ONE_WORDS_2.contains(&next) || next.is_empty() && core.start == 0
}

pub(super) fn is_list_marker(words: &Words<'_>, core: &Core) -> bool {
    core.start == 0
        && core.plain_digits.is_some()
        && matches!(words.w(core.end), "." | ")")
        && core.end + 1 < words.len()
}

const IS_ID_WORDS: &[&str] = &[
    "no.", "nos.", "no", "#", "n°", "nº", "number", "flight", "route", "article", "resolution", "chapter", "section",
    "room", "page", "p.", "pp.", "vol.", "version",
];

pub(super) fn is_id(words: &Words<'_>, core: &Core) -> bool {
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    IS_ID_WORDS.contains(&prev) && core.plain_digits.is_some()
}
