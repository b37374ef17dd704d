//! Markdown headings (`# Title`, `## Section ##`): each is a paragraph of its own, its span
//! without the `#` marks, so that its sentence reads "Title" and the zone can be `heading`. Lines
//! inside fenced code blocks are left alone.

use crate::document::Span;

/// The heading text of an ATX heading line (up to three spaces, 1 to 6 `#`, a space, the text,
/// an optional closing run of `#`), as a byte range of `line`; `None` for any other line.
fn heading(line: &str) -> Option<(usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let after = &rest[hashes..];
    if !(1..=6).contains(&hashes) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let content = after.trim();
    // A closing run of `#` after a space is no part of the heading.
    let content = match content.trim_end_matches('#') {
        c if c.len() < content.len() && (c.is_empty() || c.ends_with([' ', '\t'])) => c.trim_end(),
        _ => content,
    };
    if content.is_empty() {
        return None;
    }
    let start = content.as_ptr() as usize - line.as_ptr() as usize;
    Some((start, start + content.len()))
}

/// Splits `paragraphs` of `text` around Markdown heading lines, each heading a paragraph of its
/// own without its marks; returns the indices of the heading paragraphs.
pub(crate) fn headings(text: &str, paragraphs: &mut Vec<Span>) -> Vec<usize> {
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut marks = Vec::new();
    let mut fenced = false;
    for p in paragraphs.iter() {
        let mut pos = p.start as usize;
        // Start of the lines not yet given to a paragraph.
        let mut pending: Option<usize> = None;
        for line in text[p.range()].split('\n') {
            let start = pos;
            pos += line.len() + 1;
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                fenced = !fenced;
            }
            match heading(line).filter(|_| !fenced) {
                Some((a, b)) => {
                    if let Some(from) = pending.take() {
                        push_trimmed(text, from, start, &mut out);
                    }
                    marks.push(out.len());
                    out.push(Span::new(start + a, start + b));
                }
                None => {
                    pending.get_or_insert(start);
                }
            }
        }
        if let Some(from) = pending {
            push_trimmed(text, from, p.end as usize, &mut out);
        }
    }
    *paragraphs = out;
    marks
}

fn push_trimmed(text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    let slice = &text[from..to];
    let start = from + (slice.len() - slice.trim_start().len());
    let end = from + slice.trim_end().len();
    if end > start {
        out.push(Span::new(start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atx_headings() {
        assert_eq!(heading("# Title").map(|(a, b)| &"# Title"[a..b]), Some("Title"));
        assert_eq!(heading("### A section ###").map(|(a, b)| &"### A section ###"[a..b]), Some("A section"));
        assert_eq!(heading("## C# tips").map(|(a, b)| &"## C# tips"[a..b]), Some("C# tips"));
        for not in ["#hashtag", "####### seven", "    # code", "#", "## ##", "plain"] {
            assert_eq!(heading(not), None, "{not}");
        }
    }

    #[test]
    fn headings_are_paragraphs_of_their_own() {
        let text = "# Title\nIntro line.\n\n```\n# not a heading\n```\n\n## Part two ##\nMore text.";
        let mut paragraphs = crate::segment::paragraphs(text);
        let marks = headings(text, &mut paragraphs);
        let texts: Vec<&str> = paragraphs.iter().map(|p| &text[p.range()]).collect();
        // (Lines of a code block are paragraphs of their own, as lines of any list.)
        assert_eq!(texts, ["Title", "Intro line.", "```", "# not a heading", "```", "Part two", "More text."]);
        assert_eq!(marks, [0, 5], "no heading inside a fenced block");
    }
}
