use coro_core::{generator, yield_};

#[generator(yield = 42)]
fn numbers() {
    yield_!(1);
}

fn main() {}
