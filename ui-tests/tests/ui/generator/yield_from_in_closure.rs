use coro_core::{generator, yield_from};

#[generator(yield = u32)]
fn inner() {}

#[generator(yield = u32)]
fn outer() {
    let f = || yield_from!(inner());
    f();
}

fn main() {
    let _ = outer();
}
