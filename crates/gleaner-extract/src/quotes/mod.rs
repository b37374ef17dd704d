//! Quotations: who said what. One row per quotation with its content, kind, cue and speaker.
//!
//! Within a sentence, the forms news writes most, each a named rule ([`RULES`]):
//!
//! - `quote_then_speaker`: "“We will win,” Smith said." / "..., said Smith." / "..., he said."
//! - `speaker_then_quote`: "Smith said: “We will win.”" / "Smith, a spokesman, said, “...”" /
//!   "According to Smith, “...”" (the cue is "According to")
//! - `mixed_after_cue`: "Smith said the plan was “a disaster”": the reported clause, partly quoted.
//! - `said_that`: "Smith said (that) the plan failed.": reported speech, no quotation marks.
//! - `clause_then_speaker`: "The plan failed, Smith said on Tuesday.": reported speech before its cue.
//!
//! The speaker is the entity mention next to the cue (a person, organization, place or group;
//! an apposition between them is skipped; a title or other names before it, "German Chancellor
//! Angela Merkel told", are part of it), or a pronoun: "he" and "she" are read as the nearest
//! person named before them in the document, whose entity the row names; or a description
//! ("officials", "a senior official", "the campaign"), with no entity unless it is a role the
//! story gave a person before: "the spokesman" after "police spokesman Tariq Arian", "the
//! minister" after "Jane Roe, the foreign minister," are that person (not "the prime minister"
//! after "Deputy Prime Minister X"). The cue is a verb of
//! `lang::en::speech_verb` ("said", "told", "tweeted") or "according to".
//!
//! A quotation may run over several sentences of its paragraph (“We will win. We always
//! have,” she said.): its row starts in the sentence of its opening mark.
//!
//! - `quote_continued`: "“We will win,” Smith said. “We always have.”": a quotation with no cue
//!   of its own (opening its sentence or following a quotation, ending the sentence) goes on
//!   from the paragraph's last attributed quotation, with its speaker and cue (which then lie
//!   in an earlier sentence: a quotation's speaker and cue are `Row::remote_spans`). An
//!   interrupted quotation ("“We will win,” she said. “We always have.”") is so two rows, one
//!   per fragment, of one speaker.
//!
//! - `quote_across_paragraphs`: a quotation left open at its paragraph's end, the next paragraph
//!   opening with a quotation mark (how news writes one quotation over several paragraphs), is a
//!   row of its own, said by the speaker before its opening mark ("Smith said: “...") or else by
//!   the speaker of the next paragraph's first direct quotation.
//!
//! Left for later (issue #22): a paragraph that is a whole quotation with no cue is not given the
//! speaker of the paragraph before (tried: +3 rows on PolNeAR dev, speaker precision -0.004).
//!
//! ```
//! use gleaner_extract::{entities::Entities, quotes::Quotes, Pipeline, QuoteKind};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let text = "Maria Santos spoke to reporters. \"We will rebuild the bridge,\" she said.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Entities::shipped()).with(Quotes).run(&doc);
//! let q = &found.quotes[0];
//! assert_eq!(doc.slice(q.span), "We will rebuild the bridge,");
//! assert_eq!((doc.slice(q.speaker), doc.slice(q.cue), q.kind), ("she", "said", QuoteKind::Direct));
//! assert_eq!(q.speaker_entity.as_deref(), Some(found.mentions[0].entity_id.as_str()));
//! ```

use gleaner_ingest::lang::en;
use gleaner_ingest::{Document, Span};

use crate::words::Words;
use crate::{Extraction, Extractor, Label, Mention, Quote, QuoteKind, Rows, Rule};

/// The rules, each with a sentence it reads (the tests run them).
pub const RULES: &[Rule] = &[
    Rule {
        name: "quote_then_speaker",
        meaning: "a quotation, then its speaker and cue",
        examples: &["\"We will win,\" Maria Santos said."],
    },
    Rule {
        name: "speaker_then_quote",
        meaning: "a speaker and cue, then the quotation",
        examples: &["Maria Santos said: \"We will win.\""],
    },
    Rule {
        name: "mixed_after_cue",
        meaning: "a reported clause after its cue, partly quoted",
        examples: &["Maria Santos said the plan was \"a disaster\" for the city."],
    },
    Rule {
        name: "said_that",
        meaning: "reported speech after its cue and \"that\"",
        examples: &["Maria Santos said that the bridge would reopen in May."],
    },
    Rule {
        name: "clause_then_speaker",
        meaning: "reported speech, then its speaker and cue",
        examples: &["The bridge will reopen in May, Maria Santos said on Tuesday."],
    },
    Rule {
        name: "quote_continued",
        meaning:
            "a quotation with no cue of its own that goes on from the speaker's quotation before it in the paragraph",
        examples: &["\"We will win,\" Maria Santos said. \"We always have.\""],
    },
    Rule {
        name: "quote_across_paragraphs",
        meaning: "a quotation left open at its paragraph's end, the next paragraph opening with a quotation mark: \
                  the speaker before it or of the next paragraph's quotation",
        examples: &[
            "Maria Santos spoke on Monday. \"We will rebuild the bridge.\n\n\"It will take two years,\" she said.",
        ],
    },
];

