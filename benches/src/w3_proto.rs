//! Scratch runtimes for W3 (`w3probe`): hand-expanded `count` over variants of the
//! `#[async_gen]` runtime, to measure changes side by side in one run (the machine is shared and
//! noisy, so only same-run ratios and callgrind instruction counts are trustworthy).
//!
//! - `v0`: the runtime before the W3 work (`coro-core/src/stream.rs` at `3f9db06`), with its
//!   expansion (`let __yielder = &mut __yo;`).
//! - `v1`: proposals 1-3 as first written (value parked by `yield_`, no `polling` flag, cold
//!   `Init`), `Yield::poll` using `value.take()` (a store on every resume).
//! - `v2`: as `v1` without that store: today's runtime, but hand-expanded calling `__yo.yield_`
//!   directly (no handle). That expansion would be unsound (see `stream.rs`, Soundness 2); it is
//!   here as the bound that `coro` (with `YieldHandle`) reaches.
//! - `v4`: `v2` with `__yielder = &mut __yo` (a double indirection per yield), i.e. without the
//!   `YieldHandle` change.
//! - `v7`: `v2` with a `polling` flag set and cleared around the body's poll.
#![allow(
    dead_code,
    missing_docs,
    clippy::all,
    clippy::pedantic,
    unsafe_op_in_unsafe_fn
)]

pub mod v1 {
    use core::cell::UnsafeCell;
    use core::future::Future;
    use core::marker::{PhantomData, PhantomPinned};
    use core::pin::Pin;
    use core::ptr::NonNull;
    use core::task::{Context, Poll};
    use futures_core::Stream;

    pub struct AsyncGen<Item, F, Fut> {
        state: UnsafeCell<State<F, Fut>>,
        slot: UnsafeCell<Option<Item>>,
        _pinned: PhantomPinned,
    }

    enum State<F, Fut> {
        Running(Fut),
        Init(F),
        Done,
        Poisoned,
    }

    #[inline]
    pub fn async_gen<Item, Ret, F, Fut>(body: F) -> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = Ret>,
    {
        AsyncGen {
            state: UnsafeCell::new(State::Init(body)),
            slot: UnsafeCell::new(None),
            _pinned: PhantomPinned,
        }
    }

    struct Poison<'a, F, Fut>(&'a mut State<F, Fut>);
    impl<F, Fut> Drop for Poison<'_, F, Fut> {
        fn drop(&mut self) {
            *self.0 = State::Poisoned;
        }
    }

    impl<Item, F, Fut> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        #[cold]
        #[inline(never)]
        fn start(&mut self) -> Option<Poll<Option<Item>>> {
            let state = self.state.get_mut();
            match core::mem::replace(state, State::Done) {
                State::Init(body) => {
                    let yielder = Yielder {
                        slot: NonNull::from(&self.slot),
                        _item: PhantomData,
                    };
                    *state = State::Running(body(yielder));
                    None
                }
                State::Done => Some(Poll::Ready(None)),
                State::Poisoned => panic!("polled after panic"),
                State::Running(_) => unreachable!(),
            }
        }
    }

    impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        type Item = Item;

        #[inline]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
            let this = unsafe { self.get_unchecked_mut() };
            if !matches!(this.state.get_mut(), State::Running(_)) {
                if let Some(p) = this.start() {
                    return p;
                }
            }
            let state: *mut State<F, Fut> = this.state.get();
            let State::Running(fut) = (unsafe { &mut *state }) else {
                unreachable!()
            };
            let fut = unsafe { Pin::new_unchecked(fut) };
            let guard = Poison(unsafe { &mut *state });
            let poll = fut.poll(cx);
            core::mem::forget(guard);
            match poll {
                Poll::Pending => match unsafe { (*this.slot.get()).take() } {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                },
                Poll::Ready(()) => {
                    *this.state.get_mut() = State::Done;
                    Poll::Ready(None)
                }
            }
        }
    }

    pub struct Yielder<Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        _item: PhantomData<Item>,
    }

    impl<Item> Yielder<Item> {
        #[inline]
        pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
            let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
            let value = if slot.is_none() {
                *slot = Some(value);
                None
            } else {
                Some(value)
            };
            Yield {
                slot: self.slot,
                value,
                _yielder: PhantomData,
            }
        }
    }

    pub struct Yield<'a, Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        value: Option<Item>,
        _yielder: PhantomData<&'a mut Yielder<Item>>,
    }
    impl<Item> Unpin for Yield<'_, Item> {}

    impl<Item> Future for Yield<'_, Item> {
        type Output = ();
        #[inline]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let this = self.get_mut();
            let slot = unsafe { &mut *UnsafeCell::raw_get(this.slot.as_ptr()) };
            match this.value.take() {
                None => {
                    if slot.is_some() {
                        Poll::Pending
                    } else {
                        Poll::Ready(())
                    }
                }
                Some(v) => {
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        this.value = Some(v);
                        cx.waker().wake_by_ref();
                    }
                    Poll::Pending
                }
            }
        }
    }
    impl<Item> Drop for Yield<'_, Item> {
        #[inline]
        fn drop(&mut self) {
            if self.value.is_none() {
                let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
                if slot.is_some() {
                    *slot = None;
                }
            }
        }
    }

    pub fn count(n: u64) -> impl Stream<Item = u64> {
        async_gen::<u64, (), _, _>(move |mut __yo: Yielder<u64>| async move {
            let _ = &n;
            {
                let mut i = 0;
                while i < n {
                    __yo.yield_(i).await;
                    i += 1;
                }
            }
        })
    }
}

