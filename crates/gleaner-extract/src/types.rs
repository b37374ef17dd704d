//! What extractors produce: one type per extraction table of the contract.

use chrono::NaiveDate;
use gleaner_ingest::{Issue, Span};

/// An entity's type: OntoNotes names where one exists (the contract's labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// A person, real or fictional: "Maria Santos".
    Person,
    /// An organization: a company, party, armed group, agency, team: "Acme Corp", "Taliban".
    Org,
    /// A geopolitical entity (country, city, state): "Portugal", "Lisbon".
    Gpe,
    /// A non-political place (region, mountain, body of water): "Central Asia", "Zambezi River".
    Loc,
    /// A nationality, religious or political group: "Uzbek", "Shiite".
    Norp,
    /// A facility (building, airport, road, bridge): "Heathrow Airport".
    Fac,
    /// A named event (war, storm, tournament): "World Cup".
    Event,
    /// A product (vehicle, weapon, food): in the contract; not produced yet.
    Product,
    /// A title of a book, song, film: in the contract; not produced yet.
    WorkOfArt,
    /// A named law or treaty: in the contract; not produced yet.
    Law,
    /// A named language: "in Pashto".
    Language,
    /// A named thing that fits none of the others: "Windows 95".
    Misc,
}

impl Label {
    /// Every label, in the contract's order.
    pub const ALL: &[Self] = &[
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Fac,
        Label::Event,
        Label::Product,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Misc,
    ];

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Misc => "MISC",
        }
    }
}

/// A named-entity mention (a `mentions` row).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Index of the sentence holding it.
    pub sentence: u32,
    /// Byte span of the surface text.
    pub span: Span,
    /// OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, MISC.
    pub label: Label,
    /// Canonical name of the entity it refers to (the most complete form known).
    pub name: String,
    /// Stable entity id, from [`crate::entity_id`].
    pub entity_id: String,
    /// Confidence in 0..1.
    pub confidence: f32,
    /// How it was found: `model`, `lexicon`, `alias`, ...
    pub method: &'static str,
    /// The rule that set its span or type over the tagger's (see
    /// [`entities::RULES`](crate::entities::RULES)); `None` where the tagger decided.
    pub rule: Option<&'static str>,
    /// Where it is on the map (a GPE, LOC or FAC the gazetteer knows, see [`crate::places`]),
    /// or the country of a NORP demonym; `None` when unknown.
    pub place: Option<&'static crate::places::Place>,
}

/// How a number is bounded by its wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// "13".
    Exact,
    /// "about 13", "nearly 20".
    Approx,
    /// "at least 13".
    AtLeast,
    /// "more than 13".
    MoreThan,
    /// "at most 13".
    AtMost,
    /// "fewer than 13".
    LessThan,
    /// "between 1,500 and 2,200".
    Range,
    /// "hundreds", "dozens".
    Vague,
}

impl Qualifier {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// What sort of number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A count.
    Cardinal,
    /// "third", "21st".
    Ordinal,
    /// "12%".
    Percent,
    /// "$75 million".
    Money,
    /// "5 km".
    Measure,
    /// "two-thirds".
    Fraction,
}

impl NumberKind {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Measure => "measure",
            NumberKind::Fraction => "fraction",
        }
    }
}

/// A number or quantity (a `numbers` row).
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Index of the sentence holding it.
    pub sentence: u32,
    /// Byte span of the whole expression.
    pub span: Span,
    /// Point value, if there is one.
    pub value: Option<f64>,
    /// Lower bound the text allows.
    pub low: Option<f64>,
    /// Upper bound the text allows.
    pub high: Option<f64>,
    /// How the wording bounds it.
    pub qualifier: Qualifier,
    /// What sort of number.
    pub kind: NumberKind,
    /// Unit: `%`, `USD`, `km`, ...
    pub unit: Option<String>,
    /// The noun phrase counted.
    pub counted: Option<String>,
    /// What happened to what is counted: `killed`, `wounded`, ...
    pub event: Option<String>,
    /// The name of the rule (the form of the expression) that produced the row: `digits`,
    /// `number_words`, `range_between`, ... Stable snake_case names; each is listed with its
    /// meaning in [`crate::numbers::RULES`].
    pub rule: &'static str,
}

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// TIMEX3 mod: how an expression bounds or places its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexMod {
    /// "before 1914"; "pre-1914".
    Before,
    /// "after 1997"; "post-1997".
    After,
    /// "by Friday": on or before it.
    OnOrBefore,
    /// "from Friday on": on or after it.
    OnOrAfter,
    /// "less than two years", "under a decade", "almost a year".
    LessThan,
    /// "more than a decade", "over 20 years".
    MoreThan,
    /// "at most two years", "up to a week".
    EqualOrLess,
    /// "at least two years".
    EqualOrMore,
    /// "early 2014", "the start of the month".
    Start,
    /// "mid-June", "the middle of the year".
    Mid,
    /// "late 2019", "the end of the month".
    End,
    /// "about two hours", "nearly 20 years", "around Nov. 1".
    Approx,
}

