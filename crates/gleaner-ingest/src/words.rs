//! The one scan for white-space separated words, shared by the segmenter and the tokenizer.

/// Calls `f(start, end)` for every maximal run of non-white-space characters of `s`, with byte
/// offsets into `s`. ASCII bytes are classified without decoding; other characters by
/// [`char::is_whitespace`] (so NO-BREAK SPACE and the other Unicode spaces separate words too).
#[inline]
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = s.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            if let Some(st) = start.take() {
                f(st, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += len;
    }
    if let Some(st) = start {
        f(st, bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_unicode_space_too() {
        let s = " a\u{A0}bé\t c\u{2009}d\n";
        let mut got = Vec::new();
        for_each_word(s, |a, b| got.push(&s[a..b]));
        assert_eq!(got, ["a", "bé", "c", "d"]);
    }
}
