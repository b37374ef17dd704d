//! The words of incidents: what names an attack, a bombing, a kidnapping, a protest or a disaster
//! (triggers), and the heads of the phrases that play a part in one (perpetrators, victims,
//! physical targets, weapons). English as data, read by `gleaner_extract::events`.
//!
//! Every word is lower case; a phrase of two or three words is matched token by token.

/// The kind of incident a trigger names, by its name in the contract's type list.
pub type Kind = &'static str;

/// How a trigger word is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A noun naming one incident: "bombing", "attack", "explosion".
    Noun,
    /// A plural noun: "attacks", "bombings" (many incidents, or one told again).
    Plural,
    /// A verb in a finite or participle form: "exploded", "kidnapped", "attacked".
    Verb,
}

/// A word or phrase that names an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The incident type (`bombing`, `attack`, ...).
    pub kind: Kind,
    /// Noun, plural or verb.
    pub form: Form,
    /// The word names an incident whatever the sentence says ("bombing", "kidnapped"); a weak
    /// one ("attacked", "shot", "fire") only when the sentence gives a fact of violence too (a
    /// weapon, a casualty, an armed perpetrator, a physical target).
    pub strong: bool,
    /// Tokens the trigger covers.
    pub len: usize,
}

const fn t(kind: Kind, form: Form, strong: bool, len: usize) -> Trigger {
    Trigger { kind, form, strong, len }
}

use Form::{Noun, Plural, Verb};