/// The quotations extractor. See the module docs.
#[derive(Debug, Default, Clone, Copy)]
pub struct Quotes;

impl Extractor for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn makes(&self) -> &'static [Rows] {
        &[Rows::Quotes]
    }

    fn needs(&self) -> &'static [Rows] {
        &[Rows::Mentions]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let mut words = Words::default();
        let mut found = Vec::new();
        let mentions = &out.mentions;
        // A quotation opened in an earlier sentence of the paragraph and not yet closed.
        let mut open: Option<Open> = None;
        // The speaker of the paragraph's last attributed quotation, for those that go on.
        let mut latest: Option<(u32, Said)> = None;
        // A quotation left open at its paragraph's end while the next paragraph opens with a
        // quotation mark (how a quotation over several paragraphs is written), waiting for its
        // speaker: the content's end and the paragraph it waits in.
        let mut pending: Option<(Open, u32, u32)> = None;
        words.each_sentence(doc, |words, sentence| {
            let cx = Cx { words, mentions, sentence };
            let paragraph = doc.sentences[sentence as usize].paragraph;
            let (carried, left) = match open.take() {
                Some(o) if o.paragraph == paragraph && o.sentence + 1 == sentence => (Some(o), None),
                other => (None, other),
            };
            if pending.as_ref().is_some_and(|p| p.2 != paragraph) {
                pending = None;
            }
            if let Some(o) = left.filter(|o| o.sentence + 1 == sentence && words.len() > 1 && opens(words.w(0))) {
                let end = doc.sentences[o.sentence as usize].span.end;
                match o.lead.clone() {
                    Some(lead) => found.push(across(&o, end, &lead)),
                    None => pending = Some((o, end, paragraph)),
                }
            }
            if latest.as_ref().is_some_and(|l| l.0 != paragraph) {
                latest = None;
            }
            let before = found.len();
            open = cx.quotations(carried, paragraph, latest.as_ref().map(|l| &l.1), &mut found);
            if let Some(q) = found[before..].iter().rev().find(|q| q.kind != QuoteKind::Indirect) {
                latest = Some((paragraph, Said::of(q)));
            }
            if let Some(said) = found[before..].iter().find(|q| q.kind == QuoteKind::Direct).map(Said::of) {
                if let Some((o, end, _)) = pending.take() {
                    found.insert(before, across(&o, end, &said));
                }
            }
        });
        out.quotes.extend(found);
    }
}

/// The quotation `o` left open at its paragraph's end (content up to byte `end`), said by `s`:
/// the speaker before its opening mark or of the next paragraph's first quotation.
fn across(o: &Open, end: u32, s: &Said) -> Quote {
    Quote {
        sentence: o.first,
        span: Span { start: o.start, end: end.max(o.start) },
        last_sentence: o.sentence,
        kind: QuoteKind::Direct,
        speaker: s.speaker,
        speaker_entity: s.entity.clone(),
        cue: s.cue,
        confidence: if s.named { 0.8 } else { 0.7 },
        rule: "quote_across_paragraphs",
    }
}

/// A quotation whose opening mark is in an earlier sentence: where its content starts, and
/// the speaker and cue written before it ("Smith said: “...").
struct Open {
    /// The sentence of the opening mark.
    first: u32,
    /// The latest sentence the quotation runs through.
    sentence: u32,
    paragraph: u32,
    /// The first byte of the content.
    start: u32,
    /// The opening mark's first byte (a "he" is read as a person named before it).
    mark: u32,
    /// The speaker and cue before the opening mark, as spans.
    lead: Option<Said>,
}

/// A speaker and cue, as spans (to outlive their sentence).
#[derive(Clone)]
struct Said {
    speaker: Span,
    entity: Option<String>,
    named: bool,
    cue: Span,
}

impl Said {
    fn of(q: &Quote) -> Said {
        Said { speaker: q.speaker, entity: q.speaker_entity.clone(), named: q.confidence >= 0.85, cue: q.cue }
    }
}

/// One sentence, and the document's mentions.
struct Cx<'a, 'd> {
    words: &'a Words<'d>,
    mentions: &'a [Mention],
    sentence: u32,
}

/// A speaker: the tokens it covers and the entity it is read as.
struct Speaker {
    first: usize,
    last: usize,
    entity: Option<String>,
    /// A name, not a pronoun.
    named: bool,
}

