// A body that declares an item has no typing prologue (coro-macros' `lower/typing.rs` says
// why), so its lints come from the state machine's arms alone: the user's mistakes are reported
// at their spans, but a `mut` local that lives across a `yield_!` is not checked (it is mutated,
// if at all, in another arm), and a `yield_!` right after `return` is generated code to rustc,
// so it is not called unreachable.
#![deny(warnings)]

use coro_core::{generator, yield_};

#[generator(yield = u32, resume = u32)]
fn mistakes(n: u32) -> u32 {
    fn double(x: u32) -> u32 {
        x * 2
    }
    let unused = double(n);
    let mut never_mutated = 1;
    let mut total = 0;
    for i in 0..n {
        let got = yield_!(i + never_mutated);
        total += got;
    }
    total;
    return total;
    yield_!(0);
    total
}

fn main() {
    let _ = mistakes(3);
}
