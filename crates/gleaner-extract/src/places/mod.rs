//! Places on the map: the gazetteer (GeoNames' countries, first-level divisions and populated
//! places, `gazetteer.tsv`) and [`locate`], which reads a document's place names against it.
//!
//! A name the gazetteer knows may name several places ("Paris" in France and in Texas,
//! "Georgia" the country and the state, "Washington" the capital and the state). The document
//! decides, as a reader does: a country or division written right after the name ("Paris,
//! Texas"), the countries the document names elsewhere and where its other places lie, then
//! the size of the place (population, a capital before another town of its name) as the prior.
//! A demonym gets its country ("Afghan" carries AF).

use std::collections::HashMap;
use std::sync::OnceLock;

use gleaner_ingest::{lang, Document};
use xxhash_rust::xxh3::xxh3_64;

use crate::{gazetteer_id, Label, Mention};

/// The places, one a line: see `build_gazetteer.py` and `README.md` for the columns, the source
/// (GeoNames, CC BY 4.0; Natural Earth) and the command that rebuilds it.
pub const GAZETTEER: &str = include_str!("gazetteer.tsv");

/// What kind of place a gazetteer row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A country (GeoNames' PCLI and the like).
    Country,
    /// A first-level division: a state, province, region.
    Admin1,
    /// A populated place: a city, town.
    City,
    /// A country's capital.
    Capital,
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id.
    pub geonames_id: u32,
    /// Country, division or town.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: &'static str,
    /// Name of its first-level division (a division's own name); `None` for a country.
    pub admin1: Option<&'static str>,
    /// GeoNames' code of its first-level division (`TX`); empty for a country.
    pub admin1_code: &'static str,
    /// People living there (a division: the sum of its places of 1,000 or more).
    pub population: u64,
    /// Latitude, WGS84.
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    pub lon: Option<f64>,
    /// GeoNames' name.
    pub name: &'static str,
}

/// The gazetteer, loaded once.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// (xxh3 of a name's [`key`], place), sorted: every name of every place, 16 bytes each (a
    /// map of strings took 40 MB more).
    by_name: Vec<(u64, u32)>,
    countries: HashMap<&'static str, u32>,
    divisions: HashMap<(&'static str, &'static str), u32>,
}

/// The form names are looked up by: the catalog's ([`crate::normalize_name`]: lower case,
/// curly apostrophes straight, white space collapsed), a leading "the" dropped.
pub fn key(name: &str) -> String {
    let n = crate::normalize_name(name);
    match n.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => n,
    }
}

impl Gazetteer {
    /// The gazetteer of [`GAZETTEER`], parsed at first use.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    fn parse(text: &'static str) -> Gazetteer {
        let mut places = Vec::new();
        let mut names: Vec<(&'static str, &'static str)> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [id, kind, country, admin1_code, population, lat, lon, name, others] = f[..] else { continue };
            let (Ok(geonames_id), Ok(population)) = (id.parse(), population.parse()) else { continue };
            let kind = match kind {
                "C" => Kind::Country,
                "A" => Kind::Admin1,
                "PC" => Kind::Capital,
                _ => Kind::City,
            };
            places.push(Place {
                geonames_id,
                kind,
                country,
                admin1: None,
                admin1_code,
                population,
                lat: lat.parse().ok(),
                lon: lon.parse().ok(),
                name,
            });
            names.push((name, others));
        }
        let mut divisions: HashMap<(&'static str, &'static str), u32> = HashMap::new();
        let mut countries = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            match p.kind {
                Kind::Admin1 => {
                    divisions.insert((p.country, p.admin1_code), i as u32);
                }
                Kind::Country => {
                    countries.insert(p.country, i as u32);
                }
                _ => {}
            }
        }
        let names_of: Vec<&'static str> = places.iter().map(|p| p.name).collect();
        for p in &mut places {
            if p.kind != Kind::Country {
                p.admin1 = divisions.get(&(p.country, p.admin1_code)).map(|&i| names_of[i as usize]);
            }
        }
        let mut by_name: Vec<(u64, u32)> = Vec::with_capacity(names.len() * 4);
        for (i, (name, others)) in names.into_iter().enumerate() {
            for n in std::iter::once(name).chain(others.split('|').filter(|s| !s.is_empty())) {
                by_name.push((xxh3_64(key(n).as_bytes()), i as u32));
            }
        }
        by_name.sort_unstable();
        by_name.dedup();
        by_name.shrink_to_fit();
        Gazetteer { places, by_name, countries, divisions }
    }

    /// The places a name may name, in the gazetteer's order.
    pub fn named(&self, name: &str) -> impl Iterator<Item = &Place> + '_ {
        let h = xxh3_64(key(name).as_bytes());
        let from = self.by_name.partition_point(|&(k, _)| k < h);
        self.by_name[from..].iter().take_while(move |&&(k, _)| k == h).map(|&(_, i)| &self.places[i as usize])
    }

    /// A first-level division by its country's code and GeoNames' code (`"US"`, `"WA"`).
    pub fn division(&self, country: &str, code: &str) -> Option<&Place> {
        self.divisions.get(&(country, code)).map(|&i| &self.places[i as usize])
    }

    /// A country by its ISO 3166-1 alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&Place> {
        self.countries.get(code).map(|&i| &self.places[i as usize])
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when it holds no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// A country or division written right after a name ("Paris, Texas", "Kabul, Afghanistan"):
/// where the name lies.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Within {
    Country(&'static str),
    Division(&'static str, &'static str),
}

