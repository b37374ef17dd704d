//! `events`: one row per incident a reader would count; `event_roles`: one row per argument of
//! one (the rows nested in each `gleaner_extract::Event`).

use gleaner_extract::{Event, EventRole};

use super::{Cx, PerDocument, SPAN_DOC};
use crate::ExportError;

table! {
    /// `events`.
    EVENTS = "events", "one row per incident: what happened, where, when, how many killed and wounded",
    |e: &'a Event, cx: Cx<'a>| {
        "doc_id": Str = "document" => cx.id(),
        "event_idx": Int = "0-based within the document" => cx.idx(),
        "sentence_idx": Int = "sentence of its first trigger" => i64::from(e.sentence),
        "type": Str = "attack, bombing, shooting, killing, kidnapping, arson, robbery, arrest, protest, riot, clash, disaster" => e.kind.as_str(),
        "trigger_text": Str = "the word naming it first: documents.text[start:end]" => cx.slice(e.trigger),
        "start": Int = "trigger start, in code points" => cx.at(e.trigger.start),
        "end": Int = "trigger end, in code points" => cx.at(e.trigger.end),
        "date_value": OptStr = "TIMEX3 value of its date; null if unknown" => e.date.as_ref().map(|d| d.value.as_str()),
        "date_start": OptDate = "first day it may have been" => e.date.as_ref().and_then(|d| d.start),
        "date_end": OptDate = "last day it may have been" => e.date.as_ref().and_then(|d| d.end),
        "location_text": OptStr = "the place mention it is read from" => e.location.as_ref().map(|l| cx.slice(l.span)),
        "location_entity_id": OptStr = "entities.entity_id of the place" => e.location.as_ref().and_then(|l| l.entity_id.as_deref()),
        "country_code": OptStr = "ISO 3166-1 alpha-2 of the place's country" => e.location.as_ref().and_then(|l| l.place).map(|p| p.country),
        "lat": OptFloat = "latitude of the place, WGS84" => e.location.as_ref().and_then(|l| l.place).and_then(|p| p.lat),
        "lon": OptFloat = "longitude of the place, WGS84" => e.location.as_ref().and_then(|l| l.place).and_then(|p| p.lon),
        "killed_low": OptFloat = "fewest killed the text allows; null if unsaid" => e.killed.map(|k| k.0),
        "killed_high": OptFloat = "most killed the text allows; null if unsaid or unbounded" => e.killed.and_then(|k| k.1),
        "wounded_low": OptFloat = "fewest wounded the text allows" => e.wounded.map(|k| k.0),
        "wounded_high": OptFloat = "most wounded the text allows" => e.wounded.and_then(|k| k.1),
        "evidence_start": Int = "start of the sentences it is read from, in code points" => cx.at(e.evidence.start),
        "evidence_end": Int = "end of the sentences it is read from, in code points" => cx.at(e.evidence.end),
        "confidence": Float = "0..1" => f64::from(e.confidence),
        "rule": Str = "the rule that made it (gleaner_extract::events::RULES)" => e.rule,
    }
}

pub(crate) const ROWS: PerDocument = PerDocument {
    len: |f| f.events.len(),
    write: |f, mut cx, out| {
        for e in &f.events {
            out.push(&cells(e, cx))?;
            cx.idx += 1;
        }
        Ok(())
    },
};

/// `event_roles`.
pub(crate) mod roles {
    use super::*;

    table! {
        /// `event_roles`.
        EVENT_ROLES = "event_roles", "one row per argument of an incident",
        |r: &'a (usize, &'a EventRole), cx: Cx<'a>| {
            "doc_id": Str = "document" => cx.id(),
            "event_idx": Int = "events.event_idx" => (cx.parent_idx + r.0) as i64,
            "role": Str = "perpetrator_person, perpetrator_org, victim, target, weapon, location, claimed_by" => r.1.role.as_str(),
            "start": Int = SPAN_DOC => cx.at(r.1.span.start),
            "end": Int = SPAN_DOC => cx.at(r.1.span.end),
            "text": Str = "documents.text[start:end]" => cx.slice(r.1.span),
            "entity_id": OptStr = "entities.entity_id; null when no entity" => r.1.entity_id.as_deref(),
        }
    }

    pub(crate) const ROWS: PerDocument = PerDocument {
        len: |f| f.events.iter().map(|e| e.roles.len()).sum(),
        write: |f, cx, out| write_roles(f, cx, out),
    };

    fn write_roles(
        f: &gleaner_extract::Extraction,
        mut cx: Cx<'_>,
        out: &mut crate::sink::TableOut,
    ) -> Result<(), ExportError> {
        for (k, e) in f.events.iter().enumerate() {
            for r in &e.roles {
                out.push(&cells(&(k, r), cx))?;
                cx.idx += 1;
            }
        }
        Ok(())
    }
}
