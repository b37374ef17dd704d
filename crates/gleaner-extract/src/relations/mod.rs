//! Relations between entities: who leads, belongs to, speaks for, works for, is allied with or
//! opposes whom; what is located or based where; who killed or attacked whom.
//!
//! Two sources, run on the mentions the entity extractor found (so `relations` runs after
//! `entities` in the pipeline):
//!
//! 1. **Construction rules** (`method = "rule"`, `rule` names the construction: see [`RULES`]): appositions, possessives, titles, copulas and
//!    role nouns, membership and part-of phrases, alliance and opposition phrases, "based in",
//!    "City, Country" — written from English grammar (see the `rules` source for the list). A
//!    definite description ("the group's spokesman") is read as the nearest organization
//!    mentioned before it, in its sentence or the two before; the relation then points at that
//!    entity and at the words "the group" as the argument's span.
//! 2. **A classifier** (`method = "model"`): an averaged perceptron over every ordered pair of
//!    mentions in a sentence (types, order, the words between and around, heads), trained on
//!    CoNLL04 by `make model` and shipped as `models/rel.bin`. Its classes map to predicates:
//!    Work_For → `employee_of` (or `leader_of` / `spokesperson_of` / `member_of` when a role word
//!    in the evidence says so), Live_In → `lives_in` (`citizen_of` with "citizen"/"national"),
//!    Located_In → `located_in`, OrgBased_In → `based_in`, Kill → `killed`.
//!
//! Where a rule and the classifier read the same pair, the rule's row is kept. Symmetric
//! predicates (`allied_with`, `opposed_to`) are written once per pair, subject the smaller
//! entity id. Two mentions of one entity are never related.
//!
//! Predicates (subject → object):
//!
//! | predicate | meaning | example |
//! |---|---|---|
//! | `leader_of` | person leads an organization or place | "Jane Roe, the leader of the Acme Party" |
//! | `member_of` | person belongs to an organization | "Roe, a member of the council" |
//! | `spokesperson_of` | person speaks for an organization | "the ministry's spokesman, John Doe" |
//! | `employee_of` | person works for an organization | "John Doe, an analyst at Acme Corp" |
//! | `part_of` | organization within an organization | "the Youth Wing is a unit of the Acme Party" |
//! | `allied_with` | two parties on one side (symmetric) | "X, closely allied with Y" |
//! | `opposed_to` | two parties against each other (symmetric) | "X and Y fought one another" |
//! | `attacked` | one party attacked another or a place | "X attacked Y" |
//! | `based_in` | organization based in a place | "Acme, based in Lisbon" |
//! | `located_in` | place within a place | "Porto, Portugal" |
//! | `lives_in` | person lives in a place | "Roe, who lives in Oslo" |
//! | `citizen_of` | person is a citizen of a state (the object may be its demonym) | "Roe, a citizen of Chile"; "Chilean writer Roe" |
//! | `killed` | person killed a person | "Booth shot Lincoln" |
//!
//! ```
//! use gleaner_extract::{entities::Entities, relations::Relations, Pipeline, Predicate};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let text = "Maria Santos, the leader of the Workers Party, spoke in Lisbon.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Entities::shipped()).with(Relations::shipped()).run(&doc);
//! let leads = found.relations.iter().find(|r| r.predicate == Predicate::LeaderOf).unwrap();
//! assert_eq!(doc.slice(leads.subject.span), "Maria Santos");
//! assert_eq!(doc.slice(leads.object.span), "Workers Party");
//! assert_eq!(leads.method, "rule");
//! ```

mod context;
mod features;
mod rules;

use std::collections::HashSet;
use std::sync::OnceLock;

use gleaner_ingest::{Document, Issue, Span};

use crate::linear::{probabilities, train_classifier, Clusters, Model, ModelError};
use crate::words::Words;
use crate::{Argument, Extraction, Extractor, Label, Mention, Predicate, Relation, Rule};
use context::Ctx;
use rules::Side;

