//! The registry: every form the extractor recognizes, one [`Rule`] a line of [`RULES`], with the
//! name written to the `rule` column of its rows, the words it may start with, where it is
//! tried, and one or two sentences it recognizes (checked by the tests).
//!
//! The scan's first-word gate ([`may_start`]) is derived from the rules' [`First`] specs: a
//! token no rule may start with is skipped before any matcher runs, so a new rule runs as soon
//! as its first words are listed here.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use crate::hash::Fnv;
use std::sync::OnceLock;

use super::*;

/// A function that recognizes one expression starting at token `i`.
pub(super) type Matcher = fn(&Words<'_>, &Ctx, usize) -> Option<Found>;

/// A function that recognizes two dates written in one token at `i` ("March/April", "1986/87").
pub(super) type PairMatcher = fn(&Words<'_>, &Ctx, usize) -> Option<(Found, Found)>;

/// A test of a word (lower-cased), or of the rest of a hyphened word.
pub(super) type WordTest = fn(&str) -> bool;

/// A form of temporal expression.
pub(super) struct Rule {
    /// Stable snake_case name, written to the `rule` column of the rows it makes.
    pub(super) name: &'static str,
    /// The words an expression of this form may start with (at the scan's position: an
    /// expression reached through "the" starts with "the").
    pub(super) first: &'static [First],
    /// Where and how the form is tried.
    pub(super) run: Run,
    /// One or two sentences (published 2021-08-27) holding an expression of this form.
    pub(super) examples: &'static [&'static str],
}

/// Where a rule is tried. Its position in [`RULES`] is its priority: `simple` tries the
/// [`Run::Simple`] rules in the table's order, and the dispatch points try theirs in the order
/// they are listed here.
#[derive(Clone, Copy)]
pub(super) enum Run {
    /// Tried by `simple`, in the table's order: the forms that stand alone.
    Simple(Matcher),
    /// Two dates in one token, tried by `scan` before any single expression.
    Pair(PairMatcher),
    /// A form tried by a dispatch point (`expression_at`, `after_the`, `modified`,
    /// `expression`, named in a comment) before or around the simple forms.
    Dispatched,
    /// A wrapper around another expression (a modifier, an article, a part of a period): its
    /// rows keep the inner rule's name, so this name is never written. Listed for its first
    /// words.
    Wrapper,
}

/// A word an expression may start with. Every spec but [`First::Digit`] and
/// [`First::Apostrophe`] applies to tokens starting with an ASCII letter, compared lower-cased.
#[derive(Clone, Copy)]
pub(super) enum First {
    /// A token starting with an ASCII digit.
    Digit,
    /// A token starting with an apostrophe ("'90s").
    Apostrophe,
    /// One of these words, or a hyphened word whose head (before its first hyphen) is one
    /// ("third" admits "third-quarter").
    Words(&'static [&'static str]),
    /// A hyphened word with one of these heads and a rest (after the hyphen) the test accepts:
    /// "mid-June", "post-1997".
    Hyphen(&'static [&'static str], fn(&str) -> bool),
    /// A word the test accepts (a lexicon lookup).
    Is(fn(&str) -> bool),
    /// A capitalized word the test accepts: weekdays, holidays.
    Capitalized(fn(&str) -> bool),
    /// A word the first test accepts, beside neighbours the second accepts (`words`, `i`, the
    /// word lower-cased): "that day", "months ago". The first reads the word alone (the gate
    /// keeps its answer per word); the second runs only where it passed.
    Beside(fn(&str) -> bool, fn(&Words<'_>, usize, &str) -> bool),
}

// The rule names, used where the rows are made.
pub(super) const MONTH_PAIR: &str = "month_pair";
pub(super) const YEAR_PAIR: &str = "year_pair";
pub(super) const ANAPHORA: &str = "anaphora";
pub(super) const POSITION_TOKEN: &str = "position_token";
pub(super) const MID_PART_OF_DAY: &str = "mid_part_of_day";
pub(super) const STEP_WEEKDAY: &str = "step_weekday";
pub(super) const DAY_BESIDE: &str = "day_beside";
pub(super) const BEYOND_LAST_OR_NEXT: &str = "beyond_last_or_next";
pub(super) const CURRENT_PERIOD: &str = "current_period";
pub(super) const WEEK_OF: &str = "week_of";
pub(super) const DETERMINED_DURATION: &str = "determined_duration";
pub(super) const THE_REFERENCE: &str = "the_reference";
pub(super) const FINANCIAL_PERIOD: &str = "financial_period";
pub(super) const THE_YEAR: &str = "the_year";
pub(super) const THE_WEEKEND: &str = "the_weekend";
pub(super) const THE_PART_OF_DAY: &str = "the_part_of_day";
pub(super) const CURRENT_MONTH_OR_WEEK: &str = "current_month_or_week";
pub(super) const MONTH_SPAN_QUARTER: &str = "month_span_quarter";
pub(super) const YEAR_QUARTER: &str = "year_quarter";
pub(super) const NUMERIC_DATE: &str = "numeric_date";
pub(super) const MONTH_NAME: &str = "month_name";
pub(super) const DAY_MONTH: &str = "day_month";
pub(super) const MOVABLE_HOLIDAY: &str = "movable_holiday";
pub(super) const FIXED_HOLIDAY: &str = "fixed_holiday";
pub(super) const RELATIVE_WORD: &str = "relative_word";
pub(super) const MIDWEEK: &str = "midweek";
pub(super) const WEEKDAY: &str = "weekday";
pub(super) const RELATIVE_UNIT: &str = "relative_unit";
pub(super) const AGO: &str = "ago";
pub(super) const SEASON: &str = "season";
pub(super) const DECADE_CENTURY: &str = "decade_century";
pub(super) const QUARTER: &str = "quarter";
pub(super) const HALF_YEAR: &str = "half_year";
pub(super) const FISCAL_YEAR: &str = "fiscal_year";
pub(super) const YEAR: &str = "year";
pub(super) const SPELLED_YEAR: &str = "spelled_year";
pub(super) const CLOCK_TIME: &str = "clock_time";
pub(super) const SET: &str = "set";
pub(super) const YEAR_END: &str = "year_end";
pub(super) const VAGUE: &str = "vague";
pub(super) const DURATION: &str = "duration";

const THE: First = First::Words(&["the"]);

/// Every rule, highest priority first.
#[rustfmt::skip]
pub(super) const RULES: &[Rule] = &[
    // ---- two dates in one token, before anything else (scan)
    Rule { name: MONTH_PAIR, first: &[First::Is(month_pair_token)], run: Run::Pair(month_slash_pair),
        examples: &["Shipments for March/April were light."] },
    Rule { name: YEAR_PAIR, first: &[First::Digit], run: Run::Pair(year_pair),
        examples: &["Output rose in 1986/87."] },
    // ---- expression_at, before the modifiers
    Rule { name: ANAPHORA, first: &[First::Words(&["the", "earlier", "later"]), First::Beside(is_that, that_anaphor)],
        run: Run::Dispatched /* expression_at */,
        examples: &["The plant opened on March 3, 2020. Workers walked out that day.",
            "The firm was founded in 1998 and listed the following year."] },
    // ---- modifiers: wrappers, and the one-token positions that make their own value
    Rule { name: "amount_modifier", run: Run::Wrapper /* modified */,
        first: &[First::Beside(gleaner_ingest::lang::en::opens_qualifier, amount_phrase_written)],
        examples: &["They fought for nearly 20 years."] },
    Rule { name: "earlier_later", first: &[First::Words(&["earlier", "later", "more"])], run: Run::Wrapper /* modified */,
        examples: &["Earlier this year the plant closed."] },
    Rule { name: "position", first: &[First::Words(&["early", "late", "mid"])], run: Run::Wrapper /* modified */,
        examples: &["Talks resume in early June."] },
    Rule { name: MID_PART_OF_DAY, first: &[First::Words(&["mid"]), First::Hyphen(&["mid"], non_empty)],
        run: Run::Dispatched /* modified */, examples: &["The rally began mid-afternoon."] },
    Rule { name: POSITION_TOKEN,
        first: &[First::Hyphen(&["mid", "end", "late", "early"], non_empty), First::Hyphen(&["post", "pre"], year_or_month)],
        run: Run::Dispatched /* modified */, examples: &["Prices peaked in mid-2019.", "Debt rose until end-March."] },
    // ---- expression_at and after_the: forms that take "the"
    Rule { name: STEP_WEEKDAY, first: &[THE], run: Run::Dispatched /* expression_at */,
        examples: &["They met again the following Monday."] },
    Rule { name: DAY_BESIDE, first: &[THE], run: Run::Dispatched /* expression_at */,
        examples: &["He left the day after Christmas."] },
    Rule { name: BEYOND_LAST_OR_NEXT, first: &[THE], run: Run::Dispatched /* expression_at */,
        examples: &["The vote was held the year before last.", "The talks resume the week after next."] },
    Rule { name: "part_of_period", first: &[THE], run: Run::Wrapper /* after_the */,
        examples: &["Sales rose in the first four months of 2021."] },
    Rule { name: CURRENT_PERIOD, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Profit will rise in the current fiscal year."] },
    Rule { name: WEEK_OF, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Sales jumped in the week of March 6."] },
    Rule { name: DETERMINED_DURATION, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Sales rose in the past three months.", "Profit rose in the first nine months."] },
    Rule { name: FINANCIAL_PERIOD, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Net income fell from the year-ago quarter."] },
    Rule { name: THE_YEAR, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Sales rose 5% for the full year."] },
    Rule { name: THE_WEEKEND, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Talks continued over the weekend."] },
    Rule { name: THE_REFERENCE, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Prices will rise in the future.", "I saw him the other day."] },
    Rule { name: THE_PART_OF_DAY, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["He called in the morning."] },
    Rule { name: "the_end_of", first: &[THE], run: Run::Wrapper /* after_the */,
        examples: &["The talks end at the end of 2021."] },
    Rule { name: CURRENT_MONTH_OR_WEEK, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Payment is due at the end of the month."] },
    Rule { name: MONTH_SPAN_QUARTER, first: &[THE], run: Run::Dispatched /* after_the */,
        examples: &["Sales rose in the July-September quarter."] },
    // ---- expression: a year naming the year of a quarter after it
    Rule { name: YEAR_QUARTER, first: &[First::Digit, First::Words(&["the", "this", "last", "next"])],
        run: Run::Dispatched /* expression */,
        examples: &["Profit rose in the 1988 second quarter.", "Sales fell in last year's third quarter."] },
    // ---- simple: the forms that stand alone, in this order
    Rule { name: NUMERIC_DATE, first: &[First::Digit], run: Run::Simple(numeric_date),
        examples: &["The deal closed on 8/31/2021.", "The deal closed on 2021-08-31."] },
    Rule { name: MONTH_NAME, first: &[First::Is(is_month)], run: Run::Simple(month_form),
        examples: &["The plant opened on August 31, 2021.", "Sales rose in June."] },
    Rule { name: DAY_MONTH, first: &[First::Digit, First::Beside(spelled_day_word, spelled_day_of)], run: Run::Simple(day_month),
        examples: &["They met on 31 August 2021.", "Fireworks lit the sky on the fourth of July."] },
    Rule { name: MOVABLE_HOLIDAY,
        first: &[First::Capitalized(time::movable_first), First::Words(&["last", "next", "this"])],
        run: Run::Simple(movable_holiday), examples: &["Stores were busy before Thanksgiving."] },
    Rule { name: FIXED_HOLIDAY, first: &[First::Capitalized(holiday_first)], run: Run::Simple(holiday),
        examples: &["Shops close on Christmas Day."] },
    Rule { name: RELATIVE_WORD, run: Run::Simple(relative_word),
        first: &[First::Words(&["today", "today's", "yesterday", "yesterday's", "tomorrow", "tomorrow's", "tonight",
            "now", "currently", "presently", "nowadays", "recently", "lately", "current", "year-earlier", "year-ago",
            "recent", "coming", "upcoming", "future", "this"])],
        examples: &["Shares fell yesterday.", "The talks resume this morning."] },
    Rule { name: MIDWEEK, first: &[First::Words(&["midweek"])], run: Run::Simple(midweek),
        examples: &["Talks resumed in midweek.", "Markets steadied by midweek."] },
    Rule { name: WEEKDAY, run: Run::Simple(weekday_form),
        first: &[First::Capitalized(is_weekday), First::Is(weekdays),
            First::Words(&["last", "past", "next", "coming", "this", "every", "each"])],
        examples: &["The blast on Thursday killed 13.", "He will return next Monday."] },
    Rule { name: RELATIVE_UNIT, first: &[First::Words(&["this", "current", "last", "past", "previous", "next", "coming"])],
        run: Run::Simple(relative_unit), examples: &["Sales rose last year.", "The vote is next week."] },
    Rule { name: AGO, run: Run::Simple(ago),
        first: &[First::Digit, First::Words(&["a", "an", "half", "several", "few", "many", "some", "couple"]),
            First::Is(number_head)],
        examples: &["The plant closed two years ago.", "Profit doubled from a year earlier."] },
    Rule { name: SEASON, first: &[First::Is(is_season), THE], run: Run::Simple(season_form),
        examples: &["The group formed in the summer of 2016."] },
    Rule { name: DECADE_CENTURY, run: Run::Simple(decade_century),
        first: &[First::Digit, First::Apostrophe, First::Is(is_decade_word), THE],
        examples: &["Prices soared in the 1990s.", "The church dates from the 12th century."] },
    Rule { name: QUARTER, run: Run::Simple(quarter),
        first: &[First::Digit, First::Words(&["first", "second", "third", "fourth", "final", "the"]),
            First::Is(quarter_code)],
        examples: &["Profit rose in the first quarter.", "Q1 2021 sales rose."] },
    Rule { name: HALF_YEAR, first: &[First::Words(&["first", "second", "last", "the"])], run: Run::Simple(half_of),
        examples: &["Sales fell in the second half of 1989."] },
    Rule { name: FISCAL_YEAR, first: &[First::Words(&["fiscal"]), First::Is(fiscal_code)], run: Run::Simple(fiscal_year),
        examples: &["Sales rose in fiscal 2020."] },
    Rule { name: YEAR, first: &[First::Digit], run: Run::Simple(year_form),
        examples: &["The group formed in 2016."] },
    Rule { name: SPELLED_YEAR, first: &[First::Is(number_head)], run: Run::Simple(spelled_year_form),
        examples: &["In nineteen ninety-four the war ended."] },
    Rule { name: CLOCK_TIME, run: Run::Simple(time_of_day),
        first: &[First::Digit, First::Words(&["noon", "midday", "midnight"]), First::Is(number_head)],
        examples: &["The polls close at 5 p.m.", "They met at noon."] },
    Rule { name: SET, run: Run::Simple(set_form),
        first: &[First::Words(&["annually", "yearly", "daily", "weekly", "monthly", "hourly", "quarterly", "every",
            "each", "per"])],
        examples: &["Dividends are paid annually.", "The board meets every year."] },
    Rule { name: YEAR_END, first: &[First::Words(&["year-end"]), First::Beside(is_year, year_end_beside)],
        run: Run::Simple(year_end), examples: &["Debt fell since year-end."] },
    Rule { name: VAGUE, run: Run::Simple(vague),
        first: &[First::Beside(plural_unit, plural_unit_beside), First::Words(&["these", "a", "past", "earlier", "later"])],
        examples: &["The talks could take months.", "Phones are cheap these days."] },
    Rule { name: DURATION, run: Run::Simple(duration_at),
        first: &[First::Digit, First::Words(&["a", "an", "half", "several", "few", "many", "some", "couple", "hundred",
            "the"]), First::Is(number_head)],
        examples: &["They fought for 20 years.", "He chaired a two-hour meeting."] },
];

/// How many rules are [`Run::Simple`].
const fn simple_count() -> usize {
    let (mut n, mut k) = (0, 0);
    while k < RULES.len() {
        if let Run::Simple(_) = RULES[k].run {
            n += 1;
        }
        k += 1;
    }
    n
}

/// The matchers of the [`Run::Simple`] rules in the table's order, gathered at compile time:
/// `simple` calls them without reading the rest of the table (the compiler sees every target).
const SIMPLE: [Matcher; simple_count()] = {
    let mut out: [Matcher; simple_count()] = [numeric_date; simple_count()];
    let (mut n, mut k) = (0, 0);
    while k < RULES.len() {
        if let Run::Simple(m) = RULES[k].run {
            out[n] = m;
            n += 1;
        }
        k += 1;
    }
    out
};

/// The simple forms, in the table's order: the first that matches at `i`.
pub(super) fn simple(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<Found> {
    SIMPLE.iter().find_map(|m| m(words, ctx, i))
}

/// How many rules are [`Run::Pair`].
const fn pair_count() -> usize {
    let (mut n, mut k) = (0, 0);
    while k < RULES.len() {
        if let Run::Pair(_) = RULES[k].run {
            n += 1;
        }
        k += 1;
    }
    n
}

/// The matchers of the [`Run::Pair`] rules in the table's order, gathered at compile time.
const PAIRS: [PairMatcher; pair_count()] = {
    let mut out: [PairMatcher; pair_count()] = [month_slash_pair; pair_count()];
    let (mut n, mut k) = (0, 0);
    while k < RULES.len() {
        if let Run::Pair(m) = RULES[k].run {
            out[n] = m;
            n += 1;
        }
        k += 1;
    }
    out
};

/// Two dates in one token ("March/April", "1986/87"): the first pair rule that matches at `i`.
pub(super) fn pair(words: &Words<'_>, ctx: &Ctx, i: usize) -> Option<(Found, Found)> {
    PAIRS.iter().find_map(|m| m(words, ctx, i))
}

// ---- first-word tests

fn non_empty(rest: &str) -> bool {
    !rest.is_empty()
}

/// After "post-" or "pre-": a year or a month ("post-1997", "pre-June"; not "pre-tax").
fn year_or_month(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_ascii_digit()) || en::month(rest).is_some()
}

fn is_month(lw: &str) -> bool {
    en::month(lw).is_some()
}

fn is_season(lw: &str) -> bool {
    time::season(lw).is_some()
}

fn is_weekday(lw: &str) -> bool {
    time::weekday_tolerant(lw).is_some()
}

fn is_decade_word(lw: &str) -> bool {
    time::decade_word(lw).is_some()
}

/// "Mondays": a weekday in the plural.
fn weekdays(lw: &str) -> bool {
    lw.ends_with("days") && time::weekday_tolerant(&lw[..lw.len() - 1]).is_some()
}

/// The first word of a fixed holiday ("christmas").
fn holiday_first(lw: &str) -> bool {
    time::HOLIDAYS.iter().any(|(p, ..)| p[0] == lw)
}

/// "fy2020", "FY98".
fn fiscal_code(lw: &str) -> bool {
    lw.starts_with("fy")
}

/// "Q1", "H2" (not "he").
fn quarter_code(lw: &str) -> bool {
    lw.len() == 2 && (lw.starts_with('q') || lw == "h1" || lw == "h2")
}

/// A number word, or one heading a hyphened word ("two", "two-hour", "nineteen").
fn number_head(lw: &str) -> bool {
    let head = lw.split_once('-').map_or(lw, |(h, _)| h);
    crate::numeral::word_value(head).is_some()
}

/// "March/April", "jan-feb": a month's first three letters, then a slash or hyphen.
fn month_pair_token(lw: &str) -> bool {
    lw.len() > 6
        && lw.as_bytes()[3..].iter().any(|&b| b == b'/' || b == b'-')
        && lw.get(..3).is_some_and(|p| en::month(p).is_some())
}

/// A qualifier phrase that bounds an amount of time is written here ("more than", "a maximum
/// of"): common first words ("in", "as", "a") open the gate only with the whole phrase.
fn amount_phrase_written(words: &Words<'_>, i: usize, _: &str) -> bool {
    super::modifiers::amount_phrase(words, i).is_some()
}

fn is_that(lw: &str) -> bool {
    lw == "that"
}

fn is_year(lw: &str) -> bool {
    lw == "year"
}

/// A spelled day ("fifth", "twenty-first"): the word of "the fifth of May".
fn spelled_day_word(lw: &str) -> bool {
    lw.ends_with(['t', 'd', 'h']) && spelled_day(lw).is_some()
}

/// A plural unit ("years", "months").
fn plural_unit(lw: &str) -> bool {
    lw.ends_with('s') && time::unit(lw).is_some_and(|u| u.plural)
}

/// The word at `i` is capitalized (a weekday or holiday name, not "march" or "may" as verbs).
fn capital_here(words: &Words<'_>, i: usize, _: &str) -> bool {
    capitalized(words, i)
}

/// "that day", "that same night".
fn that_anaphor(words: &Words<'_>, i: usize, lw: &str) -> bool {
    let next = words.lw(i + 1);
    lw == "that" && (next == "same" || anaphor_grain(next).is_some())
}

/// "the fifth of May": a spelled day before "of" and a month.
fn spelled_day_of(words: &Words<'_>, i: usize, lw: &str) -> bool {
    words.lw(i + 1) == "of"
        && lw.ends_with(['t', 'd', 'h'])
        && en::month(words.lw(i + 2)).is_some()
        && spelled_day(lw).is_some()
}

/// "year end", "year's end".
fn year_end_beside(words: &Words<'_>, i: usize, lw: &str) -> bool {
    lw == "year" && matches!(words.lw(i + 1), "end" | "'s" | "’s")
}

/// "for years", "within weeks", "months ago": a plural unit after a word that spans or before
/// "ago". (Plural units all end in "s": most words stop at that byte.)
fn plural_unit_beside(words: &Words<'_>, i: usize, lw: &str) -> bool {
    lw.ends_with('s')
        && (words.lw(i + 1) == "ago"
            || i > 0
                && matches!(words.lw(i - 1), "for" | "within" | "in" | "take" | "takes" | "took" | "taking" | "taken"))
        && time::unit(lw).is_some_and(|u| u.plural)
}

// ---- the gate

impl First {
    #[cfg(test)]
    /// Does this spec admit token `i` (`lw` lower-cased, `head` and `rest` either side of its
    /// first hyphen)?
    fn admits(&self, words: &Words<'_>, i: usize, lw: &str) -> bool {
        let Some(&b) = lw.as_bytes().first() else { return false };
        match *self {
            First::Digit => b.is_ascii_digit(),
            First::Apostrophe => b == b'\'',
            _ if !b.is_ascii_alphabetic() => false,
            First::Words(list) => {
                let head = lw.split_once('-').map_or(lw, |(h, _)| h);
                list.contains(&lw) || list.contains(&head)
            }
            First::Hyphen(heads, rest) => lw.split_once('-').is_some_and(|(h, r)| heads.contains(&h) && rest(r)),
            First::Is(test) => test(lw),
            First::Capitalized(test) => capitalized(words, i) && test(lw),
            First::Beside(word, test) => word(lw) && test(words, i, lw),
        }
    }
}

impl Rule {
    /// May an expression of this rule start at token `i`?
    #[cfg(test)]
    pub(super) fn admits(&self, words: &Words<'_>, i: usize) -> bool {
        let lw = words.lw(i);
        self.first.iter().any(|f| f.admits(words, i, lw))
    }
}

/// A test of the neighbours of a rule's first word (`words`, `i`, the word lower-cased).
type BesideTest = fn(&Words<'_>, usize, &str) -> bool;

/// The union of every rule's first words, gathered once: what [`may_start`] tests.
struct Gate {
    digit: bool,
    apostrophe: bool,
    words: HashSet<&'static str, BuildHasherDefault<Fnv>>,
    hyphens: Vec<(&'static [&'static str], WordTest)>,
    tests: Vec<fn(&str) -> bool>,
    beside: Vec<(WordTest, BesideTest)>,
}

impl Gate {
    fn derive() -> Gate {
        let mut gate = Gate {
            digit: false,
            apostrophe: false,
            words: HashSet::default(),
            hyphens: Vec::new(),
            tests: Vec::new(),
            beside: Vec::new(),
        };
        // A test listed by several rules runs once.
        fn add<T: Copy>(list: &mut Vec<T>, t: T, same: impl Fn(&T, &T) -> bool) {
            if !list.iter().any(|x| same(x, &t)) {
                list.push(t);
            }
        }
        for spec in RULES.iter().flat_map(|r| r.first) {
            match *spec {
                First::Digit => gate.digit = true,
                First::Apostrophe => gate.apostrophe = true,
                First::Words(list) => gate.words.extend(list),
                First::Hyphen(heads, rest) => {
                    add(&mut gate.hyphens, (heads, rest), |a, b| a.0 == b.0 && std::ptr::fn_addr_eq(a.1, b.1));
                }
                First::Is(t) => add(&mut gate.tests, t, |a, b| std::ptr::fn_addr_eq(*a, *b)),
                // A capitalized word the test accepts: the test reads the word alone (cached per
                // word like the other word tests), the capital is checked at each occurrence.
                First::Capitalized(t) => add(&mut gate.beside, (t, capital_here), |a, b| {
                    std::ptr::fn_addr_eq(a.0, b.0) && std::ptr::fn_addr_eq(a.1, b.1)
                }),
                First::Beside(w, t) => add(&mut gate.beside, (w, t), |a, b| {
                    std::ptr::fn_addr_eq(a.0, b.0) && std::ptr::fn_addr_eq(a.1, b.1)
                }),
            }
        }
        // Each neighbour test takes a bit of the per-word flags (bit 0 is the word alone).
        assert!(gate.beside.len() < 32, "more neighbour tests than bits in the gate's flags");
        gate
    }

    /// Does a spec that reads the word alone (its words, hyphen heads and tests) admit `lw`?
    fn admits_word(&self, lw: &str) -> bool {
        let hyphened = lw.split_once('-');
        self.words.contains(lw)
            || hyphened.is_some_and(|(head, rest)| {
                self.words.contains(head)
                    || self.hyphens.iter().any(|(heads, test)| heads.contains(&head) && test(rest))
            })
            || self.tests.iter().any(|t| t(lw))
    }

    fn admits(&self, words: &Words<'_>, i: usize) -> bool {
        let lw = words.lw(i);
        let Some(&b) = lw.as_bytes().first() else { return false };
        if b.is_ascii_digit() {
            return self.digit;
        }
        if b == b'\'' {
            return self.apostrophe;
        }
        if !b.is_ascii_alphabetic() {
            return false;
        }
        // What the word alone decides is the same at every occurrence: each thread keeps it for
        // the words it has seen (bounded), so a common word costs one lookup, not every test.
        // Bit 0: a spec admits the word alone; bit k + 1: the k-th neighbour test may apply.
        let flags = WORD_GATE.with_borrow_mut(|seen| match seen.get(lw) {
            Some(&flags) => flags,
            None => {
                let mut flags = u32::from(self.admits_word(lw));
                for (k, (word, _)) in self.beside.iter().enumerate() {
                    flags |= u32::from(word(lw)) << (k + 1);
                }
                if seen.len() < WORD_GATE_MAX {
                    seen.insert(lw.into(), flags);
                }
                flags
            }
        });
        flags & 1 != 0
            || (flags > 1
                && self
                    .beside
                    .iter()
                    .enumerate()
                    .any(|(k, (_, test))| flags & (1 << (k + 1)) != 0 && test(words, i, lw)))
    }
}

/// Words a thread's [`WORD_GATE`] keeps (a few MB at most).
const WORD_GATE_MAX: usize = 50_000;

thread_local! {
    /// The word-alone part of the gate, per lower-case word seen by this thread.
    static WORD_GATE: std::cell::RefCell<HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>> =
        std::cell::RefCell::new(HashMap::default());
}

static GATE: OnceLock<Gate> = OnceLock::new();

/// Can a temporal expression start at token `i`? A cheap gate (most tokens cannot) before the
/// matchers run: the union of every rule's [`First`] words.
pub(super) fn may_start(words: &Words<'_>, i: usize) -> bool {
    GATE.get_or_init(Gate::derive).admits(words, i)
}
