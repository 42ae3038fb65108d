// Python's `yield 1` is not Rust: the macro says to write `yield_!(1)`, and nothing else.
use coro_core::{async_gen, generator};

#[generator(yield = u32)]
fn counter() {
    let mut n = 0;
    loop {
        yield n;
        n += 1;
    }
}

#[async_gen(yield = u32)]
async fn stream() {
    yield 1;
}

fn main() {
    let _ = counter().next();
    let _ = stream();
}
