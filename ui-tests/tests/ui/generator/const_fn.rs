use coro_core::{generator, yield_};

#[generator(yield = u32)]
const fn numbers() {
    yield_!(1);
}

fn main() {}