/// Every `rule` a rule row can carry: the construction that found it (P a person, O an
/// organization, G a place). A row the classifier found has no rule (`None`, `method` = `model`);
/// a row derived from another (a state's leader is its citizen; a name's bracketed other form; a
/// town's state) keeps the rule of the row it came from. After the rules run, a job or seat
/// (`employee_of`, `member_of`) of a known town or state becomes `lives_in` and keeps its rule.
pub const RULES: &[Rule] = &[
    rule(
        "possessive_role",
        "P, O's ROLE / P is O's ROLE: the role word's predicate",
        &["Jane Roe, Acme Corp's chief economist, resigned."],
    ),
    rule(
        "org_role_apposition",
        "P, an O ROLE: the role word's predicate",
        &["The filing was confirmed by Laura Kent, an Oracle spokeswoman, on Tuesday."],
    ),
    rule(
        "place_job_apposition",
        "P, a G ROLE|OCCUPATION: citizen_of a state, lives_in a town",
        &["Tom Baker, a Dutch businessman, bought the firm."],
    ),
    rule(
        "role_of",
        "P, the ROLE of|for|at|with|in O / P is|was|served as ... ROLE of O",
        &["Maria Santos, the leader of the Workers Party, spoke in Lisbon on Monday."],
    ),
    rule(
        "role_verb",
        "P (, who) heads|leads|founded|joined|works for O",
        &["Ana Silva, who heads Acme Corp, flew to Berlin."],
    ),
    rule(
        "org_role_person",
        "O('s) ROLE (,) P / O ROLE, a man known as P",
        &["Acme Corp spokeswoman Ana Silva declined to comment on the report."],
    ),
    rule(
        "org_noun_person",
        "O NOUN P with no role word: employee_of",
        &["CBS anchorman Dan Rather read the evening news."],
    ),
    rule(
        "place_role_person",
        "G('s) ROLE|OCCUPATION P: citizen_of a state, lives_in a town",
        &["The novel was praised by Russian writer Anna Petrova last year."],
    ),
    rule("role_of_then_person", "the ROLE of O, P", &["The president of Haiti, Jean Dupont, met reporters."]),
    rule(
        "allied_phrase",
        "X allied|aligned with, ally of, backed by, fought alongside, in alliance with Y: allied_with",
        &["Hamas is closely allied with Hezbollah, officials said."],
    ),
    rule(
        "opposed_phrase",
        "X opposed to, clashed with, at war with, fought against, rivals of Y: opposed_to",
        &["The rebels of the Southern Front clashed with the Northern Army near the border."],
    ),
    rule("attacked_verb", "X attacked Y: attacked", &["The Northern Army attacked the Southern Front on Monday."]),
    rule(
        "part_of_phrase",
        "O1 is part|a faction|a unit|an affiliate of O2, O1 affiliated with O2: part_of",
        &["The Youth Front is an integral part of the Workers Party."],
    ),
    rule("based_in_phrase", "O, based|headquartered in G: based_in", &["Globex Corp, based in Lisbon, makes chips."]),
    rule(
        "headquarters_in",
        "O headquarters in G: based_in",
        &["Reporters waited at Siemens headquarters in Munich on Friday."],
    ),
    rule(
        "rejects_authority",
        "X rejects the authority|legitimacy of Y, X rejects Y's legitimacy: opposed_to",
        &["The Workers Party rejects the authority of the National Council."],
    ),
    rule(
        "fought_each_other",
        "A and B fought one another|each other: opposed_to",
        &["The Northern Alliance and the Taliban fought each other for years."],
    ),
    rule(
        "on_side_of",
        "X fought on Y's side: allied_with",
        &["The Southern Front fought on the Workers Party's side."],
    ),
    rule(
        "town_comma_state",
        "G1, G2 with G2 a state or country: located_in",
        &["The plant is in Chisholm, Minnesota, near the lake."],
    ),
    rule(
        "pronoun_home",
        "P ... his|her|their home in G, native G: lives_in",
        &["Tomas Berg, a retired engineer, died on Sunday at his home in suburban Eastfield, his family said."],
    ),
    rule("place_born", "G born P: lives_in", &["Ohio born Maria Santos moved to Lisbon in 1990."]),
    rule(
        "possessive_party",
        "P's party|union|movement ...: member_of",
        &["Maria Santos's ruling Workers Party lost the vote."],
    ),
    rule(
        "possessive_home",
        "P's hometown of G, G, P's hometown: lives_in",
        &["The festival in Eastfield, Maria Santos's hometown, drew thousands."],
    ),
    rule(
        "person_of_org",
        "P (, AGE,) of (the) O: employee_of",
        &["Results were presented by Peter Lang of Siemens AG and Maria Ortiz of the World Bank."],
    ),
    rule(
        "native_of",
        "P, a native|resident|citizen of G: lives_in, citizen_of",
        &["Tom Baker, a native of Glasgow, wrote the report."],
    ),
    rule("person_of_place", "P (, AGE,) of G: lives_in", &["Maria Lopez, 42, of Portland, was hurt in the crash."]),
    rule(
        "lives_in_verb",
        "P (, who) lives|resides in G: lives_in",
        &["Maria Lopez, who lives in Portland, was hurt in the crash."],
    ),
    rule(
        "from_place",
        "P, a ... from G: lives_in",
        &["Derwinski, a Republican from Chicago who served 24 years in Congress, retired."],
    ),
    rule("possessive_place_home", "P's G home: lives_in", &["Police searched John Smith's Ohio home on Friday."]),
    rule(
        "kill_verb",
        "P1 (, who) shot|killed P2, P1, convicted of murdering P2: killed",
        &["Police said Carlos Mendez shot Luis Ortega outside the bar."],
    ),
    rule("killed_by", "P2 was killed|shot by P1: killed", &["Abraham Lincoln was shot by John Wilkes Booth in 1865."]),
    rule(
        "assassin_of",
        "P1, (the) assassin of P2: killed",
        &["Police questioned Alan Frost, the assassin of Ruth Miller, for hours."],
    ),
    rule(
        "possessive_assassin",
        "P1, P2's assassin: killed",
        &["Police questioned Alan Frost, Ruth Miller's assassin, for hours."],
    ),
    rule(
        "assassin_apposition",
        "P2's assassin, P1: killed",
        &["Doctors treated Ruth Miller's assassin, Alan Frost, on Monday."],
    ),
    rule(
        "assassin_title",
        "P2 assassin P1: killed",
        &["His clients included Tomas Berg, who killed Ivan Petrov assassin Carlos Ruiz."],
    ),
    rule(
        "assassination_of_by",
        "the assassination|murder|killing of P2 by P1: killed",
        &["The trial concerns the murder of Peter Brown by James Wilson last spring."],
    ),
    rule(
        "place_noun_apposition",
        "G1, the capital of G2, G1, an island nation in G2: located_in",
        &["Officials said Yerevan, the capital of Armenia, was calm."],
    ),
    rule(
        "possessive_capital",
        "G2's capital, G1: located_in",
        &["Officials said Armenia's capital, Yerevan, was calm."],
    ),
    rule(
        "in_place",
        "G1 in G2 (located_in), O in G (based_in)",
        &["Fred Demler, an economist with Drexel Burnham Lambert Inc. in New York, said prices fell."],
    ),
    rule("place_possessive_org", "G's O with G a known place: based_in", &["Shares of Japan's Toyota rose on Monday."]),
    rule(
        "demonym_org",
        "an organization named by a state's demonym, with the state in the sentence: based_in",
        &["The talks in Haiti stalled after the Haitian Parliament rejected the plan."],
    ),
    rule(
        "place_company_apposition",
        "O, a G company|firm|bank|...: based_in",
        &["Globex Corp, a Lisbon company, makes chips."],
    ),
];