/// The trigger at `w[0]` (lower-case tokens from there on, at least one), if any.
pub fn trigger(w: &[&str]) -> Option<Trigger> {
    let (a, b, c) = (w[0], w.get(1).copied().unwrap_or(""), w.get(2).copied().unwrap_or(""));
    // Phrases first.
    match (a, b) {
        ("car", "bomb" | "bomb-" | "bombing") | ("suicide", "bombing" | "attack" | "bomber") => {
            return Some(t("bombing", Noun, true, 2))
        }
        ("car", "bombs" | "bombings") | ("suicide", "bombings" | "attacks") => {
            return Some(t("bombing", Plural, true, 2))
        }
        ("blew" | "blown" | "blow", "up") => return Some(t("bombing", Verb, false, 2)),
        ("opened" | "open" | "opens" | "opening", "fire") => return Some(t("shooting", Verb, true, 2)),
        ("gunned", "down") => return Some(t("shooting", Verb, true, 2)),
        // "fired on their car", "fired at the crowd": weak, like "shot" (a weapon or a victim
        // makes it an incident; "fired on the ball" does not).
        ("fired" | "fires" | "firing", "on" | "at" | "upon" | "into") => return Some(t("shooting", Verb, false, 2)),
        ("set", "fire") | ("set", "ablaze") | ("burned", "down") | ("burnt", "down") => {
            return Some(t("arson", Verb, true, 2))
        }
        ("set", "on") if c == "fire" => return Some(t("arson", Verb, true, 3)),
        // "were shot to death", "beaten to death": a killing, told by its means.
        ("shot" | "beaten" | "stabbed" | "hacked" | "clubbed" | "burned" | "burnt", "to") if c == "death" => {
            return Some(t("killing", Verb, true, 3))
        }
        ("took" | "taken" | "held", "hostage") => return Some(t("kidnapping", Verb, true, 2)),
        ("hostage", "taking") => return Some(t("kidnapping", Noun, true, 2)),
        ("hostage-taking", _) => return Some(t("kidnapping", Noun, true, 1)),
        ("plane" | "air" | "train" | "bus" | "helicopter", "crash") => return Some(t("disaster", Noun, false, 2)),
        _ => {}
    }
    let (kind, form, strong) = match a {
        "bombing" | "car-bomb" | "carbomb" => ("bombing", Noun, true),
        "bombings" | "explosions" | "blasts" => ("bombing", Plural, true),
        "explosion" | "blast" => ("bombing", Noun, true),
        "bomb" => ("bombing", Noun, false),
        "bombed" | "exploded" | "detonated" | "dynamited" => ("bombing", Verb, true),
        "attack" => ("attack", Noun, false),
        "attacks" => ("attack", Plural, false),
        "attacked" => ("attack", Verb, false),
        "ambush" => ("attack", Noun, true),
        "ambushed" => ("attack", Verb, true),
        "assault" | "raid" => ("attack", Noun, false),
        "assaulted" | "raided" | "stormed" => ("attack", Verb, false),
        "machinegunned" | "machine-gunned" | "strafed" => ("attack", Verb, true),
        "sabotage" => ("attack", Noun, false),
        "shooting" => ("shooting", Noun, true),
        "shootings" => ("shooting", Plural, true),
        "shot" => ("shooting", Verb, false),
        "gunfire" => ("shooting", Noun, false),
        "murder" | "assassination" | "massacre" | "slaying" | "beheading" => ("killing", Noun, true),
        "murders" | "assassinations" | "massacres" | "killings" => ("killing", Plural, true),
        "murdered" | "assassinated" | "massacred" | "slain" | "beheaded" => ("killing", Verb, true),
        "killed" | "stabbed" => ("killing", Verb, false),
        "executed" => ("killing", Verb, false),
        "killing" => ("killing", Noun, false),
        "kidnapping" | "abduction" | "kidnaping" => ("kidnapping", Noun, true),
        "kidnappings" | "abductions" | "kidnapings" => ("kidnapping", Plural, true),
        "kidnapped" | "abducted" | "kidnaped" => ("kidnapping", Verb, true),
        "arson" => ("arson", Noun, true),
        "torched" => ("arson", Verb, true),
        "burned" | "burnt" => ("arson", Verb, false),
        "robbery" | "heist" => ("robbery", Noun, true),
        "robbed" => ("robbery", Verb, false),
        "looted" => ("robbery", Verb, false),
        "arrested" => ("arrest", Verb, true),
        "arrest" => ("arrest", Noun, false),
        "arrests" => ("arrest", Plural, false),
        "detained" => ("arrest", Verb, false),
        "protest" | "demonstration" | "rally" | "march" => ("protest", Noun, false),
        "protests" | "demonstrations" | "rallies" => ("protest", Plural, false),
        "protested" | "demonstrated" | "marched" => ("protest", Verb, false),
        "riot" => ("riot", Noun, true),
        "riots" | "rioting" => ("riot", Plural, true),
        "skirmish" | "firefight" | "gunbattle" | "shootout" => ("clash", Noun, true),
        "clash" => ("clash", Noun, false),
        "clashes" | "skirmishes" => ("clash", Plural, true),
        "clashed" => ("clash", Verb, false),
        "fighting" | "battle" | "combat" => ("clash", Noun, false),
        "earthquake" | "quake" | "hurricane" | "typhoon" | "cyclone" | "tsunami" | "landslide" | "avalanche"
        | "tornado" | "wildfire" | "mudslide" | "derailment" => ("disaster", Noun, false),
        "flood" | "floods" | "flooding" | "crash" => ("disaster", Noun, false),
        _ => return None,
    };
    Some(t(kind, form, strong, 1))
}

/// Words before a trigger that make it no incident that took place: modals, negation,
/// intentions ("could attack", "did not explode", "threatened to kill", "plans to bomb").
pub fn irrealis(lw: &str) -> bool {
    matches!(
        lw,
        "will"
            | "would"
            | "could"
            | "might"
            | "may"
            | "can"
            | "should"
            | "shall"
            | "must"
            | "not"
            | "never"
            | "n't"
            | "no"
            | "threatened"
            | "threatens"
            | "threaten"
            | "threat"
            | "threats"
            | "plan"
            | "plans"
            | "planned"
            | "planning"
            | "plot"
            | "plotted"
            | "plotting"
            | "vowed"
            | "vow"
            | "possible"
            | "potential"
            | "future"
            | "prevent"
            | "prevented"
            | "preventing"
            | "avoid"
            | "foiled"
            | "thwarted"
            | "against"
            | "fear"
            | "feared"
            | "fears"
            | "risk"
            | "if"
            | "unless"
            | "wants"
            | "want"
            | "intended"
            | "intends"
            | "preparing"
            | "prepared"
    )
}

