//! BILOU tags over the four CoNLL entity types.
//!
//! Tag 0 is `O`; type `t` (0..4: PER, ORG, LOC, MISC) has `B = 1 + 4t`, `I = 2 + 4t`,
//! `L = 3 + 4t`, `U = 4 + 4t`. BILOU beat IOB for greedy taggers in Ratinov & Roth (2009); a
//! decoder that only takes valid transitions keeps every output well formed.

/// Number of tags.
pub(crate) const N_TAGS: usize = 17;
/// The CoNLL types, in tag order.
pub(crate) const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Position of a token in an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Out,
    Begin,
    Inside,
    Last,
    Unit,
}

pub(crate) fn part(tag: u8) -> Part {
    if tag == 0 {
        return Part::Out;
    }
    match (tag - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    }
}

/// Entity type index of a tag (`None` for `O`).
pub(crate) fn kind(tag: u8) -> Option<usize> {
    (tag != 0).then(|| (tag as usize - 1) / 4)
}

pub(crate) fn tag(kind: usize, part: Part) -> u8 {
    let p = match part {
        Part::Out => return 0,
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + 4 * kind + p) as u8
}

/// May `next` follow `prev` (`None`: sentence start)?
pub(crate) fn allowed(prev: Option<u8>, next: u8) -> bool {
    let open = prev.is_some_and(|p| matches!(part(p), Part::Begin | Part::Inside));
    if open {
        let p = prev.unwrap_or(0);
        kind(next) == kind(p) && matches!(part(next), Part::Inside | Part::Last)
    } else {
        matches!(part(next), Part::Out | Part::Begin | Part::Unit)
    }
}

/// May a sentence end after `tag`?
pub(crate) fn can_end(tag: u8) -> bool {
    !matches!(part(tag), Part::Begin | Part::Inside)
}

/// BILOU tags from per-token entity types (`None`: outside); a change of type, or `starts[i]`,
/// opens a new entity (IOB1's `B-` between two adjacent entities of one type).
pub(crate) fn encode(kinds: &[Option<usize>], starts: &[bool]) -> Vec<u8> {
    let n = kinds.len();
    let mut out = vec![0u8; n];
    let mut i = 0;
    while i < n {
        let Some(k) = kinds[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < n && kinds[j] == Some(k) && !starts[j] {
            j += 1;
        }
        if j - i == 1 {
            out[i] = tag(k, Part::Unit);
        } else {
            out[i] = tag(k, Part::Begin);
            for t in &mut out[i + 1..j - 1] {
                *t = tag(k, Part::Inside);
            }
            out[j - 1] = tag(k, Part::Last);
        }
        i = j;
    }
    out
}

/// Entity spans `(first token, end token, type)` from a well-formed or ill-formed tag sequence
/// (an unterminated entity ends where its run of the same type ends).
pub(crate) fn decode(tags: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    let mut i = 0;
    while i < tags.len() {
        let Some(k) = kind(tags[i]) else {
            i += 1;
            continue;
        };
        if part(tags[i]) == Part::Unit {
            f(i, i + 1, k);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tags.len() && kind(tags[j]) == Some(k) && matches!(part(tags[j]), Part::Inside | Part::Last) {
            j += 1;
            if part(tags[j - 1]) == Part::Last {
                break;
            }
        }
        f(i, j, k);
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_decode_round_trips() {
        let kinds = [Some(0), Some(0), None, Some(1), Some(2), Some(2), Some(2), Some(2)];
        let starts = [false, false, false, false, false, false, true, false];
        let tags = encode(&kinds, &starts);
        let mut spans = Vec::new();
        decode(&tags, |a, b, k| spans.push((a, b, k)));
        assert_eq!(spans, [(0, 2, 0), (3, 4, 1), (4, 6, 2), (6, 8, 2)]);
        let mut prev = None;
        for &t in &tags {
            assert!(allowed(prev, t), "{prev:?} -> {t}");
            prev = Some(t);
        }
        assert!(can_end(*tags.last().unwrap()));
    }

    #[test]
    fn transitions_inside_an_entity_stay_in_its_type() {
        let b_per = tag(0, Part::Begin);
        assert!(allowed(Some(b_per), tag(0, Part::Last)));
        assert!(!allowed(Some(b_per), tag(1, Part::Last)));
        assert!(!allowed(Some(b_per), 0));
        assert!(!allowed(None, tag(0, Part::Inside)));
        assert!(!can_end(b_per));
    }
}
