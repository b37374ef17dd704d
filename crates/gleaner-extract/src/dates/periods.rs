//! Periods: seasons, quarters, halves, decades, centuries, fiscal and plain years.

use super::*;

/// Earnings-report anaphora, after "the": "the quarter", "the latest quarter", "the latest
/// period" (the last quarter completed before the document date), "the year-earlier quarter",
/// "the year-ago period" (the same quarter a year before).
pub(super) fn financial_period(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    // The last quarter completed by the anchor, `back` years before.
    let quarter = |back: i32| {
        Val::at_anchor(Kind::Quarter, Some(Val::Partial("XXXX-QX".into())), move |a| {
            let (y, q) = last_quarter(a);
            Some(Val::Quarter(y - back, q))
        })
    };
    let lw = words.lw(i);
    let (year_back, end) = match lw {
        "quarter" => (0, i + 1),
        "latest" | "comparable" | "corresponding" | "same" | "prior"
            if matches!(words.lw(i + 1), "quarter" | "period") =>
        {
            (i32::from(lw == "prior"), i + 2)
        }
        "year-earlier" | "year-ago" if matches!(words.lw(i + 1), "quarter" | "period") => (1, i + 2),
        _ => return None,
    };
    if lw == "prior" && words.lw(i + 1) == "period" {
        return Some(Found { aside: true, ..found(FINANCIAL_PERIOD, i, end, quarter(1), true) });
    }
    // "the same quarter a year ago", "the corresponding period last year": one expression.
    if matches!(lw, "same" | "corresponding" | "comparable") {
        if let Some(back) = year_back_phrase(words, end) {
            return Some(Found { aside: true, ..found(FINANCIAL_PERIOD, i, back, quarter(1), true) });
        }
        // "the corresponding period of 1985/86", "the same period in 1985": of a year named
        // after it, not the latest; nor is "the same period" a quarter outside an earnings
        // report ("has nearly doubled in the same period").
        let year_after = matches!(words.lw(end), "in" | "of") && any_year_at(words, end + 1).is_some();
        if lw == "corresponding" || year_after || words.lw(end - 1) == "period" && !ctx.quarterly {
            return None;
        }
    }
    Some(Found { aside: year_back > 0, ..found(FINANCIAL_PERIOD, i, end, quarter(year_back), true) })
}

/// The end of "last year", "a year ago|earlier|before", "the previous|prior year" or "the year
/// before" at `k`: what shifts "the same month" or "the same quarter" a year back.
pub(super) fn year_back_phrase(words: &Words<'_>, k: usize) -> Option<usize> {
    match (words.lw(k), words.lw(k + 1), words.lw(k + 2)) {
        ("last", "year", _) => Some(k + 2),
        ("a" | "one", "year", "ago" | "earlier" | "before") => Some(k + 3),
        ("the", "previous" | "prior", "year") | ("the", "year", "before") => Some(k + 3),
        _ => None,
    }
}

/// "year-end", "year end", "year's end": the end of the current year; of the last one in the
/// past tense or after "since" ("the change since year-end").
pub(super) fn year_end(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let end = match (words.lw(i), words.lw(i + 1), words.lw(i + 2)) {
        ("year-end", ..) => i + 1,
        ("year", "end", _) => i + 2,
        ("year", "'s" | "’s", "end") => i + 3,
        _ => return None,
    };
    let since = i > 0 && words.lw(i - 1) == "since";
    let back = i32::from(since || ctx.tense == Tense::Past);
    let val = Val::at_anchor(Kind::Year, Some(Val::Partial("XXXX".into())), move |a| Some(Val::Year(a.year() - back)));
    Some(Found { modifier: Some(TimexMod::End), ..found(YEAR_END, i, end, val, true) })
}

