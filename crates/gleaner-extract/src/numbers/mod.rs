//! Numbers and quantities: every figure a reader would quote, with its bounds, unit, what it
//! counts and what happened to it.
//!
//! One left-to-right scan over the tokens of each extractable sentence. At each token it tries,
//! in order: a qualifier phrase ("at least", "more than", "between", ...), a currency sign, then a
//! *core* number: digits (`1,500`, `2.5`, `.08`, `1e10`, `3/4`, `10k`, `$1.13bn`, `1,500-2,200`,
//! `5km`) or number words (`twenty-five`, `a hundred and twelve`, `two thirds`, `a dozen`,
//! `one and a half million`, `two hundred point zero three`, `one over three`). After the core it
//! reads scale words, `%`/`percent`, currency words and units, a second number of a range
//! (`to`, `-`, `through`, `or`, `and` after `between`) and trailing bounds (`or more`). Then the
//! *context*: the noun phrase counted ("13 coal miners", "hundreds of other members") and
//! the event ("were killed", "killing four people").
//!
//! Each row names the form that read it (`rule`): see [`RULES`] for every name and its meaning.
//!
//! What is not a number row: years and days of dates (they belong to `dates`), times of day,
//! `9/11`-like names, list markers, "No. 10"-like ids, and "one" used as a pronoun ("one of the",
//! "no one", "this one").
//!
//! ```
//! use gleaner_extract::{numbers::Numbers, Pipeline, Qualifier};
//! use gleaner_ingest::{ingest, Body, Metadata, RawDocument};
//!
//! let text = "At least 13 coal miners were killed. The union has between 1,500 and 2,200 members.";
//! let raw = RawDocument { doc_id: "d".into(), source: "d".into(), body: Body::Text(text.into()),
//!     meta: Metadata::default(), issues: vec![] };
//! let (doc, _) = ingest(raw).unwrap();
//! let found = Pipeline::new().with(Numbers::default()).run(&doc);
//! let first = &found.numbers[0];
//! assert_eq!(doc.slice(first.span), "At least 13");
//! assert_eq!((first.value, first.low, first.high), (Some(13.0), Some(13.0), None));
//! assert_eq!(first.qualifier, Qualifier::AtLeast);
//! assert_eq!(first.counted.as_deref(), Some("coal miners"));
//! assert_eq!(first.event.as_deref(), Some("killed"));
//! let range = &found.numbers[1];
//! assert_eq!(doc.slice(range.span), "between 1,500 and 2,200");
//! assert_eq!((range.value, range.low, range.high), (None, Some(1500.0), Some(2200.0)));
//! ```

mod context;
mod counted;

use gleaner_ingest::lang::en::opens_qualifier;
use gleaner_ingest::{Document, Span};

use crate::numeral::{atom, literal, number_at, Atom, Core};
use crate::words::Words;
use crate::{Extraction, Extractor, NumberKind, NumberMention, Qualifier, Rule};
use context::{is_date_part, is_id, is_list_marker, is_pronoun_one, is_time, opens_calendar_period};
use counted::{counted, currency_after, event, is_plural, percent_after, unit_after};
use gleaner_ingest::lang::en::{self, Bound};

