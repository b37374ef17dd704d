//! The numeral core: a number written with digits (`1,500`, `2.5`, `3/4`, `10k`, `$1.13bn`,
//! `1,500-2,200`, `5km`) or with words (`twenty-five`, `a hundred and twelve`, `two thirds`,
//! `a dozen`, `hundreds of`, `first`), read from one or more tokens into a [`Core`]. What comes
//! around it (qualifiers, units, ranges) is read by the numbers extractor's scan; the dates
//! extractor reads counts ("three years", "the first nine months"), spelled days and years
//! through it too. The words it knows are [`gleaner_ingest::lang::en::numbers`].

use gleaner_ingest::lang::en;

use crate::words::Words;
use crate::NumberKind;

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Core {
    pub(crate) value: f64,
    /// Token range `[start, end)`.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Byte end inside the last token, when only a prefix of it is the number ("five" of "five-year").
    pub(crate) cut_end: Option<u32>,
    pub(crate) kind: NumberKind,
    pub(crate) unit: Option<&'static str>,
    pub(crate) money: Option<&'static str>,
    /// Upper end of a range written in one token ("1,500-2,200", "5k-20k").
    pub(crate) high: Option<f64>,
    /// A vague plural ("hundreds"): `value` is its lower bound.
    pub(crate) vague: bool,
    /// Has a scale word or suffix ("million", "bn", "k").
    pub(crate) scaled: bool,
    /// A plain integer of 1–4 digits without separators (year and day candidates).
    pub(crate) plain_digits: Option<u32>,
    /// Made of a single number word ("one", "first").
    pub(crate) single_word: bool,
    /// The name of the form that read it (see [`super::RULES`]).
    pub(crate) rule: &'static str,
}

impl Core {
    pub(crate) fn new(value: f64, start: usize, end: usize, rule: &'static str) -> Core {
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
            rule,
        }
    }
}

// ------------------------------------------------------------------ digit literals

/// A number written with digits at the start of a token: value and the unparsed rest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Literal<'a> {
    pub(crate) value: f64,
    pub(crate) rest: &'a str,
    pub(crate) integer: bool,
    pub(crate) separators: bool,
    pub(crate) digits: usize,
    pub(crate) fraction: bool,
}