impl TimexMod {
    /// Every mod, in the order of TimeML's list.
    pub const ALL: &[Self] = &[
        TimexMod::Before,
        TimexMod::After,
        TimexMod::OnOrBefore,
        TimexMod::OnOrAfter,
        TimexMod::LessThan,
        TimexMod::MoreThan,
        TimexMod::EqualOrLess,
        TimexMod::EqualOrMore,
        TimexMod::Start,
        TimexMod::Mid,
        TimexMod::End,
        TimexMod::Approx,
    ];

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
        }
    }
}

/// A temporal expression (a `dates` row).
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    /// Index of the sentence holding it.
    pub sentence: u32,
    /// The name of the dates rule that recognized it (`month_name`, `ago`, `clock_time`, ...;
    /// the registry is `dates::rules::RULES`). A wrapper ("nearly", "the end of", "or so")
    /// keeps its inner expression's rule. Stable: written to the dataset.
    pub rule: &'static str,
    /// Byte span.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: `2021-08-26`, `P20Y`, `PRESENT_REF`, ...
    pub value: String,
    /// TIMEX3 mod: `APPROX`, `START`, ...
    pub modifier: Option<TimexMod>,
    /// First day covered.
    pub range_start: Option<NaiveDate>,
    /// Last day covered.
    pub range_end: Option<NaiveDate>,
    /// Resolved relative to the document date.
    pub anchored: bool,
    /// The date it was resolved against.
    pub anchor: Option<NaiveDate>,
}

/// A relation's predicate (subject → object): the contract's core predicates, each defined with
/// an example in the [`relations`](crate::relations) module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Predicate {
    /// A person leads an organization or place: "Jane Roe, the leader of the Acme Party".
    LeaderOf,
    /// A person belongs to an organization: "Roe, a member of the council".
    MemberOf,
    /// A person speaks for an organization: "the ministry's spokesman, John Doe".
    SpokespersonOf,
    /// A person works for an organization (or place): "John Doe, an analyst at Acme Corp".
    EmployeeOf,
    /// An organization within an organization: "the Youth Wing is a unit of the Acme Party".
    PartOf,
    /// Two parties on one side (symmetric: one row per pair): "X, closely allied with Y".
    AlliedWith,
    /// Two parties against each other (symmetric: one row per pair): "X and Y fought one another".
    OpposedTo,
    /// A place within a place: "Porto, Portugal".
    LocatedIn,
    /// An organization based in a place: "Acme, based in Lisbon".
    BasedIn,
    /// A person lives in a place: "Roe, who lives in Oslo".
    LivesIn,
    /// A person is a citizen of a state (the object may be its demonym): "Chilean writer Roe".
    CitizenOf,
    /// A person killed a person: "Booth shot Lincoln".
    Killed,
    /// One party attacked another or a place: "X attacked Y".
    Attacked,
    /// A party claimed an attack. In the contract; not produced yet (needs event entities).
    ClaimedResponsibilityFor,
    /// One holder of a post followed another. In the contract; not produced yet.
    SuccessorOf,
}

