use coro_core::{generator, yield_, GeneratorExt};

#[generator(yield = u32)]
fn plain() -> u32 {
    yield_!(1);
    2
}

fn main() {
    for item in plain().try_iter() {
        let _ = item;
    }
}
