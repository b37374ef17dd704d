//! Relations carried by a verb or preposition phrase between two organizations or groups
//! (part_of, allied_with, opposed_to, attacked, based_in), and "G1, G2" (located_in).

use super::{adverb, determiner, is_group, is_org, is_person, is_place, place_modifier, retypable, Found, Side};
use crate::relations::context::Ctx;
use crate::{Label, Predicate};

/// Relations carried by a verb or preposition phrase between two organizations or groups.
pub(super) fn structure_and_alignment(ctx: &Ctx, out: &mut Vec<Found>) {
    let n = ctx.len();
    for t in 0..n {
        let w = |k: usize| ctx.lw(t + k);
        // (phrase length, predicate)
        let hit: Option<(usize, Predicate)> = match (w(0), w(1), w(2)) {
            ("allied", "with" | "to", _) | ("aligned", "with", _) | ("intertwined", "with", _) => {
                Some((2, Predicate::AlliedWith))
            }
            ("ally" | "allies", "of", _) | ("backed", "by", _) | ("fought", "alongside", _) => {
                Some((2, Predicate::AlliedWith))
            }
            ("in", "alliance", "with") | ("in", "league", "with") => Some((3, Predicate::AlliedWith)),
            ("opposed", "to", _) | ("clashed", "with", _) | ("at", "war", "with") => {
                Some((if w(0) == "at" { 3 } else { 2 }, Predicate::OpposedTo))
            }
            ("fought" | "fighting" | "fights", "against", _) | ("war", "against", _) => Some((2, Predicate::OpposedTo)),
            ("rivals" | "rival" | "enemy" | "enemies", "of", _) => Some((2, Predicate::OpposedTo)),
            ("attacked" | "attacks" | "attacking", _, _) => Some((1, Predicate::Attacked)),
            (
                "part" | "faction" | "unit" | "wing" | "branch" | "affiliate" | "offshoot" | "subsidiary" | "division",
                "of",
                _,
            ) => Some((2, Predicate::PartOf)),
            ("affiliated", "with" | "to", _) => Some((2, Predicate::PartOf)),
            ("based" | "headquartered", "in", _) => Some((2, Predicate::BasedIn)),
            // "at NRC headquarters in Rockville", "Acme's headquarters in Lyon".
            ("headquarters" | "head", "in", _) if w(0) == "headquarters" || ctx.lw(t + 1) == "office" => {
                Some((2, Predicate::BasedIn))
            }
            _ => None,
        };
        let Some((len, predicate)) = hit else { continue };
        let rule = match predicate {
            Predicate::AlliedWith => "allied_phrase",
            Predicate::OpposedTo => "opposed_phrase",
            Predicate::Attacked => "attacked_verb",
            Predicate::PartOf => "part_of_phrase",
            _ if w(0) == "headquarters" => "headquarters_in",
            _ => "based_in_phrase",
        };
        let Some(s) = subject_before(ctx, t) else { continue };
        let mut k = t + len;
        let place_words = predicate == Predicate::BasedIn;
        while k < n
            && ((determiner(ctx.lw(k)) || place_words && place_modifier(ctx.lw(k))) && ctx.arg_at(k).is_none()
                || adverb(ctx.lw(k)))
        {
            k += 1;
        }
        let Some(o) = ctx.arg_at(k) else { continue };
        let (sl, ol) = (ctx.args[s].label, ctx.args[o].label);
        let ok = match predicate {
            Predicate::PartOf => is_org(sl) && is_org(ol),
            // A name right before "headquarters" names an organization, whatever the tagger
            // guessed for it ("Siemens headquarters in Munich"), unless it is a known state.
            Predicate::BasedIn => {
                let named_org = w(0) == "headquarters"
                    && ctx.args[s].end == t
                    && matches!(sl, Label::Gpe | Label::Misc)
                    && retypable(ctx, s);
                (is_org(sl) || named_org) && is_place(ol)
            }
            Predicate::Attacked => (is_group(sl) || is_person(sl)) && (is_group(ol) || is_person(ol) || is_place(ol)),
            _ => (is_group(sl) || is_person(sl)) && (is_group(ol) || is_person(ol)),
        };
        // "The U.S. is opposed to X" fine; a rejection of the legitimacy or authority is below.
        if ok && ctx.args[s].entity_id != ctx.args[o].entity_id {
            out.push(Found { rule, subject: Side::Arg(s), predicate, object: Side::Arg(o), trigger: (t, t + len) });
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
                out.push(Found::new("rejects_authority", Side::Arg(s), Predicate::OpposedTo, Side::Arg(o), (t, t + 1)));
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
            out.push(Found::new("fought_each_other", Side::Arg(a), Predicate::OpposedTo, Side::Arg(b), (t, t + 3)));
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
            out.push(Found::new("on_side_of", Side::Arg(s), Predicate::AlliedWith, Side::Arg(o), (t, e + 2)));
        }
    }
    // G1 , G2 (a town, then its state or country): located_in; not inside a list of places
    // ("Paris, London and Berlin").
    for (a, g1) in ctx.args.iter().enumerate() {
        if g1.label != Label::Gpe || ctx.lw(g1.end) != "," {
            continue;
        }
        let Some(b) = ctx.arg_at(g1.end + 1) else { continue };
        let g2 = &ctx.args[b];
        let closes = matches!(ctx.lw(g2.end), "," | "." | ";" | ")" | "(" | "") || g2.end == ctx.len();
        if g2.label == Label::Gpe
            && closes
            && !listed(ctx, a, b)
            && crate::entities::is_country_or_state(ctx.surface(g2.first, g2.end).iter().copied())
            && !crate::entities::is_country(ctx.surface(g1.first, g1.end).iter().copied())
        {
            out.push(Found::new(
                "town_comma_state",
                Side::Arg(a),
                Predicate::LocatedIn,
                Side::Arg(b),
                (g1.end, g1.end + 1),
            ));
        }
    }
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
    let words = |m: &crate::relations::context::Arg| ctx.surface(m.first, m.end).to_vec();
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