impl Predicate {
    /// Every predicate, in the contract's order.
    pub const ALL: &[Self] = &[
        Predicate::LeaderOf,
        Predicate::MemberOf,
        Predicate::SpokespersonOf,
        Predicate::EmployeeOf,
        Predicate::PartOf,
        Predicate::AlliedWith,
        Predicate::OpposedTo,
        Predicate::LocatedIn,
        Predicate::BasedIn,
        Predicate::LivesIn,
        Predicate::CitizenOf,
        Predicate::Killed,
        Predicate::Attacked,
        Predicate::ClaimedResponsibilityFor,
        Predicate::SuccessorOf,
    ];

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::LeaderOf => "leader_of",
            Predicate::MemberOf => "member_of",
            Predicate::SpokespersonOf => "spokesperson_of",
            Predicate::EmployeeOf => "employee_of",
            Predicate::PartOf => "part_of",
            Predicate::AlliedWith => "allied_with",
            Predicate::OpposedTo => "opposed_to",
            Predicate::LocatedIn => "located_in",
            Predicate::BasedIn => "based_in",
            Predicate::LivesIn => "lives_in",
            Predicate::CitizenOf => "citizen_of",
            Predicate::Killed => "killed",
            Predicate::Attacked => "attacked",
            Predicate::ClaimedResponsibilityFor => "claimed_responsibility_for",
            Predicate::SuccessorOf => "successor_of",
        }
    }
}

/// One argument of a relation: an entity and the mention it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    /// Stable entity id.
    pub entity_id: String,
    /// Byte span of the mention.
    pub span: Span,
}

/// A relation between two entities (a `relations` row).
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Index of the sentence holding the evidence.
    pub sentence: u32,
    /// Subject.
    pub subject: Argument,
    /// Predicate: `leader_of`, `member_of`, ...
    pub predicate: Predicate,
    /// Object.
    pub object: Argument,
    /// Byte span of the evidence.
    pub evidence: Span,
    /// Confidence in 0..1.
    pub confidence: f32,
    /// How it was found: `rule`, `model`, ...
    pub method: &'static str,
    /// The name of the construction rule that found it (`role_of`, `possessive_role`, ...; each
    /// is listed with its meaning in [`crate::relations::RULES`]), or `None` when the trained
    /// model decided (`method` is then `model`). A row derived from another (a state's leader is
    /// its citizen, a name's bracketed other form, a town's state) keeps the name and method of the
    /// row it was derived from.
    pub rule: Option<&'static str>,
}

/// What a quotation is: in quotation marks, partly quoted, or reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// The content is all in quotation marks: "“We will win,” she said."
    Direct,
    /// A reported clause partly in quotation marks: "She called the plan “a disaster”."
    Mixed,
    /// Reported speech without quotation marks: "She said that the plan failed."
    Indirect,
}

impl QuoteKind {
    /// Every kind.
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect];

    /// The contract's string.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation (a `quotes` row): what was said, by whom, with which cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Index of the sentence holding it.
    pub sentence: u32,
    /// Byte span of the content, without its quotation marks.
    pub span: Span,
    /// The sentence where the content ends (a quotation may run over several sentences of a
    /// paragraph); `sentence` when it ends where it starts.
    pub last_sentence: u32,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Byte span of the mention the speaker is read from: a name, or a pronoun.
    pub speaker: Span,
    /// The entity the speaker is (a pronoun's, the person it refers to); `None` when unknown.
    pub speaker_entity: Option<String>,
    /// Byte span of the cue: "said", "told", "according to".
    pub cue: Span,
    /// Confidence in 0..1.
    pub confidence: f32,
    /// The rule that read it (see [`crate::quotes::RULES`]).
    pub rule: &'static str,
}

impl Row for Quote {
    fn sentence(&self) -> u32 {
        self.sentence
    }
    fn sentence_mut(&mut self) -> &mut u32 {
        &mut self.sentence
    }
    fn last_sentence(&self) -> u32 {
        self.last_sentence
    }
    fn last_sentence_mut(&mut self) -> Option<&mut u32> {
        Some(&mut self.last_sentence)
    }
    fn spans(&self) -> [Option<Span>; 3] {
        [Some(self.span), None, None]
    }
    fn spans_mut(&mut self) -> [Option<&mut Span>; 3] {
        [Some(&mut self.span), None, None]
    }
    /// Its speaker and cue: beside it, or in an earlier sentence of its paragraph for a
    /// quotation that goes on from one before.
    fn remote_spans(&self) -> Vec<Span> {
        vec![self.speaker, self.cue]
    }
    fn remote_spans_mut(&mut self) -> Vec<&mut Span> {
        vec![&mut self.speaker, &mut self.cue]
    }
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        (self.span, self.speaker).cmp(&(other.span, other.speaker))
    }
}

