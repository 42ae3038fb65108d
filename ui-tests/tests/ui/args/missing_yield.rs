use coro_core::{generator, yield_};

#[generator]
fn numbers() {
    yield_!(1u32);
}

#[generator(resume = u32)]
fn echo() {
    yield_!(1u32);
}

fn main() {}