/// Every `rule` a numbers row can carry: the form that read the expression. A qualifier ("at least"),
/// a currency, a unit or a trailing bound ("or more") around a number keeps the name of the form
/// that read the number; a form that makes the value itself (a range, a proportion, "5 ft 2 in")
/// names the row.
pub const RULES: &[Rule] = &[
    rule(
        "digits",
        "a number in digits, with a scale, unit or currency glued to it: 1,500; 2.5; 10k; 5km",
        &["The union has 1,500 members."],
    ),
    rule(
        "digit_fraction",
        "a fraction in digits: 3/4; 11-1/2",
        &["Shares rose 3/4 on Monday.", "The bonds closed at 11-1/2."],
    ),
    rule("ordinal_digits", "an ordinal in digits: 21st; 3rd", &["She finished 21st in the race."]),
    rule("range_in_token", "a range written in one token: 1,500-2,200; 5k-20k", &["The army sent 1,500-2,200 troops."]),
    rule("digit_groups", "digit groups separated by spaces: 1 234 567", &["The city has 1 234 567 residents."]),
    rule("mixed_fraction", "a whole number and a fraction in digits: 2 1/4", &["The pipe is 2 1/4 inches wide."]),
    rule(
        "digits_scale",
        "digits followed by scale words: 2.5 million; 4 thousand 3 hundred",
        &["The firm lost 2.5 million dollars."],
    ),
    rule(
        "glued_currency",
        "a currency sign or code glued before the digits: US$75; EUR20",
        &["The ticket cost US$75."],
    ),
    rule("vulgar_fraction", "a fraction character: ½", &["Add ½ cup of sugar."]),
    rule("hyphen_fraction", "a fraction in one hyphenated word: two-thirds", &["Two-thirds of voters agreed."]),
    rule("hyphen_measure", "a number word joined to a unit: six-mile", &["They began a six-mile walk."]),
    rule(
        "hyphen_prefix",
        "a number word before a hyphenated word, cut at the hyphen: five-year",
        &["They signed a five-year deal."],
    ),
    rule(
        "number_words",
        "a number in words: twenty-five; a hundred and twelve; a dozen",
        &["Twenty-five people came."],
    ),
    rule("fraction_words", "a fraction in words: two thirds; one and a half", &["Two thirds of the members voted."]),
    rule("fraction_over", "a fraction with \"over\": one over three", &["The odds were one over three."]),
    rule("fraction_out_of", "a fraction with \"out of\": one out of three", &["One out of three voters stayed home."]),
    rule(
        "vague_amount",
        "a vague plural amount, valued at its lower bound: hundreds; tens of thousands",
        &["Hundreds of people marched."],
    ),
    rule("ordinal_word", "an ordinal word standing alone: third; twenty-first", &["It was the third attempt."]),
    rule("list", "one item of integers listed with commas in one token: 22,24,26", &["Lots 22,24,26,31 were sold."]),
    rule("glued_bound", "a comparison sign glued to the number: >30; <=100", &["Readings >30 are rare."]),
    rule(
        "range_to",
        "a range joined by to, through or thru: 1,500 to 2,200",
        &["The union has 1,500 to 2,200 members."],
    ),
    rule("range_dash", "a range joined by a spaced dash or tilde: 10 - 20", &["The bus carries 10 - 20 people."]),
    rule(
        "range_between",
        "a range with between ... and: between 20 and 30",
        &["The union has between 20 and 30 members."],
    ),
    rule("range_or", "a range of two number words joined by or: two or three", &["Two or three people came."]),
    rule(
        "range_bounds",
        "a lower and an upper bound joined into one range: more than 10 and less than 40",
        &["More than 10 and less than 40 people came."],
    ),
    rule("proportion_in", "a proportion: one in five", &["One in five adults smoke."]),
    rule("feet_inches", "feet and inches: 5 ft 2 in", &["She is 5 ft 2 in tall."]),
    rule(
        "money_minor",
        "a major and a minor currency unit: 13 dollars and 45 cents",
        &["It cost 13 dollars and 45 cents."],
    ),
];

const fn rule(name: &'static str, meaning: &'static str, examples: &'static [&'static str]) -> Rule {
    Rule { name, meaning, examples }
}

/// The numbers extractor. See the module docs.
#[derive(Debug, Default, Clone, Copy)]
pub struct Numbers;

impl Extractor for Numbers {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn makes(&self) -> &'static [crate::Rows] {
        &[crate::Rows::Numbers]
    }

    /// Every number of the text; what a date expression covers is left to `dates` by the
    /// pipeline's overlap step ([`crate::overlap::dates_over_numbers`]).
    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let mut words = Words::default();
        let mut rows = Vec::new();
        words.each_sentence(doc, |words, i| {
            rows.clear();
            scan(words, i, &mut rows);
            out.numbers.append(&mut rows);
        });
    }
}

// ------------------------------------------------------------------ frames around the core

/// Can a number made of words start with `w`? The gate before the word grammar runs.
fn opens_number_word(w: &str) -> bool {
    en::numbers::small(w).is_some()
        || en::numbers::scale(w).is_some()
        || en::numbers::vague(w).is_some()
        || matches!(w, "a" | "an" | "hundred" | "dozen" | "dozens" | "minus" | "negative" | "tens" | "half" | "quarter")
        || w.contains('-')
        || en::numbers::ordinal(w).is_some()
}

