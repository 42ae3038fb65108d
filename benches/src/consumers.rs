//! W3's four consumers of a stream, and the contenders built from them: the same producer is
//! measured under each, because a stream's cost depends on how much of the consumer's own state
//! machine the optimizer can fold into the producer's. Shared with `benches/nightly` through
//! `#[path]`.
//!
//! Each consumer is generic and `#[inline(never)]`, so every (consumer, producer) pair is one
//! function with a symbol of its own (`consumers::poll_sum::<CountStream>`), compiled the same
//! wherever the runner's closures land, and readable with `--emit asm` or `perf`.

use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use futures::StreamExt as _;
use futures_core::Stream;

use crate::harness::Contender;

/// How a W3 workload consumes its stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumer {
    /// W3a: `poll_next` in a loop with `Waker::noop()`, the stream pinned once.
    Poll,
    /// W3b: `futures::executor::block_on` + `while let Some(x) = s.next().await`.
    Next,
    /// W3c: `futures::executor::block_on` + `coro_core::for_await!`.
    ForAwait,
    /// W3d: a tokio `current_thread` runtime's `block_on` + `next().await`, `String` items.
    Tokio,
}

/// The W3 workloads: key (for `BENCH_ONLY` and `--one`), consumer, table title.
pub const WORKLOADS: [(&str, Consumer, &str); 4] = [
    (
        "W3a",
        Consumer::Poll,
        "W3a stream, direct poll: 0..N (N = 2^20) by `poll_next` in a loop with `Waker::noop()`",
    ),
    (
        "W3b",
        Consumer::Next,
        "W3b stream, `block_on` + `next().await`: 0..N on `futures::executor::block_on`",
    ),
    (
        "W3c",
        Consumer::ForAwait,
        "W3c stream, `block_on` + `for_await!`: 0..N on `futures::executor::block_on`",
    ),
    (
        "W3d",
        Consumer::Tokio,
        "W3d stream, tokio: 0..N as `i.to_string()` on a `current_thread` runtime",
    ),
];

/// W3a.
#[inline(never)]
pub fn poll_sum<S: Stream<Item = u64>>(s: S) -> u64 {
    let mut s = pin!(s);
    let mut cx = Context::from_waker(Waker::noop());
    let mut acc = 0u64;
    loop {
        match s.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => acc = acc.wrapping_add(black_box(x)),
            Poll::Ready(None) => return acc,
            // No W3 producer ever waits; a no-op waker means "poll again".
            Poll::Pending => {}
        }
    }
}

/// W3b.
#[inline(never)]
pub fn next_sum<S: Stream<Item = u64>>(s: S) -> u64 {
    futures::executor::block_on(async move {
        let mut s = pin!(s);
        let mut acc = 0u64;
        while let Some(x) = s.next().await {
            acc = acc.wrapping_add(black_box(x));
        }
        acc
    })
}

/// W3c.
#[inline(never)]
pub fn for_await_sum<S: Stream<Item = u64>>(s: S) -> u64 {
    futures::executor::block_on(async move {
        let mut acc = 0u64;
        coro_core::for_await!(x in s {
            acc = acc.wrapping_add(black_box(x));
        });
        acc
    })
}

/// W3d. The runtime is built per run, as `futures::executor::block_on` sets up its own per call:
/// a `current_thread` runtime starts no thread, and its setup is a few µs against a run's tens of
/// ms (and cancels out of the instruction counts, see `callgrind`).
#[inline(never)]
pub fn tokio_sum<S: Stream<Item = String>>(s: S) -> u64 {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current_thread runtime");
    rt.block_on(async move {
        let mut s = pin!(s);
        let mut acc = 0u64;
        while let Some(x) = s.next().await {
            let x = black_box(x);
            // Length and last digit: a producer that yields the wrong strings is caught.
            let last = x.as_bytes().last().copied().unwrap_or(0);
            acc = acc.wrapping_add(x.len() as u64 * 256 + u64::from(last));
        }
        acc
    })
}

/// A W3a–c contender: `consumer(make(n))`, with `n` through `black_box`.
pub fn u64_contender<S, M>(consumer: Consumer, name: &str, make: M, n: u64) -> Contender<'static>
where
    S: Stream<Item = u64>,
    M: Fn(u64) -> S + 'static,
{
    match consumer {
        Consumer::Poll => Contender::new(name, move || poll_sum(make(black_box(n)))),
        Consumer::Next => Contender::new(name, move || next_sum(make(black_box(n)))),
        Consumer::ForAwait => Contender::new(name, move || for_await_sum(make(black_box(n)))),
        Consumer::Tokio => panic!("W3d's items are Strings: use `string_contender`"),
    }
}

/// A W3d contender.
pub fn string_contender<S, M>(name: &str, make: M, n: u64) -> Contender<'static>
where
    S: Stream<Item = String>,
    M: Fn(u64) -> S + 'static,
{
    Contender::new(name, move || tokio_sum(make(black_box(n))))
}

/// The table note of a W3 workload: which runtime each coro row is on, read from `Debug` (the
/// enum path prints `name (created)`, the async-block path `AsyncGen { .. }`), so the table
/// cannot silently measure the wrong path after a change to the macro. `block` (the
/// `async_gen_block!` row) is only reported: a block may take either path.
pub fn path_note(
    enum_path: &dyn std::fmt::Debug,
    pinned: &dyn std::fmt::Debug,
    block: &dyn std::fmt::Debug,
) -> String {
    let (e, p, b) = (
        format!("{enum_path:?}"),
        format!("{pinned:?}"),
        format!("{block:?}"),
    );
    assert!(
        !e.starts_with("AsyncGen"),
        "`coro #[async_gen]` is expected on the enum path, its Debug says {e}"
    );
    assert!(
        p.starts_with("AsyncGen"),
        "`coro #[async_gen(.., pinned)]` is expected on the async-block path, its Debug says {p}"
    );
    format!(
        "`coro #[async_gen]` runs on the enum state machine (`Debug`: `{e}`), `pinned` on the \
         async-block runtime (`Debug`: `{p}`); `async_gen_block!` prints `{b}`."
    )
}
