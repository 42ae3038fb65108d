//! Runtime behaviour of `#[async_gen]` streams: drops, panics, fusing, auto traits, borrows,
//! and the yield protocol's corner cases (yield futures polled by hand, leaked, cancelled).

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use coro_core::{async_gen, for_await, yield_};
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};

/// Pending once (waking itself), then ready.
async fn tick() {
    let mut first = true;
    core::future::poll_fn(|cx| {
        if std::mem::take(&mut first) {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
}

/// Counts drops into a shared counter.
struct Tracked(Rc<Cell<usize>>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

fn poll_once<S: Stream + ?Sized>(s: std::pin::Pin<&mut S>) -> Poll<Option<S::Item>> {
    s.poll_next(&mut Context::from_waker(Waker::noop()))
}

#[async_gen(yield = Tracked)]
async fn tracked(drops: Rc<Cell<usize>>) {
    let _guard = Tracked(drops.clone());
    let held = Tracked(drops.clone());
    for _ in 0..3 {
        tick().await;
        yield_!(Tracked(drops.clone()));
    }
    drop(held);
}

#[test]
fn dropping_mid_stream_drops_every_local_once() {
    let drops = Rc::new(Cell::new(0));
    {
        let mut s = pin!(tracked(drops.clone()));
        let first = block_on(s.next()).unwrap();
        drop(first);
        assert_eq!(drops.get(), 1);
        // Suspended at the first `.await` of the second round: nothing parked.
        assert!(poll_once(s.as_mut()).is_pending());
    }
    // `_guard` and `held` (and nothing else) dropped with the stream.
    assert_eq!(drops.get(), 3);
}

#[test]
fn dropping_an_unpolled_stream_drops_its_arguments() {
    #[async_gen(yield = u8)]
    async fn takes(_t: Tracked) {
        yield_!(1);
    }
    let drops = Rc::new(Cell::new(0));
    let arg = Tracked(drops.clone());
    let s = takes(arg);
    assert_eq!(drops.get(), 0);
    drop(s);
    assert_eq!(drops.get(), 1);
}

#[test]
fn arguments_live_as_long_as_the_stream() {
    // Like an `async fn`, an unused argument (an RAII guard) is held until the stream ends.
    #[async_gen(yield = u8)]
    async fn guarded(_guard: Tracked, _: Tracked) {
        yield_!(1);
        yield_!(2);
    }
    let drops = Rc::new(Cell::new(0));
    let mut s = pin!(guarded(Tracked(drops.clone()), Tracked(drops.clone())));
    assert_eq!(block_on(s.next()), Some(1));
    assert_eq!(drops.get(), 0);
    assert_eq!(block_on(s.next()), Some(2));
    assert_eq!(block_on(s.next()), None);
    assert_eq!(drops.get(), 2);
}

#[test]
fn fused_after_the_end() {
    #[async_gen(yield = u8)]
    async fn one() {
        yield_!(1);
    }
    let mut s = pin!(one());
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (0, None));
    assert_eq!(block_on(s.next()), Some(1));
    assert_eq!(block_on(s.next()), None);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    for _ in 0..3 {
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    }
}

#[async_gen(yield = u32)]
async fn panics_at(n: u32, drops: Rc<Cell<usize>>) {
    let _local = Tracked(drops);
    for i in 0.. {
        assert!(i != n, "body panicked at {i}");
        yield_!(i);
    }
}

#[test]
fn panics_propagate_and_poison_the_stream() {
    let drops = Rc::new(Cell::new(0));
    let mut s = pin!(panics_at(1, drops.clone()));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(0)));
    let err = catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut()))).unwrap_err();
    assert_eq!(err.downcast_ref::<String>().unwrap(), "body panicked at 1");
    // The body's locals were dropped by the unwinding.
    assert_eq!(drops.get(), 1);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(format!("{:?}", s.as_ref().get_ref()).contains("poisoned"));
    // Polling again panics deterministically.
    let err = catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut()))).unwrap_err();
    assert_eq!(
        *err.downcast_ref::<&str>().unwrap(),
        "`#[async_gen]` stream polled after its body panicked"
    );
    assert_eq!(drops.get(), 1);
}

#[test]
fn debug_shows_the_state() {
    // The async-block path knows the phase only.
    #[async_gen(yield = u8, pinned)]
    async fn one() {
        yield_!(1);
    }
    // The enum path names the fn and the suspension point, as a `#[generator]` does.
    #[async_gen(yield = u8)]
    async fn two() {
        yield_!(1);
    }
    let mut s = Box::pin(one());
    assert_eq!(format!("{s:?}"), "AsyncGen { state: \"created\", .. }");
    let _ = block_on(s.next());
    assert_eq!(format!("{s:?}"), "AsyncGen { state: \"suspended\", .. }");
    let _ = block_on(s.next());
    assert_eq!(format!("{s:?}"), "AsyncGen { state: \"done\", .. }");

    let mut s = two();
    assert_eq!(format!("{s:?}"), "two (created)");
    let _ = block_on(s.next());
    let at = format!("{s:?}");
    assert!(at.starts_with("two (suspended at yield_!(1) at "), "{at}");
    let _ = block_on(s.next());
    assert_eq!(format!("{s:?}"), "two (completed)");
}

