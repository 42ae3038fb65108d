//! The runtime of `#[generator(.., pinned)]`: a generator whose body may borrow its own locals
//! across a `yield_!`, like a nightly `static` coroutine. Reached through `__private` by
//! generated code, and through [`PinnedGen`]'s `Generator` impls by users.
//!
//! # How it works
//!
//! `#[generator(yield = Y, resume = R, pinned)] fn f(args) -> Ret { body }` becomes
//!
//! ```text
//! fn f(args) -> PinnedGen<Y, R, impl PinnedBody<Y, R, Fut = impl Future<Output = Ret>>> {
//!     __private::pinned::<Y, R, Ret, _, _>(&INFO, move |mut yo| async move {
//!         let mut yielder = yo.handle();          // hygienic names: user code cannot name them
//!         body                                    // yield_!(x) => yielder.yield_(x, point).await
//!     })
//! }
//! ```
//!
//! rustc's async lowering stores the body's locals, borrows included, in the future; the
//! generator is that future plus a slot, polled with a no-op waker. `start`/`send` put the sent
//! value in the slot and poll; a `yield_!` parks its value in the slot and is `Pending` once.
//! The same design as `#[async_gen]`'s stream (`stream.rs`), with a value flowing in too.
//!
//! # Soundness
//!
//! As in `stream.rs`: the `Yielder`'s pointer to the slot is created once the generator is
//! pinned (the type is `!Unpin`), only reaches the body's future through a hygienic local that
//! is only ever borrowed mutably (so every copy lives no longer than the future), and the future
//! is dropped before the slot (field order). The slot is only touched by the driver while the
//! body is not being polled, and while it is, by the handle's `yield_` (which parks the value)
//! and then the one live yield future (both through the one handle, borrowed mutably).
//! `cargo +nightly miri test -p coro-core --test issue12 --test issue12_throw --test
//! pinned_alloc` passes under Stacked Borrows and with `MIRIFLAGS=-Zmiri-tree-borrows`
//! (2026-12-03, this file and `pinned_throw.rs` as of that day).

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll, Waker};

use crate::machine::{Refusal, Step};
use crate::{Generator, GeneratorState, GeneratorStatus, YieldPoint};

/// What a pinned generator's fn knows statically: its name, its suspension points, and whether
/// it takes `()` (then `send(())` starts it and `start()` resumes it).
#[derive(Debug)]
pub struct Info {
    pub name: &'static str,
    pub points: &'static [YieldPoint],
    pub resume_is_unit: bool,
}

/// The generator returned by a `#[generator(.., pinned)]` fn: `!Unpin`, so it is used pinned.
///
/// - On the stack, with no allocation: `let mut g = core::pin::pin!(f());` then `g.start()`,
///   `g.send(v)`, `for x in g.as_mut()`: `Pin<&mut PinnedGen<..>>` is a
///   [`Generator`] (and an `Iterator` when it takes no resume value).
/// - Boxed, as an `Unpin` handle: `Box::pin(f())`, a `Pin<Box<PinnedGen<..>>>`, is one too.
///
/// It is `Send`/`Sync` exactly when the body's state is (its locals, the yielded and sent
/// types). Dropping or [`close`](Generator::close)-ing it drops the suspended locals.
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorState};
///
/// #[generator(yield = char, pinned)]
/// fn initials(text: String) -> usize {
///     let words: Vec<&str> = text.split(' ').collect(); // borrows the local `text`
///     for w in &words {                                 // and `words`, across the yields
///         yield_!(w.chars().next().unwrap_or(' '));
///     }
///     words.len()
/// }
///
/// let mut g = core::pin::pin!(initials("ada lovelace".into()));
/// assert_eq!(g.start(), GeneratorState::Yielded('a'));
/// assert_eq!(g.start(), GeneratorState::Yielded('l'));
/// assert_eq!(g.start(), GeneratorState::Complete(2));
///
/// let boxed = Box::pin(initials("x y z".into())); // an `Unpin` handle
/// assert_eq!(boxed.collect::<String>(), "xyz");
/// ```
pub struct PinnedGen<Y, R, F: Body<Y, R>> {
    // Field order matters: the body's future is dropped before the slot it points into.
    state: UnsafeCell<State<F, F::Fut>>,
    slot: UnsafeCell<Slot<Y, R>>,
    info: &'static Info,
    _pinned: PhantomPinned,
}

/// The body closure: called once, with the yielder, when the generator is first resumed.
pub trait Body<Y, R> {
    /// The body's future.
    type Fut: Future;
    /// Makes the future.
    fn call(self, yielder: Yielder<Y, R>) -> Self::Fut;
}