pub mod v2 {
    use core::cell::UnsafeCell;
    use core::future::Future;
    use core::marker::{PhantomData, PhantomPinned};
    use core::pin::Pin;
    use core::ptr::NonNull;
    use core::task::{Context, Poll};
    use futures_core::Stream;

    pub struct AsyncGen<Item, F, Fut> {
        state: UnsafeCell<State<F, Fut>>,
        slot: UnsafeCell<Option<Item>>,
        _pinned: PhantomPinned,
    }

    enum State<F, Fut> {
        Running(Fut),
        Init(F),
        Done,
        Poisoned,
    }

    #[inline]
    pub fn async_gen<Item, Ret, F, Fut>(body: F) -> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = Ret>,
    {
        AsyncGen {
            state: UnsafeCell::new(State::Init(body)),
            slot: UnsafeCell::new(None),
            _pinned: PhantomPinned,
        }
    }

    struct Poison<'a, F, Fut>(&'a mut State<F, Fut>);
    impl<F, Fut> Drop for Poison<'_, F, Fut> {
        fn drop(&mut self) {
            *self.0 = State::Poisoned;
        }
    }

    impl<Item, F, Fut> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        #[cold]
        #[inline(never)]
        fn start(&mut self) -> Option<Poll<Option<Item>>> {
            let state = self.state.get_mut();
            match core::mem::replace(state, State::Done) {
                State::Init(body) => {
                    let yielder = Yielder {
                        slot: NonNull::from(&self.slot),
                        _item: PhantomData,
                    };
                    *state = State::Running(body(yielder));
                    None
                }
                State::Done => Some(Poll::Ready(None)),
                State::Poisoned => panic!("polled after panic"),
                State::Running(_) => unreachable!(),
            }
        }
    }

    impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        type Item = Item;

        #[inline]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
            let this = unsafe { self.get_unchecked_mut() };
            if !matches!(this.state.get_mut(), State::Running(_)) {
                if let Some(p) = this.start() {
                    return p;
                }
            }
            let state: *mut State<F, Fut> = this.state.get();
            let State::Running(fut) = (unsafe { &mut *state }) else {
                unreachable!()
            };
            let fut = unsafe { Pin::new_unchecked(fut) };
            let guard = Poison(unsafe { &mut *state });
            let poll = fut.poll(cx);
            core::mem::forget(guard);
            match poll {
                Poll::Pending => match unsafe { (*this.slot.get()).take() } {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                },
                Poll::Ready(()) => {
                    *this.state.get_mut() = State::Done;
                    Poll::Ready(None)
                }
            }
        }
    }

    pub struct Yielder<Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        _item: PhantomData<Item>,
    }

    impl<Item> Yielder<Item> {
        #[inline]
        pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
            let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
            let value = if slot.is_none() {
                *slot = Some(value);
                None
            } else {
                Some(value)
            };
            Yield {
                slot: self.slot,
                value,
                _yielder: PhantomData,
            }
        }
    }

    pub struct Yield<'a, Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        value: Option<Item>,
        _yielder: PhantomData<&'a mut Yielder<Item>>,
    }
    impl<Item> Unpin for Yield<'_, Item> {}

    impl<Item> Future for Yield<'_, Item> {
        type Output = ();
        #[inline]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let this = self.get_mut();
            let slot = unsafe { &mut *UnsafeCell::raw_get(this.slot.as_ptr()) };
            if this.value.is_none() {
                return if slot.is_some() {
                    Poll::Pending
                } else {
                    Poll::Ready(())
                };
            }
            match this.value.take() {
                None => unreachable!(),
                Some(v) => {
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        this.value = Some(v);
                        cx.waker().wake_by_ref();
                    }
                    Poll::Pending
                }
            }
        }
    }
    impl<Item> Drop for Yield<'_, Item> {
        #[inline]
        fn drop(&mut self) {
            if self.value.is_none() {
                let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
                if slot.is_some() {
                    *slot = None;
                }
            }
        }
    }

    pub fn count(n: u64) -> impl Stream<Item = u64> {
        async_gen::<u64, (), _, _>(move |mut __yo: Yielder<u64>| async move {
            let _ = &n;
            {
                let mut i = 0;
                while i < n {
                    __yo.yield_(i).await;
                    i += 1;
                }
            }
        })
    }
}

