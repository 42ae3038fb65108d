use coro_core::{generator, yield_};

#[generator(yield = u32, yield = u64)]
fn numbers() {
    yield_!(1);
}

#[generator(yield = u32, resume = u8, resume = u8)]
fn echo() {
    yield_!(1);
}

fn main() {}
