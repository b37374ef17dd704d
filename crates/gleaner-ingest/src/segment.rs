//! Paragraphs and sentences, as byte spans of the normalized text.
//!
//! Paragraphs: blank lines always separate them. Inside a block of lines, hard-wrapped prose
//! (newswire at ~65 columns) joins its lines unless a line is indented or ends short on final
//! punctuation; other text (one paragraph a line, headings, lists) breaks at every newline, except a
//! capitalized line without final punctuation followed by a lower-case line (a sentence cut by a
//! stray newline).
//!
//! Sentences: a rule-based segmenter over white-space separated words. A word ending in `.`, `?`
//! or `!` (possibly followed by closing quotes and brackets) ends a sentence when the next word
//! does not start in lower case, with the exceptions written out below: abbreviations (titles,
//! `No.` before a number, dotted forms like `U.S.` that end a sentence only before a typical
//! sentence starter), initials, ellipses (`. . .`, `...`, `[...]`), numbered and lettered lists,
//! bullets, and missing spaces (`world.Today`). Sentences never cross a paragraph.

use crate::document::Span;
use crate::lang::en::orthography;
use crate::words::for_each_word;

/// Longest sentence, in words, before it is cut at a word boundary (a 2 MB line with no
/// punctuation must not become one sentence that every extractor then scans as a whole).
pub const MAX_SENTENCE_WORDS: usize = 1000;

/// Paragraph spans of `text`, trimmed of surrounding white space, in order.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let (start, end) = (pos, pos + line.len());
        pos = end + 1;
        if line.trim().is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push((start, end));
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

fn flush_block(text: &str, block: &mut Vec<(usize, usize)>, out: &mut Vec<Span>) {
    if block.is_empty() {
        return;
    }
    let line = |i: usize| &text[block[i].0..block[i].1];
    let width = |i: usize| line(i).trim_end().chars().count();
    let n = block.len();
    let wrapped = n >= 2 && {
        let widths: Vec<usize> = (0..n - 1).map(width).collect();
        let max = widths.iter().copied().max().unwrap_or(0);
        let mean = widths.iter().sum::<usize>() / widths.len();
        max <= 100 && mean >= 40
    };
    let max_width = (0..n).map(width).max().unwrap_or(0);
    let mut first = 0;
    for i in 0..n {
        let last = i + 1 == n;
        let breaks = last || {
            let (this, next) = (line(i).trim(), line(i + 1));
            let next_lower = next.trim_start().starts_with(|c: char| c.is_lowercase());
            if wrapped {
                let indented = next.starts_with([' ', '\t']);
                // A short line ending on a period ends its paragraph, unless the next line goes
                // on in lower case ("... quota for the U.S.\nsugar imports ...").
                let short_and_done = ends_sentence(this) && width(i) * 10 < max_width * 7 && !next_lower;
                // A numbered line starts an item only where the line before could end one: "on
                // March\n27. The meeting" is a date cut by the wrap.
                let item = starts_item(next.trim_start())
                    && (ends_sentence(this) || this.ends_with([':', ';']) || starts_item(this));
                indented || short_and_done || item
            } else {
                // A line cut mid-sentence: no final punctuation, and the next line goes on in
                // lower case. Short lower-case lines are list items ("features\ncontact manager").
                let open_end = !ends_sentence(this) || ends_with_abbreviation(this);
                let cut = open_end
                    && !this.ends_with([':', ';'])
                    && next_lower
                    && (first_letter_is(this, char::is_uppercase) || width(i) >= 30);
                !cut
            }
        };
        if breaks {
            let start = block[first].0 + (line(first).len() - line(first).trim_start().len());
            let end = block[i].0 + line(i).trim_end().len();
            out.push(Span::new(start, end));
            first = i + 1;
        }
    }
    block.clear();
}

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(is_closer);
    core.ends_with(['.', '?', '!', '…'])
}

/// "... a U.S." or "... Acme Inc.": the final period may belong to an abbreviation.
fn ends_with_abbreviation(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    last.strip_suffix('.').is_some_and(orthography::is_abbreviation)
}

fn first_letter_is(s: &str, pred: fn(char) -> bool) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(pred)
}

fn starts_item(line: &str) -> bool {
    line.starts_with(is_bullet) || list_marker(line.split_whitespace().next().unwrap_or("")).is_some()
}

pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '▪' | '●' | '◦' | '‣' | '∙')
}

/// A list marker such as `1.`, `2.)`, `3)`, `a.`, `(4)`, optionally after a bullet (`⁃9.`):
/// returns its style and ordinal.
fn list_marker(word: &str) -> Option<(u8, u32)> {
    let word = word.trim_start_matches(is_bullet);
    let (body, style) = if let Some(b) = word.strip_suffix(".)") {
        (b, 1)
    } else if let Some(b) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        (b, 2)
    } else if let Some(b) = word.strip_suffix(')') {
        (b, 3)
    } else if let Some(b) = word.strip_suffix('.') {
        (b, 4)
    } else {
        return None;
    };
    if !body.is_empty() && body.len() <= 2 && body.bytes().all(|b| b.is_ascii_digit()) {
        return Some((style, body.parse().ok()?));
    }
    let mut chars = body.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some((style + 8, c as u32 - 'a' as u32 + 1)),
        _ => None,
    }
}

