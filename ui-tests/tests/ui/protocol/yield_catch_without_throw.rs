use coro_core::{generator, yield_catch};

#[generator(yield = u32)]
fn no_throw() {
    let _ = yield_catch!(1);
}

fn main() {}
