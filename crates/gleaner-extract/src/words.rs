//! The tokens of a sentence as extractors read them: surface and lower-case forms, byte spans.

use gleaner_ingest::{Document, Sentence, Span};

/// The tokens of one sentence: surface forms, lower-case forms (the document's, computed once
/// at ingest for every extractor) and byte spans, in buffers reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Words<'d> {
    pub(crate) surface: Vec<&'d str>,
    pub(crate) spans: Vec<Span>,
    lower: Vec<&'d str>,
    pub(crate) text: &'d str,
}

impl<'d> Words<'d> {
    /// Loads each extractable sentence of `doc` in turn (reusing the buffers) and calls `f` with
    /// the words and the sentence's index.
    pub(crate) fn each_sentence(&mut self, doc: &'d Document, mut f: impl FnMut(&Words<'d>, u32)) {
        for (i, sentence) in doc.extractable_sentences() {
            self.load(doc, sentence);
            f(self, i as u32);
        }
    }

    /// Loads the tokens of one sentence of `doc`.
    pub(crate) fn load(&mut self, doc: &'d Document, sentence: &Sentence) {
        self.text = &doc.text;
        self.surface.clear();
        self.spans.clear();
        self.lower.clear();
        for k in sentence.tokens.start as usize..sentence.tokens.end as usize {
            let span = doc.tokens[k].span;
            self.surface.push(doc.slice(span));
            self.spans.push(span);
            self.lower.push(doc.lower(k));
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.surface.len()
    }

    /// Lower-case form of token `i` ("" past the end).
    pub(crate) fn lw(&self, i: usize) -> &'d str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// Lower-case forms of the tokens from `i` on.
    pub(crate) fn lower_from(&self, i: usize) -> &[&'d str] {
        &self.lower[i.min(self.lower.len())..]
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