/// How the word after a candidate sentence end begins.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Start {
    Upper,
    Lower,
    Digit,
    Other,
}

fn start_of(word: &str) -> Start {
    match word.trim_start_matches(is_opener).chars().next() {
        Some(c) if c.is_lowercase() => Start::Lower,
        Some(c) if c.is_uppercase() => Start::Upper,
        Some(c) if c.is_ascii_digit() => Start::Digit,
        _ => Start::Other,
    }
}

/// Number of dots a word holds when it is nothing but dots (". . ." is three such words),
/// ignoring closing quotes: `Some(n)`; otherwise `None`.
fn dots_only(word: &str) -> Option<usize> {
    let core = word.trim_end_matches(is_closer);
    if core.is_empty() {
        return None;
    }
    let mut n = 0;
    for c in core.chars() {
        match c {
            '.' => n += 1,
            '…' => n += 3,
            _ => return None,
        }
    }
    Some(n)
}

/// White-space separated words of `text[span]`, as absolute byte ranges, with no-space sentence
/// joints (`world.Today`, `1,000.That`) split into two words.
fn words(text: &str, span: Span, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let base = span.start as usize;
    let slice = &text[span.range()];
    for_each_word(slice, |s, e| push_word(slice, base, s, e, out));
}

fn push_word(slice: &str, base: usize, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let word = &slice[start..end];
    let bytes = word.as_bytes();
    let inner_period = bytes.len() >= 4 && bytes[1..bytes.len() - 2].contains(&b'.');
    let webby = inner_period && (word.contains('@') || word.contains("://") || word.starts_with("www."));
    let mut from = 0;
    if inner_period && !webby {
        for i in 1..bytes.len() - 2 {
            let joint = bytes[i] == b'.'
                && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit())
                && bytes[i + 1].is_ascii_uppercase()
                && bytes[i + 2].is_ascii_lowercase()
                && i >= from + 2;
            if joint && !orthography::is_abbreviation(&word[from..i]) {
                out.push((base + start + from, base + start + i + 1));
                from = i + 1;
            }
        }
    }
    out.push((base + start + from, base + end));
}