/// The type of an incident (an `events` row), a fixed list: each maps to the categories of the
/// Global Terrorism Database (GTD) and of ACLED, documented with the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// An armed attack that is none of the below: "guerrillas attacked a power station". GTD:
    /// Armed Assault, Facility/Infrastructure Attack; ACLED: Violence against civilians, Battles.
    Attack,
    /// A bomb or other explosion: "a car bomb exploded". GTD: Bombing/Explosion; ACLED:
    /// Explosions/Remote violence.
    Bombing,
    /// Shots fired at people: "gunmen opened fire on a bus". GTD: Armed Assault; ACLED:
    /// Violence against civilians (Attack).
    Shooting,
    /// People killed, with no attack told: "the judge was murdered". GTD: Assassination, Armed
    /// Assault; ACLED: Violence against civilians.
    Killing,
    /// People taken: "rebels kidnapped two engineers". GTD: Hostage Taking (Kidnapping,
    /// Barricade Incident); ACLED: Violence against civilians (Abduction/forced disappearance).
    Kidnapping,
    /// Something set on fire: "a mob torched the offices". GTD: Facility/Infrastructure Attack;
    /// ACLED: Riots or Violence against civilians.
    Arson,
    /// Something taken by force: "gunmen robbed a bank". GTD: none (criminal); ACLED: none.
    Robbery,
    /// People arrested or detained: "police arrested five suspects". GTD: none; ACLED: Strategic
    /// developments (Arrests).
    Arrest,
    /// A demonstration: "thousands marched in the capital". ACLED: Protests.
    Protest,
    /// A riot: "rioters burned cars". ACLED: Riots.
    Riot,
    /// Armed groups fighting each other: "troops clashed with rebels". ACLED: Battles.
    Clash,
    /// A natural or man-made disaster with casualties: "an earthquake killed 200". Neither GTD
    /// nor ACLED.
    Disaster,
}

impl EventType {
    /// Every type, in the contract's order.
    pub const ALL: &[Self] = &[
        EventType::Attack,
        EventType::Bombing,
        EventType::Shooting,
        EventType::Killing,
        EventType::Kidnapping,
        EventType::Arson,
        EventType::Robbery,
        EventType::Arrest,
        EventType::Protest,
        EventType::Riot,
        EventType::Clash,
        EventType::Disaster,
    ];

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Attack => "attack",
            EventType::Bombing => "bombing",
            EventType::Shooting => "shooting",
            EventType::Killing => "killing",
            EventType::Kidnapping => "kidnapping",
            EventType::Arson => "arson",
            EventType::Robbery => "robbery",
            EventType::Arrest => "arrest",
            EventType::Protest => "protest",
            EventType::Riot => "riot",
            EventType::Clash => "clash",
            EventType::Disaster => "disaster",
        }
    }

    /// The type named `name` (the contract's name).
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|t| t.as_str() == name)
    }
}

/// The part an argument plays in an incident (an `event_roles` row's `role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventRoleKind {
    /// Who did it, a person or a description of people: "gunmen", "a suicide bomber".
    PerpetratorPerson,
    /// The organization that did it: "the FMLN", "Islamic State".
    PerpetratorOrg,
    /// A person hurt, killed, taken or attacked: "three soldiers", "Maria Santos".
    Victim,
    /// A physical target: a building, vehicle, installation: "an electric power substation".
    Target,
    /// The means: "a car bomb", "rifles".
    Weapon,
    /// Where it happened: "Kabul".
    Location,
    /// Who claimed it: "the group claimed responsibility".
    ClaimedBy,
}

