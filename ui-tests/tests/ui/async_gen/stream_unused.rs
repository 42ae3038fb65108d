// An `#[async_gen]` stream that is never consumed does nothing: the `unused_must_use` lint
// fires on the user's statement, and its message names no hidden path.
#![deny(unused_must_use)]
use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {
    numbers();
}
