//! Decoding and normalization: bytes in, the contract's `documents.text` out.
//!
//! UTF-8 is decoded with invalid sequences replaced by U+FFFD (and reported); a leading byte order
//! mark is dropped; `\r\n` and lone `\r` become `\n`. Every other character is kept, so offsets
//! stay meaningful to a reader holding the original text.

/// What decoding found wrong with the bytes (not an error: the text is still usable).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecodeReport {
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    pub invalid_sequences: usize,
    /// Byte offset of the first invalid sequence in the original bytes.
    pub first_invalid: Option<usize>,
    /// Control characters replaced.
    pub controls: Controls,
}

/// Heuristic binary detection on the first 8 KiB: NUL bytes (one in a hundred bytes or more), or
/// control bytes making up a tenth of it. A stray NUL
/// in a text file does not make it binary; it is replaced like any other control character
/// (see [`normalize_owned`]).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    (nul > 0 && nul * 100 >= head.len()) || control * 10 > head.len()
}

/// Decodes bytes as UTF-8, replacing invalid sequences, and normalizes the text (see
/// [`normalize_owned`]).
pub fn decode(bytes: Vec<u8>) -> (String, DecodeReport) {
    let (bytes, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest.to_vec(), 3),
        None => (bytes, 0),
    };
    let mut report = DecodeReport::default();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let mut out = String::with_capacity(bytes.len());
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
            out
        }
    };
    let (text, controls) = normalize_counting(text);
    report.controls = controls;
    (text, report)
}

/// Control characters a text may hold, after normalization: what was replaced, for an `errors`
/// row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Controls {
    /// Control characters replaced by a space (NUL, escape, backspace, DEL, C1 controls, ...).
    pub replaced: usize,
    /// Code-point offset of the first, in the normalized text.
    pub first: Option<usize>,
}

/// What a control character becomes: line breaks a newline, tab and newline themselves, every
/// other control character (C0, DEL, C1) a space. One character for one, so offsets keep their
/// meaning for a reader of the original.
fn control_replacement(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\u{0B}' | '\u{0C}' | '\u{85}' => Some('\n'),
        c if c.is_control() => Some(' '),
        _ => None,
    }
}

/// A control character that is not white space (replaced, and worth an `errors` row).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}')
}

/// Does `text` hold anything [`normalize_owned`] changes? One pass over the bytes.
fn needs_normalizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    // One branch-free pass finds the candidates (a C0 byte other than newline and tab, DEL, or
    // the lead byte of a C1 control); only then is a 0xC2 looked at closely.
    let candidate = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\t') | (b == 0x7F) | (b == 0xC2);
    bytes.starts_with("\u{FEFF}".as_bytes())
        || bytes.iter().any(|&b| candidate(b))
            && bytes.iter().enumerate().any(|(i, &b)| {
                candidate(b) && (b != 0xC2 || bytes.get(i + 1).is_some_and(|&n| (0x80..0xA0).contains(&n)))
            })
}

/// The contract's normalization of a decoded text: a leading byte order mark is dropped; `\r\n`
/// and lone `\r` become `\n`; vertical tab, form feed and NEL (line breaks) become `\n`; every
/// other control character but tab (NUL, escape, DEL, the C1 range) becomes a space. No copy when
/// there is nothing to change.
pub fn normalize_owned(text: String) -> String {
    normalize_counting(text).0
}

/// [`normalize_owned`], also counting the stray control characters it replaced.
pub fn normalize_counting(text: String) -> (String, Controls) {
    if !needs_normalizing(&text) {
        return (text, Controls::default());
    }
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut out = String::with_capacity(body.len());
    let mut controls = Controls::default();
    let mut chars = body.chars().peekable();
    let mut at = 0usize;
    while let Some(c) = chars.next() {
        if c == '\r' {
            out.push('\n');
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
        } else if let Some(r) = control_replacement(c) {
            if is_stray_control(c) {
                controls.replaced += 1;
                controls.first.get_or_insert(at);
            }
            out.push(r);
        } else {
            out.push(c);
        }
        at += 1;
    }
    (out, controls)
}

/// `\r\n` and lone `\r` become `\n`, a leading BOM is dropped, control characters are replaced:
/// [`normalize_owned`] on a borrowed text.
pub fn normalize_newlines(text: &str) -> String {
    normalize_owned(text.to_owned())
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
        assert_eq!(report.first_invalid, Some(3));
        assert_eq!(report.invalid_sequences, 3);
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("plain text, with “quotes”.\n".as_bytes()));
        assert!(!looks_binary(b""));
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(std::iter::repeat_n(0u8, 40).chain(std::iter::repeat_n(b'x', 2000)));
        assert!(looks_binary(&png));
        // One stray NUL in a page of text: text, with the NUL replaced.
        let mut text = "word ".repeat(400).into_bytes();
        text[1000] = 0;
        assert!(!looks_binary(&text));
    }

    #[test]
    fn control_characters_are_replaced_one_for_one() {
        let (text, controls) = normalize_counting("a\0b\u{1b}[1mc\x7f\u{85}d\u{0C}e\tf\r\ng\u{9b}".to_owned());
        assert_eq!(text, "a b [1mc \nd\ne\tf\ng ");
        assert_eq!(controls, Controls { replaced: 4, first: Some(1) });
        assert_eq!(normalize_counting("plain\ttext\n".to_owned()).1, Controls::default());
        // Code points are kept one for one: offsets into the normalized text are offsets into
        // the original (but for \r\n, which becomes one \n).
        let original = "x\0y\u{1}z";
        assert_eq!(normalize_owned(original.to_owned()).chars().count(), original.chars().count());
    }
}
