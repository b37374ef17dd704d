//! Lexicons of general facts: countries, cities and states, world regions, nationalities and
//! religious or political groups, titles, organization words, given names, and the words that make
//! a place a landform, a facility or an event. They feed the tagger as features and split CoNLL's
//! LOC into GPE/LOC/FAC and MISC into NORP/EVENT/LANGUAGE/MISC.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use gleaner_ingest::lang::en;

use crate::hash::{mix, word_hash};
use crate::linear::IdBuild;
use crate::Label;

/// Gazetteer categories: countries, cities and states, regions, nationalities, organizations.
pub(crate) const GAZ_CATEGORIES: usize = 5;
const COUNTRY: usize = 0;
const CITY: usize = 1;
const REGION: usize = 2;
const NATIONALITY: usize = 3;
const ORGANIZATION: usize = 4;

/// What a head word makes of a place or a MISC name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeadKind {
    Loc,
    Fac,
    Event,
    Language,
}

/// All lexicons, keyed by the hash of lower-case forms.
#[derive(Debug)]
pub(crate) struct Lexicons {
    gaz: HashMap<u64, u32, IdBuild>,
    /// Hashes of every proper prefix of a gazetteer entry (to stop matching early).
    gaz_prefixes: HashSet<u64, IdBuild>,
    gaz_max: usize,
    titles: HashSet<u64, IdBuild>,
    /// Named diseases, by their exact form.
    diseases: HashSet<&'static str>,
    multi_titles: Vec<Vec<String>>,
    org_words: HashSet<u64, IdBuild>,
    first_names: HashSet<u64, IdBuild>,
    /// `first_names` and the given names of `lists::GIVEN_NAMES` (not a tagger feature).
    given_names: HashSet<u64, IdBuild>,
    heads: HashMap<u64, HeadKind, IdBuild>,
    /// Demonyms of states only (nationalities.txt), not peoples or religions (groups.txt).
    demonyms: HashSet<u64, IdBuild>,
    /// News-style state abbreviations ("Calif."): states for the relation rules, not for the tagger.
    state_abbreviations: HashSet<u64, IdBuild>,
}

/// Last words of place names that are never a person's surname.
const PLACE_NOT_SURNAME: &[&str] = &[
    "Square", "Airport", "Stadium", "Cathedral", "Mosque", "District", "Province", "County", "Parish", "Prefecture",
    "Municipality", "Township", "River", "Ocean", "Peninsula", "Strait", "Desert", "Gulf", "Canal", "Plateau", "Basin",
    "Islands", "Mountains",
];

/// Last words of place names that no organization's name ends in (not "County": "Derby County"
/// is a football club; not "District" or "Province": school districts, "Western Province" the
/// rugby side, armed groups named for a province; not "Airport" or "Stadium", which name their
/// operators too).
const PLACE_NOT_ORG: &[&str] = &[
    "Square", "Parish", "Prefecture", "Township", "River", "Ocean", "Peninsula", "Strait", "Desert", "Gulf", "Canal",
    "Plateau", "Basin", "Islands", "Mountains",
];

/// Last words of organization names that are never a person's surname (not "Church", "Post",
/// "Court", "Bank" or "Press").
const ORG_NOT_SURNAME: &[&str] = &[
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Company", "Ltd", "Ltd.", "LLC", "PLC", "Plc", "AG", "GmbH",
    "Holdings", "Association", "Institute", "Foundation", "Federation", "Council", "Committee", "Commission", "Agency",
    "Bureau", "Department", "Ministry", "Party", "Brigade", "Battalion", "Movement", "Organization", "Organisation",
    "University", "Academy", "Parliament", "Assembly", "Administration", "Airlines", "Airways", "Corps",
];

fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The form the tagger keys words by (lexicons, clusters, history): lower case, curly apostrophes
/// folded, digits as `0`.
pub fn key_form(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c == '’' {
                '\''
            } else if c.is_ascii_digit() {
                '0'
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Hash of a token sequence's lower-case forms.
pub(crate) fn seq_hash(lowers: impl IntoIterator<Item = u64>) -> u64 {
    lowers.into_iter().fold(0x5EED, mix)
}

impl Lexicons {
    /// The lexicons, built once per process.
    pub(crate) fn get() -> &'static Lexicons {
        static LEX: OnceLock<Lexicons> = OnceLock::new();
        LEX.get_or_init(Lexicons::build)
    }

    fn build() -> Lexicons {
        let mut lex = Lexicons {
            gaz: HashMap::default(),
            gaz_prefixes: HashSet::default(),
            gaz_max: 0,
            titles: HashSet::default(),
            diseases: entries(en::lists::DISEASES).collect(),
            multi_titles: Vec::new(),
            org_words: HashSet::default(),
            first_names: HashSet::default(),
            given_names: HashSet::default(),
            heads: HashMap::default(),
            demonyms: HashSet::default(),
            state_abbreviations: HashSet::default(),
        };
        for entry in entries(en::lists::STATE_ABBREVIATIONS) {
            let abbreviation = entry.split('\t').next().unwrap_or(entry);
            lex.state_abbreviations.insert(word_hash(&key_form(abbreviation)));
        }
        for entry in entries(en::lists::NATIONALITIES) {
            lex.demonyms.insert(word_hash(&key_form(entry)));
        }
        let lists = [
            (COUNTRY, en::lists::COUNTRIES),
            (CITY, en::lists::CITIES),
            (REGION, en::lists::REGIONS),
            (NATIONALITY, en::lists::NATIONALITIES),
            (NATIONALITY, en::lists::GROUPS),
            (ORGANIZATION, en::lists::ORGANIZATIONS),
        ];
        for (cat, text) in lists {
            for entry in entries(text) {
                let words: Vec<u64> = entry.split_whitespace().map(|w| word_hash(&key_form(w))).collect();
                lex.gaz_max = lex.gaz_max.max(words.len());
                for k in 1..words.len() {
                    lex.gaz_prefixes.insert(seq_hash(words[..k].iter().copied()));
                }
                *lex.gaz.entry(seq_hash(words)).or_default() |= 1 << cat;
            }
        }
        for entry in entries(en::lists::TITLES) {
            let words: Vec<String> = entry.split_whitespace().map(key_form).collect();
            if words.len() == 1 {
                lex.titles.insert(word_hash(&words[0]));
            } else {
                lex.multi_titles.push(words);
            }
        }
        lex.multi_titles.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for entry in entries(en::lists::ORG_WORDS) {
            lex.org_words.insert(word_hash(&key_form(entry)));
        }
        for entry in entries(en::lists::FIRST_NAMES) {
            lex.first_names.insert(word_hash(&key_form(entry)));
        }
        lex.given_names.clone_from(&lex.first_names);
        for entry in entries(en::lists::GIVEN_NAMES) {
            lex.given_names.insert(word_hash(&key_form(entry)));
        }
        for entry in entries(en::lists::PLACE_WORDS) {
            let (kind, word) = entry.split_once(' ').unwrap_or(("", entry));
            let kind = match kind {
                "LOC" => HeadKind::Loc,
                "FAC" => HeadKind::Fac,
                "EVENT" => HeadKind::Event,
                _ => HeadKind::Language,
            };
            let words: Vec<u64> = word.split_whitespace().map(|w| word_hash(&key_form(w))).collect();
            lex.heads.insert(seq_hash(words), kind);
        }
        lex
    }

    /// Is `word` the demonym of a state ("Turkish", "Soviet"), as opposed to a people, a religion
    /// or a party?
    pub(crate) fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(&word_hash(&key_form(word)))
    }

    pub(crate) fn is_title(&self, low: u64) -> bool {
        self.titles.contains(&low)
    }

    pub(crate) fn is_org_word(&self, low: u64) -> bool {
        self.org_words.contains(&low)
    }

    pub(crate) fn is_first_name(&self, low: u64) -> bool {
        self.first_names.contains(&low)
    }

    /// A given name of either list (for rules, not the tagger's features).
    pub(crate) fn is_given_name(&self, low: u64) -> bool {
        self.given_names.contains(&low)
    }

    /// Calls `f(token, category, part)` for every token inside a gazetteer match (longest match at
    /// each start; part is 1 begin, 2 inside, 3 last, 4 unit). A match begins and ends on a word
    /// with a capital letter (`capital[i]`): names are written so, "is" is not "IS".
    pub(crate) fn mark_gazetteer(&self, lowers: &[u64], capital: &[bool], mut f: impl FnMut(usize, usize, u8)) {
        for i in 0..lowers.len() {
            let mut h = 0x5EED;
            let mut best: Option<(usize, u32)> = None;
            if !capital[i] {
                continue;
            }
            for (j, &low) in lowers.iter().enumerate().skip(i).take(self.gaz_max) {
                h = mix(h, low);
                if !capital[j] {
                    if !self.gaz_prefixes.contains(&h) {
                        break;
                    }
                    continue;
                }
                if let Some(&cats) = self.gaz.get(&h) {
                    best = Some((j + 1, cats));
                }
                if !self.gaz_prefixes.contains(&h) {
                    break;
                }
            }
            if let Some((end, cats)) = best {
                for cat in 0..GAZ_CATEGORIES {
                    if cats & (1 << cat) == 0 {
                        continue;
                    }
                    for k in i..end {
                        let part = if end - i == 1 {
                            4
                        } else if k == i {
                            1
                        } else if k + 1 == end {
                            3
                        } else {
                            2
                        };
                        f(k, cat, part);
                    }
                }
            }
        }
    }

    /// Gazetteer categories of a one-word entry (by the hash of its key form).
    pub(crate) fn word_categories(&self, low: u64) -> u32 {
        self.gaz.get(&seq_hash([low])).copied().unwrap_or(0)
    }

    /// Is the whole name a country, city, state or province?
    pub(crate) fn is_known_gpe(&self, words: &[&str]) -> bool {
        self.categories(words) & ((1 << COUNTRY) | (1 << CITY)) != 0 || self.is_state_abbreviation(words)
    }

    /// "Calif.", "N.Y." (as one token or with the final period split off).
    fn is_state_abbreviation(&self, words: &[&str]) -> bool {
        let joined: String = words.concat();
        let dotted = if joined.ends_with('.') { joined } else { format!("{joined}.") };
        self.state_abbreviations.contains(&word_hash(&key_form(&dotted)))
    }

    /// Is the whole name a region, sea, mountain range or river of the lexicon and no country or
    /// city ("Asia", "Pacific", "Gulf")?
    pub(crate) fn is_region(&self, words: &[&str]) -> bool {
        let cats = self.categories(words);
        cats & (1 << REGION) != 0 && cats & ((1 << COUNTRY) | (1 << CITY)) == 0
    }

    /// Is the whole name a country?
    pub(crate) fn is_country(&self, words: &[&str]) -> bool {
        self.categories(words) & (1 << COUNTRY) != 0
    }

    /// Gazetteer categories of a whole name.
    pub(crate) fn categories(&self, words: &[&str]) -> u32 {
        let h = seq_hash(words.iter().map(|w| word_hash(&key_form(w))));
        self.gaz.get(&h).copied().unwrap_or(0)
    }

    fn head(&self, words: &[&str]) -> Option<HeadKind> {
        // The last word, or the last two ("Grand Prix").
        let n = words.len();
        let one = words.last().map(|w| seq_hash([word_hash(&key_form(w))]));
        let two = (n >= 2).then(|| seq_hash(words[n - 2..].iter().map(|w| word_hash(&key_form(w)))));
        two.and_then(|h| self.heads.get(&h)).or_else(|| one.and_then(|h| self.heads.get(&h))).copied()
    }

    /// Is the last word of a multi-word name an organization's head noun ("Stanford University",
    /// "Workers' Party")? The head decides what a name is.
    fn org_head(&self, words: &[&str]) -> bool {
        words.len() >= 2
            && words
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase) && self.is_org_word(word_hash(&key_form(w))))
    }

    fn first_word_kind(&self, words: &[&str]) -> Option<HeadKind> {
        // "Mount Everest", "Lake Victoria", "Gulf of Aden".
        let first = words.first()?;
        let k = self.heads.get(&seq_hash([word_hash(&key_form(first))])).copied()?;
        (k == HeadKind::Loc && words.len() > 1).then_some(k)
    }

    /// The contract label of a name the tagger typed as CoNLL `kind` (0 PER, 1 ORG, 2 LOC, 3 MISC);
    /// `before` is the word in front of it (for "in Pashto").
    pub(crate) fn label(&self, kind: usize, words: &[&str], before: &str) -> Label {
        // A well-known organization is one whatever the tagger's type (a name of 1996 newswire
        // like "Taliban" was typed otherwise then).
        let cats = self.categories(words);
        if cats & (1 << ORGANIZATION) != 0 && cats & !(1 << ORGANIZATION) == 0 {
            return Label::Org;
        }
        // "X-Y" with X a known organization and Y a capitalized name: a branch of X.
        if let [one] = words {
            if let Some((head, tail)) = one.split_once('-') {
                let org = self.word_categories(word_hash(&key_form(head))) == 1 << ORGANIZATION;
                if org && tail.chars().next().is_some_and(char::is_uppercase) && kind != 0 {
                    return Label::Org;
                }
            }
        }
        match kind {
            // A name ending in a word no person's name ends in is a place ("Tiananmen Square",
            // "Cameron Parish", "Dan Sai District"); surnames that are also place words ("Hall",
            // "Temple", "Lake", "Street") are not in the list.
            0 if words.len() >= 2 && words.last().is_some_and(|w| PLACE_NOT_SURNAME.contains(w)) => {
                self.label(2, words, before)
            }
            0 if words.len() >= 2 && words.last().is_some_and(|w| ORG_NOT_SURNAME.contains(w)) => Label::Org,
            0 => Label::Person,
            // An organization's or other name ending in a word only places end in ("Tahrir
            // Square", "Dan Sai District") is the place.
            1 | 3 if words.len() >= 2 && words.last().is_some_and(|w| PLACE_NOT_ORG.contains(w)) => {
                self.label(2, words, before)
            }
            1 => Label::Org,
            2 => {
                let cats = self.categories(words);
                if cats & (1 << REGION) != 0 && cats & ((1 << COUNTRY) | (1 << CITY)) == 0 {
                    return Label::Loc;
                }
                if cats & ((1 << COUNTRY) | (1 << CITY)) != 0 {
                    return Label::Gpe;
                }
                if self.org_head(words) || words.len() >= 2 && words.last().is_some_and(|w| ORG_NOT_SURNAME.contains(w))
                {
                    return Label::Org;
                }
                match self.head(words).or_else(|| self.first_word_kind(words)) {
                    Some(HeadKind::Loc) => Label::Loc,
                    Some(HeadKind::Fac) => Label::Fac,
                    _ => Label::Gpe,
                }
            }
            _ => {
                let cats = self.categories(words);
                let head = self.head(words);
                let before = key_form(before);
                if head == Some(HeadKind::Language)
                    && words.len() == 1
                    && matches!(before.as_str(), "in" | "speak" | "speaks" | "spoke" | "speaking" | "into" | "from")
                {
                    return Label::Language;
                }
                if cats & (1 << NATIONALITY) != 0 {
                    return Label::Norp;
                }
                if head == Some(HeadKind::Event) {
                    return Label::Event;
                }
                if words.len() == 1 && head == Some(HeadKind::Language) {
                    return Label::Norp;
                }
                Label::Misc
            }
        }
    }

    /// The end of an organization's branch named at `words[i..]`: a known organization whose last
    /// word is hyphen-joined to a capitalized name ("Hamas-Gaza", "Islamic State-Sinai Province"),
    /// with the capitalized words that follow.
    pub(crate) fn org_branch(&self, words: &[&str], i: usize) -> Option<usize> {
        if !words[i].starts_with(char::is_uppercase) {
            return None;
        }
        for k in 0..3.min(words.len() - i) {
            let j = i + k;
            let Some((head, tail)) = words[j].split_once('-') else { continue };
            if head.is_empty() || !tail.starts_with(char::is_uppercase) {
                continue;
            }
            let seq = words[i..j].iter().copied().chain(std::iter::once(head));
            let h = seq_hash(seq.map(|w| word_hash(&key_form(w))));
            if self.gaz.get(&h).copied() != Some(1 << ORGANIZATION) {
                continue;
            }
            let mut end = j + 1;
            while end < words.len()
                && words[end].starts_with(char::is_uppercase)
                && words[end].chars().skip(1).all(char::is_lowercase)
                && self.word_categories(word_hash(&key_form(words[end]))) == 0
            {
                end += 1;
            }
            return Some(end);
        }
        None
    }

    /// Is `head` (lower case) a particle written before a hyphen in a name ("al" of "al-Baghdadi")?
    pub(crate) fn is_particle_head(head: &str) -> bool {
        matches!(head, "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an" | "abd" | "abu" | "bin" | "ibn")
    }

    /// Is `lower` (lower case) a particle written apart inside a name ("von der" of "Ursula von
    /// der Leyen", "de la", "bin", "al")?
    pub(crate) fn is_spaced_particle(lower: &str) -> bool {
        matches!(
            lower,
            "bin"
                | "ibn"
                | "bint"
                | "al"
                | "el"
                | "van"
                | "von"
                | "der"
                | "den"
                | "ter"
                | "ten"
                | "zu"
                | "de"
                | "del"
                | "della"
                | "di"
                | "da"
                | "du"
                | "dos"
                | "das"
                | "la"
                | "le"
        )
    }

    /// Is `word` a name particle that carries a surname ("al-Rashid", "bin", "van", "de")?
    pub(crate) fn is_name_particle(word: &str) -> bool {
        let lower = key_form(word);
        let head = lower.split_once('-').map_or(lower.as_str(), |(h, _)| h);
        let hyphenated =
            lower.contains('-') && word.split_once('-').is_some_and(|(_, t)| t.starts_with(char::is_uppercase));
        let particle = Lexicons::is_particle_head(head);
        let spaced = Lexicons::is_spaced_particle(&lower);
        (particle && hyphenated) || spaced
    }

    /// How many leading words of a PERSON name are a title ("President", "Prime Minister").
    pub(crate) fn title_words(&self, words: &[&str]) -> usize {
        let mut n = 0;
        'outer: while n < words.len() {
            let rest = &words[n..];
            for t in &self.multi_titles {
                if rest.len() > t.len() && rest.iter().zip(t).all(|(w, t)| key_form(w) == *t) {
                    n += t.len();
                    continue 'outer;
                }
            }
            if rest.len() > 1 && self.is_title(word_hash(&key_form(rest[0]))) {
                n += 1;
                continue;
            }
            break;
        }
        n
    }

    /// The lexicon category of organizations, as [`Lexicons::mark_gazetteer`] reports it.
    pub(crate) const ORGANIZATION: usize = ORGANIZATION;

    /// Is `word` a named disease or pathogen of the list, written as listed ("COVID-19")?
    pub(crate) fn is_disease(&self, word: &str) -> bool {
        self.diseases.contains(word)
    }

    /// Does a title of several words ("Chief Executive") begin `words`, with a word after it?
    fn multi_title_at(&self, words: &[&str]) -> bool {
        self.multi_titles.iter().any(|t| words.len() > t.len() && words.iter().zip(t).all(|(w, t)| key_form(w) == *t))
    }

    /// A name, a title and a person's name run together into one span ("US President Bill
    /// Clinton", "Black Sea Fleet Commander Eduard Baltin", "Illinois Gov. James Thompson"):
    /// `(k, p)` with the first name `words[..k]` and the person `words[p..]`, the title between.
    /// Only office titles split (not "Saint", "Brother", "General" or "Major", which begin
    /// names); the person is one to four capitalised words that no lexicon knows as a place or
    /// an organization ("U.S. Justice Department" stays whole). A span the tagger read as a
    /// person splits only when its first part is a known place, organization or people
    /// ("Martin Luther King Jr." stays whole).
    pub(crate) fn title_split(&self, words: &[&str], person: bool) -> Option<(usize, usize)> {
        const NOT_SPLITTING: &[&str] = &[
            "saint", "st.", "sister", "brother", "father", "major", "general", "private", "officer", "agent", "miss",
            "lady", "lord", "dame", "sir", "king", "queen", "prince", "princess", "chief", "deputy", "speaker",
            "coach", "dean", "cardinal", "bishop", "pope", "imam", "sheikh", "sheik", "emir",
        ];
        if words.len() < 3 {
            return None;
        }
        // The first title (k, its length t) after a word that begins none; each position's
        // title length is computed once.
        let mut before = self.title_words(words);
        let (k, t) = (1..words.len() - 1).find_map(|k| {
            let t = self.title_words(&words[k..]);
            // "Chief" begins names ("Chief Joseph"), "Chief Executive" is an office.
            let starts = t > 0
                && before == 0
                && (!NOT_SPLITTING.contains(&key_form(words[k]).as_str()) || self.multi_title_at(&words[k..]));
            before = t;
            starts.then_some((k, t))
        })?;
        let p = k + t;
        // Words that qualify the title belong to neither name: "Finance Minister", "Managing
        // Director", "Deputy Foreign Minister".
        const QUALIFIERS: &[&str] = &[
            "acting", "agriculture", "assistant", "associate", "commerce", "defence", "defense", "deputy", "economy",
            "education", "energy", "executive", "finance", "foreign", "former", "health", "home", "industry",
            "interior", "justice", "labor", "labour", "managing", "oil", "senior", "state", "trade", "transport",
            "treasury", "vice",
        ];
        let mut k = k;
        while k > 1 && QUALIFIERS.contains(&key_form(words[k - 1]).as_str()) {
            k -= 1;
        }
        let (left, right) = (&words[..k], &words[p..]);
        let name_word = |w: &&str| {
            w.starts_with(char::is_uppercase) && !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
        };
        let looks_person = (1..=4).contains(&right.len())
            && right.iter().all(name_word)
            && self.categories(right) == 0
            && self.head(right).is_none()
            && !right.iter().any(|w| self.is_org_word(word_hash(&key_form(w))));
        let known = |ws: &[&str]| self.categories(ws) != 0 || ws.len() == 1 && self.is_demonym(ws[0]);
        (looks_person && (!person || known(left))).then_some((k, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diseases_are_read_as_written_and_start_with_a_capital() {
        // The tagger tests the first byte before the list (entities::tag_document).
        let lex = Lexicons::get();
        for e in entries(en::lists::DISEASES) {
            assert!(e.as_bytes()[0].is_ascii_uppercase(), "{e}");
            assert!(lex.is_disease(e), "{e}");
        }
        assert!(lex.is_disease("COVID-19") && !lex.is_disease("aids") && !lex.is_disease("Aids"));
    }

    #[test]
    fn a_title_inside_a_span_splits_it() {
        let lex = Lexicons::get();
        assert_eq!(lex.title_split(&["US", "President", "Bill", "Clinton"], false), Some((1, 2)));
        assert_eq!(lex.title_split(&["IMF", "Managing", "Director", "Ana", "Silva"], false), Some((1, 3)));
        assert_eq!(lex.title_split(&["Illinois", "Gov.", "James", "Thompson"], true), Some((1, 2)));
        assert_eq!(lex.title_split(&["Black", "Sea", "Fleet", "Commander", "Eduard", "Baltin"], false), Some((3, 4)));
        assert_eq!(lex.title_split(&["Martin", "Luther", "King", "Jr."], true), None);
        assert_eq!(lex.title_split(&["Harold", "President", "Smith"], true), None, "a person's own names");
        assert_eq!(lex.title_split(&["U.S.", "Justice", "Department"], false), None);
        assert_eq!(lex.title_split(&["Mount", "St.", "Helens"], false), None);
        assert_eq!(lex.title_split(&["Bank", "of", "England", "Governor"], false), None, "no person after");
    }

    #[test]
    fn places_split_into_gpe_loc_and_fac() {
        let lex = Lexicons::get();
        assert_eq!(lex.label(2, &["Portugal"], ""), Label::Gpe);
        assert_eq!(lex.label(2, &["New", "York", "City"], ""), Label::Gpe);
        assert_eq!(lex.label(2, &["Central", "Asia"], ""), Label::Loc);
        assert_eq!(lex.label(2, &["Zambezi", "River"], ""), Label::Loc);
        assert_eq!(lex.label(2, &["Mount", "Kenya"], ""), Label::Loc);
        assert_eq!(lex.label(2, &["Heathrow", "Airport"], ""), Label::Fac);
        assert_eq!(lex.label(2, &["Springfield"], ""), Label::Gpe, "an unknown place is most likely a GPE");
        assert_eq!(lex.label(2, &["Springfield", "University"], ""), Label::Org, "the head noun decides");
        assert_eq!(lex.label(2, &["Soviet", "Union"], ""), Label::Gpe, "a known country before a head rule");
        assert_eq!(lex.label(3, &["Hezbollah"], ""), Label::Org, "a known organization whatever the tagger said");
    }

    #[test]
    fn misc_splits_into_norp_event_language() {
        let lex = Lexicons::get();
        assert_eq!(lex.label(3, &["Uzbek"], ""), Label::Norp);
        assert_eq!(lex.label(3, &["Shiite"], ""), Label::Norp);
        assert_eq!(lex.label(3, &["World", "Cup"], ""), Label::Event);
        assert_eq!(lex.label(3, &["Arabic"], "in"), Label::Language);
        assert_eq!(lex.label(3, &["French"], "the"), Label::Norp);
        assert_eq!(lex.label(3, &["Windows", "95"], ""), Label::Misc);
    }

    #[test]
    fn branches_of_known_organizations() {
        let lex = Lexicons::get();
        let words = ["the", "Islamic", "State-Sinai", "Province", "said", "Hamas-Gaza", "NATO-led", "Hezbollah"];
        assert_eq!(lex.org_branch(&words, 1), Some(4));
        assert_eq!(lex.org_branch(&words, 5), Some(6));
        assert_eq!(lex.org_branch(&words, 6), None, "a lower-case tail is an adjective");
        assert_eq!(lex.org_branch(&words, 7), None, "no hyphen, no branch");
    }

    #[test]
    fn titles_are_counted_off_the_front() {
        let lex = Lexicons::get();
        assert_eq!(lex.title_words(&["President", "Jane", "Roe"]), 1);
        assert_eq!(lex.title_words(&["Prime", "Minister", "Jane", "Roe"]), 2);
        assert_eq!(lex.title_words(&["Gen.", "Jane", "Roe"]), 1);
        assert_eq!(lex.title_words(&["President"]), 0, "a title alone stays");
        assert_eq!(lex.title_words(&["Jane", "Roe"]), 0);
    }

    #[test]
    fn gazetteer_takes_the_longest_match() {
        let lex = Lexicons::get();
        let words = ["in", "New", "York", "City", "today", "it", "is", "Bosnia", "and", "Herzegovina"];
        let lowers: Vec<u64> = words.iter().map(|w| word_hash(&key_form(w))).collect();
        let capital: Vec<bool> = words.iter().map(|w| w.chars().any(char::is_uppercase)).collect();
        let mut marks = Vec::new();
        lex.mark_gazetteer(&lowers, &capital, |i, cat, part| marks.push((i, cat, part)));
        assert!(marks.contains(&(1, CITY, 1)) && marks.contains(&(2, CITY, 2)) && marks.contains(&(3, CITY, 3)));
        assert!(
            marks.contains(&(7, COUNTRY, 1)) && marks.contains(&(8, COUNTRY, 2)) && marks.contains(&(9, COUNTRY, 3))
        );
        assert!(!marks.iter().any(|m| m.0 == 0 || m.0 == 4 || m.0 == 6), "lower-case words start no match: {marks:?}");
    }
}