impl Within {
    /// Could a place of this kind lie in it (a town in a division; a town or division in a
    /// country)? Else the comma was a list's ("England, Wales and Northern Ireland").
    fn fits(self, kind: Kind) -> bool {
        match self {
            Within::Country(_) => kind != Kind::Country,
            Within::Division(..) => matches!(kind, Kind::City | Kind::Capital),
        }
    }

    fn holds(self, p: &Place) -> bool {
        match self {
            Within::Country(c) => p.country == c && p.kind != Kind::Country,
            Within::Division(c, a) => p.country == c && p.admin1_code == a && p.kind != Kind::Admin1,
        }
    }
}

/// The name written after a comma that may say where a place lies: every country and division
/// of that name ("Punjab" is in India and in Pakistan; "Georgia" a country and a state), and
/// whether the text goes on as a list does ("London, Singapore, Bangkok and Kuala Lumpur").
#[derive(Clone, Debug, Default)]
struct Container {
    options: Vec<Within>,
    list_like: bool,
}

impl Container {
    fn holds(&self, p: &Place) -> bool {
        self.options.iter().any(|w| w.holds(p))
    }

    fn fits(&self, kind: Kind) -> bool {
        self.options.iter().any(|w| w.fits(kind))
    }
}

/// The container written after `end`: a comma, then a state's abbreviation ("Vancouver,
/// Wash.") or one to three capitalized words that name countries or first-level divisions
/// (not a demonym or direction word: "In Berlin, German officials", "In Seoul, North Korea's").
fn within_after(gaz: &'static Gazetteer, doc: &Document, end: usize) -> Option<Container> {
    let rest = doc.text.get(end..)?;
    let rest = rest.strip_prefix(',')?;
    let rest = rest.trim_start_matches([' ', '\n']);
    // The first three words of `rest`, as byte ranges.
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(3);
    let mut pos = 0;
    for w in rest.split([' ', '\n']).take(3) {
        spans.push((pos, pos + w.len()));
        pos += w.len() + 1;
    }
    // Does the text after the first `n` words go on as a list: a comma then a name, or "and" or
    // "or" then a name?
    let list_like = |n: usize| {
        let raw = &rest[..spans[n - 1].1];
        let after = rest[spans[n - 1].1..].trim_start_matches([' ', '\n']);
        let conj = ["and ", "or "].iter().find_map(|c| after.strip_prefix(c));
        let capital = |t: &str| t.trim_start_matches([' ', '\n']).starts_with(|c: char| c.is_uppercase());
        conj.is_some_and(capital) || (raw.ends_with(',') && capital(after))
    };
    let first = rest.get(..spans.first()?.1).unwrap_or("");
    if let Some((country, code)) = lang::en::lists::state_abbreviation(first.trim_end_matches([',', ';', ')'])) {
        let d = gaz.division(country, code)?;
        return Some(Container { options: vec![Within::Division(d.country, d.admin1_code)], list_like: list_like(1) });
    }
    for n in (1..=spans.len()).rev() {
        let phrase = rest[..spans[n - 1].1].trim_end_matches(|c: char| !c.is_alphanumeric());
        if !phrase.starts_with(|c: char| c.is_uppercase())
            || lang::en::lists::demonym_country(phrase).is_some()
            || phrase.split_whitespace().all(|w| lang::en::direction_word(&w.to_lowercase()))
        {
            continue;
        }
        let mut options: Vec<Within> = Vec::new();
        if let Some(c) = lang::en::lists::country(phrase) {
            options.push(Within::Country(c.code));
        }
        for p in gaz.named(phrase) {
            match p.kind {
                Kind::Country => options.push(Within::Country(p.country)),
                Kind::Admin1 => options.push(Within::Division(p.country, p.admin1_code)),
                _ => {}
            }
        }
        if !options.is_empty() {
            options.dedup();
            return Some(Container { options, list_like: list_like(n) });
        }
    }
    None
}