impl Cx<'_, '_> {
    /// The quotations of the sentence, after closing `carried` (a quotation opened in the
    /// sentence before); returns the quotation this sentence opens and leaves open.
    fn quotations(
        &self,
        carried: Option<Open>,
        paragraph: u32,
        latest: Option<&Said>,
        out: &mut Vec<Quote>,
    ) -> Option<Open> {
        let w = self.words;
        let n = w.len();
        let mut marks = Vec::new();
        let mut k = 0;
        while k < n {
            if self.mark_text(k).is_some() {
                marks.push(k);
                k = self.mark_end(k);
            }
            k += 1;
        }
        if let Some(open) = carried {
            match marks.first().copied() {
                // Closed here: "... . We will win,” he said."
                Some(c) if self.mark_text(c).is_some_and(closes) => {
                    marks.remove(0);
                    if let Some(q) = self.close_carried(open, c, latest) {
                        out.push(q);
                    }
                }
                // Still open (a sentence of the quotation without marks): carried on.
                None => return Some(Open { sentence: self.sentence, ..open }),
                _ => {}
            }
        }
        // Quotation marks paired in order: an opening mark, then the next mark.
        let mut pairs = Vec::new();
        let mut k = 0;
        while k + 1 < marks.len() {
            let (o, c) = (marks[k], marks[k + 1]);
            if self.mark_text(o).is_some_and(opens) && self.mark_text(c).is_some_and(closes) && c > self.mark_end(o) + 1
            {
                pairs.push((o, c));
                k += 2;
            } else {
                k += 1;
            }
        }
        // An opening mark left without its closing one, after every pair: the quotation goes on
        // in the next sentence.
        let unpaired = marks.last().copied().filter(|&o| {
            self.mark_text(o).is_some_and(opens) && self.mark_end(o) + 1 < n && pairs.last().is_none_or(|p| p.1 < o)
        });
        let mut used = vec![false; n];
        if let Some(o) = unpaired {
            used[o] = true;
        }
        let mut said = latest.cloned();
        for &(o, c) in &pairs {
            if let Some(q) = self.quote_then_speaker(o, c).or_else(|| self.speaker_then_quote(o, c)) {
                used[o..=q.1].iter_mut().for_each(|u| *u = true);
                said = Some(Said::of(&q.0));
                out.push(q.0);
            } else if let Some(s) = said.as_ref().filter(|_| self.goes_on(o, c, &used)) {
                // "“We will win,” she said. “We always have.”": the same speaker goes on.
                used[o..=self.mark_end(c)].iter_mut().for_each(|u| *u = true);
                out.push(self.continued(self.words.spans[self.mark_end(o) + 1].start, self.words.spans[c - 1].end, s));
            }
        }
        // Reported speech, partly quoted or not: from a cue to the end of the sentence, or from
        // the start of the sentence to a final cue.
        if !used.iter().any(|u| *u) {
            if let Some(q) = self.after_cue(&pairs).or_else(|| self.clause_then_speaker(&marks)) {
                out.push(q);
            }
        }
        let o = unpaired?;
        let lead = self.lead_before(o).map(|(s, cue)| Said {
            speaker: Span { start: w.spans[s.first].start, end: w.spans[s.last].end },
            entity: s.entity,
            named: s.named,
            cue: w.spans[cue],
        });
        Some(Open {
            first: self.sentence,
            sentence: self.sentence,
            paragraph,
            start: w.spans[self.mark_end(o) + 1].start,
            mark: w.spans[o].start,
            lead,
        })
    }

    /// Does the quotation of marks `o`..`c`, with no cue of its own, go on from a quotation
    /// before it: it opens the sentence or follows a quotation of it, and ends the sentence, with
    /// no speech verb beside it?
    fn goes_on(&self, o: usize, c: usize, used: &[bool]) -> bool {
        let w = self.words;
        let starts = o == 0
            || used.get(o.wrapping_sub(1)).copied().unwrap_or(false)
            || (o >= 1 && w.w(o - 1) == "," && o >= 2 && used[..o - 1].iter().any(|u| *u));
        let end = self.mark_end(c);
        let ends = end + 1 >= w.len() || (end + 2 >= w.len() && matches!(w.w(end + 1), "." | "!" | "?"));
        starts && ends && c > o + 1 && !(0..w.len()).any(|k| !used[k] && (k < o || k > end) && en::speech_verb(w.lw(k)))
    }

    /// A quotation with no cue of its own, content `start..end`, said by `s`.
    fn continued(&self, start: u32, end: u32, s: &Said) -> Quote {
        Quote {
            sentence: self.sentence,
            span: Span { start, end },
            last_sentence: self.sentence,
            kind: QuoteKind::Direct,
            speaker: s.speaker,
            speaker_entity: s.entity.clone(),
            cue: s.cue,
            confidence: if s.named { 0.8 } else { 0.7 },
            rule: "quote_continued",
        }
    }

    /// A quotation opened in an earlier sentence, closed at mark `c` of this one: its speaker
    /// after the closing mark, else the one before its opening mark, else the one of the
    /// paragraph's quotation before it.
    fn close_carried(&self, open: Open, c: usize, latest: Option<&Said>) -> Option<Quote> {
        let w = self.words;
        let end = w.spans[c.checked_sub(1)?].end;
        let mut k = self.mark_end(c) + 1;
        if matches!(w.w(k), "," | "—" | "--") {
            k += 1;
        }
        let (said, rule) = match self.cue_and_speaker(k, open.mark) {
            Some((s, cue)) => (
                Said {
                    speaker: Span { start: w.spans[s.first].start, end: w.spans[s.last].end },
                    entity: s.entity,
                    named: s.named,
                    cue: w.spans[cue],
                },
                "quote_then_speaker",
            ),
            None => match open.lead {
                Some(lead) => (lead, "speaker_then_quote"),
                None => (latest?.clone(), "quote_continued"),
            },
        };
        let confidence = if said.named { 0.85 } else { 0.75 };
        Some(Quote {
            sentence: open.first,
            span: Span { start: open.start, end },
            last_sentence: self.sentence,
            kind: QuoteKind::Direct,
            speaker: said.speaker,
            speaker_entity: said.entity,
            cue: said.cue,
            confidence,
            rule,
        })
    }

