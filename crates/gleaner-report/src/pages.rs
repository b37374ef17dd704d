//! The pages: overview, document lists and views, entity lists and pages.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::data::Data;
use crate::html::{class_token, esc, marked_text, page, Mark};

/// Rows of a list page.
pub(crate) const DOCS_PER_PAGE: usize = 200;
pub(crate) const ENTITIES_PER_PAGE: usize = 500;
/// At most this many mentions, timeline entries and relations on an entity page.
const ENTITY_LIST_CAP: usize = 300;

/// A number as people write it: 13, 2.5, 1500.
pub(crate) fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// "1 document", "3 documents".
fn count(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn range(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => num(l),
        (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
        (Some(l), None) => format!("≥{}", num(l)),
        (None, Some(h)) => format!("≤{}", num(h)),
        (None, None) => String::new(),
    }
}

/// The file of a document's page, from the report's root.
pub(crate) fn doc_file(doc: usize) -> String {
    format!("documents/d{doc}.html")
}

/// The file of an entity's page, from the report's root.
pub(crate) fn entity_file(entity: usize) -> String {
    format!("entities/e{entity}.html")
}

fn list_file(kind: &str, page: usize) -> String {
    if page == 0 {
        format!("{kind}/index.html")
    } else {
        format!("{kind}/page-{}.html", page + 1)
    }
}

/// A link to an entity's page by its id, or its text alone when no entity has that id.
fn entity_link(d: &Data, root: &str, id: &str, text: &str) -> String {
    match d.entity_row.get(id) {
        Some(&e) => format!("<a href=\"{root}{}\">{}</a>", entity_file(e), esc(text)),
        None => esc(text),
    }
}

fn pager(kind: &str, page: usize, pages: usize) -> String {
    if pages <= 1 {
        return String::new();
    }
    let mut out = String::from("<p class=\"pager\">Pages: ");
    for p in 0..pages {
        let file = list_file(kind, p);
        let name = file.rsplit('/').next().unwrap_or("");
        if p == page {
            let _ = write!(out, "<b>{}</b> ", p + 1);
        } else {
            let _ = write!(out, "<a href=\"{name}\">{}</a> ", p + 1);
        }
    }
    out.push_str("</p>");
    out
}

/// The overview: counts, the most mentioned entities, casualties and events, documents by month.
pub(crate) fn overview(d: &Data) -> String {
    let mut b = String::new();
    b.push_str("<h1>Overview</h1>\n<section class=\"counts\">");
    let counts = [
        ("documents", d.docs.rows, "documents/index.html"),
        ("entities", d.entities.rows, "entities/index.html"),
        ("mentions", d.mentions.rows, ""),
        ("sentences", d.sentences.rows, ""),
        ("dates", d.dates.rows, ""),
        ("numbers", d.numbers.rows, ""),
        ("quotations", d.quotes.rows, ""),
        ("events", d.events.rows, ""),
        ("relations", d.relations.rows, ""),
        ("errors", d.errors.rows, ""),
    ];
    for (name, n, href) in counts {
        let name = if href.is_empty() { name.to_owned() } else { format!("<a href=\"{href}\">{name}</a>") };
        let _ = write!(b, "<div class=\"count\"><b>{n}</b> {name}</div>");
    }
    b.push_str("</section>\n");
    // The most mentioned, by kind.
    b.push_str("<section class=\"tops\">");
    for (title, labels) in [
        ("People", &["PERSON"][..]),
        ("Organizations", &["ORG"][..]),
        ("Places", &["GPE", "LOC", "FAC"][..]),
        ("Groups and nationalities", &["NORP"][..]),
    ] {
        let mut rows: Vec<usize> =
            (0..d.entities.rows).filter(|&e| labels.contains(&d.entities.str("label", e))).collect();
        rows.sort_by_key(|&e| (std::cmp::Reverse(d.entities.int("n_mentions", e).unwrap_or(0)), e));
        let _ = write!(
            b,
            "<div class=\"top\"><h2>{title}</h2><table><tr><th>name</th><th>mentions</th><th>documents</th></tr>"
        );
        for &e in rows.iter().take(15) {
            let _ = write!(
                b,
                "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                entity_file(e),
                esc(d.entities.str("name", e)),
                d.entities.int("n_mentions", e).unwrap_or(0),
                d.entities.int("n_documents", e).unwrap_or(0)
            );
        }
        if rows.is_empty() {
            b.push_str("<tr><td colspan=\"3\">none</td></tr>");
        }
        b.push_str("</table></div>");
    }
    b.push_str("</section>\n");
    // Events: by type, with the casualties claimed.
    b.push_str("<h2>Events</h2>");
    let mut by_type: BTreeMap<&str, (usize, f64, f64)> = BTreeMap::new();
    for r in 0..d.events.rows {
        let t = by_type.entry(d.events.str("type", r)).or_default();
        t.0 += 1;
        t.1 += d.events.float("killed_low", r).unwrap_or(0.0);
        t.2 += d.events.float("wounded_low", r).unwrap_or(0.0);
    }
    if by_type.is_empty() {
        b.push_str("<p>No events.</p>");
    } else {
        b.push_str(
            "<table><tr><th>type</th><th>events</th><th>killed (at least, summed)</th><th>wounded (at least, \
             summed)</th></tr>",
        );
        for (t, (n, k, w)) in &by_type {
            let _ = write!(b, "<tr><td>{}</td><td>{n}</td><td>{}</td><td>{}</td></tr>", esc(t), num(*k), num(*w));
        }
        b.push_str("</table>");
        let mut deadly: Vec<usize> =
            (0..d.events.rows).filter(|&r| d.events.float("killed_low", r).is_some()).collect();
        deadly.sort_by(|&a, &b| {
            let k = |r| d.events.float("killed_low", r).unwrap_or(0.0);
            k(b).total_cmp(&k(a)).then(a.cmp(&b))
        });
        if !deadly.is_empty() {
            b.push_str(
                "<h3>Deadliest</h3><table><tr><th>type</th><th>date</th><th>place</th><th>killed</th><th>wounded</th>\
                 <th>document</th></tr>",
            );
            for &r in deadly.iter().take(20) {
                let _ = write!(
                    b,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(d.events.str("type", r)),
                    esc(d.events.str("date_value", r)),
                    esc(d.events.str("location_text", r)),
                    range(d.events.float("killed_low", r), d.events.float("killed_high", r)),
                    range(d.events.float("wounded_low", r), d.events.float("wounded_high", r)),
                    doc_link(d, "", d.events.str("doc_id", r), d.events.int("sentence_idx", r)),
                );
            }
            b.push_str("</table>");
        }
    }
    // Documents by month of publication.
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for r in 0..d.docs.rows {
        if let Some(p) = d.docs.text("published", r) {
            *months.entry(p.chars().take(7).collect()).or_default() += 1;
        }
    }
    b.push_str("<h2>Documents by month</h2>");
    if months.is_empty() {
        b.push_str("<p>No document carries a publication date.</p>");
    } else {
        let most = months.values().copied().max().unwrap_or(1).max(1);
        b.push_str("<table class=\"bars\">");
        for (m, n) in &months {
            let _ = write!(
                b,
                "<tr><td>{}</td><td><span class=\"bar\" style=\"width:{}%\"></span> {n}</td></tr>",
                esc(m),
                n * 100 / most
            );
        }
        b.push_str("</table>");
    }
    if d.errors.rows > 0 {
        b.push_str("<h2>Errors</h2><table><tr><th>source</th><th>stage</th><th>kind</th><th>message</th></tr>");
        for r in 0..d.errors.rows.min(100) {
            let _ = write!(
                b,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(d.errors.str("source", r)),
                esc(d.errors.str("stage", r)),
                esc(d.errors.str("kind", r)),
                esc(d.errors.str("message", r))
            );
        }
        b.push_str("</table>");
    }
    page("Overview", "", "", &b)
}

/// A link to a document's page (at a sentence), by doc_id.
fn doc_link(d: &Data, root: &str, doc_id: &str, sentence: Option<i64>) -> String {
    match d.doc_row.get(doc_id) {
        Some(&k) => {
            let at = sentence.map(|s| format!("#s{s}")).unwrap_or_default();
            format!("<a href=\"{root}{}{at}\">{}</a>", doc_file(k), esc(d.doc_title(k)))
        }
        None => esc(doc_id),
    }
}

/// The document lists, one page per [`DOCS_PER_PAGE`] documents: (file, HTML).
pub(crate) fn document_lists(d: &Data) -> Vec<(String, String)> {
    let pages = d.docs.rows.div_ceil(DOCS_PER_PAGE).max(1);
    (0..pages)
        .map(|p| {
            let mut b = format!("<h1>Documents</h1><p>{} documents.</p>", d.docs.rows);
            b.push_str(&pager("documents", p, pages));
            b.push_str(
                "<table><tr><th>document</th><th>published</th><th>sentences</th><th>mentions</th><th>events</th>\
                 <th>quotations</th></tr>",
            );
            for k in p * DOCS_PER_PAGE..((p + 1) * DOCS_PER_PAGE).min(d.docs.rows) {
                let _ = write!(
                    b,
                    "<tr><td><a href=\"d{k}.html\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(d.doc_title(k)),
                    esc(d.docs.str("published", k)),
                    d.by_doc.sentences[k].len(),
                    d.by_doc.mentions[k].len(),
                    d.by_doc.events[k].len(),
                    d.by_doc.quotes[k].len()
                );
            }
            b.push_str("</table>");
            (list_file("documents", p), page("Documents", "../", "", &b))
        })
        .collect()
}

/// The entity lists, most mentioned first, one page per [`ENTITIES_PER_PAGE`]: (file, HTML).
pub(crate) fn entity_lists(d: &Data) -> Vec<(String, String)> {
    let mut order: Vec<usize> = (0..d.entities.rows).collect();
    order.sort_by_key(|&e| (std::cmp::Reverse(d.entities.int("n_mentions", e).unwrap_or(0)), e));
    let pages = order.len().div_ceil(ENTITIES_PER_PAGE).max(1);
    (0..pages)
        .map(|p| {
            let mut b = format!("<h1>Entities</h1><p>{} entities, most mentioned first.</p>", d.entities.rows);
            b.push_str(&pager("entities", p, pages));
            b.push_str(
                "<table><tr><th>name</th><th>label</th><th>mentions</th><th>documents</th><th>country</th></tr>",
            );
            for &e in order.iter().skip(p * ENTITIES_PER_PAGE).take(ENTITIES_PER_PAGE) {
                let _ = write!(
                    b,
                    "<tr><td><a href=\"e{e}.html\">{}</a></td><td><span class=\"lab lab-{}\">{}</span></td><td>{}</td>\
                     <td>{}</td><td>{}</td></tr>",
                    esc(d.entities.str("name", e)),
                    class_token(d.entities.str("label", e)),
                    esc(d.entities.str("label", e)),
                    d.entities.int("n_mentions", e).unwrap_or(0),
                    d.entities.int("n_documents", e).unwrap_or(0),
                    esc(d.entities.str("country_code", e))
                );
            }
            b.push_str("</table>");
            (list_file("entities", p), page("Entities", "../", "", &b))
        })
        .collect()
}

/// Characters `start..end` of `text` (offsets in characters, as the dataset counts them).
fn chars(text: &str, start: usize, end: usize) -> &str {
    let mut idx = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let a = idx.by_ref().nth(start).unwrap_or(text.len());
    let b = if end > start { idx.nth(end - start - 1).unwrap_or(text.len()) } else { a };
    &text[a..b]
}

fn offset(v: Option<i64>) -> usize {
    v.and_then(|x| usize::try_from(x).ok()).unwrap_or(0)
}

/// A document's view: its text with every sentence, quotation, mention, date and number marked,
/// and beside it its events, quotations and relations.
pub(crate) fn document(d: &Data, k: usize) -> String {
    let text = d.docs.str("text", k);
    let doc_id = d.docs.str("doc_id", k);
    let mut marks: Vec<Mark> = Vec::new();
    for &r in &d.by_doc.sentences[k] {
        let t = &d.sentences;
        let idx = t.int("sentence_idx", r).unwrap_or(0);
        let zone = t.str("zone", r);
        let class = if zone.is_empty() || zone == "body" {
            "sent".to_owned()
        } else {
            format!("sent zone zone-{}", class_token(zone))
        };
        let zone_attr = if class == "sent" { String::new() } else { format!(" data-zone=\"{}\"", esc(zone)) };
        marks.push(Mark {
            start: offset(t.int("start", r)),
            end: offset(t.int("end", r)),
            layer: 0,
            tag: "span",
            attrs: format!(" class=\"{class}\" id=\"s{idx}\"{zone_attr}"),
            more_attrs: format!(" class=\"{class}\"{zone_attr}"),
        });
    }
    let mut push = |layer: u8, tag: &'static str, start: Option<i64>, end: Option<i64>, attrs: String| {
        marks.push(Mark { start: offset(start), end: offset(end), layer, tag, attrs: attrs.clone(), more_attrs: attrs })
    };
    for &r in &d.by_doc.quotes[k] {
        let t = &d.quotes;
        let title = format!(
            "{} quotation · speaker: {} · cue: {}",
            t.str("kind", r),
            t.text("speaker_text", r).unwrap_or("unknown"),
            t.str("cue", r)
        );
        push(
            1,
            "span",
            t.int("start", r),
            t.int("end", r),
            format!(
                " class=\"hl hl-quote\" data-kind=\"quote\" data-row=\"quote-{}\" title=\"{}\"",
                t.int("quote_idx", r).unwrap_or(0),
                esc(&title)
            ),
        );
    }
    for &r in &d.by_doc.mentions[k] {
        let t = &d.mentions;
        let id = t.str("entity_id", r);
        let label = t.str("label", r);
        let (href, name) = match d.entity_row.get(id) {
            Some(&e) => (format!(" href=\"../{}\"", entity_file(e)), d.entities.str("name", e)),
            None => (String::new(), t.str("text", r)),
        };
        let title = format!("{label} · {name} · {id}");
        push(
            2,
            "a",
            t.int("start", r),
            t.int("end", r),
            format!(
                " class=\"hl hl-mention lab-{c}\" data-kind=\"mention\" data-row=\"mention-{}\" data-label=\"{l}\"{href} \
                 title=\"{}\"",
                t.int("mention_idx", r).unwrap_or(0),
                esc(&title),
                l = esc(label),
                c = class_token(label)
            ),
        );
    }
    for &r in &d.by_doc.dates[k] {
        let t = &d.dates;
        let mut title = format!("{} {}", t.str("type", r), t.str("value", r));
        if let Some(m) = t.text("mod", r) {
            let _ = write!(title, " ({m})");
        }
        if let (Some(a), Some(b)) = (t.text("range_start", r), t.text("range_end", r)) {
            let _ = write!(title, " · {a} to {b}");
        }
        push(
            3,
            "span",
            t.int("start", r),
            t.int("end", r),
            format!(
                " class=\"hl hl-date\" data-kind=\"date\" data-row=\"date-{}\" data-value=\"{}\" title=\"{}\"",
                t.int("date_idx", r).unwrap_or(0),
                esc(t.str("value", r)),
                esc(&title)
            ),
        );
    }
    for &r in &d.by_doc.numbers[k] {
        let t = &d.numbers;
        let mut title = format!("{} {}", t.str("kind", r), range(t.float("low", r), t.float("high", r)));
        for (col, sep) in [("unit", " "), ("counted", " · counted: "), ("event", " · ")] {
            if let Some(v) = t.text(col, r) {
                let _ = write!(title, "{sep}{v}");
            }
        }
        push(
            4,
            "span",
            t.int("start", r),
            t.int("end", r),
            format!(
                " class=\"hl hl-number\" data-kind=\"number\" data-row=\"number-{}\" title=\"{}\"",
                t.int("number_idx", r).unwrap_or(0),
                esc(&title)
            ),
        );
    }
    // Each event's trigger, the target of the event's link beside the text.
    for &r in &d.by_doc.events[k] {
        let t = &d.events;
        let mut title = format!("{} event", t.str("type", r));
        for (col, sep) in [("date_value", " · "), ("location_text", " · ")] {
            if let Some(v) = t.text(col, r) {
                let _ = write!(title, "{sep}{v}");
            }
        }
        let idx = t.int("event_idx", r).unwrap_or(0);
        marks.push(Mark {
            start: offset(t.int("start", r)),
            end: offset(t.int("end", r)),
            layer: 2,
            tag: "span",
            attrs: format!(" class=\"hl hl-trigger\" id=\"e{idx}\" title=\"{}\"", esc(&title)),
            more_attrs: format!(" class=\"hl hl-trigger\" title=\"{}\"", esc(&title)),
        });
    }
    let body_text = marked_text(text, &mut marks);
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1><p class=\"meta\">", esc(d.doc_title(k)));
    let _ = write!(b, "<code>{}</code>", esc(doc_id));
    for col in ["published", "author", "source"] {
        if let Some(v) = d.docs.text(col, k).filter(|v| !v.is_empty()) {
            let _ = write!(b, " · {col}: {}", esc(v));
        }
    }
    b.push_str(
        "</p><p class=\"legend\"><span class=\"hl hl-mention lab-PERSON\">person</span> <span class=\"hl hl-mention \
         lab-ORG\">organization</span> <span class=\"hl hl-mention lab-GPE\">place</span> <span class=\"hl \
         hl-date\">date</span> <span class=\"hl hl-number\">number</span> <span class=\"hl hl-quote\">quotation</span> \
         <span class=\"zone\" data-zone=\"zone\">byline, heading, boilerplate</span> \
         <span class=\"hl hl-trigger\">event</span> · hover a mark for its value</p>",
    );
    b.push_str("<div class=\"doc\"><div id=\"text\" class=\"doctext\">");
    b.push_str(&body_text);
    b.push_str("</div><aside>");
    // Events, with their arguments.
    let _ = write!(b, "<h2>Events ({})</h2>", d.by_doc.events[k].len());
    if !d.by_doc.events[k].is_empty() {
        b.push_str("<ol class=\"events\">");
        for &r in &d.by_doc.events[k] {
            let t = &d.events;
            let idx = t.int("event_idx", r);
            let _ = write!(
                b,
                "<li><a href=\"#e{}\"><b>{}</b></a> “{}”",
                idx.unwrap_or(0),
                esc(t.str("type", r)),
                esc(t.str("trigger_text", r))
            );
            if let Some(v) = t.text("date_value", r) {
                let _ = write!(b, " · {}", esc(v));
            }
            if let Some(v) = t.text("location_text", r) {
                let _ = write!(b, " · {}", entity_link(d, "../", t.str("location_entity_id", r), v));
            }
            let killed = range(t.float("killed_low", r), t.float("killed_high", r));
            if !killed.is_empty() {
                let _ = write!(b, " · killed {killed}");
            }
            let wounded = range(t.float("wounded_low", r), t.float("wounded_high", r));
            if !wounded.is_empty() {
                let _ = write!(b, " · wounded {wounded}");
            }
            b.push_str("<ul>");
            for &q in &d.by_doc.roles[k] {
                if d.roles.int("event_idx", q) == idx {
                    let _ = write!(
                        b,
                        "<li>{}: {}</li>",
                        esc(d.roles.str("role", q)),
                        entity_link(d, "../", d.roles.str("entity_id", q), d.roles.str("text", q))
                    );
                }
            }
            b.push_str("</ul></li>");
        }
        b.push_str("</ol>");
    }
    let _ = write!(b, "<h2>Quotations ({})</h2>", d.by_doc.quotes[k].len());
    if !d.by_doc.quotes[k].is_empty() {
        b.push_str("<ol class=\"quotes\">");
        for &r in &d.by_doc.quotes[k] {
            let t = &d.quotes;
            let speaker = t.text("speaker_text", r).unwrap_or("unknown speaker");
            let _ = write!(
                b,
                "<li><a href=\"#s{}\">{}</a> ({}): “{}”</li>",
                t.int("sentence_idx", r).unwrap_or(0),
                entity_link(d, "../", t.str("speaker_entity_id", r), speaker),
                esc(t.str("cue", r)),
                esc(t.str("text", r))
            );
        }
        b.push_str("</ol>");
    }
    let _ = write!(b, "<h2>Relations ({})</h2>", d.by_doc.relations[k].len());
    if !d.by_doc.relations[k].is_empty() {
        b.push_str("<ol class=\"relations\">");
        for &r in &d.by_doc.relations[k] {
            let t = &d.relations;
            let _ = write!(
                b,
                "<li>{} <a href=\"#s{}\"><i>{}</i></a> {}</li>",
                entity_link(d, "../", t.str("subject_entity_id", r), t.str("subject_text", r)),
                t.int("sentence_idx", r).unwrap_or(0),
                esc(t.str("predicate", r)),
                entity_link(d, "../", t.str("object_entity_id", r), t.str("object_text", r))
            );
        }
        b.push_str("</ol>");
    }
    b.push_str("</aside></div>");
    page(d.doc_title(k), "../", &format!(" data-doc-id=\"{}\"", esc(doc_id)), &b)
}

