// One mistake, one message: the fn still exists, so callers and later code produce no more errors.
use coro_core::{async_gen, for_await, yield_};

#[async_gen(yield = u32)]
async fn numbers(limit: u32) {
    let mut total = 0;
    for i in 0..limit {
        total += i;
        let f = || yield_!(total);
        f();
        yield_!(i);
    }
}

async fn consume() {
    for_await!(n in numbers(3) {
        println!("{n}");
    });
}

fn main() {
    let _ = consume();
}
