// A misspelled type in an annotated local held across a yield: one error, at the user's type
// (the state enum names only types it surely resolves, so rustc does not report it a second time
// from there).
use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn counter() {
    let mut n: Coutner = 0;
    yield_!(1);
    n += 1;
    yield_!(n);
}

fn main() {
    let _ = counter();
}
