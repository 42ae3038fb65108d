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
//!         let yielder = &mut yo;                  // hygienic names: user code cannot name them
//!         body                                    // yield_!(x) => yielder.yield_(x).await
//!     })
//! }
//! ```
//!
//! [`AsyncGen`] holds the not-yet-called closure, then the body's future, and a one-value slot.
//! On the first `poll_next` the stream is pinned, so it calls the closure with a [`Yielder`]
//! pointing at its own slot. `yielder.yield_(x)` parks `x` in the slot and returns `Pending`
//! once; `poll_next` sees the body pending with a full slot and returns the value. No
//! allocation, no thread-local.
//!
//! # Soundness
//!
//! The raw pointer in a [`Yielder`] is valid as long as the stream is, because
//! 1. the stream is `!Unpin` (`PhantomPinned`) and the pointer is only created once it is
//!    pinned, so the slot never moves while a pointer to it exists;
//! 2. the `Yielder` is moved into the body's future and nowhere else: the expansion binds it to a
//!    hygienic local (`Span::mixed_site()`) and only ever hands out `&mut` borrows of that local,
//!    so whatever user code can get hold of (even through other macros' tokens, nested async
//!    blocks or closures) is a borrow that the borrow checker confines to the body's future;
//! 3. the body's future is dropped before the slot (field order of [`AsyncGen`]).
//!
//! Data races are impossible: every slot access happens either in `poll_next` (which has the
//! pinned stream exclusively) while the body is not being polled, or inside a poll of a [`Yield`]
//! future, which holds the `&mut Yielder` exclusively. Such a poll happens inside the body's poll
//! (or in a scoped thread it blocks on), never concurrently with `poll_next`'s own accesses.
//! Since every yield future borrows the `Yielder` mutably, at most one of them can exist at a
//! time; so a parked value always belongs to the one live yield future, which can retract it
//! when dropped.
//!
//! The only way around (2) is calling `__private::async_gen` by hand and moving the `Yielder`
//! out of the body: that function is not public API.
//!
//! Aliasing: the body's future holds `&mut` borrows of its own locals, so the stream never
//! creates a `&` covering the future's bytes (`state` sits in an `UnsafeCell`; `&self` methods
//! read `phase`), and `&mut AsyncGen` is exempt from uniqueness because the type is `!Unpin`.
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
use core::ptr::NonNull;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

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
    // Field order matters: the body's future is dropped before the slot it points into.
    //
    // `state` is in an `UnsafeCell` although it is only accessed through `Pin<&mut Self>`: the
    // body's future holds `&mut` borrows of its own locals (the yield handle at least), and a
    // `&AsyncGen` (from `Debug`, `is_terminated`, `size_hint`) must not assert that those bytes
    // are frozen, which would invalidate those borrows under Stacked/Tree Borrows. `&self`
    // methods read `phase` instead.
    state: UnsafeCell<State<F, Fut>>,
    slot: UnsafeCell<Option<Item>>,
    phase: Phase,
    /// The body's future points into `slot`: the stream must not move once polled.
    _pinned: PhantomPinned,
}

enum State<F, Fut> {
    /// Not polled yet: the body closure, waiting for a pinned slot to point at.
    Init(F),
    /// The body's future (structurally pinned).
    Running(Fut),
    /// The body returned (or its closure panicked): `None` forever.
    Done,
}

/// What `&self` may know of `state`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Created,
    Suspended,
    /// Set while the body is being polled: still set afterwards means the poll panicked.
    Polling,
    Done,
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
        slot: UnsafeCell::new(None),
        phase: Phase::Created,
        _pinned: PhantomPinned,
    }
}

impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
where
    F: FnOnce(Yielder<Item>) -> Fut,
    Fut: Future,
    Fut::Output: Finish<Item>,
{
    type Item = Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        // SAFETY: we never move `state` while it holds the future (it is only polled through
        // `Pin::new_unchecked` below and dropped in place by assignment), and never move `slot`.
        let this = unsafe { self.get_unchecked_mut() };
        let state = this.state.get_mut();
        match this.phase {
            Phase::Polling => polled_after_panic(),
            Phase::Done => return Poll::Ready(None),
            Phase::Created => {
                let State::Init(body) = core::mem::replace(state, State::Done) else {
                    unreachable!()
                };
                // The stream is pinned from now on, so the slot's address is stable until it is
                // dropped, which happens after the future's drop (field order).
                let yielder = Yielder {
                    slot: NonNull::from(&this.slot),
                    _item: PhantomData,
                };
                this.phase = Phase::Done; // in case `body` panics
                *state = State::Running(body(yielder));
            }
            Phase::Suspended => {}
        }
        let State::Running(fut) = state else {
            unreachable!("`phase` says the body is running")
        };
        // SAFETY: `fut` lives inside the pinned stream and is never moved (see above).
        let fut = unsafe { Pin::new_unchecked(fut) };
        this.phase = Phase::Polling;
        let poll = fut.poll(cx);
        match poll {
            Poll::Pending => {
                this.phase = Phase::Suspended;
                // SAFETY: the body is not being polled, so no `Yield` future is accessing the
                // slot (they only do so inside the body's poll, see the module docs), and this
                // `&mut` is the only reference to its contents for the duration of `take`.
                let parked = unsafe { (*this.slot.get()).take() };
                match parked {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                }
            }
            Poll::Ready(ret) => {
                // Drops the finished future in place (allowed for pinned data). A value left in
                // the slot can only come from a yield future that was leaked with `mem::forget`;
                // it is dropped with the stream.
                *state = State::Done;
                this.phase = Phase::Done;
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
        matches!(self.phase, Phase::Polling | Phase::Done)
    }
}

// SAFETY: through `&AsyncGen` only `phase` is read (`Debug`, `size_hint`, `is_terminated`);
// `state` and the slot are only touched through `Pin<&mut Self>` or the
// `Yielder`, which is itself only used through `&mut`. So sharing a stream between threads shares
// nothing of `Item`; `F` and `Fut` must be `Sync` as for any struct holding them.
unsafe impl<Item, F: Sync, Fut: Sync> Sync for AsyncGen<Item, F, Fut> {}

impl<Item, F, Fut> fmt::Debug for AsyncGen<Item, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.phase {
            Phase::Created => "created",
            Phase::Suspended => "suspended",
            Phase::Polling => "poisoned",
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

/// The body's handle on its stream's slot. Only the stream creates one, and only the expansion
/// (through a hygienic `&mut` binding) uses it.
pub struct Yielder<Item> {
    slot: NonNull<UnsafeCell<Option<Item>>>,
    _item: PhantomData<Item>,
}

// SAFETY: moving the handle to another thread moves the body (and the whole stream) there: the
// slot is then written and read on that thread, which needs `Item: Send` only.
unsafe impl<Item: Send> Send for Yielder<Item> {}
// SAFETY: `&Yielder` gives access to nothing (every method takes `&mut self`).
unsafe impl<Item> Sync for Yielder<Item> {}

impl<Item> fmt::Debug for Yielder<Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

impl<Item> Yielder<Item> {
    /// `yield_!(value)`: parks `value` for the stream's consumer; completes once it was taken.
    #[inline]
    pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
        Yield {
            yielder: self,
            value: Some(value),
            parked: false,
        }
    }
}

impl<Y, E> Yielder<Result<Y, E>> {
    /// `yield_!(value)` in a fn returning `Result<(), E>`: yields `Ok(value)`.
    #[inline]
    pub fn yield_ok(&mut self, value: Y) -> Yield<'_, Result<Y, E>> {
        self.yield_(Ok(value))
    }
}

/// The future of one `yield_!`.
///
/// First poll: parks the value in the slot and returns `Pending` (the stream then hands the value
/// out); if the slot is still full (only possible when an earlier yield future was leaked), it
/// keeps the value, wakes itself and waits. Next polls: `Ready` once the value was taken.
/// Dropped while its value is still parked (cancelled, e.g. by `select!`), it takes the value
/// back: a cancelled yield yields nothing.
#[must_use = "futures do nothing unless awaited"]
pub struct Yield<'a, Item> {
    yielder: &'a mut Yielder<Item>,
    value: Option<Item>,
    parked: bool,
}

// The value is never pinned (it is moved into the slot), so the future need not be.
impl<Item> Unpin for Yield<'_, Item> {}

impl<Item> Yielder<Item> {
    /// The slot's contents.
    ///
    /// # Safety
    /// The stream must be alive (it is while the body's future is, and a `Yielder` never leaves
    /// it), and no other reference to the slot's contents may be live while the result is used.
    #[allow(clippy::mut_from_ref)]
    unsafe fn slot<'s>(&self) -> &'s mut Option<Item> {
        // SAFETY: the caller guarantees validity and exclusivity; `raw_get` does not create an
        // intermediate reference to the `UnsafeCell`.
        unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) }
    }
}

impl<Item> Future for Yield<'_, Item> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        // SAFETY: we hold the `&mut Yielder`, so no other yield future exists, and we are being
        // polled inside the body's poll, during which `poll_next` does not touch the slot.
        let slot = unsafe { this.yielder.slot() };
        if this.parked {
            // By exclusivity, a full slot still holds our value.
            if slot.is_some() {
                return Poll::Pending;
            }
            this.parked = false;
            return Poll::Ready(());
        }
        let Some(value) = this.value.take() else {
            return Poll::Ready(());
        };
        if slot.is_some() {
            // A value from a leaked yield future: let the stream hand it out first.
            this.value = Some(value);
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        *slot = Some(value);
        this.parked = true;
        Poll::Pending
    }
}

impl<Item> Drop for Yield<'_, Item> {
    fn drop(&mut self) {
        if self.parked {
            // SAFETY: as in `poll`; drops run inside the body's poll or while the stream drops
            // the body, both times with the slot alive and not otherwise borrowed.
            drop(unsafe { self.yielder.slot() }.take());
        }
    }
}

impl<Item: fmt::Debug> fmt::Debug for Yield<'_, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield")
            .field("value", &self.value)
            .field("parked", &self.parked)
            .finish_non_exhaustive()
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
