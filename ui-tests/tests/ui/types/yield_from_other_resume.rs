use coro_core::{generator, yield_, yield_from};

#[generator(yield = u32, resume = String)]
fn inner() {
    let _s = yield_!(1);
}

#[generator(yield = u32, resume = u32)]
fn outer() {
    yield_from!(inner());
}

fn main() {
    let _ = outer();
}
