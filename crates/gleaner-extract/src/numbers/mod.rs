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

mod lexicon;

use gleaner_ingest::{Document, Span};

use crate::words::Words;
use crate::{Extraction, Extractor, NumberKind, NumberMention, Qualifier};
use lexicon::Bound;

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

    fn extract(&self, doc: &Document, out: &mut Extraction) {
        let mut words = Words::default();
        let mut rows = Vec::new();
        words.each_sentence(doc, |words, i| {
            rows.clear();
            scan(words, i, &mut rows);
            // What a date expression covers belongs to `dates` ("nearly 20 years", "the first
            // four months of 2021"), when a dates extractor ran before this one.
            let dates = &out.dates;
            out.numbers.extend(rows.drain(..).filter(|n| !covered(dates, n.span)));
        });
    }
}

/// Does a date expression overlap `span`? `dates` is in text order and its spans do not overlap
/// (the dates scan emits them left to right), so a binary search finds the only candidate.
fn covered(dates: &[crate::DateMention], span: Span) -> bool {
    debug_assert!(dates.windows(2).all(|w| w[0].span.end <= w[1].span.start), "dates out of order");
    let k = dates.partition_point(|d| d.span.end <= span.start);
    dates.get(k).is_some_and(|d| d.span.start < span.end)
}

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Core {
    value: f64,
    /// Token range `[start, end)`.
    start: usize,
    end: usize,
    /// Byte end inside the last token, when only a prefix of it is the number ("five" of "five-year").
    cut_end: Option<u32>,
    kind: NumberKind,
    unit: Option<&'static str>,
    money: Option<&'static str>,
    /// Upper end of a range written in one token ("1,500-2,200", "5k-20k").
    high: Option<f64>,
    /// A vague plural ("hundreds"): `value` is its lower bound.
    vague: bool,
    /// Has a scale word or suffix ("million", "bn", "k").
    scaled: bool,
    /// A plain integer of 1–4 digits without separators (year and day candidates).
    plain_digits: Option<u32>,
    /// Made of a single number word ("one", "first").
    single_word: bool,
}

impl Core {
    fn new(value: f64, start: usize, end: usize) -> Core {
        Core {
            value,
            start,
            end,
            cut_end: None,
            kind: NumberKind::Cardinal,
            unit: None,
            money: None,
            high: None,
            vague: false,
            scaled: false,
            plain_digits: None,
            single_word: false,
        }
    }
}

// ------------------------------------------------------------------ digit literals

/// A number written with digits at the start of a token: value and the unparsed rest.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Literal<'a> {
    value: f64,
    rest: &'a str,
    integer: bool,
    separators: bool,
    digits: usize,
    fraction: bool,
}

