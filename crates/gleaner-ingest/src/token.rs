//! Tokens with offsets.
//!
//! White space separates words; a word then loses its opening quotes (the newswire's `` too) and
//! brackets, currency signs, closing punctuation and a possessive `'s`/`’s` as tokens of their
//! own. What stays whole:
//! numbers with separators (`1,500`, `2.5`), hyphenated names (`al-Rashid`, `FARC-EP`, `U.S.-led`),
//! abbreviations with their period (`U.S.`, `Dr.`, `E.`), URLs and e-mail addresses. Dashes (`—`,
//! `–`) and a comma between letters split a word.

use crate::document::{Span, Token};
use crate::lang::en::orthography;
use crate::segment::{is_closer, is_opener};
use crate::words::for_each_word;

/// Appends the tokens of `text[span]` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let base = span.start as usize;
    let slice = &text[span.range()];
    for_each_word(slice, |s, e| word(slice, base, s, e, out));
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if start < end {
        out.push(Token { span: Span::new(start, end) });
    }
}

fn word(slice: &str, base: usize, mut s: usize, mut e: usize, out: &mut Vec<Token>) {
    // Fast path: most words are letters and digits only.
    if slice.as_bytes()[s..e].iter().all(u8::is_ascii_alphanumeric) {
        push(out, base + s, base + e);
        return;
    }
    // A possessive standing apart, as tokenized text has it ("Bosnia 's capital"): one token.
    if matches!(&slice[s..e], "'s" | "’s" | "'S" | "’S") {
        push(out, base + s, base + e);
        return;
    }
    // Leading openers and currency signs, one token each.
    while let Some(c) = slice[s..e].chars().next() {
        // The opening quote of newswire written in the Penn Treebank's way (``like this''). The
        // closing '' is two closers, as before. A lone backtick stays in its word: it is rare as
        // a quote, and the word clusters' corpus tokenizes as it did.
        if slice[s..e].starts_with("``") && s + 2 < e {
            push(out, base + s, base + s + 2);
            s += 2;
            continue;
        }
        if (is_opener(c) || matches!(c, '$' | '£' | '€' | '¥')) && s + c.len_utf8() < e {
            push(out, base + s, base + s + c.len_utf8());
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse (a fixed buffer: no allocation per word).
    let mut tail = Tail::default();
    loop {
        let w = &slice[s..e];
        let Some(c) = w.chars().next_back() else { break };
        if c == '.' {
            let body = w.trim_end_matches('.');
            let dots = w.len() - body.len();
            if body.is_empty() {
                break;
            }
            if dots == 1 && (keeps_period(body) || orthography::is_state_after_comma(body) && after_comma(slice, s)) {
                break;
            }
            if !tail.push((e - dots, e)) {
                break;
            }
            e -= dots;
        } else if is_closer(c) || matches!(c, ',' | ';' | ':' | '!' | '?' | '…' | '%') {
            if w.len() == c.len_utf8() {
                break;
            }
            if !tail.push((e - c.len_utf8(), e)) {
                break;
            }
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    // Possessive 's.
    let w = &slice[s..e];
    let poss = ["'s", "’s", "'S", "’S"].iter().find(|p| w.len() > p.len() && w.ends_with(*p)).map(|p| p.len());
    if let Some(len) = poss {
        if tail.push((e - len, e)) {
            e -= len;
        }
    }
    middle(slice, base, s, e, out);
    for &(a, b) in tail.items[..tail.len].iter().rev() {
        push(out, base + a, base + b);
    }
}

/// Up to 16 trailing punctuation tokens of one word; a longer run (")))))...") stays in the word.
#[derive(Default)]
struct Tail {
    items: [(usize, usize); 16],
    len: usize,
}

impl Tail {
    fn push(&mut self, item: (usize, usize)) -> bool {
        if self.len == self.items.len() {
            return false;
        }
        self.items[self.len] = item;
        self.len += 1;
        true
    }
}

/// Splits inside a word at dashes, ellipses and commas between letters; URLs and e-mail addresses
/// stay whole.
fn middle(slice: &str, base: usize, s: usize, e: usize, out: &mut Vec<Token>) {
    let w = &slice[s..e];
    if w.contains("://") || w.contains('@') || w.starts_with("www.") {
        push(out, base + s, base + e);
        return;
    }
    let bytes = w.as_bytes();
    let mut from = 0;
    let mut iter = w.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let split_len = match c {
            '—' | '–' | '…' => c.len_utf8(),
            ',' => {
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if digit_before && digit_after {
                    0
                } else {
                    1
                }
            }
            '.' if w[i..].starts_with("...") => 3,
            _ => 0,
        };
        if split_len > 0 && (i > 0 || i + split_len < w.len()) {
            push(out, base + s + from, base + s + i);
            push(out, base + s + i, base + s + i + split_len);
            from = i + split_len;
            while iter.peek().is_some_and(|&(j, _)| j < from) {
                iter.next();
            }
        }
    }
    push(out, base + s + from, base + e);
}

/// True when the word at `s` follows a comma ("Amherst, Mass."): a place's state, not a word.
fn after_comma(slice: &str, s: usize) -> bool {
    slice[..s].trim_end().ends_with(',')
}

fn keeps_period(body: &str) -> bool {
    let body = body.trim_start_matches(is_opener);
    orthography::is_abbreviation(body) || body.chars().count() == 1 && body.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn keeps_numbers_names_and_abbreviations_whole() {
        assert_eq!(
            tokens("between 1,500 and 2,200 members of FARC-EP, al-Rashid’s men, the U.S.-led U.S. forces."),
            [
                "between", "1,500", "and", "2,200", "members", "of", "FARC-EP", ",", "al-Rashid", "’s", "men", ",",
                "the", "U.S.-led", "U.S.", "forces", "."
            ]
        );
    }

    #[test]
    fn splits_quotes_dashes_and_currency() {
        assert_eq!(
            tokens("“served as [the chief]” authorities—including $75 (12%)."),
            [
                "“", "served", "as", "[", "the", "chief", "]", "”", "authorities", "—", "including", "$", "75", "(",
                "12", "%", ")", "."
            ]
        );
    }

    #[test]
    fn a_newswire_opening_quote_is_a_token() {
        assert_eq!(tokens("``Today, I'm here.''"), ["``", "Today", ",", "I'm", "here", ".", "'", "'"]);
        assert_eq!(tokens("`` Go"), ["``", "Go"]);
    }

    #[test]
    fn a_state_after_a_comma_keeps_its_period() {
        assert_eq!(tokens("born in Amherst, Mass."), ["born", "in", "Amherst", ",", "Mass."]);
        assert_eq!(tokens("Columbus , Miss. He"), ["Columbus", ",", "Miss.", "He"]);
        assert_eq!(tokens("went to Mass."), ["went", "to", "Mass", "."], "a word, not after a comma");
    }

    #[test]
    fn a_possessive_standing_apart_stays_whole() {
        assert_eq!(tokens("Bosnia 's capital , 'sup"), ["Bosnia", "'s", "capital", ",", "'", "sup"]);
    }

    #[test]
    fn url_and_email_stay_whole() {
        assert_eq!(
            tokens("see https://a.b/c.html. mail jane.doe@x.com."),
            ["see", "https://a.b/c.html", ".", "mail", "jane.doe@x.com", "."]
        );
    }

    #[test]
    fn tokens_are_in_order_and_inside_the_text() {
        let text = "He said—“no...”—then left... (“ok”).";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        for pair in out.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        assert!(out.iter().all(|t| !text[t.span.range()].trim().is_empty()));
    }
}