const fn rule(name: &'static str, meaning: &'static str, examples: &'static [&'static str]) -> Rule {
    Rule { name, meaning, examples }
}

/// Classes of the relation classifier: 0 is "no relation", then CoNLL04's five types.
pub const CLASSES: [&str; 6] = ["none", "Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"];

/// Number of classes.
pub const N_CLASSES: usize = 6;

static SHIPPED: &[u8] = include_bytes!("../../models/rel.bin");

/// The shipped relation model, read once per process.
pub fn shipped_model() -> Result<&'static Model<N_CLASSES>, ModelError> {
    static MODEL: OnceLock<Result<Model<N_CLASSES>, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(SHIPPED)).as_ref().map_err(Clone::clone)
}

/// The relation extractor. See the module docs.
#[derive(Debug, Clone)]
pub struct Relations {
    /// The classifier; `Ok(None)` for rules only.
    model: Result<Option<&'static Model<N_CLASSES>>, ModelError>,
    /// The word clusters of the tagger the mentions come from (features of the classifier).
    clusters: Option<&'static Clusters>,
}

impl Relations {
    /// The extractor with the classifier and the tagger's word clusters of `resources` (rules
    /// always run). Should the classifier not have loaded, every document gets an `errors` row
    /// saying so, and rule rows only.
    pub fn new(resources: &crate::Resources) -> Relations {
        Relations { model: resources.relations.clone().map(Some), clusters: resources.clusters() }
    }

