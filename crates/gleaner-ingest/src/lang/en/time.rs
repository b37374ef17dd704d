//! Words of time: units of time, decades, seasons, parts of the day, holidays (fixed and
//! movable), and the words that mark a clause's tense. Months, weekdays and time zones are in
//! [`super`].

use super as en;

/// ISO weekday number (Monday 1 … Sunday 7) of a weekday name or abbreviation
/// ([`en::WEEKDAYS`]), lower case; tolerates one dropped letter after the third ("Thusday",
/// "Fiday" is not: the drop is before it) but never a different word.
pub fn weekday_tolerant(w: &str) -> Option<u32> {
    if let Some(n) = en::weekday(w) {
        return Some(n);
    }
    let w = w.strip_suffix('.').unwrap_or(w);
    // One letter missing, at position 3 or later: "thusday" (thursday), "wednesay" (the "d" of
    // "day"); "wensday" is not (2 letters). Shorter drops that lose the "day" ("frida", "sunda")
    // are names.
    if !(5..=8).contains(&w.len()) || !(w.ends_with("day") || w.len() >= 6 && w.ends_with("ay")) {
        return None;
    }
    en::WEEKDAYS.iter().position(|(name, _)| w.len() + 1 == name.len() && deletes_one(name, w)).map(|i| i as u32 + 1)
}

fn deletes_one(long: &str, short: &str) -> bool {
    let (l, s) = (long.as_bytes(), short.as_bytes());
    let first_diff = l.iter().zip(s).position(|(a, b)| a != b).unwrap_or(s.len());
    first_diff >= 3 && l[first_diff + 1..] == s[first_diff..]
}

/// A calendar unit: its TIMEX3 letter and whether it is a time (PT…) unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The TIMEX3 duration letter: S, M (minutes when `time`), H, D, W, 2W (a fortnight), M
    /// (months), Q, Y, DE (decades), CE (centuries).
    pub letter: &'static str,
    /// A unit of the clock (seconds, minutes, hours): written after "PT".
    pub time: bool,
    /// The plural form ("years").
    pub plural: bool,
}

/// The calendar or clock unit a word names ("years", "hr", "fortnight").
pub fn unit(w: &str) -> Option<Unit> {
    let (letter, time, plural) = match w {
        "second" | "sec" => ("S", true, false),
        "seconds" | "secs" => ("S", true, true),
        "minute" | "min" => ("M", true, false),
        "minutes" | "mins" => ("M", true, true),
        "hour" | "hr" => ("H", true, false),
        "hours" | "hrs" => ("H", true, true),
        "day" => ("D", false, false),
        "days" => ("D", false, true),
        "week" => ("W", false, false),
        "weeks" => ("W", false, true),
        "fortnight" => ("2W", false, false),
        "month" => ("M", false, false),
        "months" => ("M", false, true),
        "quarter" => ("Q", false, false),
        "quarters" => ("Q", false, true),
        "year" | "yr" => ("Y", false, false),
        "years" | "yrs" => ("Y", false, true),
        "decade" => ("DE", false, false),
        "decades" => ("DE", false, true),
        "century" => ("CE", false, false),
        "centuries" => ("CE", false, true),
        _ => return None,
    };
    Some(Unit { letter, time, plural })
}

/// The decade of a decade word ("the nineties"): 2 for "twenties" … 9 for "nineties".
pub fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// TIMEX3 season codes.
pub fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Parts of the day and their TIMEX3 codes.
pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "tonight" | "overnight" => "NI",
        _ => return None,
    })
}

/// Holidays on fixed dates, lower case: (first word, rest of the name, month, day).
pub const HOLIDAYS: &[(&[&str], u32, u32)] = &[
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["christmas"], 12, 25),
    (&["new", "year's", "eve"], 12, 31),
    (&["new", "year's", "day"], 1, 1),
    (&["new", "year's"], 1, 1),
    (&["independence", "day"], 7, 4),
    (&["halloween"], 10, 31),
    (&["valentine's", "day"], 2, 14),
    (&["bastille", "day"], 7, 14),
    (&["boxing", "day"], 12, 26),
    (&["veterans", "day"], 11, 11),
    (&["armistice", "day"], 11, 11),
];

/// How a movable holiday falls in a year.
#[derive(Clone, Copy, Debug)]
pub enum Movable {
    /// The `n`th given weekday (1 = Monday) of a month; `n` 5 means the last.
    Nth {
        /// The month, 1 to 12.
        month: u32,
        /// The weekday, 1 (Monday) to 7.
        weekday: u32,
        /// Which one: 1 to 4, or 5 for the last.
        n: u32,
    },
    /// The Tuesday after the first Monday of November (US elections).
    ElectionDay,
    /// Easter Sunday (Gregorian), shifted by a number of days ("Good Friday" is -2).
    Easter(i64),
}

/// Movable holidays, lower case: (name, rule). Longest names first.
pub const MOVABLE_HOLIDAYS: &[(&[&str], Movable)] = &[
    (&["martin", "luther", "king", "day"], Movable::Nth { month: 1, weekday: 1, n: 3 }),
    (&["thanksgiving", "day"], Movable::Nth { month: 11, weekday: 4, n: 4 }),
    (&["thanksgiving"], Movable::Nth { month: 11, weekday: 4, n: 4 }),
    (&["memorial", "day"], Movable::Nth { month: 5, weekday: 1, n: 5 }),
    (&["labor", "day"], Movable::Nth { month: 9, weekday: 1, n: 1 }),
    (&["presidents'", "day"], Movable::Nth { month: 2, weekday: 1, n: 3 }),
    (&["mother's", "day"], Movable::Nth { month: 5, weekday: 7, n: 2 }),
    (&["father's", "day"], Movable::Nth { month: 6, weekday: 7, n: 3 }),
    (&["election", "day"], Movable::ElectionDay),
    (&["easter", "sunday"], Movable::Easter(0)),
    (&["easter", "monday"], Movable::Easter(1)),
    (&["easter"], Movable::Easter(0)),
    (&["good", "friday"], Movable::Easter(-2)),
    (&["ash", "wednesday"], Movable::Easter(-46)),
];

