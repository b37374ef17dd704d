//! English: the calendar and clock words every stage reads (months, weekdays, time zones), the
//! qualifier phrases that bound an amount ("at least", "nearly", "more than") and the killing
//! verbs; in [`time`] the words of time (units, seasons, holidays, tense markers); in
//! [`numbers`] number words, currencies, units of measure and what happened to what is
//! counted; in [`lists`] the gazetteers and the words around names (titles, given names). General
//! facts of the language, one copy each; lookups take the lower-case word.

pub mod events;
pub mod lists;
pub mod numbers;
pub(crate) mod orthography;
pub mod time;

/// The months: full name and the abbreviations in use (with or without a final period).
pub const MONTHS: [(&str, &[&str]); 12] = [
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// The weekdays, Monday first: full name and the abbreviations safe in running text ("Mon",
/// "Wed", "Sat" and "Sun" are too often a word or a name; see [`WEEKDAY_SHORT_FORMS`]).
pub const WEEKDAYS: [(&str, &[&str]); 7] = [
    ("monday", &[]),
    ("tuesday", &["tue", "tues"]),
    ("wednesday", &["weds"]),
    ("thursday", &["thu", "thur", "thurs"]),
    ("friday", &["fri"]),
    ("saturday", &[]),
    ("sunday", &[]),
];

/// Abbreviations of weekdays that are also words or names ("mon", "wed", "sat", "sun"): never
/// weekdays in running text, but abbreviations to the sentence segmenter ("Sun." ends no
/// sentence before a date). A metadata date reads any cut of a weekday ([`weekday_prefix`]).
pub const WEEKDAY_SHORT_FORMS: [(&str, u32); 4] = [("mon", 1), ("wed", 3), ("sat", 6), ("sun", 7)];

/// Month number (1-12) of a month name or abbreviation, lower case, a final period allowed
/// ("aug."). A `match` for speed (the extractors ask it of most tokens); a test checks it reads
/// exactly the forms of [`MONTHS`].
pub fn month(lw: &str) -> Option<u32> {
    Some(match lw.strip_suffix('.').unwrap_or(lw) {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Month number of a month written in full, abbreviated, or cut after three letters or more
/// ("sept", "octob"): the lenient reading of a metadata date field, any case.
pub fn month_prefix(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    month(&w).or_else(|| MONTHS.iter().position(|(full, _)| full.starts_with(w.as_str())).map(|i| i as u32 + 1))
}

/// ISO weekday number (Monday 1 … Sunday 7) of a weekday name or of an abbreviation of
/// [`WEEKDAYS`], lower case, a final period allowed. A `match` for speed; a test checks it reads
/// exactly the forms of [`WEEKDAYS`].
pub fn weekday(lw: &str) -> Option<u32> {
    Some(match lw.strip_suffix('.').unwrap_or(lw) {
        "monday" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "weds" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// ISO weekday number of a weekday written in full or cut after three letters or more ("wed",
/// "thurs"), any case, a final comma or period allowed: the lenient reading of a metadata field.
pub fn weekday_prefix(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    WEEKDAYS.iter().position(|(full, _)| full.starts_with(w.as_str())).map(|i| i as u32 + 1)
}

/// A time zone abbreviation: its letters (lower case), its offset from UTC in minutes, and
/// whether it is read after a clock time in running text ("10 a.m. EST"). The others are
/// English words or abbreviations too ("west", "wet", "ist", "sgt") and count only in a
/// metadata date, where a zone is expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    /// Lower-case abbreviation.
    pub name: &'static str,
    /// Offset from UTC, in minutes.
    pub utc_offset: i16,
    /// Read in running text, after a clock time.
    pub in_text: bool,
}

const fn zone(name: &'static str, hours: f32, in_text: bool) -> Zone {
    Zone { name, utc_offset: (hours * 60.0) as i16, in_text }
}

/// Time zone abbreviations.
pub const TIME_ZONES: &[Zone] = &[
    zone("utc", 0.0, true),
    zone("gmt", 0.0, true),
    zone("ut", 0.0, false),
    zone("z", 0.0, false),
    zone("est", -5.0, true),
    zone("edt", -4.0, true),
    zone("cst", -6.0, true),
    zone("cdt", -5.0, true),
    zone("mst", -7.0, true),
    zone("mdt", -6.0, true),
    zone("pst", -8.0, true),
    zone("pdt", -7.0, true),
    zone("akst", -9.0, false),
    zone("akdt", -8.0, false),
    zone("hst", -10.0, false),
    zone("bst", 1.0, true),
    zone("ist", 5.5, false),
    zone("cet", 1.0, true),
    zone("cest", 2.0, false),
    zone("eet", 2.0, false),
    zone("eest", 3.0, false),
    zone("wet", 0.0, false),
    zone("west", 1.0, false),
    zone("msk", 3.0, false),
    zone("jst", 9.0, false),
    zone("kst", 9.0, false),
    zone("hkt", 8.0, false),
    zone("sgt", 8.0, false),
    zone("aest", 10.0, false),
    zone("aedt", 11.0, false),
    zone("awst", 8.0, false),
    zone("nzst", 12.0, false),
    zone("nzdt", 13.0, false),
];

/// The zone of a lower-case abbreviation.
pub fn time_zone(lw: &str) -> Option<&'static Zone> {
    // Every abbreviation is 1 to 4 letters: a longer word is none, before any search.
    if lw.len() > 4 {
        return None;
    }
    TIME_ZONES.iter().find(|z| z.name == lw)
}

/// Is this lower-case token a time zone read after a clock time in running text ("EST", "GMT")?
/// A token as the tokenizer leaves it: "EST." at a sentence's end keeps its period, and
/// "EST/0100" (two zones, or a zone and a time) is read up to the slash.
pub fn text_time_zone(lw: &str) -> bool {
    if lw.len() > 12 {
        return false;
    }
    let lw = &lw[..lw.bytes().position(|b| b == b'/').unwrap_or(lw.len())];
    let lw = lw.strip_suffix('.').unwrap_or(lw);
    time_zone(lw).is_some_and(|z| z.in_text)
}

// ---- qualifiers

/// How a qualifier phrase before an amount bounds it ("at least 13", "nearly 20 years").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// "at least", "no fewer than", "a minimum of".
    AtLeast,
    /// "more than", "over", "above", "exceeding".
    MoreThan,
    /// "at most", "up to", "no more than".
    AtMost,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "about", "around", "nearly", "some", "an estimated".
    Approx,
    /// "nearly", "almost", "just under": approximately, from below.
    ApproxBelow,
    /// "equals", "exactly".
    Exact,
    /// "between": a range follows.
    Between,
    /// "from": a range may follow.
    From,
}

/// Qualifier phrases, longest first, as lower-case word sequences.
pub const QUALIFIERS: &[(&[&str], Bound)] = &[
    (&["less", "than", "or", "equal", "to"], Bound::AtMost),
    (&["more", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["greater", "than", "or", "equal", "to"], Bound::AtLeast),
    (&["equal", "to", "or", "less", "than"], Bound::AtMost),
    (&["equal", "to", "or", "more", "than"], Bound::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Bound::AtLeast),
    (&["at", "least", "or", "equal", "to"], Bound::AtLeast),
    (&["smaller", "or", "equal", "than"], Bound::AtMost),
    (&["less", "or", "equal", "than"], Bound::AtMost),
    (&["lower", "or", "equal", "than"], Bound::AtMost),
    (&["higher", "or", "equal", "than"], Bound::AtLeast),
    (&["greater", "or", "equal", "than"], Bound::AtLeast),
    (&["larger", "or", "equal", "than"], Bound::AtLeast),
    (&["well", "more", "than"], Bound::MoreThan),
    (&["well", "over"], Bound::MoreThan),
    (&["a", "little", "more", "than"], Bound::MoreThan),
    (&["slightly", "more", "than"], Bound::MoreThan),
    (&["just", "over"], Bound::MoreThan),
    (&["just", "under"], Bound::ApproxBelow),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["not", "less", "than"], Bound::AtLeast),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "few", "as"], Bound::Approx),
    (&["upwards", "of"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["close", "to"], Bound::ApproxBelow),
    (&["more", "than"], Bound::MoreThan),
    (&["greater", "than"], Bound::MoreThan),
    (&["larger", "than"], Bound::MoreThan),
    (&["higher", "than"], Bound::MoreThan),
    (&["bigger", "than"], Bound::MoreThan),
    (&["less", "than"], Bound::LessThan),
    (&["fewer", "than"], Bound::LessThan),
    (&["smaller", "than"], Bound::LessThan),
    (&["lower", "than"], Bound::LessThan),
    (&["at", "least"], Bound::AtLeast),
    (&["at", "most"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    (&["equal", "to"], Bound::Exact),
    (&["equals", "to"], Bound::Exact),
    (&["an", "estimated"], Bound::Approx),
    (&["some"], Bound::Approx),
    (&["about"], Bound::Approx),
    (&["around"], Bound::Approx),
    (&["roughly"], Bound::Approx),
    (&["approximately"], Bound::Approx),
    (&["approx."], Bound::Approx),
    (&["circa"], Bound::Approx),
    (&["nearly"], Bound::ApproxBelow),
    (&["almost"], Bound::ApproxBelow),
    (&["over"], Bound::MoreThan),
    (&["above"], Bound::MoreThan),
    (&["exceeding"], Bound::MoreThan),
    (&["exceed"], Bound::MoreThan),
    (&["exceeds"], Bound::MoreThan),
    (&["surpass"], Bound::MoreThan),
    (&["surpassing"], Bound::MoreThan),
    (&["under"], Bound::LessThan),
    (&["below"], Bound::LessThan),
    (&["equals"], Bound::Exact),
    (&["exactly"], Bound::Exact),
    (&["between"], Bound::Between),
    (&["from"], Bound::From),
    (&[">="], Bound::AtLeast),
    (&["<="], Bound::AtMost),
    (&[">"], Bound::MoreThan),
    (&["<"], Bound::LessThan),
];

/// The qualifier phrase written from a word on (`word(k)`: the lower-case word `k` places
/// after it, "" past the end), the longest that matches, with what it means: what numbers and
/// dates both read ("at least 13", "nearly 20 years").
pub fn qualifier_at<'w>(word: impl Fn(usize) -> &'w str) -> Option<(&'static [&'static str], Bound)> {
    if !opens_qualifier(word(0)) {
        return None;
    }
    QUALIFIERS
        .iter()
        .find(|(phrase, _)| phrase.iter().enumerate().all(|(k, p)| word(k) == *p))
        .map(|&(phrase, bound)| (phrase, bound))
}

/// Words of a qualifier phrase that compare rather than bound: "higher than 5%" bounds an amount,
/// but "higher than a year ago" compares with a time, it does not approximate it.
pub const COMPARATIVES: &[&str] =
    &["greater", "higher", "larger", "bigger", "lower", "smaller", "above", "below", "exceeding", "exceed", "exceeds"];

/// Does a qualifier phrase compare (see [`COMPARATIVES`])?
pub fn compares(phrase: &[&str]) -> bool {
    phrase.iter().any(|w| COMPARATIVES.contains(w))
}

/// Is `w` (lower case) the first word of a phrase of [`QUALIFIERS`]? A fast gate before the
/// phrase list is searched (a test checks it against the list).
pub fn opens_qualifier(w: &str) -> bool {
    matches!(
        w,
        "less"
            | "more"
            | "greater"
            | "equal"
            | "equals"
            | "at"
            | "smaller"
            | "lower"
            | "higher"
            | "larger"
            | "well"
            | "a"
            | "slightly"
            | "just"
            | "no"
            | "not"
            | "as"
            | "upwards"
            | "in"
            | "close"
            | "fewer"
            | "bigger"
            | "up"
            | "an"
            | "some"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "approx."
            | "circa"
            | "nearly"
            | "almost"
            | "over"
            | "above"
            | "exceeding"
            | "exceed"
            | "exceeds"
            | "surpass"
            | "surpassing"
            | "under"
            | "below"
            | "exactly"
            | "between"
            | "from"
            | ">="
            | "<="
            | ">"
            | "<"
    )
}

// ---- killing

/// A verb of killing and its forms. `fatal`: the act always ends a life ("killed", "beheaded"),
/// so a count it follows is a count of dead ("13 were executed"); the others may not ("five
/// were shot", "two stabbed": killed or wounded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KillingVerb {
    /// "kill".
    pub base: &'static str,
    /// "kills".
    pub third: &'static str,
    /// "killed" (simple past).
    pub past: &'static str,
    /// "killed" (past participle; "slain" for "slay").
    pub participle: &'static str,
    /// "killing".
    pub gerund: &'static str,
    /// The act always ends a life.
    pub fatal: bool,
}

const fn kv(
    base: &'static str,
    third: &'static str,
    past: &'static str,
    participle: &'static str,
    gerund: &'static str,
    fatal: bool,
) -> KillingVerb {
    KillingVerb { base, third, past, participle, gerund, fatal }
}

/// The verbs of killing one person or many, as the relations ("X shot Y", "Y was killed by X")
/// and the counts of dead ("13 killed") read them.
pub const KILLING_VERBS: &[KillingVerb] = &[
    kv("kill", "kills", "killed", "killed", "killing", true),
    kv("murder", "murders", "murdered", "murdered", "murdering", true),
    kv("assassinate", "assassinates", "assassinated", "assassinated", "assassinating", true),
    kv("execute", "executes", "executed", "executed", "executing", true),
    kv("slay", "slays", "slew", "slain", "slaying", true),
    kv("behead", "beheads", "beheaded", "beheaded", "beheading", true),
    kv("massacre", "massacres", "massacred", "massacred", "massacring", true),
    kv("shoot", "shoots", "shot", "shot", "shooting", false),
    kv("stab", "stabs", "stabbed", "stabbed", "stabbing", false),
    kv("strangle", "strangles", "strangled", "strangled", "strangling", false),
    kv("poison", "poisons", "poisoned", "poisoned", "poisoning", false),
];

/// The killing verb whose past, participle or third-person form `lw` is: what a clause of
/// killing uses, active or passive ("X shot Y", "X kills Y", "Y was slain by X").
pub fn killing_verb_finite(lw: &str) -> Option<&'static KillingVerb> {
    KILLING_VERBS.iter().find(|v| v.past == lw || v.participle == lw || v.third == lw)
}

/// Does `lw` tell that what a count counts died ("13 killed", "killing 13", "two people were
/// executed", "deaths")? The past, participle or -ing form of a fatal killing verb (not the base
/// or third-person form, which are nouns too: "attempted murders", "massacres"; but "kill" and
/// "kills", seldom nouns), or a word of dying.
pub fn says_died(lw: &str) -> bool {
    KILLING_VERBS.iter().any(|v| v.fatal && (v.past == lw || v.participle == lw || v.gerund == lw))
        || matches!(lw, "kill" | "kills" | "dead" | "died" | "die" | "dies" | "perished" | "deaths" | "fatalities")
}

/// Is `w` (lower case) a verb that takes someone's words as its object, quoted after it ("called
/// Burma a “good news story”", "is describing the tweet as “unhinged”", "cited “Miss Piggy”")?
pub fn quoting_verb(w: &str) -> bool {
    matches!(
        w,
        "called"
            | "calls"
            | "calling"
            | "described"
            | "describes"
            | "describing"
            | "denounced"
            | "denouncing"
            | "claimed"
            | "claiming"
            | "claims"
            | "accused"
            | "accusing"
            | "cited"
            | "citing"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "branded"
            | "blasted"
            | "slammed"
            | "criticized"
            | "criticised"
            | "hailed"
            | "termed"
            | "praised"
            | "mocked"
            | "defended"
            | "referred"
            | "vowing"
            | "promising"
            | "insisting"
            | "arguing"
            | "warning"
            | "saying"
    )
}

/// Is `w` (lower case) a verb that reports speech or writing ("said", "told", "tweeted"), in a
/// form news uses after a quotation or before one: past, present third person, or base.
pub fn speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "tweeted"
            | "tweets"
            | "posted"
            | "stated"
            | "states"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "argued"
            | "argues"
            | "insisted"
            | "insists"
            | "warned"
            | "warns"
            | "declared"
            | "declares"
            | "claimed"
            | "claims"
            | "replied"
            | "replies"
            | "continued"
            | "recalled"
            | "recalls"
            | "acknowledged"
            | "admitted"
            | "admits"
            | "announced"
            | "announces"
            | "answered"
            | "commented"
            | "conceded"
            | "concedes"
            | "confirmed"
            | "contended"
            | "cautioned"
            | "emphasized"
            | "stressed"
            | "predicted"
            | "promised"
            | "remarked"
            | "responded"
            | "suggested"
            | "suggests"
            | "testified"
            | "vowed"
            | "urged"
            | "joked"
            | "quipped"
            | "shouted"
            | "yelled"
            | "mused"
            | "complained"
            | "boasted"
            | "pledged"
            | "reiterated"
            | "observed"
            | "wondered"
            | "acknowledges"
    )
}