/// A word for the doers of an act of violence ("the kidnappers", "the gunmen"), not for a side
/// ("the rebels"): told with "the", it names again the doers of an incident just told.
pub fn doer_noun(lw: &str) -> bool {
    matches!(
        lw,
        "attackers"
            | "attacker"
            | "kidnappers"
            | "abductors"
            | "assailants"
            | "gunmen"
            | "gunman"
            | "bombers"
            | "bomber"
            | "killers"
            | "killer"
            | "murderers"
            | "hijackers"
            | "perpetrators"
            | "shooter"
            | "arsonists"
    )
}

/// A person's description, as a victim's or a perpetrator's head noun ("three peasants", "a
/// soldier", "the journalist").
pub fn person_noun(lw: &str) -> bool {
    perpetrator_noun(lw) || person_word(lw) || lw.strip_suffix('s').is_some_and(person_word)
}

fn person_word(lw: &str) -> bool {
    matches!(
        lw,
        "maid"
            | "mother"
            | "father"
            | "fathers"
            | "parents"
            | "sister"
            | "nephew"
            | "niece"
            | "cousin"
            | "guest"
            | "customer"
            | "shopkeeper"
            | "merchant"
            | "rancher"
            | "landowner"
            | "councilwoman"
            | "congressman"
            | "senator"
            | "deputy"
            | "magistrate"
            | "prosecutor"
            | "clergyman"
            | "clergymen"
            | "seminarian"
            | "trade-unionist"
            | "labourer"
            | "laborer"
            | "vendor"
            | "official's"
    ) || matches!(
        lw,
        "people"
            | "persons"
            | "person"
            | "civilian"
            | "civilians"
            | "soldier"
            | "soldiers"
            | "troops"
            | "servicemen"
            | "servicemembers"
            | "policeman"
            | "policemen"
            | "officer"
            | "officers"
            | "agent"
            | "agents"
            | "guard"
            | "guards"
            | "bodyguard"
            | "bodyguards"
            | "peasant"
            | "peasants"
            | "farmer"
            | "farmers"
            | "worker"
            | "workers"
            | "employee"
            | "employees"
            | "priest"
            | "priests"
            | "nun"
            | "nuns"
            | "jesuit"
            | "jesuits"
            | "bishop"
            | "archbishop"
            | "student"
            | "students"
            | "teacher"
            | "teachers"
            | "child"
            | "children"
            | "boy"
            | "boys"
            | "girl"
            | "girls"
            | "woman"
            | "women"
            | "man"
            | "men"
            | "journalist"
            | "journalists"
            | "reporter"
            | "reporters"
            | "photographer"
            | "judge"
            | "judges"
            | "mayor"
            | "mayors"
            | "councilman"
            | "councilor"
            | "governor"
            | "minister"
            | "official"
            | "officials"
            | "leader"
            | "leaders"
            | "politician"
            | "politicians"
            | "candidate"
            | "diplomat"
            | "diplomats"
            | "ambassador"
            | "businessman"
            | "businessmen"
            | "executive"
            | "passenger"
            | "passengers"
            | "resident"
            | "residents"
            | "villager"
            | "villagers"
            | "tourist"
            | "tourists"
            | "driver"
            | "drivers"
            | "doctor"
            | "doctors"
            | "nurse"
            | "nurses"
            | "citizen"
            | "citizens"
            | "member"
            | "members"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "brother"
            | "relatives"
            | "family"
            | "lawyer"
            | "attorney"
            | "activist"
            | "activists"
            | "unionist"
            | "unionists"
            | "hostage"
            | "hostages"
            | "victim"
            | "victims"
            | "pilot"
            | "crew"
            | "colonel"
            | "captain"
            | "sergeant"
            | "lieutenant"
            | "general"
            | "commander"
            | "chief"
            | "director"
            | "americans"
            | "american"
            | "worshippers"
            | "pedestrians"
            | "bystanders"
            | "shoppers"
            | "protesters"
            | "demonstrators"
            | "engineer"
            | "engineers"
            | "technician"
            | "technicians"
            | "contractor"
            | "contractors"
            | "missionary"
            | "missionaries"
            | "volunteer"
            | "volunteers"
            | "nationals"
            | "foreigners"
            | "pilgrims"
            | "sailors"
            | "marines"
            | "cyclists"
            | "staff"
    )
}

