//! Construction rules: relations that English grammar spells out between two tagged mentions.
//!
//! - Roles: "P, the leader of O", "P, O's spokesman", "O's chief P" / "O leader P" / "O spokesman,
//!   P", "the leader of O, P", "O leader, a man known as P", "P is/was/became/served as (O's) ROLE
//!   (of O)", "P, who heads O", "P leads O". The role word decides the predicate (leader_of,
//!   spokesperson_of, member_of, employee_of).
//! - Structure: "O1 is (an integral) part / a faction / a unit / a wing / a branch of O2",
//!   "O1, an affiliate of O2", "O1 affiliated with O2" → part_of.
//! - Alignment: "allied with", "ally of", "aligned with", "backed by", "fought alongside", "on O's
//!   side", "intertwined with", "in alliance with" → allied_with; "opposed to", "clashed with",
//!   "fought against", "at war with", "rivals of", "rejects the authority/legitimacy of", "rejects
//!   O's legitimacy", "A and B fought one another / each other" → opposed_to; "attacked" →
//!   attacked.
//! - Place: "O, based in G", "O is headquartered in G", "O headquarters in G", "Japan's Toyota"
//!   (a known place), "the Haitian Parliament" with "Haiti" in the sentence → based_in; "G1, G2"
//!   with G2 a country or state (also "Azusa, Calif.") → located_in; "G1, the capital of G2",
//!   "G2's capital, G1" → located_in.
//! - People and places: "P of G", "P, 50, of G", "P, a native of G" → lives_in; "Soviet
//!   historian P", "China's Premier P", "P, a Dutch businessman" → citizen_of (a state or its
//!   demonym; a town with an occupation gives lives_in); "P of O", "P, an O spokeswoman" → the
//!   role's predicate for O.
//! - Killing: "P1 (, who) (had) shot P2", "P2 was shot by P1", "P1, (the) assassin of P2", "P2
//!   assassin P1", "the assassination of P2 by P1", "P1, convicted of murdering P2" → killed.
//! - A definite description ("the group", "the company", "the ministry", …) or "its" standing where a
//!   mention should be is read as the nearest ORG before it in the sentence or the two before,
//!   when exactly one kind of organization is in view there (see `Resolver`).
//!
//! Files: this one holds the shared vocabulary and the role constructions ([`apply`]);
//! `rules/structure_and_alignment.rs` the phrases between two groups and "G1, G2";
//! `rules/people_and_places.rs` homes, origins, killings and places.

mod people_and_places;
mod structure_and_alignment;

use super::context::Ctx;
use crate::{Label, Predicate};
use people_and_places::{homes, people_and_places};
use structure_and_alignment::structure_and_alignment;

pub(crate) use people_and_places::{killer_noun, killing_word};
pub(crate) use structure_and_alignment::{in_one_list, listed};

/// A relation found by a rule: subject and object as indices into the sentence's arguments (or
/// resolved from earlier sentences, see [`Side`]), the predicate and the trigger's token range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// The rule's name (see [`super::RULES`]).
    pub(crate) rule: &'static str,
    pub(crate) subject: Side,
    pub(crate) predicate: Predicate,
    pub(crate) object: Side,
    /// Tokens of the trigger (role word, verb phrase).
    pub(crate) trigger: (usize, usize),
}

impl Found {
    fn new(rule: &'static str, subject: Side, predicate: Predicate, object: Side, trigger: (usize, usize)) -> Found {
        Found { rule, subject, predicate, object, trigger }
    }
}

/// One side of a relation: a mention of this sentence, or an entity resolved from a definite
/// description at tokens `[first, end)` of this sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Side {
    Arg(usize),
    Resolved { first: usize, end: usize },
}

