//! Issue 12: `throw = E` in pinned mode (Python's `g.throw(e)` on a generator that borrows its
//! own locals): the enum mode's protocol, on `PinnedThrowGen`.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::pin;
use std::rc::Rc;

use coro_core::{
    Generator, GeneratorState, GeneratorStatus, Throw, generator, yield_, yield_catch, yield_from,
};

/// Counts its drops.
struct Guard(Rc<Cell<u32>>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

// `yield_catch!` recovers; the words borrow the local `text` across the yields.
#[generator(yield = usize, throw = String, pinned)]
fn lengths(text: String) -> Vec<String> {
    let mut errors = Vec::new();
    for word in text.split(' ') {
        if let Err(e) = yield_catch!(word.len()) {
            errors.push(format!("{word}: {e}"));
        }
    }
    errors
}

#[test]
fn caught_errors_let_the_body_go_on() {
    let mut g = pin!(lengths("ab cde f".into()));
    assert_eq!(g.start(), GeneratorState::Yielded(2));
    assert_eq!(g.throw("bad".into()), GeneratorState::Yielded(3));
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(
        g.throw("worse".into()),
        GeneratorState::Complete(vec!["ab: bad".to_string(), "f: worse".to_string()])
    );
    assert_eq!(g.status(), GeneratorStatus::Completed);
}

// `yield_!` raises like `?`: the body completes with the error, its locals dropped.
#[generator(yield = u32, resume = u32, throw = String, pinned)]
fn adder(drops: Rc<Cell<u32>>) -> Result<u32, String> {
    let guard = Guard(drops);
    let held = &guard; // a borrow of a local, across every yield
    let mut total = 0;
    loop {
        total += yield_!(total);
        let _ = held;
    }
}

#[test]
fn a_raised_error_completes_and_drops_the_locals() {
    let drops = Rc::new(Cell::new(0));
    let mut g = Box::pin(adder(drops.clone()));
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(4), GeneratorState::Yielded(4));
    assert_eq!(g.send(5), GeneratorState::Yielded(9));
    assert_eq!(drops.get(), 0);
    assert_eq!(
        g.throw("stop".into()),
        GeneratorState::Complete(Err("stop".to_string()))
    );
    assert_eq!(drops.get(), 1);
    assert!(format!("{g:?}").starts_with("adder (completed"), "{g:?}");
}

#[test]
fn throw_before_start_is_refused_and_keeps_the_generator() {
    let drops = Rc::new(Cell::new(0));
    let mut g = Box::pin(adder(drops.clone()));
    let refused = catch_unwind(AssertUnwindSafe(|| g.throw("early".into())));
    let message = refused.expect_err("throw before start panics");
    let message = message
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| message.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("");
    assert!(
        message.contains("throw() called on a generator that has not started"),
        "{message}"
    );
    assert_eq!(g.status(), GeneratorStatus::Created);
    assert_eq!(drops.get(), 0);
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(2), GeneratorState::Yielded(2));
}

#[test]
fn throw_after_completion_panics() {
    let mut g = pin!(lengths("a".into()));
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(g.start(), GeneratorState::Complete(Vec::new()));
    let r = catch_unwind(AssertUnwindSafe(|| g.throw("late".into())));
    assert!(r.is_err());
}

// PEP 380: `yield_from!` forwards a thrown error to a sub-generator that takes them; one that
// does not is closed and the error raised at the `yield_from!`.
#[generator(yield = usize)]
fn plain_sub() -> u32 {
    yield_!(7);
    yield_!(8);
    3
}

#[generator(yield = usize, throw = String, pinned)]
fn delegating(text: String) -> Result<(usize, u32), String> {
    let first = text.len();
    let caught = yield_from!(lengths(text.clone()));
    let n = yield_from!(plain_sub());
    Ok((first + caught.len(), n))
}

#[test]
fn yield_from_forwards_or_raises() {
    let mut g = pin!(delegating("x yy".into()));
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    // Caught by the pinned sub-generator, which goes on.
    assert_eq!(g.throw("e1".into()), GeneratorState::Yielded(2));
    // The enum-mode sub-generator takes no thrown errors: it is closed, and the error raised
    // at the `yield_from!` completes the delegating body like `?`.
    assert_eq!(g.start(), GeneratorState::Yielded(7));
    assert_eq!(
        g.throw("e2".into()),
        GeneratorState::Complete(Err("e2".to_string()))
    );
}

#[test]
fn yield_from_goes_on_without_errors() {
    let mut g = pin!(delegating("ab".into()));
    assert_eq!(g.start(), GeneratorState::Yielded(2));
    assert_eq!(g.start(), GeneratorState::Yielded(7));
    assert_eq!(g.start(), GeneratorState::Yielded(8));
    assert_eq!(g.start(), GeneratorState::Complete(Ok((2, 3))));
}

// With `resume = ()` it is an iterator too.
#[test]
fn a_unit_resume_pinned_throw_generator_iterates() {
    let g = pin!(lengths("a bb ccc".into()));
    assert_eq!(g.collect::<Vec<_>>(), vec![1, 2, 3]);
    let mut g = Box::pin(lengths("a bb".into()));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.throw("x".into()), GeneratorState::Yielded(2));
    assert_eq!(g.next(), None);
}

// `status()` names the suspension point.
#[test]
fn status_names_the_yield() {
    let mut g = pin!(lengths("ab".into()));
    assert_eq!(g.status(), GeneratorStatus::Created);
    g.start();
    match g.status() {
        GeneratorStatus::Suspended(p) => assert_eq!(p.source, "yield_catch!(word.len())"),
        other => panic!("{other:?}"),
    }
}

// `gen_block!` takes `throw` with `pinned` too.
#[test]
fn a_pinned_gen_block_takes_thrown_errors() {
    let text = String::from("a bb");
    let mut g = Box::pin(
        coro_core::gen_block!(yield = usize, throw = String, pinned => {
            let t = text;
            let mut caught = 0;
            for w in t.split(' ') {
                if yield_catch!(w.len()).is_err() {
                    caught += 1;
                }
            }
            caught
        }),
    );
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(g.throw("x".into()), GeneratorState::Yielded(2));
    assert_eq!(g.start(), GeneratorState::Complete(1));
}
