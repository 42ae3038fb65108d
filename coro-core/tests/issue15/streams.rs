//! Stream blocks: `for_await!`, `StreamExt`, `Result` items, boxing.

use coro_core::{async_gen_block, for_await, yield_, yield_from};
use futures::stream::{Stream, StreamExt};

/// A future that is pending once before completing: the body really suspends.
async fn tick() {
    tokio::task::yield_now().await;
}

#[tokio::test]
async fn consumed_by_for_await_and_stream_ext() {
    let words = vec!["a", "bb", "ccc"];
    let sep = String::from("-");
    let s = async_gen_block!(yield = String => {
        for w in words {
            tick().await;
            yield_!(format!("{w}{sep}"));
        }
    });
    let mut got = Vec::new();
    for_await!(w in s {
        got.push(w);
    });
    assert_eq!(got, ["a-", "bb-", "ccc-"]);

    let n = 4u32;
    let squares = async_gen_block!(yield = u32 => {
        for i in 0..n {
            tick().await;
            yield_!(i * i);
        }
    });
    let doubled: Vec<u32> = squares.map(|x| x * 2).collect().await;
    assert_eq!(doubled, [0, 2, 8, 18]);
}

/// `for_await!` and `yield_from!` inside the block, over another block.
#[tokio::test]
async fn stream_of_a_stream() {
    let base = 10u32;
    let inner = async_gen_block!(yield = u32 => { yield_!(base); yield_!(base + 1); });
    let outer = async_gen_block!(yield = u32 => {
        let mut sum = 0;
        for_await!(x in inner {
            sum += x;
            yield_!(x);
        });
        yield_from!(futures::stream::iter([sum]));
    });
    assert_eq!(outer.collect::<Vec<_>>().await, [10, 11, 21]);
}

#[derive(Debug, PartialEq)]
struct ParseError(String);

fn parse_all(lines: Vec<&str>) -> impl Stream<Item = Result<u32, ParseError>> + '_ {
    async_gen_block!(yield = u32, return = Result<(), ParseError> => {
        for line in lines {
            tick().await;
            let n: u32 = line.parse().map_err(|_| ParseError(line.to_string()))?;
            yield_!(n);
        }
        Ok(())
    })
}

/// `return = Result<(), E>`: items are `Result<Y, E>`, `yield_!(y)` yields `Ok(y)` and `?`
/// ends the stream with the error as its last item, as `#[async_gen]` does.
#[tokio::test]
async fn result_stream_ends_with_its_error() {
    let items: Vec<_> = parse_all(vec!["1", "2", "x", "4"]).collect().await;
    assert_eq!(items, [Ok(1), Ok(2), Err(ParseError("x".into()))]);
    let items: Vec<_> = parse_all(vec!["7"]).collect().await;
    assert_eq!(items, [Ok(7)]);
}

/// A block returned from a method and boxed.
struct Feed {
    entries: Vec<u32>,
}
impl Feed {
    fn latest(&self, n: usize) -> std::pin::Pin<Box<dyn Stream<Item = u32> + '_>> {
        Box::pin(async_gen_block!(yield = u32 => {
            for e in self.entries.iter().rev().take(n) {
                tick().await;
                yield_!(*e);
            }
        }))
    }
}

#[tokio::test]
async fn boxed_from_a_method() {
    let feed = Feed {
        entries: vec![1, 2, 3],
    };
    assert_eq!(feed.latest(2).collect::<Vec<_>>().await, [3, 2]);
}
