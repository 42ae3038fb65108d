use coro_core::{generator, yield_};

#[derive(Debug)]
struct Oops;

// `yield_!` raises a thrown `Oops` like `?`, but the fn has no return type to carry it.
#[generator(yield = u32, throw = Oops)]
fn nowhere_to_go() {
    yield_!(1);
}

fn main() {}
