//! `errors`: one row per input that could not be fully processed.

use gleaner_ingest::Issue;

table! {
    /// `errors`.
    ERRORS = "errors", "one row per input that could not be fully processed",
    |i: &'a Issue, _cx: ()| {
        "source": Str = "the input" => &i.source,
        "stage": Str = "read, decode, segment, extract, ..." => i.stage,
        "kind": Str = "machine-readable kind" => i.kind,
        "message": Str = "what happened and what to do" => &i.message,
    }
}