pub mod v4 {
    use core::cell::UnsafeCell;
    use core::future::Future;
    use core::marker::{PhantomData, PhantomPinned};
    use core::pin::Pin;
    use core::ptr::NonNull;
    use core::task::{Context, Poll};
    use futures_core::Stream;

    pub struct AsyncGen<Item, F, Fut> {
        state: UnsafeCell<State<F, Fut>>,
        slot: UnsafeCell<Option<Item>>,
        _pinned: PhantomPinned,
    }

    enum State<F, Fut> {
        Running(Fut),
        Init(F),
        Done,
        Poisoned,
    }

    #[inline]
    pub fn async_gen<Item, Ret, F, Fut>(body: F) -> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = Ret>,
    {
        AsyncGen {
            state: UnsafeCell::new(State::Init(body)),
            slot: UnsafeCell::new(None),
            _pinned: PhantomPinned,
        }
    }

    struct Poison<'a, F, Fut>(&'a mut State<F, Fut>);
    impl<F, Fut> Drop for Poison<'_, F, Fut> {
        fn drop(&mut self) {
            *self.0 = State::Poisoned;
        }
    }

    impl<Item, F, Fut> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        #[cold]
        #[inline(never)]
        fn start(&mut self) -> Option<Poll<Option<Item>>> {
            let state = self.state.get_mut();
            match core::mem::replace(state, State::Done) {
                State::Init(body) => {
                    let yielder = Yielder {
                        slot: NonNull::from(&self.slot),
                        _item: PhantomData,
                    };
                    *state = State::Running(body(yielder));
                    None
                }
                State::Done => Some(Poll::Ready(None)),
                State::Poisoned => panic!("polled after panic"),
                State::Running(_) => unreachable!(),
            }
        }
    }

    impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        type Item = Item;

        #[inline]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
            let this = unsafe { self.get_unchecked_mut() };
            if !matches!(this.state.get_mut(), State::Running(_)) {
                if let Some(p) = this.start() {
                    return p;
                }
            }
            let state: *mut State<F, Fut> = this.state.get();
            let State::Running(fut) = (unsafe { &mut *state }) else {
                unreachable!()
            };
            let fut = unsafe { Pin::new_unchecked(fut) };
            let guard = Poison(unsafe { &mut *state });
            let poll = fut.poll(cx);
            core::mem::forget(guard);
            match poll {
                Poll::Pending => match unsafe { (*this.slot.get()).take() } {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                },
                Poll::Ready(()) => {
                    *this.state.get_mut() = State::Done;
                    Poll::Ready(None)
                }
            }
        }
    }

    pub struct Yielder<Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        _item: PhantomData<Item>,
    }

    impl<Item> Yielder<Item> {
        #[inline]
        pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
            let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
            let value = if slot.is_none() {
                *slot = Some(value);
                None
            } else {
                Some(value)
            };
            Yield {
                slot: self.slot,
                value,
                _yielder: PhantomData,
            }
        }
    }

    pub struct Yield<'a, Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        value: Option<Item>,
        _yielder: PhantomData<&'a mut Yielder<Item>>,
    }
    impl<Item> Unpin for Yield<'_, Item> {}

    impl<Item> Future for Yield<'_, Item> {
        type Output = ();
        #[inline]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let this = self.get_mut();
            let slot = unsafe { &mut *UnsafeCell::raw_get(this.slot.as_ptr()) };
            if this.value.is_none() {
                return if slot.is_some() {
                    Poll::Pending
                } else {
                    Poll::Ready(())
                };
            }
            match this.value.take() {
                None => unreachable!(),
                Some(v) => {
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        this.value = Some(v);
                        cx.waker().wake_by_ref();
                    }
                    Poll::Pending
                }
            }
        }
    }
    impl<Item> Drop for Yield<'_, Item> {
        #[inline]
        fn drop(&mut self) {
            if self.value.is_none() {
                let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
                if slot.is_some() {
                    *slot = None;
                }
            }
        }
    }

    pub fn count(n: u64) -> impl Stream<Item = u64> {
        async_gen::<u64, (), _, _>(move |mut __yo: Yielder<u64>| async move {
            let __yielder = &mut __yo;
            let _ = &n;
            {
                let mut i = 0;
                while i < n {
                    __yielder.yield_(i).await;
                    i += 1;
                }
            }
        })
    }
}