impl<Y, R, F, Fut> Body<Y, R> for F
where
    F: FnOnce(Yielder<Y, R>) -> Fut,
    Fut: Future,
{
    type Fut = Fut;
    #[inline]
    fn call(self, yielder: Yielder<Y, R>) -> Fut {
        self(yielder)
    }
}

enum State<F, Fut> {
    Running(Fut),
    Init(F),
    Done,
    Poisoned,
}

/// The channel between the body and its driver: one value each way. Two fields rather than
/// one enum, so that neither direction moves the other's payload (measured on W2).
struct Slot<Y, R> {
    /// A yielded value, parked by `yield_` itself (not by its future's first poll: the value
    /// then goes straight from the body to the slot, with no copy in the future).
    out: Option<Y>,
    /// The index of the suspension point of the last value parked.
    at: usize,
    /// A value sent in.
    into: Option<R>,
}

impl<Y, R> Slot<Y, R> {
    const EMPTY: Self = Slot {
        out: None,
        at: 0,
        into: None,
    };
}

/// Builds the generator of a `#[generator(.., pinned)]` fn (not public API: see the module's
/// soundness notes).
#[inline]
pub fn pinned<Y, R, Ret, F, Fut>(info: &'static Info, body: F) -> PinnedGen<Y, R, F>
where
    F: FnOnce(Yielder<Y, R>) -> Fut,
    Fut: Future<Output = Ret>,
{
    PinnedGen {
        state: UnsafeCell::new(State::Init(body)),
        slot: UnsafeCell::new(Slot::EMPTY),
        info,
        _pinned: PhantomPinned,
    }
}

/// Sets the state to `Poisoned` if the body's poll unwinds (forgotten otherwise).
struct Poison<F, Fut>(*mut State<F, Fut>);

impl<F, Fut> Drop for Poison<F, Fut> {
    fn drop(&mut self) {
        // SAFETY: the driver's own access to `state`, after the body's poll panicked.
        unsafe { *self.0 = State::Poisoned };
    }
}

impl<Y, R, F: Body<Y, R>> PinnedGen<Y, R, F> {
    /// One step: refuse, or put `input` in the slot and run the body to its next suspension.
    /// `unit`: the resume type is `()` (a `start()` needs no value), known statically where
    /// the caller is an `Iterator` (no load of `Info` per item).
    /// Always inlined: the driver and the body's poll then optimize as one loop (W1/W2).
    #[inline(always)]
    #[allow(
        clippy::inline_always,
        reason = "measured: W2 pinned 7.0 -> 5.2 ns/item with it, see BENCHMARKS.md"
    )]
    pub(crate) fn step(
        self: Pin<&mut Self>,
        input: Option<R>,
        unit: bool,
    ) -> Step<Y, <F::Fut as Future>::Output> {
        // SAFETY: nothing here moves `state` while it holds the future (it is polled through
        // `Pin::new_unchecked` and dropped in place by assignment), nor the slot.
        let this = unsafe { self.get_unchecked_mut() };
        // The hot path, a suspended body resumed as it expects, first; the rest is cold.
        if matches!(this.state.get_mut(), State::Running(_)) {
            match input {
                Some(value) => this.slot.get_mut().into = Some(value),
                None if unit => {}
                None => return Err(Refusal::NeedsValue),
            }
        } else {
            this.not_running(input.is_some())?;
        }
        let state = this.state.get();
        // SAFETY: `state` is ours (`this` is exclusive); the reference ends with the poll.
        let State::Running(fut) = (unsafe { &mut *state }) else {
            unreachable!("started above")
        };
        // SAFETY: `fut` lives inside the pinned generator and is never moved.
        let fut = unsafe { Pin::new_unchecked(fut) };
        let poison = Poison(state);
        let poll = fut.poll(&mut Context::from_waker(Waker::noop()));
        core::mem::forget(poison);
        match poll {
            Poll::Pending => {
                if let Some(value) = this.slot.get_mut().out.take() {
                    Ok(GeneratorState::Yielded(value))
                } else {
                    *this.state.get_mut() = State::Poisoned;
                    awaited_in_generator()
                }
            }
            Poll::Ready(ret) => {
                *this.state.get_mut() = State::Done;
                *this.slot.get_mut() = Slot::EMPTY;
                Ok(GeneratorState::Complete(ret))
            }
        }
    }

    /// Every state but `Running`: starts the body, or refuses (`sent`: resumed by `send`).
    #[cold]
    #[inline(never)]
    fn not_running(&mut self, sent: bool) -> Result<(), Refusal> {
        match self.state.get_mut() {
            State::Init(_) if sent && !self.info.resume_is_unit => Err(Refusal::NotStarted),
            State::Init(_) => {
                let State::Init(body) = core::mem::replace(self.state.get_mut(), State::Done)
                else {
                    unreachable!("matched `Init`")
                };
                // Pinned from now on (`step` takes `Pin<&mut Self>`): the slot's address is
                // stable until it is dropped, after the future (field order). If `body` panics,
                // the state stays `Done`.
                let yielder = Yielder {
                    slot: NonNull::from(&self.slot),
                    _types: PhantomData,
                };
                *self.state.get_mut() = State::Running(body.call(yielder));
                Ok(())
            }
            State::Done => Err(Refusal::Completed),
            State::Poisoned => Err(Refusal::Panicked),
            State::Running(_) => unreachable!("`step` handles `Running`"),
        }
    }

    /// The body takes `()` (a `start()` resumes it).
    pub(crate) fn resume_is_unit(&self) -> bool {
        self.info.resume_is_unit
    }

    /// The body has not run yet.
    pub(crate) fn is_created(&self) -> bool {
        // SAFETY: as in `status_of`: the discriminant only, through `&self`.
        unsafe { matches!(*self.state.get(), State::Init(_)) }
    }

    pub(crate) fn status_of(&self) -> GeneratorStatus {
        // SAFETY: `state` is only written through `Pin<&mut Self>`, which cannot coexist with
        // `&self`; matching on the place reads the discriminant only.
        unsafe {
            match *self.state.get() {
                // The slot's `at` is the driver's while the body is not polled, and `&self`
                // means it is not.
                State::Running(_) => match self.info.points.get((*self.slot.get()).at) {
                    Some(point) => GeneratorStatus::Suspended(*point),
                    None => GeneratorStatus::Poisoned,
                },
                State::Init(_) => GeneratorStatus::Created,
                State::Done => GeneratorStatus::Completed,
                State::Poisoned => GeneratorStatus::Poisoned,
            }
        }
    }

    pub(crate) fn close_in_place(self: Pin<&mut Self>) {
        // SAFETY: the future is dropped in place (allowed for pinned data), then the slot.
        let this = unsafe { self.get_unchecked_mut() };
        if !matches!(this.state.get_mut(), State::Poisoned) {
            *this.state.get_mut() = State::Done;
        }
        *this.slot.get_mut() = Slot::EMPTY;
    }
}

