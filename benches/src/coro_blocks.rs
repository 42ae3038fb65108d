//! W1 and W3 (u64 and String items) written with the block forms, to compare with the attributes in the same run:
//! the same machines, built from a captured `n` instead of a parameter.

use coro_core::{async_gen_block, gen_block, yield_};
use futures_core::Stream;

/// W1 as `gen_block!`.
pub fn count(n: u64) -> impl Iterator<Item = u64> {
    gen_block!(yield = u64 => {
        let mut i = 0;
        while i < n {
            yield_!(i);
            i += 1;
        }
    })
}

/// W3 as `async_gen_block!`.
pub fn count_stream(n: u64) -> impl Stream<Item = u64> + std::fmt::Debug {
    async_gen_block!(yield = u64 => {
        let mut i = 0;
        while i < n {
            yield_!(i);
            i += 1;
        }
    })
}

/// W3d as `async_gen_block!`.
pub fn count_strings(n: u64) -> impl Stream<Item = String> {
    async_gen_block!(yield = String => {
        let mut i = 0u64;
        while i < n {
            yield_!(i.to_string());
            i += 1;
        }
    })
}
