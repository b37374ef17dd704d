//! Dates written in digits: "8/31/2021", "2021-08-31", "31.08.2021"; day and year pairs in one token.

use super::*;

/// "1956-87", "2005/06", "the 2006-2007 fiscal year", "2003/4": two years in one token, two
/// dates whose spans cut it. With a hyphen and two digits the second year must follow the
/// first at once or be no month number: "2021-08" is ISO's August 2021, not a pair.
pub(super) fn year_pair(words: &Words<'_>, _: &Ctx, i: usize) -> Option<(Found, Found)> {
    let w = words.w(i);
    if w.len() < 6 || !w.as_bytes()[4].is_ascii_punctuation() && !w.get(4..).is_some_and(|r| r.starts_with('–')) {
        return None;
    }
    let (a, b) = w.split_once(['/', '-', '–'])?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    if a.len() != 4 || !digits(a) || !digits(b) || !matches!(b.len(), 1 | 2 | 4) {
        return None;
    }
    let y1: i32 = a.parse().ok().filter(|y| (1000..=2100).contains(y))?;
    let tail: i32 = b.parse().ok()?;
    let y2 = match b.len() {
        4 => tail,
        n => {
            let m = 10i32.pow(n as u32);
            let y = y1 - y1.rem_euclid(m) + tail;
            if y > y1 {
                y
            } else {
                y + m
            }
        }
    };
    if y2 <= y1 || y2 - y1 > 100 {
        return None;
    }
    // "1130-1215 GMT": a range of clock times.
    if clock_mark(words, i + 1) {
        return None;
    }
    let hyphen = !w.contains('/');
    if hyphen && b.len() == 2 && y2 != y1 + 1 && tail <= 12 {
        return None;
    }
    let start = words.spans[i].start;
    let cut = start + a.len() as u32;
    Some((
        Found { cut_end: Some(cut), ..found(YEAR_PAIR, i, i + 1, Val::Year(y1), false) },
        Found {
            cut_start: Some(cut + w[a.len()..].chars().next()?.len_utf8() as u32),
            ..found(YEAR_PAIR, i, i + 1, Val::Year(y2), false)
        },
    ))
}

/// "8/31/2021", "8/31/21", "2021-08-31", "31.08.2021".
pub(super) fn numeric_date(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let w = words.w(i);
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // One separator throughout, a year of two or four digits: "11-1/2" is eleven and a half.
    let mut seps = w.bytes().filter(|b| matches!(b, b'/' | b'-' | b'.'));
    let same_sep = seps.next() == seps.next();
    let year_len = if parts[0].len() == 4 { 4 } else { parts[2].len() };
    if !same_sep || !matches!(year_len, 2 | 4) || parts.iter().filter(|p| p.len() > 2).count() > 1 {
        return None;
    }
    let num = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if w.contains('/') {
        let y = num(parts[2])?;
        let y = if parts[2].len() == 2 {
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        } else {
            y
        };
        (y, num(parts[0])?, num(parts[1])?) // US order: month/day/year
    } else if w.contains('.') {
        (num(parts[2])?, num(parts[1])?, num(parts[0])?) // day.month.year
    } else {
        return None;
    };
    // A year a document writes a date with: "0000-01-05" is a code or a placeholder.
    if !(1000..=2100).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
    Some(found(NUMERIC_DATE, i, i + 1, Val::Day(date), false))
}

/// "18-April" of "March 18-April 1": a day, and the month of a second day after a hyphen.
pub(super) fn day_month_pair(w: &str) -> Option<(u32, u32, usize)> {
    let (a, b) = w.split_once('-')?;
    if !(1..=2).contains(&a.len()) || !a.bytes().all(|c| c.is_ascii_digit()) || !b.starts_with(char::is_uppercase) {
        return None;
    }
    let d: u32 = a.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((d, en::month(&b.to_ascii_lowercase())?, a.len()))
}

/// "12-14" in one token: two days of one month ("Oct. 12-14"), and the byte length of the first.
pub(super) fn day_pair(w: &str) -> Option<(u32, u32, usize)> {
    let (a, b) = w.split_once('-')?;
    let short = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    if !short(a) || !short(b) {
        return None;
    }
    let (d1, d2): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (d1 >= 1 && d1 < d2 && d2 <= 31).then_some((d1, d2, a.len()))
}