/// An entity's page: what it is, where it is, where it is named, its relations, events and
/// timeline.
pub(crate) fn entity(d: &Data, e: usize) -> String {
    let t = &d.entities;
    let id = t.str("entity_id", e);
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p class=\"meta\"><span class=\"lab lab-{c}\">{l}</span> · <code>{}</code> · {} in {}</p>",
        esc(t.str("name", e)),
        esc(id),
        count(t.int("n_mentions", e).unwrap_or(0), "mention"),
        count(t.int("n_documents", e).unwrap_or(0), "document"),
        l = esc(t.str("label", e)),
        c = class_token(t.str("label", e))
    );
    let aliases = t.list("aliases", e);
    if !aliases.is_empty() {
        let list: Vec<String> = aliases.iter().map(|a| esc(a)).collect();
        let _ = write!(b, "<p>Also named: {}</p>", list.join(" · "));
    }
    if let (Some(lat), Some(lon)) = (t.float("lat", e), t.float("lon", e)) {
        let _ = write!(b, "<p class=\"place\">Place: {lat:.4}, {lon:.4}");
        for col in ["admin1", "country_code"] {
            if let Some(v) = t.text(col, e) {
                let _ = write!(b, " · {}", esc(v));
            }
        }
        if let Some(g) = t.int("geonames_id", e) {
            let _ = write!(b, " · GeoNames {g}");
        }
        b.push_str("</p>");
    } else if let Some(c) = t.text("country_code", e) {
        let _ = write!(b, "<p class=\"place\">Country: {}</p>", esc(c));
    }
    // Where it is named.
    let mentions = &d.mentions_of[e];
    let _ = write!(b, "<h2>Mentions ({})</h2><ol class=\"mentions\">", mentions.len());
    let mut timeline: Vec<(String, String, String)> = Vec::new();
    for &m in mentions.iter().take(ENTITY_LIST_CAP) {
        let Some(&doc) = d.doc_row.get(d.mentions.str("doc_id", m)) else { continue };
        let si = d.mentions.int("sentence_idx", m).unwrap_or(0);
        let line = sentence_with(d, doc, si, offset(d.mentions.int("start", m)), offset(d.mentions.int("end", m)));
        let link = format!("../{}#s{si}", doc_file(doc));
        let _ = write!(b, "<li><a href=\"{link}\">{}</a>: {line}</li>", esc(d.doc_title(doc)));
        // The sentence's first date that covers days, for the timeline.
        let dated = d.by_doc.dates[doc]
            .iter()
            .copied()
            .find(|&r| d.dates.int("sentence_idx", r) == Some(si) && d.dates.text("range_start", r).is_some());
        if let Some(r) = dated {
            timeline.push((
                d.dates.str("range_start", r).to_owned(),
                d.dates.str("value", r).to_owned(),
                format!("<a href=\"{link}\">{}</a>: {line}", esc(d.doc_title(doc))),
            ));
        }
    }
    b.push_str("</ol>");
    if mentions.len() > ENTITY_LIST_CAP {
        let _ = write!(b, "<p>… and {} more.</p>", mentions.len() - ENTITY_LIST_CAP);
    }
    // Relations.
    let rel = &d.relations_of[e];
    let _ = write!(b, "<h2>Relations ({})</h2>", rel.len());
    if !rel.is_empty() {
        b.push_str("<ol class=\"relations\">");
        for &r in rel.iter().take(ENTITY_LIST_CAP) {
            let rt = &d.relations;
            let _ = write!(
                b,
                "<li>{} <i>{}</i> {} ({})</li>",
                entity_link(d, "../", rt.str("subject_entity_id", r), rt.str("subject_text", r)),
                esc(rt.str("predicate", r)),
                entity_link(d, "../", rt.str("object_entity_id", r), rt.str("object_text", r)),
                doc_link(d, "../", rt.str("doc_id", r), rt.int("sentence_idx", r))
            );
        }
        b.push_str("</ol>");
    }
    // Events it takes part in.
    let events: Vec<String> = d.roles_of[e]
        .iter()
        .take(ENTITY_LIST_CAP)
        .map(|&q| {
            format!(
                "<li>{} in {} (event {})</li>",
                esc(d.roles.str("role", q)),
                doc_link(d, "../", d.roles.str("doc_id", q), None),
                d.roles.int("event_idx", q).unwrap_or(0)
            )
        })
        .collect();
    let _ = write!(b, "<h2>Events ({})</h2>", d.roles_of[e].len());
    if !events.is_empty() {
        let _ = write!(b, "<ul>{}</ul>", events.concat());
    }
    // Its timeline: the dated sentences that name it, in calendar order.
    timeline.sort();
    let from = if mentions.len() > ENTITY_LIST_CAP {
        format!(", from the first {ENTITY_LIST_CAP} mentions")
    } else {
        String::new()
    };
    let _ = write!(b, "<h2>Timeline ({}{from})</h2>", timeline.len());
    if !timeline.is_empty() {
        b.push_str("<table class=\"timeline\"><tr><th>date</th><th>sentence</th></tr>");
        for (_, value, line) in &timeline {
            let _ = write!(b, "<tr><td>{}</td><td>{line}</td></tr>", esc(value));
        }
        b.push_str("</table>");
    }
    page(t.str("name", e), "../", &format!(" data-entity-id=\"{}\"", esc(id)), &b)
}