    /// The speaker and cue before an opening mark at `o`: "Smith said: “", "Smith said, “".
    fn lead_before(&self, o: usize) -> Option<(Speaker, usize)> {
        let w = self.words;
        if o == 0 || !matches!(w.w(o - 1), ":" | ",") {
            return None;
        }
        // "According to Limbaugh, “...”": the cue is the two words, the speaker after them.
        if let Some(a) = (o.saturating_sub(8)..o - 1).find(|&j| w.lw(j) == "according" && w.lw(j + 1) == "to") {
            let s = self.speaker_from(a + 2, w.spans[a].start).or_else(|| self.description_from_to(a + 2, o - 2))?;
            return (s.last + 2 == o).then_some((s, a));
        }
        let cue = (o.saturating_sub(8)..o - 1).rev().find(|&j| en::speech_verb(w.lw(j)))?;
        Some((self.speaker_before(cue)?, cue))
    }

    /// "“...,” Smith said", "“...,” said Smith", "“...,” he said".
    fn quote_then_speaker(&self, o: usize, c: usize) -> Option<(Quote, usize)> {
        let w = self.words;
        let mut k = self.mark_end(c) + 1;
        if matches!(w.w(k), "," | "—" | "--") {
            k += 1;
        }
        let before = w.spans[o].start;
        let (speaker, cue) = self.cue_and_speaker(k, before)?;
        let kind = if self.opens_clause(o) { QuoteKind::Direct } else { QuoteKind::Mixed };
        let end = speaker.last.max(cue);
        Some((self.quote(self.mark_end(o) + 1, c - 1, kind, speaker, cue, cue, "quote_then_speaker"), end))
    }

    /// "Smith said: “...”", "Smith said, “...”", "Smith told reporters: “...”".
    fn speaker_then_quote(&self, o: usize, c: usize) -> Option<(Quote, usize)> {
        let w = self.words;
        // The cue, up to three words before the colon ("told reporters on Monday:").
        let (speaker, cue) = self.lead_before(o)?;
        let kind = if closes_clause(w, c, self.mark_end(c)) { QuoteKind::Direct } else { QuoteKind::Mixed };
        let cue_last = if w.lw(cue) == "according" { cue + 1 } else { cue };
        Some((
            self.quote(self.mark_end(o) + 1, c - 1, kind, speaker, cue, cue_last, "speaker_then_quote"),
            self.mark_end(c),
        ))
    }

    /// "Smith said (that) the plan was “a disaster”" (mixed), "Smith said that the bridge
    /// would reopen" (indirect): the clause after the cue, to the end of the sentence.
    fn after_cue(&self, pairs: &[(usize, usize)]) -> Option<Quote> {
        let w = self.words;
        let n = w.len();
        let cue = (1..n)
            .find(|&k| en::speech_verb(w.lw(k)) && !matches!(w.lw(k), "say" | "tell" | "asks" | "asked"))
            // "He called Burma a “good news story”": a verb that takes words as its object, when
            // they are quoted after it.
            .or_else(|| (1..n).find(|&k| en::quoting_verb(w.lw(k)) && pairs.iter().any(|&(o, _)| o > k + 1)))?;
        let quoting = !en::speech_verb(w.lw(cue));
        let speaker = self.speaker_before(cue)?;
        let mut first = cue + 1;
        // "told the committee that ...": whom it was told, up to "that" (without "that", only
        // "told reporters" is read: the clause could not be told from its addressee).
        if matches!(w.lw(cue), "told" | "tells") && w.lw(first) != "reporters" {
            first = (first..(first + 7).min(n)).find(|&j| w.lw(j) == "that")?;
        }
        // "said yesterday", "said on Monday", "told reporters": when and to whom, before the clause.
        while first < n
            && (matches!(w.lw(first), "yesterday" | "today" | "tonight" | "on" | "last" | "earlier" | "reporters")
                || crate::dates::calendar_word(w.w(first)))
        {
            first += 1;
        }
        let that = w.lw(first) == "that";
        if that {
            first += 1;
        }
        let last = last_word(w)?;
        if last < first + 2 || !w.w(first).starts_with(char::is_alphanumeric) {
            return None;
        }
        // Without "that", the clause must open with a subject: "said the plan failed", "said
        // there is no evidence" (not "said goodbye", "said nothing").
        // Only verbs that take a clause more often than an object read one without "that"
        // ("declared its caliphate", "announced his resignation" are objects); a possessive
        // opens an object too.
        let clause_verb = matches!(
            w.lw(cue),
            "said"
                | "says"
                | "told"
                | "tells"
                | "added"
                | "adds"
                | "insisted"
                | "insists"
                | "argued"
                | "argues"
                | "warned"
                | "warns"
                | "wrote"
                | "writes"
        );
        let subject = that
            || clause_verb
                && (matches!(
                    w.lw(first),
                    "the"
                        | "a"
                        | "an"
                        | "there"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "this"
                        | "these"
                        | "those"
                ) || self.mentions.iter().any(|m| m.span.start == w.spans[first].start));
        // A quotation in the clause, its closing mark after the final period too ("the plan
        // was “a disaster.”").
        let quoted = pairs.iter().any(|&(o, _)| o >= first);
        let (kind, rule) = match (quoted, subject) {
            (true, _) => (QuoteKind::Mixed, "mixed_after_cue"),
            (false, _) if quoting => return None,
            (false, true) => (QuoteKind::Indirect, "said_that"),
            (false, false) => return None,
        };
        let last = if quoted {
            pairs.iter().filter(|p| p.0 >= first).map(|p| self.mark_end(p.1)).fold(last, usize::max)
        } else {
            last
        };
        Some(self.quote(first, last, kind, speaker, cue, cue, rule))
    }

