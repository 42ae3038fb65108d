//! W3 written with coro's `#[async_gen]`. Shared with `benches/nightly` through `#[path]`.

use coro_core::{async_gen, yield_};

/// W3: a stream of `0..n`.
#[async_gen(yield = u64)]
pub async fn count(n: u64) {
    let mut i = 0;
    while i < n {
        yield_!(i);
        i += 1;
    }
}
