//! N3a–d: W3's stream under its four consumers (`consumers.rs`, shared with the main runner),
//! with the compiler's own `async gen` block and futures-async-stream beside coro and the
//! hand-written baseline. Buildable for any number of items, so the callgrind child
//! (`--one KEY INDEX N`) runs exactly the contender of the row it counts.

use std::async_iter::AsyncIterator;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::consumers::{self, Consumer, string_contender, u64_contender};
use crate::harness::{Contender, Table};
use crate::verdict::{Rows, instr_ratio, ratio};
use crate::{coro_async, coro_pinned, hand};

/// An `async gen` block as a `futures_core::Stream`.
struct AsyncGenStream<I>(I);

impl<I: AsyncIterator> Stream for AsyncGenStream<I> {
    type Item = I::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I::Item>> {
        // SAFETY: structural pinning of the only field.
        unsafe { self.map_unchecked_mut(|s| &mut s.0) }.poll_next(cx)
    }
}

pub fn count_async_gen(n: u64) -> impl Stream<Item = u64> {
    AsyncGenStream(async gen move {
        let mut i = 0;
        while i < n {
            yield i;
            i += 1;
        }
    })
}

fn count_strings_async_gen(n: u64) -> impl Stream<Item = String> {
    AsyncGenStream(async gen move {
        let mut i = 0u64;
        while i < n {
            yield i.to_string();
            i += 1;
        }
    })
}

#[futures_async_stream::stream(item = u64)]
pub async fn count_fas(n: u64) {
    let mut i = 0;
    while i < n {
        yield i;
        i += 1;
    }
}

#[futures_async_stream::stream(item = String)]
async fn count_strings_fas(n: u64) {
    let mut i = 0u64;
    while i < n {
        yield i.to_string();
        i += 1;
    }
}

pub const KEYS: &[&str] = &["N3a", "N3b", "N3c", "N3d"];

const HAND: &str = "hand-written Stream";
const CORO: &str = "coro #[async_gen]";
const PINNED: &str = "coro #[async_gen(.., pinned)]";
const ASYNC_GEN: &str = "`async gen` block";
const FAS: &str = "futures-async-stream";

/// The table title and contenders of `key` for `n` items.
pub fn build(key: &str, n: u64) -> Option<(String, Vec<Contender<'static>>)> {
    let at = KEYS.iter().position(|k| *k == key)?;
    let (w3, consumer, title) = consumers::WORKLOADS[at];
    // "W3a stream, direct poll: …" becomes "N3a stream, direct poll (as W3a): …".
    let (what, rest) = title.split_once(':').expect("a W3 title has a colon");
    let title = format!("{key}{} (as {w3}):{rest}", &what[w3.len()..]);
    let contenders = if consumer == Consumer::Tokio {
        vec![
            string_contender(HAND, hand::count_strings, n),
            string_contender(CORO, coro_async::count_strings, n),
            string_contender(PINNED, coro_pinned::count_strings, n),
            string_contender(ASYNC_GEN, count_strings_async_gen, n),
            string_contender(FAS, count_strings_fas, n),
        ]
    } else {
        vec![
            u64_contender(consumer, HAND, hand::count_stream, n),
            u64_contender(consumer, CORO, coro_async::count, n),
            u64_contender(consumer, PINNED, coro_pinned::count_stream, n),
            u64_contender(consumer, ASYNC_GEN, count_async_gen, n),
            u64_contender(consumer, FAS, count_fas, n),
        ]
    };
    Some((title, contenders))
}

/// Issue #11's comparison with the compiler's own `async gen`, per consumer.
pub fn targets(tables: &[Table]) -> String {
    let mut rows = Rows(String::new());
    for t in tables {
        let key = t.title.split_whitespace().next().unwrap_or("");
        if !KEYS.contains(&key) {
            continue;
        }
        let r = ratio(t, ASYNC_GEN, CORO);
        rows.push(
            &format!("{key}: coro faster than `async gen`"),
            format!(
                "`async gen` is {r:.2}× coro{}",
                instr_ratio(t, ASYNC_GEN, CORO)
            ),
            r > 1.0,
        );
    }
    rows.finish()
}