    /// "The bridge will reopen in May, Smith said (on Tuesday)." : reported speech ending in
    /// its speaker and cue.
    fn clause_then_speaker(&self, marks: &[usize]) -> Option<Quote> {
        if !marks.is_empty() {
            return None;
        }
        let w = self.words;
        let last = last_word(w)?;
        // The comma before the speaker and cue, in the last eight words.
        let comma = (last.saturating_sub(8)..last).rev().find(|&k| w.w(k) == ",")?;
        let k = comma + 1;
        let before = w.spans[0].start;
        let (speaker, cue) = self.cue_and_speaker(k, before)?;
        // Only a time, a place or an audience may follow the cue ("on Tuesday", "in a
        // statement", "told reporters").
        if last > speaker.last.max(cue) + 4 || comma < 4 {
            return None;
        }
        Some(self.quote(0, comma - 1, QuoteKind::Indirect, speaker, cue, cue, "clause_then_speaker"))
    }

    /// A cue and its speaker from token `k`: "said Smith" or "Smith said" (the speaker read
    /// as [`Cx::speaker_from`] does, with `before`). Returns the speaker and the cue's token.
    fn cue_and_speaker(&self, k: usize, before: u32) -> Option<(Speaker, usize)> {
        let w = self.words;
        if en::speech_verb(w.lw(k)) {
            // "said Rep. G.K. Butterfield", "said European Council President Donald Tusk": titles
            // and other names before a person's name are part of the speaker.
            let titled = (k + 2..(k + 8).min(w.len())).find_map(|j| {
                let m = self.mentions.iter().find(|m| m.span.start == w.spans[j].start && m.label == Label::Person)?;
                let capital = (k + 1..j).all(|i| w.w(i).starts_with(char::is_uppercase) || matches!(w.w(i), "." | "-"));
                let last = (j..w.len()).take_while(|&i| w.spans[i].end <= m.span.end).last()?;
                capital.then(|| Speaker { first: k + 1, last, entity: Some(m.entity_id.clone()), named: true })
            });
            return Some((titled.or_else(|| self.speaker_from(k + 1, before))?, k));
        }
        for s in [self.speaker_from(k, before), self.description_from(k)].into_iter().flatten() {
            let mut cue = self.past_aside(s.last + 1);
            // "he will say", "a leading industry figure has said", "Smith had earlier told".
            let mut modal = false;
            for _ in 0..2 {
                if matches!(
                    w.lw(cue),
                    "will" | "would" | "has" | "had" | "have" | "also" | "later" | "earlier" | "then"
                ) && !en::speech_verb(w.lw(cue))
                {
                    modal |= matches!(w.lw(cue), "will" | "would");
                    cue += 1;
                }
            }
            // "he will argue", "she would add": a verb's base form after a modal.
            if modal && speech_base(w.lw(cue)) {
                return Some((s, cue));
            }
            if en::speech_verb(w.lw(cue)) {
                return Some((s, cue));
            }
        }
        // A title or other names before the speaker's name: "German Chancellor Angela Merkel
        // told", "Fed Chairman Jerome Powell said": capitalized words up to a name and its cue.
        let cue = (k + 1..(k + 10).min(w.len())).find(|&j| en::speech_verb(w.lw(j)))?;
        if !(k..cue)
            .all(|j| w.w(j).starts_with(char::is_alphanumeric) || matches!(w.lw(j), "." | "-" | "," | "(" | ")"))
        {
            return None;
        }
        let s = self.speaker_before(cue)?;
        if s.first < k {
            return None;
        }
        // Capitalized words, or up to three words of a title ("Trump lawyer", "retired general")
        // before a person's name.
        let capital =
            (k..s.first).all(|j| w.w(j).starts_with(char::is_uppercase) || matches!(w.lw(j), "of" | "the" | "." | "-"));
        let title = s.first - k <= 3
            && (k..s.first).all(|j| !en::speech_verb(w.lw(j)) && !matches!(w.lw(j), "and" | "or" | "but"));
        let person = s.entity.as_ref().is_some_and(|id| id.starts_with("PERSON"));
        (s.first == k || s.named && s.first >= k && (capital || title && person))
            .then_some((Speaker { first: k, ..s }, cue))
    }

