//! The runtime half of `#[async_gen]`: the stream type, its yield handle and the yield future.
//! Everything here is reached through `__private` by generated code only.
//!
//! # How it works
//!
//! `#[async_gen(yield = Y)] async fn f(args) { body }` becomes
//!
//! ```text
//! fn f(args) -> impl Stream<Item = Y> {
//!     __private::async_gen::<Y, (), _, _>(move |mut yo| async move {
//!         let mut yielder = yo.handle();          // hygienic names: user code cannot name them
//!         body                                    // yield_!(x) => yielder.yield_(x).await
//!     })
//! }
//! ```
//!
//! [`AsyncGen`] holds the not-yet-called closure, then the body's future. Each `poll_next`
//! polls the body with a waker that carries a pointer to a one-value slot on `poll_next`'s own
//! stack (and wakes the waker it was given; see `stream/yielder.rs`). `yielder.yield_(x)` returns
//! a [`Yield`] future whose first poll finds that slot through `cx.waker()`, moves `x` there and
//! returns `Pending`; `poll_next` sees the body pending with a full slot and returns the value.
//! No allocation, no thread-local, and no pointer from the body into its own stream.
//!
//! Per item, the hot path is: one test of `state` (`Running` is tested first), the body's own
//! resume, the hand-off waker's construction on the stack, one comparison of the waker's vtable
//! when the next yield hands its value over, and the test of the slot in `poll_next`; inlined
//! into a consumer's loop, most of it folds away (W3a: 5 instructions per item). A panic in the body is recorded by a guard that only
//! acts while unwinding (no flag is set and cleared around each poll).
//!
//! # Soundness
//!
//! The slot's pointer lives in the hand-off waker, which exists only during one `poll_next`
//! (on its stack, beside the slot): a clone of the waker is the inner waker's own clone, so no
//! copy of the pointer outlives the poll. A [`Yield`] future writes through it only when the
//! context it is polled with carries a hand-off waker, and then the slot is that of the stream
//! whose body awaits it, so its type is the future's `Item`:
//! 1. the innermost hand-off is the stream's that polls the body being run (a stream's body is
//!    polled by its own `poll_next` only, which installs its own hand-off);
//! 2. a `Yield` future borrows its body's [`Yielder`] (through the [`YieldHandle`] the expansion
//!    binds to a hygienic local, `Span::mixed_site()`), so it cannot leave that body's future;
//!    the expansion `.await`s it at once, in that body's poll. (Calling `__private::async_gen`
//!    by hand and polling a `Yield` inside another stream's body would break this: it is not
//!    public API.)
//!
//! Data races are impossible: the slot is only written during the body's poll, on the thread
//! running `poll_next`, and read by `poll_next` after it.
//!
//! Aliasing: the body's future holds `&mut` borrows of its own locals, so the stream never
//! creates a `&` covering the future's bytes (`state` sits in an `UnsafeCell`; `&self` methods
//! read only its discriminant, through a raw pointer), and `&mut AsyncGen` is exempt from
//! uniqueness because the type is `!Unpin`.
//! `cargo +nightly miri test -p coro-core --test 'async_*'` passes under Stacked Borrows and
//! with `MIRIFLAGS=-Zmiri-tree-borrows` (the multi-threaded tokio test is skipped under Miri).
//!
//! # Examples
//!
//! The lifetimes of the arguments are captured in edition-2021 crates too:
//!
//! ```edition2021
//! use coro_core::{async_gen, for_await, yield_};
//!
//! #[async_gen(yield = &'a str)]
//! async fn words<'a>(text: &'a str, sep: &str) {
//!     for w in text.split(sep) {
//!         yield_!(w);
//!     }
//! }
//!
//! futures::executor::block_on(async {
//!     let mut out = Vec::new();
//!     for_await!(w in words("a b c", " ") { out.push(w) });
//!     assert_eq!(out, ["a", "b", "c"]);
//! });
//! ```
//!
//! Two yields polled at once would need two `&mut` borrows of the hygienic yielder, and an
//! async block holding a yield is rejected before that:
//!
//! ```compile_fail
//! use coro_core::{async_gen, yield_};
//!
//! #[async_gen(yield = u32)]
//! async fn both() {
//!     futures::join!(async { yield_!(1) }, async { yield_!(2) });
//! }
//! ```
//!
//! A yield handle cannot be named by user code:
//!
//! ```compile_fail,E0425
//! use coro_core::{async_gen, yield_};
//!
//! #[async_gen(yield = u32)]
//! async fn steal() {
//!     let _handle = __yielder;
//!     yield_!(1);
//! }
//! ```
//!
//! Auto traits follow the body: an `Rc` held across a yield makes the stream `!Send`.
//!
//! ```compile_fail,E0277
//! use coro_core::{async_gen, yield_};
//!
//! #[async_gen(yield = u32)]
//! async fn local() {
//!     let rc = std::rc::Rc::new(1);
//!     yield_!(*rc);
//!     drop(rc);
//! }
//!
//! fn assert_send<T: Send>(_: T) {}
//! assert_send(local());
//! ```
//!
//! `for_await!` needs async code, and an irrefutable pattern (a refutable one would silently
//! end the loop early):
//!
//! ```compile_fail,E0728
//! fn not_async() {
//!     coro_core::for_await!(x in futures::stream::iter([1]) { let _ = x; });
//! }
//! ```
//!
//! ```compile_fail,E0005
//! async fn refutable() {
//!     coro_core::for_await!(Some(x) in futures::stream::iter([Some(1)]) { let _ = x; });
//! }
//! ```

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

