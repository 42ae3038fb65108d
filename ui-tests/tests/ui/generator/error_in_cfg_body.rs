// A body holding `#[cfg]` is expanded once per predicate (see coro-macros/src/cfg.rs): an error
// in it is still reported once, at the user's code, and names nothing generated.
use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn configured() {
    #[cfg(any())]
    yield_!(0);
    #[cfg(not(any()))]
    let x: u32 = "not a number";
    yield_!(x);
}

fn main() {
    let _ = configured();
}
