//! `#[async_gen]` basics: yields, awaits, `yield_from!`, `for_await!`, return types.

use coro_core::{async_gen, for_await, yield_, yield_from};
use futures::executor::block_on;
use futures::stream::{self, Stream, StreamExt};

/// A future that is pending once before completing: exercises real suspension in the body.
async fn tick() {
    let mut first = true;
    core::future::poll_fn(|cx| {
        if first {
            first = false;
            cx.waker().wake_by_ref();
            core::task::Poll::Pending
        } else {
            core::task::Poll::Ready(())
        }
    })
    .await;
}

fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    block_on(s.collect())
}

#[async_gen(yield = u32)]
async fn count(n: u32) {
    for i in 0..n {
        tick().await;
        yield_!(i);
    }
}

#[test]
fn yields_in_order_across_awaits() {
    assert_eq!(collect(count(4)), [0, 1, 2, 3]);
}

#[async_gen(yield = ())]
async fn units() {
    yield_!();
    yield_!(());
}

#[test]
fn empty_yield_yields_unit() {
    assert_eq!(collect(units()), [(), ()]);
}

#[async_gen(yield = u32)]
async fn nothing() {}

#[test]
fn empty_body_is_empty_stream() {
    assert!(collect(nothing()).is_empty());
}

#[async_gen(yield = u32)]
async fn forwards() {
    yield_!(100);
    yield_from!(count(3));
    yield_from!(stream::iter([7, 8]));
    yield_!(200);
}

#[test]
fn yield_from_forwards_every_item() {
    assert_eq!(collect(forwards()), [100, 0, 1, 2, 7, 8, 200]);
}

#[async_gen(yield = String)]
async fn labelled(prefix: &str) {
    for_await!(i in count(3) {
        yield_!(format!("{prefix}{i}"));
    });
}

#[test]
fn for_await_with_yield_inside_async_gen() {
    assert_eq!(collect(labelled("n")), ["n0", "n1", "n2"]);
}

#[async_gen(yield = u32)]
async fn early_return(limit: u32) {
    for i in 0.. {
        if i == limit {
            return;
        }
        yield_!(i);
    }
}

#[test]
fn return_ends_the_stream() {
    assert_eq!(collect(early_return(2)), [0, 1]);
}

#[derive(Debug, PartialEq)]
struct MyErr(String);

impl From<std::num::ParseIntError> for MyErr {
    fn from(e: std::num::ParseIntError) -> Self {
        MyErr(e.to_string())
    }
}

#[async_gen(yield = i64)]
async fn parse_all(inputs: Vec<&'static str>) -> Result<(), MyErr> {
    for s in inputs {
        tick().await;
        let n: i64 = s.parse()?;
        yield_!(n);
    }
    Ok(())
}

#[test]
fn question_mark_yields_the_error_last() {
    let items = collect(parse_all(vec!["1", "2", "x", "4"]));
    assert_eq!(items.len(), 3);
    assert_eq!(items[0], Ok(1));
    assert_eq!(items[1], Ok(2));
    assert!(matches!(&items[2], Err(MyErr(_))));
    assert_eq!(collect(parse_all(vec!["5"])), [Ok(5)]);
}

#[async_gen(yield = u8)]
async fn aliased() -> std::io::Result<()> {
    yield_!(1);
    Err(std::io::Error::other("boom"))
}

#[test]
fn result_aliases_work() {
    let items = collect(aliased());
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap(), &1);
    assert_eq!(items[1].as_ref().unwrap_err().to_string(), "boom");
}

#[async_gen(yield = u32)]
async fn explicit_unit() -> () {
    yield_!(1);
}

#[test]
fn explicit_unit_return() {
    assert_eq!(collect(explicit_unit()), [1]);
}

#[async_gen(yield = u32)]
async fn yields_in_expressions(v: Vec<u32>) {
    // Yields inside other macros' tokens and in expression position.
    let n = v.len();
    assert_eq!(yield_!(u32::try_from(n).unwrap()), ());
    println!("{:?}", yield_!(v[0]));
    let _ = vec![yield_!(1), yield_!(2)];
    if v.is_empty() {
        yield_!(0)
    } else {
        yield_!(v[1])
    }
    match v.get(2) {
        Some(x) => yield_!(*x),
        None => {}
    }
}

#[test]
fn yields_in_other_macros_and_expressions() {
    assert_eq!(
        collect(yields_in_expressions(vec![10, 20, 30])),
        [3, 10, 1, 2, 20, 30]
    );
}
