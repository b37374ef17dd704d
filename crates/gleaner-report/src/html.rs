//! HTML by hand: escaping, the page shell, and text with highlighted spans that may nest or
//! cross.

use std::fmt::Write;

/// Escapes text for an element's content or a quoted attribute value: every string from the
/// documents goes through here, so a document holding `<script>` shows it and runs nothing.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    esc_into(&mut out, s);
    out
}

pub(crate) fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A word safe inside a `class` attribute: letters, digits, `-` and `_` of `s`, nothing else
/// (a label of a dataset cannot add classes of its choosing).
pub(crate) fn class_token(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect()
}

/// The links of the navigation bar: (file from the report's root, title).
const NAV: &[(&str, &str)] = &[
    ("index.html", "Overview"),
    ("documents/index.html", "Documents"),
    ("entities/index.html", "Entities"),
    ("network.html", "Network"),
    ("timeline.html", "Timeline"),
    ("map.html", "Map"),
];

/// A whole page. `root` is the relative way up to the report's root ("" or "../"); `body_attrs`
/// are extra attributes of `<body>`, already escaped; `body` is the page's HTML.
pub(crate) fn page(title: &str, root: &str, body_attrs: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\">\n<title>{} · gleaner report</title>\n<link rel=\"stylesheet\" \
         href=\"{root}assets/report.css\">\n</head>\n<body{body_attrs}>\n<nav>",
        esc(title)
    );
    for (href, name) in NAV {
        let _ = write!(out, "<a href=\"{root}{href}\">{name}</a>");
    }
    out.push_str("</nav>\n<main>\n");
    out.push_str(body);
    out.push_str("\n</main>\n</body>\n</html>\n");
    out
}

/// A highlight over `start..end` (characters of the text).
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Outer layers first when two begin and end together (a sentence holds a quote holds a name).
    pub(crate) layer: u8,
    /// The element's name (`span`, `a`).
    pub(crate) tag: &'static str,
    /// The attributes of the first piece, escaped, with a leading space.
    pub(crate) attrs: String,
    /// The attributes of the pieces after the first (no `id`).
    pub(crate) more_attrs: String,
}

/// `text` with its marks as elements. A mark that crosses the end of one it began inside is
/// closed there and opened again after it: several pieces, each with the mark's attributes
/// (`data-start` of each is the piece's own start), so the page stays well-formed and the
/// pieces' text, joined, is the mark's text. Marks outside the text or empty are left out.
pub(crate) fn marked_text(text: &str, marks: &mut Vec<Mark>) -> String {
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let n = bytes.len() - 1;
    marks.retain(|m| m.start < m.end && m.end <= n);
    marks.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.layer.cmp(&b.layer)));
    let mut points: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    points.push(0);
    points.push(n);
    points.sort_unstable();
    points.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    // The open marks, each with the element it was opened as: a link inside a link is no link
    // (the HTML parser would close the outer one), so a mark's `a` inside another is a `span`.
    let mut open: Vec<(usize, &str)> = Vec::new();
    let tag_in = |open: &[(usize, &str)], tag: &'static str| {
        if tag == "a" && open.iter().any(|&(_, t)| t == "a") {
            "span"
        } else {
            tag
        }
    };
    let mut next = 0;
    let mut pos = 0;
    for &p in &points {
        if p > pos {
            esc_into(&mut out, &text[bytes[pos]..bytes[p]]);
            pos = p;
        }
        // Close what ends here, and the marks opened inside it (to open again, `data-cont`).
        while let Some(depth) = open.iter().position(|&(k, _)| marks[k].end == p) {
            for &(_, tag) in open[depth..].iter().rev() {
                let _ = write!(out, "</{tag}>");
            }
            let reopen: Vec<usize> =
                open.drain(depth..).skip(1).map(|(k, _)| k).filter(|&k| marks[k].end > p).collect();
            for k in reopen {
                let m = &marks[k];
                let tag = tag_in(&open, m.tag);
                let _ = write!(out, "<{tag}{} data-cont data-start=\"{p}\">", m.more_attrs);
                open.push((k, tag));
            }
        }
        while next < marks.len() && marks[next].start == p {
            let m = &marks[next];
            let tag = tag_in(&open, m.tag);
            let _ = write!(out, "<{tag}{} data-start=\"{p}\">", m.attrs);
            open.push((next, tag));
            next += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, layer: u8, row: &str) -> Mark {
        let attrs = format!(" data-row=\"{row}\"");
        Mark { start, end, layer, tag: "span", attrs: attrs.clone(), more_attrs: attrs }
    }

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<script>a&b</script> \"x\" 'y'"),
            "&lt;script&gt;a&amp;b&lt;/script&gt; &quot;x&quot; &#39;y&#39;"
        );
    }

    #[test]
    fn nested_marks_nest_and_crossing_marks_split() {
        // A quotation crossing a sentence's end: closed with the sentence, opened again after
        // it; the next sentence, begun inside the quotation's second piece, split in its turn.
        let text = "Ana said go. Home now.";
        let mut marks = vec![mark(0, 12, 0, "s0"), mark(13, 22, 0, "s1"), mark(0, 3, 2, "m0"), mark(9, 17, 1, "q0")];
        let html = marked_text(text, &mut marks);
        assert_eq!(
            html,
            "<span data-row=\"s0\" data-start=\"0\"><span data-row=\"m0\" data-start=\"0\">Ana</span> said \
             <span data-row=\"q0\" data-start=\"9\">go.</span></span><span data-row=\"q0\" data-cont data-start=\"12\"> \
             <span data-row=\"s1\" data-start=\"13\">Home</span></span><span data-row=\"s1\" data-cont \
             data-start=\"17\"> now.</span>"
        );
    }

    #[test]
    fn a_link_inside_a_link_is_a_span() {
        let a = |start, end, row: &str| Mark {
            start,
            end,
            layer: 2,
            tag: "a",
            attrs: format!(" data-row=\"{row}\" href=\"x\""),
            more_attrs: format!(" data-row=\"{row}\" href=\"x\""),
        };
        let mut marks = vec![a(0, 8, "m0"), a(4, 8, "m1")];
        let html = marked_text("New York City", &mut marks);
        assert_eq!(
            html,
            "<a data-row=\"m0\" href=\"x\" data-start=\"0\">New <span data-row=\"m1\" href=\"x\" \
             data-start=\"4\">York</span></a> City"
        );
        assert_eq!(class_token("PERSON hl-quote\" onclick=x"), "PERSONhl-quoteonclickx");
    }

    #[test]
    fn offsets_count_characters_and_bad_marks_are_left_out() {
        let text = "Zoë <b> Ünal";
        let mut marks = vec![mark(8, 12, 2, "m0"), mark(10, 40, 2, "bad"), mark(3, 3, 2, "empty")];
        let html = marked_text(text, &mut marks);
        assert_eq!(html, "Zoë &lt;b&gt; <span data-row=\"m0\" data-start=\"8\">Ünal</span>");
    }
}