pub(crate) fn literal(s: &str) -> Option<Literal<'_>> {
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
pub(crate) enum Atom {
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

pub(crate) fn atom(words: &Words<'_>, i: usize) -> Option<Atom> {
    let lw = words.lw(i);
    if lw.is_empty() {
        return None;
    }
    if lw.as_bytes()[0].is_ascii_digit() {
        let lit = literal(words.w(i))?;
        return (lit.rest.is_empty() && !lit.fraction).then_some(Atom::Num(lit.value, true));
    }
    if let Some(v) = en::numbers::small(lw) {
        return Some(Atom::Num(f64::from(v), false));
    }
    if let Some((t, u)) = lw.split_once('-') {
        if let (Some(t), Some(u)) = (en::numbers::tens(t), en::numbers::small(u).filter(|&u| (1..10).contains(&u))) {
            return Some(Atom::Num(f64::from(t + u), false));
        }
        if let Some(d) = en::numbers::denominator(lw) {
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
            if let Some(s) = en::numbers::scale(lw) {
                return Some(Atom::Scale(s));
            }
            return en::numbers::denominator(lw).map(Atom::Denom);
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
    // The fraction of `best` was read with "over" ("one over three").
    let mut over = false;
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
                over = true;
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
    let rule = match kind {
        NumberKind::Fraction if over => "fraction_over",
        NumberKind::Fraction => "fraction_words",
        _ => "number_words",
    };
    let mut core = Core::new(sign * value, i, end, rule);
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
    if let (Some(v), Some(s)) = (en::numbers::small(words.lw(k)), scale_or_hundred(words.lw(k + 1))) {
        if (1..10).contains(&v) {
            base = f64::from(v) * s;
            k += 2;
            if words.lw(k) == "and" {
                k += 1;
            }
        }
    }
    let tens = en::numbers::tens(words.lw(k));
    if let Some(t) = tens {
        base += f64::from(t);
        k += 1;
    }
    let w = words.lw(k);
    let plural = w.ends_with('s');
    let ordinal = en::numbers::ordinal(w.strip_suffix('s').filter(|_| plural).unwrap_or(w))?;
    // After a tens word only a unit ordinal ("twenty-first"); after a hundred, up to ninety-ninth.
    let fits = if tens.is_some() { ordinal < 10 } else { ordinal < 100 };
    (base > 0.0 && fits && (plural || numerator_one)).then_some((base + ordinal as f64, k + 1))
}

fn scale_or_hundred(w: &str) -> Option<f64> {
    if w == "hundred" {
        Some(100.0)
    } else {
        en::numbers::scale(w).filter(|s| *s >= 1e3)
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
pub(crate) fn number_at(words: &Words<'_>, i: usize) -> Option<Core> {
    let mut core = single_number_at(words, i)?;
    if core.kind == NumberKind::Cardinal && words.lw(core.end) == "out" && words.lw(core.end + 1) == "of" {
        if let Some(den) = single_number_at(words, core.end + 2)
            .filter(|d| d.kind == NumberKind::Cardinal && d.value >= core.value && d.value > 0.0 && d.money.is_none())
        {
            core.value /= den.value;
            core.end = den.end;
            core.kind = NumberKind::Fraction;
            core.rule = "fraction_out_of";
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
            let mut core =
                Core::new(lit.value * suffix_scale(lit.rest, true).unwrap_or(1.0), i, i + 1, "glued_currency");
            core.money = Some(code);
            return Some(core);
        }
    }
    if let Some(v) = first_vulgar(w) {
        let mut core = Core::new(v, i, i + 1, "vulgar_fraction");
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
    let v = f64::from(en::numbers::small(num)?);
    if en::numbers::small(tail).is_some()
        || en::numbers::denominator(tail).is_some()
        || en::numbers::ordinal(tail).is_some()
    {
        return None; // "twenty-one", "two-thirds", "twenty-first": other readers
    }
    let mut core = Core::new(v, i, i + 1, "hyphen_measure");
    core.single_word = true;
    if let Some(u) = en::numbers::unit(tail) {
        core.unit = Some(u);
        core.kind = NumberKind::Measure;
    } else if tail.starts_with(|c: char| c.is_alphabetic()) {
        core.cut_end = Some(words.spans[i].start + num.len() as u32);
        core.rule = "hyphen_prefix";
    } else {
        return None;
    }
    Some(core)
}

/// "two-thirds", "one-eighth", "three-quarters": a fraction in one hyphenated token.
fn hyphen_fraction(words: &Words<'_>, i: usize) -> Option<Core> {
    let (num, den) = words.lw(i).split_once('-')?;
    let num = f64::from(en::numbers::small(num).filter(|&n| n < 20)?);
    let den = en::numbers::denominator(den)?;
    let mut core = Core::new(num / den, i, i + 1, "hyphen_fraction");
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
    let code = en::numbers::currency_sign(head)
        .or_else(|| en::numbers::iso_code(&head.to_ascii_uppercase()))
        .or_else(|| head.strip_suffix('$').and_then(|h| en::numbers::iso_code(&h.to_ascii_uppercase())))?;
    Some((code, digits_at))
}

fn first_vulgar(w: &str) -> Option<f64> {
    let mut chars = w.chars();
    let c = chars.next()?;
    chars.next().is_none().then(|| en::numbers::vulgar(c)).flatten()
}

/// A digit literal with what is glued to it, then scale words and mixed fractions.
fn digits_number(words: &Words<'_>, i: usize) -> Option<Core> {
    let w = words.w(i);
    let lit = literal(w)?;
    let mut core = Core::new(lit.value, i, i + 1, "digits");
    if lit.fraction {
        core.kind = NumberKind::Fraction;
        core.rule = "digit_fraction";
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
            core.rule = "ordinal_digits";
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
                core.rule = "range_in_token";
                core.scaled |= scale != 1.0;
            } else if let Some(u) = en::numbers::unit(&tail.to_ascii_lowercase()) {
                core.unit = Some(u);
                core.kind = NumberKind::Measure;
            } else if tail.starts_with(|c: char| c.is_alphabetic()) {
                core.cut_end = Some(words.spans[i].start + (w.len() - rest.len()) as u32);
            } else {
                return None;
            }
        } else if let Some(u) = en::numbers::unit(&lower).filter(|_| rest.len() > 1 || rest == "L" || rest == lower) {
            // Single-letter symbols keep their case: "5g" is grams, "5G" a network generation.
            core.unit = Some(u);
            core.kind = NumberKind::Measure;
        } else if let Some(code) =
            en::numbers::iso_code(&rest.to_ascii_uppercase()).or_else(|| en::numbers::currency_sign(rest))
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
                core.rule = "digit_groups";
            }
        }
        // "2 1/4": a whole number and a fraction.
        if let Some(f) = literal(words.w(j)).filter(|f| f.fraction && f.rest.is_empty() && lit.integer) {
            core.value += f.value;
            core.kind = NumberKind::Fraction;
            core.plain_digits = None;
            core.rule = "mixed_fraction";
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
                    core.rule = if more.kind == NumberKind::Fraction { more.rule } else { "digits_scale" };
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
        let v = en::numbers::vague(words.lw(i + 2))?;
        (10.0 * v, i + 3)
    } else {
        (en::numbers::vague(lw)?, i + 1)
    };
    let mut low = low;
    if words.lw(end) == "of" {
        if let Some(v) = en::numbers::vague(words.lw(end + 1)).filter(|&v| v >= 2000.0) {
            low *= v / 2.0;
            end += 2;
        }
    }
    let mut core = Core::new(low, i, end, "vague_amount");
    core.vague = true;
    Some(core)
}

/// "first", "third", "twenty-first": an ordinal standing alone.
fn ordinal_word(words: &Words<'_>, i: usize) -> Option<Core> {
    let lw = words.lw(i);
    let v = en::numbers::ordinal(lw).filter(|_| !lw.ends_with('s'))?;
    // "a second", "at first", "first of all", "second-hand".
    let prev = if i > 0 { words.lw(i - 1) } else { "" };
    if (lw == "second" && matches!(prev, "a" | "one" | "per" | "every" | "split"))
        || (lw == "first" && (prev == "at" || words.lw(i + 1) == "of" && words.lw(i + 2) == "all"))
    {
        return None;
    }
    let mut core = Core::new(v as f64, i, i + 1, "ordinal_word");
    core.kind = NumberKind::Ordinal;
    core.single_word = true;
    Some(core)
}

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
        || en::numbers::small(w).is_some()
        || matches!(w, "hundred" | "dozen")
        || en::numbers::scale(w).is_some()
}

/// The value of a number word from zero to ninety ("eight" → 8), for other extractors.
pub(crate) fn word_value(w: &str) -> Option<f64> {
    en::numbers::small(w).map(f64::from)
}

/// The number of an ordinal word ("twentieth" → 20), for other extractors.
pub(crate) fn ordinal_value(w: &str) -> Option<u64> {
    en::numbers::ordinal(w)
}
