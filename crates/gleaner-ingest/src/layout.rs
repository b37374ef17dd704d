//! Document layout: a leading byline, trailing web boilerplate, title and section headings.
//!
//! Rules, all on whole paragraphs:
//! - byline: one of the first two paragraphs, `By` + a name list, or a bare name of two or three
//!   title-case words one space apart (no number, ordinal or article: "Pay May One" is a wire
//!   table's line) without final punctuation, followed by more text;
//! - boilerplate: the run of short paragraphs at the very end that open like a blog or news-site
//!   footer ("No comments:", "Post a Comment", "Share this", "Subscribe to ...");
//! - heading: a one-sentence paragraph followed by running text, that is either a question of at
//!   most 25 words, or a capitalized line of at most 15 words without final punctuation followed
//!   by a longer paragraph (so rows of a table are not headings).
//!
//! And one rule on single sentences, wherever they stand ([`is_furniture`]): wire copy's credit
//! lines, photo credits and image markers are boilerplate.

use crate::document::{Span, Zone};
use crate::segment::is_closer;

/// Footer openings, lower case; a paragraph of at most 15 words that starts with one is boilerplate
/// when it belongs to the document's final run of such paragraphs.
const FOOTERS: &[&str] = &[
    "no comments", "post a comment", "leave a comment", "leave a reply", "add a comment", "comments", "share this",
    "share on", "share:", "tweet", "subscribe", "sign up for", "newsletter", "click here", "read more", "related:",
    "related articles", "related posts", "posted by", "labels:", "tags:", "filed under", "newer post", "older post",
    "home", "email this", "blogthis", "share to", "print", "follow us", "copyright", "©", "all rights reserved",
    "advertisement", "this entry was posted", "like this:", "you may also like", "our standards:",
];

/// How wire copy opens a credit line, lower case: "Reporting by Jane Roe in Lima; Editing by John
/// Public". The first ones open nothing else; the others ("Written by ...", "Produced by ...")
/// also open a review's or a caption's sentence, so they make a credit only in a line of their
/// own or beside a wire credit.
const CREDITS: &[&str] = &[
    "additional reporting by",
    "additional reporting from",
    "reporting and writing by",
    "reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "sub-editing by",
];
const CREDITS_ALONE: &[&str] = &[
    "written by", "edited by", "research by", "graphics by", "graphic by", "photos by", "photo by", "video by",
    "produced by", "translated by",
];

/// Small words a credit's names and places may hold ("in", "and", name particles).
fn credit_small_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "and"
            | "from"
            | "at"
            | "with"
            | "&"
            | "de"
            | "da"
            | "del"
            | "der"
            | "van"
            | "von"
            | "al"
            | "bin"
            | "la"
            | "le"
            | "du"
    )
}

/// One part of a credit line: an opening, then names, places and small words only. `Some(true)`
/// when the opening is a wire one ([`CREDITS`]), `Some(false)` for one of [`CREDITS_ALONE`].
fn credit_part(part: &str) -> Option<bool> {
    let t = part.trim().trim_end_matches('.');
    // Openings are ASCII: compared on the text itself, so no case folding moves a byte offset.
    let opens = |t: &str, o: &str| t.get(..o.len()).is_some_and(|p| p.eq_ignore_ascii_case(o));
    let t = if opens(t, "and ") { t[4..].trim_start() } else { t };
    let (opening, wire) = match CREDITS.iter().find(|c| opens(t, c)) {
        Some(c) => (*c, true),
        None => (*CREDITS_ALONE.iter().find(|c| opens(t, c))?, false),
    };
    let words: Vec<&str> =
        t[opening.len()..].split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let names = !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || credit_small_word(w));
    names.then_some(wire)
}

/// News and photo agencies as photo credits write them, in capitals.
const AGENCIES: &[&str] = &[
    "REUTERS", "AFP", "AP", "EPA", "EFE", "EPA-EFE", "DPA", "ANSA", "XINHUA", "KYODO", "YONHAP", "TASS", "SPUTNIK",
    "ANADOLU", "UPI", "AAP", "PA", "GETTY", "SIPA", "SHUTTERSTOCK", "NURPHOTO", "ALAMY", "BLOOMBERG", "POOL", "IMAGO",
    "WENN", "ZUMA",
];

/// A photo credit: parts split by `/`, each a few capitalized words (or "via"), one of them an
/// agency of [`AGENCIES`] ("REUTERS/Jane Roe/File Photo", "Jane Roe/Pool via REUTERS", "AFP/Getty
/// Images"; not a headline's "UK/US Trade Talks Stall"), or "(Photo by ...)" / "(Photo: ...)" in brackets.
fn photo_credit(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    let lower = t.to_lowercase();
    if (lower.starts_with("(photo by") || lower.starts_with("(photo:") || lower.starts_with("(credit:"))
        && t.ends_with(')')
    {
        return true;
    }
    let t = t.strip_prefix("Photo:").or_else(|| t.strip_prefix("Credit:")).unwrap_or(t).trim();
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    if !(2..=3).contains(&parts.len()) || t.contains(':') {
        return false;
    }
    // The agency is a part of its own, or the end of the last ("Pool via REUTERS"); every other
    // part is a name or "File Photo", of at most three capitalized words.
    let is_agency = |w: &str| AGENCIES.contains(&w);
    let mut agency = false;
    for part in &parts {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() == 1 && is_agency(words[0]) {
            agency = true;
            continue;
        }
        let via = words.len() >= 2 && words[words.len() - 2] == "via" && is_agency(words[words.len() - 1]);
        let name = if via { &words[..words.len() - 2] } else { &words[..] };
        agency |= via;
        if name.is_empty() || name.len() > 3 || !name.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return false;
        }
    }
    agency
}