impl EventRoleKind {
    /// Every role, in the contract's order.
    pub const ALL: &[Self] = &[
        EventRoleKind::PerpetratorPerson,
        EventRoleKind::PerpetratorOrg,
        EventRoleKind::Victim,
        EventRoleKind::Target,
        EventRoleKind::Weapon,
        EventRoleKind::Location,
        EventRoleKind::ClaimedBy,
    ];

    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventRoleKind::PerpetratorPerson => "perpetrator_person",
            EventRoleKind::PerpetratorOrg => "perpetrator_org",
            EventRoleKind::Victim => "victim",
            EventRoleKind::Target => "target",
            EventRoleKind::Weapon => "weapon",
            EventRoleKind::Location => "location",
            EventRoleKind::ClaimedBy => "claimed_by",
        }
    }
}

/// One argument of an incident (an `event_roles` row).
#[derive(Clone, Debug, PartialEq)]
pub struct EventRole {
    /// The part it plays.
    pub role: EventRoleKind,
    /// Byte span of its text.
    pub span: Span,
    /// The entity it is, when a mention names it.
    pub entity_id: Option<String>,
}

/// Where an incident happened: the mention that says so and the place it is.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPlace {
    /// Byte span of the place's mention.
    pub span: Span,
    /// The entity it is.
    pub entity_id: Option<String>,
    /// The gazetteer's place, when the mention is on the map.
    pub place: Option<&'static crate::places::Place>,
}

/// When an incident happened: a `dates` row's value and range.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDate {
    /// TIMEX3 value.
    pub value: String,
    /// First day it may have been.
    pub start: Option<NaiveDate>,
    /// Last day it may have been.
    pub end: Option<NaiveDate>,
}

/// An incident a reader would count (an `events` row, with its `event_roles` rows): what
/// happened, where, when, to whom, by whom, with how many dead. One incident told over several
/// sentences is one row; its facts come from all of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The sentence of its first trigger.
    pub sentence: u32,
    /// The last sentence it was read from.
    pub last_sentence: u32,
    /// Its type.
    pub kind: EventType,
    /// Byte span of the word that names it first: "bombing", "exploded", "kidnapped".
    pub trigger: Span,
    /// When, if a date of its sentences says so.
    pub date: Option<EventDate>,
    /// Where: a place of its sentences, else the dateline's (see [`crate::events`]).
    pub location: Option<EventPlace>,
    /// Killed: the least and the most the text allows (`None`: not said; high `None`: no upper
    /// bound).
    pub killed: Option<(f64, Option<f64>)>,
    /// Wounded, as `killed`.
    pub wounded: Option<(f64, Option<f64>)>,
    /// Byte span of the text it was read from: from its first sentence to its last (wire
    /// copy's furniture between them included).
    pub evidence: Span,
    /// Confidence in 0..1.
    pub confidence: f32,
    /// The rule that made it (see [`crate::events::RULES`]).
    pub rule: &'static str,
    /// Its arguments, in text order.
    pub roles: Vec<EventRole>,
}

impl Row for Event {
    fn sentence(&self) -> u32 {
        self.sentence
    }
    fn sentence_mut(&mut self) -> &mut u32 {
        &mut self.sentence
    }
    fn last_sentence(&self) -> u32 {
        self.last_sentence
    }
    fn last_sentence_mut(&mut self) -> Option<&mut u32> {
        Some(&mut self.last_sentence)
    }
    fn spans(&self) -> [Option<Span>; 3] {
        [Some(self.trigger), Some(self.evidence), None]
    }
    fn spans_mut(&mut self) -> [Option<&mut Span>; 3] {
        [Some(&mut self.trigger), Some(&mut self.evidence), None]
    }
    /// Its arguments, read from its sentences.
    fn nested_spans(&self) -> Vec<Span> {
        self.roles.iter().map(|r| r.span).collect()
    }
    fn nested_spans_mut(&mut self) -> Vec<&mut Span> {
        self.roles.iter_mut().map(|r| &mut r.span).collect()
    }
    /// Its place: read from its sentences, or from the dateline.
    fn remote_spans(&self) -> Vec<Span> {
        self.location.iter().map(|l| l.span).collect()
    }
    fn remote_spans_mut(&mut self) -> Vec<&mut Span> {
        self.location.iter_mut().map(|l| &mut l.span).collect()
    }
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        (self.trigger, self.kind).cmp(&(other.trigger, other.kind))
    }
}

