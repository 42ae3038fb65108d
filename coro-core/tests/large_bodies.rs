//! Generators with many suspension points. Their state enum is emitted differently from a small
//! one's where that keeps rustc's type check fast (see `coro-macros/src/emit/refusals.rs`): these
//! tests hold the protocol to the same behaviour there.

#![warn(clippy::pedantic)] // generated code of a large body stays clean too

use coro_core::{Generator, GeneratorState, GeneratorStatus, generator, yield_};

/// `#[generator]` over a body of 40 `acc += yield_!(acc);` statements: past the size at which
/// the refusals become a method of the state enum.
/// (The statements are spliced in by one `macro_rules!` arm: the attribute sees the body
/// before any macro inside it is expanded.)
macro_rules! yields {
    ($name:ident: $($n:literal)*) => {
        #[generator(yield = i64, resume = i64)]
        fn $name(start: i64) -> i64 {
            let mut acc = start;
            $( acc += yield_!(acc) * $n; )*
            acc
        }
    };
}

yields!(big: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
    21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40);

fn panic_message(f: impl FnOnce()) -> String {
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).expect_err("no panic");
    err.downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| err.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn runs_to_completion() {
    let mut g = big(1);
    let mut expected = 1;
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    for n in 1..=40 {
        // `acc += sent * n`, then the next yield shows `acc`.
        expected += 2 * n;
        let step = g.send(2);
        if n < 40 {
            assert_eq!(step, GeneratorState::Yielded(expected), "after send {n}");
        } else {
            assert_eq!(step, GeneratorState::Complete(expected));
        }
    }
    assert_eq!(g.status(), GeneratorStatus::Completed);
}

#[test]
fn start_while_suspended_is_refused_and_leaves_it_usable() {
    let mut g = big(0);
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(1), GeneratorState::Yielded(1));
    let msg = panic_message(|| {
        g.start();
    });
    assert!(msg.contains("expects a value"), "{msg}");
    let GeneratorStatus::Suspended(point) = g.status() else {
        panic!("not suspended: {:?}", g.status());
    };
    assert_eq!(point.index, 1);
    // `acc` is still 1: `acc += 3 * 2`.
    assert_eq!(g.send(3), GeneratorState::Yielded(7));
}

#[test]
fn send_before_start_is_refused_and_leaves_it_usable() {
    let mut g = big(5);
    let msg = panic_message(|| {
        g.send(1);
    });
    assert!(msg.contains("call start() first"), "{msg}");
    assert_eq!(g.status(), GeneratorStatus::Created);
    assert_eq!(g.start(), GeneratorState::Yielded(5));
}
