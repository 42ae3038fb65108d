//! Issue 12: a pinned generator on the stack allocates nothing (its state is the body's
//! future, stored in the `PinnedGen` value itself). A counting global allocator checks it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};

use coro_core::{Generator, GeneratorState, generator, yield_, yield_from};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        // SAFETY: the caller's contract is passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[generator(yield = u32, pinned)]
fn evens(limit: u32) -> u32 {
    let mut sum = 0;
    let total = &mut sum; // a borrow of its own local, held across the yields
    for i in (0..limit).filter(|i| i % 2 == 0) {
        *total += i;
        yield_!(i);
    }
    sum
}

#[generator(yield = u32, resume = u32, pinned)]
fn scaled(factor: u32) {
    let f = &factor;
    let mut x = yield_!(0);
    loop {
        x = yield_!(x * *f);
    }
}

#[generator(yield = u32)]
fn plain(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
    n
}

#[generator(yield = u32, pinned)]
fn delegating() -> u32 {
    yield_from!(plain(3)) // an enum-mode sub-generator lives in the body's state: no box
}

// One test: the counter is process-wide, and tests run on parallel threads.
#[test]
fn pinned_generators_on_the_stack_allocate_nothing() {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let mut g = pin!(evens(10));
    let mut items = [0u32; 5];
    let mut n = 0;
    let ret = loop {
        match g.start() {
            GeneratorState::Yielded(i) => {
                items[n] = i;
                n += 1;
            }
            GeneratorState::Complete(sum) => break sum,
        }
    };
    let mut s = pin!(scaled(3));
    s.start();
    let sent = [s.send(2), s.send(5)];
    let mut d = pin!(delegating());
    let mut delegated = 0;
    while let GeneratorState::Yielded(i) = d.start() {
        delegated += i;
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert_eq!(items, [0, 2, 4, 6, 8]);
    assert_eq!(ret, 20);
    assert_eq!(
        sent,
        [GeneratorState::Yielded(6), GeneratorState::Yielded(15)]
    );
    assert_eq!(delegated, 3);
    assert_eq!(after - before, 0, "pinned generators allocated");
}