/// A row an extractor makes, as an [`Extraction`] handles it without knowing its table: the
/// sentence it is in, the byte spans it points at (the first orders the table), and its order
/// among rows at one position.
pub trait Row {
    /// The sentence the row is in.
    fn sentence(&self) -> u32;
    /// The sentence, to move.
    fn sentence_mut(&mut self) -> &mut u32;
    /// The last sentence its spans reach (a quotation may run over several): its own by default.
    fn last_sentence(&self) -> u32 {
        self.sentence()
    }
    /// The last sentence, to move, when it is kept apart from the first.
    fn last_sentence_mut(&mut self) -> Option<&mut u32> {
        None
    }
    /// The spans the row points at, the one that orders the table first (up to three).
    fn spans(&self) -> [Option<Span>; 3];
    /// The spans, to move.
    fn spans_mut(&mut self) -> [Option<&mut Span>; 3];
    /// The spans of the rows nested in this one (an event's arguments), moved and checked with
    /// it (inside its sentences); none by default.
    fn nested_spans(&self) -> Vec<Span> {
        Vec::new()
    }
    /// The nested spans, to move.
    fn nested_spans_mut(&mut self) -> Vec<&mut Span> {
        Vec::new()
    }
    /// Spans the row points at in other sentences of the document (an event's place read from
    /// the dateline): moved with it, checked to lie in an extractable sentence; none by default.
    fn remote_spans(&self) -> Vec<Span> {
        Vec::new()
    }
    /// The remote spans, to move.
    fn remote_spans_mut(&mut self) -> Vec<&mut Span> {
        Vec::new()
    }
    /// The order of two rows of the table: by position, then by what tells rows at one position
    /// apart.
    fn order(&self, other: &Self) -> std::cmp::Ordering;
}

/// `Row` for rows of one span, ordered by it, then by `$order` of two rows at one span.
macro_rules! one_span_row {
    ($($row:ty => |$a:ident, $b:ident| $order:expr;)*) => {$(
        impl Row for $row {
            fn sentence(&self) -> u32 {
                self.sentence
            }
            fn sentence_mut(&mut self) -> &mut u32 {
                &mut self.sentence
            }
            fn spans(&self) -> [Option<Span>; 3] {
                [Some(self.span), None, None]
            }
            fn spans_mut(&mut self) -> [Option<&mut Span>; 3] {
                [Some(&mut self.span), None, None]
            }
            fn order(&self, other: &Self) -> std::cmp::Ordering {
                let ($a, $b) = (self, other);
                $a.span.cmp(&$b.span).then_with(|| $order)
            }
        }
    )*};
}

one_span_row! {
    Mention => |a, b| a.label.as_str().cmp(b.label.as_str());
    NumberMention => |a, b| std::cmp::Ordering::Equal;
    DateMention => |a, b| std::cmp::Ordering::Equal;
}

impl Row for Relation {
    fn sentence(&self) -> u32 {
        self.sentence
    }
    fn sentence_mut(&mut self) -> &mut u32 {
        &mut self.sentence
    }
    fn spans(&self) -> [Option<Span>; 3] {
        [Some(self.evidence), Some(self.subject.span), Some(self.object.span)]
    }
    fn spans_mut(&mut self) -> [Option<&mut Span>; 3] {
        [Some(&mut self.evidence), Some(&mut self.subject.span), Some(&mut self.object.span)]
    }
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        (self.evidence, self.subject.span, self.object.span, self.predicate.as_str()).cmp(&(
            other.evidence,
            other.subject.span,
            other.object.span,
            other.predicate.as_str(),
        ))
    }
}

