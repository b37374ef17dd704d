//! The corpus views: the map, the network and the timeline.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use crate::data::Data;
use crate::html::{esc, page};
use crate::pages::{doc_file, entity_file, num};

/// Nodes of the network: the most mentioned entities.
const NETWORK_NODES: usize = 150;
/// Items of the timeline, of each kind.
const TIMELINE_EVENTS: usize = 2000;
const TIMELINE_SENTENCES: usize = 3000;

/// JSON for a `<script type="application/json">` block: no `<` can end the element early.
fn script_json(v: &serde_json::Value) -> String {
    v.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn xy(lat: f64, lon: f64) -> (f64, f64) {
    (2.0 * (lon.clamp(-180.0, 180.0) + 180.0), 2.0 * (90.0 - lat.clamp(-90.0, 90.0)))
}

/// The map: the world's outlines (Natural Earth, shipped in the repository), every geocoded
/// place as a point sized by its mentions and linked to its page, and every placed event.
pub(crate) fn map(d: &Data) -> String {
    let t = &d.entities;
    let finite = |v: Option<f64>| v.is_some_and(f64::is_finite);
    let mut places: Vec<usize> =
        (0..t.rows).filter(|&e| finite(t.float("lat", e)) && finite(t.float("lon", e))).collect();
    places.sort_by_key(|&e| (std::cmp::Reverse(t.int("n_mentions", e).unwrap_or(0)), e));
    let mentions = |e: usize| t.int("n_mentions", e).unwrap_or(0).max(0);
    let most = places.first().map_or(1, |&e| mentions(e)).max(1) as f64;
    let mut b = String::from("<h1>Map</h1>");
    let _ = write!(
        b,
        "<p class=\"meta\">{} geocoded places (blue, sized by mentions) and {} events with a place (red). Hover a point \
         for its name; click it for its page.</p>",
        places.len(),
        (0..d.events.rows).filter(|&r| finite(d.events.float("lat", r)) && finite(d.events.float("lon", r))).count()
    );
    b.push_str(
        "<svg id=\"map\" class=\"map\" viewBox=\"0 0 720 360\" role=\"img\" aria-label=\"World map of the places \
         named\"><rect width=\"720\" height=\"360\" class=\"sea\"/><path class=\"land\" d=\"",
    );
    b.push_str(include_str!("../assets/world-110m.path").trim());
    b.push_str("\"/>");
    // Largest first, so the small ones stay on top and clickable.
    for &e in &places {
        let (x, y) = xy(t.float("lat", e).unwrap_or(0.0), t.float("lon", e).unwrap_or(0.0));
        let n = mentions(e);
        let r = 1.5 + 8.0 * (n as f64 / most).min(1.0).sqrt();
        let _ = write!(
            b,
            "<a href=\"{}\"><circle class=\"place\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{} ({} mentions)</title>\
             </circle></a>",
            entity_file(e),
            esc(t.str("name", e)),
            n
        );
    }
    for r in 0..d.events.rows {
        let (Some(lat), Some(lon)) = (d.events.float("lat", r), d.events.float("lon", r)) else { continue };
        if !lat.is_finite() || !lon.is_finite() {
            continue;
        }
        let Some(&doc) = d.doc_row.get(d.events.str("doc_id", r)) else { continue };
        let (x, y) = xy(lat, lon);
        let _ = write!(
            b,
            "<a href=\"{}#s{}\"><rect class=\"event\" x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"3\"><title>{} in {} \
             {}</title></rect></a>",
            doc_file(doc),
            d.events.int("sentence_idx", r).unwrap_or(0),
            x - 1.5,
            y - 1.5,
            esc(d.events.str("type", r)),
            esc(d.events.str("location_text", r)),
            esc(d.events.str("date_value", r))
        );
    }
    b.push_str("</svg>");
    b.push_str(
        "<h2>Places</h2><table><tr><th>place</th><th>label</th><th>country</th><th>lat, lon</th><th>mentions</th></tr>",
    );
    for &e in places.iter().take(500) {
        let _ = write!(
            b,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{:.3}, {:.3}</td><td>{}</td></tr>",
            entity_file(e),
            esc(t.str("name", e)),
            esc(t.str("label", e)),
            esc(t.str("country_code", e)),
            t.float("lat", e).unwrap_or(0.0),
            t.float("lon", e).unwrap_or(0.0),
            t.int("n_mentions", e).unwrap_or(0)
        );
    }
    b.push_str("</table>");
    if places.len() > 500 {
        let _ = write!(b, "<p>… and {} more places.</p>", places.len() - 500);
    }
    page("Map", "", "", &b)
}

/// The network: the most mentioned entities, joined by relations or by sentences naming both;
/// laid out in the browser (assets/report.js), filtered by label and by count.
pub(crate) fn network(d: &Data) -> String {
    let t = &d.entities;
    let mut nodes: Vec<usize> = (0..t.rows).collect();
    nodes.sort_by_key(|&e| (std::cmp::Reverse(t.int("n_mentions", e).unwrap_or(0)), e));
    nodes.truncate(NETWORK_NODES);
    let index: HashMap<usize, usize> = nodes.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    let node = |id: &str| d.entity_row.get(id).and_then(|e| index.get(e)).copied();
    // Relations between two nodes, counted per pair and predicate.
    let mut relations: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for r in 0..d.relations.rows {
        let (Some(a), Some(b)) =
            (node(d.relations.str("subject_entity_id", r)), node(d.relations.str("object_entity_id", r)))
        else {
            continue;
        };
        if a != b {
            *relations.entry((a, b, d.relations.str("predicate", r))).or_default() += 1;
        }
    }
    // Sentences naming both.
    let mut together: HashMap<(usize, usize), usize> = HashMap::new();
    for rows in &d.by_doc.mentions {
        let mut sentence: Option<i64> = None;
        let mut here: BTreeSet<usize> = BTreeSet::new();
        let mut flush = |here: &mut BTreeSet<usize>| {
            let v: Vec<usize> = here.iter().copied().collect();
            for i in 0..v.len() {
                for j in i + 1..v.len() {
                    *together.entry((v[i], v[j])).or_default() += 1;
                }
            }
            here.clear();
        };
        for &m in rows {
            let s = d.mentions.int("sentence_idx", m);
            if s != sentence {
                flush(&mut here);
                sentence = s;
            }
            if let Some(n) = node(d.mentions.str("entity_id", m)) {
                here.insert(n);
            }
        }
        flush(&mut here);
    }
    let mut rel: Vec<_> = relations.into_iter().collect();
    rel.sort();
    let mut co: Vec<_> = together.into_iter().collect();
    co.sort();
    // The least count that keeps the drawing readable (at most 200 edges) is each kind's default.
    let least = |mut counts: Vec<usize>| {
        counts.sort_unstable_by(|a, b| b.cmp(a));
        counts.get(200).map_or(1, |&n| n + 1)
    };
    let min_count = least(rel.iter().map(|(_, n)| *n).collect());
    let min_together = least(co.iter().map(|(_, n)| *n).collect());
    let data = serde_json::json!({
        "nodes": nodes.iter().map(|&e| serde_json::json!({
            "name": t.str("name", e), "label": t.str("label", e),
            "n": t.int("n_mentions", e).unwrap_or(0), "href": entity_file(e),
        })).collect::<Vec<_>>(),
        "relations": rel.iter().map(|((a, b, p), n)| serde_json::json!([a, b, n, p])).collect::<Vec<_>>(),
        "cooccurrence": co.iter().map(|((a, b), n)| serde_json::json!([a, b, n])).collect::<Vec<_>>(),
        "min": {"relations": min_count, "cooccurrence": min_together},
    });
    let mut labels: Vec<&str> = nodes.iter().map(|&e| t.str("label", e)).collect();
    labels.sort_unstable();
    labels.dedup();
    let mut b = String::from("<h1>Network</h1>");
    let _ = write!(
        b,
        "<p class=\"meta\">The {} most mentioned entities. Edges: relations read from the text, or sentences that \
         name both. Drag to move a node, click it for its page.</p><form id=\"net-controls\" class=\"controls\">\
         <label><input type=\"radio\" name=\"edges\" value=\"relations\" checked> relations</label> <label><input \
         type=\"radio\" name=\"edges\" value=\"cooccurrence\"> same sentence</label> · minimum count <input \
         type=\"number\" id=\"net-min\" min=\"1\" value=\"{min_count}\" size=\"3\"> ·",
        nodes.len()
    );
    for l in &labels {
        let _ =
            write!(b, " <label><input type=\"checkbox\" name=\"label\" value=\"{l}\" checked> {l}</label>", l = esc(l));
    }
    b.push_str(
        "</form><svg id=\"network\" class=\"network\" viewBox=\"0 0 1000 700\" role=\"img\" aria-label=\"Network of \
         entities\"></svg><p id=\"net-status\" class=\"meta\"></p>",
    );
    let _ = write!(b, "<script type=\"application/json\" id=\"network-data\">{}</script>", script_json(&data));
    b.push_str("<script src=\"assets/report.js\"></script>");
    page("Network", "", " data-view=\"network\"", &b)
}

/// The timeline: dated events and the dated sentences that name entities, on a time axis,
/// filtered by entity in the browser.
pub(crate) fn timeline(d: &Data) -> String {
    struct Item {
        day: String,
        kind: &'static str,
        html: String,
        entities: Vec<usize>,
    }
    let mut items: Vec<Item> = Vec::new();
    let mut n_events = 0;
    for r in 0..d.events.rows {
        let Some(day) = d.events.text("date_start", r) else { continue };
        let Some(&doc) = d.doc_row.get(d.events.str("doc_id", r)) else { continue };
        n_events += 1;
        if n_events > TIMELINE_EVENTS {
            continue;
        }
        let idx = d.events.int("event_idx", r);
        let mut entities: Vec<usize> = d.by_doc.roles[doc]
            .iter()
            .filter(|&&q| d.roles.int("event_idx", q) == idx)
            .filter_map(|&q| d.entity_row.get(d.roles.str("entity_id", q)).copied())
            .collect();
        entities.extend(d.entity_row.get(d.events.str("location_entity_id", r)));
        let mut html = format!(
            "<a href=\"{}#s{}\"><b>{}</b></a> {}",
            doc_file(doc),
            d.events.int("sentence_idx", r).unwrap_or(0),
            esc(d.events.str("type", r)),
            esc(d.events.str("location_text", r))
        );
        if let Some(k) = d.events.float("killed_low", r) {
            let _ = write!(html, " · killed {}", num(k));
        }
        let _ = write!(html, " — {}", esc(d.doc_title(doc)));
        items.push(Item { day: day.to_owned(), kind: "event", html, entities });
    }
    let mut n_sentences = 0;
    for (doc, rows) in d.by_doc.dates.iter().enumerate() {
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        for &r in rows {
            let (Some(day), Some(si)) = (d.dates.text("range_start", r), d.dates.int("sentence_idx", r)) else {
                continue;
            };
            if d.dates.str("type", r) != "DATE" || !seen.insert(si) {
                continue;
            }
            let entities: Vec<usize> = d.by_doc.mentions[doc]
                .iter()
                .filter(|&&m| d.mentions.int("sentence_idx", m) == Some(si))
                .filter_map(|&m| d.entity_row.get(d.mentions.str("entity_id", m)).copied())
                .collect();
            if entities.is_empty() {
                continue;
            }
            n_sentences += 1;
            if n_sentences > TIMELINE_SENTENCES {
                continue;
            }
            let text = d.sentence(doc, si).map_or("", |s| d.sentences.str("text", s));
            let html = format!("<a href=\"{}#s{si}\">{}</a>", doc_file(doc), esc(text));
            items.push(Item { day: day.to_owned(), kind: "sentence", html, entities });
        }
    }
    items.sort_by(|a, b| a.day.cmp(&b.day).then(a.kind.cmp(b.kind)));
    // The entities to filter by: those the items name, most mentioned first.
    let mut named: Vec<usize> = items.iter().flat_map(|i| i.entities.iter().copied()).collect();
    named.sort_unstable();
    named.dedup();
    named.sort_by_key(|&e| (std::cmp::Reverse(d.entities.int("n_mentions", e).unwrap_or(0)), e));
    let mut b = String::from("<h1>Timeline</h1>");
    let _ = write!(
        b,
        "<p class=\"meta\">{} dated events and {} dated sentences naming an entity{}.</p>",
        n_events.min(TIMELINE_EVENTS),
        n_sentences.min(TIMELINE_SENTENCES),
        if n_events > TIMELINE_EVENTS || n_sentences > TIMELINE_SENTENCES { " (the first of more)" } else { "" }
    );
    b.push_str("<form class=\"controls\"><label>Entity: <select id=\"tl-entity\"><option value=\"\">all</option>");
    for &e in named.iter().take(1000) {
        let _ = write!(b, "<option value=\"{e}\">{}</option>", esc(d.entities.str("name", e)));
    }
    b.push_str(
        "</select></label></form><svg id=\"timeline-axis\" class=\"axis\" viewBox=\"0 0 1000 90\" role=\"img\" \
         aria-label=\"Items over time\"></svg><ol id=\"timeline\" class=\"timeline\">",
    );
    for it in &items {
        let ents: Vec<String> = it.entities.iter().map(|e| e.to_string()).collect();
        let _ = write!(
            b,
            "<li class=\"tl-{}\" data-day=\"{}\" data-entities=\" {} \"><time>{}</time> {}</li>",
            it.kind,
            esc(&it.day),
            ents.join(" "),
            esc(&it.day),
            it.html
        );
    }
    b.push_str("</ol><script src=\"assets/report.js\"></script>");
    page("Timeline", "", " data-view=\"timeline\"", &b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_in_a_script_cannot_end_it() {
        let v = serde_json::json!({"name": "</script><script>alert(1)</script> & <!--"});
        let s = super::script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }
}
