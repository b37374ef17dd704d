//! `entities`: one row per canonical entity of the corpus.

use gleaner_extract::EntityRecord;

table! {
    /// `entities`.
    ENTITIES = "entities", "one row per canonical entity",
    |e: &'a EntityRecord, _cx: ()| {
        "entity_id": Str = "stable: from label and normalized name" => &e.entity_id,
        "label": Str = "OntoNotes label" => e.label.as_str(),
        "name": Str = "the best-cased complete form seen, white space collapsed (gleaner_extract::name_rank)" => &e.name,
        "aliases": StrList = "other surface forms linked to it" => &e.aliases,
        "n_mentions": Int = "mentions in the corpus" => e.n_mentions as i64,
        "n_documents": Int = "documents mentioning it" => e.n_documents as i64,
    }
}