/// The head noun of who commits an incident ("gunmen", "guerrillas", "a suicide bomber").
pub fn perpetrator_noun(lw: &str) -> bool {
    matches!(
        lw,
        "guerrilla"
            | "guerrillas"
            | "terrorist"
            | "terrorists"
            | "gunman"
            | "gunmen"
            | "rebel"
            | "rebels"
            | "militant"
            | "militants"
            | "insurgent"
            | "insurgents"
            | "bomber"
            | "bombers"
            | "attacker"
            | "attackers"
            | "assailant"
            | "assailants"
            | "kidnapper"
            | "kidnappers"
            | "abductor"
            | "abductors"
            | "commando"
            | "commandos"
            | "hitman"
            | "hitmen"
            | "assassin"
            | "assassins"
            | "killer"
            | "killers"
            | "murderer"
            | "murderers"
            | "subversives"
            | "extremists"
            | "extremist"
            | "jihadists"
            | "jihadist"
            | "fighters"
            | "paramilitaries"
            | "paramilitary"
            | "narcoterrorists"
            | "narco-terrorists"
            | "mercenaries"
            | "robbers"
            | "robber"
            | "arsonists"
            | "rioters"
            | "mob"
            | "squad"
            | "squads"
            | "individuals"
            | "suspects"
            | "suspect"
    )
}

/// Does the lower-case word describe a perpetrator by itself, without a noun such as "men" after
/// it ("armed", "masked", "unidentified")? Modifiers a perpetrator phrase may open with.
pub fn perpetrator_modifier(lw: &str) -> bool {
    matches!(lw, "armed" | "masked" | "heavily" | "hooded" | "unidentified" | "unknown" | "suspected" | "alleged")
}

/// The head noun of a physical target: a building, a vehicle, an installation.
pub fn target_noun(lw: &str) -> bool {
    target_word(lw) || lw.strip_suffix('s').is_some_and(target_word) || lw.strip_suffix("es").is_some_and(target_word)
}