/// What a role noun makes of a person.
pub(crate) fn role(word: &str) -> Option<Predicate> {
    Some(match word {
        "leader" | "leaders" | "head" | "chief" | "commander" | "president" | "chairman" | "chairwoman" | "chair"
        | "ceo" | "founder" | "co-founder" | "emir" | "amir" | "governor" | "wali" | "king" | "queen" | "director"
        | "director-general" | "secretary-general" | "boss" | "ruler" | "caliph" | "mayor" | "premier"
        | "chancellor" | "prime" | "owner" | "chieftain" | "dictator" | "monarch" | "sultan" | "sheikh"
        | "patriarch" | "pope" | "headmaster" | "principal" | "captain" | "coach" | "manager" => Predicate::LeaderOf,
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen" | "mouthpiece" => {
            Predicate::SpokespersonOf
        }
        "member" | "members" | "fighter" | "fighters" | "militant" | "militants" | "lawmaker" | "senator"
        | "legislator" | "delegate" | "loyalist" | "operative" | "soldier" | "recruit" | "activist" | "deputy"
        | "lieutenant" | "player" | "partner" | "sergeant" | "corporal" | "admiral" => Predicate::MemberOf,
        "employee" | "official" | "officials" | "analyst" | "executive" | "minister" | "planner" | "adviser"
        | "advisor" | "aide" | "envoy" | "ambassador" | "economist" | "researcher" | "reporter" | "correspondent"
        | "editor" | "engineer" | "lawyer" | "attorney" | "worker" | "strategist" | "secretary" | "officer"
        | "staffer" | "scientist" | "professor" | "columnist" | "producer" | "banker" | "negotiator"
        | "representative" | "treasurer" | "counsel" | "general" | "colonel" | "ideologue" | "financier" => {
            Predicate::EmployeeOf
        }
        _ => return None,
    })
}

/// "vice president", "deputy leader", "assistant director": in the leadership, not its head.
pub(crate) fn second_in_command(word: &str) -> bool {
    matches!(word, "vice" | "deputy" | "assistant" | "associate") || word.starts_with("vice-")
}

/// Words that may stand between a determiner and a role noun ("senior", "top", "former", "chief").
fn modifier(word: &str) -> bool {
    matches!(
        word,
        "senior"
            | "top"
            | "former"
            | "chief"
            | "deputy"
            | "vice"
            | "acting"
            | "interim"
            | "new"
            | "current"
            | "longtime"
            | "long-time"
            | "then"
            | "military"
            | "political"
            | "spiritual"
            | "supreme"
            | "founding"
            | "regional"
            | "local"
            | "national"
            | "general"
            | "executive"
            | "managing"
            | "foreign"
            | "finance"
            | "defense"
            | "defence"
            | "interior"
            | "press"
            | "veteran"
            | "high-ranking"
            | "high-profile"
            | "operational"
            | "field"
            | "de"
            | "facto"
            | "self-styled"
            | "self-declared"
            | "minister"
            | "prime"
    )
}

fn determiner(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "its" | "his" | "her" | "their")
}

/// Words that may stand between "in" and a place without changing what it locates: "in the
/// Mediterranean", "in nearby Rockville", "in northern Iraq".
fn place_modifier(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "nearby"
            | "suburban"
            | "downtown"
            | "neighboring"
            | "neighbouring"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "rural"
    )
}

/// Tokens skipped where brackets or quotes interrupt a phrase ("served as [the group's] chief").
fn noise(word: &str) -> bool {
    matches!(word, "[" | "]" | "“" | "”" | "\"" | "'" | "‘" | "(" | ")")
}

/// The place mention starting at token `i`, if any.
fn place_at(ctx: &Ctx, i: usize) -> Option<usize> {
    ctx.arg_at(i).filter(|&a| is_place(ctx.args[a].label))
}

fn is_person(label: Label) -> bool {
    label == Label::Person
}

fn is_group(label: Label) -> bool {
    matches!(label, Label::Org | Label::Gpe | Label::Norp)
}

fn is_org(label: Label) -> bool {
    label == Label::Org
}

fn is_place(label: Label) -> bool {
    matches!(label, Label::Gpe | Label::Loc | Label::Fac)
}

/// Nouns for what a person does rather than a post in an organization: after a state or a town
/// they say where the person is from ("Soviet historian Roy Medvedev", "a Chicago lawyer").
fn occupation(word: &str) -> bool {
    matches!(
        word,
        "historian"
            | "pianist"
            | "writer"
            | "author"
            | "novelist"
            | "poet"
            | "playwright"
            | "singer"
            | "actor"
            | "actress"
            | "artist"
            | "composer"
            | "musician"
            | "painter"
            | "physicist"
            | "chemist"
            | "dissident"
            | "journalist"
            | "photographer"
            | "businessman"
            | "businesswoman"
            | "tycoon"
            | "billionaire"
            | "entrepreneur"
            | "architect"
            | "filmmaker"
            | "athlete"
            | "diplomat"
            | "politician"
            | "lady"
            | "cleric"
            | "scholar"
            | "philosopher"
            | "astronaut"
            | "cosmonaut"
            | "doctor"
            | "surgeon"
            | "teacher"
            | "student"
            | "priest"
            | "bishop"
            | "mathematician"
            | "activist"
    )
}