    /// A speaker starting at token `k`: a pronoun (read as a person named before byte `before`:
    /// not inside the quotation it speaks), or a mention of a speaking kind.
    fn speaker_from(&self, k: usize, before: u32) -> Option<Speaker> {
        let w = self.words;
        if k >= w.len() {
            return None;
        }
        if let Some(p) = self.pronoun(k, before) {
            return Some(p);
        }
        let m = self.mentions.iter().find(|m| m.span.start == w.spans[k].start && speaks(m.label))?;
        let last = (k..w.len()).take_while(|&j| w.spans[j].end <= m.span.end).last()?;
        Some(Speaker { first: k, last, entity: Some(m.entity_id.clone()), named: true })
    }

    /// Token `k`, or the one after an aside that starts there: a party and state in brackets
    /// ("(R-Utah)", "(D)") or between commas (", R-Ky.,").
    fn past_aside(&self, k: usize) -> usize {
        let w = self.words;
        if w.w(k) == "(" {
            if let Some(c) = (k + 1..(k + 6).min(w.len())).find(|&j| w.w(j) == ")") {
                return c + 1;
            }
        }
        if w.w(k) == ","
            && w.w(k + 1).len() >= 3
            && w.w(k + 1).as_bytes()[1] == b'-'
            && w.w(k + 1).starts_with(['R', 'D', 'I'])
        {
            if let Some(c) = (k + 2..(k + 5).min(w.len())).find(|&j| w.w(j) == ",") {
                return c + 1;
            }
        }
        k
    }

    /// A speaker ending just before the cue at `cue`, an apposition between them skipped
    /// ("Smith, a spokesman for the ministry, said"), or a party and state ("Smith (R-Utah) said").
    fn speaker_before(&self, cue: usize) -> Option<Speaker> {
        let w = self.words;
        let mut end = cue.checked_sub(1)?;
        if w.w(end) == ")" {
            if let Some(o) = (end.saturating_sub(6)..end).rev().find(|&j| w.w(j) == "(") {
                end = o.checked_sub(1)?;
            }
        }
        // "Clinton is describing", "He’s claiming", "Trump has said".
        if matches!(w.lw(end), "is" | "was" | "has" | "had" | "'s" | "’s" | "have" | "also") && end > 0 {
            end -= 1;
        }
        if w.w(end) == "," {
            let open = (end.saturating_sub(12)..end).rev().find(|&j| w.w(j) == ",")?;
            end = open.checked_sub(1)?;
        }
        if let Some(p) = self.pronoun(end, w.spans[end].start) {
            return Some(p);
        }
        let named = match self.mentions.iter().find(|m| m.span.end == w.spans[end].end && speaks(m.label)) {
            Some(m) => {
                let first = (0..=end).find(|&j| w.spans[j].start >= m.span.start)?;
                Some(Speaker { first, last: end, entity: Some(m.entity_id.clone()), named: true })
            }
            None => self.description_before(end),
        };
        // "a spokesman for Manchester's Trafford Centre said", "the head of the ministry said":
        // a described speaker for a body, its entity the body's when a mention names it.
        let whole = named.as_ref().map_or(end + 1, |s| s.first);
        self.speaker_for(whole, end).or(named)
    }

    /// "a spokesman for X", "the head of X" ending at `end`, where X starts at token `x`
    /// (capitalized words, "'s", "the" back to "for"/"of"/"at").
    fn speaker_for(&self, x: usize, end: usize) -> Option<Speaker> {
        let w = self.words;
        let mut k = x.min(end + 1);
        while k > 0
            && k + 6 > x
            && (w.w(k - 1).starts_with(char::is_uppercase) || matches!(w.lw(k - 1), "'s" | "’s" | "the"))
        {
            k -= 1;
        }
        let prep = k.checked_sub(1)?;
        if !matches!(w.lw(prep), "for" | "of" | "at") || prep == 0 || k > end {
            return None;
        }
        let d = self.description_before(prep - 1)?;
        let entity = self
            .mentions
            .iter()
            .filter(|m| m.span.start >= w.spans[k].start && m.span.end <= w.spans[end].end && m.label == Label::Org)
            .max_by_key(|m| m.span.len())
            .map(|m| m.entity_id.clone());
        Some(Speaker { first: d.first, last: end, entity, named: false })
    }

    /// A speaker described, not named, ending at token `end`: "officials", "the campaign", "a
    /// senior official", "two witnesses" (a determiner or count, then up to three words in lower
    /// case, the last a noun in the plural or after the determiner). No entity.
    fn description_before(&self, end: usize) -> Option<Speaker> {
        if !self.plain_word(end) || !self.may_end_description(end) {
            return None;
        }
        // Back over at most three lower-case words to a determiner or a count.
        let mut first = end;
        while first > 0 && end - first < 3 && self.plain_word(first - 1) && !self.opens_description(first) {
            first -= 1;
        }
        self.description(first, end)
    }