#[cold]
#[inline(never)]
fn awaited_in_generator() -> ! {
    panic!(
        "a pinned generator's body returned `Pending` without yielding: `.await` is not supported in `#[generator]` bodies"
    )
}

macro_rules! pinned_generator {
    ($($ptr:ty, $unit:ty);*) => {$(
        impl<Y, R, F: Body<Y, R>> Generator<R> for Pin<$ptr> {
            type Yield = Y;
            type Return = <F::Fut as Future>::Output;

            #[inline]
            #[track_caller]
            fn start(&mut self) -> GeneratorState<Y, Self::Return> {
                let unit = self.info.resume_is_unit;
                match self.as_mut().step(None, unit) {
                    Ok(s) => s,
                    Err(refusal) => refusal.raise(),
                }
            }

            #[inline]
            #[track_caller]
            fn send(&mut self, value: R) -> GeneratorState<Y, Self::Return> {
                match self.as_mut().step(Some(value), false) {
                    Ok(s) => s,
                    Err(refusal) => refusal.raise(),
                }
            }

            fn status(&self) -> GeneratorStatus {
                self.as_ref().get_ref().status_of()
            }

            fn close(&mut self) {
                self.as_mut().close_in_place();
            }
        }

        impl<Y, F: Body<Y, ()>> Iterator for Pin<$unit> {
            type Item = Y;

            #[inline]
            #[track_caller]
            fn next(&mut self) -> Option<Y> {
                match self.as_mut().step(None, true) {
                    Ok(GeneratorState::Yielded(y)) => Some(y),
                    Ok(GeneratorState::Complete(_)) | Err(Refusal::Completed) => None,
                    Err(refusal) => refusal.raise(),
                }
            }
        }

        impl<Y, F: Body<Y, ()>> core::iter::FusedIterator for Pin<$unit> {}
    )*};
}

pinned_generator!(&mut PinnedGen<Y, R, F>, &mut PinnedGen<Y, (), F>);
#[cfg(feature = "alloc")]
pinned_generator!(
    alloc::boxed::Box<PinnedGen<Y, R, F>>,
    alloc::boxed::Box<PinnedGen<Y, (), F>>
);