/// Sentence `si` of document `doc` as HTML, characters `start..end` of the document in `<mark>`.
fn sentence_with(d: &Data, doc: usize, si: i64, start: usize, end: usize) -> String {
    let Some(s) = d.sentence(doc, si) else { return String::new() };
    let text = d.sentences.str("text", s);
    let s0 = offset(d.sentences.int("start", s));
    let n = text.chars().count();
    let (a, z) = (start.saturating_sub(s0).min(n), end.saturating_sub(s0).min(n));
    format!("{}<mark>{}</mark>{}", esc(chars(text, 0, a)), esc(chars(text, a, z.max(a))), esc(chars(text, z.max(a), n)))
}

/// Counts for the report's summary.
pub(crate) fn label_counts(d: &Data) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for e in 0..d.entities.rows {
        *out.entry(d.entities.str("label", e).to_owned()).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_slices_and_numbers() {
        assert_eq!(chars("Zoë Ünal", 4, 8), "Ünal");
        assert_eq!(chars("Zoë Ünal", 0, 3), "Zoë");
        assert_eq!(chars("abc", 2, 9), "c");
        assert_eq!(num(13.0), "13");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(range(Some(13.0), None), "≥13");
        assert_eq!(range(Some(1500.0), Some(2200.0)), "1500–2200");
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "mention"), "0 mentions");
    }
}
