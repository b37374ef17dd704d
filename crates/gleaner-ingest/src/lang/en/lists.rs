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
/// Words that make a place non-political (LOC), facility words (FAC) and event words (EVENT).
pub const PLACE_WORDS: &str = include_str!("lists/place_words.txt");
