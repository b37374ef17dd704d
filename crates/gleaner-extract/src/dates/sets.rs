//! Sets (recurrences): "every day", "annually", "per year".

use super::*;

/// "every day", "each year", "annually", "daily", "weekly", "per year".
pub(super) fn set_form(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // "quarterly dividend", "daily newspaper": adjectives before a noun are not recurrences; before
    // punctuation, a preposition or a conjunction they are adverbs ("gather daily outside the
    // home", "paid quarterly and"). "annually" is never an adjective.
    let next = words.lw(i + 1);
    let adverb = !next.starts_with(|c: char| c.is_alphanumeric())
        || matches!(
            next,
            "in" | "on"
                | "at"
                | "for"
                | "from"
                | "to"
                | "outside"
                | "inside"
                | "since"
                | "until"
                | "and"
                | "or"
                | "but"
                | "by"
                | "with"
                | "during"
                | "throughout"
                | "near"
                | "across"
                | "around"
                // "on a daily basis": a recurrence, written as an adjective.
                | "basis"
        );
    let val = match lw {
        "annually" => "P1Y",
        "yearly" if adverb => "P1Y",
        "daily" if adverb => "P1D",
        "weekly" if adverb => "P1W",
        "monthly" if adverb => "P1M",
        "hourly" if adverb => "PT1H",
        "quarterly" if adverb => "P3M",
        "every" | "each" | "per" => {
            let u = time::unit(words.lw(i + 1)).filter(|u| !u.plural)?;
            return Some(found(SET, i, i + 2, Val::Set(duration(1.0, u)), false));
        }
        _ => return None,
    };
    Some(found(SET, i, i + 1, Val::Set(val.into()), false))
}
