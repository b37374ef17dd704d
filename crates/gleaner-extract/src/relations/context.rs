//! One sentence as the relation extractor reads it: the shared token buffers ([`Words`]), the
//! entity mentions found in it with their token ranges, and each token's word cluster.

use gleaner_ingest::Span;

use crate::words::Words;
use crate::{Label, Mention};

/// A mention of the sentence, by token range.
#[derive(Clone, Debug)]
pub(crate) struct Arg<'e> {
    pub(crate) label: Label,
    pub(crate) entity_id: &'e str,
    pub(crate) span: Span,
    /// Tokens `[first, end)` of the sentence.
    pub(crate) first: usize,
    pub(crate) end: usize,
}

/// The tokens and mentions of one sentence.
pub(crate) struct Ctx<'w, 'd, 'e> {
    pub(crate) w: &'w Words<'d>,
    pub(crate) args: Vec<Arg<'e>>,
    /// Byte span of the sentence.
    pub(crate) sentence: Span,
    /// Word-cluster path of each token (0: none); filled only when pairs will be scored.
    clusters: Vec<u32>,
    /// What the lexicons know each mention as (0 neither, 1 a country, 2 a state or city); filled
    /// only when pairs will be scored.
    places: Vec<u8>,
    /// For each token, the first mention starting at it and the first ending just before it
    /// (`u32::MAX`: none): lookups in constant time, however many mentions a sentence holds.
    starting: Vec<u32>,
    ending: Vec<u32>,
}

impl<'w, 'd, 'e> Ctx<'w, 'd, 'e> {
    /// Reads the mentions inside the sentence loaded in `w` (`mentions` sorted by position).
    pub(crate) fn new(
        w: &'w Words<'d>,
        sentence: Span,
        mentions: &'e [&'e Mention],
        clusters: Option<&crate::linear::Clusters>,
    ) -> Ctx<'w, 'd, 'e> {
        let mut args = Vec::with_capacity(mentions.len());
        for m in mentions {
            let first = w.spans.partition_point(|s| s.start < m.span.start);
            let end = w.spans.partition_point(|s| s.end <= m.span.end);
            if first < end {
                args.push(Arg { label: m.label, entity_id: &m.entity_id, span: m.span, first, end });
            }
        }
        let (clusters, places) = if args.len() >= 2 {
            let place = |a: &Arg| {
                let words = || w.surface[a.first..a.end].iter().copied();
                if crate::entities::is_country(words()) {
                    1
                } else if crate::entities::is_country_or_state(words()) {
                    2
                } else {
                    0
                }
            };
            let cluster = |i: usize| clusters.map_or(0, |c| crate::entities::cluster_of(c, w.lw(i)));
            ((0..w.len()).map(cluster).collect(), args.iter().map(place).collect())
        } else {
            (Vec::new(), Vec::new())
        };
        let (mut starting, mut ending) = (vec![u32::MAX; w.len() + 1], vec![u32::MAX; w.len() + 1]);
        for (k, a) in args.iter().enumerate().rev() {
            starting[a.first] = k as u32;
            ending[a.end] = k as u32;
        }
        Ctx { w, args, sentence, clusters, places, starting, ending }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.w.len()
    }

    /// Lower-case token `i` ("" outside the sentence).
    pub(crate) fn lw(&self, i: usize) -> &str {
        self.w.lw(i)
    }

    /// Surface forms of tokens `[a, b)`.
    pub(crate) fn surface(&self, a: usize, b: usize) -> &[&'d str] {
        &self.w.surface[a..b]
    }

    /// Byte span of token `i`.
    pub(crate) fn span(&self, i: usize) -> Span {
        self.w.spans[i]
    }

    /// Word-cluster path of token `i` (0: none, or outside the sentence).
    pub(crate) fn cluster(&self, i: usize) -> u32 {
        self.clusters.get(i).copied().unwrap_or(0)
    }

    /// What the lexicons know mention `a` as: 0 neither, 1 a country, 2 a state or city (0 when
    /// the sentence has fewer than two mentions).
    pub(crate) fn place_class(&self, a: usize) -> u8 {
        self.places.get(a).copied().unwrap_or(0)
    }

    /// The (first) mention starting at token `i`, if any.
    pub(crate) fn arg_at(&self, i: usize) -> Option<usize> {
        self.starting.get(i).filter(|&&k| k != u32::MAX).map(|&k| k as usize)
    }

    /// The (first) mention ending just before token `i` (its last token is `i - 1`), if any.
    pub(crate) fn arg_ending(&self, i: usize) -> Option<usize> {
        self.ending.get(i).filter(|&&k| k != u32::MAX).map(|&k| k as usize)
    }

    /// The mentions that start at or after token `from` and before token `to`: a range of
    /// `args`, which are in order of position.
    pub(crate) fn args_starting_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let lo = self.args.partition_point(|a| a.first < from);
        let hi = self.args.partition_point(|a| a.first < to).max(lo);
        lo..hi
    }

    /// Is token `i` a possessive ending?
    pub(crate) fn possessive(&self, i: usize) -> bool {
        matches!(self.lw(i), "'s" | "'")
    }
}
