//! Incidents: what happened, where, when, to whom, by whom, with how many dead. One row per
//! incident a reader would count, with its arguments (the `events` and `event_roles` tables).
//!
//! A sentence is read for its *triggers* (`lang::en::events::trigger`: "bombing", "exploded",
//! "kidnapped", "attacked", "opened fire"). A strong trigger names an incident by itself; a weak
//! one ("attacked", "shot", "killed", "fire") only in a sentence that also gives a fact of
//! violence: a weapon, a casualty count, an armed perpetrator ("gunmen"), a victim of a killing
//! verb, or a strong trigger. A trigger after a modal, a negation or an intention ("could
//! attack", "threatened to kill", "plans to bomb") names nothing that happened, and a plural
//! ("attacks") only tells again of an incident already found. Each rule is named in [`RULES`].
//!
//! **One incident, one row.** The triggers of a sentence are one incident (the strongest type
//! wins: "a bomb exploded, killing 13" is a bombing). A later sentence's incident is the same as
//! the latest one of a compatible type when it refers back ("the attack", "the bombings") or,
//! being neither indefinite ("a bomb", "another attack") nor at another place or date, adds to
//! it ("13 were killed", a count with no trigger within two sentences of it); otherwise it is a
//! new incident. A sentence whose plural has a place or date of its own ("in such attacks in
//! 2019") refers to no incident of the story. The type is the most telling of its triggers'
//! (a plural's or a generic noun's aside).
//!
//! **Arguments**, from every sentence of the incident: the subject of an active trigger verb and
//! the agent after "by" of a passive one are its perpetrators (a person or a description of
//! people, "gunmen"; an organization, "the FMLN", also read inside "members of the FMLN" or
//! "Taliban fighters"); the object of a killing, wounding or taking verb, the subject of its
//! passive, the "of" of "the murder of X" and the counted of a casualty count are victims; the
//! object of an attacking verb or the "on"/"against"/"outside" of an attack noun, when its head
//! is a building, vehicle or installation (`lang::en::events::target_noun`), is a target; the
//! weapons of `lang::en::events::weapon`; who "claimed responsibility" or "claimed the attack"
//! (or by whom it was claimed; not "no group claimed") is `claimed_by` and a perpetrator. The
//! place is the place mention after "in", "at", "near", "outside" (from the trigger on), else the
//! sentence's first place that modifies no noun ("U.S. troops" is none), else wire copy's
//! dateline ("KABUL, Aug 26 (Reuters) -": a place opening the story, then a date or an agency);
//! it is also a `location` argument when it lies in the incident's sentences. Two places are one
//! incident's when one lies in the other (Kabul, Afghanistan). The date is the sentence's first
//! calendar date (`dates` rows); killed and wounded come from the `numbers` rows of people (not
//! things: "warrants were executed") whose event says so: counts of different groups and
//! "others" added up, one group (one head noun) told twice counted once, a count of "people" a
//! total that may hold the others.
//!
//! In text written all in capitals (wire copy of the 1980s) the tagger's names are not trusted
//! for phrase boundaries: a phrase is read from its words, and its organization from its head
//! word ("front", "army", "cartel") or a bracketed acronym ("\[FMLN\]").
//!
//! **The role classifier** (`learned.rs`, `models/events.bin`) then reads each content word of
//! the sentence and adds the arguments it finds to the rules' (see there). One argument told
//! twice in an incident is kept once: the same words, one inside the other, the same last two
//! words, a name and its acronym ("Farabundo Marti National Liberation Front \[FMLN\]"), a name
//! and the description beside it ("Maria Diaz, a judge"), perpetrators with one head noun.
//!
//! A story may open on "the attack" (a noun told as known): it is an incident when none was told
//! before. "The kidnappers", "the gunmen" (`lang::en::events::doer_noun`) name again the doers
//! of the incident just told, so their sentence joins it.
//!
//! ```
//! use gleaner_extract::{dates::Dates, entities::Entities, events::Events, numbers::Numbers, EventType, Pipeline};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let text = "Gunmen opened fire on a bus in Karachi on Monday, killing 13 people.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Dates).with(Numbers).with(Entities::shipped()).with(Events).run(&doc);
//! let e = &found.events[0];
//! assert_eq!(e.kind, EventType::Shooting);
//! assert_eq!(e.killed, Some((13.0, Some(13.0))));
//! assert_eq!(doc.slice(e.location.as_ref().unwrap().span), "Karachi");
//! ```

use gleaner_ingest::lang::en::{self, events as ev};
use gleaner_ingest::{Document, Span};

use crate::words::Words;
use crate::{
    DateMention, Event, EventDate, EventPlace, EventRole, EventRoleKind, EventType, Extraction, Extractor, Label,
    Mention, NumberMention, Rows, Rule, TimexType,
};

mod learned;
#[cfg(test)]
mod tests;

use learned::Learn;
pub use learned::{class_of, shipped_model, train_roles, RoleExample, N_ROLE_CLASSES, ROLE_CLASSES};

/// The rules that make an `events` row, each with a sentence it reads (the tests run them).
pub const RULES: &[Rule] = &[
    Rule {
        name: "incident_word",
        meaning: "a word that names an incident by itself: bombing, exploded, kidnapped, ambushed",
        examples: &["A car bomb exploded outside the police station in Quetta."],
    },
    Rule {
        name: "violent_act",
        meaning: "a word that names an incident with a fact of violence beside it: attacked, shot, killed",
        examples: &["Gunmen attacked a bus carrying pilgrims.", "Three soldiers were killed near the border."],
    },
];

/// The incidents extractor. See the module docs.
#[derive(Debug, Default, Clone, Copy)]
pub struct Events;

impl Extractor for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn makes(&self) -> &'static [Rows] {
        &[Rows::Events]
    }

    fn needs(&self) -> &'static [Rows] {
        &[Rows::Mentions, Rows::Numbers, Rows::Dates]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let learn = shipped_model().map_or(Learn::Off, Learn::Apply);
        let events = read(doc, out, &learn);
        out.events.extend(events);
    }
}

/// The words of a document's incident sentences, each with the features the role classifier
/// reads (`gleaner-train events` labels them). `found` holds the rows `Events` needs.
pub fn role_examples(doc: &Document, found: &Extraction) -> Vec<RoleExample> {
    let examples = std::cell::RefCell::new(Vec::new());
    read(doc, found, &Learn::Collect(&examples));
    examples.into_inner()
}

/// Reads the document's incidents.
fn read(doc: &Document, out: &Extraction, learn: &Learn) -> Vec<Event> {
    let cased = is_cased(&doc.text);
    let clusters = learned::clusters();
    let mut words = Words::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let (mentions, numbers, dates) = (&out.mentions, &out.numbers, &out.dates);
    words.each_sentence(doc, |words, sentence| {
        let cx = Cx {
            words,
            sentence,
            cased,
            mentions: in_sentence(mentions, sentence, |m| m.sentence),
            numbers: in_sentence(numbers, sentence, |n| n.sentence),
            dates: in_sentence(dates, sentence, |d| d.sentence),
            learn,
            clusters,
        };
        cx.read(doc, &mut drafts);
    });
    // Wire copy's dateline ("SAN SALVADOR, 18 FEB 90 --", "KABUL, Aug 26 (Reuters) -") is
    // where an incident is when none of its sentences says.
    let dateline = doc.extractable_sentences().next().and_then(|(i, s)| {
        let m = mentions.iter().find(|m| m.sentence == i as u32)?;
        let after = doc.text[m.span.end as usize..].trim_start_matches(' ');
        let at = doc.text.len() - after.len();
        // The place opens the story and a date or an agency follows it.
        let dated = after.starts_with(',')
            && dates
                .iter()
                .any(|d| d.sentence == i as u32 && d.span.start as usize > at && d.span.start as usize <= at + 3);
        let agency = after.starts_with('(');
        (m.span.start == s.span.start && m.label == Label::Gpe && m.place.is_some() && (dated || agency))
            .then(|| EventPlace { span: m.span, entity_id: Some(m.entity_id.clone()), place: m.place })
    });
    drafts
        .into_iter()
        .map(|mut d| {
            if d.location.is_none() && d.sentence > 0 {
                d.location = dateline.clone();
            }
            d.finish(&doc.text)
        })
        .collect()
}

/// The rows of a sentence-ordered table that lie in `sentence`.
fn in_sentence<T>(rows: &[T], sentence: u32, of: impl Fn(&T) -> u32) -> &[T] {
    let lo = rows.partition_point(|r| of(r) < sentence);
    let hi = lo + rows[lo..].partition_point(|r| of(r) <= sentence);
    &rows[lo..hi]
}

/// Does the text mark names by case (not written all in capitals)? Judged on its first 4 KB
/// of letters.
fn is_cased(text: &str) -> bool {
    let (mut lower, mut upper) = (0usize, 0usize);
    for b in text.bytes().take(4096) {
        lower += b.is_ascii_lowercase() as usize;
        upper += b.is_ascii_uppercase() as usize;
    }
    lower * 4 >= upper
}