/// Is this sentence wire copy's furniture rather than its text: a credit line ("Reporting by
/// Jane Roe; Editing by John Public"; "Written by Jane Roe" only as a paragraph of its own,
/// `alone`), a photo credit, or an image marker ("Slideshow (5 images)", "FILE PHOTO" alone)?
/// Such a sentence of running text is boilerplate wherever it stands: its names are the
/// agency's staff, not the story's.
/// Agencies' names as wire stories sign off with them, alone on a line, lower case.
const SIGN_OFFS: &[&str] = &["reuter", "reuters", "afp", "ap", "upi", "dpa", "xinhua", "kyodo", "tass"];

/// An image marker of wire copy: "Slideshow (5 images)", "(5 images)", "FILE PHOTO" alone, or the
/// agency's sign-off ("Reuter" alone); no headline reads so, so a heading's line is asked too.
pub(crate) fn is_marker(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    let marker = lower.trim_end_matches([':', '.']);
    marker == "file photo"
        // A wire story's sign-off, the agency's name alone on its last line ("Reuter").
        || SIGN_OFFS.contains(&marker)
        || (marker.starts_with("slideshow") && words_upto(marker, 4) <= 4)
        || (marker.starts_with('(') && marker.ends_with("images)") && words_upto(marker, 2) == 2)
}

pub(crate) fn is_furniture(sentence: &str, alone: bool) -> bool {
    let t = sentence.trim();
    if t.len() > 400 {
        return false;
    }
    if is_marker(t) {
        return true;
    }
    let parts: Option<Vec<bool>> = t.split(';').map(credit_part).collect();
    let credit = parts.is_some_and(|p| alone || p.iter().any(|&wire| wire));
    credit || photo_credit(t)
}

/// `word_count(s).min(cap + 1)`, without scanning past the cap.
fn words_upto(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap + 1).count()
}

fn is_footer(text: &str) -> bool {
    if text.len() > 200 || words_upto(text, 15) > 15 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    if FOOTERS.iter().any(|f| lower.starts_with(f)) {
        return true;
    }
    // "12 comments:", "1 comment"
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < lower.len() && rest.trim_start().starts_with("comment")
}

/// A byline's author name, when the paragraph is a byline.
pub(crate) fn byline_author(text: &str) -> Option<String> {
    let text = text.trim();
    let (names, prefixed) =
        match text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).or_else(|| text.strip_prefix("BY ")) {
            Some(rest) => (rest.trim(), true),
            None => (text, false),
        };
    // "By Jane Roe, Reuters" / "By Jane Roe | Staff writer": the name is the first part.
    let name = names.split([',', '|', '—', '–']).next().unwrap_or("").trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let max = if prefixed { 8 } else { 3 };
    if words.len() < 2 || words.len() > max {
        return None;
    }
    let namelike = |w: &&str| {
        let w = w.trim_end_matches('.');
        (w == "and" && prefixed)
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
    };
    if !words.iter().all(namelike) {
        return None;
    }
    if !prefixed && (name.len() != text.len() || !bare_name(name, &words)) {
        return None;
    }
    Some(name.to_owned())
}