    /// The extractor with the shipped models.
    pub fn shipped() -> Relations {
        Relations::new(&crate::Resources::shipped())
    }

    /// Rules only.
    pub fn rules_only() -> Relations {
        Relations { model: Ok(None), clusters: None }
    }
}

/// How far (in log-probability) a relation class may trail "none" and still be written: the
/// perceptron's scores are peaked and the classes rare, so the plain argmax under-reports. Set
/// on CoNLL04 dev (classifier alone, `make model`): 0 gives P 0.71 R 0.44, 10 gives P 0.69
/// R 0.51 (F1 0.585), 15 gives P 0.66 R 0.53 (0.590); end to end 15 gained 0.003 F1 for 0.015
/// precision, and news text outside CoNLL04 wants the precision.
const BIAS: f32 = 10.0;

const CANDIDATE_LABELS: [Label; 5] = [Label::Person, Label::Org, Label::Gpe, Label::Loc, Label::Fac];

impl Extractor for Relations {
    fn name(&self) -> &'static str {
        "relations"
    }

    fn makes(&self) -> &'static [crate::Rows] {
        &[crate::Rows::Relations]
    }

    fn needs(&self) -> &'static [crate::Rows] {
        &[crate::Rows::Mentions]
    }

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let model = match &self.model {
            Ok(model) => *model,
            Err(e) => {
                out.issues.push(Issue::new(doc.source.clone(), "extract", "model_unavailable", e.to_string()));
                None
            }
        };
        let mut rows = Vec::new();
        let mut found = Vec::new();
        let mut feats = Vec::new();
        let mut read: HashSet<(Span, Span)> = HashSet::new();
        each_sentence(doc, &out.mentions, self.clusters, |si, ctx, earlier| {
            found.clear();
            read.clear();
            let first_row = rows.len();
            rules::apply(ctx, &mut found);
            for f in &found {
                let Some(s) = resolve(ctx, earlier, f.subject) else { continue };
                let Some(o) = resolve(ctx, earlier, f.object) else { continue };
                let last = ctx.len() - 1;
                let a = f.trigger.0.min(last);
                let b = f.trigger.1.max(a + 1).min(last + 1) - 1;
                let trigger = Span { start: ctx.span(a).start, end: ctx.span(b.max(a)).end };
                let evidence = cover(&[s.span, o.span, trigger], ctx.sentence);
                read.insert((s.span, o.span));
                read.insert((o.span, s.span));
                if let (rules::Side::Arg(b), true) =
                    (f.object, matches!(f.predicate, Predicate::LivesIn | Predicate::CitizenOf | Predicate::BasedIn))
                {
                    if let Some(c) = containing(ctx, b) {
                        let up = Argument { entity_id: ctx.args[c].entity_id.to_owned(), span: ctx.args[c].span };
                        read.insert((s.span, up.span));
                        let evidence = cover(&[s.span, up.span, trigger], ctx.sentence);
                        rows.push(row(si, s.clone(), f.predicate, up, evidence, 0.9, Some(f.rule)));
                    }
                }
                rows.push(row(si, s, f.predicate, o, evidence, 0.9, Some(f.rule)));
            }
            let Some(model) = model else { return };
            // A question asserts nothing ("Could the party be Portugal's partner?", also quoted
            // inside a sentence): the classifier, which reads no grammar, stays out of a sentence
            // that asks one (CoNLL04 has one question in 1,153 sentences).
            let question = (0..ctx.len()).any(|i| ctx.lw(i) == "?");
            // Whether the sentence has a word of killing, looked up once, on its first Kill.
            let kills = std::cell::OnceCell::new();
            for (a, b) in candidates(ctx).filter(|_| !question) {
                let (s, o) = (&ctx.args[a], &ctx.args[b]);
                if read.contains(&(s.span, o.span)) {
                    continue;
                }
                feats.clear();
                features::pair_features(ctx, a, b, &mut feats);
                let (class, confidence) = classify(model, &feats, BIAS);
                if class == 0 {
                    continue;
                }
                let Some(predicate) = predicate(ctx, class, a, b, &kills) else { continue };
                let evidence = cover(&[s.span, o.span], ctx.sentence);
                let (sa, oa) = (
                    Argument { entity_id: s.entity_id.to_owned(), span: s.span },
                    Argument { entity_id: o.entity_id.to_owned(), span: o.span },
                );
                if matches!(predicate, Predicate::LivesIn | Predicate::CitizenOf | Predicate::BasedIn) {
                    if let Some(c) = containing(ctx, b).filter(|&c| !read.contains(&(s.span, ctx.args[c].span))) {
                        let up = Argument { entity_id: ctx.args[c].entity_id.to_owned(), span: ctx.args[c].span };
                        let evidence = cover(&[s.span, up.span], ctx.sentence);
                        rows.push(row(si, sa.clone(), predicate, up, evidence, confidence, None));
                    }
                }
                rows.push(row(si, sa, predicate, oa, evidence, confidence, None));
            }
            citizens_of_led_states(ctx, &mut rows, first_row);
            onto_bracketed_names(ctx, &mut rows, first_row);
        });
        // Symmetric predicates once per pair, in a stable order; no duplicates.
        for r in &mut rows {
            if matches!(r.predicate, Predicate::AlliedWith | Predicate::OpposedTo)
                && r.object.entity_id < r.subject.entity_id
            {
                std::mem::swap(&mut r.subject, &mut r.object);
            }
        }
        let mut seen = HashSet::new();
        rows.retain(|r| {
            r.subject.entity_id != r.object.entity_id
                && seen.insert((r.sentence, r.subject.span, r.predicate, r.object.span))
        });
        out.relations.extend(rows);
    }
}

