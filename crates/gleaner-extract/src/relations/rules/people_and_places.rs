//! Where people live and die, and where places and organizations are: homes, origins, killings,
//! places within places, organizations in places.

use super::{
    adverb, after_age, determiner, is_org, is_person, is_place, place_at, place_modifier, retypable, Found, Side,
};
use crate::relations::context::Ctx;
use crate::{Label, Predicate};

/// Verbs of killing, active ("shot", "kills") or passive ("was shot by", "was slain by"): the
/// finite forms of `lang::en::KILLING_VERBS`.
fn kill_verb(word: &str) -> bool {
    gleaner_ingest::lang::en::killing_verb_finite(word).is_some()
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
pub(super) fn homes(ctx: &Ctx, out: &mut Vec<Found>) {
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
                out.push(Found::new("pronoun_home", Side::Arg(p), Predicate::LivesIn, Side::Arg(g), (i, i + 2)));
            }
        }
        if w == "born" && i > 0 {
            if let (Some(g), Some(p)) = (ctx.arg_ending(i).filter(|&g| is_place(ctx.args[g].label)), ctx.arg_at(i + 1))
            {
                if is_person(ctx.args[p].label) {
                    out.push(Found::new("place_born", Side::Arg(p), Predicate::LivesIn, Side::Arg(g), (i, i + 1)));
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
            if let Some(o) = ctx.arg_at(k).filter(|&o| ctx.args[o].label == Label::Org) {
                let head = ctx.lw(ctx.args[o].end - 1);
                if membership_head(head) {
                    out.push(Found::new(
                        "possessive_party",
                        Side::Arg(pi),
                        Predicate::MemberOf,
                        Side::Arg(o),
                        (p.end, p.end + 1),
                    ));
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
            out.push(Found::new(
                "possessive_home",
                Side::Arg(pi),
                Predicate::LivesIn,
                Side::Arg(g),
                (p.end + 1, noun_end),
            ));
        }
    }
}

/// Where people live and die, and where places are: "P, 50, of G", "P, a native of G", "P, who
/// lives in G" (lives_in); "P1 shot P2", "P2 was shot by P1", "P1, the assassin of P2",
/// "the assassination of P2 by P1", "P2 assassin P1" (killed); "G1 in G2", "G1, G2" (located_in);
/// "O, a G company" (based_in).
pub(super) fn people_and_places(ctx: &Ctx, out: &mut Vec<Found>) {
    let n = ctx.len();
    let person = |i: usize| ctx.arg_at(i).filter(|&a| is_person(ctx.args[a].label));
    // Where the construction itself says "a person" ("the assassin of Y", "X was shot by Y"), a
    // short name the tagger typed otherwise is read as one ("Lincoln", "Oswald"), unless it is a
    // known country or state.
    let someone = |i: usize| {
        person(i).or_else(|| {
            ctx.arg_at(i)
                .filter(|&a| matches!(ctx.args[a].label, Label::Gpe | Label::Org | Label::Misc) && retypable(ctx, a))
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
            lives = place_at(ctx, i + 1).map(|g| (g, i, "person_of_place"));
            // P (, AGE ,)? of (the)? O: "Roger Crouch of NASA" works for it.
            let k = if ctx.lw(i + 1) == "the" { i + 2 } else { i + 1 };
            if let Some(o) = ctx.arg_at(k).filter(|&o| is_org(ctx.args[o].label)) {
                out.push(Found::new("person_of_org", Side::Arg(pi), Predicate::EmployeeOf, Side::Arg(o), (i, i + 1)));
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
                let pred = if ctx.lw(k) == "citizen" { Predicate::CitizenOf } else { Predicate::LivesIn };
                if let Some(g) = place_at(ctx, k + 2) {
                    out.push(Found::new("native_of", Side::Arg(pi), pred, Side::Arg(g), (k, k + 2)));
                }
            } else if matches!(ctx.lw(k), "lives" | "lived" | "resides" | "resided") && ctx.lw(k + 1) == "in" {
                lives = place_at(ctx, k + 2).map(|g| (g, k, "lives_in_verb"));
            }
        }
        // P , a|an (word word word)? from G: "Derwinski, a Republican from Chicago", "a 27-year-old
        // actor from Illinois".
        if lives.is_none() && ctx.lw(i) == "," && matches!(ctx.lw(i + 1), "a" | "an") {
            let from = (i + 2..(i + 6).min(n)).find(|&k| ctx.lw(k) == "from");
            let plain = |k: usize| {
                ctx.arg_at(k).is_none_or(|a| matches!(ctx.args[a].label, Label::Norp | Label::Misc))
                    && !matches!(ctx.lw(k), "," | "who" | "and" | "of")
            };
            if let Some(f) = from.filter(|&f| (i + 2..f).all(plain)) {
                lives = place_at(ctx, f + 1).map(|g| (g, f, "from_place"));
            }
        }
        // P 's G home: "Sohn's New Jersey home".
        if ctx.possessive(p.end) {
            if let Some(g) = place_at(ctx, p.end + 1) {
                if matches!(ctx.lw(ctx.args[g].end), "home" | "house" | "residence" | "apartment") {
                    lives = Some((g, ctx.args[g].end, "possessive_place_home"));
                }
            }
        }
        if let Some((g, t, rule)) = lives {
            out.push(Found::new(rule, Side::Arg(pi), Predicate::LivesIn, Side::Arg(g), (t, t + 1)));
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
                out.push(Found::new("kill_verb", Side::Arg(pi), Predicate::Killed, Side::Arg(q), (v, v + 1)));
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
                out.push(Found::new("killed_by", Side::Arg(q), Predicate::Killed, Side::Arg(pi), (k, k + 2)));
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
                    out.push(Found::new("assassin_of", Side::Arg(pi), Predicate::Killed, Side::Arg(q), (k, k + 1)));
                }
            }
            // P1 , P2 's assassin
            if let Some(q) = someone(k).filter(|&q| q != pi) {
                let e = ctx.args[q].end;
                if ctx.possessive(e) && killer_noun(ctx.lw(e + 1)) {
                    out.push(Found::new(
                        "possessive_assassin",
                        Side::Arg(pi),
                        Predicate::Killed,
                        Side::Arg(q),
                        (e + 1, e + 2),
                    ));
                }
            }
        }
        // P2 's assassin , P1 ("Kennedy's assassin, Lee Harvey Oswald")
        if ctx.possessive(p.end) && killer_noun(ctx.lw(p.end + 1)) && ctx.lw(p.end + 2) == "," {
            if let Some(q) = someone(p.end + 3).filter(|&q| q != pi) {
                out.push(Found::new(
                    "assassin_apposition",
                    Side::Arg(q),
                    Predicate::Killed,
                    Side::Arg(pi),
                    (p.end + 1, p.end + 2),
                ));
            }
        }
        // P2 assassin P1 ("King assassin James Earl Ray")
        if killer_noun(ctx.lw(p.end)) {
            if let Some(q) = person(p.end + 1) {
                out.push(Found::new(
                    "assassin_title",
                    Side::Arg(q),
                    Predicate::Killed,
                    Side::Arg(pi),
                    (p.end, p.end + 1),
                ));
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
                out.push(Found::new(
                    "assassination_of_by",
                    Side::Arg(killer),
                    Predicate::Killed,
                    Side::Arg(victim),
                    (t, t + 1),
                ));
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
                    out.push(Found::new(
                        "place_noun_apposition",
                        Side::Arg(a),
                        Predicate::LocatedIn,
                        Side::Arg(b),
                        (x, x + 1),
                    ));
                }
            }
        }
        if is_place(g1.label) && ctx.possessive(g1.end) && ctx.lw(g1.end + 1) == "capital" {
            let k = if ctx.lw(g1.end + 2) == "," { g1.end + 3 } else { g1.end + 2 };
            if let Some(b) = place_at(ctx, k) {
                out.push(Found::new(
                    "possessive_capital",
                    Side::Arg(b),
                    Predicate::LocatedIn,
                    Side::Arg(a),
                    (g1.end + 1, g1.end + 2),
                ));
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
                let predicate = if is_place(g1.label) { Predicate::LocatedIn } else { Predicate::BasedIn };
                out.push(Found::new("in_place", Side::Arg(a), predicate, Side::Arg(b), (g1.end, g1.end + 1)));
            }
        }
        // G 's O: "Algeria's Ettahadi party", "Japan's Toyota" (an organization of the place).
        // The place must be one the lexicons know: a company name with "'s" in it ("Heck's
        // Inc") is often split by the tagger into a "place" and the rest.
        let known = || crate::entities::is_country_or_state(ctx.surface(g1.first, g1.end).iter().copied());
        if is_place(g1.label) && ctx.possessive(g1.end) && known() {
            if let Some(o) = ctx.arg_at(g1.end + 1).filter(|&o| is_org(ctx.args[o].label)) {
                out.push(Found::new(
                    "place_possessive_org",
                    Side::Arg(o),
                    Predicate::BasedIn,
                    Side::Arg(a),
                    (g1.end, g1.end + 1),
                ));
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
                let country = g2.label == Label::Gpe && crate::entities::is_country(name.iter().copied());
                if country && name.len() == 1 && same_stem(demonym, ctx.lw(g2.first)) {
                    out.push(Found::new(
                        "demonym_org",
                        Side::Arg(a),
                        Predicate::BasedIn,
                        Side::Arg(b),
                        (g1.first, g1.first + 1),
                    ));
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
                    out.push(Found::new(
                        "place_company_apposition",
                        Side::Arg(a),
                        Predicate::BasedIn,
                        Side::Arg(b),
                        (g1.end, g1.end + 2),
                    ));
                }
            }
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