/// A name standing alone, without "By": words in title case, one space apart, none a number,
/// an ordinal or an article. Table lines of wire copy ("Pay May One", "March Eight", "First
/// Quarter", "MINNEAPOLIS WHEAT", "CURRENT  WEEK   YEAR", "The Australian Stock") are not.
fn bare_name(name: &str, words: &[&str]) -> bool {
    const NOT_NAMES: &[&str] = &[
        "a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "first", "second", "third", "fourth", "fifth", "last", "next", "quarter", "half", "year", "week",
        "month",
    ];
    let title_case = |w: &str| w.len() <= 2 && w.ends_with('.') || w.chars().skip(1).any(char::is_lowercase);
    name.split(' ').count() == words.len()
        && words.iter().all(|w| title_case(w))
        && !words.iter().any(|w| NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

fn ends_with_terminal(text: &str) -> bool {
    text.trim_end().trim_end_matches(is_closer).ends_with(['.', '?', '!', ':', ';', '…'])
}

/// Zones of every paragraph, from paragraph texts and their sentence counts.
pub(crate) fn zones(text: &str, paragraphs: &[Span], sentence_counts: &[usize]) -> (Vec<Zone>, Option<String>) {
    let n = paragraphs.len();
    let mut zones = vec![Zone::Body; n];
    let para = |i: usize| &text[paragraphs[i].range()];
    let mut author = None;

    // Boilerplate: the final run of footer paragraphs (never the whole document).
    let mut first_footer = n;
    while first_footer > 1 && is_footer(para(first_footer - 1)) {
        first_footer -= 1;
    }
    for z in &mut zones[first_footer..] {
        *z = Zone::Boilerplate;
    }

    // Byline: one of the first two paragraphs, with running text after it.
    for i in 0..n.min(2) {
        if i + 1 < first_footer && sentence_counts[i] == 1 {
            if let Some(name) = byline_author(para(i)) {
                zones[i] = Zone::Byline;
                author = Some(name);
                break;
            }
        }
    }

    // Headings.
    for i in 0..first_footer.saturating_sub(1) {
        if zones[i] != Zone::Body || sentence_counts[i] != 1 {
            continue;
        }
        let p = para(i);
        let next_is_body = zones[i + 1] == Zone::Body;
        if !next_is_body || !(p.ends_with('?') || p.ends_with(is_closer) || !ends_with_terminal(p)) {
            continue;
        }
        let words = words_upto(p, 25);
        let next_longer = words_upto(para(i + 1), words) > words;
        // A question paragraph heads the answer that follows, however short ("Yes.").
        let question = p.trim_end().trim_end_matches(is_closer).ends_with('?') && words <= 25;
        // A plain line must head longer text, so rows of a table are not headings.
        let plain = !ends_with_terminal(p)
            && words <= 15
            && next_longer
            && p.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if next_is_body && (question || plain) {
            zones[i] = Zone::Heading;
        }
    }
    (zones, author)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_furniture() {
        for line in [
            "Reporting by Jane Roe; Editing by John Q. Public",
            "Reporting by Jane Roe in Lima and Ana Diaz in Quito; additional reporting by Li Wei; Writing by Jo Bloggs; Editing by Sam Smith",
            "Editing by Kate Smith.",
            "REUTERS/Jane Roe/File Photo",
            "Jane Roe/Pool via REUTERS",
            "AFP/Getty Images",
            "(Photo by Jane Roe/AFP via Getty Images)",
            "Slideshow (5 images)",
            "FILE PHOTO:",
            "REUTER",
            "Reuter",
        ] {
            assert!(is_furniture(line, true), "{line}");
        }
        for line in [
            "Reporting by the Guardian showed that the minister lied.",
            "Editing by hand is slow.",
            "FILE PHOTO: A worker walks past containers at the port of Felixstowe, Britain.",
            "The 9/11 attacks changed U.S. policy.",
            "Sales rose 5% in Q3/Q4.",
            "He said the AC/DC concert was loud.",
            "Slideshow shows how the flood spread across the whole valley.",
            "UK/US Trade Talks Stall",
            "Reuter said the talks failed.",
            "Israel/PA Talks Resume",
            "EPA/Army Corps Rule Vacated",
            "AP/NORC Poll: Biden Approval Dips",
        ] {
            assert!(!is_furniture(line, true), "{line}");
        }
    }

    #[test]
    fn review_credits_need_a_line_of_their_own() {
        assert!(is_furniture("Produced by Quincy Jones.", true));
        assert!(!is_furniture("Produced by Quincy Jones.", false));
        assert!(is_furniture("Writing by Jane Roe; Produced by John Public", false), "beside a wire credit");
        assert!(is_furniture("Reporting by Jane Roe", false));
        // A headline in title case reads as a credit only on a line of its own; headings are
        // never asked (see `ingest`).
        assert!(!is_furniture("Photos By Drone Show Flood Damage In Texas", false));
        // A character whose lower case is shorter in bytes (the Kelvin sign) moves no offset.
        assert!(is_furniture("Photo by \u{212A}", true));
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_author("Maria Lopez").as_deref(), Some("Maria Lopez"));
        assert_eq!(
            byline_author("By Jane Roe and John Q. Public, Reuters").as_deref(),
            Some("Jane Roe and John Q. Public")
        );
        assert_eq!(byline_author("The death toll continues to climb."), None);
        assert_eq!(byline_author("Lisbon"), None);
        assert_eq!(byline_author("Afghan Bombing Kills Thirteen Soldiers"), None);
        // Table lines of wire copy are no bare names; initials still are.
        for line in ["Pay May One", "March Eight", "First Quarter", "MINNEAPOLIS WHEAT", "CURRENT  WEEK   YEAR"] {
            assert_eq!(byline_author(line), None, "{line}");
        }
        assert_eq!(byline_author("The Australian Stock"), None);
        assert_eq!(byline_author("John Q. Public").as_deref(), Some("John Q. Public"));
        assert_eq!(byline_author("By JOHN ROE").as_deref(), Some("JOHN ROE"));
    }

    #[test]
    fn footers() {
        assert!(is_footer("No comments:"));
        assert!(is_footer("Post a Comment"));
        assert!(is_footer("12 comments:"));
        assert!(!is_footer("Comments by the minister were widely criticised as reckless and untimely, said one of the officials present at the meeting."));
        assert!(!is_footer("The bottom line: the group remains a threat."));
    }
}