/// Calls `f(sentence index, context, mentions before the sentence)` for each extractable
/// sentence holding a mention (no mention, no relation), reusing the token buffers.
fn each_sentence(
    doc: &Document,
    mentions: &[Mention],
    clusters: Option<&Clusters>,
    mut f: impl FnMut(u32, &Ctx, &[&Mention]),
) {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.span);
    let mut words = Words::default();
    for (si, sentence) in doc.extractable_sentences() {
        let lo = sorted.partition_point(|m| m.span.start < sentence.span.start);
        let hi = sorted.partition_point(|m| m.span.start < sentence.span.end);
        if lo == hi {
            continue;
        }
        words.load(doc, sentence);
        let ctx = Ctx::new(&words, sentence.span, &sorted[lo..hi], clusters);
        f(si as u32, &ctx, &sorted[..lo]);
    }
}

/// At most this many mentions lie between the two of a pair the classifier scores. No relation
/// of CoNLL04 dev has more than 4 (train: 8, but for one of 20), and a sentence of hundreds of
/// names (a list, a table, text run together) then costs pairs in proportion to its names, not
/// to their square.
const MAX_BETWEEN: usize = 8;

/// The ordered pairs of mentions the classifier scores: two different entities, both of a type
/// some class relates, with at most [`MAX_BETWEEN`] mentions between them. Training and
/// extraction take their pairs from here alike.
fn candidates<'c>(ctx: &'c Ctx) -> impl Iterator<Item = (usize, usize)> + 'c {
    let n = ctx.args.len();
    let window = move |a: usize| a.saturating_sub(MAX_BETWEEN + 1)..(a + MAX_BETWEEN + 2).min(n);
    (0..n).flat_map(move |a| window(a).map(move |b| (a, b))).filter(move |&(a, b)| {
        let (s, o) = (&ctx.args[a], &ctx.args[b]);
        a != b
            && s.entity_id != o.entity_id
            && CANDIDATE_LABELS.contains(&s.label)
            && CANDIDATE_LABELS.contains(&o.label)
    })
}

