use coro_core::{generator, yield_, Throw};

#[generator(yield = u32)]
fn plain() {
    yield_!(1);
}

fn takes_throw(_: impl Throw<String>) {}

fn main() {
    takes_throw(plain());
}