/// Sentence spans of one paragraph, appended to `out`.
pub fn sentences(text: &str, paragraph: Span, out: &mut Vec<Span>) {
    let mut ws = Vec::with_capacity(paragraph.len() / 5 + 1);
    words(text, paragraph, &mut ws);
    let word = |i: usize| &text[ws[i].0..ws[i].1];
    let n = ws.len();
    let mut starts: Vec<usize> = vec![0];
    let mut list: Option<(u8, u32)> = None;
    let mut i = 0;
    while i < n {
        let at_start = *starts.last().unwrap_or(&0) == i
            || (i > 0 && word(i - 1).chars().all(is_bullet) && *starts.last().unwrap_or(&0) == i - 1);
        let w = word(i);
        if at_start {
            if let Some(m) = list_marker(w) {
                list = Some(m);
                i += 1;
                continue;
            }
            if w.chars().all(is_bullet) {
                i += 1;
                continue;
            }
        } else {
            let next_item = matches!((list, list_marker(w)), (Some((s, v)), Some((s2, v2))) if s == s2 && v2 == v + 1);
            if next_item || w.starts_with(is_bullet) {
                if let Some(m) = list_marker(w) {
                    list = Some(m);
                }
                starts.push(i);
                if list_marker(w).is_some() {
                    i += 1;
                    continue;
                }
            }
        }
        if let Some(dots) = if may_end(w) { dots_only(w) } else { None } {
            // An ellipsis of spaced dots: ". . ." (an omission) or ". . . ." (omission + period).
            let mut k = i;
            let mut total = dots;
            while k + 1 < n {
                match dots_only(word(k + 1)) {
                    Some(d) => {
                        total += d;
                        k += 1;
                    }
                    None => break,
                }
            }
            let next_upper = k + 1 < n && matches!(start_of(word(k + 1)), Start::Upper | Start::Digit);
            let prev_period = i > 0 && *starts.last().unwrap_or(&0) < i && {
                let p = word(i - 1).trim_end_matches(is_closer);
                p.ends_with('.') && dots_only(p).is_none()
            };
            if prev_period && total >= 3 && next_upper {
                starts.push(i);
            } else if total >= 4 && next_upper {
                starts.push(k + 1);
            }
            i = k + 1;
            continue;
        }
        if i + 1 < n
            && may_end(w)
            && dots_only(word(i + 1)).is_none()
            && ends_here(w, word(i + 1), i.checked_sub(1).map(word))
        {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts.dedup();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(n);
        if s >= e {
            continue;
        }
        // Cut runaway sentences at word boundaries.
        let mut a = s;
        while a < e {
            let b = (a + MAX_SENTENCE_WORDS).min(e);
            out.push(Span::new(ws[a].0, ws[b - 1].1));
            a = b;
        }
    }
}

/// Cheap filter: can `word` end a sentence or be part of an ellipsis at all? (Its last byte is
/// punctuation, a closer, or part of a multi-byte character such as `”` or `…`.)
fn may_end(word: &str) -> bool {
    word.as_bytes()
        .last()
        .is_some_and(|&b| matches!(b, b'.' | b'?' | b'!' | b'"' | b'\'' | b')' | b']' | b'}') || b >= 0x80)
}

/// Does the sentence end after `word`, given the `next` word and the `prev` one?
fn ends_here(word: &str, next: &str, prev: Option<&str>) -> bool {
    let core = word.trim_end_matches(is_closer);
    let next_start = start_of(next);
    if core.ends_with(['?', '!']) {
        return next_start != Start::Lower;
    }
    if core.ends_with('…') || core.ends_with("...") {
        // Attached ellipsis: "that.... She", "I never meant that... She".
        return !core.starts_with('[') && matches!(next_start, Start::Upper | Start::Digit);
    }
    let Some(body) = core.strip_suffix('.') else {
        return false;
    };
    if next_start == Start::Lower {
        return false;
    }
    let body = body.trim_start_matches(is_opener);
    if body.starts_with('[') {
        return false;
    }
    if orthography::is_before_number(body) && next_start == Start::Digit {
        return false;
    }
    if orthography::is_prepositive(body) {
        return next_start != Start::Upper;
    }
    if orthography::is_initial(body) {
        // "you and I. Did" ends; "Albert I. Jones" and "Jonas E. Smith" do not.
        let pronoun = body == "I" && prev.is_some_and(|p| start_of(p) == Start::Lower);
        if !pronoun {
            return false;
        }
    }
    if orthography::is_dotted(body) || orthography::is_general(body) {
        let next_word = next.trim_start_matches(is_opener);
        let next_word = next_word.split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
        return orthography::is_starter(next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for p in paragraphs(text) {
            sentences(text, p, &mut out);
        }
        out.iter().map(|s| &text[s.range()]).collect()
    }

    fn check(text: &str, expect: &[&str]) {
        assert_eq!(split(text), expect, "input: {text:?}");
    }

    #[test]
    fn abbreviations_and_titles() {
        check("Mr. Smith met Dr. Jones in the U.S. on Monday.", &["Mr. Smith met Dr. Jones in the U.S. on Monday."]);
        check("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]);
        check("Ask No. 5 now. No. It is not.", &["Ask No. 5 now.", "No.", "It is not."]);
    }

    #[test]
    fn quotes_and_brackets_close_sentences() {
        check("He said, “no proof.” Then he left.", &["He said, “no proof.”", "Then he left."]);
        check("He left (for good.) and then? No.", &["He left (for good.) and then?", "No."]);
    }

    #[test]
    fn paragraphs_one_per_line_and_hard_wrapped() {
        let one_per_line = "Maria Lopez\nThe toll rose. It rose again.\nWho is he?\nYes.";
        assert_eq!(split(one_per_line), ["Maria Lopez", "The toll rose.", "It rose again.", "Who is he?", "Yes."]);
        let wrapped = "Showers continued throughout the week in the Bahia cocoa zone,\n\
                       alleviating the drought since early January and improving\n\
                       prospects for the coming season.\n    The dry period means the crop will be late.";
        let paras = paragraphs(wrapped);
        assert_eq!(paras.len(), 2);
        assert!(wrapped[paras[1].range()].starts_with("The dry period"));
        // A number after a wrap that cut a sentence is no list item; after a colon it is.
        let cut_date = "The talks, which began on Monday, are scheduled to end on March\n\
                        27. The meeting aims to settle the quotas and the buffer stock rules.";
        assert_eq!(paragraphs(cut_date).len(), 1);
        let list = "The producers and the consumers agreed on these points at the meeting:\n\
                    1. The buffer stock stays.\n2. The quotas go.";
        assert_eq!(paragraphs(list).len(), 3);
    }

    #[test]
    fn runaway_sentence_is_cut() {
        let text = "word ".repeat(2500);
        let got = split(&text);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|s| s.split(' ').count() <= MAX_SENTENCE_WORDS));
    }

    #[test]
    fn sentences_cover_every_non_space_character() {
        let text = "A. B. c... D!? “E.” (f.) 1. g 2. h • i ⁃ j. . . . K";
        let mut covered = vec![false; text.len()];
        for s in split(text) {
            let start = s.as_ptr() as usize - text.as_ptr() as usize;
            covered[start..start + s.len()].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "byte {i} ({c:?}) not in a sentence");
        }
    }
}

#[cfg(test)]
mod cases {
    //! The data-driven suite: `testdata/sentences.jsonl`, one case a line. Adding a case needs no code.
    use super::*;

    #[test]
    fn testdata_sentences() {
        let cases = include_str!("../testdata/sentences.jsonl");
        let mut failures = Vec::new();
        for line in cases.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case");
            let text = case["text"].as_str().unwrap();
            let want: Vec<&str> = case["sentences"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
            let mut spans = Vec::new();
            for p in paragraphs(text) {
                sentences(text, p, &mut spans);
            }
            let got: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
            if got != want {
                failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", case["name"]));
            }
        }
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
    }
}
