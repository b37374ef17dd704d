//! `entities`: one row per canonical entity of the corpus.

use gleaner_extract::EntityRecord;

table! {
    /// `entities`.
    ENTITIES = "entities", "one row per canonical entity",
    |e: &'a EntityRecord, _cx: ()| {
        "entity_id": Str = "stable: from a gazetteer key (ISO country code, GeoNames id) where one is known, else from label and normalized name" => &e.entity_id,
        "label": Str = "OntoNotes label" => e.label.as_str(),
        "name": Str = "the best-cased complete form seen, white space collapsed (gleaner_extract::name_rank)" => &e.name,
        "aliases": StrList = "other surface forms linked to it" => &e.aliases,
        "n_mentions": Int = "mentions in the corpus" => e.n_mentions as i64,
        "n_documents": Int = "documents mentioning it" => e.n_documents as i64,
        "country_code": OptStr = "ISO 3166-1 alpha-2 code of a place's country, or of a demonym's (NORP)" => e.place_columns().country_code,
        "geonames_id": OptInt = "GeoNames id of a place (a GPE: a region the gazetteer places becomes one; facilities are not placed)" => e.place_columns().geonames_id,
        "lat": OptFloat = "latitude of a place, WGS84" => e.place_columns().lat,
        "lon": OptFloat = "longitude of a place, WGS84" => e.place_columns().lon,
        "admin1": OptStr = "first-level division (state, province) of a place" => e.place_columns().admin1,
    }
}
