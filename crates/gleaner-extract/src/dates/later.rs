//! Recognize, then resolve: values counted from an anchor, and the one pass per document that
//! settles them.
//!
//! A matcher never reads the document's date or the story's time. When what it recognized is
//! counted from one ("Friday", "last year", "in June", "that day", "10 p.m."), it returns a
//! [`Val::Later`]: the [`Kind`] of value it will be (so that wrappers and the scan can decide
//! on it now), the value to write when there is nothing to count from ("XXXX-06"), and the
//! computation from the anchor, the story's time and the value settled just before it (the
//! tense of its clause and every word it read are captured then). Wrappers compose on it with
//! [`Found::then`]. The document's expressions are recognized once; [`settle`] then walks them
//! in text order, keeping the story's time ([`Reference`]), and writes the mentions. Without a
//! published date the settle runs twice (first without an anchor, to find the latest full date
//! written), the grammar once.

use std::fmt;
use std::rc::Rc;

use super::*;

/// What a value is, settled or not: wrappers and the scan decide on it before the anchor is
/// known ("the week of" takes a day; "the end of" no duration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Day,
    Partial,
    Month,
    Year,
    Decade,
    Century,
    Season,
    Quarter,
    Half,
    Week,
    Time,
    Ref,
    Duration,
    Set,
}

/// Where the resolution pass stands when it settles a value.
pub(super) struct Env<'a> {
    /// The document's date, else the latest full date written in it.
    pub(super) anchor: Option<NaiveDate>,
    /// The story's time: the periods the text named last.
    pub(super) reference: &'a Reference,
    /// The value settled just before, in the same sentence: the first month of "March to
    /// May", the first day of "April 24 and 25", the day of "Friday at 4 p.m.".
    pub(super) previous: Option<&'a Val>,
}

/// A settled value, with the days it covers when narrower than the value's ("the first four
/// months of 2021") and the story's date it was counted from, when not the document's.
pub(super) struct Done {
    pub(super) val: Val,
    pub(super) range: Option<(NaiveDate, NaiveDate)>,
    pub(super) from: Option<NaiveDate>,
}

impl From<Val> for Done {
    fn from(val: Val) -> Done {
        Done { val, range: None, from: None }
    }
}

type Settle = dyn Fn(&Env<'_>) -> Option<Done>;

/// A value counted from the anchor or the story's time: its kind, the value written without
/// an anchor (none: no row), and how it settles.
#[derive(Clone)]
pub(super) struct Later {
    pub(super) kind: Kind,
    unknown: Option<Box<Val>>,
    run: Rc<Settle>,
}

impl fmt::Debug for Later {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Later({:?}, unknown {:?})", self.kind, self.unknown)
    }
}

impl Val {
    /// A value counted from the anchor alone: `f` of the anchor; `unknown` without one.
    pub(super) fn at_anchor(kind: Kind, unknown: Option<Val>, f: impl Fn(NaiveDate) -> Option<Val> + 'static) -> Val {
        Val::Later(Later {
            kind,
            unknown: unknown.map(Box::new),
            run: Rc::new(move |env: &Env<'_>| f(env.anchor?).map(Done::from)),
        })
    }

    /// A value counted from anything the pass knows: the anchor, the story's time, the value
    /// before it.
    pub(super) fn later(kind: Kind, unknown: Option<Val>, f: impl Fn(&Env<'_>) -> Option<Done> + 'static) -> Val {
        Val::Later(Later { kind, unknown: unknown.map(Box::new), run: Rc::new(f) })
    }

    /// The kind of value this is, or will be once settled.
    pub(super) fn kind(&self) -> Kind {
        match self {
            Val::Day(_) => Kind::Day,
            Val::Partial(_) => Kind::Partial,
            Val::Month(..) => Kind::Month,
            Val::Year(_) => Kind::Year,
            Val::Decade(_) => Kind::Decade,
            Val::Century(_) => Kind::Century,
            Val::Season(..) => Kind::Season,
            Val::Quarter(..) => Kind::Quarter,
            Val::Half(..) => Kind::Half,
            Val::Week(..) => Kind::Week,
            Val::Time(..) => Kind::Time,
            Val::Ref(_) => Kind::Ref,
            Val::Duration(_) => Kind::Duration,
            Val::Set(_) => Kind::Set,
            Val::Later(l) => l.kind,
        }
    }

    /// The value as the pass settles it: itself when known.
    pub(super) fn settled(&self, env: &Env<'_>) -> Option<Done> {
        match self {
            Val::Later(l) => (l.run)(env),
            v => Some(v.clone().into()),
        }
    }

    /// The month of a day to be settled, as its unknown value writes it ("XXXX-04-08": 4).
    pub(super) fn unknown_month(&self) -> Option<u32> {
        let Val::Later(Later { unknown: Some(u), .. }) = self else { return None };
        let Val::Partial(p) = &**u else { return None };
        p.strip_prefix("XXXX-")?.get(..2)?.parse().ok().filter(|m| (1..=12).contains(m))
    }

    /// The day of a day to be settled, as its unknown value writes it ("XXXX-04-08": 8).
    pub(super) fn unknown_day(&self) -> Option<u32> {
        let Val::Later(Later { unknown: Some(u), .. }) = self else { return None };
        let Val::Partial(p) = &**u else { return None };
        p.strip_prefix("XXXX-")?.get(3..5)?.parse().ok()
    }

    /// Is the value counted from an anchor, to be settled by the pass?
    pub(super) fn is_later(&self) -> bool {
        matches!(self, Val::Later(_))
    }
}

impl Found {
    /// `f` applied to the value: now when the value is known (None when it does not fit, so
    /// the matcher declines), in the pass when it is counted from an anchor (where a value
    /// that does not fit gives no row). The result is of kind `kind`; without an anchor it is
    /// what the inner value would have been (see [`Found::or_unknown`]).
    pub(super) fn then(self, kind: Kind, f: impl Fn(Done) -> Option<Done> + 'static) -> Option<Found> {
        match self.val {
            Val::Later(l) => {
                let (inner, unknown) = (l.run, l.unknown);
                let val = Val::Later(Later { kind, unknown, run: Rc::new(move |env| inner(env).and_then(&f)) });
                Some(Found { val, ..self })
            }
            val => {
                let done = f(Done { val, range: self.range, from: self.anchor })?;
                Some(Found { val: done.val, range: done.range, anchor: done.from, ..self })
            }
        }
    }

    /// [`Found::then`] for a value that maps to a value, keeping its range and story's date.
    pub(super) fn map(self, kind: Kind, f: impl Fn(Val) -> Option<Val> + 'static) -> Option<Found> {
        self.then(kind, move |d| Some(Done { val: f(d.val)?, ..d }))
    }

    /// The value written without an anchor, when the value is to be settled.
    pub(super) fn or_unknown(mut self, unknown: Option<Val>) -> Found {
        if let Val::Later(l) = &mut self.val {
            l.unknown = unknown.map(Box::new);
        }
        self
    }

    /// The value settled beside the one settled just before it in the sentence: `f` of that
    /// one, its own settled value and the anchor ("March to May": May in the year after
    /// March's when it must; "Friday at 4 p.m.": the clock time on that Friday).
    pub(super) fn beside_previous(self, f: impl Fn(&Val, Done, Option<NaiveDate>) -> Done + 'static) -> Found {
        let (range, from) = (self.range, self.anchor);
        let (kind, unknown) = match &self.val {
            Val::Later(l) => (l.kind, l.unknown.clone()),
            v => (v.kind(), None),
        };
        let own = self.val.clone();
        let run = move |env: &Env<'_>| {
            let done = match &own {
                Val::Later(l) => (l.run)(env)?,
                v => Done { val: v.clone(), range, from },
            };
            Some(match env.previous {
                Some(p) => f(p, done, env.anchor),
                None => done,
            })
        };
        Found { val: Val::Later(Later { kind, unknown, run: Rc::new(run) }), ..self }
    }
}

/// What the story has named so far, as the scan knows it before anything is settled: the
/// grains "that day", "the following year" and "September of that year" need. A value to be
/// settled counts by its kind; a quarter keeps the finer grains (the pass drops them when its
/// year differs).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Told {
    pub(super) day: bool,
    pub(super) month: bool,
    pub(super) quarter: bool,
    pub(super) year: bool,
}

