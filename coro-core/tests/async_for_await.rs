//! `for_await!` in plain async code: any stream (also `!Unpin`), patterns, `break`/`continue`
//! (also labeled), nesting.

use std::cell::Cell;

use coro_core::{async_gen, for_await, yield_};
use futures::executor::block_on;
use futures::stream;

#[async_gen(yield = (u32, char))]
async fn pairs() {
    for (i, c) in "abcd".chars().enumerate() {
        yield_!((u32::try_from(i).unwrap(), c));
    }
}

#[test]
fn consumes_a_not_unpin_stream_with_a_pattern() {
    let out = block_on(async {
        let mut out = String::new();
        for_await!((i, c) in pairs() {
            out.push_str(&i.to_string());
            out.push(c);
        });
        out
    });
    assert_eq!(out, "0a1b2c3d");
}

#[test]
fn break_and_continue() {
    let out = block_on(async {
        let mut out = Vec::new();
        for_await!(x in stream::iter(1..) {
            if x % 2 == 0 {
                continue;
            }
            if x > 7 {
                break;
            }
            out.push(x);
        });
        out
    });
    assert_eq!(out, [1, 3, 5, 7]);
}

#[test]
fn labeled_loops() {
    let out = block_on(async {
        let mut out = Vec::new();
        for_await!('outer: a in stream::iter(0..3) {
            for_await!(b in stream::iter(0..3) {
                if b > a {
                    continue 'outer;
                }
                if a == 2 && b == 1 {
                    break 'outer;
                }
                out.push((a, b));
            });
        });
        out
    });
    assert_eq!(out, [(0, 0), (1, 0), (1, 1), (2, 0)]);
}

#[test]
fn usable_as_an_expression_and_with_a_borrowed_stream() {
    let count = Cell::new(0);
    block_on(async {
        let mut s = Box::pin(pairs());
        // A `&mut` to a pinned stream is a stream too: consume part, then the rest.
        for_await!(_ in &mut s {
            count.set(count.get() + 1);
            if count.get() == 2 {
                break;
            }
        });
        let () = for_await!(ref p in &mut s { assert!(p.0 >= 2) });
        count.set(count.get() + 10);
    });
    assert_eq!(count.get(), 12);
}

#[test]
fn the_pattern_may_be_mutable_and_the_body_may_await() {
    let out = block_on(async {
        let mut out = Vec::new();
        for_await!(mut s in stream::iter(["x", "y"]).then(|s| async move { s.to_owned() }) {
            s.push('!');
            futures::future::ready(()).await;
            out.push(s);
        });
        out
    });
    assert_eq!(out, ["x!", "y!"]);
}

#[async_gen(yield = u32)]
async fn nested_in_async_gen() {
    // A `for_await!` inside another macro inside an `#[async_gen]` body.
    let total = {
        let mut total = 0;
        for_await!(x in stream::iter([1, 2, 3]) {
            total += x;
            yield_!(x * 10);
        });
        total
    };
    assert_eq!(total, 6);
    println!("{:?}", yield_!(total));
    'l: for i in 0.. {
        for_await!(x in stream::iter([100, 200]) {
            if i == 1 {
                break 'l;
            }
            yield_!(x + i);
        });
    }
}

#[test]
fn inside_async_gen_with_outer_labels() {
    use futures::StreamExt;
    let out: Vec<u32> = block_on(nested_in_async_gen().collect());
    assert_eq!(out, [10, 20, 30, 6, 100, 200]);
}

use futures::StreamExt as _;