/// Whoever leads a state ("the president of Haiti", "Britain's Prime Minister") is its citizen:
/// each `leader_of` row of the sentence (from `first`) whose object is a known country adds a
/// `citizen_of` row on the same spans.
fn citizens_of_led_states(ctx: &Ctx, rows: &mut Vec<Relation>, first: usize) {
    for k in first..rows.len() {
        if rows[k].predicate != Predicate::LeaderOf {
            continue;
        }
        let object = rows[k].object.span;
        let Some(arg) = ctx.args.iter().find(|a| a.span == object) else { continue };
        if arg.label == Label::Gpe && crate::entities::is_country(ctx.surface(arg.first, arg.end).iter().copied()) {
            let mut citizen = rows[k].clone();
            citizen.predicate = Predicate::CitizenOf;
            rows.push(citizen);
        }
    }
}

/// A name and its other form in brackets are one mention to a reader ("the Social Democrat
/// Populist Party (SHP)", "SHP (Social Democrat Populist Party)"): each row of the sentence (from
/// `first`) read from one of them is written from the other as well, so the relation holds
/// whichever form a user looks up.
fn onto_bracketed_names(ctx: &Ctx, rows: &mut Vec<Relation>, first: usize) {
    let other = |span: Span| -> Option<Span> {
        let m = ctx.args.iter().find(|a| a.span == span)?;
        let same = |c: usize| (ctx.args[c].entity_id == m.entity_id).then_some(ctx.args[c].span);
        if ctx.lw(m.end) == "(" {
            let c = ctx.arg_at(m.end + 1)?;
            return (ctx.lw(ctx.args[c].end) == ")").then(|| same(c)).flatten();
        }
        if m.first >= 2 && ctx.lw(m.first - 1) == "(" && ctx.lw(m.end) == ")" {
            return same(ctx.arg_ending(m.first - 1)?);
        }
        None
    };
    for k in first..rows.len() {
        for subject_side in [true, false] {
            let r = &rows[k];
            let span = if subject_side { r.subject.span } else { r.object.span };
            let Some(alias) = other(span) else { continue };
            let mut copy = r.clone();
            let side = if subject_side { &mut copy.subject } else { &mut copy.object };
            side.span = alias;
            let (a, b) = (copy.subject.span, copy.object.span);
            copy.evidence = cover(&[a, b, r.evidence], ctx.sentence);
            rows.push(copy);
        }
    }
}

/// The place that contains mention `b` by apposition ("Miami, Fla.", "Portland, Ore."): whoever
/// lives or is based in the town is in the state too. Not in a list of places ("Paris, London").
fn containing(ctx: &Ctx, b: usize) -> Option<usize> {
    let m = &ctx.args[b];
    if ctx.lw(m.end) != "," {
        return None;
    }
    let c = ctx.arg_at(m.end + 1)?;
    let place = matches!(ctx.args[c].label, Label::Gpe | Label::Loc);
    (place && ctx.args[c].entity_id != m.entity_id && !rules::listed(ctx, b, c)).then_some(c)
}

fn row(
    sentence: u32,
    s: Argument,
    predicate: Predicate,
    o: Argument,
    evidence: Span,
    confidence: f32,
    rule: Option<&'static str>,
) -> Relation {
    // A rule's row, or the classifier's: the method follows from the rule's name.
    let method = if rule.is_some() { "rule" } else { "model" };
    Relation {
        sentence,
        subject: s,
        predicate,
        object: o,
        evidence,
        confidence: confidence.clamp(0.0, 1.0),
        method,
        rule,
    }
}

/// The smallest span covering `spans`, inside the sentence.
fn cover(spans: &[Span], sentence: Span) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(sentence.start).max(sentence.start);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(sentence.end).min(sentence.end);
    Span { start, end: end.max(start) }
}

/// An argument from a rule's side: a mention of the sentence, or a definite description read as
/// the nearest ORG before it (this sentence first, then up to two sentences back).
fn resolve(ctx: &Ctx, earlier: &[&Mention], side: Side) -> Option<Argument> {
    match side {
        Side::Arg(a) => Some(Argument { entity_id: ctx.args[a].entity_id.to_owned(), span: ctx.args[a].span }),
        Side::Resolved { first, end } => {
            let span = Span { start: ctx.span(first).start, end: ctx.span(end - 1).end };
            let here = ctx.args.iter().rev().find(|a| a.end <= first && a.label == Label::Org).map(|a| a.entity_id);
            let before = || {
                let window_start = earlier.len().saturating_sub(40);
                earlier[window_start..]
                    .iter()
                    .rev()
                    .filter(|m| ctx.sentence.start.saturating_sub(m.span.end) < 1200)
                    .find(|m| m.label == Label::Org)
                    .map(|m| m.entity_id.as_str())
            };
            let id = here.or_else(before)?;
            Some(Argument { entity_id: id.to_owned(), span })
        }
    }
}