/// "(the) first four months of 2021", "the last two weeks of June": the part of a period, as a
/// DATE with the period's value, START or END, and the days it covers.
pub(super) fn period_of(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = half_of(words, ctx, i) {
        return Some(f);
    }
    let from_start = words.lw(i) == "first";
    // A part is never longer than its period (no period of a TIMEX3 holds 10,000 months), so a
    // larger count is no date part at all ("the first 99999999 days of 2020").
    let (n, k) = match cardinal_at(words, i + 1) {
        Some((v, k)) if (1.0..10_000.0).contains(&v) && v.fract() == 0.0 => (v as u32, k),
        Some(_) => return None,
        _ => (1, i + 1),
    };
    let u = time::unit(words.lw(k))?;
    if words.lw(k + 1) != "of" || !matches!(u.letter, "D" | "W" | "M" | "Q") || u.time {
        return None;
    }
    let inner = simple(words, ctx, k + 2)
        .or_else(|| (words.lw(k + 2) == "the").then(|| after_the(words, ctx, k + 3)).flatten())?;
    let (letter, rule, end, anchored, aside) = (u.letter, inner.rule, inner.end, inner.anchored, inner.aside);
    let part = move |d: Done| {
        let range = part_range(&d.val, letter, n, from_start)?;
        Some(Done { range: Some(range), ..d })
    };
    let kind = inner.val.kind();
    // A period to be settled is not known yet: the part must fit the shortest period of its
    // kind ("the first 30 days of this month" does not fit February), so that it always
    // settles; otherwise the form declines, as it does for a written period too long.
    if inner.val.is_later() && !fits_shortest(kind, inner.val.unknown_month(), letter, n) {
        return None;
    }
    let inner = inner.then(kind, part)?;
    let modifier = if from_start { TimexMod::Start } else { TimexMod::End };
    Some(Found {
        rule,
        start: i,
        end,
        modifier: Some(modifier),
        anchored,
        cut_start: None,
        cut_end: None,
        aside,
        ..inner
    })
}

/// Does a part of `n` units (`letter`) fit in every period of kind `kind` (of month `month`,
/// when the month is written)?
fn fits_shortest(kind: Kind, month: Option<u32>, letter: &str, n: u32) -> bool {
    // The shortest period of a kind, in days, weeks and months.
    let month_days = match month {
        Some(2) | None => 28,
        Some(4 | 6 | 9 | 11) => 30,
        Some(_) => 31,
    };
    let (days, weeks, months) = match kind {
        Kind::Day => (1, 0, 0),
        Kind::Week => (7, 1, 0),
        Kind::Month => (month_days, 4, 1),
        Kind::Quarter | Kind::Season => (89, 12, 3),
        Kind::Half => (181, 25, 6),
        Kind::Year => (365, 52, 12),
        _ => (0, 0, 0),
    };
    match letter {
        "D" => n <= days,
        "W" => n <= weeks,
        "Q" => 3 * n <= months,
        _ => n <= months,
    }
}

/// The days of the first or last `n` units (`letter`: days, weeks, months, quarters) of the
/// period `val`, when they lie within it.
fn part_range(val: &Val, letter: &str, n: u32, from_start: bool) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = value_range(val)?;
    let len = match letter {
        "D" => Duration::days(i64::from(n)),
        "W" => Duration::weeks(i64::from(n)),
        _ => {
            let months = if letter == "Q" { 3 * n as i32 } else { n as i32 };
            let (y, m) = if from_start {
                add_months(first.year(), first.month(), months)
            } else {
                add_months(last.year(), last.month(), 1 - months)
            };
            let edge = NaiveDate::from_ymd_opt(y, m, 1)?;
            if from_start {
                edge - first
            } else {
                last - edge + Duration::days(1)
            }
        }
    };
    let day = Duration::days(1);
    let range = if from_start {
        (first, first.checked_add_signed(len)?.checked_sub_signed(day)?)
    } else {
        (last.checked_sub_signed(len)?.checked_add_signed(day)?, last)
    };
    if range.0 < first || range.1 > last || range.0 > range.1 {
        return None;
    }
    Some(range)
}

