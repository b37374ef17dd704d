//! Decoding and normalization: bytes in, the contract's `documents.text` out.
//!
//! UTF-8 is decoded with invalid sequences replaced by U+FFFD (and reported); a leading byte order
//! mark is dropped; `\r\n` and lone `\r` become `\n`. Every other character is kept, so offsets
//! stay meaningful to a reader holding the original text.

/// What decoding found wrong with the bytes (not an error: the text is still usable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeReport {
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    pub invalid_sequences: usize,
    /// Byte offset of the first invalid sequence in the original bytes.
    pub first_invalid: Option<usize>,
}

/// Heuristic binary detection: a NUL byte, or many control bytes, in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    !head.is_empty() && control * 10 > head.len()
}

/// Decodes bytes as UTF-8, replacing invalid sequences, and normalizes line endings.
pub fn decode(bytes: Vec<u8>) -> (String, Option<DecodeReport>) {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    match String::from_utf8(bytes) {
        Ok(text) => (normalize_owned(text), None),
        Err(e) => {
            let bytes = e.as_bytes();
            let mut out = String::with_capacity(bytes.len());
            let mut report = DecodeReport { invalid_sequences: 0, first_invalid: None };
            let mut pos = bom;
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                pos += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    report.invalid_sequences += 1;
                    report.first_invalid.get_or_insert(pos);
                    pos += chunk.invalid().len();
                    out.push('\u{FFFD}');
                }
            }
            (normalize_owned(out), Some(report))
        }
    }
}

/// [`normalize_newlines`] on an owned string: no copy when there is nothing to change.
pub fn normalize_owned(text: String) -> String {
    if text.contains('\r') || text.starts_with('\u{FEFF}') {
        normalize_newlines(&text)
    } else {
        text
    }
}

/// `\r\n` and lone `\r` become `\n`; a leading BOM is dropped; nothing else changes.
pub fn normalize_newlines(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalize_newlines("\u{FEFF}x"), "x");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let (text, report) = decode(b"caf\xE9 ok \xFF\xFE!".to_vec());
        assert_eq!(text, "caf\u{FFFD} ok \u{FFFD}\u{FFFD}!");
        let report = report.unwrap();
        assert_eq!(report.first_invalid, Some(3));
        assert_eq!(report.invalid_sequences, 3);
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("plain text, with “quotes”.\n".as_bytes()));
        assert!(!looks_binary(b""));
    }
}
