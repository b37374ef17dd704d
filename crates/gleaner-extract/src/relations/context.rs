//! One sentence as the relation extractor reads it: tokens, their lower-case forms, and the
//! entity mentions found in it, each with its token range.

use gleaner_ingest::{Document, Sentence, Span};

use crate::Mention;

/// A mention of the sentence, by token range.
#[derive(Clone, Debug)]
pub(crate) struct Arg<'e> {
    pub(crate) label: &'static str,
    pub(crate) entity_id: &'e str,
    pub(crate) span: Span,
    /// Tokens `[first, end)` of the sentence.
    pub(crate) first: usize,
    pub(crate) end: usize,
}

/// The tokens and mentions of one sentence.
#[derive(Debug, Default)]
pub(crate) struct Ctx<'d, 'e> {
    pub(crate) words: Vec<&'d str>,
    pub(crate) lower: Vec<String>,
    pub(crate) spans: Vec<Span>,
    pub(crate) args: Vec<Arg<'e>>,
    /// Byte span of the sentence.
    pub(crate) sentence: Span,
}

impl<'d, 'e> Ctx<'d, 'e> {
    /// Reads `sentence` and the mentions inside it (`mentions` sorted by position).
    pub(crate) fn new(doc: &'d Document, sentence: &Sentence, mentions: &'e [&'e Mention]) -> Ctx<'d, 'e> {
        let mut ctx = Ctx { sentence: sentence.span, ..Ctx::default() };
        for t in doc.sentence_tokens(sentence) {
            let w = doc.slice(t.span);
            ctx.words.push(w);
            ctx.lower.push(w.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase).collect());
            ctx.spans.push(t.span);
        }
        for m in mentions {
            let first = ctx.spans.partition_point(|s| s.start < m.span.start);
            let end = ctx.spans.partition_point(|s| s.end <= m.span.end);
            if first < end {
                ctx.args.push(Arg { label: m.label, entity_id: &m.entity_id, span: m.span, first, end });
            }
        }
        ctx
    }

    /// Lower-case token `i` ("" outside the sentence).
    pub(crate) fn lw(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// The mention starting at token `i`, if any.
    pub(crate) fn arg_at(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.first == i)
    }

    /// The mention ending just before token `i` (its last token is `i - 1`), if any.
    pub(crate) fn arg_ending(&self, i: usize) -> Option<usize> {
        self.args.iter().position(|a| a.end == i)
    }

    /// Is token `i` a possessive ending?
    pub(crate) fn possessive(&self, i: usize) -> bool {
        matches!(self.lw(i), "'s" | "'")
    }
}