fn qualifier(words: &Words<'_>, i: usize) -> Option<(Bound, usize)> {
    gleaner_ingest::lang::en::qualifier_at(|k| words.lw(i + k)).map(|(phrase, bound)| (bound, phrase.len()))
}

/// Lowered currency sign at `i`, or a sign glued to the digits ("US$75").
fn currency_before(words: &Words<'_>, i: usize) -> Option<&'static str> {
    en::numbers::currency_sign(words.w(i))
}

// ------------------------------------------------------------------ the scan

struct Expr {
    start: usize,
    core: Core,
    bound: Option<Bound>,
    high: Option<f64>,
    end: usize,
    end_byte: Option<u32>,
    money: Option<&'static str>,
    percent: bool,
}

fn scan(words: &Words<'_>, sentence: u32, out: &mut Vec<NumberMention>) {
    let n = words.len();
    let mut i = 0;
    let mut rows: Vec<(Expr, NumberMention)> = Vec::new();
    while i < n {
        if let Some(items) = list_items(words, i) {
            // "22,24,26,31": one row per item.
            for (span, value) in items {
                let mut core = Core::new(value, i, i + 1, "list");
                core.cut_end = Some(span.end);
                let row = NumberMention {
                    sentence,
                    span,
                    value: Some(value),
                    low: Some(value),
                    high: Some(value),
                    qualifier: Qualifier::Exact,
                    kind: NumberKind::Cardinal,
                    unit: None,
                    counted: None,
                    event: None,
                    rule: "list",
                };
                let expr = Expr {
                    start: i,
                    core,
                    bound: None,
                    high: None,
                    end: i + 1,
                    end_byte: Some(span.end),
                    money: None,
                    percent: false,
                };
                rows.push((expr, row));
            }
            i += 1;
            continue;
        }
        match expression(words, i) {
            Some(expr) => {
                let next = expr.end.max(i + 1);
                if let Some(row) = row(words, sentence, &expr) {
                    rows.push((expr, row));
                }
                i = next;
            }
            None => i += 1,
        }
    }
    // "more than 10 and less than 40": a lower and an upper bound joined by and/but/, make one range.
    let mut k = 0;
    while k < rows.len() {
        if k + 1 < rows.len() {
            let (a, b) = (&rows[k], &rows[k + 1]);
            let gap_ok = (a.0.end..b.0.start).all(|j| matches!(words.lw(j), "and" | "but" | ","));
            let lower =
                |r: &NumberMention| matches!(r.qualifier, Qualifier::AtLeast | Qualifier::MoreThan) && r.high.is_none();
            let upper =
                |r: &NumberMention| matches!(r.qualifier, Qualifier::AtMost | Qualifier::LessThan) && r.low.is_none();
            let pair = if lower(&a.1) && upper(&b.1) {
                Some((a.1.low, b.1.high))
            } else if upper(&a.1) && lower(&b.1) {
                Some((b.1.low, a.1.high))
            } else {
                None
            };
            if let Some((Some(lo), Some(hi))) = pair {
                if b.0.start > a.0.end && b.0.start - a.0.end <= 2 && gap_ok && lo < hi && a.1.kind == b.1.kind {
                    let mut merged = a.1.clone();
                    merged.span = Span { start: a.1.span.start, end: b.1.span.end };
                    merged.value = None;
                    merged.low = Some(lo);
                    merged.high = Some(hi);
                    merged.qualifier = Qualifier::Range;
                    merged.rule = "range_bounds";
                    merged.counted = b.1.counted.clone().or(merged.counted);
                    merged.event = b.1.event.clone().or(merged.event);
                    out.push(merged);
                    k += 2;
                    continue;
                }
            }
        }
        out.push(rows[k].1.clone());
        k += 1;
    }
}

/// A token that lists integers with commas but no valid thousands grouping ("22,24,26,31"):
/// each item with its byte span.
fn list_items(words: &Words<'_>, i: usize) -> Option<Vec<(Span, f64)>> {
    let w = words.w(i);
    if !w.contains(',') || !w.bytes().all(|b| b.is_ascii_digit() || b == b',') || w.starts_with(',') || w.ends_with(',')
    {
        return None;
    }
    if literal(w).is_some_and(|l| l.rest.is_empty()) {
        return None; // "1,500": one number
    }
    let base = words.spans[i].start;
    let mut out = Vec::new();
    let mut at = 0u32;
    for item in w.split(',') {
        let value: f64 = item.parse().ok()?;
        out.push((Span { start: base + at, end: base + at + item.len() as u32 }, value));
        at += item.len() as u32 + 1;
    }
    Some(out)
}

/// ">30", "<-30", ">=30", "<=100": a comparison sign glued to the number.
fn glued_bound(words: &Words<'_>, i: usize) -> Option<Expr> {
    let w = words.w(i);
    let (bound, at) = if w.starts_with(">=") || w.starts_with("≥") {
        (Bound::AtLeast, if w.starts_with('≥') { '≥'.len_utf8() } else { 2 })
    } else if w.starts_with("<=") || w.starts_with("≤") {
        (Bound::AtMost, if w.starts_with('≤') { '≤'.len_utf8() } else { 2 })
    } else if w.starts_with('>') {
        (Bound::MoreThan, 1)
    } else if w.starts_with('<') {
        (Bound::LessThan, 1)
    } else {
        return None;
    };
    let lit = literal(&w[at..]).filter(|l| l.rest.is_empty())?;
    let core = Core::new(lit.value, i, i + 1, "glued_bound");
    Some(Expr {
        start: i,
        core,
        bound: Some(bound),
        high: None,
        end: i + 1,
        end_byte: None,
        money: None,
        percent: false,
    })
}

fn expression(words: &Words<'_>, i: usize) -> Option<Expr> {
    // Cheap gate: most tokens cannot start a number expression.
    let w = words.w(i);
    let c = w.chars().next()?;
    if c.is_alphabetic() {
        let lw = words.lw(i);
        let glued_money = w.bytes().any(|b| b.is_ascii_digit());
        if !(opens_qualifier(lw) || opens_number_word(lw) || glued_money || en::numbers::iso_code(w).is_some()) {
            return None;
        }
    } else if !(c.is_ascii_digit() || "$£€¥₹₩₽₦₺₿₾<>≥≤-.".contains(c) || en::numbers::vulgar(c).is_some())
    {
        return None;
    }
    if let Some(expr) = glued_bound(words, i) {
        return Some(expr);
    }
    let (bound, qlen) = qualifier(words, i).unwrap_or((Bound::Exact, 0));
    let bound = (qlen > 0).then_some(bound);
    let mut j = i + qlen;
    // "between the tenth and the fifteenth"
    if bound.is_some() && words.lw(j) == "the" && en::numbers::ordinal(words.lw(j + 1)).is_some() {
        j += 1;
    }
    let money_sign = currency_before(words, j);
    if money_sign.is_some() {
        j += 1;
    }
    let core = number_at(words, j)?;
    if bound.is_none() && money_sign.is_none() && core.start != i {
        return None;
    }
    let mut expr = Expr {
        start: i,
        core,
        bound,
        high: core.high,
        end: core.end,
        end_byte: core.cut_end,
        money: money_sign.or(core.money),
        percent: false,
    };
    let length_adjective =
        matches!(words.lw(expr.core.end), "tall" | "long" | "high" | "wide" | "deep" | "away" | "across");
    if expr.core.scaled && expr.money.is_none() && length_adjective && words.w(expr.core.start).ends_with('m') {
        // "1.8m tall": metres, not a million.
        expr.core.value = literal(words.w(expr.core.start)).map_or(expr.core.value, |l| l.value);
        expr.core.scaled = false;
        expr.core.unit = Some("m");
        expr.core.kind = NumberKind::Measure;
    }
    if expr.money.is_some() && expr.core.unit == Some("m") {
        // "£600m": after a currency sign, m is million, not metre.
        expr.core.value *= 1e6;
        expr.core.unit = None;
        expr.core.kind = NumberKind::Cardinal;
        expr.core.scaled = true;
    }
    if core.cut_end.is_some() {
        return Some(expr);
    }
    after_core(words, &mut expr);
    if bound == Some(Bound::From) && expr.high.is_none() {
        // "from 639 mln dlrs": a start point, not a qualifier of the figure.
        expr.start = i + qlen;
    }
    Some(expr)
}

/// Units, percent, currency words, ranges and trailing bounds after the core.
fn after_core(words: &Words<'_>, expr: &mut Expr) {
    let mut j = expr.core.end;
    let read_kind = |expr: &mut Expr, j: &mut usize| {
        if let Some(k) = percent_after(words, *j) {
            expr.percent = true;
            *j = k;
        } else if let Some((c, k, scale)) = currency_after(words, *j) {
            if expr.money.is_none() || c != "USD" {
                expr.money = Some(c);
            }
            *j = k;
            if scale != 1.0 {
                expr.core.value *= scale;
                expr.core.scaled = true;
            }
            // "75 USD million"
            if let Some(Atom::Scale(s)) = atom(words, *j).filter(|_| !expr.core.scaled) {
                expr.core.value *= s;
                expr.core.scaled = true;
                *j += 1;
            }
            // "13 dollars and 45 cents", "15 dollars 50": the minor unit after the major one.
            if !c.contains('/') && !expr.core.scaled {
                let k0 = if words.lw(*j) == "and" { *j + 1 } else { *j };
                if let Some(minor) = number_at(words, k0).filter(|m| {
                    m.value < 100.0 && m.value.fract() == 0.0 && m.kind == NumberKind::Cardinal && m.cut_end.is_none()
                }) {
                    let after = words.lw(minor.end);
                    let minor_word = matches!(after, "cents" | "cent" | "pence" | "p" | "penny");
                    let ends = after.is_empty() || matches!(after, "." | "," | "!" | "?" | ";");
                    if minor_word || ends {
                        expr.core.value += minor.value / 100.0;
                        expr.core.rule = "money_minor";
                        *j = minor.end + usize::from(minor_word);
                    }
                }
            }
        } else if expr.core.unit.is_none() && expr.money.is_none() {
            if let Some((u, k)) = unit_after(words, *j) {
                expr.core.unit = Some(u);
                expr.core.kind = NumberKind::Measure;
                *j = k;
            }
        }
    };
    read_kind(expr, &mut j);
    // "5 ft 2 in", "5 feet 2 inches".
    if expr.core.unit == Some("ft") {
        if let Some(inches) = number_at(words, j).filter(|n| n.value < 12.0 && n.cut_end.is_none()) {
            if matches!(words.lw(inches.end), "in" | "inch" | "inches" | "\"") {
                expr.core.value += inches.value / 12.0;
                expr.core.rule = "feet_inches";
                j = inches.end + 1;
            }
        }
    }
    // "one in five", "1 in twenty-one": a proportion (a smaller number "in" a larger one).
    if words.lw(j) == "in" && expr.bound.is_none() && expr.money.is_none() && !expr.percent && expr.core.unit.is_none()
    {
        if let Some(den) = number_at(words, j + 1).filter(|d| d.cut_end.is_none() && d.kind == NumberKind::Cardinal) {
            let small = expr.core.value >= 1.0 && expr.core.value <= 10.0 && expr.core.value.fract() == 0.0;
            if small && den.value > expr.core.value && den.plain_digits.is_none_or(|v| v < 1000) {
                expr.core.value /= den.value;
                expr.core.kind = NumberKind::Fraction;
                expr.core.rule = "proportion_in";
                expr.core.plain_digits = None;
                j = den.end;
            }
        }
    }
    // A range: "1,500 to 2,200", "between 20 and 30", "two or three", "$5 million to $10 million".
    let joiner = words.lw(j);
    let range_joiner = match joiner {
        "to" | "-" | "–" | "—" | "through" | "thru" | "~" => true,
        "and" => expr.bound == Some(Bound::Between),
        "or" => expr.bound.is_none() && expr.core.single_word,
        _ => false,
    };
    if range_joiner && expr.high.is_none() {
        let mut k = j + 1;
        if words.lw(k) == "the" && expr.core.kind == NumberKind::Ordinal {
            k += 1;
        }
        let sign = currency_before(words, k);
        if sign.is_some() {
            k += 1;
        }
        if let Some(second) = number_at(words, k) {
            let mut second_expr = Expr {
                start: k,
                core: second,
                bound: None,
                high: None,
                end: second.end,
                end_byte: None,
                money: sign,
                percent: false,
            };
            let mut m = second.end;
            read_kind(&mut second_expr, &mut m);
            let same_kind = second.kind == expr.core.kind || matches!(second.kind, NumberKind::Cardinal);
            let compatible = (expr.money.is_none() || second_expr.money.is_none() || expr.money == second_expr.money)
                && (second_expr.percent || !expr.percent)
                && !(expr.money.is_some() && second_expr.percent)
                && (expr.core.unit.is_none()
                    || second_expr.core.unit.is_none()
                    || expr.core.unit == second_expr.core.unit)
                && same_kind
                && second.cut_end.is_none();
            let mut low = expr.core.value;
            // "1.5 to 2 million": the scale of the second applies to the first.
            if second.scaled && !expr.core.scaled && low < second.value / 1000.0 {
                let scale =
                    [1e3, 1e6, 1e9, 1e12].into_iter().rev().find(|s| second.value >= *s && (second.value / s) < 1000.0);
                if let Some(s) = scale {
                    low *= s;
                }
            }
            if compatible && low < second.value {
                expr.core.value = low;
                expr.core.rule = match joiner {
                    "and" => "range_between",
                    "or" => "range_or",
                    "to" | "through" | "thru" => "range_to",
                    _ => "range_dash",
                };
                expr.high = Some(second.value);
                expr.money = expr.money.or(second_expr.money);
                expr.percent |= second_expr.percent;
                if second_expr.core.unit.is_some() && expr.core.unit.is_none() {
                    expr.core.unit = second_expr.core.unit;
                    expr.core.kind = NumberKind::Measure;
                }
                j = m;
                if expr.bound.is_none() || expr.bound == Some(Bound::From) {
                    expr.bound = Some(Bound::Between);
                }
            }
        }
    }
    // "500 or more", "200 or greater than", "5000 or less".
    if words.lw(j) == "or" && expr.high.is_none() && matches!(expr.bound, None | Some(Bound::Approx)) {
        let next = words.lw(j + 1);
        let b = match next {
            "more" | "greater" | "higher" | "above" | "over" | "larger" => Some(Bound::AtLeast),
            "less" | "fewer" | "lower" | "below" | "under" | "smaller" => Some(Bound::AtMost),
            _ => None,
        };
        if let Some(b) = b {
            if expr.bound == Some(Bound::Approx) {
                expr.start = expr.core.start; // "about five hundred or more": the bound is the figure's
            }
            expr.bound = Some(b);
            j += 2;
            if words.lw(j) == "than" && number_at(words, j + 1).is_none() {
                j += 1;
            }
        }
    }
    if expr.bound == Some(Bound::From) {
        expr.bound = None;
    }
    expr.end = j;
}

/// Rounds to 12 significant digits: "151.5 pence" is 1.515, not 1.5150000000000001.
fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 12 - 1 - x.abs().log10().floor() as i32;
    if !(-300..=300).contains(&digits) {
        return x;
    }
    let m = 10f64.powi(digits);
    let r = (x * m).round() / m;
    if r.is_finite() {
        r
    } else {
        x
    }
}