/// The contract predicate for a classifier class on the pair `(a, b)`. The class decides; the
/// mentions' types are checked where the contract defines the predicate by them (only a person
/// works for something) or a type is plainly incompatible (a place cannot kill or live
/// somewhere), since the tagger's type is the weaker signal of the two (CoNLL04 dev: requiring
/// both types everywhere cost 0.04 F1). `kills` caches whether the sentence has a word of
/// killing.
fn predicate(ctx: &Ctx, class: usize, a: usize, b: usize, kills: &std::cell::OnceCell<bool>) -> Option<Predicate> {
    let (s, o) = (ctx.args[a].label, ctx.args[b].label);
    let place = |l: Label| matches!(l, Label::Gpe | Label::Loc | Label::Fac);
    match CLASSES[class] {
        // "Kremlin critic P": an outsider noun between them says P does not work for O.
        "Work_For" if s == Label::Person && o != Label::Person && !outsider_between(ctx, a, b) => {
            Some(work_role(ctx, a, b))
        }
        // "killed Kennedy's assassin": the one killed is the assassin, not Kennedy. No killing
        // without a word of killing in the sentence ("Starr, a fellow appointee of Reagan").
        "Kill"
            if !place(s)
                && !place(o)
                && !assassin_of(ctx, b, a)
                && *kills.get_or_init(|| (0..ctx.len()).any(|i| rules::killing_word(ctx.lw(i)))) =>
        {
            Some(Predicate::Killed)
        }
        // Items of one list are not in one another ("Delta, Orion, Piedmont").
        "OrgBased_In" if s != Label::Person && place(o) && !rules::in_one_list(ctx, a, b) => Some(Predicate::BasedIn),
        "Live_In" if s == Label::Person && place(o) => {
            let (x, y) = span_between(ctx, a, b);
            let citizen = (x..y).any(|i| matches!(ctx.lw(i), "citizen" | "citizens" | "national" | "nationals"));
            Some(if citizen { Predicate::CitizenOf } else { Predicate::LivesIn })
        }
        "Located_In" if s != Label::Person && place(o) && !rules::in_one_list(ctx, a, b) => Some(Predicate::LocatedIn),
        _ => None,
    }
}

/// Is mention `b` the victim in a killer noun phrase ("Kennedy 's assassin", "Kennedy assassin")
/// whose killer is not `a` (named right after it: "McKinley's assassin (,) Leon Czolgosz",
/// "King assassin James Earl Ray")?
fn assassin_of(ctx: &Ctx, b: usize, a: usize) -> bool {
    let e = ctx.args[b].end;
    let named = |i: usize| ctx.args[a].first == i;
    let possessed = ctx.possessive(e)
        && rules::killer_noun(ctx.lw(e + 1))
        && !named(e + 2)
        && !(ctx.lw(e + 2) == "," && named(e + 3));
    possessed || rules::killer_noun(ctx.lw(e)) && !named(e + 1) && !(ctx.lw(e + 1) == "," && named(e + 2))
}

/// Is there an outsider noun ("critic", "rival", "victim") in a gap of at most three tokens
/// between mentions `a` and `b`?
fn outsider_between(ctx: &Ctx, a: usize, b: usize) -> bool {
    let (x, y) = (&ctx.args[a], &ctx.args[b]);
    let (from, to) = if x.end <= y.first { (x.end, y.first) } else { (y.end, x.first.max(y.end)) };
    to - from <= 3 && (from..to).any(|i| rules::outsider(ctx.lw(i)))
}

fn span_between(ctx: &Ctx, a: usize, b: usize) -> (usize, usize) {
    let (x, y) = (&ctx.args[a], &ctx.args[b]);
    let from = x.first.min(y.first).saturating_sub(3);
    let to = (x.end.max(y.end) + 3).min(ctx.len());
    (from, to)
}

