//! The runtime half of `#[async_gen]`'s enum path: a stream driven by the same explicit state
//! machine as `#[generator]`, whose `.await` points are suspension points too.
//!
//! Input (from the macro): the state enum's first value, an empty [`Awaiting`] tree with one
//! leaf per `.await` of the body, and the step closure.
//! Output: [`AsyncMachine`], a `Stream` whose `poll_next` is one call of the step.
//!
//! ```text
//! async_machine::<Item, Ret, _, _, _>(State::Start { .. }, Awaiting::None,
//!     |state, resume, mut awaiting: Pin<&mut Awaiting<_, _>>, cx| loop { match state {
//!         // `let v = fetch(i).await;` becomes
//!         State::S1 { i } => { awaiting.as_mut().set(Awaiting::Left(fetch(i).into_future())); .. }
//!         State::Await2 { .. } => match Future::poll(awaiting.as_mut().left(), cx) {
//!             Poll::Pending => { *state = State::Await2 { .. }; return Err(Refusal::Pending) }
//!             Poll::Ready(v) => { awaiting.as_mut().set(Awaiting::None); /* the code after */ }
//!         },
//!         // `yield_!(x)` returns `Ok(Yielded(x))`, which `poll_next` hands out as `Some(x)`.
//!     }})
//! ```
//!
//! # Why the awaited futures live apart from the state
//! The step moves the state enum in and out (`mem::replace`), which is what lets rustc infer its
//! field types and LLVM keep it in registers; a future being awaited must not move once polled.
//! So the futures live in a second field, [`Awaiting`], which is structurally pinned: the step
//! only ever sees it as `Pin<&mut _>`, and it changes variant only through `Pin::set` (which
//! drops the old value in place). One body awaits one future at a time, so the tree is a sum:
//! its size is the largest future's, not their total.
//!
//! # Soundness
//! The only `unsafe` of this path is here: `AsyncMachine::project` splits
//! `Pin<&mut AsyncMachine>` into `&mut S` (never pinned: nothing ever makes a `Pin<&mut S>`),
//! `&F` and `Pin<&mut P>` (structurally pinned: never moved, never handed out as `&mut`);
//! [`Awaiting::left`] / [`Awaiting::right`] project a pinned tree onto its pinned payload, and
//! [`Levels::first`] / [`Levels::rest`] a pinned pair of levels onto each level. None of these
//! types has a `Drop` impl or a method that moves out of a pinned value (`AsyncMachine`'s
//! unwinding guard only clears what is parked, in place), and each is `Unpin` exactly when its
//! pinned parts are (auto traits). So generated code, and user crates with
//! `#![forbid(unsafe_code)]`, contain no `unsafe`. `cargo +nightly miri test -p coro-core --test
//! issue11` runs these paths under Stacked and Tree Borrows.

use core::cell::UnsafeCell;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use crate::async_generator::AsyncGenerator;
use crate::machine::{Refusal, StateInfo, Step};
use crate::state::{GeneratorState, GeneratorStatus};
use crate::stream::Finish;

/// The stream an `#[async_gen]` fn returns when its body takes the enum path.
///
/// `S` is the state enum, `P` the [`Awaiting`] tree (`()` for a body that never awaits) and `F`
/// the non-capturing step closure. It is `Unpin`, `Send` and `Sync` exactly when the state and
/// the awaited futures are.
#[doc(hidden)]
pub struct AsyncMachine<S, P, F> {
    /// In an `UnsafeCell` although it is only reached through `Pin<&mut Self>`: a parked future
    /// (an `async fn`'s) holds `&mut` borrows of its own locals, and a `&AsyncMachine` (from
    /// `Debug`, `is_terminated`) must not assert that those bytes are frozen, which would
    /// invalidate those borrows under Stacked/Tree Borrows (Miri found it).
    ///
    /// First, so it drops first: a parked future or `for_await!` stream is a temporary of the
    /// body, inner to the locals declared before it (`let _g = ..; for_await!(..)`), which drop
    /// after it in an `async fn` too (bug AH of the differential test).
    awaiting: UnsafeCell<P>,
    state: S,
    step: F,
}

// SAFETY: `&AsyncMachine` reaches `state` (through `StateInfo::status`) and nothing of
// `awaiting`; the bounds are those of a struct holding the three.
unsafe impl<S: Sync, P: Sync, F: Sync> Sync for AsyncMachine<S, P, F> {}

