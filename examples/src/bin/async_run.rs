//! The seed's `run(coroutine)`: drive a coroutine by hand and get its return value.
//!
//! Python resumes a coroutine with `coroutine.send(None)`; when it finishes, the return value
//! arrives as `StopIteration.value`. In Rust a coroutine is a `Future`, resumed by `poll`, and
//! `Poll::Ready(value)` carries the return value. An `#[async_gen]` stream is driven the same
//! way with `poll_next`: `Ready(Some(item))` is a `yield`, `Ready(None)` its `StopAsyncIteration`.
//!
//! Run with `cargo run -p coro-examples --bin async_run`.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use coro_core::{async_gen, yield_};
use futures::Stream;

/// Python: `async def async_function(): return 1`.
#[allow(clippy::unused_async)] // the point: a coroutine that returns at its first resumption
async fn async_function() -> i32 {
    1
}

/// Python: `async def await_coroutine(): result = await async_function(); print(result)`.
async fn await_coroutine() {
    let result = async_function().await;
    println!("{result}");
}

/// Python: `def run(coroutine): try: coroutine.send(None) except StopIteration as e: return e.value`.
///
/// Polls until `Ready`. With a no-op waker nobody would wake us, so this only suits futures that
/// never wait for I/O or timers, like the ones here (a real executor sleeps until woken).
fn run<F: Future>(coroutine: F) -> F::Output {
    let mut coroutine = pin!(coroutine);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = coroutine.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// An async generator, stepped by hand below.
#[async_gen(yield = &'static str)]
async fn greetings() {
    yield_!("hello");
    async_function().await;
    yield_!("world");
}

fn main() {
    println!("run(async_function()) = {}", run(async_function()));
    run(await_coroutine());

    let mut stream = pin!(greetings());
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        match stream.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(word)) => println!("yielded {word}"),
            Poll::Ready(None) => {
                println!("StopAsyncIteration");
                break;
            }
            Poll::Pending => {}
        }
    }
}