fn target_word(lw: &str) -> bool {
    matches!(
        lw,
        "terminal"
            | "institute"
            | "structure"
            | "shelf"
            | "agency"
            | "refinery"
            | "depot"
            | "garage"
            | "kiosk"
            | "shelter"
            | "clinic"
            | "chapel"
            | "cathedral"
            | "embassies"
            | "premises"
            | "dealership"
            | "studio"
    ) || matches!(
        lw,
        "building"
            | "buildings"
            | "house"
            | "houses"
            | "home"
            | "homes"
            | "residence"
            | "residences"
            | "office"
            | "offices"
            | "headquarters"
            | "embassy"
            | "consulate"
            | "bank"
            | "banks"
            | "branch"
            | "station"
            | "stations"
            | "substation"
            | "substations"
            | "tower"
            | "towers"
            | "pylon"
            | "pylons"
            | "pole"
            | "poles"
            | "post"
            | "posts"
            | "base"
            | "barracks"
            | "garrison"
            | "airport"
            | "bridge"
            | "bridges"
            | "church"
            | "churches"
            | "mosque"
            | "temple"
            | "synagogue"
            | "school"
            | "hospital"
            | "hotel"
            | "restaurant"
            | "store"
            | "shop"
            | "market"
            | "supermarket"
            | "factory"
            | "plant"
            | "facility"
            | "facilities"
            | "installation"
            | "installations"
            | "pipeline"
            | "dam"
            | "vehicle"
            | "vehicles"
            | "car"
            | "cars"
            | "bus"
            | "buses"
            | "truck"
            | "trucks"
            | "jeep"
            | "plane"
            | "aircraft"
            | "helicopter"
            | "train"
            | "ship"
            | "boat"
            | "checkpoint"
            | "ministry"
            | "courthouse"
            | "hall"
            | "warehouse"
            | "newspaper"
            | "lines"
            | "line"
            | "mall"
            | "club"
            | "bar"
            | "nightclub"
            | "stadium"
            | "compound"
            | "premises"
            | "farm"
            | "estate"
            | "network"
            | "property"
            | "university"
            | "center"
            | "centre"
            | "camp"
            | "convoy"
            | "patrol"
    )
}

/// The weapon named at `w[0]`, with the tokens it covers: "car bomb", "dynamite", "AK-47".
pub fn weapon(w: &[&str]) -> Option<usize> {
    let (a, b) = (w[0], w.get(1).copied().unwrap_or(""));
    match (a, b) {
        ("car" | "truck", "bomb")
        | ("machine", "gun" | "guns")
        | ("explosive", "device" | "devices" | "charge" | "charges")
        | ("molotov", "cocktail" | "cocktails")
        | ("suicide", "vest" | "vests" | "belt")
        | ("hand", "grenade" | "grenades")
        | ("land", "mine" | "mines")
        | ("high-caliber" | "high-powered" | "automatic" | "assault", "rifle" | "rifles" | "weapons") => {
            return Some(2)
        }
        _ => {}
    }
    matches!(
        a,
        "bomb"
            | "bombs"
            | "dynamite"
            | "explosive"
            | "explosives"
            | "grenade"
            | "grenades"
            | "rifle"
            | "rifles"
            | "machinegun"
            | "machineguns"
            | "submachinegun"
            | "mortar"
            | "mortars"
            | "rocket"
            | "rockets"
            | "missile"
            | "missiles"
            | "firearm"
            | "firearms"
            | "pistol"
            | "pistols"
            | "revolver"
            | "revolvers"
            | "knife"
            | "knives"
            | "machete"
            | "machetes"
            | "landmine"
            | "landmines"
            | "mine"
            | "mines"
            | "ak-47"
            | "ak-47s"
            | "m-16"
            | "m-16s"
            | "uzi"
            | "tnt"
            | "c-4"
            | "semtex"
            | "gasoline"
            | "petrol"
            | "shotgun"
            | "shotguns"
            | "bazooka"
            | "bazookas"
            | "rpg"
            | "incendiary"
    )
    .then_some(1)
}

/// Head words of an organization that commits violence ("front", "army", "cartel"), for text
/// whose case does not mark names.
pub fn group_head(lw: &str) -> bool {
    matches!(
        lw,
        "police"
            | "front"
            | "army"
            | "cartel"
            | "movement"
            | "organization"
            | "forces"
            | "command"
            | "brigade"
            | "brigades"
            | "group"
            | "party"
            | "council"
            | "commandos"
            | "alliance"
            | "union"
            | "battalion"
            | "path"
            | "state"
            | "taliban"
            | "qaeda"
    )
}

/// Verbs by which a party claims an incident: "X claimed responsibility", "X said it carried out".
pub fn claims_word(lw: &str) -> bool {
    matches!(lw, "claimed" | "claims" | "claim" | "claiming" | "admitted" | "acknowledged")
}