/// An incident being read: its facts so far.
struct Draft {
    kind: EventType,
    sentence: u32,
    last_sentence: u32,
    trigger: Span,
    evidence: Span,
    date: Option<EventDate>,
    location: Option<EventPlace>,
    killed: Vec<Count>,
    wounded: Vec<Count>,
    roles: Vec<EventRole>,
    facts: u32,
    rule: &'static str,
}

/// A casualty count: its bounds and what it counts (lower case, "" when unsaid).
struct Count {
    low: f64,
    high: Option<f64>,
    counted: String,
}

impl Draft {
    fn finish(mut self, text: &str) -> Event {
        if let Some(l) = &self.location {
            let span = l.span;
            if self.evidence.start <= span.start && span.end <= self.evidence.end {
                self.add(EventRoleKind::Location, span, l.entity_id.clone());
            }
        }
        self.roles.sort_by_key(|r| (r.span, r.role));
        self.roles.dedup_by(|a, b| a.span == b.span && a.role == b.role);
        // One argument told twice is one: the same words ("the airport ... the airport"), one
        // inside the other ("10 paid assassins", "a group of 10 paid assassins"), or the same
        // last two words ("Jaime Pardo Leal", "Pardo Leal"; "judge Maria Arango", "Maria
        // Arango"): the first told is kept, or the longer when one holds the other.
        let words = |r: &EventRole| -> Vec<String> {
            text[r.span.range()]
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .filter(|w| !w.is_empty() && !matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
                .map(str::to_lowercase)
                .collect()
        };
        let same = |a: &[String], b: &[String]| {
            let inside = |x: &[String], y: &[String]| !x.is_empty() && y.windows(x.len()).any(|w| w == x);
            // An acronym of the other's words ("FMLN", "Farabundo Marti National Liberation
            // Front": the initials' order may be another language's).
            let acronym = |x: &[String], y: &[String]| {
                let initials: Vec<char> = y.iter().filter_map(|w| w.chars().next()).collect();
                x.len() == 1
                    && y.len() >= 3
                    && (2..=6).contains(&x[0].chars().count())
                    && x[0].chars().all(|c| c.is_alphabetic() && initials.contains(&c))
                    && initials.iter().filter(|c| x[0].contains(**c)).count() + 1 >= initials.len()
            };
            inside(a, b)
                || inside(b, a)
                || (a.len() >= 2 && b.len() >= 2 && a[a.len() - 2..] == b[b.len() - 2..])
                || acronym(a, b)
                || acronym(b, a)
        };
        let mut kept: Vec<(EventRole, Vec<String>)> = Vec::new();
        for r in std::mem::take(&mut self.roles) {
            let w = words(&r);
            match kept.iter_mut().find(|(k, kw)| k.role == r.role && same(kw, &w)) {
                Some(k) if w.len() > k.1.len() && w.windows(k.1.len().max(1)).any(|x| x == k.1.as_slice()) => {
                    *k = (r, w)
                }
                Some(_) => {}
                None => kept.push((r, w)),
            }
        }
        self.roles = kept.into_iter().map(|(r, _)| r).collect();
        self.roles.sort_by_key(|r| (r.span, r.role));
        // A name and its acronym in brackets right after it ("Farabundo Marti National
        // Liberation Front \[FMLN\]") are one argument: the name stays.
        // So are a name and the description set beside it ("Maria Diaz, a judge", "the
        // governor, Antonio Roldan"), and two descriptions of perpetrators with one head noun
        // ("30 terrorists", "FMLN terrorists").
        let head = |r: &EventRole| {
            let last = text[r.span.range()].rsplit(' ').next().unwrap_or("").to_lowercase();
            last.strip_suffix('s').map(str::to_owned).unwrap_or(last)
        };
        let bracketed = |a: &EventRole, b: &EventRole| {
            let between = text.get(a.span.end as usize..b.span.start as usize).unwrap_or("x");
            let close = text.get(b.span.end as usize..).and_then(|t| t.chars().next());
            let acronym = matches!(between.trim(), "(" | "[")
                && matches!(close, Some(')') | Some(']'))
                && text[b.span.range()].chars().all(|c| c.is_uppercase() || c == '-' || c == '.');
            // A name beside a description, not a list of names or of groups: one head is a
            // word for a person, the other not.
            let apposition = between.trim() == "," && ev::person_noun(&head(a)) != ev::person_noun(&head(b));
            let perpetrators = a.role == EventRoleKind::PerpetratorPerson && head(a) == head(b);
            a.role == b.role && (acronym || apposition || perpetrators)
        };
        // Each pair compared among the arguments kept so far ("Maria Diaz, a judge, Pedro Ruiz, a
        // lawyer" keeps both names); of a name and its description the name stays, whichever
        // comes first.
        let mut drop = vec![false; self.roles.len()];
        for k in 1..self.roles.len() {
            let b = &self.roles[k];
            if let Some(j) = (0..k).rev().find(|&j| !drop[j] && bracketed(&self.roles[j], b)) {
                let a = &self.roles[j];
                let description_first = ev::person_noun(&head(a)) && !ev::person_noun(&head(b));
                drop[if description_first { j } else { k }] = true;
            }
        }
        let mut k = 0;
        self.roles.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        let confidence = (0.45 + 0.1 * self.facts.min(4) as f32).min(0.9);
        Event {
            sentence: self.sentence,
            last_sentence: self.last_sentence,
            kind: self.kind,
            trigger: self.trigger,
            date: self.date,
            location: self.location,
            killed: total(&self.killed),
            wounded: total(&self.wounded),
            evidence: self.evidence,
            confidence,
            rule: self.rule,
            roles: self.roles,
        }
    }

    /// Adds a role, once per span and role.
    fn add(&mut self, role: EventRoleKind, span: Span, entity_id: Option<String>) {
        if span.is_empty() {
            return;
        }
        let overlaps = |r: &EventRole| r.role == role && r.span.start < span.end && span.start < r.span.end;
        match self.roles.iter().position(overlaps) {
            Some(k) if self.roles[k].span.len() < span.len() => self.roles[k] = EventRole { role, span, entity_id },
            Some(_) => {}
            None => self.roles.push(EventRole { role, span, entity_id }),
        }
    }
}

/// The casualties of several counts: a group counted twice ("13 U.S. servicemembers ... the
/// 13 servicemembers", one head noun) once, at its largest; different groups, and "others",
/// added up; a count of people in general ("killing 20 people") is a total that may include the
/// others, so the larger of it and the sum.
fn total(counts: &[Count]) -> Option<(f64, Option<f64>)> {
    if counts.is_empty() {
        return None;
    }
    let general = |c: &Count| matches!(c.counted.as_str(), "" | "people" | "persons" | "dead" | "victims");
    let mut groups: Vec<(&str, f64, Option<f64>)> = Vec::new();
    let mut widest: (f64, Option<f64>) = (0.0, Some(0.0));
    for c in counts {
        if general(c) {
            if c.low > widest.0 || (c.low == widest.0 && widest.1 == Some(0.0)) {
                widest = (c.low, c.high);
            }
            continue;
        }
        let word = c.counted.rsplit(' ').next().unwrap_or("");
        let head = word.strip_suffix('s').unwrap_or(word);
        match groups.iter_mut().find(|g| g.0 == head && !matches!(head, "other" | "more")) {
            Some(g) if c.low > g.1 => (g.1, g.2) = (c.low, c.high),
            Some(_) => {}
            None => groups.push((head, c.low, c.high)),
        }
    }
    let sum_low: f64 = groups.iter().map(|g| g.1).sum();
    let sum_high = groups.iter().try_fold(0.0, |acc, g| g.2.map(|h| acc + h));
    if groups.is_empty() || widest.0 > sum_low {
        Some(widest)
    } else {
        Some((sum_low, sum_high))
    }
}

/// A trigger found in a sentence: its first token and what it names.
#[derive(Clone, Copy)]
struct Found {
    at: usize,
    trigger: ev::Trigger,
    kind: EventType,
}

/// Is the number a count of dead or hurt: a count (no age, no money, no unit) whose event word
/// says the counted died or were hurt?
fn is_casualty(c: &NumberMention) -> bool {
    c.low.is_some()
        && c.kind == crate::NumberKind::Cardinal
        && c.unit.is_none()
        && c.event.as_deref().is_some_and(|e| en::says_died(e) || ev::says_hurt(e))
        && c.counted.as_deref().is_none_or(counts_people)
}

/// Does a counted phrase count people or anything alive ("U.S. servicemembers", "Afghans",
/// "others"), not things: buildings, vehicles, weapons, papers ("search warrants were executed")?
fn counts_people(counted: &str) -> bool {
    let head = counted.rsplit(' ').next().unwrap_or("").to_lowercase();
    !(ev::target_noun(&head)
        || ev::weapon(&[head.as_str()]).is_some()
        || matches!(
            head.as_str(),
            "warrants"
                | "orders"
                | "contracts"
                | "projects"
                | "plans"
                | "bills"
                | "deals"
                | "jobs"
                | "shares"
                | "trees"
                | "crops"
                | "acres"
                | "hectares"
                | "tonnes"
                | "tons"
                | "barrels"
                | "trades"
                | "cases"
        ))
}

/// Can two places be where one incident was: the same place, or one inside the other ("Kabul"
/// and "Afghanistan": a town and its country or division)?
fn same_place(a: &EventPlace, b: &EventPlace) -> bool {
    use crate::places::Kind;
    if a.entity_id == b.entity_id {
        return true;
    }
    let wide = |k: Kind| matches!(k, Kind::Country);
    let division = |k: Kind| matches!(k, Kind::Admin1);
    match (a.place, b.place) {
        (Some(p), Some(q)) => {
            p.country == q.country
                && (wide(p.kind) || wide(q.kind) || (p.admin1 == q.admin1 && (division(p.kind) || division(q.kind))))
        }
        _ => false,
    }
}

/// Which incidents can be one: the violent ones together, each other family on its own.
fn family(kind: EventType) -> u8 {
    match kind {
        EventType::Attack
        | EventType::Bombing
        | EventType::Shooting
        | EventType::Killing
        | EventType::Kidnapping
        | EventType::Arson
        | EventType::Robbery => 0,
        EventType::Protest | EventType::Riot | EventType::Clash => 1,
        EventType::Arrest => 2,
        EventType::Disaster => 3,
    }
}

/// How much a type says: the one a sentence's incident takes when several triggers name it.
fn rank(kind: EventType) -> u8 {
    match kind {
        EventType::Bombing => 12,
        EventType::Kidnapping => 11,
        EventType::Arson => 10,
        EventType::Disaster => 9,
        EventType::Robbery => 8,
        EventType::Shooting => 7,
        EventType::Attack => 6,
        EventType::Riot => 5,
        EventType::Clash => 4,
        EventType::Killing => 3,
        EventType::Protest => 2,
        EventType::Arrest => 1,
    }
}

/// One sentence and its rows.
struct Cx<'a, 'd> {
    words: &'a Words<'d>,
    sentence: u32,
    cased: bool,
    mentions: &'a [Mention],
    numbers: &'a [NumberMention],
    dates: &'a [DateMention],
    learn: &'a Learn<'a>,
    clusters: Option<&'static crate::linear::Clusters>,
}

/// What a phrase is, read from its head word and the names in it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Person,
    Perpetrator,
    Org,
    Physical,
    Place,
    Other,
}

