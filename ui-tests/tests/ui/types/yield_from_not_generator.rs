use coro_core::{generator, yield_from};

#[generator(yield = u32)]
fn numbers() {
    yield_from!(vec![1u32, 2, 3]);
}

fn main() {
    let _ = numbers();
}