    /// A described speaker starting at token `k` and ending before a cue ("a senior official
    /// said"): as [`Cx::description_before`] reads it.
    fn description_from(&self, k: usize) -> Option<Speaker> {
        let w = self.words;
        // "Obama's former campaign strategist said".
        if w.w(k).starts_with(char::is_uppercase) && matches!(w.lw(k + 1), "'s" | "’s") && self.plain_word(k + 2) {
            let mut end = k + 2;
            while end < k + 6 && self.plain_word(end + 1) && !en::speech_verb(w.lw(end + 1)) {
                end += 1;
            }
            return (self.may_end_description(end) && en::speech_verb(w.lw(end + 1))).then_some(Speaker {
                first: k,
                last: end,
                entity: None,
                named: false,
            });
        }
        let mut end = k;
        let aux = |j: usize| matches!(w.lw(j), "will" | "would" | "has" | "had" | "have");
        while end < k + 3 && self.plain_word(end + 1) && !en::speech_verb(w.lw(end + 1)) && !aux(end + 1) {
            end += 1;
        }
        let cue = if aux(end + 1) { end + 2 } else { end + 1 };
        (self.plain_word(end) && self.may_end_description(end) && en::speech_verb(w.lw(cue)))
            .then(|| self.description(k, end))
            .flatten()
    }

    /// Tokens `first..=end` as a described speaker, when they are one ("a senior official").
    fn description_from_to(&self, first: usize, end: usize) -> Option<Speaker> {
        (first <= end && (first..=end).all(|k| self.plain_word(k))).then(|| self.description(first, end)).flatten()
    }

    /// Tokens `first..=end` as a described speaker: a determiner or a count and the words
    /// after it, or one word in the plural ("officials").
    fn description(&self, first: usize, end: usize) -> Option<Speaker> {
        let w = self.words;
        let determined = self.opens_description(first) && first < end;
        let plural = first == end && w.lw(end).ends_with('s') && !w.lw(end).ends_with("ss");
        // "the spokesman", "the foreign minister": a role the story gave a person before.
        let entity = (w.lw(first) == "the" && determined)
            .then(|| {
                let role: Vec<&str> = (first + 1..=end).map(|k| w.lw(k)).collect();
                self.role_holder(&role, w.spans[first].start)
            })
            .flatten();
        (determined || plural).then_some(Speaker { first, last: end, entity, named: false })
    }

