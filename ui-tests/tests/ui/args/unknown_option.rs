use coro_core::{generator, yield_};

#[generator(yield = u32, resum = u32)]
fn numbers() {
    yield_!(1);
}

#[generator(yield = u32, boxed)]
fn boxed() {
    yield_!(1);
}

fn main() {}
