//! A panic is a bug, but one document must never take a whole run down with it: [`catch`] runs a
//! unit of work (one extractor on one document, one document's ingest) and turns a panic into an
//! error message with its place in the source, for an `errors` row of kind `internal_error`.
//!
//! [`quiet_caught_panics`] (called once by a program, e.g. the `gleaner` binary) keeps the
//! default panic message off the terminal for panics that [`catch`] handles: the message goes to
//! the `errors` row instead. Panics anywhere else print as before.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls this thread is inside.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// The last caught panic's message with its place, recorded by the hook.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that records the message and place of a panic inside
/// [`catch`] instead of printing it; any other panic goes to the hook that was there before.
pub fn quiet_caught_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if DEPTH.with(Cell::get) > 0 {
                let place = info.location().map(|l| format!(" (at {}:{})", l.file(), l.line())).unwrap_or_default();
                let message = format!("{}{place}", message_of(info.payload()));
                LAST.with_borrow_mut(|last| *last = Some(message));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it comes back as `Err(message)` (with the source place when
/// [`quiet_caught_panics`] is installed).
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    DEPTH.with(|d| d.set(d.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    DEPTH.with(|d| d.set(d.get() - 1));
    result.map_err(|payload| LAST.with_borrow_mut(Option::take).unwrap_or_else(|| message_of(&*payload)))
}

fn message_of(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    #[test]
    fn a_panic_becomes_its_message_and_place() {
        quiet_caught_panics();
        let text = "abc";
        let end = text.len() + usize::from(text.is_empty()) + 2;
        let err = catch(|| text[..end].len()).unwrap_err();
        assert!(err.contains("out of bounds") || err.contains("byte index 5"), "{err}");
        assert!(err.contains("guard.rs:"), "the place is kept: {err}");
        assert_eq!(catch(|| 2 + 2), Ok(4));
        // Nested and sequential calls leave no stale message behind.
        assert_eq!(catch(|| catch(|| 1).unwrap() + 1), Ok(2));
    }

    /// An extractor whose rows would not slice the text loses them, with an errors row, instead
    /// of panicking the writer later.
    #[test]
    fn rows_that_do_not_slice_the_text_are_an_internal_error() {
        use crate::{Extraction, Extractor, Mention, Pipeline};
        use gleaner_ingest::{Document, Span};

        #[derive(Debug)]
        struct Reversed;
        impl Extractor for Reversed {
            fn name(&self) -> &'static str {
                "reversed"
            }
            fn makes(&self) -> &'static [crate::Rows] {
                &[crate::Rows::Mentions]
            }
            fn extract(&self, doc: &Document, out: &mut Extraction) {
                let end = doc.text.len() as u32;
                for span in [Span { start: 0, end: 4 }, Span { start: end, end: 2 }] {
                    out.mentions.push(Mention {
                        sentence: 0,
                        span,
                        label: Label::Org,
                        name: "x".into(),
                        entity_id: "x".into(),
                        confidence: 1.0,
                        method: "test",
                        rule: None,
                        place: None,
                    });
                }
            }
        }
        let doc = crate::testkit::doc("Acme grew. Lisbon won 13 medals.", None);
        let found = Pipeline::new().with(Reversed).with(crate::numbers::Numbers).run(&doc);
        assert!(found.mentions.is_empty(), "{:?}", found.mentions);
        assert_eq!(found.numbers.len(), 1, "the next extractor still runs");
        assert_eq!(found.issues.len(), 1);
        assert_eq!(found.issues[0].kind, "internal_error");
        assert!(found.issues[0].message.contains("a mentions row with span"), "{}", found.issues[0].message);
    }
}