/// "the first half of 1990", "the second (last) half of 1989", "the first two quarters of 1990":
/// a half-year, `1990-H1`.
pub(super) fn half_of(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let first = match words.lw(i) {
        "first" => true,
        "second" | "last" | "latter" => false,
        _ => return None,
    };
    let k = match (words.lw(i + 1), words.lw(i + 2)) {
        ("half", "of") => i + 3,
        // "first half 1987": the year without "of" (never a bare "the first half": a match has two).
        ("half", _) if year_at(words, i + 2).is_some() => i + 2,
        ("two", "quarters") if words.lw(i + 3) == "of" => i + 4,
        _ => return None,
    };
    let inner =
        simple(words, ctx, k).or_else(|| (words.lw(k) == "the").then(|| after_the(words, ctx, k + 1)).flatten())?;
    if inner.val.kind() != Kind::Year {
        return None;
    }
    let h = if first { 1 } else { 2 };
    let half = inner.map(Kind::Half, move |v| match v {
        Val::Year(y) => Some(Val::Half(y, h)),
        _ => None,
    })?;
    let half = half.or_unknown(Some(Val::Partial(format!("XXXX-H{h}"))));
    Some(Found { rule: HALF_YEAR, start: i, modifier: None, range: None, cut_start: None, cut_end: None, ..half })
}

/// The days a value covers.
pub(super) fn value_range(val: &Val) -> Option<(NaiveDate, NaiveDate)> {
    describe(val).2
}

/// "the summer of 2016", "summer 2016", "in the summer".
pub(super) fn season_form(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let s = time::season(words.lw(i))?;
    // A season needs a calendar frame: "the summer", "in spring", "summer of 2016" ("prices fall").
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let framed = matches!(
        prev,
        "the"
            | "this"
            | "last"
            | "next"
            | "in"
            | "early"
            | "late"
            | "mid"
            | "during"
            | "since"
            | "until"
            | "by"
            | "past"
            | "coming"
    ) || any_year_at(words, i + 1).is_some()
        || words.lw(i + 1) == "of" && any_year_at(words, i + 2).is_some();
    // "the fall in oil prices", "the fall of Saigon": a decline or a defeat, unless a year follows.
    let noun_fall = s == "FA"
        && match words.lw(i + 1) {
            "of" => any_year_at(words, i + 2).is_none(),
            "in" => words.w(i + 2).starts_with(char::is_lowercase),
            _ => false,
        };
    if !framed
        || noun_fall
        || (s == "FA" && !matches!(prev, "the" | "this" | "last" | "next" | "in" | "early" | "late"))
            && year_at(words, i + 1).is_none()
    {
        return None;
    }
    let mut k = i + 1;
    if words.lw(k) == "of" {
        k += 1;
    }
    if let Some((y, end)) = any_year_at(words, k) {
        return Some(found(SEASON, i, end, Val::Season(y, s), false));
    }
    let val =
        Val::at_anchor(Kind::Season, Some(Val::Partial(format!("XXXX-{s}"))), move |a| Some(Val::Season(a.year(), s)));
    Some(found(SEASON, i, i + 1, val, true))
}