    /// The person the story introduced before byte `at` with the role `role` (lower-case words:
    /// "spokesman", "foreign minister"): a title right before the name ("Interior Ministry
    /// spokesman Tariq Arian", "Foreign Minister Jane Roe") or a description set beside it whose
    /// head it is ("Jane Roe, the foreign minister,", "Roe, a spokesman for the ministry"); the
    /// nearest one. Not a title of another office ("Deputy Prime Minister X" is no prime
    /// minister, "Secretary of State X" no state).
    fn role_holder(&self, role: &[&str], at: u32) -> Option<String> {
        let head = *role.last()?;
        if head.len() < 3 || head.ends_with('s') && !head.ends_with("ss") {
            return None;
        }
        let text = self.words.text;
        let same =
            |word: &str, want: &str| word.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case(want);
        let other_office = |word: Option<&&str>| {
            word.is_some_and(|w| {
                let w = w.to_lowercase();
                matches!(
                    w.as_str(),
                    "deputy" | "vice" | "former" | "assistant" | "acting" | "under" | "of" | "associate"
                ) || w.starts_with("ex-")
            })
        };
        // The role's words end `words`, and the word before them is no other office's.
        let ends_with_role = |words: &[&str]| {
            words.len() >= role.len()
                && words[words.len() - role.len()..].iter().zip(role).all(|(a, b)| same(a, b))
                && !other_office(words.len().checked_sub(role.len() + 1).map(|k| &words[k]))
        };
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= at && m.label == Label::Person)
            .find(|m| {
                let mut from = (m.span.start as usize).saturating_sub(60);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let before: Vec<&str> = text[from..m.span.start as usize].split_whitespace().collect();
                let before = match before.iter().rposition(|w| w.ends_with([',', '.', ';', ':', '"', '“', '”'])) {
                    Some(k) => &before[k + 1..],
                    None => &before[..],
                };
                let after = &text[m.span.end as usize..];
                // The description's words before "of", "for", "at", ...: "chief executive of the
                // company" is an executive, not a company.
                let beside = after.strip_prefix(", ").is_some_and(|rest| {
                    let clause = rest.split([',', '.', ';', '(', '"', '“', '”', '\n']).next().unwrap_or("");
                    let words: Vec<&str> = clause
                        .split(' ')
                        .take_while(|w| {
                            !matches!(*w, "of" | "for" | "at" | "in" | "with" | "to" | "from" | "who" | "and" | "on")
                        })
                        .collect();
                    clause.len() <= 80 && words.len() <= 5 && ends_with_role(&words)
                });
                ends_with_role(before) || beside
            })
            .map(|m| m.entity_id.clone())
    }

    /// A word in lower case (the sentence's first may be capitalized).
    fn plain_word(&self, k: usize) -> bool {
        let t = self.words.w(k);
        !t.is_empty()
            && t.chars().enumerate().all(|(i, c)| c.is_lowercase() || c == '-' || i == 0 && k == 0 && c.is_uppercase())
    }

    /// Can a description end with the word at `k` (not a relative pronoun or a conjunction)?
    fn may_end_description(&self, k: usize) -> bool {
        !matches!(
            self.words.lw(k),
            "who" | "which" | "that" | "it" | "this" | "also" | "then" | "and" | "but" | "has" | "had"
        )
    }

    /// A determiner or a count, which opens a description.
    fn opens_description(&self, k: usize) -> bool {
        matches!(
            self.words.lw(k),
            "the"
                | "a"
                | "an"
                | "one"
                | "two"
                | "three"
                | "some"
                | "several"
                | "many"
                | "other"
                | "his"
                | "her"
                | "its"
                | "their"
        )
    }

    /// "he" or "she" as the nearest person named before byte `before` in the document; "they",
    /// "we", "I" as themselves (no entity).
    fn pronoun(&self, k: usize, before: u32) -> Option<Speaker> {
        let w = self.words;
        let entity = match w.lw(k) {
            "he" | "she" => {
                let at = before.min(w.spans[k].start);
                self.mentions
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= at && m.label == Label::Person)
                    .map(|m| m.entity_id.clone())
            }
            "they" | "we" | "i" => None,
            _ => return None,
        };
        Some(Speaker { first: k, last: k, entity, named: false })
    }

    /// The quotation mark starting at token `k`, as one string: a mark token, or two
    /// apostrophes side by side ('' as some papers write quotations; the tokenizer keeps them
    /// apart).
    fn mark_text(&self, k: usize) -> Option<&str> {
        let t = self.words.w(k);
        if self.two_apostrophes(k) {
            return Some("''");
        }
        en::quotation_mark(t).then_some(t)
    }

    /// The last token of the mark starting at `k` (two apostrophes are two tokens).
    fn mark_end(&self, k: usize) -> usize {
        if self.two_apostrophes(k) {
            k + 1
        } else {
            k
        }
    }

    /// Are tokens `k` and `k + 1` two apostrophes side by side?
    fn two_apostrophes(&self, k: usize) -> bool {
        let w = self.words;
        matches!(w.w(k), "'" | "’") && matches!(w.w(k + 1), "'" | "’") && w.spans[k].end == w.spans[k + 1].start
    }

    /// Is the token before the opening mark at `o` the start of a clause (the sentence's start,
    /// a colon, a dash)?
    fn opens_clause(&self, o: usize) -> bool {
        o == 0 || matches!(self.words.w(o - 1), ":" | "—" | "--" | "-")
    }

    #[allow(clippy::too_many_arguments)]
    fn quote(
        &self,
        first: usize,
        last: usize,
        kind: QuoteKind,
        s: Speaker,
        cue: usize,
        cue_last: usize,
        rule: &'static str,
    ) -> Quote {
        let w = self.words;
        let confidence = match (kind, s.named, s.entity.is_some()) {
            (QuoteKind::Direct, true, _) => 0.9,
            (QuoteKind::Direct, false, true) => 0.8,
            (QuoteKind::Mixed, true, _) => 0.8,
            (QuoteKind::Indirect, true, _) => 0.7,
            _ => 0.6,
        };
        Quote {
            sentence: self.sentence,
            span: Span { start: w.spans[first].start, end: w.spans[last].end },
            last_sentence: self.sentence,
            kind,
            speaker: Span { start: w.spans[s.first].start, end: w.spans[s.last].end },
            speaker_entity: s.entity,
            cue: Span { start: w.spans[cue].start, end: w.spans[cue_last].end },
            confidence,
            rule,
        }
    }
}

/// A verb of speech in its base form, as it follows "will" or "would": "he will argue".
fn speech_base(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "tell"
            | "argue"
            | "add"
            | "insist"
            | "warn"
            | "claim"
            | "explain"
            | "note"
            | "write"
            | "declare"
            | "state"
            | "ask"
            | "admit"
            | "acknowledge"
            | "concede"
            | "announce"
            | "reply"
            | "respond"
            | "suggest"
            | "predict"
            | "promise"
            | "urge"
            | "vow"
            | "stress"
            | "emphasise"
            | "emphasize"
            | "tweet"
    )
}

/// A mark that may open a quotation (the doubled apostrophe too: some papers write ''...'').
fn opens(w: &str) -> bool {
    matches!(w, "\"" | "“" | "«" | "„" | "``" | "''")
}

/// A mark that may close one.
fn closes(w: &str) -> bool {
    matches!(w, "\"" | "”" | "»" | "''")
}

/// Does the quotation whose closing mark runs from token `c` to `end` end its clause (the
/// sentence's end or a final period)?
fn closes_clause(w: &Words<'_>, c: usize, end: usize) -> bool {
    end + 1 >= w.len() || matches!(w.w(end + 1), "." | "!" | "?") || matches!(w.w(c - 1), "." | "!" | "?")
}

/// The last word of the sentence, before its final punctuation.
fn last_word(w: &Words<'_>) -> Option<usize> {
    (0..w.len()).rev().find(|&k| w.w(k).starts_with(char::is_alphanumeric))
}

/// The kinds of entity a quotation is attributed to.
fn speaks(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Norp)
}

#[cfg(test)]
mod tests;
