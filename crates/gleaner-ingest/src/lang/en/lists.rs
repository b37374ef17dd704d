//! Closed lists of names and name words, one entry a line (`#` starts a comment): the
//! gazetteers (countries, cities and states, regions, nationalities and groups, well-known
//! organizations) and the words around names (titles, organization words, given names, place
//! words). The entity tagger's lexicon reads them.

/// Abbreviations of US states, Canadian provinces and Australian states as news style writes them
pub const STATE_ABBREVIATIONS: &str = include_str!("lists/state_abbreviations.txt");
/// Demonyms of states, present and past (NORP), singular and plural: "a Turkish official" is
pub const NATIONALITIES: &str = include_str!("lists/nationalities.txt");
/// Sovereign states and common short forms (GPE).
pub const COUNTRIES: &str = include_str!("lists/countries.txt");
/// Capitals, large and often-reported cities, states and provinces (GPE).
pub const CITIES: &str = include_str!("lists/cities.txt");
/// Non-political places: continents, world regions, seas, mountains, rivers (LOC).
pub const REGIONS: &str = include_str!("lists/regions.txt");
/// Peoples, religions and political or ideological groups (NORP), singular and plural: names a
pub const GROUPS: &str = include_str!("lists/groups.txt");
/// Well-known organizations (ORG): international bodies, alliances, armed and political movements,
pub const ORGANIZATIONS: &str = include_str!("lists/organizations.txt");
/// Titles and honorifics that stand before a name and are not part of a PERSON.
pub const TITLES: &str = include_str!("lists/titles.txt");
/// Words that end or head organization names.
pub const ORG_WORDS: &str = include_str!("lists/org_words.txt");
/// Common given names (a feature of the tagger, never a label by itself).
pub const FIRST_NAMES: &str = include_str!("lists/first_names.txt");
/// Given names of the CoNLL-2003 training split's person names (derived: `build_given_names.py`);
/// read by the joins of names across documents, not by the tagger (whose features were trained
/// with `FIRST_NAMES`).
pub const GIVEN_NAMES: &str = include_str!("lists/given_names.txt");
/// Named diseases and pathogens (MISC), case as written: "AIDS", "COVID-19".
pub const DISEASES: &str = include_str!("lists/diseases.txt");
/// Words that make a place non-political (LOC), facility words (FAC) and event words (EVENT).
pub const PLACE_WORDS: &str = include_str!("lists/place_words.txt");

/// Every country (ISO 3166-1 alpha-2 code, GeoNames id, GeoNames' English name) and the other
/// names news gives them, from GeoNames (CC BY 4.0): see `lists/README.md`.
pub const COUNTRY_CODES: &str = include_str!("lists/country_codes.tsv");

/// A country, as [`country`] finds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code: `US`.
    pub code: &'static str,
    /// The GeoNames id of the country: 6252001.
    pub geonames_id: u32,
    /// GeoNames' English name: "United States".
    pub name: &'static str,
}

/// The form a country's name is looked up by: lower case, periods dropped, white space
/// collapsed, a leading "the" dropped ("the U.S." and "US" are "us").
fn country_key(name: &str) -> String {
    let lower = name.to_lowercase().replace('.', "").replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = if words.first() == Some(&"the") { &words[1..] } else { &words[..] };
    words.join(" ")
}

/// The country a name names ("U.S.", "the United States", "Burma"), if it is one of
/// [`COUNTRY_CODES`].
pub fn country(name: &str) -> Option<Country> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_NAME: OnceLock<HashMap<String, Country>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut ids = HashMap::new();
        let mut names = HashMap::new();
        let rows: Vec<(&str, &str, &str, bool)> = COUNTRY_CODES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?, f.next()?, f.next() == Some("ambiguous")))
            })
            .collect();
        for &(code, id, name, _) in &rows {
            if let Ok(id) = id.parse::<u32>() {
                ids.insert(code, (id, name));
            }
        }
        // An ambiguous name ("Georgia", also a US state) names the country but is not looked up.
        for &(code, _, name, _) in rows.iter().filter(|r| !r.3) {
            if let Some(&(geonames_id, official)) = ids.get(code) {
                names.insert(country_key(name), Country { code, geonames_id, name: official });
            }
        }
        names
    });
    by_name.get(&country_key(name)).copied()
}

/// The state or province a news-style abbreviation names ("Wash.", "Calif.", "Ont."): its
/// country's ISO code and GeoNames' first-level code (`("US", "WA")`).
pub fn state_abbreviation(word: &str) -> Option<(&'static str, &'static str)> {
    STATE_ABBREVIATIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(abbreviation, _)| *abbreviation == word)
        .and_then(|(_, code)| code.trim().split_once('.'))
}

/// Demonyms of one present-day country with its ISO 3166-1 alpha-2 code ("Afghan", `AF`).
pub const DEMONYMS: &str = include_str!("lists/demonyms.tsv");

/// The country whose people a demonym names ("Afghan", "Afghans", "South African"), as its ISO
/// 3166-1 alpha-2 code; `None` for a word of no one country ("Arab", "Kurdish", "Korean").
pub fn demonym_country(word: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_WORD: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let by_word = BY_WORD.get_or_init(|| {
        DEMONYMS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, code)| (w.to_lowercase(), code.trim()))
            .collect()
    });
    let key = word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    by_word.get(&key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_found_by_any_of_their_names() {
        for name in ["United States", "the U.S.", "US", "U.S.A.", "United States of America", "the States"] {
            let c = country(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((c.code, c.geonames_id, c.name), ("US", 6252001, "United States"));
        }
        assert_eq!(country("Burma").map(|c| c.code), Some("MM"));
        assert_eq!(country("Côte d’Ivoire").map(|c| c.code), Some("CI"));
        assert_eq!(country("Britain").map(|c| c.name), Some("United Kingdom"));
        // Names of more than one place, or of none, are no country.
        for name in ["America", "Korea", "Congo", "Georgia", "Paris"] {
            assert_eq!(country(name), None, "{name}");
        }
    }

    #[test]
    fn state_abbreviations_name_their_state() {
        assert_eq!(state_abbreviation("Wash."), Some(("US", "WA")));
        assert_eq!(state_abbreviation("Ont."), Some(("CA", "08")));
        assert_eq!(state_abbreviation("Wash"), None);
        // Every abbreviation has its code.
        for line in STATE_ABBREVIATIONS.lines().filter(|l| !l.starts_with('#')) {
            let word = line.split('\t').next().unwrap();
            assert!(state_abbreviation(word).is_some(), "{line}");
        }
    }

    #[test]
    fn demonyms_name_one_country_or_none() {
        assert_eq!(demonym_country("Afghan"), Some("AF"));
        assert_eq!(demonym_country("SOUTH\nAfrican"), Some("ZA"));
        assert_eq!(demonym_country("Britons"), Some("GB"));
        assert_eq!(demonym_country("North Korean"), Some("KP"));
        for word in ["Arab", "Kurdish", "Korean", "Paris"] {
            assert_eq!(demonym_country(word), None, "{word}");
        }
        // Every code is a country of country_codes.tsv.
        for line in DEMONYMS.lines().filter(|l| !l.starts_with('#')) {
            let code = line.split('\t').nth(1).unwrap();
            assert!(COUNTRY_CODES.lines().any(|l| l.starts_with(&format!("{code}\t"))), "{line}");
        }
    }
}