/// What a premodifying place makes of a person: a state or its demonym ("Soviet", "China's")
/// citizen_of, a town or region lives_in. Peoples, religions and parties ("Muslim", "Kurdish")
/// make nothing.
fn belonging(ctx: &Ctx, g: usize) -> Option<Predicate> {
    let a = &ctx.args[g];
    let words = ctx.surface(a.first, a.end);
    match a.label {
        Label::Norp if words.len() == 1 && crate::entities::is_demonym(words[0]) => Some(Predicate::CitizenOf),
        Label::Gpe if crate::entities::is_country(words.iter().copied()) => Some(Predicate::CitizenOf),
        Label::Gpe => Some(Predicate::LivesIn),
        _ => None,
    }
}

/// Definite descriptions of an organization ("the group").
fn org_description(word: &str) -> bool {
    matches!(
        word,
        "group"
            | "organization"
            | "organisation"
            | "movement"
            | "militia"
            | "company"
            | "firm"
            | "party"
            | "ministry"
            | "agency"
            | "network"
            | "outfit"
            | "faction"
            | "insurgency"
            | "bank"
            | "government"
    )
}

/// Runs every rule on one sentence.
pub(crate) fn apply(ctx: &Ctx, out: &mut Vec<Found>) {
    let first = out.len();
    let n = ctx.len();
    // An organization side at token i: a mention, or a resolvable "the group" / "its".
    let org_side_at = |i: usize| -> Option<(Side, usize)> {
        if let Some(a) = ctx.arg_at(i) {
            if is_group(ctx.args[a].label) {
                return Some((Side::Arg(a), ctx.args[a].end));
            }
            return None;
        }
        if ctx.lw(i) == "the" && org_description(ctx.lw(i + 1)) {
            return Some((Side::Resolved { first: i, end: i + 2 }, i + 2));
        }
        if ctx.lw(i) == "its" {
            return Some((Side::Resolved { first: i, end: i + 1 }, i + 1));
        }
        None
    };
    // A role phrase starting at i: det? mods* ROLE; returns (predicate, role token, end).
    let role_at = |mut i: usize| -> Option<(Predicate, usize, usize)> {
        while i < n && noise(ctx.lw(i)) {
            i += 1;
        }
        if determiner(ctx.lw(i)) {
            i += 1;
        }
        let mut k = 0;
        let mut second = false;
        while i < n && k < 3 {
            let w = ctx.lw(i);
            second |= second_in_command(w);
            if let Some(p) = role(w.strip_prefix("vice-").unwrap_or(w)).or_else(|| role(w)) {
                // "chief planner": the last role word is the head.
                let mut j = i + 1;
                let mut pred = p;
                let mut head = i;
                while j < n {
                    match role(ctx.lw(j)) {
                        Some(q) => {
                            pred = q;
                            head = j;
                            j += 1;
                        }
                        None => break,
                    }
                }
                // "prime minister", "chief executive (officer)": a leader, whatever the last word
                // says; a "chief planner" or "chief economist" is not.
                let before = |k: usize| if head >= i + k { ctx.lw(head - k) } else { "" };
                let top = match ctx.lw(head) {
                    "minister" => before(1) == "prime",
                    "executive" => before(1) == "chief",
                    "officer" => before(1) == "executive" && before(2) == "chief",
                    _ => false,
                };
                if top {
                    pred = Predicate::LeaderOf;
                }
                if second && pred == Predicate::LeaderOf {
                    pred = Predicate::MemberOf;
                }
                return Some((pred, head, j));
            }
            if !(modifier(w) || noise(w)) {
                return None;
            }
            i += 1;
            k += 1;
        }
        None
    };
    for (pi, p) in ctx.args.iter().enumerate() {
        if !is_person(p.label) {
            continue;
        }
        // P , ROLE (of|for|at|with) O    |  P , O 's ROLE   |   P is/was/became/served as ... ROLE of O
        // (also after ", 37," and ", who": "Higgins, 37, who is a major in the Marine Corps").
        let mut i = after_age(ctx, p.end);
        if ctx.lw(i) == "," && ctx.lw(i + 1) == "who" {
            i += 2;
        }
        // A quotation may open between the name and its verb: P “served as ...”.
        while i < n && noise(ctx.lw(i)) {
            i += 1;
        }
        let apposition = ctx.lw(i) == ",";
        let copula = matches!(ctx.lw(i), "is" | "was" | "became" | "becomes" | "remains" | "remained" | "as")
            || matches!((ctx.lw(i), ctx.lw(i + 1)), ("served" | "serves" | "serving" | "acts" | "acted", "as"))
            || matches!((ctx.lw(i), ctx.lw(i + 1)), ("has" | "had", "been"));
        if apposition || copula {
            i += if matches!(ctx.lw(i + 1), "as" | "been") && !apposition { 2 } else { 1 };
            while noise(ctx.lw(i)) {
                i += 1;
            }
            // O's ROLE
            let mut j = i;
            if determiner(ctx.lw(j)) && ctx.arg_at(j + 1).is_some() {
                j += 1;
            }
            if let Some((o, after)) = org_side_at(j) {
                let mut k = after;
                while noise(ctx.lw(k)) {
                    k += 1;
                }
                if ctx.possessive(k) {
                    if let Some((pred, head, _)) = role_at(k + 1) {
                        out.push(Found::new("possessive_role", Side::Arg(pi), pred, o, (head, head + 1)));
                        continue;
                    }
                }
                // P , an O ROLE ("an FDA spokeswoman"): the organization's role; P , a G ROLE or
                // OCCUPATION ("a Soviet historian", "a Chicago lawyer"): where P is from.
                if let (Side::Arg(g), true) = (o, apposition && j > i) {
                    let role = role_at(k).filter(|&(_, head, _)| head <= k + 2);
                    let job = (k..(k + 3).min(n)).find(|&x| occupation(ctx.lw(x)));
                    if let (Some((pred, head, _)), true) = (role, is_org(ctx.args[g].label)) {
                        out.push(Found::new("org_role_apposition", Side::Arg(pi), pred, o, (head, head + 1)));
                        continue;
                    }
                    let belongs =
                        belonging(ctx, g).filter(|&b| job.is_some() || role.is_some() && b == Predicate::CitizenOf);
                    if let Some(pred) = belongs {
                        let t = role.map(|r| r.1).or(job).unwrap_or(k);
                        out.push(Found::new("place_job_apposition", Side::Arg(pi), pred, o, (t, t + 1)));
                        continue;
                    }
                }
            }
            if let Some((pred, head, mut end)) = role_at(i) {
                // "a professor of political science at O": the field, then the employer.
                if ctx.lw(end) == "of" && ctx.arg_at(end + 1).is_none() && !determiner(ctx.lw(end + 1)) {
                    let field =
                        (end + 1..(end + 5).min(n)).find(|&x| !ctx.lw(x).starts_with(|c: char| c.is_ascii_lowercase()));
                    if let Some(x) = field.filter(|&x| matches!(ctx.lw(x), "at" | "for" | "with")) {
                        end = x;
                    }
                }
                if matches!(ctx.lw(end), "of" | "for" | "at" | "with" | "in") {
                    let mut k = end + 1;
                    if determiner(ctx.lw(k)) && ctx.arg_at(k).is_none() {
                        k += 1;
                    }
                    if let Some((mut o, after)) = org_side_at(k) {
                        // "head of Poland's central bank": the possessor is not what P heads; the
                        // possessed is, when it is a name ("chief of Acme's Widget Division").
                        if ctx.possessive(after) {
                            match org_side_at(after + 1) {
                                Some((owned @ Side::Arg(_), _)) => o = owned,
                                _ => continue,
                            }
                        }
                        // "an activist in Algeria", "a lawyer in Chicago": where P is, not an
                        // organization P belongs to.
                        let place = matches!(o, Side::Arg(g) if is_place(ctx.args[g].label));
                        let pred = if place && ctx.lw(end) == "in" && pred != Predicate::LeaderOf {
                            Predicate::LivesIn
                        } else {
                            pred
                        };
                        out.push(Found::new("role_of", Side::Arg(pi), pred, o, (head, head + 1)));
                        continue;
                    }
                }
            }
        }
        // P , who heads O   |   P heads O
        let mut v = p.end;
        if ctx.lw(v) == "," && ctx.lw(v + 1) == "who" {
            v += 2;
        }
        let verb = match ctx.lw(v) {
            "heads" | "headed" | "leads" | "led" | "runs" | "ran" | "founded" | "co-founded" | "commands"
            | "commanded" | "chairs" | "chaired" => Some(Predicate::LeaderOf),
            "joined" => Some(Predicate::MemberOf),
            "works" | "worked" | "working" | "teaches" | "taught" | "teaching"
                if matches!(ctx.lw(v + 1), "for" | "at") =>
            {
                Some(Predicate::EmployeeOf)
            }
            _ => None,
        };
        if let Some(pred) = verb {
            let mut k = if pred == Predicate::EmployeeOf { v + 2 } else { v + 1 };
            if determiner(ctx.lw(k)) && ctx.arg_at(k).is_none() && !org_description(ctx.lw(k + 1)) {
                k += 1;
            }
            if let Some((o, _)) = org_side_at(k) {
                out.push(Found::new("role_verb", Side::Arg(pi), pred, o, (v, v + 1)));
            }
        }
    }
    // O ('s)? ROLE (,)? (det words* known as|named|called)? P  and  the ROLE of O , P
    for i in 0..n {
        let Some((o, after)) = org_side_at(i) else { continue };
        let k = if ctx.possessive(after) { after + 1 } else { after };
        let role = role_at(k);
        if let Some((pred, head, end)) = role {
            if let Some(pi) = person_after(ctx, end) {
                out.push(Found::new("org_role_person", Side::Arg(pi), pred, o, (head, head + 1)));
            }
        } else if let Side::Arg(oa) = o {
            // O NOUN (NOUN)? P with no role word: "CBS anchorman Dan Rather", "National Football
            // League placekicker P" work for O (CoNLL04 train: Work_For 30 times in 35, the rest
            // true jobs but one verb). Not a verb ("invited"), not an outsider ("Kremlin critic").
            let nouns = (after..(after + 2).min(n))
                .take_while(|&x| ctx.arg_at(x).is_none() && ctx.surface(x, x + 1)[0].starts_with(char::is_lowercase))
                .last();
            if let Some(last) = nouns.filter(|_| is_org(ctx.args[oa].label) && !ctx.possessive(after)) {
                let words_ok = (after..=last).all(|x| {
                    let w = ctx.lw(x);
                    w.chars().all(|c| c.is_alphabetic() || c == '-') && !outsider(w) && !function_or_verb(w)
                });
                if let Some(pi) = ctx.arg_at(last + 1).filter(|&a| is_person(ctx.args[a].label) && words_ok) {
                    out.push(Found::new("org_noun_person", Side::Arg(pi), Predicate::EmployeeOf, o, (last, last + 1)));
                }
            }
        }
        // G ('s)? ROLE|OCCUPATION P: "China's Premier P", "Soviet historian P" (citizen_of).
        let Side::Arg(g) = o else { continue };
        let Some(pred) = belonging(ctx, g) else { continue };
        let job =
            (k..(k + 3).min(n)).take_while(|&x| x == k || modifier(ctx.lw(x - 1))).find(|&x| occupation(ctx.lw(x)));
        // A post ("Premier", "spokesman") under a town's name is a post in its government, not a
        // home: only a state's post makes a citizen.
        let (head, end) = match (role, job) {
            (Some((_, head, end)), _) if pred == Predicate::CitizenOf => (head, end),
            (_, Some(x)) => (x, x + 1),
            _ => continue,
        };
        if let Some(pi) = ctx.arg_at(end).filter(|&a| is_person(ctx.args[a].label)) {
            out.push(Found::new("place_role_person", Side::Arg(pi), pred, o, (head, head + 1)));
        }
    }
    for i in 0..n {
        let Some((pred, head, end)) = role_at(i) else { continue };
        if !matches!(ctx.lw(i), "the" | "a" | "an") || ctx.lw(end) != "of" {
            continue;
        }
        let Some((o, after)) = org_side_at(end + 1) else { continue };
        if ctx.lw(after) == "," {
            if let Some(pi) = ctx.arg_at(after + 1).filter(|&a| is_person(ctx.args[a].label)) {
                out.push(Found::new("role_of_then_person", Side::Arg(pi), pred, o, (head, head + 1)));
            }
        }
    }
    structure_and_alignment(ctx, out);
    people_and_places(ctx, out);
    homes(ctx, out);
    // A job or a seat "of" a known town or state says where the person is ("the New York
    // attorney", "Texas senator P"): lives_in. A country's ("U.S. Ambassador P") stays a job.
    for f in &mut out[first..] {
        if let (Side::Arg(b), Predicate::EmployeeOf | Predicate::MemberOf) = (f.object, f.predicate) {
            let words = || ctx.surface(ctx.args[b].first, ctx.args[b].end).iter().copied();
            // Only a place the lexicons know: a company the tagger typed GPE ("Globex") is not one.
            if crate::entities::is_country_or_state(words()) && !crate::entities::is_country(words()) {
                f.predicate = Predicate::LivesIn;
            }
        }
    }
}

