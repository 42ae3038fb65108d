//! Hand-expanded *proposals* for `#[generator]`'s output, measured next to the real macro so a
//! suggested change to the generated code is backed by a number (see BENCHMARKS.md, "Analysis").
//!
//! `tokens` is what the macro emits today (commit dcd0541: internal jumps go through a local
//! `__coro_current` and are inlined into their source arm) with two more changes:
//! 1. **every** jump to an internal block is inlined, including the ones from `Start` and the
//!    jump to the return block, so no `Block` variant and no `'__coro_dispatch: loop` is left
//!    when every path from a resumption reaches a `yield_!`/`return` without a cycle;
//! 2. the state is written with `*state = ..` only where it is known to hold `Poisoned`
//!    (always, after the `mem::replace` at entry) — here no drop glue exists, see the W5 notes
//!    for why that matters when it does.
//!
//! `count` is today's output for `coro_impls::count` (kept as a check that the hand expansion
//! compiles to the same code: it must measure the same as `coro (while loop)`).
//!
//! They use `coro_core::__private`, which is not public API: if it changes, update or delete
//! this module.

use coro_core::__private::{GeneratorState, GeneratorStatus, Refusal, StateInfo, machine};
use coro_core::Generator;

use crate::hand::{Kind, Token};

/// `coro_impls::count` with `Block1` (return) and `Block2` (loop test) inlined into `Start` and
/// `Yield0`: what the macro produces since dcd0541.
pub fn count(n: u64) -> impl Generator<(), Yield = u64, Return = ()> + Iterator<Item = u64> {
    enum S<T0, T1> {
        Start { n: T0 },
        Yield0 { i: T1, n: T0 },
        Done,
        Poisoned,
    }
    impl<T0, T1> StateInfo for S<T0, T1> {
        const NAME: &'static str = "count";
        fn status(&self) -> GeneratorStatus {
            match self {
                S::Start { .. } => GeneratorStatus::Created,
                S::Yield0 { .. } | S::Poisoned => GeneratorStatus::Poisoned,
                S::Done => GeneratorStatus::Completed,
            }
        }
        fn close(&mut self) {
            *self = S::Done;
        }
    }
    machine::<(), u64, (), _, _>(S::Start { n }, |state, _resume| {
        match core::mem::replace(state, S::Poisoned) {
            S::Start { n } => {
                let i = 0;
                // Block2, inlined:
                if i < n {
                    *state = S::Yield0 { i, n };
                    Ok(GeneratorState::Yielded(i))
                } else {
                    // Block1, inlined:
                    *state = S::Done;
                    Ok(GeneratorState::Complete(()))
                }
            }
            S::Yield0 { mut i, n } => {
                i += 1;
                // Block2, inlined:
                if i < n {
                    *state = S::Yield0 { i, n };
                    Ok(GeneratorState::Yielded(i))
                } else {
                    *state = S::Done;
                    Ok(GeneratorState::Complete(()))
                }
            }
            S::Done => {
                *state = S::Done;
                Err(Refusal::Completed)
            }
            S::Poisoned => Err(Refusal::Panicked),
        }
    })
}

/// `coro_impls::tokens` with `Block2` (the loop body up to the yield) inlined into `Start` and
/// `Yield0`, and `Block1` (the return) inlined at the `break`. The body is written once as a
/// `macro_rules!` here only to keep the file short; `#[generator]` would emit it twice.
pub fn tokens(
    text: &str,
) -> impl Generator<(), Yield = Token<'_>, Return = ()> + Iterator<Item = Token<'_>> {
    enum S<T0, T1, T2> {
        Start { text: T0 },
        Yield0 { i: T2, bytes: T1, text: T0 },
        Done,
        Poisoned,
    }
    impl<T0, T1, T2> StateInfo for S<T0, T1, T2> {
        const NAME: &'static str = "tokens";
        fn status(&self) -> GeneratorStatus {
            match self {
                S::Start { .. } => GeneratorStatus::Created,
                S::Yield0 { .. } | S::Poisoned => GeneratorStatus::Poisoned,
                S::Done => GeneratorStatus::Completed,
            }
        }
        fn close(&mut self) {
            *self = S::Done;
        }
    }
    macro_rules! block2 {
        ($state:ident, $i:ident, $bytes:ident, $text:ident) => {{
            while $i < $bytes.len() && $bytes[$i].is_ascii_whitespace() {
                $i += 1;
            }
            if $i == $bytes.len() {
                *$state = S::Done;
                return Ok(GeneratorState::Complete(()));
            }
            let start = $i;
            let c = $bytes[$i];
            let kind = if c.is_ascii_alphabetic() {
                while $i < $bytes.len() && $bytes[$i].is_ascii_alphanumeric() {
                    $i += 1;
                }
                Kind::Word
            } else if c.is_ascii_digit() {
                while $i < $bytes.len() && $bytes[$i].is_ascii_digit() {
                    $i += 1;
                }
                Kind::Number
            } else {
                $i += 1;
                Kind::Punct
            };
            let y: Token<'_> = Token {
                kind,
                text: &$text[start..$i],
            };
            *$state = S::Yield0 {
                i: $i,
                bytes: $bytes,
                text: $text,
            };
            Ok(GeneratorState::Yielded(y))
        }};
    }
    machine::<(), Token<'_>, (), _, _>(
        S::Start { text },
        |state, _resume| match core::mem::replace(state, S::Poisoned) {
            S::Start { text } => {
                let bytes = text.as_bytes();
                let mut i = 0;
                block2!(state, i, bytes, text)
            }
            S::Yield0 { mut i, bytes, text } => block2!(state, i, bytes, text),
            S::Done => {
                *state = S::Done;
                Err(Refusal::Completed)
            }
            S::Poisoned => Err(Refusal::Panicked),
        },
    )
}