fn literal(s: &str) -> Option<Literal<'_>> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-') && b.len() > 1 && (b[1].is_ascii_digit() || b[1] == b'.');
    if negative {
        i = 1;
    }
    // The digits are parsed from the token itself; only a number with thousands separators
    // needs a copy without its commas (this runs for every token that starts with a digit).
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    let mut without_commas: Option<String> = None;
    // Thousands separators: groups of three ("1,234,567"), or Indian groups of two ending in a
    // group of three ("12,34,567"). Any other comma ends the number ("22,24,26" is a list).
    if b.get(i) == Some(&b',') && (1..=3).contains(&digits) {
        let mut groups = Vec::new();
        let mut k = i;
        while b.get(k) == Some(&b',') {
            let run = b[k + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run == 0 {
                break;
            }
            groups.push(run);
            k += 1 + run;
        }
        let western = !groups.is_empty() && groups.iter().all(|&r| r == 3);
        let indian = groups.len() >= 2
            && groups.last() == Some(&3)
            && groups[..groups.len() - 1].iter().all(|&r| r == 2)
            && digits <= 2;
        if western || indian {
            digits += groups.iter().sum::<usize>();
            without_commas = Some(s[int_start..k].replace(',', ""));
            i = k;
        }
    }
    let separators = without_commas.is_some();
    let mut integer = true;
    let frac_start = i;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        integer = false;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if digits == 0 && integer {
        return None;
    }
    let mut value: f64 = match &without_commas {
        Some(int) if integer => int.parse().ok()?,
        Some(int) => format!("{int}{}", &s[frac_start..i]).parse().ok()?,
        None => s[int_start..i].parse().ok()?,
    };
    let mut fraction = false;
    // "11-1/2", "3-3/4": a whole number and a fraction, as market reports write prices.
    if integer && !separators && !negative {
        if let Some(r) = s[i..].strip_prefix('-') {
            let a = r.bytes().take_while(u8::is_ascii_digit).count();
            let b = r[a..].strip_prefix('/').map_or(0, |x| x.bytes().take_while(u8::is_ascii_digit).count());
            if a > 0 && b > 0 && r.len() == a + 1 + b {
                let (num, den): (f64, f64) = (r[..a].parse().ok()?, r[a + 1..].parse().ok()?);
                if num >= 1.0 && num < den && matches!(den as u32, 2 | 4 | 8 | 16 | 32 | 64) {
                    value += num / den;
                    i = s.len();
                    fraction = true;
                    integer = false;
                }
            }
        }
    }
    // Exponents: 1e10, 12.32e+14, 1.1^23, 1.3x10^6.
    let rest = &s[i..];
    let exp = |r: &str| -> Option<(f64, usize)> {
        let rb = r.as_bytes();
        let mut k = 0;
        if matches!(rb.first(), Some(b'+') | Some(b'-')) {
            k = 1;
        }
        let n = rb[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        Some((r[..k + n].parse().ok()?, k + n))
    };
    if let Some(r) = rest.strip_prefix(['e', 'E']) {
        if let Some((e, n)) = exp(r) {
            value *= 10f64.powf(e);
            i += 1 + n;
            integer = value.fract() == 0.0;
        }
    } else if let Some(r) = rest.strip_prefix('^') {
        if let Some((e, n)) = exp(r) {
            value = value.powf(e);
            i += 1 + n;
            integer = value.fract() == 0.0;
        }
    } else if let Some(r) = rest.strip_prefix("x10^").or_else(|| rest.strip_prefix("×10^")) {
        if let Some((e, n)) = exp(r) {
            value *= 10f64.powf(e);
            i += rest.len() - r.len() + n;
        }
    } else if let Some(r) = rest.strip_prefix('/') {
        // A fraction: small proper fractions only ("3/4"), never "9/11" or "24/7".
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        let den: f64 = r[..n].parse().ok()?;
        let proper = integer && !separators && value >= 1.0 && value < den;
        let usual = matches!(den as u32, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100);
        if !(proper && usual) || r[n..].starts_with(|c: char| c.is_ascii_digit() || c == '/') {
            return None;
        }
        value /= den;
        fraction = true;
        integer = false;
        i += 1 + n;
    }
    if negative {
        value = -value;
    }
    Some(Literal { value, rest: &s[i..], integer, separators, digits, fraction })
}

/// Scale written as a suffix of the digits, case-sensitive where it matters ("10M" is ten
/// million, "10m" ten metres unless it is money or has decimals).
fn suffix_scale(rest: &str, decimal_or_money: bool) -> Option<f64> {
    Some(match rest {
        "k" | "K" => 1e3,
        "M" | "MM" | "mil" | "mln" | "mn" => 1e6,
        "m" if decimal_or_money => 1e6,
        "b" | "B" | "bn" | "bln" => 1e9,
        "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

// ------------------------------------------------------------------ number words

/// One word of a number, classified.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Atom {
    /// 0–99 from words ("twenty-one"), or a digit literal.
    Num(f64, bool),
    Hundred,
    Scale(f64),
    Dozen,
    Denom(f64),
    And,
    A,
    Point,
    Over,
    Minus,
    Of,
}

fn atom(words: &Words<'_>, i: usize) -> Option<Atom> {
    let lw = words.lw(i);
    if lw.is_empty() {
        return None;
    }
    if lw.as_bytes()[0].is_ascii_digit() {
        let lit = literal(words.w(i))?;
        return (lit.rest.is_empty() && !lit.fraction).then_some(Atom::Num(lit.value, true));
    }
    if let Some(v) = lexicon::small(lw) {
        return Some(Atom::Num(f64::from(v), false));
    }
    if let Some((t, u)) = lw.split_once('-') {
        if let (Some(t), Some(u)) = (lexicon::tens(t), lexicon::small(u).filter(|&u| (1..10).contains(&u))) {
            return Some(Atom::Num(f64::from(t + u), false));
        }
        if let Some(d) = lexicon::denominator(lw) {
            return Some(Atom::Denom(d));
        }
    }
    Some(match lw {
        "hundred" => Atom::Hundred,
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Atom::Dozen,
        "and" => Atom::And,
        "a" | "an" => Atom::A,
        "point" => Atom::Point,
        "over" => Atom::Over,
        "minus" | "negative" => Atom::Minus,
        "of" => Atom::Of,
        _ => {
            if let Some(s) = lexicon::scale(lw) {
                return Some(Atom::Scale(s));
            }
            return lexicon::denominator(lw).map(Atom::Denom);
        }
    })
}

/// Parses a number made of words (and digits with scale words: "4 thousand 3 hundred and 21")
/// starting at token `i`. Returns the core, or `None` when no number starts there.
fn words_number(words: &Words<'_>, i: usize) -> Option<Core> {
    let n = words.len();
    let mut j = i;
    let mut sign = 1.0;
    if atom(words, j) == Some(Atom::Minus) {
        sign = -1.0;
        j += 1;
    }
    let start_j = j;
    // total: finished big-scale groups; cur: the group under way; base/since: around the last "and".
    let (mut total, mut cur) = (0.0f64, 0.0f64);
    let mut last_scale: Option<f64> = None;
    let mut prev: Option<Atom> = None;
    let mut best: Option<(f64, usize, NumberKind, bool)> = None; // value, end, kind, scaled
    let mut after_and = false;
    let mut and_after_hundred = false;
    let mut checkpoint = None;
    let mut base_before_and = 0.0;
    let mut any_digits = false;
    let mut scaled = false;
    let mut tens_open = false;
    // The tens word just read, when it came straight after "hundred" or a scale word.
    let mut tens_after_scale: Option<f64> = None;
    let mut hundreds_done = false;
    while j < n {
        let Some(a) = atom(words, j) else { break };
        match a {
            Atom::Num(v, digits) => {
                let ok = match prev {
                    None => true,
                    Some(Atom::Scale(_)) => cur == 0.0,
                    Some(Atom::Hundred) => v < 100.0 && !digits,
                    Some(Atom::And) => v < 100.0 || (cur == 0.0 && last_scale.is_some()),
                    Some(Atom::Num(..)) => tens_open && !digits && v < 10.0,
                    Some(Atom::A) => false,
                    _ => false,
                };
                if !ok {
                    // "three twenty firsts" (3/21), "one one hundred fifth" (1/105): a new number
                    // that ends in an ordinal is the denominator of the one before.
                    if matches!(prev, Some(Atom::Num(..)) | Some(Atom::Hundred) | Some(Atom::Scale(_))) {
                        if let Some((d, end)) = compound_denominator(words, j, total + cur == 1.0) {
                            best = Some(((total + cur) / d, end, NumberKind::Fraction, false));
                        }
                    }
                    break;
                }
                // "- " joining "ninety - five": allowed via hyphen token handled below.
                if digits {
                    any_digits = true;
                }
                tens_open = !digits
                    && v >= 20.0
                    && v % 10.0 == 0.0
                    && matches!(prev, None | Some(Atom::Hundred) | Some(Atom::Scale(_)) | Some(Atom::And));
                tens_after_scale =
                    tens_open.then_some(v).filter(|_| matches!(prev, Some(Atom::Hundred) | Some(Atom::Scale(_))));
                cur += v;
                best = Some((total + cur, j + 1, NumberKind::Cardinal, scaled));
            }
            Atom::Hundred => {
                // "fifteen hundred"; in digits any count of hundreds ("322 hundred" is 32,200).
                let digits_lead = matches!(prev, Some(Atom::Num(_, true))) && j == start_j + 1;
                let ok = matches!(prev, Some(Atom::Num(..)) | Some(Atom::A) | None)
                    && (cur < 100.0 || digits_lead)
                    && !hundreds_done;
                if !ok {
                    if after_and && hundreds_done {
                        // "3 hundred and 2 hundred": two numbers; the first ends before "and".
                        best = checkpoint;
                    }
                    break;
                }
                cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
                hundreds_done = true;
                tens_open = false;
                best = Some((total + cur, j + 1, NumberKind::Cardinal, scaled));
            }
            Atom::Scale(s) => {
                let stacking = matches!(prev, Some(Atom::Scale(p)) if s > p);
                if stacking {
                    total *= s;
                } else if matches!(
                    prev,
                    Some(Atom::Num(..)) | Some(Atom::Hundred) | Some(Atom::A) | Some(Atom::Denom(_))
                ) {
                    if last_scale.is_some_and(|l| s >= l) && cur < 1.0 && cur > 0.0 {
                        // "one billion and a half million": the fraction scales by its own word.
                        total += cur * s;
                    } else if last_scale.is_some_and(|l| s >= l) {
                        break;
                    } else {
                        total += if cur == 0.0 { 1.0 } else { cur } * s;
                    }
                } else {
                    break;
                }
                cur = 0.0;
                last_scale = Some(s);
                scaled = true;
                hundreds_done = false;
                tens_open = false;
                after_and = false;
                best = Some((total, j + 1, NumberKind::Cardinal, true));
            }
            Atom::Dozen => {
                if !matches!(prev, Some(Atom::Num(..)) | Some(Atom::A) | Some(Atom::Denom(_))) {
                    break;
                }
                if after_and {
                    cur = base_before_and + (cur - base_before_and) * 12.0;
                } else {
                    cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
                }
                best = Some((total + cur, j + 1, NumberKind::Cardinal, scaled));
            }
            Atom::Denom(d) => {
                let whole_word = words.lw(j);
                let numerator_ok =
                    matches!(prev, Some(Atom::Num(..)) | Some(Atom::A) | Some(Atom::Hundred) | Some(Atom::Scale(_)));
                let before_scale = atom(words, j + 1).is_some_and(|a| matches!(a, Atom::Scale(_)));
                let alone = prev.is_none() && (whole_word == "half" || whole_word == "quarter" && before_scale);
                if !numerator_ok && !alone {
                    break;
                }
                if alone && before_scale {
                    // "quarter million"
                    cur = 1.0 / d;
                    tens_open = false;
                    prev = Some(Atom::Denom(d));
                    j += 1;
                    continue;
                }
                // "and" right after "hundred" is inside the number when the fraction is improper
                // ("one hundred and thirty fifths" is 130/5) and separates a proper one ("one
                // hundred and three quarters" is 100.75); elsewhere it always separates a whole
                // and a fraction ("twenty and three fifths", "one million and a half").
                // "one hundred thirty fifths" is 100/35: with no "and", the tens word and the
                // ordinal make one denominator.
                if let Some(t) = tens_after_scale.filter(|_| tens_open && d < 10.0 && whole_word.ends_with('s')) {
                    let numerator = total + cur - t;
                    if numerator > 0.0 {
                        best = Some((numerator / (t + d), j + 1, NumberKind::Fraction, false));
                        break;
                    }
                }
                let separate = after_and && (!and_after_hundred || cur - base_before_and < d);
                let numerator = if alone {
                    1.0
                } else if separate {
                    cur - base_before_and
                } else {
                    let whole = total + cur;
                    total = 0.0;
                    whole
                };
                let frac = numerator / d;
                if separate {
                    match (last_scale, base_before_and == 0.0 && total > 0.0) {
                        (Some(s), true) if !matches!(atom(words, j + 1), Some(Atom::Scale(_))) => {
                            total += frac * s;
                            cur = 0.0;
                        }
                        _ => cur = base_before_and + frac,
                    }
                } else {
                    cur = frac;
                }
                tens_open = false;
                best = Some((total + cur, j + 1, NumberKind::Fraction, scaled));
            }
            Atom::And => {
                // Only when a number part follows, and not after a finished fraction ("five and a
                // quarter and two hundred" is two numbers).
                if prev.is_none()
                    || matches!(prev, Some(Atom::Denom(_)))
                    || !matches!(atom(words, j + 1), Some(Atom::Num(..)) | Some(Atom::A))
                {
                    break;
                }
                after_and = true;
                and_after_hundred = prev == Some(Atom::Hundred);
                base_before_and = cur;
                checkpoint = best;
                tens_open = false;
            }
            Atom::A => {
                let next = atom(words, j + 1);
                let ordinal_before_noun = matches!(next, Some(Atom::Denom(_)))
                    && !matches!(words.lw(j + 1), "half" | "quarter")
                    && words.lw(j + 2).starts_with(|c: char| c.is_alphabetic())
                    && !matches!(words.lw(j + 2), "of" | "and" | "or");
                if ordinal_before_noun {
                    break;
                }
                let ok_next = matches!(
                    next,
                    Some(Atom::Hundred) | Some(Atom::Scale(_)) | Some(Atom::Dozen) | Some(Atom::Denom(_))
                );
                let ok_prev = matches!(prev, None | Some(Atom::And) | Some(Atom::Denom(2.0)));
                if !(ok_next && ok_prev) {
                    break;
                }
                if prev == Some(Atom::Denom(2.0)) {
                    // "half a dozen": the half multiplies what follows.
                    let half = cur;
                    if atom(words, j + 1) == Some(Atom::Dozen) {
                        cur = half * 12.0;
                        best = Some((total + cur, j + 2, NumberKind::Cardinal, scaled));
                        j += 2;
                        prev = Some(Atom::Dozen);
                        continue;
                    }
                    break;
                }
                cur += 1.0;
            }
            Atom::Point => {
                let Some((digits, k)) = decimal_words(words, j + 1) else { break };
                cur += digits;
                j = k;
                best = Some((total + cur, j, NumberKind::Cardinal, scaled));
                prev = Some(Atom::Num(0.0, false));
                continue;
            }
            Atom::Over => {
                if best.is_none() || prev.is_some_and(|p| !matches!(p, Atom::Num(..) | Atom::Hundred)) {
                    break;
                }
                let Some(den) = number_at(words, j + 1) else { break };
                let followed_by_word = words.lw(den.end).starts_with(|c: char| c.is_alphanumeric());
                if den.value == 0.0 || followed_by_word {
                    break;
                }
                let v = (total + cur) / den.value;
                best = Some((v, den.end, NumberKind::Fraction, false));
                break;
            }
            Atom::Minus => break,
            Atom::Of => {
                // "two thirds of a million"
                if matches!(prev, Some(Atom::Denom(_))) && atom(words, j + 1) == Some(Atom::A) {
                    if let Some(Atom::Scale(s)) = atom(words, j + 2) {
                        cur *= s;
                        best = Some((total + cur, j + 3, NumberKind::Cardinal, true));
                        j += 3;
                        prev = Some(Atom::Scale(s));
                        continue;
                    }
                }
                break;
            }
        }
        prev = Some(a);
        j += 1;
        // "ninety - five": a spaced hyphen between tens and units; "one - fourth": before a denominator.
        if words.w(j) == "-" {
            let next = atom(words, j + 1);
            let units = tens_open && matches!(next, Some(Atom::Num(v, false)) if v < 10.0);
            let denom = matches!(prev, Some(Atom::Num(_, false))) && matches!(next, Some(Atom::Denom(_)));
            if units || denom {
                j += 1;
            }
        }
    }
    let (value, end, kind, scaled) = best?;
    if end == start_j {
        return None;
    }
    let mut core = Core::new(sign * value, i, end);
    core.kind = kind;
    core.scaled = scaled;
    core.single_word = end == i + 1 && !any_digits;
    Some(core)
}

/// A compound ordinal used as a denominator, from token `j`: "twenty firsts" (21), "thirty
/// fifths" (35), "one hundred fifth" (105), "one hundred and fifth". It must be plural unless the
/// numerator is one, and more than a bare ordinal (that case is `Atom::Denom`).
fn compound_denominator(words: &Words<'_>, j: usize, numerator_one: bool) -> Option<(f64, usize)> {
    let mut k = j;
    let mut base = 0.0;
    if let (Some(v), Some(s)) = (lexicon::small(words.lw(k)), scale_or_hundred(words.lw(k + 1))) {
        if (1..10).contains(&v) {
            base = f64::from(v) * s;
            k += 2;
            if words.lw(k) == "and" {
                k += 1;
            }
        }
    }
    let tens = lexicon::tens(words.lw(k));
    if let Some(t) = tens {
        base += f64::from(t);
        k += 1;
    }
    let w = words.lw(k);
    let plural = w.ends_with('s');
    let ordinal = lexicon::ordinal(w.strip_suffix('s').filter(|_| plural).unwrap_or(w))?;
    // After a tens word only a unit ordinal ("twenty-first"); after a hundred, up to ninety-ninth.
    let fits = if tens.is_some() { ordinal < 10 } else { ordinal < 100 };
    (base > 0.0 && fits && (plural || numerator_one)).then_some((base + ordinal as f64, k + 1))
}

fn scale_or_hundred(w: &str) -> Option<f64> {
    if w == "hundred" {
        Some(100.0)
    } else {
        lexicon::scale(w).filter(|s| *s >= 1e3)
    }
}

/// Digits after "point": "zero three" → .03, "seventy-one" → .71.
fn decimal_words(words: &Words<'_>, mut j: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    while let Some(Atom::Num(v, false)) = atom(words, j) {
        if v < 10.0 {
            digits.push(char::from_digit(v as u32, 10)?);
        } else if digits.is_empty() {
            digits.push_str(&(v as u32).to_string());
            j += 1;
            break;
        } else {
            break;
        }
        j += 1;
    }
    if digits.is_empty() {
        return None;
    }
    Some((format!("0.{digits}").parse().ok()?, j))
}

/// A core number (digits or words) starting at token `i`; "one out of three" is the fraction 1/3.
fn number_at(words: &Words<'_>, i: usize) -> Option<Core> {
    let mut core = single_number_at(words, i)?;
    if core.kind == NumberKind::Cardinal && words.lw(core.end) == "out" && words.lw(core.end + 1) == "of" {
        if let Some(den) = single_number_at(words, core.end + 2)
            .filter(|d| d.kind == NumberKind::Cardinal && d.value >= core.value && d.value > 0.0 && d.money.is_none())
        {
            core.value /= den.value;
            core.end = den.end;
            core.kind = NumberKind::Fraction;
        }
    }
    Some(core)
}

fn single_number_at(words: &Words<'_>, i: usize) -> Option<Core> {
    let w = words.w(i);
    let first = w.chars().next()?;
    if first.is_ascii_digit() || (matches!(first, '-' | '.') && w.len() > 1) {
        if let Some(core) = digits_number(words, i) {
            return Some(core);
        }
    }
    if let Some((code, rest_at)) = glued_currency_prefix(w) {
        if let Some(lit) = literal(&w[rest_at..]).filter(|l| l.rest.is_empty() || suffix_scale(l.rest, true).is_some())
        {
            let mut core = Core::new(lit.value * suffix_scale(lit.rest, true).unwrap_or(1.0), i, i + 1);
            core.money = Some(code);
            return Some(core);
        }
    }
    if let Some(v) = first_vulgar(w) {
        let mut core = Core::new(v, i, i + 1);
        core.kind = NumberKind::Fraction;
        return Some(core);
    }
    if first.is_alphabetic() {
        if let Some(core) = hyphen_fraction(words, i).or_else(|| hyphen_measure(words, i)) {
            return Some(core);
        }
        return words_number(words, i).or_else(|| vague_amount(words, i)).or_else(|| ordinal_word(words, i));
    }
    None
}

/// "six-mile", "three-ton" (a measure), "five-year" (the number five, cut before the hyphen).
fn hyphen_measure(words: &Words<'_>, i: usize) -> Option<Core> {
    let (num, tail) = words.lw(i).split_once('-')?;
    let v = f64::from(lexicon::small(num)?);
    if lexicon::small(tail).is_some() || lexicon::denominator(tail).is_some() || lexicon::ordinal(tail).is_some() {
        return None; // "twenty-one", "two-thirds", "twenty-first": other readers
    }
    let mut core = Core::new(v, i, i + 1);
    core.single_word = true;
    if let Some(u) = lexicon::unit(tail) {
        core.unit = Some(u);
        core.kind = NumberKind::Measure;
    } else if tail.starts_with(|c: char| c.is_alphabetic()) {
        core.cut_end = Some(words.spans[i].start + num.len() as u32);
    } else {
        return None;
    }
    Some(core)
}

/// "two-thirds", "one-eighth", "three-quarters": a fraction in one hyphenated token.
fn hyphen_fraction(words: &Words<'_>, i: usize) -> Option<Core> {
    let (num, den) = words.lw(i).split_once('-')?;
    let num = f64::from(lexicon::small(num).filter(|&n| n < 20)?);
    let den = lexicon::denominator(den)?;
    let mut core = Core::new(num / den, i, i + 1);
    core.kind = NumberKind::Fraction;
    Some(core)
}

/// A currency sign or ISO code glued before digits: its code and where the digits start.
fn glued_currency_prefix(w: &str) -> Option<(&'static str, usize)> {
    let digits_at = w.find(|c: char| c.is_ascii_digit())?;
    if digits_at == 0 {
        return None;
    }
    let head = &w[..digits_at];
    let code = lexicon::currency_sign(head)
        .or_else(|| lexicon::iso_code(&head.to_ascii_uppercase()))
        .or_else(|| head.strip_suffix('$').and_then(|h| lexicon::iso_code(&h.to_ascii_uppercase())))?;
    Some((code, digits_at))
}

fn first_vulgar(w: &str) -> Option<f64> {
    let mut chars = w.chars();
    let c = chars.next()?;
    chars.next().is_none().then(|| lexicon::vulgar(c)).flatten()
}

/// A digit literal with what is glued to it, then scale words and mixed fractions.
fn digits_number(words: &Words<'_>, i: usize) -> Option<Core> {
    let w = words.w(i);
    let lit = literal(w)?;
    let mut core = Core::new(lit.value, i, i + 1);
    if lit.fraction {
        core.kind = NumberKind::Fraction;
    }
    let mut rest = lit.rest;
    if let Some(dash) = rest.find(['-', '–']).filter(|&d| d > 0) {
        // "5k-20k": the first number's scale, then the range.
        if let Some(s) = suffix_scale(&rest[..dash], !lit.integer) {
            core.value *= s;
            core.scaled = true;
            rest = &rest[dash..];
        }
    }
    if rest.starts_with(['{', '(', '[', '<']) {
        // "45{kg)": the number ends at the bracket.
        core.cut_end = Some(words.spans[i].start + (w.len() - rest.len()) as u32);
        return Some(core);
    }
    if !rest.is_empty() {
        let lower = rest.to_ascii_lowercase();
        if let Some(s) = suffix_scale(rest, !lit.integer) {
            core.value *= s;
            core.scaled = true;
        } else if lit.integer && matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
            core.kind = NumberKind::Ordinal;
        } else if let Some(tail) = rest.strip_prefix(['-', '–']) {
            // "1,500-2,200", "5k-20k", "3-inch", "20-year" (the number is "20").
            if let Some(hi) = literal(tail) {
                let scale = suffix_scale(hi.rest, !hi.integer).or(if hi.rest.is_empty() { Some(1.0) } else { None })?;
                let low_scale = if core.scaled { 1.0 } else { scale };
                let (low, high) = (core.value * low_scale, hi.value * scale);
                if low >= high || low.is_nan() || hi.value == 0.0 {
                    return None; // a score ("3-1") or an id, not a range
                }
                core.value = low;
                core.high = Some(high);
                core.scaled |= scale != 1.0;
            } else if let Some(u) = lexicon::unit(&tail.to_ascii_lowercase()) {
                core.unit = Some(u);
                core.kind = NumberKind::Measure;
            } else if tail.starts_with(|c: char| c.is_alphabetic()) {
                core.cut_end = Some(words.spans[i].start + (w.len() - rest.len()) as u32);
            } else {
                return None;
            }
        } else if let Some(u) = lexicon::unit(&lower).filter(|_| rest.len() > 1 || rest == "L" || rest == lower) {
            // Single-letter symbols keep their case: "5g" is grams, "5G" a network generation.
            core.unit = Some(u);
            core.kind = NumberKind::Measure;
        } else if let Some(code) =
            lexicon::iso_code(&rest.to_ascii_uppercase()).or_else(|| lexicon::currency_sign(rest))
        {
            core.money = Some(code);
        } else {
            return None; // "3D", "5:45", "10am", "1990s", "192.168.1.2"
        }
    } else if lit.integer && !lit.separators && lit.digits <= 4 && lit.value >= 0.0 {
        core.plain_digits = Some(lit.value as u32);
    }
    let mut j = i + 1;
    if rest.is_empty() && !lit.fraction {
        // "1 234 567", "40 000": digit groups separated by single spaces.
        if lit.integer && !lit.separators && lit.digits <= 3 {
            let mut v = lit.value;
            while j < words.len() && words.joined_by_one_space(j - 1) {
                let next = words.w(j);
                match literal(next) {
                    Some(g) if g.digits == 3 && !g.separators && g.rest.is_empty() && !g.fraction && g.value >= 0.0 => {
                        v = v * 1000.0 + g.value;
                        j += 1;
                        if !g.integer {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            if j > i + 1 {
                core.value = v;
                core.plain_digits = None;
            }
        }
        // "2 1/4": a whole number and a fraction.
        if let Some(f) = literal(words.w(j)).filter(|f| f.fraction && f.rest.is_empty() && lit.integer) {
            core.value += f.value;
            core.kind = NumberKind::Fraction;
            core.plain_digits = None;
            j += 1;
        }
        // Scale words and "4 thousand 3 hundred and 21".
        let over = atom(words, j) == Some(Atom::Over) && j == i + 1;
        if over || matches!(atom(words, j), Some(Atom::Scale(_)) | Some(Atom::Hundred) | Some(Atom::Dozen)) {
            if let Some(more) = words_number(words, i) {
                if more.end > j - 1 {
                    core.value = more.value;
                    core.kind = more.kind;
                    core.scaled = more.scaled || core.scaled;
                    j = more.end;
                    core.plain_digits = None;
                }
            }
        }
    }
    core.end = j;
    Some(core)
}

/// "hundreds", "dozens of", "tens of thousands", "hundreds of thousands": a vague amount whose
/// value is its lower bound.
fn vague_amount(words: &Words<'_>, i: usize) -> Option<Core> {
    let lw = words.lw(i);
    let (low, mut end) = if lw == "tens" && words.lw(i + 1) == "of" {
        let v = lexicon::vague(words.lw(i + 2))?;
        (10.0 * v, i + 3)
    } else {
        (lexicon::vague(lw)?, i + 1)
    };
    let mut low = low;
    if words.lw(end) == "of" {
        if let Some(v) = lexicon::vague(words.lw(end + 1)).filter(|&v| v >= 2000.0) {
            low *= v / 2.0;
            end += 2;
        }
    }
    let mut core = Core::new(low, i, end);
    core.vague = true;
    Some(core)
}

/// "first", "third", "twenty-first": an ordinal standing alone.
fn ordinal_word(words: &Words<'_>, i: usize) -> Option<Core> {
    let lw = words.lw(i);
    let v = lexicon::ordinal(lw).filter(|_| !lw.ends_with('s'))?;
    // "a second", "at first", "first of all", "second-hand".
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    if (lw == "second" && matches!(prev, "a" | "one" | "per" | "every" | "split"))
        || (lw == "first" && (prev == "at" || words.lw(i + 1) == "of" && words.lw(i + 2) == "all"))
    {
        return None;
    }
    let mut core = Core::new(v as f64, i, i + 1);
    core.kind = NumberKind::Ordinal;
    core.single_word = true;
    Some(core)
}

// ------------------------------------------------------------------ frames around the core

/// First words of the qualifier phrases: the gate before the phrase list is searched.
fn opens_qualifier(w: &str) -> bool {
    matches!(
        w,
        "less"
            | "more"
            | "greater"
            | "equal"
            | "equals"
            | "at"
            | "smaller"
            | "lower"
            | "higher"
            | "larger"
            | "well"
            | "a"
            | "slightly"
            | "just"
            | "no"
            | "not"
            | "as"
            | "upwards"
            | "in"
            | "close"
            | "fewer"
            | "bigger"
            | "up"
            | "an"
            | "some"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "approx."
            | "circa"
            | "nearly"
            | "almost"
            | "over"
            | "above"
            | "exceeding"
            | "exceed"
            | "exceeds"
            | "surpass"
            | "surpassing"
            | "under"
            | "below"
            | "exactly"
            | "between"
            | "from"
            | ">="
            | "<="
            | ">"
            | "<"
    )
}

/// Can a number made of words start with `w`? The gate before the word grammar runs.
fn opens_number_word(w: &str) -> bool {
    lexicon::small(w).is_some()
        || lexicon::scale(w).is_some()
        || lexicon::vague(w).is_some()
        || matches!(w, "a" | "an" | "hundred" | "dozen" | "dozens" | "minus" | "negative" | "tens" | "half" | "quarter")
        || w.contains('-')
        || lexicon::ordinal(w).is_some()
}

fn qualifier(words: &Words<'_>, i: usize) -> Option<(Bound, usize)> {
    let first = words.lw(i);
    if !opens_qualifier(first) {
        return None;
    }
    lexicon::QUALIFIERS.iter().find_map(|(phrase, bound)| {
        phrase.iter().enumerate().all(|(k, p)| words.lw(i + k) == *p).then_some((*bound, phrase.len()))
    })
}

/// Lowered currency sign at `i`, or a sign glued to the digits ("US$75").
fn currency_before(words: &Words<'_>, i: usize) -> Option<&'static str> {
    lexicon::currency_sign(words.w(i))
}

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn is_month(lw: &str) -> bool {
    MONTHS.contains(&lw.trim_end_matches('.'))
}

const YEAR_CONTEXT_WORDS: &[&str] = &[
    "in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid", "fiscal",
    "year", "summer", "spring", "autumn", "fall", "winter", "the", "and", "to", "through", "between", "circa", "c.",
    "'s", "-", "–", "for", "as", "at", "on", "around",
];

/// Words that put a bare four-digit number in the calendar ("in 2014", "since 2001", "the 2020 election").
fn year_context(lw: &str) -> bool {
    YEAR_CONTEXT_WORDS.contains(&lw)
}

fn is_date_part(words: &Words<'_>, core: &Core) -> bool {
    let ordinal_day = (core.kind == NumberKind::Ordinal && core.value <= 31.0).then_some(core.value as u32);
    let Some(v) = core.plain_digits.or(ordinal_day) else { return false };
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    let next = words.lw(core.end);
    // A day next to a month: "August 31", "31 August", "June 26, 2021".
    if (1..=31).contains(&v) && (is_month(prev) || is_month(next) || (next == "of" && is_month(words.lw(core.end + 1))))
    {
        return true;
    }
    // A year: in edited news a bare four-digit number from 1800 to 2100 (no comma, qualifier,
    // currency or unit: counts that size are written "2,000") is a year: "the Euro 2004
    // tournament", "2005 sales", "in 2014". Earlier four-digit numbers only in a calendar context.
    if words.w(core.start).len() == 4 {
        if (1800..=2100).contains(&v) {
            return true;
        }
        return (1000..1800).contains(&v) && (is_month(prev) || year_context(prev));
    }
    false
}

/// "the first four months of 2021", "the first half of 2020", "the last two weeks of June": a
/// number that opens a calendar period belongs to the date, not to `numbers`.
fn opens_calendar_period(words: &Words<'_>, core: &Core) -> bool {
    let is_period = |w: &str| {
        matches!(
            w,
            "half" | "quarter" | "quarters" | "month" | "months" | "week" | "weeks" | "day" | "days" | "year" | "years"
        )
    };
    let mut k = core.end;
    if core.kind == NumberKind::Ordinal && matches!(atom(words, k), Some(Atom::Num(..))) {
        k += 1; // "first four"
    }
    if is_period(words.lw(core.end - 1)) && core.kind == NumberKind::Fraction {
        k = core.end - 1; // "half of 2020": the core is the period itself
    }
    let period = is_period(words.lw(k));
    if !(period && words.lw(k + 1) == "of") {
        return false;
    }
    let what = words.lw(k + 2);
    let year = what.len() == 4 && what.bytes().all(|b| b.is_ascii_digit());
    year || is_month(what)
        || matches!(what, "the" | "this" | "last" | "next" | "that")
            && matches!(words.lw(k + 3), "year" | "month" | "decade" | "century")
}

const IS_TIME_WORDS: &[&str] =
    &["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "edt", "est", "bst", "cet"];

fn is_time(words: &Words<'_>, core: &Core) -> bool {
    let next = words.lw(core.end);
    IS_TIME_WORDS.contains(&next)
        || (next == "hours" && core.plain_digits.is_some_and(|v| v >= 100) && words.w(core.start).len() == 4)
}

const IS_PRONOUN_ONE_WORDS: &[&str] =
    &["no", "any", "every", "each", "the", "this", "that", "which", "what", "someone", "anyone", "little"];

const IS_PRONOUN_ONE_WORDS_2: &[&str] =
    &["of", "another", "who", "whom", "whose", "that", "which", "'s", "else", "way", "thing", "day", "time"];

/// "one" as a pronoun: "one of the", "no one", "this one", "one another".
fn is_pronoun_one(words: &Words<'_>, core: &Core) -> bool {
    if !(core.single_word && core.value == 1.0 && words.lw(core.start) == "one") {
        return false;
    }
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    let next = words.lw(core.end);
    IS_PRONOUN_ONE_WORDS.contains(&prev) || IS_PRONOUN_ONE_WORDS_2.contains(&next) || next.is_empty() && core.start == 0
}

fn is_list_marker(words: &Words<'_>, core: &Core) -> bool {
    core.start == 0
        && core.plain_digits.is_some()
        && matches!(words.w(core.end), "." | ")")
        && core.end + 1 < words.len()
}

const IS_ID_WORDS: &[&str] = &[
    "no.", "nos.", "no", "#", "n°", "nº", "number", "flight", "route", "article", "resolution", "chapter", "section",
    "room", "page", "p.", "pp.", "vol.", "version",
];

fn is_id(words: &Words<'_>, core: &Core) -> bool {
    let prev = if core.start > 0 { words.lw(core.start - 1) } else { "" };
    IS_ID_WORDS.contains(&prev) && core.plain_digits.is_some()
}

const PERCENT: &[&[&str]] = &[
    &["percentage", "points"],
    &["percentage", "point"],
    &["per", "cent"],
    &["percent"],
    &["pct"],
    &["%"],
    &["per", "centum"],
];

fn percent_after(words: &Words<'_>, j: usize) -> Option<usize> {
    PERCENT.iter().find_map(|p| p.iter().enumerate().all(|(k, w)| words.lw(j + k) == *w).then_some(j + p.len()))
}

/// Currency word after the amount, possibly after one qualifying adjective ("finnish markka",
/// "Canadian dlrs"): ISO code and the end.
fn currency_after(words: &Words<'_>, j: usize) -> Option<(&'static str, usize, f64)> {
    let lw = words.lw(j);
    if let Some(c) =
        lexicon::currency_word(lw).filter(|_| !matches!(lw, "p" | "mark" | "marks" | "won" | "rand" | "ct"))
    {
        return Some((c, j + 1, 1.0));
    }
    if let Some(c) = lexicon::iso_code(words.w(j)) {
        return Some((c, j + 1, 1.0));
    }
    let next = words.lw(j + 1);
    // "M" + ISO code: "30 MUSD", "120 MEUR".
    if let Some(code) = words.w(j).strip_prefix('M').and_then(lexicon::iso_code) {
        return Some((code, j + 1, 1e6));
    }
    if lw.chars().all(char::is_alphabetic) && !lw.is_empty() && (!np_stop(lw) || lexicon::dollar_country(lw).is_some())
    {
        // "420 million Finnish markka", "5 mln Canadian dlrs".
        if let Some(c) = lexicon::currency_word(next).filter(|_| !lexicon::ambiguous_unit(next) && next != "p") {
            let c = if c == "USD" { lexicon::dollar_country(lw).unwrap_or(c) } else { c };
            return Some((c, j + 2, 1.0));
        }
    }
    None
}

fn unit_after(words: &Words<'_>, j: usize) -> Option<(&'static str, usize)> {
    let lw = words.lw(j);
    if matches!(lw, "square" | "sq" | "sq.") {
        let u = lexicon::unit(words.lw(j + 1))?;
        let sq = match u {
            "km" => "km2",
            "m" => "m2",
            "mi" => "mi2",
            "ft" => "ft2",
            _ => return None,
        };
        return Some((sq, j + 2));
    }
    if lw == "cubic" {
        let u = lexicon::unit(words.lw(j + 1))?;
        return Some((if u == "m" { "m3" } else { u }, j + 2));
    }
    let u = lexicon::unit(lw)?;
    if lexicon::ambiguous_unit(lw) {
        return None;
    }
    Some((u, j + 1))
}

const NP_STOP_WORDS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "do", "does", "did", "and", "or", "but", "nor", "in", "on", "at", "of", "for",
    "from", "to", "with", "by", "into", "onto", "over", "under", "between", "during", "since", "across", "against",
    "among", "amid", "inside", "outside", "near", "than", "as", "per", "after", "before", "about", "around", "through",
    "throughout", "via", "who", "whom", "whose", "which", "that", "where", "when", "while", "whether", "if", "because",
    "so", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "each",
    "every", "all", "both", "such", "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "there", "here",
    "not", "no", "also", "still", "only", "just", "even", "too", "then", "now", "ago", "later", "earlier", "vs",
    "versus", "against.", "a.m.", "p.m.", "-", "said", "says", "say", "told", "including", "according", "up", "down",
    "out", "off", "away", "back", "more", "less", "most", "least", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "hour", "hours", "minute", "minutes", "decade", "decades", "century", "centuries",
];

/// Words that end a counted noun phrase.
fn np_stop(lw: &str) -> bool {
    NP_STOP_WORDS.contains(&lw)
}

/// The noun phrase counted, starting at token `j` (after "of" for "hundreds of ...").
fn counted(words: &Words<'_>, mut j: usize, allow_of: bool) -> Option<(usize, usize)> {
    if allow_of && words.lw(j) == "of" {
        j += 1;
        if matches!(words.lw(j), "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those") {
            j += 1;
        }
    }
    let start = j;
    let mut end = j;
    while end < words.len() && end - start < 4 {
        let w = words.w(end);
        let lw = words.lw(end);
        let wordlike = w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'));
        if !wordlike
            || np_stop(lw)
            || (lw.ends_with("ly") && lw.len() > 4)
            || lexicon::event(lw).is_some_and(|_| end > start)
        {
            break;
        }
        end += 1;
        // The head of a counted phrase is its first plural noun: "13 coal miners were",
        // "a dozen trucks arrived", "other members elsewhere".
        if is_plural(lw) {
            break;
        }
        // A possessive inside the phrase: "Lisbon's residents".
        if matches!(words.lw(end), "'s") && end + 1 < words.len() {
            end += 1;
        }
    }
    (end > start).then_some((start, end))
}

const IS_PLURAL_WORDS: &[&str] = &[
    "people", "children", "police", "personnel", "staff", "cattle", "livestock", "sheep", "fish", "deer", "aircraft",
    "militia", "crew", "infantry", "clergy", "youth", "feet", "teeth", "mice", "geese", "data", "media", "others",
];

/// A plural-looking noun: "-s" (not "-ss", "-us", "-is", "-ous"), "-men", or an irregular plural.
fn is_plural(lw: &str) -> bool {
    let regular = lw.len() > 3
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && !lw.ends_with("us")
        && !lw.ends_with("is")
        && !lw.ends_with("'s");
    regular || lw == "men" || (lw.ends_with("men") && lw.len() > 4) || IS_PLURAL_WORDS.contains(&lw)
}

const EVENT_WORDS: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "also", "all", "later", "now",
    "reportedly", "reported", "allegedly", "believed", "feared", "confirmed", "left", "got", "to", "either", "each",
    "still", "already", "since", "subsequently", "then", "say", "said",
];

/// What happened to what is counted: a verb before ("killing four people", "killed at least 13")
/// or after ("were killed", "perished", "dead", "have been wounded").
fn event(words: &Words<'_>, expr_start: usize, after: usize, head: Option<&str>) -> Option<&'static str> {
    if let Some(h) = head {
        if let Some(e) = lexicon::event(h).filter(|_| h.ends_with('s') || h == "dead") {
            return Some(e);
        }
    }
    if expr_start > 0 {
        let prev = words.lw(expr_start - 1);
        if prev.ends_with("ing") || prev.ends_with("ed") || prev.ends_with("s") {
            if let Some(e) = lexicon::event(prev).filter(|_| !matches!(prev, "dead" | "missing" | "homeless")) {
                return Some(e);
            }
        }
    }
    for j in after..after + 5 {
        let lw = words.lw(j);
        if lw.is_empty() {
            return None;
        }
        if let Some(e) = lexicon::event(lw) {
            return Some(e);
        }
        let skip = EVENT_WORDS.contains(&lw) || (lw.ends_with("ly") && lw.len() > 4);
        if !skip {
            return None;
        }
    }
    None
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
                let mut core = Core::new(value, i, i + 1);
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
    let core = Core::new(lit.value, i, i + 1);
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
        if !(opens_qualifier(lw) || opens_number_word(lw) || glued_money || lexicon::iso_code(w).is_some()) {
            return None;
        }
    } else if !(c.is_ascii_digit() || "$£€¥₹₩₽₦₺₿₾<>≥≤-.".contains(c) || lexicon::vulgar(c).is_some())
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
    if bound.is_some() && words.lw(j) == "the" && lexicon::ordinal(words.lw(j + 1)).is_some() {
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
    let event = if matches!(kind, NumberKind::Cardinal) { event(words, expr.start, np_end, head) } else { None };
    let start = words.spans[expr.start].start;
    let end = expr.end_byte.unwrap_or(words.spans[expr.end - 1].end);
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
    })
}

#[cfg(test)]
mod tests;

/// A plain cardinal at token `i` (digits or words: "24", "twenty four", "a hundred"), for other
/// extractors: its value and the token after it.
pub(crate) fn cardinal_at(words: &Words<'_>, i: usize) -> Option<(f64, usize)> {
    plain_at(words, i, false)
}

/// Like [`cardinal_at`], but a mixed number or fraction counts too ("2 1/2", "five and a half").
pub(crate) fn amount_at(words: &Words<'_>, i: usize) -> Option<(f64, usize)> {
    plain_at(words, i, true)
}

fn plain_at(words: &Words<'_>, i: usize, fractions: bool) -> Option<(f64, usize)> {
    let core = number_at(words, i)?;
    let kind = core.kind == NumberKind::Cardinal || fractions && core.kind == NumberKind::Fraction;
    let plain = kind && core.unit.is_none() && core.money.is_none();
    (plain && core.high.is_none() && !core.vague && core.cut_end.is_none()).then_some((core.value, core.end))
}

/// Is `w` (lower case) a figure or a word of one: digits, "eight", "hundred", "dozen", "million"?
/// For other extractors, to tell a count's tail from a time ("$500 million a year").
pub(crate) fn figure_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::small(w).is_some()
        || matches!(w, "hundred" | "dozen")
        || lexicon::scale(w).is_some()
}

/// The value of a number word from zero to ninety ("eight" → 8), for other extractors.
pub(crate) fn word_value(w: &str) -> Option<f64> {
    lexicon::small(w).map(f64::from)
}

/// The number of an ordinal word ("twentieth" → 20), for other extractors.
pub(crate) fn ordinal_value(w: &str) -> Option<u64> {
    lexicon::ordinal(w)
}
