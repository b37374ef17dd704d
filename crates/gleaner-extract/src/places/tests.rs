use super::*;
use crate::testkit::doc;
use crate::{Extraction, Extractor};

/// The mentions the standard entity extractor gives `text`.
fn mentions(text: &str) -> (Document, Vec<Mention>) {
    let d = doc(text, None);
    let mut out = Extraction::default();
    crate::entities::Entities::shipped().extract(&d, &mut out);
    (d, out.mentions)
}

fn place_of<'a>(d: &Document, ms: &'a [Mention], surface: &str) -> Option<&'a Place> {
    ms.iter().find(|m| d.slice(m.span) == surface).unwrap_or_else(|| panic!("no mention {surface:?} in {ms:?}")).place
}

#[test]
fn the_gazetteer_holds_countries_divisions_and_towns() {
    let g = Gazetteer::get();
    assert!(g.len() > 30_000, "{}", g.len());
    let us = g.country("US").unwrap();
    assert_eq!((us.geonames_id, us.kind, us.name), (6252001, Kind::Country, "United States"));
    let texas = g.named("TEXAS").find(|p| p.kind == Kind::Admin1).unwrap();
    assert_eq!((texas.geonames_id, texas.admin1, texas.country), (4736286, Some("Texas"), "US"));
    // Every place has coordinates on the globe; a town carries its division's name.
    let paris: Vec<&Place> = g.named("Paris").collect();
    assert!(paris.iter().any(|p| p.country == "FR" && p.kind == Kind::Capital && p.admin1 == Some("Île-de-France")));
    assert!(paris.iter().any(|p| p.country == "US" && p.admin1 == Some("Texas")));
    for p in &g.places {
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon), "{p:?}");
        } else {
            assert_ne!(p.kind, Kind::City, "{p:?}");
        }
    }
}

#[test]
fn a_name_is_read_in_the_light_of_its_document() {
    // The prior: the bigger place, the capital.
    let (d, ms) = mentions("Officials met in Paris on Monday to discuss the budget.");
    assert_eq!(place_of(&d, &ms, "Paris").map(|p| p.country), Some("FR"));
    // A division written after the name.
    let (d, ms) = mentions("The storm hit Paris, Texas, on Monday, officials said.");
    let p = place_of(&d, &ms, "Paris").unwrap();
    assert_eq!((p.country, p.admin1), ("US", Some("Texas")));
    // A list is no containment: London is not in Singapore.
    let (d, ms) = mentions("The airline flies to London, Singapore and Kuala Lumpur.");
    assert_eq!(place_of(&d, &ms, "London").map(|p| p.country), Some("GB"));
    // A town the gazetteer lacks, in a state it names, is not put at another town of its name.
    let (d, ms) = mentions("It sold its plant in Cambridge, Texas, on Monday.");
    let cambridge: Vec<&Mention> = ms.iter().filter(|m| d.slice(m.span) == "Cambridge").collect();
    assert!(!cambridge.is_empty() && cambridge.iter().all(|m| m.place.is_none()), "{ms:?}");
    // The countries the document names.
    let (d, ms) = mentions("Researchers in Cambridge said the U.S. study of American schools would end in May.");
    assert_eq!(place_of(&d, &ms, "Cambridge").map(|p| p.country), Some("US"));
    let (d, ms) = mentions("Researchers in Cambridge said the British study of schools in England would end in May.");
    assert_eq!(place_of(&d, &ms, "Cambridge").map(|p| p.country), Some("GB"));
    let (d, ms) = mentions("Police in London arrested two men on Friday, Scotland Yard said.");
    assert_eq!(place_of(&d, &ms, "London").map(|p| p.country), Some("GB"));
}

#[test]
fn places_get_ids_from_geonames_and_demonyms_their_country() {
    let (d, ms) = mentions("The Afghan army moved into Kabul, Afghanistan, on Sunday.");
    let kabul = ms.iter().find(|m| d.slice(m.span) == "Kabul").unwrap();
    assert_eq!(kabul.entity_id, gazetteer_id("GPE", "geonames", "1138958"));
    assert_eq!(kabul.place.map(|p| (p.country, p.kind)), Some(("AF", Kind::Capital)));
    let afghan = ms.iter().find(|m| d.slice(m.span) == "Afghan").unwrap();
    assert_eq!((afghan.label, afghan.place.map(|p| p.country)), (Label::Norp, Some("AF")));
    let country = ms.iter().find(|m| d.slice(m.span) == "Afghanistan").unwrap();
    assert_eq!(country.entity_id, gazetteer_id("GPE", "iso", "AF"));
    // One place, one id, whatever name the story gives it.
    let (d, ms) = mentions("Officials in Peking said the talks would resume.");
    let (e, ns) = mentions("Officials in Beijing said the talks would resume.");
    let peking = ms.iter().find(|m| d.slice(m.span) == "Peking").unwrap();
    let beijing = ns.iter().find(|m| e.slice(m.span) == "Beijing").unwrap();
    assert_eq!((&peking.entity_id, &peking.name), (&beijing.entity_id, &beijing.name));
    assert_eq!(beijing.name, "Beijing");
}