/// Does the text call the name a division: "Washington state", "Buenos Aires province." (the
/// word then ends the phrase, or a function word follows: not "Georgia state television"), "the
/// state of Washington", "the province of Quebec"?
fn called_division(doc: &Document, start: usize, end: usize) -> bool {
    const WORDS: [&str; 2] = ["state", "province"];
    const THEN: [&str; 16] = [
        "on", "in", "at", "and", "or", "is", "was", "has", "had", "for", "to", "of", "which", "where", "said",
        "officials",
    ];
    let after = doc.text.get(end..).unwrap_or("").trim_start_matches(' ');
    let mut words = after.split(' ');
    let next = words.next().unwrap_or("");
    let bare = next.trim_end_matches(|c: char| !c.is_alphabetic());
    let ends = bare.len() < next.len() || words.next().is_none_or(|w| THEN.contains(&w) || w.is_empty());
    let before = doc.text.get(..start).unwrap_or("").trim_end_matches(' ');
    let before = before.strip_suffix("of").map(|b| b.trim_end_matches(' '));
    let previous = before.and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next()).unwrap_or("");
    (WORDS.contains(&bare) && ends) || WORDS.contains(&previous)
}

/// What the document says of one name: where it lies, and whether it is called a division.
#[derive(Clone, Debug, Default)]
struct Evidence {
    within: Option<Container>,
    division: bool,
}

/// How likely `p` is the place meant among `all` the places its name may name: the log of its
/// population as the prior, a capital before another town of its name, a division below a town
/// inside it of its name ("New York", "Quebec": news means the city unless it says "state"),
/// its own name over another place's other name, then the document's evidence.
fn score(p: &Place, all: &[&Place], name_key: &str, ev: &Evidence, countries: &HashMap<&str, u32>) -> f64 {
    let mut s = (1.0 + p.population as f64).ln();
    match p.kind {
        Kind::Capital => s += 3.0,
        Kind::Admin1 => {
            s -= 1.5;
            let town_inside = all.iter().any(|q| {
                matches!(q.kind, Kind::City | Kind::Capital) && q.country == p.country && q.admin1_code == p.admin1_code
            });
            if ev.division {
                s += 30.0;
            } else if town_inside {
                s -= 5.0;
            }
        }
        _ => {}
    }
    if key(p.name) == name_key {
        s += 2.0;
    }
    if let Some(&n) = countries.get(p.country) {
        s += 3.0 + (n.min(5) as f64 - 1.0) * 0.25;
    }
    s
}

