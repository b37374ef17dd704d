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

use super::context::Ctx;

/// A relation found by a rule: subject and object as indices into the sentence's arguments (or
/// resolved from earlier sentences, see [`Side`]), the predicate and the trigger's token range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) subject: Side,
    pub(crate) predicate: &'static str,
    pub(crate) object: Side,
    /// Tokens of the trigger (role word, verb phrase).
    pub(crate) trigger: (usize, usize),
}

impl Found {
    fn new(subject: Side, predicate: &'static str, object: Side, trigger: (usize, usize)) -> Found {
        Found { subject, predicate, object, trigger }
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
pub(crate) fn role(word: &str) -> Option<&'static str> {
    Some(match word {
        "leader" | "leaders" | "head" | "chief" | "commander" | "president" | "chairman" | "chairwoman" | "chair"
        | "ceo" | "founder" | "co-founder" | "emir" | "amir" | "governor" | "wali" | "king" | "queen" | "director"
        | "director-general" | "secretary-general" | "boss" | "ruler" | "caliph" | "mayor" | "premier"
        | "chancellor" | "prime" | "owner" | "chieftain" | "dictator" | "monarch" | "sultan" | "sheikh"
        | "patriarch" | "pope" | "headmaster" | "principal" | "captain" | "coach" | "manager" => "leader_of",
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen" | "mouthpiece" => "spokesperson_of",
        "member" | "members" | "fighter" | "fighters" | "militant" | "militants" | "lawmaker" | "senator"
        | "legislator" | "delegate" | "loyalist" | "operative" | "soldier" | "recruit" | "activist" | "deputy"
        | "lieutenant" | "player" | "partner" | "sergeant" | "corporal" | "admiral" => "member_of",
        "employee" | "official" | "officials" | "analyst" | "executive" | "minister" | "planner" | "adviser"
        | "advisor" | "aide" | "envoy" | "ambassador" | "economist" | "researcher" | "reporter" | "correspondent"
        | "editor" | "engineer" | "lawyer" | "attorney" | "worker" | "strategist" | "secretary" | "officer"
        | "staffer" | "scientist" | "professor" | "columnist" | "producer" | "banker" | "negotiator"
        | "representative" | "treasurer" | "counsel" | "general" | "colonel" | "ideologue" | "financier" => {
            "employee_of"
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

fn is_person(label: &str) -> bool {
    label == "PERSON"
}

fn is_group(label: &str) -> bool {
    matches!(label, "ORG" | "GPE" | "NORP")
}

fn is_org(label: &str) -> bool {
    label == "ORG"
}

fn is_place(label: &str) -> bool {
    matches!(label, "GPE" | "LOC" | "FAC")
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
fn belonging(ctx: &Ctx, g: usize) -> Option<&'static str> {
    let a = &ctx.args[g];
    let words = ctx.surface(a.first, a.end);
    match a.label {
        "NORP" if words.len() == 1 && crate::entities::is_demonym(words[0]) => Some("citizen_of"),
        "GPE" if crate::entities::is_country(words.iter().copied()) => Some("citizen_of"),
        "GPE" => Some("lives_in"),
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
    let role_at = |mut i: usize| -> Option<(&'static str, usize, usize)> {
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
                    pred = "leader_of";
                }
                if second && pred == "leader_of" {
                    pred = "member_of";
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
                        out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
                        continue;
                    }
                }
                // P , an O ROLE ("an FDA spokeswoman"): the organization's role; P , a G ROLE or
                // OCCUPATION ("a Soviet historian", "a Chicago lawyer"): where P is from.
                if let (Side::Arg(g), true) = (o, apposition && j > i) {
                    let role = role_at(k).filter(|&(_, head, _)| head <= k + 2);
                    let job = (k..(k + 3).min(n)).find(|&x| occupation(ctx.lw(x)));
                    if let (Some((pred, head, _)), true) = (role, is_org(ctx.args[g].label)) {
                        out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
                        continue;
                    }
                    let belongs = belonging(ctx, g).filter(|&b| job.is_some() || role.is_some() && b == "citizen_of");
                    if let Some(pred) = belongs {
                        let t = role.map(|r| r.1).or(job).unwrap_or(k);
                        out.push(Found::new(Side::Arg(pi), pred, o, (t, t + 1)));
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
                        let pred = if place && ctx.lw(end) == "in" && pred != "leader_of" { "lives_in" } else { pred };
                        out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
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
            | "commanded" | "chairs" | "chaired" => Some("leader_of"),
            "joined" => Some("member_of"),
            "works" | "worked" | "working" | "teaches" | "taught" | "teaching"
                if matches!(ctx.lw(v + 1), "for" | "at") =>
            {
                Some("employee_of")
            }
            _ => None,
        };
        if let Some(pred) = verb {
            let mut k = if pred == "employee_of" { v + 2 } else { v + 1 };
            if determiner(ctx.lw(k)) && ctx.arg_at(k).is_none() && !org_description(ctx.lw(k + 1)) {
                k += 1;
            }
            if let Some((o, _)) = org_side_at(k) {
                out.push(Found::new(Side::Arg(pi), pred, o, (v, v + 1)));
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
                out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
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
                    out.push(Found::new(Side::Arg(pi), "employee_of", o, (last, last + 1)));
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
            (Some((_, head, end)), _) if pred == "citizen_of" => (head, end),
            (_, Some(x)) => (x, x + 1),
            _ => continue,
        };
        if let Some(pi) = ctx.arg_at(end).filter(|&a| is_person(ctx.args[a].label)) {
            out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
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
                out.push(Found::new(Side::Arg(pi), pred, o, (head, head + 1)));
            }
        }
    }
    structure_and_alignment(ctx, out);
    people_and_places(ctx, out);
    homes(ctx, out);
    // A job or a seat "of" a known town or state says where the person is ("the New York
    // attorney", "Texas senator P"): lives_in. A country's ("U.S. Ambassador P") stays a job.
    for f in &mut out[first..] {
        if let (Side::Arg(b), "employee_of" | "member_of") = (f.object, f.predicate) {
            let words = || ctx.surface(ctx.args[b].first, ctx.args[b].end).iter().copied();
            // Only a place the lexicons know: a company the tagger typed GPE ("Globex") is not one.
            if crate::entities::is_country_or_state(words()) && !crate::entities::is_country(words()) {
                f.predicate = "lives_in";
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

/// Verbs of killing, active ("shot") or passive ("was shot by").
fn kill_verb(word: &str) -> bool {
    matches!(
        word,
        "killed"
            | "assassinated"
            | "murdered"
            | "shot"
            | "stabbed"
            | "executed"
            | "strangled"
            | "slew"
            | "beheaded"
            | "poisoned"
            | "kills"
            | "shoots"
            | "murders"
            | "assassinates"
            | "stabs"
            | "strangles"
            | "poisons"
            | "beheads"
    )
}

/// Words of killing and shooting ("killed", "assassination", "shot", "opened fire", "the
/// bullet that struck"): one of them stands in every CoNLL04 sentence with a Kill relation
/// (lower case in).
pub(crate) fn killing_word(w: &str) -> bool {
    w.starts_with("kill")
        || w.starts_with("assassin")
        || w.starts_with("murder")
        || w.starts_with("shoot")
        || w.starts_with("slay")
        || w.starts_with("execut")
        || w.starts_with("stab")
        || w.starts_with("strangl")
        || w.starts_with("poison")
        || w.starts_with("lynch")
        || w.starts_with("behead")
        || w.starts_with("massacr")
        || w.starts_with("gunm")
        || matches!(
            w,
            "shot" | "slain" | "slew" | "gunned" | "hanged" | "fire" | "fired" | "bullet" | "bullets" | "rifle"
        )
}

/// Nouns naming a killer ("assassin of", "King assassin").
pub(crate) fn killer_noun(word: &str) -> bool {
    matches!(word, "assassin" | "killer" | "murderer" | "slayer")
}

/// Where people live and die, and where places are: "P, 50, of G", "P, a native of G", "P, who
/// lives in G" (lives_in); "P1 shot P2", "P2 was shot by P1", "P1, the assassin of P2",
/// "the assassination of P2 by P1", "P2 assassin P1" (killed); "G1 in G2", "G1, G2" (located_in);
/// "O, a G company" (based_in).
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
        || crate::dates::lexicon::past_verb(word)
        || word.ends_with("ing")
        // A present verb ("finds", "expects"); a job before one person is singular ("actress").
        || word.ends_with('s') && !word.ends_with("ss")
}

/// A noun that names a kind of place ("an island nation in", "a town of", "the capital of").
fn place_noun(word: &str) -> bool {
    matches!(
        word,
        "capital"
            | "city"
            | "town"
            | "village"
            | "nation"
            | "country"
            | "island"
            | "state"
            | "province"
            | "region"
            | "port"
            | "suburb"
            | "district"
            | "county"
            | "resort"
            | "enclave"
            | "territory"
    )
}

/// The head noun of an organization people join: a party, a union, a movement.
fn membership_head(word: &str) -> bool {
    matches!(
        word,
        "party"
            | "union"
            | "movement"
            | "front"
            | "alliance"
            | "league"
            | "coalition"
            | "faction"
            | "caucus"
            | "congress"
    )
}

/// A noun that names where a person lives or comes from.
fn home_noun(word: &str) -> bool {
    matches!(word, "home" | "hometown" | "birthplace" | "residence" | "house" | "apartment" | "native")
}

/// Homes written with a possessive:
/// - "P ... (died at) his|her|their home in (suburban)? G", "... near their hometown of G",
///   "in his native G": the pronoun is the sentence's only person before it;
/// - "G , P 's hometown", "G being P 's home state", "P 's hometown of G";
/// - "G(-)born P": "Illinois born Charlton Heston", "an Ohio-born engineer, P" is left alone.
fn homes(ctx: &Ctx, out: &mut Vec<Found>) {
    let n = ctx.len();
    // The place after a home noun at `k`: "home in (suburban)? G", "hometown of G", "native G",
    // "home state of G".
    let place_after = |mut k: usize| -> Option<usize> {
        if matches!(ctx.lw(k), "state" | "town" | "city" | "country" | "village") {
            k += 1;
        }
        if matches!(ctx.lw(k), "in" | "of" | ",") {
            k += 1;
        }
        while place_modifier(ctx.lw(k)) || ctx.lw(k) == "the" {
            k += 1;
        }
        place_at(ctx, k)
    };
    for i in 0..n {
        let w = ctx.lw(i);
        if matches!(w, "his" | "her" | "their") && home_noun(ctx.lw(i + 1)) {
            let mut before = ctx.args.iter().enumerate().filter(|(_, a)| a.end <= i && is_person(a.label));
            let (Some((p, _)), None) = (before.next(), before.next()) else { continue };
            let home = if ctx.lw(i + 1) == "native" { place_at(ctx, i + 2) } else { place_after(i + 2) };
            if let Some(g) = home {
                out.push(Found::new(Side::Arg(p), "lives_in", Side::Arg(g), (i, i + 2)));
            }
        }
        if w == "born" && i > 0 {
            if let (Some(g), Some(p)) = (ctx.arg_ending(i).filter(|&g| is_place(ctx.args[g].label)), ctx.arg_at(i + 1))
            {
                if is_person(ctx.args[p].label) {
                    out.push(Found::new(Side::Arg(p), "lives_in", Side::Arg(g), (i, i + 1)));
                }
            }
        }
    }
    for (pi, p) in ctx.args.iter().enumerate() {
        // "P 's (allegedly corrupt)? Workers Union": a party, union or movement named as a
        // person's is one the person belongs to (a company so named may be owned, not joined).
        if is_person(p.label) && ctx.possessive(p.end) {
            let mut k = p.end + 1;
            while k < (p.end + 4).min(n)
                && ctx.arg_at(k).is_none()
                && ctx.surface(k, k + 1)[0].starts_with(char::is_lowercase)
            {
                k += 1;
            }
            if let Some(o) = ctx.arg_at(k).filter(|&o| ctx.args[o].label == "ORG") {
                let head = ctx.lw(ctx.args[o].end - 1);
                if membership_head(head) {
                    out.push(Found::new(Side::Arg(pi), "member_of", Side::Arg(o), (p.end, p.end + 1)));
                }
            }
        }
        if !is_person(p.label) || !ctx.possessive(p.end) || !home_noun(ctx.lw(p.end + 1)) {
            continue;
        }
        let noun_end = p.end + 2 + usize::from(matches!(ctx.lw(p.end + 2), "state" | "town" | "city"));
        // "P 's hometown of G", "P 's hometown , G"
        let after = place_after(p.end + 2).filter(|&g| ctx.args[g].first <= noun_end + 2);
        // "G , P 's hometown" / "G being P 's home state"
        let before = (p.first >= 2 && matches!(ctx.lw(p.first - 1), "," | "being"))
            .then(|| ctx.arg_ending(p.first - 1))
            .flatten()
            .filter(|&g| is_place(ctx.args[g].label));
        for g in after.into_iter().chain(before) {
            out.push(Found::new(Side::Arg(pi), "lives_in", Side::Arg(g), (p.end + 1, noun_end)));
        }
    }
}

fn people_and_places(ctx: &Ctx, out: &mut Vec<Found>) {
    let n = ctx.len();
    let person = |i: usize| ctx.arg_at(i).filter(|&a| is_person(ctx.args[a].label));
    // Where the construction itself says "a person" ("the assassin of Y", "X was shot by Y"), a
    // short name the tagger typed otherwise is read as one ("Lincoln", "Oswald"), unless it is a
    // known country or state.
    let someone = |i: usize| {
        person(i).or_else(|| {
            ctx.arg_at(i).filter(|&a| matches!(ctx.args[a].label, "GPE" | "ORG" | "MISC") && retypable(ctx, a))
        })
    };
    for (pi, p) in ctx.args.iter().enumerate() {
        if !is_person(p.label) {
            continue;
        }
        // P , AGE , of G   |   P of G   |   P , (who is )?(a )?native|resident of G   |   P (, who )?lives in G
        let mut i = after_age(ctx, p.end);
        if ctx.lw(i) == "," && ctx.lw(i + 1) == "of" {
            i += 1; // "Stephanie Powell, of the DEM", "Marie Ferraro, 50, of Bethany"
        }
        let mut lives = None;
        if ctx.lw(i) == "of" {
            lives = place_at(ctx, i + 1).map(|g| (g, i));
            // P (, AGE ,)? of (the)? O: "Roger Crouch of NASA" works for it.
            let k = if ctx.lw(i + 1) == "the" { i + 2 } else { i + 1 };
            if let Some(o) = ctx.arg_at(k).filter(|&o| is_org(ctx.args[o].label)) {
                out.push(Found::new(Side::Arg(pi), "employee_of", Side::Arg(o), (i, i + 1)));
            }
        } else {
            let mut k = i;
            if ctx.lw(k) == "," {
                k += 1;
            }
            if ctx.lw(k) == "who" {
                k += 1;
            }
            if matches!(ctx.lw(k), "is" | "was") {
                k += 1;
            }
            if matches!(ctx.lw(k), "a" | "an") {
                k += 1;
            }
            if matches!(ctx.lw(k), "native" | "resident" | "citizen") && ctx.lw(k + 1) == "of" {
                let pred = if ctx.lw(k) == "citizen" { "citizen_of" } else { "lives_in" };
                if let Some(g) = place_at(ctx, k + 2) {
                    out.push(Found::new(Side::Arg(pi), pred, Side::Arg(g), (k, k + 2)));
                }
            } else if matches!(ctx.lw(k), "lives" | "lived" | "resides" | "resided") && ctx.lw(k + 1) == "in" {
                lives = place_at(ctx, k + 2).map(|g| (g, k));
            }
        }
        // P , a|an (word word word)? from G: "Derwinski, a Republican from Chicago", "a 27-year-old
        // actor from Illinois".
        if lives.is_none() && ctx.lw(i) == "," && matches!(ctx.lw(i + 1), "a" | "an") {
            let from = (i + 2..(i + 6).min(n)).find(|&k| ctx.lw(k) == "from");
            let plain = |k: usize| {
                ctx.arg_at(k).is_none_or(|a| matches!(ctx.args[a].label, "NORP" | "MISC"))
                    && !matches!(ctx.lw(k), "," | "who" | "and" | "of")
            };
            if let Some(f) = from.filter(|&f| (i + 2..f).all(plain)) {
                lives = place_at(ctx, f + 1).map(|g| (g, f));
            }
        }
        // P 's G home: "Sohn's New Jersey home".
        if ctx.possessive(p.end) {
            if let Some(g) = place_at(ctx, p.end + 1) {
                if matches!(ctx.lw(ctx.args[g].end), "home" | "house" | "residence" | "apartment") {
                    lives = Some((g, ctx.args[g].end));
                }
            }
        }
        if let Some((g, t)) = lives {
            out.push(Found::new(Side::Arg(pi), "lives_in", Side::Arg(g), (t, t + 1)));
        }
        // P1 (, who)? (had|allegedly ...)? killed P2   |   P1 , (was)? convicted of killing P2
        let mut v = p.end;
        if ctx.lw(v) == "," && matches!(ctx.lw(v + 1), "who" | "convicted") {
            v += if ctx.lw(v + 1) == "who" { 2 } else { 1 };
        }
        while v < n && (matches!(ctx.lw(v), "had" | "has" | "was") || adverb(ctx.lw(v))) && ctx.lw(v + 1) != "by" {
            v += 1;
        }
        if ctx.lw(v) == "convicted" && ctx.lw(v + 1) == "of" {
            v += 2;
            if !matches!(ctx.lw(v), "killing" | "assassinating" | "murdering" | "shooting") {
                v = n;
            }
        } else if !kill_verb(ctx.lw(v)) || matches!(ctx.lw(v.saturating_sub(1)), "was" | "were") {
            v = n;
        }
        if v < n {
            if let Some(mut q) = someone(v + 1).filter(|&q| q != pi) {
                // "killed Kennedy assassin Oswald": the noun phrase's head is the one killed.
                if killer_noun(ctx.lw(ctx.args[q].end)) {
                    if let Some(head) = person(ctx.args[q].end + 1) {
                        q = head;
                    }
                }
                out.push(Found::new(Side::Arg(pi), "killed", Side::Arg(q), (v, v + 1)));
            }
        }
        // P2 (, who had just) (was|were|had been|been) killed by P1
        let mut k = p.end;
        if ctx.lw(k) == "," && ctx.lw(k + 1) == "who" {
            k += 2;
        }
        while k < n && (matches!(ctx.lw(k), "was" | "were" | "had" | "has" | "been" | "be") || adverb(ctx.lw(k))) {
            k += 1;
        }
        if k > p.end && kill_verb(ctx.lw(k)) && ctx.lw(k + 1) == "by" {
            if let Some(q) = someone(k + 2) {
                out.push(Found::new(Side::Arg(q), "killed", Side::Arg(pi), (k, k + 2)));
            }
        }
        // P1 , (the )?assassin of P2
        let mut k = p.end;
        if ctx.lw(k) == "," {
            k += 1;
            if determiner(ctx.lw(k)) {
                k += 1;
            }
            if killer_noun(ctx.lw(k)) && ctx.lw(k + 1) == "of" {
                if let Some(q) = someone(k + 2) {
                    out.push(Found::new(Side::Arg(pi), "killed", Side::Arg(q), (k, k + 1)));
                }
            }
            // P1 , P2 's assassin
            if let Some(q) = someone(k).filter(|&q| q != pi) {
                let e = ctx.args[q].end;
                if ctx.possessive(e) && killer_noun(ctx.lw(e + 1)) {
                    out.push(Found::new(Side::Arg(pi), "killed", Side::Arg(q), (e + 1, e + 2)));
                }
            }
        }
        // P2 's assassin , P1 ("Kennedy's assassin, Lee Harvey Oswald")
        if ctx.possessive(p.end) && killer_noun(ctx.lw(p.end + 1)) && ctx.lw(p.end + 2) == "," {
            if let Some(q) = someone(p.end + 3).filter(|&q| q != pi) {
                out.push(Found::new(Side::Arg(q), "killed", Side::Arg(pi), (p.end + 1, p.end + 2)));
            }
        }
        // P2 assassin P1 ("King assassin James Earl Ray")
        if killer_noun(ctx.lw(p.end)) {
            if let Some(q) = person(p.end + 1) {
                out.push(Found::new(Side::Arg(q), "killed", Side::Arg(pi), (p.end, p.end + 1)));
            }
        }
    }
    // the assassination|murder|killing of P2 by P1
    for t in 0..n {
        if !matches!(ctx.lw(t), "assassination" | "murder" | "killing" | "slaying") {
            continue;
        }
        // "the assassination in 1914 of ...": a year may come first.
        let year =
            ctx.lw(t + 1) == "in" && ctx.lw(t + 2).len() == 4 && ctx.lw(t + 2).bytes().all(|b| b.is_ascii_digit());
        let of = if year { t + 3 } else { t + 1 };
        if ctx.lw(of) != "of" {
            continue;
        }
        let Some(victim) = someone(of + 1) else { continue };
        let e = ctx.args[victim].end;
        if ctx.lw(e) == "by" {
            if let Some(killer) = someone(e + 1) {
                out.push(Found::new(Side::Arg(killer), "killed", Side::Arg(victim), (t, t + 1)));
            }
        }
    }
    for (a, g1) in ctx.args.iter().enumerate() {
        // G1 , (the) capital of G2   |   G1 , a|an|the (word){0,3} town|island|nation... in|of|off
        // (the)? G2 ("Madagascar, an island nation in the Indian Ocean", "Anzio, a small town
        // south of Rome" is not: the place noun must come right before the preposition).
        if is_place(g1.label) && ctx.lw(g1.end) == "," {
            let mut k = g1.end + 1;
            if determiner(ctx.lw(k)) {
                k += 1;
            }
            let noun = (k..(k + 4).min(n))
                .take_while(|&x| ctx.arg_at(x).is_none() && ctx.surface(x, x + 1)[0].starts_with(char::is_lowercase))
                .find(|&x| place_noun(ctx.lw(x)) && matches!(ctx.lw(x + 1), "in" | "of" | "off"));
            if let Some(x) = noun {
                let at = if ctx.lw(x + 2) == "the" { x + 3 } else { x + 2 };
                if let Some(b) = place_at(ctx, at).filter(|&b| ctx.args[b].entity_id != g1.entity_id) {
                    out.push(Found::new(Side::Arg(a), "located_in", Side::Arg(b), (x, x + 1)));
                }
            }
        }
        if is_place(g1.label) && ctx.possessive(g1.end) && ctx.lw(g1.end + 1) == "capital" {
            let k = if ctx.lw(g1.end + 2) == "," { g1.end + 3 } else { g1.end + 2 };
            if let Some(b) = place_at(ctx, k) {
                out.push(Found::new(Side::Arg(b), "located_in", Side::Arg(a), (g1.end + 1, g1.end + 2)));
            }
        }
        // G1 in G2 (adjacent): "Dan Sai District in Loei Province"; O in G: "Drexel Burnham
        // Lambert Inc. in New York", "the NRC headquarters in nearby Rockville" (based_in). A few
        // modifiers may stand before the place ("in the", "in nearby", "in northern").
        if ctx.lw(g1.end) == "in" && (is_place(g1.label) || is_org(g1.label)) {
            let mut k = g1.end + 1;
            while k < n && ctx.arg_at(k).is_none() && place_modifier(ctx.lw(k)) {
                k += 1;
            }
            if let Some(b) = place_at(ctx, k).filter(|&b| ctx.args[b].entity_id != g1.entity_id) {
                let predicate = if is_place(g1.label) { "located_in" } else { "based_in" };
                out.push(Found::new(Side::Arg(a), predicate, Side::Arg(b), (g1.end, g1.end + 1)));
            }
        }
        // G 's O: "Algeria's Ettahadi party", "Japan's Toyota" (an organization of the place).
        // The place must be one the lexicons know: a company name with "'s" in it ("Heck's
        // Inc") is often split by the tagger into a "place" and the rest.
        let known = || crate::entities::is_country_or_state(ctx.surface(g1.first, g1.end).iter().copied());
        if is_place(g1.label) && ctx.possessive(g1.end) && known() {
            if let Some(o) = ctx.arg_at(g1.end + 1).filter(|&o| is_org(ctx.args[o].label)) {
                out.push(Found::new(Side::Arg(o), "based_in", Side::Arg(a), (g1.end, g1.end + 1)));
            }
        }
        // "the Haitian Parliament ... Haiti": an organization named by a state's demonym is based
        // in that state when the sentence names it (the demonym and the name share their stem;
        // on CoNLL04 train such pairs are OrgBased_In 9 times in 10), read at each of its
        // mentions (CoNLL04 annotates each).
        if is_org(g1.label) && crate::entities::is_demonym(ctx.surface(g1.first, g1.first + 1)[0]) {
            let demonym = ctx.lw(g1.first);
            for (b, g2) in ctx.args.iter().enumerate() {
                let name = ctx.surface(g2.first, g2.end);
                let country = g2.label == "GPE" && crate::entities::is_country(name.iter().copied());
                if country && name.len() == 1 && same_stem(demonym, ctx.lw(g2.first)) {
                    out.push(Found::new(Side::Arg(a), "based_in", Side::Arg(b), (g1.first, g1.first + 1)));
                }
            }
        }
        // O , a G company|firm|group...: based_in.
        if is_org(g1.label) && ctx.lw(g1.end) == "," && matches!(ctx.lw(g1.end + 1), "a" | "an" | "the") {
            if let Some(b) = place_at(ctx, g1.end + 2) {
                let after = ctx.lw(ctx.args[b].end);
                let org_noun = matches!(
                    after,
                    "company"
                        | "firm"
                        | "group"
                        | "bank"
                        | "agency"
                        | "newspaper"
                        | "organization"
                        | "maker"
                        | "producer"
                        | "manufacturer"
                        | "developer"
                        | "carrier"
                        | "airline"
                        | "daily"
                        | "university"
                        | "-based"
                ) || after.ends_with("-based");
                if org_noun {
                    out.push(Found::new(Side::Arg(a), "based_in", Side::Arg(b), (g1.end, g1.end + 2)));
                }
            }
        }
    }
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

/// Relations carried by a verb or preposition phrase between two organizations or groups.
fn structure_and_alignment(ctx: &Ctx, out: &mut Vec<Found>) {
    let n = ctx.len();
    for t in 0..n {
        let w = |k: usize| ctx.lw(t + k);
        // (phrase length, predicate)
        let hit: Option<(usize, &'static str)> = match (w(0), w(1), w(2)) {
            ("allied", "with" | "to", _) | ("aligned", "with", _) | ("intertwined", "with", _) => {
                Some((2, "allied_with"))
            }
            ("ally" | "allies", "of", _) | ("backed", "by", _) | ("fought", "alongside", _) => Some((2, "allied_with")),
            ("in", "alliance", "with") | ("in", "league", "with") => Some((3, "allied_with")),
            ("opposed", "to", _) | ("clashed", "with", _) | ("at", "war", "with") => {
                Some((if w(0) == "at" { 3 } else { 2 }, "opposed_to"))
            }
            ("fought" | "fighting" | "fights", "against", _) | ("war", "against", _) => Some((2, "opposed_to")),
            ("rivals" | "rival" | "enemy" | "enemies", "of", _) => Some((2, "opposed_to")),
            ("attacked" | "attacks" | "attacking", _, _) => Some((1, "attacked")),
            (
                "part" | "faction" | "unit" | "wing" | "branch" | "affiliate" | "offshoot" | "subsidiary" | "division",
                "of",
                _,
            ) => Some((2, "part_of")),
            ("affiliated", "with" | "to", _) => Some((2, "part_of")),
            ("based" | "headquartered", "in", _) => Some((2, "based_in")),
            // "at NRC headquarters in Rockville", "Acme's headquarters in Lyon".
            ("headquarters" | "head", "in", _) if w(0) == "headquarters" || ctx.lw(t + 1) == "office" => {
                Some((2, "based_in"))
            }
            _ => None,
        };
        let Some((len, predicate)) = hit else { continue };
        let Some(s) = subject_before(ctx, t) else { continue };
        let mut k = t + len;
        let place_words = predicate == "based_in";
        while k < n
            && ((determiner(ctx.lw(k)) || place_words && place_modifier(ctx.lw(k))) && ctx.arg_at(k).is_none()
                || adverb(ctx.lw(k)))
        {
            k += 1;
        }
        let Some(o) = ctx.arg_at(k) else { continue };
        let (sl, ol) = (ctx.args[s].label, ctx.args[o].label);
        let ok = match predicate {
            "part_of" => is_org(sl) && is_org(ol),
            // A name right before "headquarters" names an organization, whatever the tagger
            // guessed for it ("Siemens headquarters in Munich"), unless it is a known state.
            "based_in" => {
                let named_org =
                    w(0) == "headquarters" && ctx.args[s].end == t && matches!(sl, "GPE" | "MISC") && retypable(ctx, s);
                (is_org(sl) || named_org) && is_place(ol)
            }
            "attacked" => (is_group(sl) || is_person(sl)) && (is_group(ol) || is_person(ol) || is_place(ol)),
            _ => (is_group(sl) || is_person(sl)) && (is_group(ol) || is_person(ol)),
        };
        // "The U.S. is opposed to X" fine; a rejection of the legitimacy or authority is below.
        if ok && ctx.args[s].entity_id != ctx.args[o].entity_id {
            out.push(Found { subject: Side::Arg(s), predicate, object: Side::Arg(o), trigger: (t, t + len) });
        }
    }
    // "X rejects the authority of Y", "X rejects Y's legitimacy".
    for t in 0..n {
        if !matches!(
            ctx.lw(t),
            "rejects" | "rejected" | "reject" | "rejecting" | "disputes" | "denounced" | "denounces"
        ) {
            continue;
        }
        let Some(s) = subject_before(ctx, t) else { continue };
        let mut k = t + 1;
        while adverb(ctx.lw(k)) || determiner(ctx.lw(k)) && ctx.arg_at(k).is_none() {
            k += 1;
        }
        let o = if matches!(ctx.lw(k), "authority" | "legitimacy" | "rule" | "leadership") && ctx.lw(k + 1) == "of" {
            let mut j = k + 2;
            if determiner(ctx.lw(j)) && ctx.arg_at(j).is_none() {
                j += 1;
            }
            ctx.arg_at(j)
        } else {
            ctx.arg_at(k).filter(|&o| {
                ctx.possessive(ctx.args[o].end)
                    && matches!(ctx.lw(ctx.args[o].end + 1), "authority" | "legitimacy" | "rule" | "leadership")
            })
        };
        if let Some(o) = o {
            if is_group(ctx.args[s].label)
                && is_group(ctx.args[o].label)
                && ctx.args[s].entity_id != ctx.args[o].entity_id
            {
                out.push(Found::new(Side::Arg(s), "opposed_to", Side::Arg(o), (t, t + 1)));
            }
        }
    }
    // "A and B (have) (adverb) fought one another / each other", "A and B clashed".
    for t in 0..n {
        let reciprocal = matches!((ctx.lw(t + 1), ctx.lw(t + 2)), ("one", "another") | ("each", "other"));
        let verb = matches!(ctx.lw(t), "fought" | "fight" | "battled" | "clashed" | "attacked" | "opposed");
        if !(verb && reciprocal) {
            continue;
        }
        // Walk back over "have", adverbs to "A and B".
        let mut k = t;
        while k > 0 && (adverb(ctx.lw(k - 1)) || matches!(ctx.lw(k - 1), "have" | "had" | "has")) {
            k -= 1;
        }
        let Some(b) = ctx.arg_ending(k) else { continue };
        let mut and_at = ctx.args[b].first;
        if and_at > 0 && determiner(ctx.lw(and_at - 1)) {
            and_at -= 1;
        }
        if and_at == 0 || ctx.lw(and_at - 1) != "and" {
            continue;
        }
        let Some(a) = ctx.arg_ending(and_at - 1) else { continue };
        if is_group(ctx.args[a].label) && is_group(ctx.args[b].label) && ctx.args[a].entity_id != ctx.args[b].entity_id
        {
            out.push(Found::new(Side::Arg(a), "opposed_to", Side::Arg(b), (t, t + 3)));
        }
    }
    // "on Y's side" after a subject: "X fought on Y's side".
    for t in 0..n {
        if ctx.lw(t) != "on" {
            continue;
        }
        let mut k = t + 1;
        if ctx.lw(k) == "the" {
            k += 1;
        }
        let Some(o) = ctx.arg_at(k) else { continue };
        let e = ctx.args[o].end;
        if !(ctx.possessive(e) && ctx.lw(e + 1) == "side") {
            continue;
        }
        let Some(s) = subject_before(ctx, t) else { continue };
        if is_group(ctx.args[s].label) && is_group(ctx.args[o].label) && ctx.args[s].entity_id != ctx.args[o].entity_id
        {
            out.push(Found::new(Side::Arg(s), "allied_with", Side::Arg(o), (t, e + 2)));
        }
    }
    // G1 , G2 (a town, then its state or country): located_in; not inside a list of places
    // ("Paris, London and Berlin").
    for (a, g1) in ctx.args.iter().enumerate() {
        if g1.label != "GPE" || ctx.lw(g1.end) != "," {
            continue;
        }
        let Some(b) = ctx.arg_at(g1.end + 1) else { continue };
        let g2 = &ctx.args[b];
        let closes = matches!(ctx.lw(g2.end), "," | "." | ";" | ")" | "(" | "") || g2.end == ctx.len();
        if g2.label == "GPE"
            && closes
            && !listed(ctx, a, b)
            && crate::entities::is_country_or_state(ctx.surface(g2.first, g2.end).iter().copied())
            && !crate::entities::is_country(ctx.surface(g1.first, g1.end).iter().copied())
        {
            out.push(Found::new(Side::Arg(a), "located_in", Side::Arg(b), (g1.end, g1.end + 1)));
        }
    }
}

/// Do a demonym and a country name share a stem of four letters or more ("haitian"/"haiti",
/// "bulgarian"/"bulgaria", "turkish"/"turkey")? Irregular pairs ("French"/"France") do not
/// match, which errs on the side of no row.
fn same_stem(demonym: &str, country: &str) -> bool {
    let common = demonym.bytes().zip(country.bytes()).take_while(|(x, y)| x == y).count();
    common >= 4 && common + 3 >= country.len()
}

/// Are mentions `a` and `b` (either order) neighbours in a list of places ("Paris, London, and
/// Berlin")? Then neither is in the other.
pub(crate) fn listed(ctx: &Ctx, a: usize, b: usize) -> bool {
    let (x, y) =
        if ctx.args[a].first < ctx.args[b].first { (&ctx.args[a], &ctx.args[b]) } else { (&ctx.args[b], &ctx.args[a]) };
    let between: Vec<&str> = (x.end..y.first).map(|i| ctx.lw(i)).collect();
    let joined = matches!(between.as_slice(), [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"]);
    if !joined {
        return false;
    }
    // "Kabul, Afghanistan, and Lahore, Pakistan": a town and then its state or country is a pair,
    // even inside a list.
    let words = |m: &super::context::Arg| ctx.surface(m.first, m.end).to_vec();
    if between == [","]
        && crate::entities::is_country_or_state(words(y).into_iter())
        && !crate::entities::is_country(words(x).into_iter())
        && !crate::entities::is_country_or_state(words(x).into_iter())
    {
        return false;
    }
    let after = ctx.lw(y.end);
    let list_after = (after == "," && (ctx.arg_at(y.end + 1).is_some() || matches!(ctx.lw(y.end + 1), "and" | "or")))
        || matches!(after, "and" | "or");
    let list_before =
        x.first >= 2 && matches!(ctx.lw(x.first - 1), "," | "and") && ctx.arg_ending(x.first - 1).is_some();
    list_after || list_before || between.len() > 1 || between == ["and"] || between == ["or"]
}

/// Are mentions `a` and `b` items of one list, neighbours ([`listed`]) or with other items between
/// them ("Delta, Orion, Piedmont, Southwest")? Then neither is based or located in the other.
pub(crate) fn in_one_list(ctx: &Ctx, a: usize, b: usize) -> bool {
    if listed(ctx, a, b) {
        return true;
    }
    // Only commas, "and", "or" and mentions between.
    let (x, y) =
        if ctx.args[a].first < ctx.args[b].first { (&ctx.args[a], &ctx.args[b]) } else { (&ctx.args[b], &ctx.args[a]) };
    let mut i = x.end;
    let (mut items, mut commas) = (0, 0);
    while i < y.first {
        if let Some(m) = ctx.arg_at(i) {
            items += 1;
            i = ctx.args[m].end;
            continue;
        }
        match ctx.lw(i) {
            "," => commas += 1,
            "and" | "or" => {}
            _ => return false,
        }
        i += 1;
    }
    // "San Gabriel River Channel, Azusa, Calif.": an address ending in its state is no list.
    let words = ctx.surface(y.first, y.end).to_vec();
    items >= 1 && commas >= 2 && !crate::entities::is_country_or_state(words.into_iter())
}

/// Is mention `a` the object of a preposition ("of the Taliban")?
fn in_pp(ctx: &Ctx, a: usize) -> bool {
    let mut k = ctx.args[a].first;
    if k > 0 && determiner(ctx.lw(k - 1)) {
        k -= 1;
    }
    k > 0 && matches!(ctx.lw(k - 1), "of" | "with" | "to" | "by" | "from" | "in" | "at" | "on" | "for" | "against")
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

/// The subject of a trigger at token `t`: the nearest mention before it in its clause, skipping
/// the auxiliaries, adverbs and copulas between ("is an integral", "has, naturally,"). When the
/// nearest mention is the object of a preposition before a coordination ("part of the Taliban,
/// and also allied with"), the clause's subject (the first mention of the sentence) is taken.
fn subject_before(ctx: &Ctx, t: usize) -> Option<usize> {
    let mut best = None;
    for (i, a) in ctx.args.iter().enumerate() {
        if a.end <= t && t - a.end <= 8 {
            best = Some(i);
        }
    }
    let s = best?;
    let gap: Vec<&str> = (ctx.args[s].end..t).map(|i| ctx.lw(i)).collect();
    if gap
        .iter()
        .any(|w| matches!(*w, "." | ";" | ":" | "said" | "says" | "told" | "that" | "but" | "while" | "whereas"))
    {
        return None;
    }
    if gap.contains(&"and") && in_pp(ctx, s) {
        // Back to the clause's subject: the first mention of the sentence not inside a phrase.
        return ctx.args.iter().position(|a| a.end <= t).filter(|&f| f != s && !in_pp(ctx, f));
    }
    // A possessive mention is not a subject ("the Taliban's side").
    if ctx.possessive(ctx.args[s].end) {
        return None;
    }
    Some(s)
}