/// "1990s", "'90s", "20th century", "the nineteenth century".
pub(super) fn decade_century(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let before = |k: usize| if i >= k { words.lw(i - k) } else { "" };
    let the = before(1) == "the" || matches!(before(1), "early" | "late" | "mid") && before(2) == "the";
    // "the nineties", "the early sixties": a decade of the 1900s after "the" (and a position
    // word). "in his sixties" is an age.
    if let Some(n) = time::decade_word(lw) {
        return the.then(|| found(DECADE_CENTURY, i, i + 1, Val::Decade(190 + n), false));
    }
    // "the 1970's", "early 1980's": the possessive is its own token.
    if let ("'s" | "’s", Some(y)) =
        (words.lw(i + 1), lw.starts_with(|c: char| c.is_ascii_digit()).then(|| year_at(words, i)).flatten())
    {
        let cued = the || matches!(before(1), "early" | "late" | "mid") || coordinated_decade(words, i);
        if y % 10 == 0 && cued && !model_number(words, i) {
            let val = if y % 100 == 0 && y < 2000 { Val::Century(y / 100) } else { Val::Decade(y / 10) };
            return Some(found(DECADE_CENTURY, i, i + 2, val, false));
        }
        return None;
    }
    if let Some(d) = lw.strip_suffix('s').and_then(|r| r.strip_suffix('\'').or(Some(r))) {
        if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let y = d.parse::<i32>().ok()?;
            // "Audi 4000S", "PC 6300s", "Nokia 1100s": a model number, not a decade.
            if !(1000..=2090).contains(&y) || words.w(i).ends_with('S') && !shouted(words) || model_number(words, i) {
                return None;
            }
            // "the 1800s", "the early 1900s": a century. "the 2000s" is read as the decade.
            if y % 100 == 0 && y < 2000 {
                return Some(found(DECADE_CENTURY, i, i + 1, Val::Century(y / 100), false));
            }
            return Some(found(DECADE_CENTURY, i, i + 1, Val::Decade(y / 10), false));
        }
        if let Some(two) = d.strip_prefix('\'').or_else(|| d.strip_prefix('’')) {
            if two.len() == 2 && two.ends_with('0') && two.bytes().all(|b| b.is_ascii_digit()) {
                let tens = two.parse::<i32>().ok()? / 10;
                return Some(found(DECADE_CENTURY, i, i + 1, short_decade(ctx, tens), true));
            }
        }
        // "the 90s", "the late 80s", "the 70s and 80s": a decade written without its century.
        if d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let list = words.lw(i + 1) == "of"
                || words.lw(i + 1) == "," && words.w(i + 2).starts_with(|c: char| c.is_ascii_digit());
            if (the || coordinated_decade(words, i)) && !list && !measured(words) {
                let tens = d.parse::<i32>().ok()? / 10;
                return Some(found(DECADE_CENTURY, i, i + 1, short_decade(ctx, tens), true));
            }
            return None;
        }
    }
    // "the '80s": the apostrophe is a token of its own, right before "80s".
    if matches!(lw, "'" | "’") && words.spans.get(i + 1).is_some_and(|s| s.start == words.spans[i].end) {
        let next = words.lw(i + 1);
        if let Some(two) =
            next.strip_suffix('s').filter(|t| t.len() == 2 && t.ends_with('0') && t.bytes().all(|b| b.is_ascii_digit()))
        {
            let tens = two.parse::<i32>().ok()? / 10;
            return Some(found(DECADE_CENTURY, i, i + 2, short_decade(ctx, tens), true));
        }
    }
    if words.lw(i + 1) == "century" {
        let n: i32 = match lw.trim_end_matches(|c: char| c.is_ascii_alphabetic()) {
            "" => i32::try_from(crate::numeral::ordinal_value(lw)?).ok()?,
            digits => digits.parse().ok()?,
        };
        // "the 5th century BC": before the era, no value of ours.
        if before_christ(words.lw(i + 2)) {
            return None;
        }
        return (1..=21).contains(&n).then(|| found(DECADE_CENTURY, i, i + 2, Val::Century(n - 1), false));
    }
    None
}

/// The decade a two-digit decade ("the 90s", "the mid-70s") names, by the clause's tense and the
/// document date: in the past tense, the latest whose middle the date has reached (in 2021 "the
/// 20s thrived" are the 1920s, in 1989 "the '80s" the 1980s); in a clause about the future, the
/// latest beginning within ten years ("by the mid-90s", written in 1987); otherwise the latest
/// beginning within five ("demand grows in the 90s", written in 1987: the 1990s; "films of the
/// 30s", written in 2021: the 1930s). Without a date, the 1900s.
pub(super) fn short_decade(ctx: &Ctx, tens: i32) -> Val {
    let tense = ctx.tense;
    Val::later(Kind::Decade, None, move |env| {
        let Some(a) = env.anchor else { return Some(Val::Decade(190 + tens).into()) };
        let year = a.year();
        // The latest decade ending in `tens` that starts at or before `limit`.
        let latest = |limit: i32| (limit - (limit - 10 * tens).rem_euclid(100)) / 10;
        Some(
            Val::Decade(match tense {
                Tense::Past => latest(year - 5),
                Tense::Future => latest(year + 10),
                Tense::Present => latest(year + 5),
            })
            .into(),
        )
    })
}

/// A decade coordinated with one before it: "the 1970s and 80s", "the late 80s and early 90s".
pub(super) fn coordinated_decade(words: &Words<'_>, i: usize) -> bool {
    let before = |k: usize| if i >= k { words.lw(i - k) } else { "" };
    let decade_like = |w: &str| {
        let d = w.trim_end_matches('s').trim_start_matches(['\'', '’']);
        w.ends_with('s') && matches!(d.len(), 2 | 4) && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    };
    let joined = |k: usize| matches!(before(k), "and" | "or" | "to" | "through") && decade_like(before(k + 1));
    joined(1) || matches!(before(1), "early" | "late" | "mid") && joined(2)
}

