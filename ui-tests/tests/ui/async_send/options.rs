// `boxed`, `pinned` and borrowed resume values are for streams / `#[generator]`s.
use coro_core::{async_gen, yield_};

#[async_gen(yield = u32, resume = u32, boxed)]
async fn boxed() {
    let _ = yield_!(1);
}

#[async_gen(yield = u32, resume = u32, pinned)]
async fn pinned() {
    let _ = yield_!(1);
}

#[async_gen(yield = usize, resume = &[u8])]
async fn lent() {
    let _ = yield_!(1);
}

fn main() {}