/// May a construction that can only name one kind of thing read mention `a` as that kind,
/// whatever the tagger typed it ("the assassin of Lincoln", "Siemens headquarters in Munich")?
/// Only a short name that is not a known country, state or city.
fn retypable(ctx: &Ctx, a: usize) -> bool {
    let m = &ctx.args[a];
    m.end - m.first <= 3 && !crate::entities::is_country_or_state(ctx.surface(m.first, m.end).iter().copied())
}

/// Past an age in commas after a name ("Higgins, 37, who"): the token of the second comma, so
/// that an apposition still follows; `i` itself when there is no age.
fn after_age(ctx: &Ctx, i: usize) -> usize {
    let age = ctx.lw(i + 1);
    let is_age = !age.is_empty() && age.bytes().all(|b| b.is_ascii_digit());
    if ctx.lw(i) == "," && is_age && ctx.lw(i + 2) == "," {
        i + 2
    } else {
        i
    }
}

/// Nouns for someone outside an organization, or against it ("Kremlin critic P").
pub(crate) fn outsider(word: &str) -> bool {
    matches!(
        word,
        "critic"
            | "critics"
            | "opponent"
            | "rival"
            | "foe"
            | "enemy"
            | "victim"
            | "hostage"
            | "prisoner"
            | "detainee"
            | "defector"
            | "fan"
            | "watcher"
            | "customer"
            | "client"
            | "shareholder"
            | "investor"
            | "nominee"
            | "target"
            | "suspect"
            | "informant"
    )
}