impl Told {
    pub(super) fn note(&mut self, val: &Val) {
        let all = Told { day: true, month: true, year: true, ..*self };
        *self = match (val.kind(), val) {
            (Kind::Day, _) => all,
            (Kind::Time, Val::Time(None, _)) => *self,
            (Kind::Time, _) => all,
            (Kind::Month, _) => Told { day: false, month: true, year: true, ..*self },
            (Kind::Season | Kind::Year, _) => Told { day: false, month: false, year: true, ..*self },
            (Kind::Quarter, _) => Told { quarter: true, year: true, ..*self },
            _ => *self,
        };
    }
}

/// An expression as recognized: its sentence, the bytes it covers, and what it found.
pub(super) struct Recognized {
    pub(super) sentence: u32,
    pub(super) span: Span,
    pub(super) found: Found,
}

/// Settles every recognized expression of a document against `anchor`, in text order, and
/// writes the mentions: a value outside the calendar is dropped before it can become the
/// story's time; every value but a comparison's ("a year earlier") becomes it.
pub(super) fn settle(recognized: &[Recognized], anchor: Option<NaiveDate>, out: &mut Vec<DateMention>) {
    let mut reference = Reference::default();
    let mut previous: Option<(u32, Val)> = None;
    for r in recognized {
        let f = &r.found;
        let before = previous.as_ref().filter(|(s, _)| *s == r.sentence).map(|(_, v)| v);
        let (val, range, from, anchored) = match &f.val {
            Val::Later(l) => {
                let env = Env { anchor, reference: &reference, previous: before };
                match (l.run)(&env) {
                    // A reference or an amount of time is no date counted from the anchor
                    // ("2,500 years ago" is the past).
                    Some(d) => {
                        let unknown_year = matches!(&d.val, Val::Partial(p) if p.starts_with("XXXX"));
                        let anchored = f.anchored
                            && !unknown_year
                            && !matches!(d.val.kind(), Kind::Ref | Kind::Duration | Kind::Set);
                        (d.val, d.range.or(f.range), d.from, anchored)
                    }
                    // Nothing to count from: the unknown value. With an anchor, a value that
                    // does not settle (a story's time never named) gives no row.
                    None => match (&l.unknown, anchor) {
                        (Some(u), None) => ((**u).clone(), None, None, false),
                        _ => {
                            previous = None;
                            continue;
                        }
                    },
                }
            }
            val => (val.clone(), f.range, f.anchor, f.anchored),
        };
        if !in_calendar(&val) {
            previous = None;
            continue;
        }
        if !f.aside {
            reference.note(&val);
        }
        out.push(mention(r, &val, range, from, anchored, anchor));
        previous = Some((r.sentence, val));
    }
}