mod yielder;

pub use yielder::{Yield, YieldHandle, Yielder};

/// The stream returned by an `#[async_gen]` fn.
///
/// It is `Send`/`Sync` when the body's future is, and never `Unpin` (pin it with
/// `core::pin::pin!` or `Box::pin`, or consume it with `for_await!`, which does that for you).
///
/// # Panics
/// A panic in the body propagates out of `poll_next`. The stream is then poisoned:
/// [`is_terminated`](FusedStream::is_terminated) returns `true` and polling it again panics with
/// "`#[async_gen]` stream polled after its body panicked" (as an `async fn` future does).
pub struct AsyncGen<Item, F, Fut> {
    // `state` is in an `UnsafeCell` although it is only written through `Pin<&mut Self>`: the
    // body's future holds `&mut` borrows of its own locals (the yield handle at least), and a
    // `&AsyncGen` (from `Debug`, `is_terminated`, `size_hint`) must not assert that those bytes
    // are frozen, which would invalidate those borrows under Stacked/Tree Borrows. `&self`
    // methods only read the discriminant, through a raw pointer (see `AsyncGen::phase`).
    state: UnsafeCell<State<F, Fut>>,
    _item: PhantomData<fn() -> Item>,
    /// `!Unpin` whatever the body: `&mut AsyncGen` then asserts no uniqueness over the body's
    /// self-borrows (see "Aliasing" above).
    _pinned: PhantomPinned,
}

enum State<F, Fut> {
    /// The body's future (structurally pinned). First: `poll_next` tests for it on every call.
    Running(Fut),
    /// Not polled yet: the body closure.
    Init(F),
    /// The body returned (or its closure panicked): `None` forever.
    Done,
    /// The body panicked: polling again panics.
    Poisoned,
}

/// Builds the stream of an `#[async_gen]` fn. The turbofish carries the user's item and return
/// types so that type errors point at the user's code.
///
/// Not public API: soundness relies on the expansion never letting the [`Yielder`] out of the
/// body's future (see the module docs).
#[inline]
pub fn async_gen<Item, Ret, F, Fut>(body: F) -> AsyncGen<Item, F, Fut>
where
    F: FnOnce(Yielder<Item>) -> Fut,
    Fut: Future<Output = Ret>,
    Ret: Finish<Item>,
{
    AsyncGen {
        state: UnsafeCell::new(State::Init(body)),
        _item: PhantomData,
        _pinned: PhantomPinned,
    }
}

/// What `&self` may know of `state`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Created,
    Suspended,
    Poisoned,
    Done,
}

impl<Item, F, Fut> AsyncGen<Item, F, Fut> {
    fn phase(&self) -> Phase {
        // SAFETY: `state` is only written through `Pin<&mut Self>`, which cannot coexist with
        // `&self`. Matching on the place reads the discriminant only (no reference to the
        // variant's data is created), so the borrows the body's future holds of its own locals
        // stay valid.
        unsafe {
            match *self.state.get() {
                State::Running(_) => Phase::Suspended,
                State::Init(_) => Phase::Created,
                State::Done => Phase::Done,
                State::Poisoned => Phase::Poisoned,
            }
        }
    }
}

/// Sets the state to `Poisoned` if the body's poll unwinds (forgotten otherwise).
struct Poison<F, Fut>(*mut State<F, Fut>);

impl<F, Fut> Drop for Poison<F, Fut> {
    fn drop(&mut self) {
        // SAFETY: the pointer is `poll_next`'s own access to `state`, used after the body's poll
        // (which panicked) returned. Assigning drops the body's future in place (allowed for
        // pinned data); its locals were already dropped by the unwinding.
        unsafe { *self.0 = State::Poisoned };
    }
}

