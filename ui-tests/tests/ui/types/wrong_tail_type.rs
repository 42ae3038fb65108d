use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn numbers() -> u32 {
    yield_!(1);
    "done"
}

fn main() {
    let _ = numbers();
}