/// Does a casualty count's event word say the counted were hurt ("wounded", "injured")?
pub fn says_hurt(lw: &str) -> bool {
    matches!(lw, "wounded" | "injured" | "hurt" | "injuries" | "wounding" | "injuring" | "maimed")
}

/// Verbs whose object is a victim: killing, wounding, kidnapping ("killed three peasants").
pub fn victim_verb(lw: &str) -> bool {
    crate::lang::en::killing_verb_finite(lw).is_some()
        || says_hurt(lw)
        || matches!(
            lw,
            "kidnapped"
                | "kidnaped"
                | "abducted"
                | "killing"
                | "murdering"
                | "wounding"
                | "injuring"
                | "kidnapping"
                | "abducting"
                | "executed"
                | "ambushed"
                | "attacked"
                | "assaulted"
                | "hit"
                | "seized"
                | "held"
                | "captured"
                | "tortured"
                | "arrested"
                | "detained"
        )
}

/// Verbs whose object is a physical target: "bombed the embassy", "set fire to a bus".
pub fn target_verb(lw: &str) -> bool {
    matches!(
        lw,
        "attacked"
            | "attacking"
            | "bombed"
            | "bombing"
            | "dynamited"
            | "destroyed"
            | "destroying"
            | "damaged"
            | "damaging"
            | "burned"
            | "burning"
            | "torched"
            | "raided"
            | "stormed"
            | "hit"
            | "struck"
            | "targeted"
            | "blew"
            | "blowing"
            | "machinegunned"
            | "strafed"
            | "seized"
            | "occupied"
            | "looted"
            | "robbed"
    )
}

/// Nouns whose "of"-phrase names a victim: "the murder of X", "the kidnapping of X".
pub fn victim_of_noun(lw: &str) -> bool {
    matches!(
        lw,
        "murder"
            | "assassination"
            | "killing"
            | "death"
            | "deaths"
            | "kidnapping"
            | "kidnaping"
            | "abduction"
            | "massacre"
            | "execution"
            | "slaying"
    )
}

/// Nouns whose "on"/"against"/"of" phrase names a target: "an attack on the embassy".
pub fn target_of_noun(lw: &str) -> bool {
    matches!(
        lw,
        "attack" | "attacks" | "bombing" | "raid" | "assault" | "ambush" | "explosion" | "blast" | "arson" | "sabotage"
    )
}

/// Nouns an incident's name modifies, so that it names no incident there: "tsunami relief",
/// "bomb threat", "attack helicopter", "the earthquake victims" (told of, not told).
pub fn modified_noun(lw: &str) -> bool {
    matches!(
        lw,
        "relief"
            | "effort"
            | "efforts"
            | "fund"
            | "funds"
            | "appeal"
            | "aid"
            | "victims"
            | "survivors"
            | "zone"
            | "zones"
            | "threat"
            | "threats"
            | "scare"
            | "scares"
            | "alert"
            | "warning"
            | "warnings"
            | "campaign"
            | "disposal"
            | "proof"
            | "shelter"
            | "plot"
            | "plots"
            | "charges"
            | "trial"
            | "case"
            | "investigation"
            | "inquiry"
            | "anniversary"
            | "memorial"
            | "helicopter"
            | "helicopters"
            | "dog"
            | "dogs"
            | "drill"
            | "drills"
            | "insurance"
            | "coverage"
            | "risk"
            | "fears"
            | "benefit"
            | "concert"
            | "show"
            | "donations"
            | "season"
            | "policy"
            | "laws"
            | "law"
            | "squad"
            | "unit"
            | "response"
            | "reconstruction"
            | "recovery"
            | "rate"
            | "rates"
            | "statistics"
            | "film"
            | "movie"
            | "game"
            | "games"
            | "song"
            | "novel"
            | "simulator"
            | "dance"
            | "band"
            | "prevention"
            | "protection"
            | "claims"
            | "losses"
    )
}
