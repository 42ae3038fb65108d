//! W1, W2 and W3 in pinned mode (`#[generator(.., pinned)]`, `#[async_gen(.., pinned)]`): the
//! same bodies as `coro_impls` and `coro_async`, on the async-block runtime (the fallback path
//! of bodies that borrow across a suspension), to compare it with the enum and with the peers.
//! Shared with `benches/nightly` through `#[path]`.

use coro_core::{async_gen, generator, yield_};

/// W1, pinned.
#[generator(yield = u64, pinned)]
pub fn count(n: u64) {
    let mut i = 0;
    while i < n {
        yield_!(i);
        i += 1;
    }
}

/// W2, pinned.
#[generator(yield = u64, resume = u64, pinned)]
pub fn accumulate() {
    let mut acc = 0u64;
    loop {
        let v = yield_!(acc);
        acc = acc.wrapping_add(v);
    }
}

/// W3a–c, pinned: `AsyncGen` over an async block.
#[async_gen(yield = u64, pinned)]
pub async fn count_stream(n: u64) {
    let mut i = 0;
    while i < n {
        yield_!(i);
        i += 1;
    }
}

/// W3d, pinned.
#[async_gen(yield = String, pinned)]
pub async fn count_strings(n: u64) {
    let mut i = 0u64;
    while i < n {
        yield_!(i.to_string());
        i += 1;
    }
}
