//! The tokens of a sentence as extractors read them: surface and lower-case forms, byte spans.

use gleaner_ingest::{Document, Span};

/// The tokens of one sentence: surface forms, lower-case forms and byte spans, in buffers reused
/// from sentence to sentence.
#[derive(Default)]
pub(crate) struct Words<'d> {
    pub(crate) surface: Vec<&'d str>,
    pub(crate) spans: Vec<Span>,
    lower: String,
    lower_at: Vec<(u32, u32)>,
    pub(crate) text: &'d str,
}

impl<'d> Words<'d> {
    /// Loads each extractable sentence of `doc` in turn (reusing the buffers) and calls `f` with
    /// the words and the sentence's index.
    pub(crate) fn each_sentence(&mut self, doc: &'d Document, mut f: impl FnMut(&Words<'d>, u32)) {
        for (i, sentence) in doc.extractable_sentences() {
            self.load(doc, doc.sentence_tokens(sentence));
            f(self, i as u32);
        }
    }

    pub(crate) fn load(&mut self, doc: &'d Document, tokens: &[gleaner_ingest::Token]) {
        self.text = &doc.text;
        self.surface.clear();
        self.spans.clear();
        self.lower.clear();
        self.lower_at.clear();
        for t in tokens {
            let s = doc.slice(t.span);
            self.surface.push(s);
            self.spans.push(t.span);
            let from = self.lower.len() as u32;
            if s.is_ascii() {
                self.lower.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                self.lower.extend(s.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
            }
            self.lower_at.push((from, self.lower.len() as u32));
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.surface.len()
    }

    /// Lower-case form of token `i` ("" past the end).
    pub(crate) fn lw(&self, i: usize) -> &str {
        match self.lower_at.get(i) {
            Some(&(a, b)) => &self.lower[a as usize..b as usize],
            None => "",
        }
    }

    /// Surface form of token `i` ("" past the end).
    pub(crate) fn w(&self, i: usize) -> &'d str {
        self.surface.get(i).copied().unwrap_or("")
    }

    /// True when only white space separates tokens `i` and `i + 1`, and it is one space-like char.
    pub(crate) fn joined_by_one_space(&self, i: usize) -> bool {
        let (a, b) = (self.spans[i].end as usize, self.spans[i + 1].start as usize);
        let gap = &self.text[a..b];
        gap.chars().count() == 1 && gap.chars().all(|c| matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}'))
    }
}
