//! W3 written with coro's `#[async_gen]`: bodies that borrow nothing across a suspension, so
//! they take the enum path (`AsyncMachine`). Shared with `benches/nightly` through `#[path]`.

use coro_core::{async_gen, yield_};

/// W3a–c: a stream of `0..n`.
#[async_gen(yield = u64)]
pub async fn count(n: u64) {
    let mut i = 0;
    while i < n {
        yield_!(i);
        i += 1;
    }
}

/// W3d: `0..n` as freshly allocated `String`s.
#[async_gen(yield = String)]
pub async fn count_strings(n: u64) {
    let mut i = 0u64;
    while i < n {
        yield_!(i.to_string());
        i += 1;
    }
}
