//! Document dates as real data writes them: ISO 8601 (with time and zone), RFC 2822 mail and feed
//! dates, wire-service stamps (`26-FEB-1987 15:01:01.79`), and dates in words (`February 26,
//! 1987`, `26 Feb 1987`). Only the calendar date becomes `published`; whether a time or zone was
//! there is reported, so the caller can keep the original in `metadata`. A numeric date whose day
//! and month could be either way round (`03/04/1987`) is refused rather than guessed.

use chrono::NaiveDate;

use crate::source::parse_date;

/// A document date read from metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetaDate {
    /// The calendar date (years 1 to 9999).
    pub date: NaiveDate,
    /// The text said more than the date (a time, a zone, a weekday): worth keeping verbatim.
    pub more: bool,
}

use crate::lang::en;

/// A month name or its abbreviation (`Feb`, `Feb.`, `FEBRUARY`, `Sept`).
fn month(word: &str) -> Option<u32> {
    en::month_prefix(word)
}

/// A weekday or its abbreviation, Monday 0.
fn weekday_number(word: &str) -> Option<u32> {
    en::weekday_prefix(word).map(|d| d - 1)
}

fn number(word: &str, max_len: usize) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    (!w.is_empty() && w.len() <= max_len && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
}

fn day_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    let w = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(&w);
    number(w, 2).filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i32> {
    number(word, 4).filter(|_| word.trim_end_matches([',', '.']).len() == 4).map(|y| y as i32)
}

/// `±HHMM`, `±HH:MM` or `±HH`, at most 14 hours.
fn offset(w: &str) -> bool {
    let Some(rest) = w.strip_prefix(['+', '-']) else { return false };
    let (h, m) = match rest.len() {
        2 => (rest, "00"),
        4 => (&rest[..2], &rest[2..]),
        5 if rest.as_bytes()[2] == b':' => (&rest[..2], &rest[3..]),
        _ => return false,
    };
    let num = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    num(h) && num(m) && h.parse::<u32>().is_ok_and(|h| h <= 14) && m.parse::<u32>().is_ok_and(|m| m < 60)
}

/// The words after a date that are a time of day, strictly: `HH:MM[:SS[.fraction]]` (hours
/// under 24, minutes under 60, seconds up to 60), then at most one `am`/`pm` (hours 1 to 12),
/// then at most a zone (an abbreviation of [`en::TIME_ZONES`] or an offset) and its name in brackets
/// (`+0000 (UTC)`).
fn is_time(words: &[&str]) -> bool {
    let Some((first, mut rest)) = words.split_first() else { return false };
    let parts: Vec<&str> = first.split(':').collect();
    let two = |t: &str, max: u32| {
        (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) && t.parse::<u32>().is_ok_and(|v| v <= max)
    };
    let seconds_ok = |t: &str| match t.split_once(['.', ',']) {
        Some((s, frac)) => two(s, 60) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()),
        None => two(t, 60),
    };
    let clock = match parts[..] {
        [h, m] => two(h, 23) && m.len() == 2 && two(m, 59),
        [h, m, sec] => two(h, 23) && m.len() == 2 && two(m, 59) && seconds_ok(sec),
        _ => false,
    };
    if !clock {
        return false;
    }
    if let Some((w, tail)) = rest.split_first() {
        if matches!(w.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.") {
            if !parts[0].parse::<u32>().is_ok_and(|h| (1..=12).contains(&h)) {
                return false;
            }
            rest = tail;
        }
    }
    let zone = |w: &str| en::time_zone(&w.to_ascii_lowercase()).is_some() || offset(w);
    match rest {
        [] => true,
        [z] => zone(z),
        [z, named] => zone(z) && named.strip_prefix('(').and_then(|n| n.strip_suffix(')')).is_some_and(zone),
        _ => false,
    }
}

fn valid(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    if !(1..=9999).contains(&y) {
        return Err(format!("the year {y} is outside 1 to 9999"));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y}-{m:02}-{d:02} is no calendar day"))
}