pub mod v0_finish {
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
}

/// The runtime before this change (coro-core/src/stream.rs at HEAD), for same-run comparisons.
pub mod v0 {
    use core::cell::UnsafeCell;
    use core::fmt;
    use core::future::Future;
    use core::marker::{PhantomData, PhantomPinned};
    use core::pin::Pin;
    use core::ptr::NonNull;
    use core::task::{Context, Poll};

    pub use crate::w3_proto::v0_finish::Finish;
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

    pub fn count(n: u64) -> impl Stream<Item = u64> {
        async_gen::<u64, (), _, _>(move |mut __yo: Yielder<u64>| async move {
            let __yielder = &mut __yo;
            let _ = &n;
            {
                let mut i = 0;
                while i < n {
                    __yielder.yield_(i).await;
                    i += 1;
                }
            }
        })
    }
}

pub mod v7 {
    use core::cell::UnsafeCell;
    use core::future::Future;
    use core::marker::{PhantomData, PhantomPinned};
    use core::pin::Pin;
    use core::ptr::NonNull;
    use core::task::{Context, Poll};
    use futures_core::Stream;

    pub struct AsyncGen<Item, F, Fut> {
        state: UnsafeCell<State<F, Fut>>,
        slot: UnsafeCell<Option<Item>>,
        polling: bool,
        _pinned: PhantomPinned,
    }

    enum State<F, Fut> {
        Running(Fut),
        Init(F),
        Done,
        Poisoned,
    }

    #[inline]
    pub fn async_gen<Item, Ret, F, Fut>(body: F) -> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = Ret>,
    {
        AsyncGen {
            state: UnsafeCell::new(State::Init(body)),
            slot: UnsafeCell::new(None),
            polling: false,
            _pinned: PhantomPinned,
        }
    }

