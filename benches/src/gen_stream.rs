//! A synchronous `#[generator]` served as a `Stream`: what a user can write today for a stream
//! whose body never awaits, and the floor for `#[async_gen]`'s enum path, which is the same
//! state machine with a `Context` passed through. Not shared with `benches/nightly`.

use std::pin::Pin;
use std::task::{Context, Poll};

use coro_core::{generator, yield_};
use futures_core::Stream;

use crate::coro_impls;

/// Any `Iterator` as an always-ready `Stream`.
#[derive(Debug)]
pub struct GenStream<G>(pub G);

impl<G: Iterator + Unpin> Stream for GenStream<G> {
    type Item = G::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<G::Item>> {
        Poll::Ready(self.get_mut().0.next())
    }
}

/// W3a–c: W1's generator as a stream.
pub fn count(n: u64) -> impl Stream<Item = u64> {
    GenStream(coro_impls::count(n))
}

#[generator(yield = String)]
fn strings(n: u64) {
    let mut i = 0u64;
    while i < n {
        yield_!(i.to_string());
        i += 1;
    }
}

/// W3d: `0..n` as `String`s from a generator.
pub fn count_strings(n: u64) -> impl Stream<Item = String> {
    GenStream(strings(n))
}