/// Reads a document date; the error says why not, for an `errors` row.
pub fn parse_published(text: &str) -> Result<MetaDate, String> {
    let s = text.trim();
    if let Some(date) = parse_date(s) {
        return Ok(MetaDate { date, more: s.len() > 10 });
    }
    let invalid = || {
        format!("{text:?} is not a date gleaner reads (2021-08-27, an ISO date-time, 27 Aug 2021, August 27, 2021, 27-AUG-2021, or a mail date)")
    };
    // 26-FEB-1987[ 15:01:01.79], 1987/02/26, 02/26/1987 (but not 03/04/1987).
    let (head, tail) = s.split_once(char::is_whitespace).unwrap_or((s, ""));
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    if tail_words.is_empty() || is_time(&tail_words) {
        let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
        let mut seps = head.bytes().filter(|b| matches!(b, b'-' | b'/' | b'.'));
        let one_separator = seps.next().is_some_and(|first| seps.all(|b| b == first));
        if parts.len() == 3 && one_separator {
            let more = !tail_words.is_empty();
            if let (Some(d), Some(m), Some(y)) = (day_of(parts[0]), month(parts[1]), year_of(parts[2])) {
                return valid(y, m, d).map(|date| MetaDate { date, more });
            }
            if let (Some(y), Some(m), Some(d)) = (year_of(parts[0]), number(parts[1], 2), number(parts[2], 2)) {
                return valid(y, m, d).map(|date| MetaDate { date, more });
            }
            if let (Some(a), Some(b), Some(y)) = (number(parts[0], 2), number(parts[1], 2), year_of(parts[2])) {
                return match (a <= 12, b <= 12) {
                    (true, true) if a != b => Err(format!(
                        "{text:?} could be {} or {}: give the date as 2021-08-27",
                        describe(y, a, b),
                        describe(y, b, a)
                    )),
                    (true, _) => valid(y, a, b).map(|date| MetaDate { date, more }),
                    (false, true) => valid(y, b, a).map(|date| MetaDate { date, more }),
                    (false, false) => Err(invalid()),
                };
            }
        }
    }
    // Dates in words, after an optional weekday: "Fri, 27 Aug 2021 14:05:00 +0000",
    // "February 26, 1987", "26 Feb 1987 10:00 GMT".
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let mut more = false;
    let said_weekday = words.first().and_then(|w| weekday_number(w));
    if said_weekday.is_some() {
        words.remove(0);
        more = true;
    }
    if words.len() >= 3 {
        let (date_words, rest) = words.split_at(3);
        if rest.is_empty() || is_time(rest) {
            more |= !rest.is_empty();
            let (a, b, c) = (date_words[0], date_words[1], date_words[2]);
            let date = if let (Some(d), Some(m), Some(y)) = (day_of(a), month(b), year_of(c)) {
                Some(valid(y, m, d))
            } else if let (Some(m), Some(d), Some(y)) = (month(a), day_of(b), year_of(c)) {
                Some(valid(y, m, d))
            } else {
                None
            };
            if let Some(date) = date {
                let date = date?;
                // "Mon, 26 Feb 1987": 26 February 1987 was a Thursday; which one is meant?
                if let Some(wd) =
                    said_weekday.filter(|&wd| wd != chrono::Datelike::weekday(&date).num_days_from_monday())
                {
                    const NAMES: [&str; 7] =
                        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
                    return Err(format!(
                        "{text:?} says {} but {date} was a {}",
                        NAMES[wd as usize],
                        NAMES[chrono::Datelike::weekday(&date).num_days_from_monday() as usize]
                    ));
                }
                return Ok(MetaDate { date, more });
            }
        }
    }
    Err(invalid())
}

fn describe(y: i32, m: u32, d: u32) -> String {
    NaiveDate::from_ymd_opt(y, m, d).map_or_else(|| format!("{y}-{m:02}-{d:02}"), |x| x.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_forms_are_read() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        for (text, date, more) in [
            ("1987-02-26", d(1987, 2, 26), false),
            ("1987-02-26T15:01:01", d(1987, 2, 26), true),
            ("26-FEB-1987 15:01:01.79", d(1987, 2, 26), true),
            ("27-FEB-1987", d(1987, 2, 27), false),
            ("Thu, 26 Feb 1987 15:01:01 +0000", d(1987, 2, 26), true),
            ("26 Feb 1987 10:00 GMT", d(1987, 2, 26), true),
            ("February 26, 1987", d(1987, 2, 26), false),
            ("Feb. 26, 1987", d(1987, 2, 26), false),
            ("26 February 1987", d(1987, 2, 26), false),
            ("Sept 3, 2021", d(2021, 9, 3), false),
            ("1987/02/26", d(1987, 2, 26), false),
            ("02/26/1987", d(1987, 2, 26), false),
            ("26/02/1987", d(1987, 2, 26), false),
            ("03/03/1987", d(1987, 3, 3), false),
        ] {
            assert_eq!(parse_published(text), Ok(MetaDate { date, more }), "{text}");
        }
    }

    #[test]
    fn ambiguous_and_odd_dates_are_refused_with_a_reason() {
        let err = parse_published("03/04/1987").unwrap_err();
        assert!(err.contains("1987-03-04") && err.contains("1987-04-03"), "{err}");
        for bad in [
            "26-FEB-1987 and more",
            "Feb 30, 2021",
            "0000-01-01",
            "yesterday",
            "26 Febr 1987x",
            "31/31/1987",
            "",
            "26 Feb 1987 99:99",
            "1987/02/26 25:61",
            "26-FEB-1987 15:01:01.garbage",
            "26-FEB-1987 15:01:01.79xyz",
            "26 Feb 1987 10:00 LOL",
            "26 Feb 1987 10:00 +99:zz",
            "26 Feb 1987 10:00 am pm",
            "26 Feb 1987 13:00 pm",
            "26-02/1987",
        ] {
            assert!(parse_published(bad).is_err(), "{bad}");
        }
        assert!(parse_published("Feb 30, 2021").unwrap_err().contains("no calendar day"));
        assert!(parse_published("Mon, 26 Feb 1987").unwrap_err().contains("was a Thursday"));
        assert!(parse_published("Thu, 26 Feb 1987 15:01:01 +0000 (UTC)").is_ok());
        assert!(parse_published("26 Feb 1987 10:00 am EST").is_ok());
    }
}
