use coro_core::for_await;
use futures::stream;

fn sum() -> u32 {
    let mut total = 0;
    for_await!(x in stream::iter([1u32, 2, 3]) {
        total += x;
    });
    total
}

fn main() {
    let _ = sum();
}
