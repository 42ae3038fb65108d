use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn numbers() {
    yield_!(1u32);
    yield_!("two");
}

fn main() {
    let _ = numbers();
}
