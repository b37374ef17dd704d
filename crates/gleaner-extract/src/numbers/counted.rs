//! What follows a number and what it counts: percent, currency words, units, the noun phrase
//! counted ("13 coal miners") and what happened to it (the event: "were killed").

use gleaner_ingest::lang::en;

use crate::words::Words;

const PERCENT: &[&[&str]] = &[
    &["percentage", "points"],
    &["percentage", "point"],
    &["per", "cent"],
    &["percent"],
    &["pct"],
    &["%"],
    &["per", "centum"],
];

pub(super) fn percent_after(words: &Words<'_>, j: usize) -> Option<usize> {
    PERCENT.iter().find_map(|p| p.iter().enumerate().all(|(k, w)| words.lw(j + k) == *w).then_some(j + p.len()))
}

/// Currency word after the amount, possibly after one qualifying adjective ("finnish markka",
/// "Canadian dlrs"): ISO code and the end.
pub(super) fn currency_after(words: &Words<'_>, j: usize) -> Option<(&'static str, usize, f64)> {
    let lw = words.lw(j);
    if let Some(c) =
        en::numbers::currency_word(lw).filter(|_| !matches!(lw, "p" | "mark" | "marks" | "won" | "rand" | "ct"))
    {
        return Some((c, j + 1, 1.0));
    }
    if let Some(c) = en::numbers::iso_code(words.w(j)) {
        return Some((c, j + 1, 1.0));
    }
    let next = words.lw(j + 1);
    // "M" + ISO code: "30 MUSD", "120 MEUR".
    if let Some(code) = words.w(j).strip_prefix('M').and_then(en::numbers::iso_code) {
        return Some((code, j + 1, 1e6));
    }
    if lw.chars().all(char::is_alphabetic)
        && !lw.is_empty()
        && (!np_stop(lw) || en::numbers::dollar_country(lw).is_some())
    {
        // "420 million Finnish markka", "5 mln Canadian dlrs".
        if let Some(c) = en::numbers::currency_word(next).filter(|_| !en::numbers::ambiguous_unit(next) && next != "p")
        {
            let c = if c == "USD" { en::numbers::dollar_country(lw).unwrap_or(c) } else { c };
            return Some((c, j + 2, 1.0));
        }
    }
    None
}

pub(super) fn unit_after(words: &Words<'_>, j: usize) -> Option<(&'static str, usize)> {
    let lw = words.lw(j);
    if matches!(lw, "square" | "sq" | "sq.") {
        let u = en::numbers::unit(words.lw(j + 1))?;
        let sq = match u {
            "km" => "km2",
            "m" => "m2",
            "mi" => "mi2",
            "ft" => "ft2",
            _ => return None,
        };
        return Some((sq, j + 2));
    }
    if lw == "cubic" {
        let u = en::numbers::unit(words.lw(j + 1))?;
        return Some((if u == "m" { "m3" } else { u }, j + 2));
    }
    let u = en::numbers::unit(lw)?;
    if en::numbers::ambiguous_unit(lw) {
        return None;
    }
    Some((u, j + 1))
}

const NP_STOP_WORDS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "do", "does", "did", "and", "or", "but", "nor", "in", "on", "at", "of", "for",
    "from", "to", "with", "by", "into", "onto", "over", "under", "between", "during", "since", "across", "against",
    "among", "amid", "inside", "outside", "near", "than", "as", "per", "after", "before", "about", "around", "through",
    "throughout", "via", "who", "whom", "whose", "which", "that", "where", "when", "while", "whether", "if", "because",
    "so", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "each",
    "every", "all", "both", "such", "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "there", "here",
    "not", "no", "also", "still", "only", "just", "even", "too", "then", "now", "ago", "later", "earlier", "vs",
    "versus", "against.", "a.m.", "p.m.", "-", "said", "says", "say", "told", "including", "according", "up", "down",
    "out", "off", "away", "back", "more", "less", "most", "least", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "hour", "hours", "minute", "minutes", "decade", "decades", "century", "centuries",
];

/// Words that end a counted noun phrase.
fn np_stop(lw: &str) -> bool {
    NP_STOP_WORDS.contains(&lw)
}

/// The noun phrase counted, starting at token `j` (after "of" for "hundreds of ...").
pub(super) fn counted(words: &Words<'_>, mut j: usize, allow_of: bool) -> Option<(usize, usize)> {
    if allow_of && words.lw(j) == "of" {
        j += 1;
        if matches!(words.lw(j), "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those") {
            j += 1;
        }
    }
    let start = j;
    let mut end = j;
    while end < words.len() && end - start < 4 {
        let w = words.w(end);
        let lw = words.lw(end);
        let wordlike = w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'));
        if !wordlike
            || np_stop(lw)
            || (lw.ends_with("ly") && lw.len() > 4)
            || en::numbers::event(lw).is_some_and(|_| end > start)
        {
            break;
        }
        end += 1;
        // The head of a counted phrase is its first plural noun: "13 coal miners were",
        // "a dozen trucks arrived", "other members elsewhere".
        if is_plural(lw) {
            break;
        }
        // A possessive inside the phrase: "Lisbon's residents".
        if matches!(words.lw(end), "'s") && end + 1 < words.len() {
            end += 1;
        }
    }
    (end > start).then_some((start, end))
}

const IS_PLURAL_WORDS: &[&str] = &[
    "people", "children", "police", "personnel", "staff", "cattle", "livestock", "sheep", "fish", "deer", "aircraft",
    "militia", "crew", "infantry", "clergy", "youth", "feet", "teeth", "mice", "geese", "data", "media", "others",
];

/// A plural-looking noun: "-s" (not "-ss", "-us", "-is", "-ous"), "-men", or an irregular plural.
pub(super) fn is_plural(lw: &str) -> bool {
    let regular = lw.len() > 3
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && !lw.ends_with("us")
        && !lw.ends_with("is")
        && !lw.ends_with("'s");
    regular || lw == "men" || (lw.ends_with("men") && lw.len() > 4) || IS_PLURAL_WORDS.contains(&lw)
}

const EVENT_WORDS: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "also", "all", "later", "now",
    "reportedly", "reported", "allegedly", "believed", "feared", "confirmed", "left", "got", "to", "either", "each",
    "still", "already", "since", "subsequently", "then", "say", "said",
];

/// What happened to what is counted: a verb before ("killing four people", "killed at least 13")
/// or after ("were killed", "perished", "dead", "have been wounded").
pub(super) fn event(words: &Words<'_>, expr_start: usize, after: usize, head: Option<&str>) -> Option<&'static str> {
    if let Some(h) = head {
        if let Some(e) = en::numbers::event(h).filter(|_| h.ends_with('s') || h == "dead") {
            return Some(e);
        }
    }
    if expr_start > 0 {
        let prev = words.lw(expr_start - 1);
        if prev.ends_with("ing") || prev.ends_with("ed") || prev.ends_with("s") {
            if let Some(e) = en::numbers::event(prev).filter(|_| !matches!(prev, "dead" | "missing" | "homeless")) {
                return Some(e);
            }
        }
    }
    for j in after..after + 5 {
        let lw = words.lw(j);
        if lw.is_empty() {
            return None;
        }
        if let Some(e) = en::numbers::event(lw) {
            return Some(e);
        }
        let skip = EVENT_WORDS.contains(&lw) || (lw.ends_with("ly") && lw.len() > 4);
        if !skip {
            return None;
        }
    }
    None
}