/// Builds the stream. The turbofish carries the user's item and return types so that type
/// errors point at the user's code.
#[inline]
pub fn async_machine<Item, Ret, S, P, F>(state: S, awaiting: P, step: F) -> AsyncMachine<S, P, F>
where
    S: StateInfo,
    P: Parked,
    F: Fn(&mut S, Option<()>, Pin<&mut P>, &mut Context<'_>) -> Step<Item, Ret>,
    Ret: Finish<Item>,
{
    AsyncMachine {
        awaiting: UnsafeCell::new(awaiting),
        state,
        step,
    }
}

impl<S, P, F, Item, Ret> Stream for AsyncMachine<S, P, F>
where
    S: StateInfo,
    P: Parked,
    F: Fn(&mut S, Option<()>, Pin<&mut P>, &mut Context<'_>) -> Step<Item, Ret>,
    Ret: Finish<Item>,
{
    type Item = Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        let (state, awaiting, step) = self.project();
        let mut guard = ClearOnUnwind::arm(awaiting);
        let stepped = step(state, Some(()), guard.parked(), cx);
        guard.disarm();
        match stepped {
            Ok(GeneratorState::Yielded(item)) => Poll::Ready(Some(item)),
            // A completion inside a `for_await!` loop has cleared the loop's stream itself
            // (`Lowerer::complete`), before the arm's locals dropped.
            Ok(GeneratorState::Complete(ret)) => Poll::Ready(ret.finish()),
            Err(Refusal::Pending) => Poll::Pending,
            // A finished stream answers `None` for ever (it is a `FusedStream`).
            Err(Refusal::Completed) => Poll::Ready(None),
            Err(_) => polled_after_panic(),
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

impl<S, P, F, Item, Ret> FusedStream for AsyncMachine<S, P, F>
where
    S: StateInfo,
    P: Parked,
    F: Fn(&mut S, Option<()>, Pin<&mut P>, &mut Context<'_>) -> Step<Item, Ret>,
    Ret: Finish<Item>,
{
    fn is_terminated(&self) -> bool {
        matches!(
            self.state.status(),
            GeneratorStatus::Completed | GeneratorStatus::Poisoned
        )
    }
}

/// The fn's name and where it is suspended, as a `#[generator]`'s `Debug` says:
/// `ticks (suspended at src/main.rs:12:9: sleep(d).await)`.
impl<S: StateInfo, P, F> fmt::Debug for AsyncMachine<S, P, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", S::NAME, self.state.status())
    }
}

/// [`async_machine`] for `#[async_gen(yield = Y, resume = R)]`: an [`AsyncGenerator`].
#[inline]
pub fn async_generator<R, Y, Ret, S, P, F>(state: S, awaiting: P, step: F) -> AsyncMachine<S, P, F>
where
    S: StateInfo,
    P: Parked,
    F: Fn(&mut S, Option<R>, Pin<&mut P>, &mut Context<'_>) -> Step<Y, Ret>,
{
    AsyncMachine {
        awaiting: UnsafeCell::new(awaiting),
        state,
        step,
    }
}

impl<S, P, F, R, Y, Ret> AsyncGenerator<R> for AsyncMachine<S, P, F>
where
    S: StateInfo,
    P: Parked,
    F: Fn(&mut S, Option<R>, Pin<&mut P>, &mut Context<'_>) -> Step<Y, Ret>,
{
    type Yield = Y;
    type Return = Ret;

    #[inline]
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<GeneratorState<Y, Ret>> {
        let (state, awaiting, step) = self.project();
        let mut guard = ClearOnUnwind::arm(awaiting);
        let stepped = step(state, arg.take(), guard.parked(), cx);
        guard.disarm();
        match stepped {
            Ok(s) => Poll::Ready(s),
            Err(Refusal::Pending) => Poll::Pending,
            Err(refusal) => refusal.raise(),
        }
    }

    fn status(&self) -> GeneratorStatus {
        self.state.status()
    }

    fn close(self: Pin<&mut Self>) {
        let (state, awaiting, _) = self.project();
        state.close();
        awaiting.clear();
    }
}

impl<S, P, F> AsyncMachine<S, P, F> {
    /// `&mut` the state and the step, `Pin<&mut>` the parked futures.
    #[inline]
    fn project(self: Pin<&mut Self>) -> (&mut S, Pin<&mut P>, &F) {
        // SAFETY: `awaiting` is structurally pinned and never moved: it is only reached through
        // the `Pin` made here. `state` and `step` are not pinned (no `Pin<&mut S>` is ever
        // made), so handing out `&mut S` is fine; `AsyncMachine` has no `Drop` impl.
        let this = unsafe { self.get_unchecked_mut() };
        // SAFETY: see above; `this.awaiting` stays where it is for as long as the machine lives.
        let awaiting = unsafe { Pin::new_unchecked(this.awaiting.get_mut()) };
        (&mut this.state, awaiting, &this.step)
    }
}

/// Drops what is parked if the step unwinds: a panic in a `for_await!` body drops the loop's
/// stream while unwinding, as an `async fn` drops its locals (bug AG of the differential test),
/// rather than when the stream is dropped.
struct ClearOnUnwind<'a, P: Parked>(Option<Pin<&'a mut P>>);

impl<'a, P: Parked> ClearOnUnwind<'a, P> {
    #[inline]
    fn arm(awaiting: Pin<&'a mut P>) -> Self {
        ClearOnUnwind(Some(awaiting))
    }

    #[inline]
    fn parked(&mut self) -> Pin<&mut P> {
        self.0.as_mut().expect("armed").as_mut()
    }

    /// The step returned: nothing to clear.
    #[inline]
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl<P: Parked> Drop for ClearOnUnwind<'_, P> {
    fn drop(&mut self) {
        if let Some(awaiting) = &mut self.0 {
            awaiting.as_mut().clear();
        }
    }
}

/// What holds a body's parked futures: `()` (it never awaits) or an [`Awaiting`] tree.
#[doc(hidden)]
pub trait Parked {
    /// Drops a parked future in place.
    fn clear(self: Pin<&mut Self>);
}

impl Parked for () {
    fn clear(self: Pin<&mut Self>) {}
}

impl<A, B> Parked for Awaiting<A, B> {
    fn clear(mut self: Pin<&mut Self>) {
        self.set(Awaiting::None);
    }
}

/// The parked values of a body with `for_await!` loops, one [`Awaiting`] tree per level of
/// nesting: a loop's stream stays parked at its level while its body awaits at the next one.
/// Three levels are `Levels<L0, Levels<L1, L2>>`.
#[doc(hidden)]
#[derive(Debug)]
pub struct Levels<A, B> {
    first: A,
    rest: B,
}

impl<A, B> Levels<A, B> {
    #[inline]
    pub fn new(first: A, rest: B) -> Self {
        Levels { first, rest }
    }

    /// The outermost level, pinned.
    #[inline]
    #[must_use]
    pub fn first(self: Pin<&mut Self>) -> Pin<&mut A> {
        // SAFETY: projection of a structurally pinned field: `Levels` never moves its fields
        // out of a pinned value, has no `Drop` impl, and is `Unpin` only when both fields are.
        unsafe { self.map_unchecked_mut(|l| &mut l.first) }
    }

    /// The inner levels, pinned.
    #[inline]
    #[must_use]
    pub fn rest(self: Pin<&mut Self>) -> Pin<&mut B> {
        // SAFETY: as in `first`.
        unsafe { self.map_unchecked_mut(|l| &mut l.rest) }
    }
}

impl<A: Parked, B: Parked> Parked for Levels<A, B> {
    fn clear(mut self: Pin<&mut Self>) {
        self.as_mut().rest().clear();
        self.first().clear();
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn polled_after_panic() -> ! {
    panic!("`#[async_gen]` stream polled after its body panicked")
}

/// Where the body's awaited futures live: a binary tree of sums, one leaf per `.await` of the
/// body, of which at most one holds a future at a time. A body with two awaits has an
/// `Awaiting<F0, F1>`, one with three `Awaiting<F0, Awaiting<F1, F2>>`, and so on (balanced), so
/// reaching a leaf takes a logarithmic number of projections.
#[doc(hidden)]
#[derive(Debug)]
pub enum Awaiting<A, B> {
    /// No `.await` is in progress.
    None,
    Left(A),
    Right(B),
}

impl<A, B> Awaiting<A, B> {
    /// The left payload, pinned.
    ///
    /// # Panics
    /// If the tree holds no left payload: the expansion only projects onto the leaf it filled.
    #[inline]
    #[must_use]
    pub fn left(self: Pin<&mut Self>) -> Pin<&mut A> {
        // SAFETY: projection of a structurally pinned payload: `Awaiting` never moves its
        // payload out of a pinned value (its variant only changes through `Pin::set`, which
        // drops the old payload in place), has no `Drop` impl, and is `Unpin` only when `A` and
        // `B` are.
        unsafe {
            match self.get_unchecked_mut() {
                Awaiting::Left(a) => Pin::new_unchecked(a),
                _ => not_awaiting(),
            }
        }
    }

    /// The right payload, pinned.
    ///
    /// # Panics
    /// If the tree holds no right payload.
    #[inline]
    #[must_use]
    pub fn right(self: Pin<&mut Self>) -> Pin<&mut B> {
        // SAFETY: as in `left`.
        unsafe {
            match self.get_unchecked_mut() {
                Awaiting::Right(b) => Pin::new_unchecked(b),
                _ => not_awaiting(),
            }
        }
    }
}

#[cold]
#[inline(never)]
fn not_awaiting() -> ! {
    unreachable!("coro: an `.await` resumed without its future (a bug in coro, please report it)")
}
