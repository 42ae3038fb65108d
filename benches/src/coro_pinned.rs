//! W1 and W2 in pinned mode (`#[generator(.., pinned)]`), pinned on the stack: the same bodies
//! as `coro_impls`, to compare the async-block runtime with the enum and with the peers.

use coro_core::{generator, yield_};

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