/// A sentence about measures, where "the 30s" and "the mid-90s" are temperatures, prices or
/// ages, not decades.
pub(super) fn measured(words: &Words<'_>) -> bool {
    (0..words.len()).any(|k| {
        matches!(
            words.lw(k),
            "temperature"
                | "temperatures"
                | "degrees"
                | "readings"
                | "fahrenheit"
                | "celsius"
                | "price"
                | "prices"
                | "stock"
                | "share"
                | "shares"
                | "trade"
                | "traded"
                | "trading"
                | "valued"
                | "worth"
                | "bid"
                | "dlrs"
                | "cents"
                | "pence"
                | "pct"
                | "percent"
                | "%"
                | "expectancy"
                | "age"
                | "aged"
                | "old"
        )
    })
}

/// A sentence in capitals throughout (a headline, wire copy's shouted lines).
pub(super) fn shouted(words: &Words<'_>) -> bool {
    !(0..words.len()).any(|k| words.w(k).chars().any(char::is_lowercase))
}

/// "Audi 4000S", "PC 6300s", "Nokia 1100s": a number right after a capitalized name inside the
/// sentence (not its first word, a month or a weekday) is a model number.
pub(super) fn model_number(words: &Words<'_>, i: usize) -> bool {
    i > 0
        && capitalized(words, i - 1)
        && !shouted(words)
        && (0..i - 1).any(|k| words.w(k).starts_with(char::is_alphanumeric))
        && !calendar_word(words.w(i - 1))
}

/// "the first quarter", "third-quarter", "the fourth quarter of 1997", "Q1 2021".
pub(super) fn quarter(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    // "H1 2013", "H2 of 2012": a half, with its year written (alone, "H1" is as often a name).
    if let (Some(h @ (1 | 2)), true) = (lw.strip_prefix('h').and_then(|r| r.parse::<u32>().ok()), capitalized(words, i))
    {
        let k = if words.lw(i + 1) == "of" { i + 2 } else { i + 1 };
        return Some(found(QUARTER, i, k + 1, Val::Half(year_at(words, k)?, h), false));
    }
    let (q, k) =
        if let Some(q) = lw.strip_prefix('q').and_then(|r| r.parse::<u32>().ok()).filter(|q| (1..=4).contains(q)) {
            (q, i + 1)
        } else {
            let (ord, after) = match lw.split_once('-') {
                Some((o, "quarter")) => (o, i + 1),
                _ if words.lw(i + 1) == "quarter" => (lw, i + 2),
                _ => return None,
            };
            (quarter_number(ord)?, after)
        };
    let mut end = k;
    let mut of = k;
    if words.lw(of) == "of" {
        of += 1;
    }
    if let Some(y) = year_at(words, of) {
        end = of + 1;
        return Some(found(QUARTER, i, end, Val::Quarter(y, q), false));
    }
    // "the fourth quarter of that year", "of the same year": the year the text is at.
    if let (true, Some((end, step)), true) = (of > k, that_year(words, of), ctx.told.year) {
        let val = Val::later(Kind::Quarter, Some(Val::Partial(format!("XXXX-Q{q}"))), move |env| {
            let y = env.reference.year?;
            Some(Done { val: Val::Quarter(y + step, q), range: None, from: NaiveDate::from_ymd_opt(y, 1, 1) })
        });
        return Some(found(QUARTER, i, end, val, true));
    }
    Some(found(QUARTER, i, end, quarter_of_year(ctx, q), true))
}

/// A quarter named without its year: of the latest year in which it has begun by the document
/// date, or of the coming one in a clause about the future.
pub(super) fn quarter_of_year(ctx: &Ctx, q: u32) -> Val {
    let tense = ctx.tense;
    Val::at_anchor(Kind::Quarter, Some(Val::Partial(format!("XXXX-Q{q}"))), move |a| {
        let current = (a.month() - 1) / 3 + 1;
        Some(Val::Quarter(if q <= current || tense == Tense::Future { a.year() } else { a.year() - 1 }, q))
    })
}