/// A phrase: tokens `first..=last`.
#[derive(Clone, Copy, Debug)]
struct Phrase {
    first: usize,
    last: usize,
}

impl<'a, 'd> Cx<'a, 'd> {
    fn lw(&self, i: usize) -> &'d str {
        self.words.lw(i)
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn span(&self, p: Phrase) -> Span {
        Span { start: self.words.spans[p.first].start, end: self.words.spans[p.last].end }
    }

    /// The mention covering token `i`.
    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let s = self.words.spans[i];
        self.mentions.iter().find(|m| m.span.start <= s.start && s.end <= m.span.end)
    }

    /// Reads the sentence: its incident, merged into one the document told before or new.
    fn read(&self, doc: &Document, drafts: &mut Vec<Draft>) {
        let found = self.triggers();
        let counts = self.numbers.iter().any(is_casualty);
        // "The kidnappers are members of ...": the doers of an incident just told, named again
        // by a word for the act's doers (not "the rebels": a side, told of in any sentence).
        let doers = (1..self.len()).any(|i| self.lw(i - 1) == "the" && ev::doer_noun(self.lw(i)));
        if found.is_empty() && !counts && !doers {
            return;
        }
        let violence = self.violence(&found);
        let real: Vec<&Found> = found.iter().filter(|f| !self.irrealis(f.at) && !self.generic(f)).collect();
        // A sentence with a place or date of its own tells of other incidents ("in such attacks
        // in 2019"): it refers back only to one at that place and date.
        let own_place = self.place_after(0);
        let own_date = self.date();
        let elsewhere = |d: &Draft| {
            matches!((&own_place, &d.location), (Some(p), Some(l)) if !same_place(p, l))
                || matches!((&own_date, &d.date), (Some(a), Some(b)) if a.value != b.value)
        };
        let plural_elsewhere =
            |f: &&Found| f.trigger.form == ev::Form::Plural && (own_place.is_some() || own_date.is_some());
        let refers_back = real.iter().any(|f| self.definite(f.at) && !plural_elsewhere(f))
            || (found.is_empty()
                && drafts
                    .last()
                    .is_some_and(|d| d.last_sentence + 2 >= self.sentence && family(d.kind) != 2 && !elsewhere(d)));
        let creates = real
            .iter()
            .filter(|f| {
                // A protest is an incident with a place: "thousands marched in Paris".
                let placed = family(f.kind) == 1 && self.place_after(f.at).is_some();
                // "The attack was carried out by ...", opening a story: told as known, but the
                // story has told of none before.
                let first_told = f.trigger.form == ev::Form::Noun
                    && self.definite(f.at)
                    && family(f.kind) == 0
                    && !drafts.iter().any(|d| family(d.kind) == 0);
                // "the murders of three reporters": a plural told of its victims is their incident.
                let of_victims = f.trigger.form == ev::Form::Plural
                    && family(f.kind) == 0
                    && self.lw(f.at + f.trigger.len) == "of"
                    && self.object(f.at + f.trigger.len + 1).is_some_and(|o| {
                        // Told of someone: a count, "the", a name ("of journalists" is of no one).
                        let w = self.lw(o.first);
                        let counted = w.starts_with(|c: char| c.is_ascii_digit())
                            || matches!(
                                w,
                                "the" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                            );
                        let named = self.cased && self.mention_at(o.first).is_some_and(|m| m.label == Label::Person);
                        self.classify(o) == Class::Person && (counted || named)
                    });
                (f.trigger.form != ev::Form::Plural || of_victims)
                    && (f.trigger.strong || violence > 0 || placed || first_told)
            })
            // An incident told again ("over the bombing") yields to one the sentence tells.
            .max_by_key(|f| (!self.definite(f.at), rank(f.kind), f.trigger.strong, std::cmp::Reverse(f.at)))
            .copied();
        let Some(top) = creates.copied().or_else(|| real.iter().max_by_key(|f| rank(f.kind)).copied().copied()) else {
            if !refers_back {
                return;
            }
            // A count of dead or wounded right after an incident: "13 were killed".
            let k = drafts.len() - 1;
            self.merge(doc, None, violence, &found, &mut drafts[k]);
            return;
        };
        let place = self.place_after(top.at);
        let date = own_date.clone();
        let conflicts = |d: &Draft| {
            matches!((&place, &d.location), (Some(p), Some(l)) if !same_place(p, l))
                || matches!((&date, &d.date), (Some(a), Some(b)) if a.value != b.value)
        };
        let same_family: Vec<usize> =
            (0..drafts.len()).filter(|&k| family(drafts[k].kind) == family(top.kind)).collect();
        let target = if refers_back && !creates.is_some_and(|f| self.indefinite(f.at)) {
            // The incident it refers back to: one whose place, date or target it shares, else the latest.
            same_family
                .iter()
                .rev()
                .max_by_key(|&&k| (self.shares(&drafts[k], &place, &date), !conflicts(&drafts[k]), k))
                .copied()
        } else {
            match (creates, same_family.last()) {
                (Some(f), Some(&k)) => (!self.indefinite(f.at) && !conflicts(&drafts[k])).then_some(k),
                _ => None,
            }
        };
        let k = match (target, creates) {
            (Some(k), _) => k,
            (None, Some(f)) => {
                drafts.push(Draft {
                    kind: f.kind,
                    sentence: self.sentence,
                    last_sentence: self.sentence,
                    trigger: self.trigger_span(*f),
                    evidence: doc.sentences[self.sentence as usize].span,
                    date: None,
                    location: None,
                    killed: Vec::new(),
                    wounded: Vec::new(),
                    roles: Vec::new(),
                    facts: 0,
                    rule: if f.trigger.strong { "incident_word" } else { "violent_act" },
                });
                drafts.len() - 1
            }
            (None, None) => return,
        };
        let place = place.or_else(|| self.first_place());
        self.merge(doc, creates.copied(), violence, &found, &mut drafts[k]);
        let d = &mut drafts[k];
        if d.date.is_none() {
            d.date = date;
        }
        if d.location.is_none() {
            d.location = place;
        }
    }

    /// Adds the sentence to an incident: its type if it says more, its facts and arguments.
    fn merge(&self, doc: &Document, creates: Option<Found>, violence: u32, found: &[Found], d: &mut Draft) {
        // The type says the most any trigger of the incident says: "the bombing killed 12".
        let told = |f: &&Found| f.trigger.form != ev::Form::Plural && !self.irrealis(f.at) && !self.generic(f);
        for f in creates.iter().chain(found.iter().filter(told)) {
            if rank(f.kind) > rank(d.kind) && family(f.kind) == family(d.kind) {
                d.kind = f.kind;
                if d.sentence == self.sentence {
                    d.trigger = self.trigger_span(*f);
                }
            }
        }
        d.last_sentence = self.sentence;
        d.evidence.end = doc.sentences[self.sentence as usize].span.end;
        d.facts += violence;
        self.roles(found, d);
        self.learned_roles(found, d);
    }

    /// How much an incident shares with the sentence: its place, its date, a target's head word.
    fn shares(&self, d: &Draft, place: &Option<EventPlace>, date: &Option<EventDate>) -> u8 {
        let lower = self.words.lower_from(0);
        let mut n = 0;
        if matches!((place, &d.location), (Some(p), Some(l)) if same_place(p, l)) {
            n += 2;
        }
        if matches!((date, &d.date), (Some(a), Some(b)) if a.value == b.value) {
            n += 1;
        }
        let text = self.words.text;
        if d.roles.iter().filter(|r| r.role == EventRoleKind::Target).any(|r| {
            let head = text[r.span.range()].rsplit(' ').next().unwrap_or("").to_lowercase();
            lower.contains(&head.as_str())
        }) {
            n += 2;
        }
        n
    }

    /// Is the trigger a bare singular noun told of in general ("the threat of kidnapping", "for
    /// hostage-taking or other acts"): no determiner, possessive or modifier before it, and no
    /// date or place in the sentence?
    fn generic(&self, f: &Found) -> bool {
        if f.trigger.form != ev::Form::Noun
            || f.at == 0 && self.len() > 1 && self.words.w(0).starts_with(char::is_uppercase) && self.cased
        {
            return false;
        }
        let before = f.at.checked_sub(1).map(|k| self.lw(k)).unwrap_or("");
        // "..., killing two soldiers": a participle with its object, no noun told of in general.
        let next = self.lw(f.at + f.trigger.len);
        let participle = self.lw(f.at).ends_with("ing")
            && (is_determiner(next) || next.starts_with(|c: char| c.is_ascii_digit()) || {
                let k = f.at + f.trigger.len;
                k < self.len() && self.words.w(k).starts_with(char::is_uppercase) && self.cased
            });
        let bare = before.is_empty() || is_stop(before) || matches!(before, "of" | "or" | "and");
        !participle && bare && self.date().is_none() && self.place_after(f.at).is_none()
    }

    /// The sentence's triggers, outside names (a "Bombing Prevention Act").
    fn triggers(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let lower = self.words.lower_from(0);
        let mut i = 0;
        while i < self.len() {
            if let Some(t) = ev::trigger(&lower[i..]) {
                let at = self.words.spans[i];
                let told_of =
                    t.form != ev::Form::Verb && ev::modified_noun(lower.get(i + t.len).copied().unwrap_or(""));
                let in_name = told_of
                    || self.cased
                        && self
                            .mention_at(i)
                            .is_some_and(|m| !matches!(m.label, Label::Gpe | Label::Loc | Label::Norp))
                    || self.dates.iter().any(|d| d.span.start <= at.start && at.end <= d.span.end);
                if let (false, Some(kind)) = (in_name, EventType::parse(t.kind)) {
                    out.push(Found { at: i, trigger: t, kind });
                }
                i += t.len;
            } else {
                i += 1;
            }
        }
        out
    }

    fn trigger_span(&self, f: Found) -> Span {
        self.span(Phrase { first: f.at, last: (f.at + f.trigger.len - 1).min(self.len() - 1) })
    }

    /// The facts of violence the sentence gives besides its triggers' own words: weapons,
    /// casualty counts, armed perpetrators, strong triggers, words of killing or wounding.
    fn violence(&self, found: &[Found]) -> u32 {
        let lower = self.words.lower_from(0);
        let mut n =
            found.iter().filter(|f| f.trigger.strong && family(f.kind) == 0 && !self.irrealis(f.at)).count() as u32;
        n += self.numbers.iter().filter(|c| is_casualty(c)).count() as u32;
        // A building, vehicle or installation attacked: "attacked an electric power substation",
        // "an attack on a bus".
        for f in found.iter().filter(|f| family(f.kind) == 0 && !self.irrealis(f.at)) {
            let mut k = f.at + f.trigger.len;
            if f.trigger.form != ev::Form::Verb {
                if !matches!(self.lw(k), "on" | "against") {
                    continue;
                }
                k += 1;
            }
            let person = |o: Phrase| matches!(self.classify(o), Class::Person | Class::Perpetrator);
            match self.object(k) {
                Some(o) if self.classify(o) == Class::Physical => n += 1,
                // "shot Terence Crutcher", "stabbed a man": a violent verb done to a person.
                Some(o) if f.trigger.form == ev::Form::Verb && f.kind != EventType::Attack && person(o) => n += 1,
                _ => {}
            }
            // "Scott was shot": the same, told in the passive.
            if f.trigger.form == ev::Form::Verb
                && f.kind != EventType::Attack
                && self.passive(f.at)
                && self.subject(self.aux_before(f.at)).is_some_and(person)
            {
                n += 1;
            }
        }
        let in_trigger = |i: usize| found.iter().any(|f| f.at <= i && i < f.at + f.trigger.len);
        for i in 0..self.len() {
            let w = lower[i];
            if in_trigger(i) {
                continue;
            }
            if ev::weapon(&lower[i..]).is_some() || self.perpetrator_at(i) || en::says_died(w) || ev::says_hurt(w) {
                n += 1;
            }
        }
        n
    }

    /// Is token `i` the head of a perpetrator phrase ("gunmen", "terrorists"), not a modifier
    /// ("terrorist attacks") or a word for the accused ("suspects")?
    fn perpetrator_at(&self, i: usize) -> bool {
        let w = self.lw(i);
        let next = self.lw(i + 1);
        // A singular before another noun modifies it: "a guerrilla column", "rebel positions".
        let singular = !w.ends_with('s') && !w.ends_with("men");
        let noun_next = next.chars().all(|c| c.is_alphabetic() || c == '-')
            && !next.is_empty()
            && !is_stop(next)
            && !next.ends_with("ed")
            && !is_verb_s(next)
            && !ev::victim_verb(next)
            && !ev::target_verb(next)
            && ev::trigger(&[next]).is_none_or(|t| t.form != ev::Form::Verb);
        let modifies = singular && noun_next;
        let accused = matches!(w, "suspects" | "suspect" | "individuals" | "squad" | "squads" | "mob");
        let before_noun = ev::trigger(&[next]).is_some_and(|t| t.form != ev::Form::Verb)
            || matches!(
                next,
                "organization"
                    | "organizations"
                    | "group"
                    | "groups"
                    | "cell"
                    | "cells"
                    | "network"
                    | "networks"
                    | "leader"
                    | "leaders"
                    | "threat"
                    | "threats"
                    | "camp"
                    | "camps"
                    | "activity"
                    | "activities"
                    | "movement"
                    | "financing"
            );
        ev::perpetrator_noun(w) && !(modifies || accused || before_noun)
    }

    /// Is the trigger at `i` told as not having happened (a modal, a negation, an intention
    /// within the three words before it)?
    fn irrealis(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && i - k < 4 {
            k -= 1;
            let w = self.lw(k);
            // Planned in the past, the incident named as one known ("planned the attack",
            // "plotted this bombing") took place; "planned an attack" need not have.
            if matches!(w, "planned" | "plotted") && self.definite(i) {
                return false;
            }
            if ev::irrealis(w) {
                return true;
            }
            if matches!(w, "," | ";" | ":" | "." | "--" | "and" | "but") {
                return false;
            }
        }
        false
    }

    /// Does the trigger at `i` refer back: "the attack", "this bombing", "the same attack"?
    fn definite(&self, i: usize) -> bool {
        self.article(i) == Some(true)
    }

    /// Is the trigger at `i` a new incident: "a bomb", "another attack", "a second blast"?
    fn indefinite(&self, i: usize) -> bool {
        self.article(i) == Some(false)
    }

    /// The word that makes the trigger at `i` definite (`Some(true)`: "the", "this", "such") or
    /// indefinite (`Some(false)`: "a", "another", "a second"), the nearest within the two words
    /// before it; `None` after a possessive ("ISIL's attack"), a stop word, or nothing.
    fn article(&self, i: usize) -> Option<bool> {
        let mut k = i;
        while k > 0 && k + 3 > i {
            k -= 1;
            match self.lw(k) {
                "the" | "this" | "that" | "these" | "those" | "its" | "such" | "same" => return Some(true),
                "a" | "an" | "another" | "one" | "new" | "second" | "third" | "separate" | "other" => {
                    return Some(false)
                }
                w if w.ends_with("'s") || w == "’s" || is_stop(w) => return None,
                _ => {}
            }
        }
        None
    }

    /// The place the sentence puts an incident at: a GPE or LOC after "in", "at", "near",
    /// "outside" (or "of" after one of those), from the trigger on, else anywhere in the sentence.
    fn place_after(&self, trigger: usize) -> Option<EventPlace> {
        let after = self.words.spans.get(trigger).map_or(0, |s| s.start);
        let located = |m: &&Mention| {
            self.place_like(m)
                && self.token_before(m.span.start).is_some_and(|k| {
                    matches!(self.lw(k), "in" | "at" | "near" | "outside" | "across" | "throughout" | "inside")
                        || (self.lw(k) == "of"
                            && k > 0
                            && matches!(
                                self.lw(k - 1),
                                "outskirts"
                                    | "centre"
                                    | "center"
                                    | "north"
                                    | "south"
                                    | "east"
                                    | "west"
                                    | "province"
                                    | "city"
                                    | "town"
                                    | "village"
                                    | "department"
                            ))
                })
        };
        let m = self
            .mentions
            .iter()
            .filter(located)
            .find(|m| m.span.start >= after)
            .or_else(|| self.mentions.iter().find(located))?;
        Some(EventPlace { span: m.span, entity_id: Some(m.entity_id.clone()), place: m.place })
    }

    /// The sentence's first place that is no modifier of a noun ("U.S. troops"): where an
    /// incident is when no preposition says.
    fn first_place(&self) -> Option<EventPlace> {
        let m = self.mentions.iter().filter(|m| self.place_like(m)).find(|m| {
            let next = self.token_before(m.span.end).map_or("", |k| self.lw(k + 1));
            !next.chars().next().is_some_and(char::is_alphanumeric) || is_stop(next)
        })?;
        Some(EventPlace { span: m.span, entity_id: Some(m.entity_id.clone()), place: m.place })
    }

    /// Is the mention a place an incident can be at: a GPE or LOC (in text all in capitals,
    /// only one the gazetteer puts on the map: the tagger's labels are unsure there).
    fn place_like(&self, m: &Mention) -> bool {
        matches!(m.label, Label::Gpe | Label::Loc) && (self.cased || m.place.is_some())
    }

    /// Is token `i` part of a date ("2 days ago", "last night")?
    fn in_date(&self, i: usize) -> bool {
        let s = self.words.spans[i];
        self.dates.iter().any(|d| d.span.start <= s.start && s.end <= d.span.end)
    }

    /// The token that ends right before byte `at`.
    fn token_before(&self, at: u32) -> Option<usize> {
        let k = self.words.spans.partition_point(|s| s.end <= at);
        k.checked_sub(1)
    }

    /// The token starting at byte `at`.
    fn token_at(&self, at: u32) -> Option<usize> {
        let k = self.words.spans.partition_point(|s| s.start < at);
        (k < self.len() && self.words.spans[k].start == at).then_some(k)
    }

    /// The sentence's first calendar date (a day, month or year, not "now").
    fn date(&self) -> Option<EventDate> {
        let d = self
            .dates
            .iter()
            .find(|d| matches!(d.kind, TimexType::Date | TimexType::Time) && d.range_start.is_some())?;
        Some(EventDate { value: d.value.clone(), start: d.range_start, end: d.range_end })
    }

    /// Reads the sentence's arguments into `d`.
    fn roles(&self, found: &[Found], d: &mut Draft) {
        let lower = self.words.lower_from(0);
        // Casualty counts: the killed and wounded, and who they are.
        for c in self.numbers.iter().filter(|c| is_casualty(c)) {
            let e = c.event.as_deref().unwrap_or("");
            let died = en::says_died(e);
            let counted = c.counted.as_deref().unwrap_or("");
            let count = Count { low: c.low.unwrap_or(0.0), high: c.high, counted: counted.to_lowercase() };
            if died {
                d.killed.push(count)
            } else {
                d.wounded.push(count)
            }
            let text = self.words.text;
            let rest = &text[c.span.end as usize..self.words.spans.last().map_or(c.span.end, |s| s.end) as usize];
            let gap = rest.len() - rest.trim_start().len();
            if !counted.is_empty() && rest.trim_start().starts_with(counted) {
                let span = Span { start: c.span.start, end: c.span.end + (gap + counted.len()) as u32 };
                d.add(EventRoleKind::Victim, span, self.entity_in(span, &[Label::Person]));
            }
        }
        // Weapons.
        let mut i = 0;
        while i < self.len() {
            if let Some(n) = ev::weapon(&lower[i..]) {
                let p = Phrase { first: self.modifiers_before(i), last: i + n - 1 };
                d.add(EventRoleKind::Weapon, self.span(p), None);
                i += n;
            } else {
                i += 1;
            }
        }
        // Verbs and nouns with their arguments.
        for i in 0..self.len() {
            let w = lower[i];
            let verb_of_victim = ev::victim_verb(w);
            let verb_of_target = ev::target_verb(w);
            // Killing and taking: what follows is a victim even when nothing says it is a person.
            let grave = en::says_died(w) || matches!(w, "kidnapped" | "kidnaped" | "abducted");
            let trigger = found.iter().find(|f| f.at == i);
            let is_verb = trigger.is_some_and(|f| f.trigger.form == ev::Form::Verb) || verb_of_victim || verb_of_target;
            if is_verb && !ev::victim_of_noun(w)
                || matches!(w, "killed" | "wounded" | "injured" | "kidnapped" | "abducted")
            {
                let after = trigger.map_or(i + 1, |f| i + f.trigger.len);
                // A participle with its agent and no auxiliary: "people shot and killed by police".
                // A date or a bracket between them is passed over ("murdered last Friday [17
                // November] by uniformed men").
                let by_next = |k: usize| {
                    let mut k = k;
                    while k < self.len() && (self.in_date(k) || matches!(lower[k], "[" | "]" | "(" | ")")) {
                        k += 1;
                    }
                    lower.get(k) == Some(&"by")
                };
                let reduced = by_next(after)
                    || lower.get(after) == Some(&"and")
                        && lower.get(after + 1).is_some_and(|v| v.ends_with("ed") || *v == "shot")
                        && by_next(after + 2);
                if self.passive(i) || reduced {
                    // "X was killed (by Y)".
                    if let Some(s) = self.subject(self.aux_before(i)) {
                        self.patient(s, verb_of_victim, true, grave, d);
                    }
                    // The agent within four words, a date or a bracket between not counted ("murdered
                    // last Friday [17 November] by uniformed men").
                    let mut words = 0;
                    let by = (after..self.len().min(after + 14)).find(|&k| {
                        let aside = self.in_date(k) || matches!(lower[k], "[" | "]" | "(" | ")");
                        words += usize::from(!aside);
                        words <= 4 && lower[k] == "by"
                    });
                    if let Some(by) = by {
                        if let Some(a) = self.object(by + 1) {
                            self.agent(a, d);
                        }
                    }
                } else {
                    if i > 0 && !matches!(lower[i - 1], "," | "and") || trigger.is_some() {
                        if let Some(s) = self.subject(i) {
                            if self.classify(s) != Class::Physical {
                                self.agent(s, d);
                            }
                        }
                    }
                    let particle = lower.get(after).is_some_and(|w| matches!(*w, "up" | "down" | "dead"));
                    let at = if particle { after + 1 } else { after };
                    if let Some(o) = self.object(at) {
                        self.patient(o, verb_of_victim, verb_of_target, grave, d);
                    }
                }
            }
            // "caused serious damage to the embassy building".
            if w == "damage" && lower.get(i + 1) == Some(&"to") {
                if let Some(o) = self.object(i + 2) {
                    self.patient(o, false, true, false, d);
                }
            }
            // "the six Jesuits' slaying", "Galan's assassination".
            if ev::victim_of_noun(w) && i >= 2 && matches!(lower[i - 1], "'s" | "’s" | "'" | "’") {
                if let Some(s) = self.subject(i - 1) {
                    self.patient(s, true, false, true, d);
                }
            }
            if ev::victim_of_noun(w) && lower.get(i + 1) == Some(&"of") {
                if let Some(o) = self.object(i + 2) {
                    self.patient(o, true, false, true, d);
                }
            }
            if ev::target_of_noun(w) || trigger.is_some_and(|f| f.trigger.form != ev::Form::Verb) {
                let mut k = i + trigger.map_or(1, |f| f.trigger.len);
                while k < self.len()
                    && matches!(
                        lower[k],
                        "on" | "against" | "at" | "outside" | "near" | "inside" | "in" | "of" | "front"
                    )
                {
                    k += 1;
                }
                if k > i + trigger.map_or(1, |f| f.trigger.len) && k < self.len() {
                    if let Some(o) = self.object(k) {
                        if self.classify(o) == Class::Physical {
                            d.add(
                                EventRoleKind::Target,
                                self.span(o),
                                self.entity_in(self.span(o), &[Label::Fac, Label::Org]),
                            );
                        }
                    }
                }
                // "the FMLN attack", "the group's attack".
                if let Some(m) =
                    i.checked_sub(1).and_then(|k| self.mention_at(k)).filter(|m| m.label == Label::Org && self.cased)
                {
                    d.add(EventRoleKind::PerpetratorOrg, m.span, Some(m.entity_id.clone()));
                }
            }
            if ev::claims_word(w) {
                self.claim(i, d);
            }
            self.blame(i, d);
        }
        // Armed men and groups anywhere in the sentence: "a team of Islamic State terrorists".
        for i in 0..self.len() {
            if self.perpetrator_at(i) {
                let first = self.modifiers_before(i);
                let p = Phrase { first, last: self.of_tail(i) };
                self.agent(p, d);
            }
        }
        // Where a bomb went off, a fire was set or an attack made, the building or vehicle it was at: "a bomb
        // exploded outside the embassy", "set fire to two buses", "at the entrance of the bank".
        let placed = found.iter().any(|f| {
            matches!(f.kind, EventType::Bombing | EventType::Arson | EventType::Attack)
                && !self.irrealis(f.at)
                && f.trigger.form != ev::Form::Plural
        });
        if placed {
            for i in 0..self.len() {
                let at = match (lower[i], lower.get(i + 1).copied().unwrap_or("")) {
                    ("in", "front") if lower.get(i + 2) == Some(&"of") => i + 3,
                    ("at" | "outside" | "near" | "inside" | "against" | "into" | "to" | "on", _) => i + 1,
                    _ => continue,
                };
                if let Some(o) = self.object(at) {
                    if self.classify(o) == Class::Physical {
                        self.patient(o, false, true, false, d);
                    }
                }
            }
        }
        // Facilities named in the sentence of a strong trigger: "the Kabul airport".
        if self.cased && found.iter().any(|f| f.trigger.strong) {
            for m in self.mentions.iter().filter(|m| m.label == Label::Fac) {
                d.add(EventRoleKind::Target, m.span, Some(m.entity_id.clone()));
            }
        }
    }

    /// "X claimed responsibility (for ...)", "claimed by X", "responsibility was claimed by X".
    fn claim(&self, i: usize, d: &mut Draft) {
        let lower = self.words.lower_from(0);
        let by = lower.get(i + 1) == Some(&"by");
        let who = if by {
            self.object(i + 2)
        } else if matches!(lower.get(i + 1), Some(&"responsibility") | Some(&"credit"))
            || matches!(lower.get(i + 2), Some(&"responsibility"))
            || (is_determiner(lower.get(i + 1).copied().unwrap_or(""))
                && ev::trigger(&lower[(i + 2).min(lower.len())..]).is_some_and(|t| t.form != ev::Form::Verb))
        {
            self.subject(i)
        } else {
            None
        };
        let Some(p) = who else { return };
        // "No group claimed responsibility", "none has claimed it".
        if self.irrealis(i) || matches!(lower[p.first], "no" | "none" | "nobody") {
            return;
        }
        let class = self.classify(p);
        if matches!(class, Class::Org | Class::Perpetrator | Class::Other | Class::Person) {
            let span = self.span(p);
            let entity = self.entity_in(span, &[Label::Org, Label::Person, Label::Norp]);
            if class == Class::Other && entity.is_none() {
                return;
            }
            d.add(EventRoleKind::ClaimedBy, span, entity.clone());
            let role =
                if class == Class::Person { EventRoleKind::PerpetratorPerson } else { EventRoleKind::PerpetratorOrg };
            d.add(role, span, entity);
        }
    }

    /// Who is told to have done it, in the words of blame: "X carried out the attack", "X
    /// were responsible for", "blamed X for", "accused X of", "attributed to X".
    fn blame(&self, i: usize, d: &mut Draft) {
        let lower = self.words.lower_from(0);
        let (w, next) = (lower[i], lower.get(i + 1).copied().unwrap_or(""));
        let agent = match (w, next) {
            ("carried" | "carry" | "carries", "out") | ("staged" | "perpetrated" | "committed" | "mounted", _) => {
                self.subject(i)
            }
            // "The Medellin cartel planned the attack", "a member of ETA directed the operation".
            ("planned" | "ordered" | "masterminded" | "organized" | "organised" | "directed" | "led", _)
                if (i + 1..(i + 4).min(self.len())).any(|k| {
                    ev::trigger(&lower[k..]).is_some_and(|t| t.form != ev::Form::Verb)
                        || matches!(lower[k], "operation" | "crime" | "massacre" | "killings")
                }) =>
            {
                self.subject(i)
            }
            ("responsible", "for")
                if i > 0 && matches!(lower[i - 1], "was" | "were" | "is" | "are" | "be" | "been") =>
            {
                self.subject(i - 1)
            }
            ("blamed" | "accused" | "blames" | "accuses" | "blaming" | "accusing", _)
                if !matches!(next, "on" | "of" | "by" | "for") && !self.passive(i) =>
            {
                // "blamed the killings on X": what follows is the deed, X after "on".
                match self.object(i + 1) {
                    Some(o) if lower.get(o.last + 1) == Some(&"on") => self.object(o.last + 2),
                    o => o,
                }
            }
            ("attributed" | "blamed", "to" | "on") => self.object(i + 2),
            // "arrested three men for the bombing", "two soldiers were detained in connection with
            // the killings", "the arrest of 45 soldiers for killing six priests".
            ("arrested" | "detained" | "captured" | "arrest" | "arrests" | "detention" | "capture", _) => {
                let who = if self.passive(i) {
                    self.subject(self.aux_before(i))
                } else if next == "of" {
                    self.object(i + 2)
                } else if w.ends_with("ed") {
                    self.object(i + 1)
                } else {
                    None
                };
                // The deed right after "for" or "in connection with" (a determiner between): not
                // "detained two journalists for reporting the killings".
                let from = who.map_or(0, |p| p.last.max(i) + 1);
                let for_deed = (from..self.len().min(from + 8)).find(|&k| matches!(lower[k], "for" | "connection"));
                let deed = for_deed.is_some_and(|k| {
                    let mut j = if lower[k] == "connection" { k + 2 } else { k + 1 };
                    while j < self.len() && is_determiner(lower[j]) {
                        j += 1;
                    }
                    j < self.len()
                        && (ev::trigger(&lower[j..])
                            .is_some_and(|t| t.form != ev::Form::Verb || lower[j].ends_with("ing"))
                            || ev::victim_of_noun(lower[j]))
                });
                // An arrest told as the incident has the arrested as its own.
                who.filter(|_| deed && d.kind != EventType::Arrest)
            }
            // "X are behind the attack".
            ("behind", _) if i > 0 && matches!(lower[i - 1], "was" | "were" | "is" | "are" | "be" | "been") => {
                self.subject(i - 1)
            }
            // "The authors of the assassination are X".
            ("authors" | "perpetrators" | "author" | "perpetrator", "of") => {
                let verb = (i + 2..self.len()).take(8).find(|&k| matches!(lower[k], "was" | "were" | "is" | "are"));
                verb.and_then(|k| self.object(k + 1))
            }
            // "a bomb placed by urban guerrillas", "was set off by rebels".
            ("by", _)
                if i > 0
                    && (lower[i - 1].ends_with("ed")
                        || matches!(lower[i - 1], "set" | "off" | "out" | "led" | "shot")) =>
            {
                self.object(i + 1).filter(|o| matches!(self.classify(*o), Class::Org | Class::Perpetrator))
            }
            _ => None,
        };
        let Some(p) = agent.filter(|_| !self.irrealis(i) && d.kind != EventType::Disaster) else { return };
        self.blamed(p, d);
        // The items of a list before it: "Escobar and Rodriguez were responsible", "A, B and C
        // were behind"; not a clause before a comma ("According to police, the attackers ...").
        let mut first = p.first;
        for step in 0..3 {
            let joiners: &[&str] = if step == 0 { &["and", "or"] } else { &["and", "or", ","] };
            if first < 2 || !joiners.contains(&lower[first - 1]) {
                break;
            }
            let Some(q) = self.subject(first - 1) else { break };
            if q.first > 0 && matches!(lower[q.first - 1], "to" | "by" | "from" | "of" | "with" | "told") {
                break;
            }
            if q.last + 1 != first - 1 || !matches!(self.classify(q), Class::Org | Class::Perpetrator | Class::Person) {
                break;
            }
            self.blamed(q, d);
            first = q.first;
        }
    }

    /// A perpetrator told by words of blame: an organization or people as in `agent`, and people
    /// the words name by a plural noun of doers or of bands ("the drug trafficking bands were
    /// responsible", "the smugglers carried out"; not "ethnic tensions were behind").
    fn blamed(&self, p: Phrase, d: &mut Draft) {
        let lower = self.words.lower_from(0);
        let hw = lower[self.head(p)];
        let doers = hw.len() > 4
            && hw.chars().all(char::is_alphabetic)
            && ["ers", "ors", "ists", "ants", "ents"].iter().any(|s| hw.ends_with(s))
            || matches!(hw, "bands" | "gangs" | "groups" | "militias" | "cartels" | "clans" | "squads" | "mobs");
        if self.classify(p) == Class::Other && doers && ev::trigger(&[hw]).is_none() {
            let span = self.span(p);
            d.add(EventRoleKind::PerpetratorPerson, span, self.entity_in(span, &[Label::Person]));
        } else {
            self.agent(p, d);
        }
    }

    /// Adds a perpetrator phrase: an organization, people, or both ("members of the FMLN").
    fn agent(&self, p: Phrase, d: &mut Draft) {
        self.agent_one(p, d);
        // "murdered by security forces or death squads".
        let class = self.classify(p);
        if !matches!(class, Class::Org | Class::Perpetrator) {
            return;
        }
        let mut last = p.last;
        for _ in 0..3 {
            let Some(next) = self.next_item(last) else { break };
            if !matches!(self.classify(next), Class::Org | Class::Perpetrator) {
                break;
            }
            self.agent_one(next, d);
            last = next.last;
        }
    }

    /// The next phrase of a list whose item before it ends at token `last`: after a comma,
    /// "and" or "or" ("security forces or death squads", "a teacher, a nun").
    fn next_item(&self, last: usize) -> Option<Phrase> {
        let lower = self.words.lower_from(0);
        let mut k = last + 1;
        while k < self.len() && matches!(lower[k], "," | "and" | "or") {
            k += 1;
        }
        if k == last + 1 || k >= self.len() {
            return None;
        }
        self.object(k)
    }

    fn agent_one(&self, p: Phrase, d: &mut Draft) {
        let span = self.span(p);
        if self.numbers.iter().any(|c| is_casualty(c) && c.span.start < span.end && span.start < c.span.end) {
            return;
        }
        match self.classify(p) {
            Class::Org => d.add(EventRoleKind::PerpetratorOrg, span, self.entity_in(span, &[Label::Org, Label::Norp])),
            Class::Perpetrator | Class::Person => {
                d.add(EventRoleKind::PerpetratorPerson, span, self.entity_in(span, &[Label::Person]));
                if let Some(org) = self.org_inside(p) {
                    let s = self.span(org);
                    d.add(EventRoleKind::PerpetratorOrg, s, self.entity_in(s, &[Label::Org, Label::Norp]));
                }
            }
            _ => {}
        }
    }

    /// Adds the one an act was done to: a victim (a person) or a target (a thing).
    fn patient(&self, p: Phrase, victim: bool, target: bool, named: bool, d: &mut Draft) {
        let class = self.classify(p);
        self.patient_one(p, class, victim, target, named, d);
        // A list: "killed two peasants, a teacher and a nun", "bombed the bank and two buses".
        let mut last = p.last;
        for _ in 0..5 {
            let Some(next) = self.next_item(last) else { break };
            let c = self.classify(next);
            // An item of another kind is passed over ("the residence, the hotel's security
            // corps, the minister's residence"), an item of a place ends the list.
            if c == Class::Place {
                break;
            }
            let alike = c == class
                || matches!(c, Class::Person | Class::Perpetrator)
                    && matches!(class, Class::Person | Class::Perpetrator);
            if alike {
                self.patient_one(next, c, victim, target, named, d);
            }
            last = next.last;
        }
    }

    fn patient_one(&self, p: Phrase, class: Class, victim: bool, target: bool, named: bool, d: &mut Draft) {
        let span = self.span(p);
        match class {
            Class::Person | Class::Perpetrator if victim => {
                d.add(EventRoleKind::Victim, span, self.entity_in(span, &[Label::Person]))
            }
            // In capitals a name is known by nothing but its place: "THE MURDER OF HECTOR OQUELI".
            Class::Other if victim && named && !self.cased && p.last - p.first < 6 => {
                d.add(EventRoleKind::Victim, span, None)
            }
            Class::Physical if target => {
                d.add(EventRoleKind::Target, span, self.entity_in(span, &[Label::Fac, Label::Org]))
            }
            _ => {}
        }
    }

    /// The organization inside a phrase of people: "members of the FMLN", "FMLN guerrillas",
    /// "Islamic State terrorists", "urban commandos of the Shining Path [SL]".
    fn org_inside(&self, p: Phrase) -> Option<Phrase> {
        let lower = self.words.lower_from(0);
        if self.cased {
            let first = self.words.spans[p.first].start;
            let last = self.words.spans[p.last].end;
            let m =
                self.mentions.iter().find(|m| m.span.start >= first && m.span.end <= last && m.label == Label::Org)?;
            return Some(Phrase { first: self.token_at(m.span.start)?, last: self.token_before(m.span.end)? });
        }
        // A bracketed acronym, or the "of" phrase, or the words before the head.
        if let Some(k) = (p.first..=p.last).find(|&k| matches!(lower[k], "[" | "(")) {
            if k + 2 <= p.last && matches!(lower[k + 2], "]" | ")") {
                return Some(Phrase { first: k + 1, last: k + 1 });
            }
        }
        if let Some(of) = (p.first..=p.last).find(|&k| lower[k] == "of") {
            let mut first = of + 1;
            while first <= p.last && is_determiner(lower[first]) {
                first += 1;
            }
            let mut last = p.last;
            while last > first && (matches!(lower[last], "]" | ")" | "[" | "(") || lower[last - 1] == "[") {
                last -= 1;
            }
            return (first <= last).then_some(Phrase { first, last });
        }
        let head = (p.first..=p.last).rev().find(|&k| ev::perpetrator_noun(lower[k]))?;
        let mut first = p.first;
        while first < head && (is_determiner(lower[first]) || is_adjective(lower[first])) {
            first += 1;
        }
        let mut last = head;
        while last > first && is_adjective(lower[last - 1]) {
            last -= 1;
        }
        (first < last).then_some(Phrase { first, last: last - 1 })
    }

    /// The entity of the longest mention of one of `labels` inside `span`.
    fn entity_in(&self, span: Span, labels: &[Label]) -> Option<String> {
        self.mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.end <= span.end && labels.contains(&m.label))
            .max_by_key(|m| m.span.len())
            .map(|m| m.entity_id.clone())
    }

    /// What a phrase is: from the names in it (text with case) and its head word.
    fn classify(&self, p: Phrase) -> Class {
        let lower = self.words.lower_from(0);
        let head = self.head(p);
        let hw = lower[head];
        if ev::perpetrator_noun(hw) {
            return Class::Perpetrator;
        }
        if ev::weapon(&[hw]).is_some() {
            return Class::Other;
        }
        // A band of people: "a group of heavily armed men", "a guerrilla column".
        let band = matches!(hw, "group" | "band" | "gang" | "team" | "column" | "unit" | "units" | "cell" | "commando");
        if band {
            let of_people = lower.get(head + 1) == Some(&"of")
                && (head + 2..=p.last).any(|k| ev::perpetrator_noun(lower[k]) || ev::person_noun(lower[k]));
            let armed_before =
                (p.first..head).any(|k| ev::perpetrator_noun(lower[k]) || ev::perpetrator_modifier(lower[k]));
            if of_people || armed_before {
                return Class::Perpetrator;
            }
        }
        let one_word = |m: &Mention| m.span == self.words.spans[head];
        let common = ev::target_noun(hw) || ev::person_noun(hw);
        if self.cased {
            if let Some(m) = self.mention_at(head).filter(|m| !(one_word(m) && common)) {
                return match m.label {
                    Label::Person => Class::Person,
                    Label::Org => Class::Org,
                    Label::Gpe | Label::Loc => Class::Place,
                    Label::Fac => Class::Physical,
                    Label::Norp => Class::Person,
                    _ => Class::Other,
                };
            }
        } else if self.mention_at(head).is_some_and(|m| {
            m.label == Label::Org
                && self.token_at(m.span.start) == Some(head)
                && self.words.spans[head].end == m.span.end
        }) {
            // In capitals, the tagger's one-word organizations (acronyms: "FMLN") hold.
            return Class::Org;
        } else if matches!(lower.get(head + 1), Some(&"]") | Some(&")"))
            && head > 0
            && matches!(lower[head - 1], "[" | "(")
        {
            return Class::Org;
        }
        if ev::target_noun(hw) {
            Class::Physical
        } else if ev::person_noun(hw) {
            Class::Person
        } else if ev::group_head(hw) {
            Class::Org
        } else {
            Class::Other
        }
    }

    /// A phrase's head: its last word before an "of" phrase or a bracket.
    fn head(&self, p: Phrase) -> usize {
        let lower = self.words.lower_from(0);
        let mut end = p.last;
        if let Some(of) = (p.first + 1..=p.last).find(|&k| lower[k] == "of") {
            end = of - 1;
        }
        while end > p.first && matches!(lower[end], "]" | ")" | "[" | "(") {
            end -= 1;
        }
        if end > p.first && matches!(lower[end - 1], "[" | "(") {
            end = end.saturating_sub(2).max(p.first);
        }
        end
    }

    /// The first token of the modifiers before token `i` ("heavily armed men", "a car bomb").
    fn modifiers_before(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && i - k < 4 {
            let w = self.lw(k - 1);
            let name = self.cased && self.words.w(k - 1).starts_with(|c: char| c.is_uppercase());
            if is_stop(w)
                || w == "of"
                || is_determiner(w)
                || w.chars().all(|c| !c.is_alphanumeric())
                || (ev::trigger(&[w]).is_some() && !name)
            {
                break;
            }
            if self.cased && !name && !is_adjective(w) && !w.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            if w.ends_with("ed") && !ev::perpetrator_modifier(w) && !name {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Extends a head at `i` over "of the X" and a bracketed acronym: "members of the FMLN [FMLN]".
    fn of_tail(&self, i: usize) -> usize {
        let lower = self.words.lower_from(0);
        let mut last = i;
        if matches!(lower.get(i + 1), Some(&"[") | Some(&"(")) && matches!(lower.get(i + 3), Some(&"]") | Some(&")")) {
            return i + 3;
        }
        if lower.get(i + 1) == Some(&"of") {
            if let Some(o) = self.object(i + 2) {
                last = o.last;
            }
        }
        last
    }

    /// Was the verb at `i` passive: "was killed", "were reportedly kidnapped", "had been shot"?
    fn passive(&self, i: usize) -> bool {
        let k = self.aux_before(i);
        k < i && matches!(self.lw(k), "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got")
    }

    /// The auxiliary before a verb at `i`, over one or two adverbs ("were reportedly"); `i` if none.
    fn aux_before(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && i - k < 3 {
            k -= 1;
            let w = self.lw(k);
            if matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got") {
                return k;
            }
            if !(w.ends_with("ly") || matches!(w, "all" | "also" | "later" | "then" | "both")) {
                break;
            }
        }
        i
    }

    /// The noun phrase ending right before token `i` (over adverbs and a parenthesis): the
    /// subject of a verb there.
    fn subject(&self, i: usize) -> Option<Phrase> {
        let lower = self.words.lower_from(0);
        let mut end = i;
        // Adverbs and a parenthesis between the subject and its verb.
        loop {
            if end == 0 {
                return None;
            }
            let w = lower[end - 1];
            if w.ends_with("ly") && w.len() > 4
                || matches!(
                    w,
                    "reportedly" | "allegedly" | "yesterday" | "today" | "tonight" | "also" | "then" | "later"
                )
                || self.in_date(end - 1)
            {
                end -= 1;
            } else if w == ")" {
                match (0..end - 1).rev().take(12).find(|&k| lower[k] == "(") {
                    Some(k) => end = k,
                    None => return None,
                }
            } else if let Some(k) = self.apposition_before(end) {
                end = k;
            } else {
                break;
            }
        }
        let last = end - 1;
        if self.cased {
            if let Some(m) = self.mention_at(last) {
                let first = self.token_at(m.span.start)?;
                // "the FMLN's" is no subject; a name ending here is.
                return Some(Phrase { first: self.extend_left(first), last });
            }
        }
        let mut first = end;
        while first > 0 && end - first < 12 {
            let w = lower[first - 1];
            if self.in_date(first - 1) || matches!(w, "that" | "which" | "who" | "whom") {
                break;
            }
            let name = self.cased && self.words.w(first - 1).starts_with(|c: char| c.is_uppercase()) && first - 1 > 0;
            if matches!(w, "[" | "]" | "(" | ")")
                || w == "of"
                || is_determiner(w)
                || !is_stop(w)
                    && (!w.ends_with("ed") || ev::perpetrator_modifier(w) || name)
                    && w.chars().any(char::is_alphanumeric)
            {
                if ev::trigger(&[w]).is_some_and(|t| t.form == ev::Form::Verb) {
                    break;
                }
                first -= 1;
            } else {
                break;
            }
        }
        while first < end && matches!(lower[first], "of" | "]" | ")" | "that" | "which" | "who" | "when" | "where") {
            first += 1;
        }
        (first < end).then_some(Phrase { first, last })
    }

    /// The comma opening a description set between a subject and its verb, when token `end - 1`
    /// is the comma closing it: "Escobar and Rodriguez, the drug traffickers, are behind"; not a
    /// clause ("the rebels, the army said, attacked").
    fn apposition_before(&self, end: usize) -> Option<usize> {
        let lower = self.words.lower_from(0);
        if end < 4 || lower[end - 1] != "," {
            return None;
        }
        let open = (end.saturating_sub(10)..end - 1).rev().find(|&k| lower[k] == ",")?;
        let words = &lower[open + 1..end - 1];
        let described = matches!(words.first(), Some(&"the") | Some(&"a") | Some(&"an"))
            && words.len() >= 2
            && words.iter().all(|w| {
                w.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
                    && !w.ends_with("ed")
                    && !is_verb_s(w)
                    && !matches!(*w, "said" | "say" | "told" | "according" | "who" | "which" | "that")
            });
        (described && open > 0).then_some(open)
    }

    /// Moves a phrase's first token left over its determiner and modifiers ("the Islamic State").
    fn extend_left(&self, first: usize) -> usize {
        let mut k = first;
        while k > 0 && is_determiner(self.lw(k - 1)) {
            k -= 1;
        }
        k
    }

    /// The noun phrase starting at token `i` (over a determiner, modifiers, one "of" phrase and a
    /// bracketed acronym): the object of a verb before it.
    fn object(&self, i: usize) -> Option<Phrase> {
        let lower = self.words.lower_from(0);
        let n = self.len();
        let i = if lower.get(i) == Some(&"of") { i + 1 } else { i };
        let mut k = i;
        while k < n && (is_determiner(lower[k]) || lower[k].chars().all(|c| c.is_ascii_digit() || c == ',')) {
            k += 1;
        }
        if k >= n {
            return None;
        }
        let mut from = k;
        if self.cased {
            if let Some(m) = self.mention_at(k) {
                let last = self.token_before(m.span.end).unwrap_or(k);
                // A nationality or place modifies the noun after it ("two Mormon missionaries",
                // "U.S. citizens"); a name is the phrase.
                let modifier = matches!(m.label, Label::Norp | Label::Gpe | Label::Loc)
                    && lower
                        .get(last + 1)
                        .is_some_and(|w| w.chars().all(char::is_alphabetic) && !is_stop(w) && !w.is_empty());
                if m.span.start == self.words.spans[k].start && !modifier {
                    return Some(Phrase { first: i, last });
                }
                if modifier {
                    from = last + 1;
                }
            }
        }
        let mut last = from;
        let mut of_used = false;
        let mut j = from;
        while j < n && j - k < 8 {
            let w = lower[j];
            if matches!(w, "[" | "(") && j + 2 < n && matches!(lower[j + 2], "]" | ")") {
                last = j + 2;
                j += 3;
                continue;
            }
            if w == "of" && !of_used && j > k {
                of_used = true;
                j += 1;
                while j < n && is_determiner(lower[j]) {
                    j += 1;
                }
                continue;
            }
            if j > k && (is_determiner(w) && !matches!(w, "that" | "this") || self.in_date(j)) {
                break;
            }
            let name = self.cased && self.words.w(j).starts_with(|c: char| c.is_uppercase());
            let verb =
                ev::victim_verb(w) || ev::target_verb(w) || ev::trigger(&[w]).is_some_and(|t| t.form == ev::Form::Verb);
            let word = w.chars().any(char::is_alphanumeric)
                && !is_stop(w)
                && (!verb || name)
                && (!w.ends_with("ed") || name || ev::perpetrator_modifier(w) || j == k);
            if !word || (j > k && ev::trigger(&[w]).is_some_and(|t| t.form == ev::Form::Verb) && !name) {
                break;
            }
            last = j;
            j += 1;
        }
        if matches!(lower[k], "he" | "she" | "it" | "they" | "them" | "him" | "her" | "his" | "their" | "we" | "us") {
            return None;
        }
        Some(Phrase { first: i.min(k), last }).filter(|p| p.last >= k && !is_stop(lower[k]))
    }
}

/// Verbs in the third person that follow a perpetrator: "a gunman opens fire", "gunman kills five".
fn is_verb_s(w: &str) -> bool {
    en::KILLING_VERBS.iter().any(|v| v.third == w)
        || matches!(
            w,
            "opens"
                | "fires"
                | "attacks"
                | "storms"
                | "says"
                | "claims"
                | "blows"
                | "detonates"
                | "seizes"
                | "takes"
                | "holds"
                | "kidnaps"
                | "abducts"
                | "threatens"
                | "went"
                | "was"
                | "is"
                | "has"
                | "had"
                | "escaped"
                | "fled"
                | "hits"
                | "strikes"
                | "rams"
                | "drives"
                | "enters"
                | "hijacks"
                | "bombs"
                | "targets"
        )
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "some"
            | "several"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "many"
            | "dozens"
            | "hundreds"
            | "other"
            | "another"
            | "all"
            | "both"
    )
}