/// The row tables of an [`Extraction`], once: each line a field of [`Extraction`], its row type
/// (a [`Row`]), its [`Rows`] variant and table name. Every method that handles all the tables
/// (moving, appending, checking, truncating, sorting) is written here, over the list.
macro_rules! row_tables {
    ($($(#[$doc:meta])* $field:ident: $row:ty => $variant:ident;)*) => {
        /// Everything extracted from one document.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Extraction {
            $($(#[$doc])* pub $field: Vec<$row>,)*
            /// Problems worth an `errors` row.
            pub issues: Vec<Issue>,
        }

        /// The kinds of rows an [`Extraction`] holds: what an extractor needs made before it
        /// runs, and what it makes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rows {
            $($(#[$doc])* $variant,)*
        }

        impl Rows {
            /// Every kind, in the order of [`Extraction`]'s fields.
            pub const ALL: &'static [Rows] = &[$(Rows::$variant),*];

            /// The table the rows go to.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Rows::$variant => stringify!($field),)*
                }
            }
        }

        /// The number of rows of each table (then of issues), for [`Extraction::truncate`].
        pub(crate) type Lengths = [usize; Rows::ALL.len() + 1];

        impl Extraction {
            /// Moves every row by `bytes` and `sentences`: the rows of a document's excerpt (see
            /// `Document::excerpt`) become rows of the document.
            pub fn shift(&mut self, bytes: u32, sentences: u32) {
                $(shift_rows(&mut self.$field, bytes, sentences);)*
            }

            /// Appends the rows of `other` (which come after these).
            pub fn append(&mut self, mut other: Extraction) {
                $(self.$field.append(&mut other.$field);)*
                self.issues.append(&mut other.issues);
            }

            /// The rows of every table (issues aside).
            pub fn row_count(&self) -> usize {
                0 $(+ self.$field.len())*
            }

            pub(crate) fn lengths(&self) -> Lengths {
                [$(self.$field.len(),)* self.issues.len()]
            }

            /// Drops the rows added since `lengths` was taken.
            pub(crate) fn truncate(&mut self, lengths: Lengths) {
                let mut k = 0;
                $(self.$field.truncate(lengths[k]); k += 1;)*
                self.issues.truncate(lengths[k]);
            }

            /// Sorts every table by position (then by what distinguishes rows at one position),
            /// so row order never depends on the order extractors ran in.
            pub fn sort(&mut self) {
                $(self.$field.sort_by(Row::order);)*
            }

            /// Checks what every consumer of an extraction relies on, and says what is wrong
            /// first: every span slices `doc.text` (in order, on character boundaries), lies
            /// inside the sentence its row names, which is an extractable one; rows are in order
            /// of position; mentions never overlap. What fuzzing and the property tests assert
            /// of any text.
            pub fn validate(&self, doc: &gleaner_ingest::Document) -> Result<(), String> {
                if let Some(row) = self.bad_row(doc, [0; Rows::ALL.len() + 1]) {
                    return Err(format!("{row} does not slice the text"));
                }
                $(validate_rows(&self.$field, stringify!($field), doc)?;)*
                if let Some(i) = self.mentions.windows(2).position(|w| w[0].span.end > w[1].span.start) {
                    return Err(format!("mentions {i} and {} overlap", i + 1));
                }
                Ok(())
            }

            /// The first row added since `lengths` was taken whose span does not slice
            /// `doc.text` (reversed, past the end, or inside a character) or whose sentence does
            /// not exist: what would panic when the row is written.
            pub(crate) fn bad_row(&self, doc: &gleaner_ingest::Document, lengths: Lengths) -> Option<String> {
                let mut k = 0;
                $(
                    if let Some(bad) = bad_row(&self.$field[lengths[k]..], stringify!($field), doc) {
                        return Some(bad);
                    }
                    k += 1;
                )*
                let _ = k;
                None
            }
        }
    };
}

row_tables! {
    /// Entity mentions.
    mentions: Mention => Mentions;
    /// Numbers and quantities.
    numbers: NumberMention => Numbers;
    /// Temporal expressions.
    dates: DateMention => Dates;
    /// Relations between mentions.
    relations: Relation => Relations;
    /// Quotations.
    quotes: Quote => Quotes;
    /// Incidents, each with its arguments (the `events` and `event_roles` tables).
    events: Event => Events;
}

fn shift_rows<R: Row>(rows: &mut [R], bytes: u32, sentences: u32) {
    for r in rows {
        *r.sentence_mut() += sentences;
        if let Some(last) = r.last_sentence_mut() {
            *last += sentences;
        }
        for s in r.spans_mut().into_iter().flatten() {
            s.start += bytes;
            s.end += bytes;
        }
        for s in r.nested_spans_mut() {
            s.start += bytes;
            s.end += bytes;
        }
        for s in r.remote_spans_mut() {
            s.start += bytes;
            s.end += bytes;
        }
    }
}

/// Every row of `rows` lies in extractable sentences (its own, or its first to its last),
/// inside them, and in order.
fn validate_rows<R: Row>(rows: &[R], table: &str, doc: &gleaner_ingest::Document) -> Result<(), String> {
    for (i, r) in rows.iter().enumerate() {
        let (sentence, last) = (r.sentence(), r.last_sentence());
        let (s, e) = (&doc.sentences[sentence as usize], &doc.sentences[last as usize]);
        // Its first and last sentences are extractable ones; a row over several may pass over
        // wire copy's furniture between them ("FILE PHOTO" between two sentences of one story).
        if let Some(z) =
            [sentence, last].map(|k| doc.sentences[k as usize].zone).into_iter().find(|z| !z.is_extractable())
        {
            return Err(format!("{table} row {i} is in sentences {sentence}..={last}, of zone {}", z.as_str()));
        }
        let outside = |sp: &Span| sp.start < s.span.start || sp.end > e.span.end;
        // A remote span (an event's place) may lie in any extractable sentence.
        let nowhere = |sp: &Span| {
            doc.sentence_at(sp.start).is_none_or(|k| {
                let t = &doc.sentences[k];
                !t.zone.is_extractable() || sp.end > t.span.end
            })
        };
        if let Some(sp) = r.remote_spans().iter().find(|sp| nowhere(sp)) {
            return Err(format!("{table} row {i}: span {sp:?} outside an extractable sentence"));
        }
        if let Some(sp) = r.spans().into_iter().flatten().chain(r.nested_spans()).find(outside) {
            return Err(format!("{table} row {i}: span {sp:?} outside its sentences {sentence}..={last}"));
        }
    }
    match rows.windows(2).position(|w| w[0].spans()[0] > w[1].spans()[0]) {
        Some(i) => Err(format!("{table} rows {i} and {} are out of order", i + 1)),
        None => Ok(()),
    }
}

/// The first of `rows` with a span that does not slice the text or a sentence that does not
/// exist.
fn bad_row<R: Row>(rows: &[R], table: &str, doc: &gleaner_ingest::Document) -> Option<String> {
    let ok = |s: Span| s.start <= s.end && doc.text.get(s.range()).is_some();
    rows.iter().find_map(|r| {
        let i = r.sentence().max(r.last_sentence());
        let bad = r.spans().into_iter().flatten().chain(r.nested_spans()).chain(r.remote_spans()).find(|s| !ok(*s));
        (bad.is_some() || i as usize >= doc.sentences.len())
            .then(|| format!("a {table} row with span {bad:?} in sentence {i}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name once, and `ALL` lists each variant once.
    fn unique(names: &[&str]) {
        let mut seen = std::collections::BTreeSet::new();
        for n in names {
            assert!(seen.insert(*n), "{n} twice");
        }
    }

    #[test]
    fn timex_mods_are_timeml_s() {
        let names: Vec<&str> = TimexMod::ALL.iter().map(|m| m.as_str()).collect();
        unique(&names);
        let timeml = [
            "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
            "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
        ];
        assert_eq!(names, timeml);
    }
    #[test]
    fn predicates_are_the_contract_s() {
        let names: Vec<&str> = Predicate::ALL.iter().map(|p| p.as_str()).collect();
        unique(&names);
        let contract = [
            "leader_of",
            "member_of",
            "spokesperson_of",
            "employee_of",
            "part_of",
            "allied_with",
            "opposed_to",
            "located_in",
            "based_in",
            "lives_in",
            "citizen_of",
            "killed",
            "attacked",
            "claimed_responsibility_for",
            "successor_of",
        ];
        assert_eq!(names, contract);
    }
    #[test]
    fn labels_are_the_contract_s() {
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        unique(&names);
        let contract = [
            "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC",
        ];
        assert_eq!(names, contract);
    }
}
