// Lints fire on the user's code inside a generator body as in a plain fn, at the user's spans;
// none fires on generated code (the same body without these mistakes builds warning-free under
// `deny(warnings)`: see coro-core/tests and compat-2021).
// The body has a typing prologue (coro-macros' `emit/typing.rs`): rustc also checks it as plain
// Rust, so even what the state machine hides from the lints is reported as in a plain fn:
// `never_mutated` lives across a `yield_!`, and the `yield_!` after `return` is unreachable. (A
// body without a prologue, one declaring an item say, does not get these two: see
// `no_prologue_lints.rs`.)
#![deny(warnings)]

use coro_core::{generator, yield_};

#[generator(yield = u32, resume = u32)]
fn mistakes(n: u32) -> u32 {
    let unused = n * 2;
    let mut never_mutated = 1;
    let mut total = 0;
    for i in 0..n {
        let got = yield_!(i + never_mutated);
        total += got;
    }
    total;
    let mut overwritten = 5;
    overwritten = 6;
    let _ = overwritten;
    return total;
    yield_!(0);
    total
}

fn main() {
    let _ = mistakes(3);
}
