//! `documents`: one row per input document.

use gleaner_ingest::Document;

use super::Cx;

table! {
    /// `documents`.
    DOCUMENTS = "documents", "one row per input document",
    |d: &'a Document, cx: Cx<'a>| {
        "doc_id": Str = "stable id: the JSONL id, or the path relative to the input root" => &d.doc_id,
        "source": Str = "where it came from (relative path, #line for JSONL records)" => &d.source,
        "title": OptStr = "from metadata, or a detected title line" => d.meta.title.as_deref(),
        "author": OptStr = "from metadata, or a detected byline" => d.meta.author.as_deref(),
        "published": OptDate = "document creation date: the anchor for relative dates" => d.meta.published,
        "language": Str = "ISO 639-1" => d.language,
        "text": Str = "normalized full text; every offset points into it" => &d.text,
        "n_chars": Int = "code points in text" => cx.at(d.text.len() as u32),
        "n_sentences": Int = "sentences" => d.sentences.len() as i64,
        "n_tokens": Int = "tokens" => d.tokens.len() as i64,
        "sha256": Str = "of the original bytes" => &d.sha256,
        "metadata": OptStr = "other JSONL fields, as a JSON object (added to the contract)" => d.meta.extra.as_deref(),
    }
}