/// Words that are not nouns of a job: function words, verbs of saying and doing, past forms.
fn function_or_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "told" | "and" | "or" | "of" | "to" | "in" | "by" | "for" | "with" | "at" | "on" | "that"
            | "who" | "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would" | "met" | "named"
            | "asked" | "urged" | "called" | "sued" | "hired" | "fired" | "thanked" | "quoted" | "as" | "than"
            | "from" | "the" | "a" | "an" | "its" | "their" | "his" | "her" | "whose" | "when" | "after" | "before"
            | "could" | "can" | "may" | "might" | "must" | "should" | "shall" | "did" | "does" | "do"
    ) || crate::dates::calendar_word(word)
        || gleaner_ingest::lang::en::time::past_verb(word)
        || word.ends_with("ing")
        // A present verb ("finds", "expects"); a job before one person is singular ("actress").
        || word.ends_with('s') && !word.ends_with("ss")
}

/// A PERSON right after a role phrase: "leader Jane Roe", "leader, Jane Roe", "leader, a
/// terrorist known as Jane Roe".
fn person_after(ctx: &Ctx, mut i: usize) -> Option<usize> {
    if ctx.lw(i) == "," {
        i += 1;
    }
    let direct = ctx.arg_at(i).filter(|&a| is_person(ctx.args[a].label));
    if direct.is_some() {
        return direct;
    }
    if !matches!(ctx.lw(i), "a" | "an" | "the") {
        return None;
    }
    for j in i + 1..(i + 6).min(ctx.len()) {
        let w = ctx.lw(j);
        let named = matches!((w, ctx.lw(j + 1)), ("known", "as"))
            || matches!((w, ctx.lw(j + 1)), ("identified", "as"))
            || w == "named"
            || w == "called";
        if named {
            let at = if matches!(w, "named" | "called") { j + 1 } else { j + 2 };
            return ctx.arg_at(at).filter(|&a| is_person(ctx.args[a].label));
        }
        if ctx.arg_at(j).is_some() || matches!(w, "," | "." | ";" | "who" | "which") {
            return None;
        }
    }
    None
}

fn adverb(word: &str) -> bool {
    word.ends_with("ly") && word.len() > 4
        || matches!(
            word,
            "also"
                | "now"
                | "still"
                | "long"
                | "reportedly"
                | "allegedly"
                | "once"
                | "then"
                | "both"
                | "even"
                | "not"
                | "just"
        )
}
