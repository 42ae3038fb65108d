use coro_core::{generator, yield_};

#[generator(yield = u32)]
unsafe extern "C" fn numbers(n: u32, _: ...) {
    yield_!(n);
}

fn main() {}
