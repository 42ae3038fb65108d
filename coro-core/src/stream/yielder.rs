//! The hand-off of a yielded value on the async-block path: `poll_next` polls the body with a
//! waker that carries a pointer to a slot on its own stack; the body's `yield_!` future finds
//! the slot through `cx.waker()` and moves its value there; `poll_next` takes it when the body
//! returns `Pending`.
//!
//! Why through the waker: the slot then lives in `poll_next`'s frame, not in the stream, so the
//! body's future holds no pointer into its own stream, and with everything inlined LLVM sees the
//! slot as a local (async-stream does the same through a thread-local, which `no_std` lacks).
//! The waker wraps the one `poll_next` was given: waking it wakes that one, and cloning it
//! clones that one, so no copy of the slot's address outlives the poll.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

/// What the waker's data points to, on `poll_next`'s stack for the duration of one poll.
struct Handoff {
    /// The waker `poll_next` was given.
    inner: *const Waker,
    /// The polling stream's `*mut Option<Item>`, type-erased.
    slot: *mut (),
}

/// Identifies a hand-off waker (a `static`: one address in the whole program).
static HANDOFF: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);

/// # Safety (all four)
/// `data` is a `&Handoff` that lives for the whole poll, the only time such a waker exists.
unsafe fn clone(data: *const ()) -> RawWaker {
    // SAFETY: see above. The clone is the inner waker's: it does not point at the hand-off.
    let inner = core::mem::ManuallyDrop::new(unsafe { (*(*data.cast::<Handoff>()).inner).clone() });
    RawWaker::new(inner.data(), inner.vtable())
}

unsafe fn wake(data: *const ()) {
    // SAFETY: see `clone`. (Only `poll_next` owns such a waker, and it drops it unwoken.)
    unsafe { wake_by_ref(data) }
}

unsafe fn wake_by_ref(data: *const ()) {
    // SAFETY: see `clone`.
    unsafe { (*(*data.cast::<Handoff>()).inner).wake_by_ref() }
}

unsafe fn drop_waker(_: *const ()) {}

/// Polls `poll` with a context whose waker carries `slot` (and wakes what `cx`'s wakes).
#[inline(always)]
#[allow(
    clippy::inline_always,
    reason = "the hand-off folds away only when inlined into `poll_next` (and that into the consumer)"
)]
pub(super) fn with_slot<Item, R>(
    cx: &mut Context<'_>,
    slot: &mut Option<Item>,
    poll: impl FnOnce(&mut Context<'_>) -> R,
) -> R {
    let handoff = Handoff {
        inner: cx.waker(),
        slot: core::ptr::from_mut(slot).cast(),
    };
    // SAFETY: `HANDOFF`'s functions keep `RawWaker`'s contract: `handoff` outlives `waker`
    // (which ends with this fn), a clone is the inner waker's own, and waking wakes it.
    // `ManuallyDrop`: its drop does nothing, and skipping it spares an indirect call per poll
    // that LLVM does not resolve (measured in W3a with one codegen unit).
    let waker = core::mem::ManuallyDrop::new(unsafe {
        Waker::from_raw(RawWaker::new(
            core::ptr::from_ref(&handoff).cast(),
            &HANDOFF,
        ))
    });
    poll(&mut Context::from_waker(&waker))
}

/// The slot of the stream whose `poll_next` is polling us, if `cx` is its.
#[inline]
fn slot_of<Item>(cx: &Context<'_>) -> Option<*mut Option<Item>> {
    let waker = cx.waker();
    if !core::ptr::eq(waker.vtable(), &raw const HANDOFF) {
        return None;
    }
    // SAFETY: a hand-off waker's data is a live `Handoff` (see `with_slot`).
    let handoff = unsafe { &*waker.data().cast::<Handoff>() };
    Some(handoff.slot.cast())
}

/// The body's handle on its stream, given to the body when the stream starts it; the expansion
/// binds it to a hygienic local and only ever borrows it mutably.
pub struct Yielder<Item> {
    _item: PhantomData<fn(Item) -> Item>,
}

impl<Item> Yielder<Item> {
    pub(super) fn new() -> Self {
        Yielder { _item: PhantomData }
    }

    /// What the expansion binds its hygienic `__yielder` to.
    #[allow(
        clippy::unused_self,
        reason = "the borrow is the point: it ties the future to the body's yielder"
    )]
    #[inline]
    pub fn handle(&mut self) -> YieldHandle<'_, Item> {
        YieldHandle {
            _yielder: PhantomData,
        }
    }

    /// `yield_!(value)` through `&mut Yielder` (the hidden API's tests use it; the expansion
    /// goes through [`handle`](Self::handle)).
    #[allow(
        clippy::unused_self,
        reason = "the borrow is the point: it ties the future to the body's yielder"
    )]
    #[inline]
    pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
        Yield::new(value)
    }
}

impl<Item> fmt::Debug for Yielder<Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

/// The expansion's `__yielder`, see [`Yielder::handle`].
pub struct YieldHandle<'a, Item> {
    _yielder: PhantomData<&'a mut Yielder<Item>>,
}

impl<Item> fmt::Debug for YieldHandle<'_, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldHandle").finish_non_exhaustive()
    }
}

impl<Item> YieldHandle<'_, Item> {
    /// `yield_!(value)`: hands `value` to the stream's consumer; completes when resumed.
    #[allow(
        clippy::unused_self,
        reason = "the borrow is the point: it ties the future to the body's yielder"
    )]
    #[inline]
    pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
        Yield::new(value)
    }
}

impl<Y, E> YieldHandle<'_, Result<Y, E>> {
    /// `yield_!(value)` in a fn returning `Result<(), E>`: yields `Ok(value)`.
    #[inline]
    pub fn yield_ok(&mut self, value: Y) -> Yield<'_, Result<Y, E>> {
        self.yield_(Ok(value))
    }
}

/// The future of one `yield_!`.
///
/// Its first poll moves the value into the slot of the stream polling the body and returns
/// `Pending` (the stream then hands the value out); the next poll is `Ready`. Polled outside its
/// stream's poll (only possible through this hidden API), it keeps the value and stays
/// `Pending`; dropped, it drops a value it still holds.
#[must_use = "futures do nothing unless awaited"]
pub struct Yield<'a, Item> {
    /// `None` once handed out.
    value: Option<Item>,
    _yielder: PhantomData<&'a mut Yielder<Item>>,
}

impl<Item> Yield<'_, Item> {
    fn new(value: Item) -> Self {
        Yield {
            value: Some(value),
            _yielder: PhantomData,
        }
    }
}

// The value is never pinned (it is moved into the slot), so the future need not be.
impl<Item> Unpin for Yield<'_, Item> {}

impl<Item> Future for Yield<'_, Item> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        if this.value.is_none() {
            return Poll::Ready(());
        }
        if let Some(slot) = slot_of::<Item>(cx) {
            // SAFETY: the slot is `poll_next`'s local, alive for this poll and untouched by it
            // while the body runs; the innermost hand-off is that of the stream whose body
            // awaits us (a yield future borrows its body's yielder, so it cannot be polled by
            // another stream's body), so its `Item` is ours.
            unsafe { *slot = this.value.take() };
        }
        Poll::Pending
    }
}

impl<Item: fmt::Debug> fmt::Debug for Yield<'_, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield")
            .field("waiting", &self.value)
            .finish_non_exhaustive()
    }
}
