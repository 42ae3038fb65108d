//! The body's side of the async-block path's slot: the [`Yielder`] a stream gives its body,
//! the handle the expansion borrows from it, and the future of one `yield_!`. The soundness
//! argument is the parent module's.

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

/// A pointer to a stream's slot.
type SlotPtr<Item> = NonNull<UnsafeCell<Option<Item>>>;

/// The slot's contents.
///
/// # Safety
/// The stream must be alive (it is while the body's future is, and a `Yielder` never leaves
/// it), and no other reference to the slot's contents may be live while the result is used.
#[inline]
unsafe fn slot<'s, Item>(slot: SlotPtr<Item>) -> &'s mut Option<Item> {
    // SAFETY: the caller guarantees validity and exclusivity; `raw_get` does not create an
    // intermediate reference to the `UnsafeCell`.
    unsafe { &mut *UnsafeCell::raw_get(slot.as_ptr()) }
}

/// The body's handle on its stream's slot. Only the stream creates one, and only the expansion
/// (through a hygienic binding it only ever borrows mutably) uses it.
pub struct Yielder<Item> {
    slot: SlotPtr<Item>,
    _item: PhantomData<Item>,
}

impl<Item> Yielder<Item> {
    /// The handle of the stream whose slot `slot` is; only the stream makes one, once pinned.
    pub(super) fn new(slot: SlotPtr<Item>) -> Self {
        Yielder {
            slot,
            _item: PhantomData,
        }
    }
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
    /// What the expansion binds its hygienic `__yielder` to: a copy of the slot pointer that
    /// borrows this `Yielder` mutably. So the handle cannot leave the body's future (an `async
    /// move` block that captures it is bounded by that borrow), and a yield reads the slot's
    /// address with one load instead of two through `&mut Yielder`.
    #[inline]
    pub fn handle(&mut self) -> YieldHandle<'_, Item> {
        YieldHandle {
            slot: self.slot,
            _yielder: PhantomData,
        }
    }

    /// `yield_!(value)` through `&mut Yielder` (the hidden API's tests use it; the expansion
    /// goes through [`handle`](Self::handle)).
    #[inline]
    pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
        // SAFETY: we hold the `&mut Yielder`, so no handle and no yield future exists.
        unsafe { park(self.slot, value) }
    }
}

/// The expansion's `__yielder`, see [`Yielder::handle`].
pub struct YieldHandle<'a, Item> {
    slot: SlotPtr<Item>,
    _yielder: PhantomData<&'a mut Yielder<Item>>,
}

// SAFETY: the handle stands for a `&'a mut Yielder<Item>` (and is only used through `&mut`), so
// it has the same auto traits: `Send` when `Yielder<Item>` is (`Item: Send`), `Sync` always.
unsafe impl<Item: Send> Send for YieldHandle<'_, Item> {}
// SAFETY: see `Send`: `&YieldHandle` gives access to nothing.
unsafe impl<Item> Sync for YieldHandle<'_, Item> {}

impl<Item> fmt::Debug for YieldHandle<'_, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldHandle").finish_non_exhaustive()
    }
}

impl<Item> YieldHandle<'_, Item> {
    /// `yield_!(value)`: parks `value` for the stream's consumer; completes once it was taken.
    #[inline]
    pub fn yield_(&mut self, value: Item) -> Yield<'_, Item> {
        // SAFETY: we hold the `&mut` borrow of the only handle of the `Yielder`, so no yield
        // future exists.
        unsafe { park(self.slot, value) }
    }
}

impl<Y, E> YieldHandle<'_, Result<Y, E>> {
    /// `yield_!(value)` in a fn returning `Result<(), E>`: yields `Ok(value)`.
    #[inline]
    pub fn yield_ok(&mut self, value: Y) -> Yield<'_, Result<Y, E>> {
        self.yield_(Ok(value))
    }
}

/// Starts a yield: the value goes straight into the slot when it is empty, which it always is
/// unless an earlier yield future was leaked (then the future keeps it until the slot empties).
///
/// # Safety
/// `ptr` comes from a `Yielder` or its handle, borrowed mutably for the result's lifetime: so we
/// are inside the body's poll (the only place they are reachable from), during which
/// `poll_next` does not touch the slot, and no other yield future exists.
#[inline]
unsafe fn park<'a, Item>(ptr: SlotPtr<Item>, value: Item) -> Yield<'a, Item> {
    // SAFETY: see above.
    let slot = unsafe { slot(ptr) };
    let value = if slot.is_none() {
        *slot = Some(value);
        None
    } else {
        Some(value)
    };
    Yield {
        slot: ptr,
        value,
        _yielder: PhantomData,
    }
}

/// The future of one `yield_!`.
///
/// Its value is parked in the slot by [`Yielder::yield_`]; the first poll returns `Pending` (the
/// stream then hands the value out), the next `Ready` once the value was taken. If the slot was
/// full (only possible when an earlier yield future was leaked), it keeps the value, wakes itself
/// and waits for the slot to empty. Dropped while its value is still parked (cancelled, e.g. by
/// `select!`), it takes the value back: a cancelled yield yields nothing.
#[must_use = "futures do nothing unless awaited"]
pub struct Yield<'a, Item> {
    /// A copy of the `Yielder`'s pointer (one load less than going through `_yielder`).
    slot: SlotPtr<Item>,
    /// `None` once the value is parked: the slot's contents (if any) are then ours, because
    /// nothing else writes to the slot while we hold the `&mut Yielder`.
    value: Option<Item>,
    _yielder: PhantomData<&'a mut Yielder<Item>>,
}

// The value is never pinned (it is moved into the slot), so the future need not be.
impl<Item> Unpin for Yield<'_, Item> {}
// SAFETY: as for the fields it stands for, `&'a mut Yielder<Item>` and `Option<Item>`: the slot
// pointer is only used through `&mut self` (and `Debug` reads only `value`).
unsafe impl<Item: Send> Send for Yield<'_, Item> {}
// SAFETY: see `Send`.
unsafe impl<Item: Sync> Sync for Yield<'_, Item> {}

impl<Item> Future for Yield<'_, Item> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        // SAFETY: we hold the `&mut Yielder`, so no other yield future exists, and we are being
        // polled inside the body's poll, during which `poll_next` does not touch the slot.
        let slot = unsafe { slot(this.slot) };
        if this.value.is_none() {
            // Parked: a full slot still holds our value.
            return if slot.is_some() {
                Poll::Pending
            } else {
                Poll::Ready(())
            };
        }
        if slot.is_none() {
            *slot = this.value.take();
        } else {
            // A value from a leaked yield future: let the stream hand it out first.
            cx.waker().wake_by_ref();
        }
        Poll::Pending
    }
}

impl<Item> Drop for Yield<'_, Item> {
    #[inline]
    fn drop(&mut self) {
        if self.value.is_none() {
            // SAFETY: as in `poll`; drops run inside the body's poll or while the stream drops
            // the body, both times with the slot alive and not otherwise borrowed.
            let slot = unsafe { slot(self.slot) };
            if slot.is_some() {
                *slot = None;
            }
        }
    }
}

impl<Item: fmt::Debug> fmt::Debug for Yield<'_, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield")
            .field("waiting", &self.value)
            .finish_non_exhaustive()
    }
}