/// Puts the document's places on the map. Each GPE or LOC entity of `mentions` whose name the
/// gazetteer knows gets the place the document means ([`Mention::place`]; a FAC never); its id then
/// derives from the GeoNames id (a country's from its ISO code), so the place has one id in
/// every document and corpus whatever it is called. Each NORP demonym of one country gets that
/// country. Runs after the mentions are clustered; changes no span.
pub fn locate(doc: &Document, mentions: &mut [Mention]) {
    let gaz = Gazetteer::get();
    // The entities to place, in the order first met, with their mentions.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut countries: HashMap<&'static str, u32> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        match m.label {
            Label::Gpe | Label::Loc | Label::Fac => {
                let g = *index.entry(m.entity_id.as_str()).or_insert_with(|| {
                    groups.push((i, Vec::new()));
                    groups.len() - 1
                });
                groups[g].1.push(i);
            }
            _ => {}
        }
    }
    // Pass 1: countries, and what each other name could be. A name of the lexicon's regions,
    // seas and rivers is never a town, whatever town a gazetteer gives its name.
    let mut chosen: Vec<Option<&'static Place>> = vec![None; groups.len()];
    let mut candidates: Vec<Vec<&'static Place>> = vec![Vec::new(); groups.len()];
    let mut evidence: Vec<Evidence> = vec![Evidence::default(); groups.len()];
    for (g, (first, members)) in groups.iter().enumerate() {
        let m = &mentions[*first];
        if let Some(c) = lang::en::lists::country(&m.name).filter(|_| m.label != Label::Fac) {
            chosen[g] = gaz.country(c.code);
            *countries.entry(c.code).or_default() += members.len() as u32;
            continue;
        }
        // A facility is never a town or division of the gazetteer ("Heathrow", "Hyde Park").
        if m.label == Label::Fac {
            continue;
        }
        if let Some((country, code)) =
            lang::en::lists::state_abbreviation(m.name.trim()).filter(|_| m.label == Label::Gpe)
        {
            chosen[g] = gaz.division(country, code);
            continue;
        }
        if m.name.split_whitespace().all(|w| lang::en::direction_word(&w.to_lowercase()))
            || crate::entities::is_region(&m.name)
        {
            continue;
        }
        candidates[g].extend(gaz.named(&m.name));
        let fits = |w: &Container| candidates[g].iter().any(|p| w.fits(p.kind));
        evidence[g] = Evidence {
            within: members.iter().find_map(|&i| within_after(gaz, doc, mentions[i].span.end as usize)).filter(fits),
            division: members.iter().any(|&i| {
                let span = mentions[i].span;
                called_division(doc, span.start as usize, span.end as usize)
            }),
        };
    }
    // Pass 2: each name in the light of the countries named, of its demonyms ("Georgian") and of
    // the other names that can be only one place (a town only in Texas is evidence for the
    // United States).
    let mut context = countries;
    for m in mentions.iter().filter(|m| m.label == Label::Norp) {
        if let Some(c) = lang::en::lists::demonym_country(&m.name) {
            *context.entry(c).or_default() += 1;
        }
    }
    // A region (LOC) is no town: the gazetteer may hold a town of its name elsewhere ("Asia",
    // a town of the Philippines by another of its names; "Potomac", a town of Maryland). It is
    // placed only at a country, a division or a city of 100,000 people or more of that very
    // name, in a country the document names ("Crimea" in a story naming Ukraine).
    let named = context.clone();
    for (g, (first, _)) in groups.iter().enumerate() {
        let m = &mentions[*first];
        if m.label == Label::Loc {
            let name_key = key(&m.name);
            candidates[g].retain(|p| {
                let big = matches!(p.kind, Kind::Country | Kind::Admin1) || p.population >= 100_000;
                big && named.contains_key(p.country) && key(p.name) == name_key
            });
        }
    }
    for (g, c) in candidates.iter().enumerate() {
        if chosen[g].is_none() {
            if let Some(p) = c.first().filter(|p| c.iter().all(|q| q.country == p.country)) {
                *context.entry(p.country).or_default() += 1;
            }
        }
    }
    for g in 0..groups.len() {
        if chosen[g].is_some() || candidates[g].is_empty() {
            continue;
        }
        let name_key = key(&mentions[groups[g].0].name);
        let all = &candidates[g];
        let ev = &evidence[g];
        // Written in a country or division none of its places is in: a list ("London,
        // Singapore and Kuala Lumpur"), or a town the gazetteer lacks ("Kingston, Penn."), which
        // is better left off the map than put at a namesake.
        let contained = ev.within.as_ref().filter(|w| all.iter().any(|p| w.holds(p)));
        if ev.within.as_ref().is_some_and(|w| !w.list_like) && contained.is_none() {
            continue;
        }
        chosen[g] = all
            .iter()
            .copied()
            .filter(|p| contained.is_none_or(|w| w.holds(p)))
            .map(|p| (score(p, all, &name_key, ev, &context), p))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.geonames_id.cmp(&a.1.geonames_id)))
            .map(|(_, p)| p);
    }
    for (g, (_, members)) in groups.iter().enumerate() {
        let Some(p) = chosen[g] else { continue };
        for &i in members {
            let m = &mut mentions[i];
            m.place = Some(p);
            // A country, division or city is a GPE (OntoNotes), whatever the tagger called it:
            // one place, one label, one id.
            if m.label == Label::Loc {
                m.label = Label::Gpe;
                m.rule = Some("gazetteer_place");
            }
            m.entity_id = match p.kind {
                Kind::Country => gazetteer_id(m.label.as_str(), "iso", p.country),
                _ => gazetteer_id(m.label.as_str(), "geonames", &p.geonames_id.to_string()),
            };
            // One name wherever it is placed: GeoNames' ("Washington" for "Washington, D.C.",
            // "New York City" for "New York"), as a country's is.
            p.name.clone_into(&mut m.name);
        }
    }
    for m in mentions.iter_mut().filter(|m| m.label == Label::Norp) {
        m.place = lang::en::lists::demonym_country(&m.name).and_then(|c| gaz.country(c));
    }
}

#[cfg(test)]
mod tests;
