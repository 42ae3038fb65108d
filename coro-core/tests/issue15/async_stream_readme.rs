//! The examples of async-stream's README, with `stream!`/`try_stream!` written as
//! `async_gen_block!`, and what they print.

use coro_core::{async_gen_block, for_await, yield_};
use futures::pin_mut;
use futures::stream::{Stream, StreamExt};
use std::io;

#[tokio::test]
async fn basic_usage() {
    let mut printed = Vec::new();
    let s = async_gen_block!(yield = u32 => {
        for i in 0..3 {
            yield_!(i);
        }
    });
    pin_mut!(s); // needed for iteration
    while let Some(value) = s.next().await {
        printed.push(format!("got {value}"));
    }
    assert_eq!(printed, ["got 0", "got 1", "got 2"]);
}

fn zero_to_three() -> impl Stream<Item = u32> {
    async_gen_block!(yield = u32 => {
        for i in 0..3 {
            yield_!(i);
        }
    })
}

#[tokio::test]
async fn returning_a_stream() {
    let mut printed = Vec::new();
    let s = zero_to_three();
    pin_mut!(s); // needed for iteration
    while let Some(value) = s.next().await {
        printed.push(format!("got {value}"));
    }
    assert_eq!(printed, ["got 0", "got 1", "got 2"]);
}

// async-stream: `for await value in input { yield value * 2; }`
fn double<S: Stream<Item = u32>>(input: S) -> impl Stream<Item = u32> {
    async_gen_block!(yield = u32 => {
        for_await!(value in input {
            yield_!(value * 2);
        });
    })
}

#[tokio::test]
async fn consuming_a_stream() {
    let mut printed = Vec::new();
    let s = double(zero_to_three());
    pin_mut!(s); // needed for iteration
    while let Some(value) = s.next().await {
        printed.push(format!("got {value}"));
    }
    assert_eq!(printed, ["got 0", "got 2", "got 4"]);
}

/// The README's `try_stream!` over a `TcpListener`, over a local fallible source instead: a
/// listener whose `accept` fails after two connections.
struct Listener {
    next: u16,
}
#[derive(Debug, PartialEq)]
struct Connection(u16);

impl Listener {
    async fn bind(port: u16) -> io::Result<Self> {
        tokio::task::yield_now().await;
        Ok(Listener { next: port })
    }
    async fn accept(&mut self) -> io::Result<(Connection, u16)> {
        tokio::task::yield_now().await;
        if self.next >= 8002 {
            return Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "listener closed",
            ));
        }
        self.next += 1;
        Ok((Connection(self.next - 1), self.next + 1000))
    }
}

fn bind_and_accept(
    port: u16,
    log: &mut Vec<String>,
) -> impl Stream<Item = io::Result<Connection>> + '_ {
    async_gen_block!(yield = Connection, return = io::Result<()> => {
        let mut listener = Listener::bind(port).await?;
        loop {
            let (stream, addr) = listener.accept().await?;
            log.push(format!("received on {addr:?}"));
            yield_!(stream);
        }
    })
}

#[tokio::test]
async fn try_stream_over_a_fallible_source() {
    let mut log = Vec::new();
    let items: Vec<io::Result<Connection>> = bind_and_accept(8000, &mut log).collect().await;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap(), &Connection(8000));
    assert_eq!(items[1].as_ref().unwrap(), &Connection(8001));
    assert_eq!(
        items[2].as_ref().unwrap_err().kind(),
        io::ErrorKind::ConnectionAborted
    );
    assert_eq!(log, ["received on 9001", "received on 9002"]);
}