/// Adjectives of perpetrator phrases that are no part of an organization's name.
fn is_adjective(w: &str) -> bool {
    ev::perpetrator_modifier(w)
        || matches!(
            w,
            "urban"
                | "rural"
                | "leftist"
                | "rightist"
                | "left-wing"
                | "right-wing"
                | "presumed"
                | "heavily"
                | "well-armed"
                | "suicide"
                | "islamist"
                | "rebel"
                | "young"
                | "local"
                | "foreign"
        )
        || en::lists::demonym_country(w).is_some()
}

/// Words that end or cannot be part of a noun phrase: prepositions, conjunctions, pronouns,
/// auxiliaries, the verbs of reporting.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "," | "."
            | ";"
            | ":"
            | "--"
            | "-"
            | "\""
            | "“"
            | "”"
            | "'"
            | "!"
            | "?"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "to"
            | "into"
            | "near"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "where"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "that"
            | "and"
            | "or"
            | "but"
            | "as"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "said"
            | "says"
            | "say"
            | "reported"
            | "told"
            | "according"
            | "also"
            | "not"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "there"
            | "here"
            | "than"
            | "outside"
            | "inside"
            | "against"
            | "over"
            | "under"
            | "about"
            | "around"
            | "between"
            | "through"
            | "since"
            | "until"
            | "if"
            | "because"
            | "so"
            | "yesterday"
            | "today"
            | "last"
            | "early"
            | "late"
            | "did"
            | "do"
            | "does"
    )
}