#[test]
fn what_follows_a_comma_is_a_container_only_when_it_can_be() {
    let country = |text: &str, surface: &str| {
        let (d, ms) = mentions(text);
        place_of(&d, &ms, surface).map(|p| p.country)
    };
    // Lists, with commas or "and".
    assert_eq!(
        country("Flights from New York, Washington, Boston and Chicago were cancelled.", "New York"),
        Some("US")
    );
    assert_eq!(country("The airline flies to London, Singapore, Bangkok and Kuala Lumpur.", "London"), Some("GB"));
    // A demonym or a direction word is no container.
    assert_eq!(country("In Berlin, German officials said the talks would go on.", "Berlin"), Some("DE"));
    // A name of several divisions, or of a country and a state: the one the town is in.
    assert_eq!(country("Police in Amritsar, Punjab, said two men were arrested.", "Amritsar"), Some("IN"));
    assert_eq!(country("Protesters gathered in Tbilisi, Georgia, on Sunday.", "Tbilisi"), Some("GE"));
    // A state's abbreviation.
    let (d, ms) = mentions("The bank sold four offices in Vancouver, Wash., on Friday.");
    assert_eq!(place_of(&d, &ms, "Vancouver").map(|p| (p.country, p.admin1_code)), Some(("US", "WA")));
}

#[test]
fn a_division_is_meant_when_the_text_says_so() {
    let (d, ms) = mentions("The plant is in Washington state, the company said on Monday.");
    assert_eq!(place_of(&d, &ms, "Washington").map(|p| p.kind), Some(Kind::Admin1));
    let (d, ms) = mentions("Talks in Washington ended on Monday, the company said.");
    assert_eq!(place_of(&d, &ms, "Washington").map(|p| p.kind), Some(Kind::Capital));
    // "state television" is the state's television, not a state.
    let (d, ms) = mentions("Georgia state television said Russian troops had left Tbilisi.");
    assert_eq!(place_of(&d, &ms, "Georgia").map(|p| p.kind), Some(Kind::Country));
}

#[test]
fn a_region_the_gazetteer_knows_as_a_country_is_a_gpe() {
    // However the tagger labels it, a placed country has one label and one id.
    let d = doc("Fishermen of the Faroe Islands sailed on Monday.", None);
    let at = d.text.find("Faroe Islands").unwrap();
    let mut ms = vec![Mention {
        sentence: 0,
        span: gleaner_ingest::Span::new(at, at + "Faroe Islands".len()),
        label: Label::Loc,
        name: "Faroe Islands".into(),
        entity_id: crate::entity_id("LOC", "Faroe Islands"),
        confidence: 1.0,
        method: "model",
        rule: None,
        place: None,
    }];
    locate(&d, &mut ms);
    assert_eq!((ms[0].label, ms[0].rule), (Label::Gpe, Some("gazetteer_place")));
    assert_eq!(ms[0].entity_id, gazetteer_id("GPE", "iso", "FO"));
}

#[test]
fn a_facility_is_never_a_town() {
    let (d, ms) = mentions("Flights left Heathrow Airport for the United States and Hyde Park was closed.");
    let facilities: Vec<&Mention> = ms.iter().filter(|m| m.label == Label::Fac).collect();
    assert!(!facilities.is_empty(), "{ms:?}");
    assert!(facilities.iter().all(|m| m.place.is_none()), "{facilities:?} {}", d.text);
}

#[test]
fn ambiguous_country_names_follow_the_document() {
    let (d, ms) = mentions("Tbilisi said Russian troops left Georgia, the Georgian government said.");
    assert_eq!(place_of(&d, &ms, "Georgia").map(|p| p.kind), Some(Kind::Country));
    let (d, ms) =
        mentions("The governor of Georgia said Atlanta, the state capital, would host the U.S. talks in Georgia.");
    let p = place_of(&d, &ms, "Georgia").unwrap();
    assert_eq!((p.kind, p.country), (Kind::Admin1, "US"), "{p:?}");
}
