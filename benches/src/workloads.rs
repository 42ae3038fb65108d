//! The workloads that can be built for any number of items (W1, W2, W3a–d), by key: the timed
//! runner and its callgrind child (`bench --one KEY INDEX N`, see `callgrind`) build the same
//! contender lists from here, so an instruction count always belongs to the row it is printed
//! in. W4 and W5 have fixed inputs (a text, a tree) and stay in `bin/bench.rs`.

use std::hint::black_box;

use crate::consumers::{self, Consumer, string_contender, u64_contender};
use crate::harness::Contender;
use crate::{coro_async, coro_blocks, coro_pinned, gen_stream, hand, peers, runs};

/// The row of `proposed.rs`: today's expansion with internal blocks inlined (see "Analysis").
pub const PROPOSED: &str = "*coro, proposed lowering (hand-expanded)*";

/// The keys, in report order.
pub const KEYS: &[&str] = &["W1", "W2", "W3a", "W3b", "W3c", "W3d"];

/// One workload: what its table says and who runs it.
pub struct Workload {
    pub key: &'static str,
    pub title: String,
    pub note: String,
    pub contenders: Vec<Contender<'static>>,
}

/// The workload `key` for `n` items (`None` for a key this module does not build).
pub fn build(key: &str, n: u64) -> Option<Workload> {
    let key = *KEYS.iter().find(|k| **k == key)?;
    let (title, note, contenders) = match key {
        "W1" => (
            "W1 iterate: yield 0..N (N = 2^20), summed".to_string(),
            String::new(),
            w1(n),
        ),
        "W2" => (
            "W2 send round trip: N sends, each answered with the running total".to_string(),
            String::new(),
            w2(n),
        ),
        _ => {
            let &(_, consumer, title) = consumers::WORKLOADS
                .iter()
                .find(|w| w.0 == key)
                .expect("every W3 key is in consumers::WORKLOADS");
            let note = consumers::path_note(
                &coro_async::count(0),
                &coro_pinned::count_stream(0),
                &coro_blocks::count_stream(0),
            );
            (title.to_string(), note, w3(consumer, n))
        }
    };
    Some(Workload {
        key,
        title,
        note,
        contenders,
    })
}

fn w1(n: u64) -> Vec<Contender<'static>> {
    vec![
        Contender::new("hand-written Iterator", move || runs::w1_hand(black_box(n))),
        Contender::new("coro (while loop)", move || runs::w1_coro(black_box(n))),
        Contender::new("coro (for over a range)", move || {
            runs::w1_coro_for(black_box(n))
        }),
        Contender::new("coro gen_block!", move || runs::w1_block(black_box(n))),
        Contender::new("coro pinned", move || runs::w1_pinned(black_box(n))),
        Contender::new(PROPOSED, move || runs::w1_proposed(black_box(n))),
        Contender::new("genawaiter (stack)", move || {
            peers::genawaiter::w1_stack(black_box(n))
        }),
        Contender::new("genawaiter (rc)", move || {
            peers::genawaiter::w1_rc(black_box(n))
        }),
        Contender::new("next-gen", move || peers::next_gen::w1(black_box(n))),
        Contender::new("corosensei", move || peers::corosensei::w1(black_box(n))),
    ]
}

fn w2(n: u64) -> Vec<Contender<'static>> {
    vec![
        Contender::new("hand-written Generator", move || {
            runs::w2_hand(black_box(n))
        }),
        Contender::new("coro", move || runs::w2_coro(black_box(n))),
        Contender::new("coro pinned", move || runs::w2_pinned(black_box(n))),
        Contender::new("genawaiter (stack)", move || {
            peers::genawaiter::w2_stack(black_box(n))
        }),
        Contender::new("genawaiter (rc)", move || {
            peers::genawaiter::w2_rc(black_box(n))
        }),
        Contender::new("next-gen", move || peers::next_gen::w2(black_box(n))),
        Contender::new("corosensei", move || peers::corosensei::w2(black_box(n))),
        Contender::skipped("async-stream, async-fn-stream", "n/a: no resume values"),
    ]
}

/// The W3 row names, shared by `targets`.
pub mod w3_names {
    pub const HAND: &str = "hand-written Stream";
    pub const CORO: &str = "coro #[async_gen]";
    pub const PINNED: &str = "coro #[async_gen(.., pinned)]";
    pub const BLOCK: &str = "coro async_gen_block!";
    pub const GENERATOR: &str = "coro #[generator] as Stream (adapter)";
    pub const ASYNC_STREAM: &str = "async-stream";
    pub const ASYNC_FN_STREAM: &str = "async-fn-stream";
}

fn w3(consumer: Consumer, n: u64) -> Vec<Contender<'static>> {
    use w3_names::*;
    if consumer == Consumer::Tokio {
        return vec![
            string_contender(HAND, hand::count_strings, n),
            string_contender(CORO, coro_async::count_strings, n),
            string_contender(PINNED, coro_pinned::count_strings, n),
            string_contender(BLOCK, coro_blocks::count_strings, n),
            string_contender(GENERATOR, gen_stream::count_strings, n),
            string_contender(ASYNC_STREAM, peers::async_stream::count_strings, n),
            string_contender(ASYNC_FN_STREAM, peers::async_fn_stream::count_strings, n),
        ];
    }
    vec![
        u64_contender(consumer, HAND, hand::count_stream, n),
        u64_contender(consumer, CORO, coro_async::count, n),
        u64_contender(consumer, PINNED, coro_pinned::count_stream, n),
        u64_contender(consumer, BLOCK, coro_blocks::count_stream, n),
        u64_contender(consumer, GENERATOR, gen_stream::count, n),
        u64_contender(consumer, ASYNC_STREAM, peers::async_stream::count, n),
        u64_contender(consumer, ASYNC_FN_STREAM, peers::async_fn_stream::count, n),
    ]
}