#[cfg(test)]
#[test]
fn movable_first_words_are_all_listed() {
    assert!(MOVABLE_HOLIDAYS.iter().all(|(p, _)| movable_first(p[0])));
}

/// Is `w` the first word of a movable holiday (a `match`: the gate runs it per token)?
pub fn movable_first(w: &str) -> bool {
    matches!(
        w,
        "martin"
            | "thanksgiving"
            | "memorial"
            | "labor"
            | "presidents'"
            | "mother's"
            | "father's"
            | "election"
            | "easter"
            | "good"
            | "ash"
    )
}

/// The modals of the future, contracted too ("we'll", "won't").
pub fn will(w: &str) -> bool {
    // By the last byte first: this runs for every token of a sentence with a date.
    match w.as_bytes().last() {
        Some(b'l') => w == "will" || w == "shall" || w.ends_with("'ll") || w.ends_with("’ll"),
        Some(b'd') => w == "would",
        Some(b't') => w == "won't" || w == "won’t",
        _ => false,
    }
}

/// Words that point a sentence to the future (for bare weekdays and months). "would" is the
/// future of reported speech ("said he would leave Friday"); "due", "slated" and "supposed" name
/// a plan ("supposed to conclude by May").
pub fn future_marker(w: &str) -> bool {
    matches!(
        w,
        "tomorrow"
            | "next"
            | "upcoming"
            | "coming"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "expected"
            | "expects"
            | "scheduled"
            | "slated"
            | "supposed"
            | "due"
            | "ahead"
    ) || will(w)
}

/// Words that point a sentence to the past: auxiliaries, past adverbs, regular "-ed" forms and
/// the common irregular past forms of English (none of which is also a present form, so "put",
/// "set", "cut", "hit", "read" are left out).
pub fn past_marker(w: &str) -> bool {
    past_word(w) || past_verb(w)
}

/// The auxiliaries and adverbs of `past_marker` (marks whatever the case).
pub fn past_word(w: &str) -> bool {
    // Not "said": a reporting verb says nothing of when the reported thing happens.
    matches!(
        w,
        "was"
            | "were"
            | "had"
            | "did"
            | "ago"
            | "last"
            | "yesterday"
            | "earlier"
            | "previous"
            | "past"
            | "since"
            | "been"
    )
}

/// The verb forms of `past_marker`: read only in lower case ("United", "Red Cross", "Fed" are no
/// verbs).
pub fn past_verb(w: &str) -> bool {
    irregular_past(w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !matches!(
                w,
                "scheduled" | "expected" | "planned" | "proposed" | "needed" | "supposed" | "slated" | "indeed"
            ))
}

/// Irregular simple-past forms (a `match`: this runs for every token of a sentence with a date).
#[rustfmt::skip]
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "ate" | "became" | "began" | "bit" | "blew" | "bought" | "broke" | "brought" | "built" |
        "came" | "caught" | "chose" | "drew" | "drove" | "fell" | "felt" | "fled" | "flew" |
        "forgot" | "fought" | "found" | "froze" | "gave" | "got" | "grew" | "held" | "hung" |
        "kept" | "knew" | "led" | "left" | "lent" | "lost" | "made" | "meant" | "met" | "overtook" |
        "paid" | "ran" | "rang" | "rode" | "rose" | "sank" | "sat" | "saw" | "sent" | "shook" |
        "shot" | "slept" | "sold" | "sought" | "spent" | "spoke" | "stole" | "stood" | "struck" |
        "swore" | "taught" | "thought" | "threw" | "told" | "took" | "understood" | "undertook" |
        "went" | "withdrew" | "won" | "wore" | "wrote"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_tolerate_one_late_dropped_letter_only() {
        assert_eq!(weekday_tolerant("thursday"), Some(4));
        assert_eq!(weekday_tolerant("thusday"), Some(4)); // 'r' dropped at position 3
        assert_eq!(weekday_tolerant("wednesay"), Some(3)); // the 'd' of "day"
        assert_eq!(weekday_tolerant("tuesay"), Some(2));
        assert_eq!(weekday_tolerant("sunay"), None); // too short to be sure
        assert_eq!(weekday_tolerant("frida"), None); // a name
        assert_eq!(weekday_tolerant("thurs"), Some(4));
        assert_eq!(weekday_tolerant("weds"), Some(3));
        assert_eq!(weekday_tolerant("satur"), None);
        assert_eq!(weekday_tolerant("fiday"), None); // dropped before the third letter
        assert_eq!(weekday_tolerant("wensday"), None); // two letters off
        assert_eq!(weekday_tolerant("sun"), None); // too often a word
        assert_eq!(weekday_tolerant("today"), None);
    }

    #[test]
    fn irregular_past_forms_mark_the_past() {
        assert!(past_marker("brought") && past_marker("met") && past_marker("stepped"));
        assert!(!past_marker("meet") && !past_marker("set") && !past_marker("supposed") && !past_marker("indeed"));
        assert!(future_marker("would") && future_marker("supposed"));
        assert!(future_marker("we'll") && future_marker("won’t") && !future_marker("ll") && !future_marker("well"));
    }
}
