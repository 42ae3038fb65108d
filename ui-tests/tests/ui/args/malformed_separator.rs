use coro_core::{generator, yield_};

#[generator(yield = u32; resume = u32)]
fn numbers() {
    yield_!(1);
}

fn main() {}