/// "the October-to-December period", "the January-March quarter", "the July/September
/// quarter", "the July to September period": three months that make a calendar quarter, named
/// by its first and last month.
pub(super) fn month_span_quarter(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    let (m1, m2, k) = match lw.split_once(['-', '/']) {
        Some((a, b)) => {
            let b = b.strip_prefix("to-").unwrap_or(b);
            (en::month(a)?, en::month(b)?, i + 1)
        }
        None if matches!(words.lw(i + 1), "to" | "through") => (en::month(lw)?, month_at(words, i + 2)?, i + 3),
        None => return None,
    };
    if m1 % 3 != 1 || m2 != m1 + 2 || !matches!(words.lw(k), "period" | "quarter") {
        return None;
    }
    let q = (m1 - 1) / 3 + 1;
    Some(found(MONTH_SPAN_QUARTER, i, k + 1, quarter_of_year(ctx, q), true))
}

/// The quarter an ordinal names: "first"/"1st" 1 … "fourth", "final", "last" 4.
pub(super) fn quarter_number(ordinal: &str) -> Option<u32> {
    Some(match ordinal {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" | "last" => 4,
        _ => return None,
    })
}

/// "fiscal 2020", "fiscal year 2020", "FY2020".
pub(super) fn fiscal_year(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let lw = words.lw(i);
    if let Some(y) = lw.strip_prefix("fy").and_then(|r| r.parse::<i32>().ok()).filter(|y| (1000..=2100).contains(y)) {
        return Some(found(FISCAL_YEAR, i, i + 1, Val::Year(y), false));
    }
    if lw != "fiscal" {
        return None;
    }
    let k = if words.lw(i + 1) == "year" { i + 2 } else { i + 1 };
    let y = year_at(words, k)?;
    Some(found(FISCAL_YEAR, i, k + 1, Val::Year(y), false))
}

/// A bare year: four digits from 1800 to 2100 (earlier ones after "in", "since", ... only), not
/// followed by a unit or a plural count.
pub(super) fn year_form(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    let y = year_at(words, i)?;
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let next = words.lw(i + 1);
    if matches!(prev, "$" | "£" | "€" | "no." | "#" | "number")
        || matches!(next, "%" | "percent" | "pct")
        || clock_mark(words, i + 1)
        || military_range_first(words, i)
    {
        return None; // "1200 hrs", "0950 GMT", "from 1130 to 1215 GMT" are clock times
    }
    if before_christ(next) {
        return None; // "1500 BC": no year of ours
    }
    if y < 1800
        && !matches!(prev, "in" | "since" | "of" | "by" | "until" | "from" | "during" | "before" | "after" | "circa")
    {
        return None;
    }
    Some(found(YEAR, i, i + 1, Val::Year(y), false))
}

/// "nineteen ninety-six" standing alone (transcripts), when no unit or noun it could count follows.
pub(super) fn spelled_year_form(words: &Words<'_>, _: &Ctx, i: usize) -> Option<Found> {
    // "two hundred and two thousand", "six hundred twenty twelve": the end of a larger number.
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    let prev2 = if i > 1 { words.lw(i - 2) } else { "" };
    let number_word = crate::numeral::figure_word;
    if number_word(prev) || prev == "and" && number_word(prev2) {
        return None;
    }
    let (y, end) = spelled_year(words, i)?;
    let next = words.lw(end);
    // A word after it may be what is counted ("nineteen twenty people"), unless a preposition
    // before it asks for a time ("In nineteen ninety-one Charles ...") or an article for one
    // thing ("a nineteen ninety-seven attack").
    let year_context = matches!(prev, "in" | "since" | "of" | "by" | "until" | "during" | "from" | "through")
        || matches!(prev, "a" | "an" | "the") && !next.ends_with('s');
    if time::unit(next).is_some()
        || next.chars().next().is_some_and(char::is_alphabetic)
            && !year_context
            && !matches!(next, "and" | "when" | "on" | "in" | "the" | "a" | "was")
    {
        return None;
    }
    Some(found(SPELLED_YEAR, i, end, Val::Year(y), false))
}