fn row(words: &Words<'_>, sentence: u32, expr: &Expr) -> Option<NumberMention> {
    let core = &expr.core;
    let bare =
        expr.bound.is_none() && expr.money.is_none() && !expr.percent && core.unit.is_none() && expr.high.is_none();
    let year_like = |v: f64| (1800.0..=2100.0).contains(&v) && v.fract() == 0.0;
    if let Some(h) = expr.high {
        // "between 1946 and 1957", "1999-2004": a span of years, for `dates` (unless it counts
        // something: "between 1500 and 2000 troops").
        let plain = core.plain_digits.is_some() || core.high.is_some() && !core.scaled;
        let counts = counted(words, expr.end, false).is_some_and(|(_, b)| is_plural(words.lw(b - 1)));
        if plain && year_like(core.value) && year_like(h) && expr.money.is_none() && !expr.percent && !counts {
            return None;
        }
    }
    if bare
        && (is_date_part(words, core)
            || is_pronoun_one(words, core)
            || is_list_marker(words, core)
            || is_id(words, core))
    {
        return None;
    }
    if is_time(words, core) || (expr.bound.is_none() && expr.money.is_none() && opens_calendar_period(words, core)) {
        return None;
    }
    let (mut kind, mut unit) = (core.kind, core.unit.map(str::to_owned));
    let mut factor = 1.0;
    if let Some(m) = expr.money {
        kind = NumberKind::Money;
        let (code, div) = match m.split_once('/') {
            Some((c, d)) => (c, d.parse::<f64>().unwrap_or(1.0)),
            None => (m, 1.0),
        };
        factor = 1.0 / div;
        unit = Some(code.to_owned());
    } else if expr.percent {
        kind = NumberKind::Percent;
        unit = Some("%".to_owned());
    }
    let v = round_sig(core.value * factor);
    let high = expr.high.map(|h| round_sig(h * factor));
    if !v.is_finite() || high.is_some_and(|h| !h.is_finite()) {
        return None; // "1e400": no quoted figure is infinite
    }
    let (value, low, hi, qualifier) = if let Some(h) = high {
        (None, Some(v), Some(h), Qualifier::Range)
    } else if core.vague {
        (None, Some(v), None, Qualifier::Vague)
    } else {
        match expr.bound {
            None | Some(Bound::Exact) | Some(Bound::Between) | Some(Bound::From) => {
                (Some(v), Some(v), Some(v), Qualifier::Exact)
            }
            Some(Bound::AtLeast) => (Some(v), Some(v), None, Qualifier::AtLeast),
            Some(Bound::MoreThan) => (Some(v), Some(v), None, Qualifier::MoreThan),
            Some(Bound::AtMost) => (Some(v), None, Some(v), Qualifier::AtMost),
            Some(Bound::LessThan) => (Some(v), None, Some(v), Qualifier::LessThan),
            Some(Bound::Approx) => (Some(v), None, None, Qualifier::Approx),
            Some(Bound::ApproxBelow) => (Some(v), None, Some(v), Qualifier::Approx),
        }
    };
    let (counted_text, head, np_end) = if matches!(kind, NumberKind::Cardinal | NumberKind::Fraction) || core.vague {
        let np = counted(words, expr.end, core.vague || core.kind == NumberKind::Fraction);
        // More than one of something is a plural: without a plural head the words after the
        // number are a verb or a clause ("eight picked ...").
        let singular_ok = core.value == 1.0 && expr.high.is_none() && !core.vague;
        match np.filter(|&(_, b)| singular_ok || is_plural(words.lw(b - 1))) {
            Some((a, b)) => {
                let span = Span { start: words.spans[a].start, end: words.spans[b - 1].end };
                (Some(words.text[span.range()].to_owned()), Some(words.lw(b - 1)), b)
            }
            None => (None, None, expr.end),
        }
    } else {
        (None, None, expr.end)
    };
    let start = words.spans[expr.start].start;
    let end = expr.end_byte.unwrap_or(words.spans[expr.end - 1].end);
    // An age or a length of time joined to the number ("killed 40-year-old Terence Crutcher",
    // "a 12-month-old boy") counts years, not the people the verb is done to.
    let after = &words.text[end as usize..];
    let age = ["-year", "-month", "-week", "-day", " year-old", " years old", " year old"]
        .iter()
        .any(|a| after.get(..a.len()).is_some_and(|x| x.eq_ignore_ascii_case(a)));
    let event =
        if matches!(kind, NumberKind::Cardinal) && !age { event(words, expr.start, np_end, head) } else { None };
    Some(NumberMention {
        sentence,
        span: Span { start, end },
        value,
        low,
        high: hi,
        qualifier,
        kind,
        unit,
        counted: counted_text,
        event: event.map(str::to_owned),
        rule: core.rule,
    })
}

#[cfg(test)]
mod tests;