// SAFETY: through `&PinnedGen` only the discriminant of `state`, the slot's `at` and `info` are
// read; the future and the slot are otherwise only touched through `Pin<&mut Self>` or the
// `Yielder`.
unsafe impl<Y, R, F: Body<Y, R> + Sync> Sync for PinnedGen<Y, R, F> where F::Fut: Sync {}

impl<Y, R, F: Body<Y, R>> fmt::Debug for PinnedGen<Y, R, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.info.name, self.status_of())
    }
}

type SlotPtr<Y, R> = NonNull<UnsafeCell<Slot<Y, R>>>;

/// # Safety
/// The generator must be alive and no other reference to the slot's contents live while the
/// result is used (see the module docs).
#[inline]
unsafe fn slot<'s, Y, R>(ptr: SlotPtr<Y, R>) -> &'s mut Slot<Y, R> {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *UnsafeCell::raw_get(ptr.as_ptr()) }
}

/// The body's handle on its generator's slot; only the generator creates one.
pub struct Yielder<Y, R> {
    slot: SlotPtr<Y, R>,
    _types: PhantomData<(Y, R)>,
}

// SAFETY: moving the handle moves the body (and the generator) to another thread: the slot is
// then used there, which needs the values to be `Send`.
unsafe impl<Y: Send, R: Send> Send for Yielder<Y, R> {}
// SAFETY: `&Yielder` gives access to nothing.
unsafe impl<Y, R> Sync for Yielder<Y, R> {}

impl<Y, R> fmt::Debug for Yielder<Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

impl<Y, R> Yielder<Y, R> {
    /// What the expansion binds its hygienic yielder to (see `stream.rs`'s `Yielder::handle`).
    #[inline]
    pub fn handle(&mut self) -> YieldHandle<'_, Y, R> {
        YieldHandle {
            slot: self.slot,
            _yielder: PhantomData,
        }
    }
}

/// The expansion's hygienic yielder.
pub struct YieldHandle<'a, Y, R> {
    slot: SlotPtr<Y, R>,
    _yielder: PhantomData<&'a mut Yielder<Y, R>>,
}

// SAFETY: the handle stands for a `&'a mut Yielder<Y, R>`.
unsafe impl<Y: Send, R: Send> Send for YieldHandle<'_, Y, R> {}
// SAFETY: `&YieldHandle` gives access to nothing.
unsafe impl<Y, R> Sync for YieldHandle<'_, Y, R> {}

impl<Y, R> fmt::Debug for YieldHandle<'_, Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldHandle").finish_non_exhaustive()
    }
}

impl<Y, R> YieldHandle<'_, Y, R> {
    /// `yield_!(value)` at suspension point `at`: parks the value, and gives the future that
    /// suspends the body once and then evaluates to the value sent next (`None` when resumed by
    /// `start()`, which the driver only allows with a resume type of `()`).
    #[inline]
    pub fn yield_(&mut self, value: Y, at: usize) -> PinnedYield<'_, Y, R> {
        // SAFETY: called inside the body's poll, when the driver does not touch the slot, and
        // through the one handle, borrowed mutably (so no yield future is live).
        let slot = unsafe { slot(self.slot) };
        slot.out = Some(value);
        slot.at = at;
        PinnedYield {
            slot: self.slot,
            _yielder: PhantomData,
        }
    }
}

/// The future of one `yield_!` in a pinned generator, its value already parked: `Pending` while
/// the value waits in the slot, then (the driver took it) `Ready` with the value sent in. It
/// holds no state of its own: the slot says which poll this is.
#[must_use = "futures do nothing unless awaited"]
pub struct PinnedYield<'a, Y, R> {
    slot: SlotPtr<Y, R>,
    _yielder: PhantomData<&'a mut Yielder<Y, R>>,
}

impl<Y, R> Unpin for PinnedYield<'_, Y, R> {}
// SAFETY: as for the fields it stands for.
unsafe impl<Y: Send, R: Send> Send for PinnedYield<'_, Y, R> {}
// SAFETY: `&PinnedYield` reads nothing through the pointer.
unsafe impl<Y: Sync, R> Sync for PinnedYield<'_, Y, R> {}

impl<Y, R> Future for PinnedYield<'_, Y, R> {
    type Output = Option<R>;

    #[inline]
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<R>> {
        // SAFETY: polled inside the body's poll, when the driver does not touch the slot, and
        // the only live yield future (it borrows the one handle mutably).
        let slot = unsafe { slot(self.slot) };
        if slot.out.is_some() {
            Poll::Pending
        } else {
            Poll::Ready(slot.into.take())
        }
    }
}

impl<Y, R> fmt::Debug for PinnedYield<'_, Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PinnedYield").finish_non_exhaustive()
    }
}