    struct Poison<'a, F, Fut>(&'a mut State<F, Fut>);
    impl<F, Fut> Drop for Poison<'_, F, Fut> {
        fn drop(&mut self) {
            *self.0 = State::Poisoned;
        }
    }

    impl<Item, F, Fut> AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        #[cold]
        #[inline(never)]
        fn start(&mut self) -> Option<Poll<Option<Item>>> {
            let state = self.state.get_mut();
            match core::mem::replace(state, State::Done) {
                State::Init(body) => {
                    let yielder = Yielder {
                        slot: NonNull::from(&self.slot),
                        _item: PhantomData,
                    };
                    *state = State::Running(body(yielder));
                    None
                }
                State::Done => Some(Poll::Ready(None)),
                State::Poisoned => panic!("polled after panic"),
                State::Running(_) => unreachable!(),
            }
        }
    }

    impl<Item, F, Fut> Stream for AsyncGen<Item, F, Fut>
    where
        F: FnOnce(Yielder<Item>) -> Fut,
        Fut: Future<Output = ()>,
    {
        type Item = Item;

        #[inline]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
            let this = unsafe { self.get_unchecked_mut() };
            if !matches!(this.state.get_mut(), State::Running(_)) {
                if let Some(p) = this.start() {
                    return p;
                }
            }
            let state: *mut State<F, Fut> = this.state.get();
            let State::Running(fut) = (unsafe { &mut *state }) else {
                unreachable!()
            };
            let fut = unsafe { Pin::new_unchecked(fut) };
            if this.polling {
                panic!("poisoned");
            }
            this.polling = true;
            let poll = fut.poll(cx);
            this.polling = false;
            match poll {
                Poll::Pending => match unsafe { (*this.slot.get()).take() } {
                    Some(item) => Poll::Ready(Some(item)),
                    None => Poll::Pending,
                },
                Poll::Ready(()) => {
                    *this.state.get_mut() = State::Done;
                    Poll::Ready(None)
                }
            }
        }
    }

    pub struct Yielder<Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        _item: PhantomData<Item>,
    }

    impl<Item> Yielder<Item> {
        #[inline]
        pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
            let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
            let value = if slot.is_none() {
                *slot = Some(value);
                None
            } else {
                Some(value)
            };
            Yield {
                slot: self.slot,
                value,
                _yielder: PhantomData,
            }
        }
    }

    pub struct Yield<'a, Item> {
        slot: NonNull<UnsafeCell<Option<Item>>>,
        value: Option<Item>,
        _yielder: PhantomData<&'a mut Yielder<Item>>,
    }
    impl<Item> Unpin for Yield<'_, Item> {}

    impl<Item> Future for Yield<'_, Item> {
        type Output = ();
        #[inline]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let this = self.get_mut();
            let slot = unsafe { &mut *UnsafeCell::raw_get(this.slot.as_ptr()) };
            if this.value.is_none() {
                return if slot.is_some() {
                    Poll::Pending
                } else {
                    Poll::Ready(())
                };
            }
            match this.value.take() {
                None => unreachable!(),
                Some(v) => {
                    if slot.is_none() {
                        *slot = Some(v);
                    } else {
                        this.value = Some(v);
                        cx.waker().wake_by_ref();
                    }
                    Poll::Pending
                }
            }
        }
    }
    impl<Item> Drop for Yield<'_, Item> {
        #[inline]
        fn drop(&mut self) {
            if self.value.is_none() {
                let slot = unsafe { &mut *UnsafeCell::raw_get(self.slot.as_ptr()) };
                if slot.is_some() {
                    *slot = None;
                }
            }
        }
    }

    pub fn count(n: u64) -> impl Stream<Item = u64> {
        async_gen::<u64, (), _, _>(move |mut __yo: Yielder<u64>| async move {
            let _ = &n;
            {
                let mut i = 0;
                while i < n {
                    __yo.yield_(i).await;
                    i += 1;
                }
            }
        })
    }
}