/// Work_For refined by a role word that is the person's own: a title right before the name
/// ("party leader Jane Roe") or the head of an apposition right after it ("Jane Roe, the party's
/// spokeswoman"). A role word elsewhere in the sentence belongs to someone else ("Jane Roe met the
/// leader of the party"). The role words are the rules' (`rules::role`).
fn work_role(ctx: &Ctx, a: usize, _b: usize) -> Predicate {
    let p = &ctx.args[a];
    let mut own: Vec<usize> = (p.first.saturating_sub(2)..p.first).collect();
    if ctx.lw(p.end) == "," {
        own.extend(p.end + 1..(p.end + 5).min(ctx.len()));
    }
    let second = own.iter().any(|&i| rules::second_in_command(ctx.lw(i)));
    let mut best = Predicate::EmployeeOf;
    for i in own {
        match rules::role(ctx.lw(i)) {
            Some(Predicate::SpokespersonOf) => return Predicate::SpokespersonOf,
            Some(Predicate::LeaderOf) => best = if second { Predicate::MemberOf } else { Predicate::LeaderOf },
            Some(Predicate::MemberOf) if best == Predicate::EmployeeOf => best = Predicate::MemberOf,
            _ => {}
        }
    }
    best
}

/// One candidate pair of a sentence, for training: the two mentions' spans and the features.
#[derive(Clone, Debug)]
pub struct PairExample {
    /// Sentence index.
    pub sentence: u32,
    /// Subject mention span.
    pub subject: Span,
    /// Object mention span.
    pub object: Span,
    /// Hashed features.
    pub features: Vec<u64>,
}

/// Every candidate pair the classifier would score in `doc`, given its mentions (the entity
/// extractor's output), with features read with the word clusters of `resources`' tagger: what
/// `gleaner-train rel` learns from.
pub fn pair_examples(doc: &Document, mentions: &[Mention], resources: &crate::Resources) -> Vec<PairExample> {
    let mut out = Vec::new();
    each_sentence(doc, mentions, resources.clusters(), |si, ctx, _| {
        for (a, b) in candidates(ctx) {
            let mut features = Vec::new();
            features::pair_features(ctx, a, b, &mut features);
            out.push(PairExample { sentence: si, subject: ctx.args[a].span, object: ctx.args[b].span, features });
        }
    });
    out
}

/// Perceptrons averaged into the shipped relation model, each visiting the examples in its own
/// order (`seed`, `seed + 1`, ...). Fifteen, not five: with five, a change of a few training pairs
/// moved CoNLL04 dev by up to 0.008 F1 end to end; four seeds of fifteen gave 0.583-0.588.
const ENSEMBLE: u64 = 15;

/// Trains the relation classifier on `(features, class)` examples (class indexes [`CLASSES`]);
/// returns the model file's bytes. Reproducible for a given seed.
pub fn train_relations(examples: &[(Vec<u64>, u8)], epochs: usize, seed: u64) -> Vec<u8> {
    let sets: Vec<_> =
        (0..ENSEMBLE).map(|k| train_classifier::<N_CLASSES>(examples, epochs, seed.wrapping_add(k))).collect();
    crate::linear::mean_weights(&sets).to_bytes(&crate::linear::Clusters::default(), 0.0)
}

/// The class a model gives a feature list, with a confidence: the best relation class when its
/// log-probability is within `bias` of "none"'s (a bias above 0 trades precision for recall).
/// The confidence is the logistic of that margin, so a row written has confidence above 0.5 and
/// one at the threshold exactly 0.5.
pub fn classify(model: &Model<N_CLASSES>, features: &[u64], bias: f32) -> (usize, f32) {
    let p = probabilities(model, features);
    let class = (1..N_CLASSES).max_by(|&x, &y| p[x].total_cmp(&p[y])).unwrap_or(0);
    let margin = p[class].max(1e-30).ln() + bias - p[0].max(1e-30).ln();
    let confidence = 1.0 / (1.0 + (-margin / bias.max(1.0)).exp());
    if margin > 0.0 {
        (class, confidence)
    } else {
        (0, 1.0 - confidence)
    }
}

#[cfg(test)]
mod tests;
