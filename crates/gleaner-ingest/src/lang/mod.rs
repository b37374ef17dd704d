//! Languages as data. Every closed word list a stage of gleaner reads lives here once, per
//! language, with its meaning: the segmenter, the metadata date reader and the extractors all
//! ask the same list, so they cannot disagree. Only English for now (`en`).

pub mod en;
