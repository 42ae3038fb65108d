use coro_core::{generator, yield_};

#[derive(Debug)]
struct Oops;

// The return type cannot hold an `Oops`.
#[generator(yield = u32, throw = Oops)]
fn counts() -> u32 {
    yield_!(1);
    1
}

fn main() {}
