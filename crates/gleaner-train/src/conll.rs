//! CoNLL-2003 column files into training documents (the parser is the library's).

use std::path::Path;

use anyhow::{anyhow, Context, Result};
use gleaner_extract::entities::{parse_conll, TrainDocument};

/// Reads a CoNLL file: documents split at `-DOCSTART-`, sentences at blank lines.
pub fn read(path: &Path) -> Result<Vec<TrainDocument>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_conll(&text).map_err(|e| anyhow!("parsing {}: {e}", path.display()))
}
