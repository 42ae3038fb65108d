use coro_core::{generator, yield_from};

#[generator(yield = u32)]
fn number() {
    yield_from!(5u32);
}

// An iterable is only delegated to when the generator takes no resume value.
#[generator(yield = u32, resume = i32)]
fn takes_values() {
    yield_from!(vec![1u32, 2]);
}

fn main() {}
