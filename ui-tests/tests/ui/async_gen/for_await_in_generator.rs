use coro_core::{for_await, generator, yield_};
use futures::stream;

#[generator(yield = u32)]
fn numbers() {
    for_await!(x in stream::iter([1u32, 2, 3]) {
        yield_!(x);
    });
}

fn main() {
    let _ = numbers();
}
