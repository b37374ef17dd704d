//! Closed word lists the segmenter and tokenizer need: abbreviations and sentence starters.
//!
//! These are general facts of English orthography, not of any corpus.

/// Titles written before a name; followed by a capitalized word they never end a sentence.
const PREPOSITIVE: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Ft", "Gen", "Gov", "Hon", "Insp",
    "Lieut", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Mx", "Pres", "Prof", "Pvt", "Rep",
    "Reps", "Rev", "Sen", "Sens", "Sgt", "St", "Supt",
];

/// Abbreviations that only precede a number ("No. 5", "p. 55"); elsewhere they are words.
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "N°", "Nº", "no", "nos", "p", "pp", "vol", "vols", "Vol", "fig", "Fig", "figs", "art", "Art", "sec",
    "Sec", "ch", "Ch", "para", "ed", "op", "nr", "tel", "Tel", "ref", "Ref",
];

/// Other abbreviations: they end a sentence only when a typical sentence starter follows. (The
/// abbreviations of months and weekdays are read from [`crate::lang::en`].)
const GENERAL: &[&str] = &[
    "al", "approx", "assn", "ave", "blvd", "bros", "ca", "cf", "co", "corp", "dept", "est", "etc", "hwy", "inc", "jr",
    "llc", "ltd", "max", "min", "plc", "rd", "sr", "univ", "vs", "ala", "ariz", "ark", "calif", "colo", "conn", "fla",
    "ga", "ill", "kan", "ky", "md", "mich", "minn", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
    "wis", "wyo", "dist", "govt", "intl", "natl",
];

/// Capitalized words that typically open an English sentence. After an ambiguous abbreviation
/// ("the U.S. The company ..." against "the U.S. Government"), one of these means a new sentence.
/// Coordinators and linking prepositions (And, Or, Nor, To, Of) are left out on purpose: after an
/// abbreviation they mostly join a noun phrase ("the U.S. And Japan" in wire copy).
const STARTERS: &[&str] = &[
    "A", "According", "After", "All", "Also", "Although", "An", "Another", "As", "At", "Because", "Before", "Both",
    "But", "By", "Despite", "During", "Each", "Earlier", "Even", "Every", "For", "From", "He", "Her", "Here", "His",
    "How", "However", "I", "If", "In", "Indeed", "Instead", "It", "Its", "It's", "Last", "Later", "Many", "Meanwhile",
    "More", "Moreover", "Most", "Much", "My", "Neither", "Next", "No", "Not", "Now", "On", "One", "Only", "Other",
    "Others", "Our", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These",
    "They", "This", "Those", "Though", "Thus", "Today", "Under", "Until", "We", "What", "When", "Where", "Whether",
    "Which", "While", "Who", "Why", "With", "Yet", "Yesterday", "You", "Your",
];

/// True for a title abbreviation such as `Dr` (without its period).
pub(crate) fn is_prepositive(word: &str) -> bool {
    PREPOSITIVE.contains(&word)
}

/// True for an abbreviation that precedes numbers, such as `No` or `pp`.
pub(crate) fn is_before_number(word: &str) -> bool {
    BEFORE_NUMBER.contains(&word)
}

/// True for a general abbreviation such as `Co`, `Inc`, `etc`, `Calif`, `Aug`, `Tues` (any case).
pub(crate) fn is_general(word: &str) -> bool {
    use crate::lang::en::{MONTHS, WEEKDAYS, WEEKDAY_SHORT_FORMS};
    let is = |a: &&str| a.eq_ignore_ascii_case(word);
    word.len() <= 6
        && (GENERAL.iter().any(is)
            || MONTHS.iter().chain(&WEEKDAYS).any(|(_, short)| short.iter().any(is))
            || WEEKDAY_SHORT_FORMS.iter().any(|(a, _)| is(a)))
}

/// True for a letters-and-dots abbreviation such as `U.S`, `U.S.A`, `a.m`, `Ph.D`, `e.g`.
pub(crate) fn is_dotted(word: &str) -> bool {
    let mut pieces = 0;
    for piece in word.split('.') {
        if piece.is_empty() || piece.len() > 3 || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// True for a single capital letter (an initial: `E` in "Jonas E. Smith").
pub(crate) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// True when `word` (without its final period) is any kind of abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    is_prepositive(word) || is_before_number(word) || is_general(word) || is_dotted(word) || is_initial(word)
}

/// True for the body of a state's abbreviation ([`super::lists::STATE_ABBREVIATIONS`]: `Mass`, `Miss`,
/// `Calif`), read after a comma ("Seattle, Wash."), where its period is no sentence end.
pub(crate) fn is_state_after_comma(word: &str) -> bool {
    static STATES: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    let states = STATES.get_or_init(|| {
        super::lists::STATE_ABBREVIATIONS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next()?.trim().strip_suffix('.'))
            .filter(|body| !body.contains('.'))
            .collect()
    });
    states.contains(word)
}

/// True when `word` typically starts a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_abbreviations() {
        for w in ["U.S", "U.S.A", "a.m", "Ph.D", "e.g", "U.N"] {
            assert!(is_dotted(w), "{w}");
        }
        for w in ["Jane.Doe", "example.com", "1.5", "U..S", "US"] {
            assert!(!is_dotted(w), "{w}");
        }
    }

    #[test]
    fn lists_are_sorted_enough_to_review() {
        assert!(is_prepositive("Dr") && !is_prepositive("dr"));
        assert!(is_general("Inc") && is_general("inc") && !is_general("Lisbon"));
        assert!(is_general("Sept") && is_general("Thurs") && is_general("Sun") && !is_general("May"));
        assert!(is_initial("E") && !is_initial("e") && !is_initial("EU"));
        assert!(is_starter("The") && !is_starter("Government"));
    }
}
