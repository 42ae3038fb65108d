//! Async generators that take values: Python's `asend`.
//!
//! `#[async_gen(yield = Y, resume = R)] async fn` returns an [`AsyncGenerator<R>`]: like a
//! [`Generator`](crate::Generator) whose body may `.await`, driven by `start().await` and
//! `send(value).await`, each of which runs the body to its next `yield_!` (or to its end) and
//! answers with a [`GeneratorState`]. Unlike Python's, it has a return value.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::state::{GeneratorState, GeneratorStatus};

/// A generator whose body may `.await`: each resumption is a future.
///
/// Resume it through [`start`](AsyncGenerator::start) and [`send`](AsyncGenerator::send) on a
/// pinned generator (`core::pin::pin!` or `Box::pin`); `.await` each resumption to its end
/// before the next one.
///
/// ```
/// use std::pin::pin;
/// use coro_core::{AsyncGenerator, GeneratorState, async_gen, yield_};
///
/// async fn lookup(key: u32) -> u32 {
///     key * 10 // a real program awaits a database here
/// }
///
/// /// Python: `async def cache(): total = 0; while (k := yield total) is not None: total += await lookup(k)`
/// #[async_gen(yield = u32, resume = Option<u32>)]
/// async fn summing() -> u32 {
///     let mut total = 0;
///     while let Some(key) = yield_!(total) {
///         total += lookup(key).await;
///     }
///     total
/// }
///
/// futures::executor::block_on(async {
///     let mut g = pin!(summing());
///     assert_eq!(g.as_mut().start().await, GeneratorState::Yielded(0));
///     assert_eq!(g.as_mut().send(Some(1)).await, GeneratorState::Yielded(10));
///     assert_eq!(g.as_mut().send(Some(2)).await, GeneratorState::Yielded(30));
///     assert_eq!(g.as_mut().send(None).await, GeneratorState::Complete(30));
/// });
/// ```
///
/// # Panics
/// As a [`Generator`](crate::Generator)'s: `send` before `start`, `start` on a generator
/// suspended at a `yield_!` that expects a value, and resuming a completed (or panicked)
/// generator panic. So does resuming while a previous resumption that was dropped before it
/// completed is still waiting in an `.await` (Python's "asynchronous generator is already
/// running"): the value would be lost.
pub trait AsyncGenerator<R = ()> {
    /// The type of the values passed to `yield_!`.
    type Yield;
    /// The body's return value.
    type Return;

    /// Runs the body on: `arg` is the value of this resumption (`None` for `start`), taken by
    /// the poll that hands it to the body. What `start`/`send`'s futures call.
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>>;

    /// Where the generator is: created, suspended (at a `yield_!` or an `.await`), completed.
    fn status(&self) -> GeneratorStatus;

    /// Completes the generator without running any more of its body: its locals, and a future
    /// it was awaiting, are dropped now (Python's `aclose()`, without the `GeneratorExit`).
    fn close(self: Pin<&mut Self>);

    /// Runs the body to its first `yield_!` (Python's `asend(None)` / `__anext__()`).
    fn start(self: Pin<&mut Self>) -> Resume<'_, Self, R>
    where
        Self: Sized,
    {
        Resume {
            generator: self,
            arg: None,
        }
    }

    /// Sends `value` as the result of the pending `yield_!` and runs the body to its next one
    /// (Python's `asend(value)`).
    fn send(self: Pin<&mut Self>, value: R) -> Resume<'_, Self, R>
    where
        Self: Sized,
    {
        Resume {
            generator: self,
            arg: Some(value),
        }
    }
}

/// The future of one resumption ([`AsyncGenerator::start`] / [`AsyncGenerator::send`]).
#[must_use = "a resumption does nothing until it is awaited"]
#[derive(Debug)]
pub struct Resume<'a, G, R> {
    generator: Pin<&'a mut G>,
    arg: Option<R>,
}

// Nothing in a `Resume` is structurally pinned: the generator is behind its own `Pin`, and the
// value is moved out, never borrowed across polls.
impl<G, R> Unpin for Resume<'_, G, R> {}

impl<G: AsyncGenerator<R>, R> Future for Resume<'_, G, R> {
    type Output = GeneratorState<G::Yield, G::Return>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        this.generator.as_mut().poll_resume(cx, &mut this.arg)
    }
}