#[async_gen(yield = usize)]
async fn borrows_locals() {
    let words = vec![String::from("alpha"), String::from("be")];
    let mut total = 0;
    let total_ref = &mut total;
    for w in &words {
        // `w` borrows `words`, `total_ref` borrows `total`: both live across awaits and yields.
        tick().await;
        *total_ref += w.len();
        yield_!(w.len());
        tick().await;
    }
    let slice = &words[..];
    yield_!(slice.len());
    yield_!(total);
}

#[test]
fn borrows_of_locals_across_awaits_and_yields() {
    assert_eq!(block_on(borrows_locals().collect::<Vec<_>>()), [5, 2, 2, 7]);
}

fn assert_send<T: Send>(_: &T) {}
fn assert_sync<T: Sync>(_: &T) {}

#[async_gen(yield = String)]
async fn sendable(names: Vec<String>) {
    for n in &names {
        tokio::task::yield_now().await;
        yield_!(n.clone());
    }
}

#[test]
fn auto_traits_follow_the_body() {
    let s = sendable(vec![]);
    assert_send(&s);
    assert_sync(&s);
    // Not `Unpin` (it holds the body's future), as for any async fn; see the `!Send` case in
    // the `stream` module's compile-fail doctests.
}

#[test]
fn moves_to_another_thread_mid_stream() {
    let mut s = Box::pin(sendable(vec!["a".into(), "b".into(), "c".into()]));
    assert_eq!(block_on(s.next()).as_deref(), Some("a"));
    let rest = std::thread::spawn(move || block_on(s.collect::<Vec<_>>()))
        .join()
        .unwrap();
    assert_eq!(rest, ["b", "c"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(miri, ignore = "tokio's multi-threaded runtime is slow under Miri")]
async fn runs_on_a_multithreaded_tokio_runtime() {
    let handle = tokio::spawn(async {
        let mut out = Vec::new();
        for_await!(n in sendable(vec!["a".into(), "b".into()]) {
            tokio::task::yield_now().await;
            out.push(n);
        });
        out
    });
    assert_eq!(handle.await.unwrap(), ["a", "b"]);
}

// The yield protocol, driven through the (hidden) runtime API directly, to reach the cases
// that `#[async_gen]` bodies cannot write: a yield future polled outside its stream's poll,
// leaked, or polled and dropped.

static LEAKED_DROPS: AtomicUsize = AtomicUsize::new(0);

struct Leaked(u32);

impl Drop for Leaked {
    fn drop(&mut self) {
        LEAKED_DROPS.fetch_add(self.0 as usize, Ordering::SeqCst);
    }
}

#[test]
fn a_yield_polled_outside_its_streams_poll_hands_nothing_out_until_awaited() {
    use coro_core::__private::{Yielder, async_gen};
    let s = async_gen::<u32, (), _, _>(|mut y: Yielder<u32>| async move {
        let y = &mut y;
        let mut first = y.yield_(1);
        // A foreign waker: the future cannot reach the stream's slot, keeps 1 and waits.
        assert!(
            std::pin::Pin::new(&mut first)
                .poll(&mut Context::from_waker(Waker::noop()))
                .is_pending()
        );
        // Awaited in the body, it yields.
        first.await;
        y.yield_(2).await;
    });
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1, 2]);
}

#[test]
fn a_cancelled_yield_yields_nothing() {
    use coro_core::__private::{Yielder, async_gen};
    let s = async_gen::<u32, (), _, _>(|mut y: Yielder<u32>| async move {
        let y = &mut y;
        let mut cancelled = y.yield_(1);
        assert!(
            std::pin::Pin::new(&mut cancelled)
                .poll(&mut Context::from_waker(Waker::noop()))
                .is_pending()
        );
        drop(cancelled); // as `select!` drops the losing branch: the value is taken back
        y.yield_(2).await;
    });
    assert_eq!(block_on(s.collect::<Vec<_>>()), [2]);
}

#[test]
fn a_forgotten_yield_future_leaks_its_value_as_any_forgotten_value() {
    use coro_core::__private::{Yielder, async_gen};
    let s = async_gen::<Leaked, (), _, _>(|mut y: Yielder<Leaked>| async move {
        let mut f = y.yield_(Leaked(1));
        assert!(
            std::pin::Pin::new(&mut f)
                .poll(&mut Context::from_waker(Waker::noop()))
                .is_pending()
        );
        std::mem::forget(f);
        y.yield_(Leaked(10)).await;
    });
    let mut s = Box::pin(s);
    // The forgotten future's value never reached the stream; the next yield's does.
    let Poll::Ready(Some(item)) = poll_once(s.as_mut()) else {
        panic!("the second yield's value")
    };
    drop(item);
    assert!(matches!(poll_once(s.as_mut()), Poll::Ready(None)));
    drop(s);
    assert_eq!(LEAKED_DROPS.load(Ordering::SeqCst), 10);
}

use std::future::Future;