/// Is `w` a double quotation mark as the tokenizer keeps it (straight, curly, guillemet, or
/// the doubled backquote and apostrophe of wire copy)?
pub fn quotation_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»" | "„" | "``" | "''")
}

/// A word of direction or position that names a part of anything ("West", "Central",
/// "Northern", "Upper"): a name made only of them is no place to look up on a map, whatever
/// town a gazetteer gives that name.
pub fn direction_word(lw: &str) -> bool {
    matches!(
        lw,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
            | "central"
            | "middle"
            | "mid"
            | "upper"
            | "lower"
            | "inner"
            | "outer"
            | "greater"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_lookups_read_exactly_the_forms_of_the_tables() {
        // Every word of 3 to 9 letters made of the tables' letters, and a few others: the match
        // and the table agree on each.
        let table_month = |w: &str| {
            let w = w.strip_suffix('.').unwrap_or(w);
            MONTHS.iter().position(|(f, s)| *f == w || s.contains(&w)).map(|i| i as u32 + 1)
        };
        let table_weekday = |w: &str| {
            let w = w.strip_suffix('.').unwrap_or(w);
            WEEKDAYS.iter().position(|(f, s)| *f == w || s.contains(&w)).map(|i| i as u32 + 1)
        };
        let mut words: Vec<String> = Vec::new();
        for (full, short) in MONTHS.iter().chain(&WEEKDAYS) {
            for w in std::iter::once(full).chain(short.iter()) {
                words.push(w.to_string());
                words.push(format!("{w}."));
                words.push(w[..w.len() - 1].to_string());
            }
        }
        words.extend(["mon", "sun", "wed", "sat", "decade", "marc", "", "."].map(String::from));
        for w in &words {
            assert_eq!(month(w), table_month(w), "month {w}");
            assert_eq!(weekday(w), table_weekday(w), "weekday {w}");
        }
        assert!(TIME_ZONES.iter().all(|z| z.name.len() <= 4));
    }

    #[test]
    fn months_and_weekdays_read_every_listed_form_and_nothing_else() {
        for (i, (full, short)) in MONTHS.iter().enumerate() {
            assert_eq!(month(full), Some(i as u32 + 1));
            for s in *short {
                assert_eq!(month(s), Some(i as u32 + 1));
                assert_eq!(month(&format!("{s}.")), Some(i as u32 + 1));
            }
        }
        for (i, (full, short)) in WEEKDAYS.iter().enumerate() {
            assert_eq!(weekday(full), Some(i as u32 + 1));
            for s in *short {
                assert_eq!(weekday(s), Some(i as u32 + 1));
            }
        }
        for w in ["ma", "marc", "mon", "sun", "wed", "sat", "junes", "decade", ""] {
            assert_eq!((month(w), weekday(w)), (None, None), "{w}");
        }
        assert_eq!((month_prefix("Octob."), month_prefix("SEPT"), month_prefix("oc")), (Some(10), Some(9), None));
        assert_eq!((weekday_prefix("Wed,"), weekday_prefix("thurs"), weekday_prefix("th")), (Some(3), Some(4), None));
    }

    #[test]
    fn the_qualifier_gate_opens_on_exactly_the_first_words_of_the_phrases() {
        for (phrase, _) in QUALIFIERS {
            assert!(opens_qualifier(phrase[0]), "{phrase:?}");
        }
        let firsts: Vec<&str> = QUALIFIERS.iter().map(|(p, _)| p[0]).collect();
        for w in ["less", "nearly", "from", "<", "said", "the", "twenty", "", "exactly"] {
            assert_eq!(opens_qualifier(w), firsts.contains(&w), "{w}");
        }
        // Longest first: a phrase never follows one it starts with.
        for (i, (a, _)) in QUALIFIERS.iter().enumerate() {
            for (b, _) in &QUALIFIERS[..i] {
                assert!(!(a.len() > b.len() && a.starts_with(b)), "{a:?} after {b:?}");
            }
        }
    }

    #[test]
    fn killing_verbs_read_their_forms() {
        assert_eq!(killing_verb_finite("slain").map(|v| v.base), Some("slay"));
        assert_eq!(killing_verb_finite("shoots").map(|v| v.fatal), Some(false));
        assert!(killing_verb_finite("killing").is_none() && killing_verb_finite("shoot").is_none());
        assert!(says_died("beheaded") && says_died("deaths") && says_died("kills") && !says_died("shot"));
        assert!(says_died("murdering") && !says_died("murders") && !says_died("massacres"));
    }

    #[test]
    fn zones_are_unique_and_the_running_text_ones_are_not_words() {
        let mut names: Vec<&str> = TIME_ZONES.iter().map(|z| z.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TIME_ZONES.len());
        assert!(text_time_zone("est") && text_time_zone("gmt") && text_time_zone("est.") && text_time_zone("est/0100"));
        assert!(!text_time_zone("west") && !text_time_zone("wet") && time_zone("west").is_some());
        assert_eq!(time_zone("ist").map(|z| z.utc_offset), Some(330));
    }
}