impl<Item, F, Fut> AsyncGen<Item, F, Fut>
where
    F: FnOnce(Yielder<Item>) -> Fut,
    Fut: Future,
    Fut::Output: Finish<Item>,
{
    /// Every state but `Running`: starts the body (`None`: go on and poll it) or answers.
    ///
    /// Inlined, although it runs once: then the body's future is built inside the consumer's
    /// loop, LLVM knows its first state, and it threads the whole body's state machine
    /// (W3a, direct poll: 5 instructions per item in both profiles, against 24 with 16 codegen
    /// units and 19 with one when this was `#[cold]` and out of line, where the stream's address
    /// reached a call and its state stayed in memory; building the future eagerly in
    /// `async_gen` instead measured 27 with 16 codegen units, its first state unknown).
    #[inline]
    fn poll_not_running(&mut self) -> Option<Poll<Option<Item>>> {
        let state = self.state.get_mut();
        match core::mem::replace(state, State::Done) {
            State::Init(body) => {
                // If `body` panics, the state stays `Done`.
                *state = State::Running(body(Yielder::new()));
                None
            }
            State::Done => Some(Poll::Ready(None)),
            State::Poisoned => {
                *state = State::Poisoned;
                polled_after_panic()
            }
            State::Running(_) => unreachable!("`poll_next` handles `Running`"),
        }
    }
}

impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
where
    F: FnOnce(Yielder<Item>) -> Fut,
    Fut: Future,
    Fut::Output: Finish<Item>,
{
    type Item = Item;

    #[allow(
        clippy::inline_always,
        reason = "with one codegen unit LLVM kept it out of line: a call per item, 57 instructions instead of 43 in the direct-poll benchmark W3a"
    )]
    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        // SAFETY: we never move `state` while it holds the future (it is only polled through
        // `Pin::new_unchecked` below and dropped in place by assignment), and never move `slot`.
        let this = unsafe { self.get_unchecked_mut() };
        if !matches!(this.state.get_mut(), State::Running(_))
            && let Some(poll) = this.poll_not_running()
        {
            return poll;
        }
        let state = this.state.get();
        // SAFETY: `state` is ours (`this` is exclusive); the reference ends with the poll.
        let State::Running(fut) = (unsafe { &mut *state }) else {
            unreachable!("`poll_not_running` started the body")
        };
        // SAFETY: `fut` lives inside the pinned stream and is never moved (see above).
        let fut = unsafe { Pin::new_unchecked(fut) };
        let poison = Poison(state);
        let mut slot = None;
        let poll = yielder::with_slot(cx, &mut slot, |cx| fut.poll(cx));
        core::mem::forget(poison);
        match poll {
            Poll::Pending => match slot {
                Some(item) => Poll::Ready(Some(item)),
                None => Poll::Pending,
            },
            Poll::Ready(ret) => {
                // Drops the finished future in place (allowed for pinned data). A value in the
                // slot can only come from a yield future polled by hand and not awaited (hidden
                // API): it is dropped here.
                *this.state.get_mut() = State::Done;
                Poll::Ready(ret.finish())
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.is_terminated() {
            (0, Some(0))
        } else {
            (0, None)
        }
    }
}

impl<Item, F, Fut> FusedStream for AsyncGen<Item, F, Fut>
where
    F: FnOnce(Yielder<Item>) -> Fut,
    Fut: Future,
    Fut::Output: Finish<Item>,
{
    fn is_terminated(&self) -> bool {
        matches!(self.phase(), Phase::Poisoned | Phase::Done)
    }
}

// SAFETY: through `&AsyncGen` only the discriminant of `state` is read (`Debug`, `size_hint`,
// `is_terminated`); the future is only touched through `Pin<&mut Self>`. `F` and `Fut` must be
// `Sync` as for any struct holding them.
unsafe impl<Item, F: Sync, Fut: Sync> Sync for AsyncGen<Item, F, Fut> {}

impl<Item, F, Fut> fmt::Debug for AsyncGen<Item, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.phase() {
            Phase::Created => "created",
            Phase::Suspended => "suspended",
            Phase::Poisoned => "poisoned",
            Phase::Done => "done",
        };
        f.debug_struct("AsyncGen")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn polled_after_panic() -> ! {
    panic!("`#[async_gen]` stream polled after its body panicked")
}

/// What the body's return value adds at the end of the stream: nothing for `()`, the error for
/// `Err(e)` when the fn returns `Result<(), E>` (its `?` ends the stream with that error).
pub trait Finish<Item> {
    /// The stream's last item, if any.
    fn finish(self) -> Option<Item>;
}

impl<Item> Finish<Item> for () {
    #[inline]
    fn finish(self) -> Option<Item> {
        None
    }
}

impl<Y, E> Finish<Result<Y, E>> for Result<(), E> {
    #[inline]
    fn finish(self) -> Option<Result<Y, E>> {
        match self {
            Ok(()) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

/// The next item of a pinned stream (`for_await!` and `yield_from!`).
#[inline]
pub fn next<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Next<'_, S> {
    Next { stream }
}

/// The future of [`next`].
#[must_use = "futures do nothing unless awaited"]
pub struct Next<'a, S: ?Sized> {
    stream: Pin<&'a mut S>,
}

impl<S: Stream + ?Sized> Future for Next<'_, S> {
    type Output = Option<S::Item>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.stream.as_mut().poll_next(cx)
    }
}

impl<S: ?Sized> fmt::Debug for Next<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Next").finish_non_exhaustive()
    }
}
