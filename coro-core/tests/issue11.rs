//! `#[async_gen]` on coro's own state machine (issue 11): bodies whose awaited futures borrow
//! nothing of the body run as the enum state machine of `#[generator]`, with each `.await` one
//! more suspension point; the others keep the async-block path. `Debug` tells them apart: the
//! enum path names the fn and its suspension point, the async-block path says `AsyncGen`.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use coro_core::{async_gen, for_await, yield_, yield_from};
use futures::executor::block_on;
use futures::stream::{FusedStream, Stream, StreamExt};

/// Pending `n` times (waking itself each time), then ready with `value`.
async fn after<T>(n: usize, value: T) -> T {
    let mut left = n;
    core::future::poll_fn(|cx| {
        if left == 0 {
            Poll::Ready(())
        } else {
            left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
    value
}

/// Counts drops into a shared counter.
struct Tracked(Rc<Cell<usize>>);

impl Drop for Tracked {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

fn poll_once<S: Stream + ?Sized>(s: Pin<&mut S>) -> Poll<Option<S::Item>> {
    s.poll_next(&mut Context::from_waker(Waker::noop()))
}

/// Polls to the end with a no-op waker, counting the `Pending`s.
fn drain<S: Stream>(s: S) -> (Vec<S::Item>, usize) {
    let mut s = pin!(s);
    let (mut items, mut pending) = (Vec::new(), 0);
    loop {
        match poll_once(s.as_mut()) {
            Poll::Ready(Some(x)) => items.push(x),
            Poll::Ready(None) => return (items, pending),
            Poll::Pending => pending += 1,
        }
    }
}

fn is_enum_path<S: std::fmt::Debug>(s: &S) -> bool {
    !format!("{s:?}").starts_with("AsyncGen")
}

mod enum_path {
    use super::*;

    #[async_gen(yield = u64)]
    async fn count(n: u64) {
        for i in 0..n {
            yield_!(i);
        }
    }

    fn assert_unpin<T: Unpin>(_: &T) {}
    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn a_counting_stream_is_small_unpin_and_needs_no_pinning() {
        let mut s = count(3);
        assert_unpin(&s);
        assert!(
            std::mem::size_of_val(&s) <= 48,
            "{}",
            std::mem::size_of_val(&s)
        );
        assert_eq!(block_on(s.next()), Some(0));
        let rest: Vec<u64> = block_on((&mut s).collect());
        assert_eq!(rest, [1, 2]);
        assert!(s.is_terminated());
        assert_eq!(block_on(s.next()), None);
    }

    #[async_gen(yield = u64)]
    async fn doubled(n: u64) {
        let mut i = 0;
        while i < n {
            let d = after(2, i * 2).await;
            yield_!(d);
            i += 1;
        }
        yield_!(after(1, 100).await + after(0, 1).await);
    }

    #[test]
    fn each_await_is_pending_as_often_as_its_future() {
        let s = doubled(3);
        assert!(is_enum_path(&s));
        let (items, pending) = drain(s);
        assert_eq!(items, [0, 2, 4, 101]);
        assert_eq!(pending, 3 * 2 + 1);
    }

    /// Awaits in every position an expression can take: conditions, scrutinees, operands of
    /// calls and operators, a loop's `break` value, a tail expression, another await's operand.
    #[async_gen(yield = i64)]
    #[allow(
        clippy::never_loop,
        reason = "a loop's `break` value is one of the positions"
    )]
    async fn positions(limit: i64) {
        let mut n = 0;
        while after(1, n).await < limit {
            n += 1;
        }
        yield_!(n);
        match after(1, n % 2).await {
            0 => yield_!(after(2, 10).await),
            _ => yield_!(11),
        }
        if after(0, true).await && after(1, n > 2).await {
            yield_!(-1);
        }
        let v = loop {
            break after(1, 7).await;
        };
        yield_!(v * after(1, 2).await);
        yield_!(after(1, after(2, 5).await + 1).await);
        let nested = async move { after(3, 9).await }.await;
        yield_!(nested);
        let tail = {
            let x = after(1, 2).await;
            x * 2
        };
        yield_!(tail)
    }

    #[test]
    fn awaits_anywhere_in_an_expression() {
        let (items, _) = drain(positions(4));
        assert_eq!(items, [4, 10, -1, 14, 6, 9, 4]);
        let (items, _) = drain(positions(1));
        assert_eq!(items, [1, 11, 14, 6, 9, 4]);
    }

    /// Nine awaits: leaves all over the tree of parked futures.
    #[async_gen(yield = u32)]
    async fn nine() {
        let one = after(1, 1u32).await;
        let two = after(2, "two").await;
        let three = after(0, vec![3u32]).await;
        yield_!(one + u32::try_from(two.len()).unwrap() + three[0]);
        let four = after(1, Some(4u32)).await.unwrap();
        let five = after(1, String::from("five")).await;
        let six = after(3, (6u32, ())).await.0;
        yield_!(four + u32::try_from(five.len()).unwrap() + six);
        let seven = u32::try_from(after(1, 7u64).await).unwrap();
        let eight = after(1, [8u32; 2]).await[1];
        let nine = after(1, 9u8).await;
        yield_!(seven + eight + u32::from(nine));
    }

    #[test]
    fn many_awaits_of_different_types() {
        let (items, pending) = drain(nine());
        assert_eq!(items, [7, 14, 24]);
        assert_eq!(pending, 1 + 2 + 1 + 1 + 3 + 1 + 1 + 1);
    }

    #[async_gen(yield = Tracked)]
    async fn tracked(drops: Rc<Cell<usize>>) {
        let _guard = Tracked(drops.clone());
        let held = Tracked(drops.clone());
        for _ in 0..3 {
            let t = after(1, Tracked(drops.clone())).await;
            yield_!(t);
        }
        drop(held);
    }

    #[test]
    fn every_local_and_parked_future_drops_once() {
        let drops = Rc::new(Cell::new(0));
        let (items, _) = drain(tracked(drops.clone()));
        assert_eq!(drops.get(), 2);
        drop(items);
        assert_eq!(drops.get(), 5);

        // Dropped while a future is parked: the future (holding a `Tracked`) and both locals.
        let drops = Rc::new(Cell::new(0));
        {
            let mut s = pin!(tracked(drops.clone()));
            assert!(poll_once(s.as_mut()).is_pending());
            assert!(format!("{:?}", s.as_ref().get_ref()).contains("after(1, Tracked"));
            assert_eq!(drops.get(), 0);
        }
        assert_eq!(drops.get(), 3);
    }

    #[derive(Debug, PartialEq)]
    struct Oops(u32);

    async fn fallible(x: u32) -> Result<u32, Oops> {
        after(1, if x < 2 { Ok(x) } else { Err(Oops(x)) }).await
    }

    #[async_gen(yield = u32)]
    async fn checked(n: u32) -> Result<(), Oops> {
        for i in 0..n {
            yield_!(fallible(i).await?);
        }
        Ok(())
    }

    #[test]
    fn question_mark_on_an_awaited_result_ends_the_stream_with_the_error() {
        let (items, _) = drain(checked(2));
        assert_eq!(items, [Ok(0), Ok(1)]);
        let mut s = pin!(checked(5));
        assert!(is_enum_path(&*s));
        let items: Vec<_> = block_on(s.as_mut().collect());
        assert_eq!(items, [Ok(0), Ok(1), Err(Oops(2))]);
        assert!(s.is_terminated());
    }

    async fn explode() -> u32 {
        after(1, ()).await;
        panic!("boom")
    }

    #[async_gen(yield = u32)]
    async fn panicky() {
        yield_!(1);
        yield_!(explode().await);
    }

    #[test]
    fn a_panic_in_an_awaited_future_poisons_the_stream() {
        let mut s = pin!(panicky());
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
        assert!(poll_once(s.as_mut()).is_pending());
        let err = catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut()))).unwrap_err();
        assert_eq!(*err.downcast_ref::<&str>().unwrap(), "boom");
        assert!(s.is_terminated());
        assert!(format!("{:?}", s.as_ref().get_ref()).contains("poisoned"));
        let err = catch_unwind(AssertUnwindSafe(|| poll_once(s.as_mut()))).unwrap_err();
        assert_eq!(
            *err.downcast_ref::<&str>().unwrap(),
            "`#[async_gen]` stream polled after its body panicked"
        );
    }

    #[test]
    fn debug_names_the_fn_and_where_it_waits() {
        let mut s = pin!(doubled(1));
        assert_eq!(format!("{:?}", s.as_ref().get_ref()), "doubled (created)");
        assert!(poll_once(s.as_mut()).is_pending());
        let at = format!("{:?}", s.as_ref().get_ref());
        assert!(
            at.starts_with("doubled (suspended at after(2, i * 2).await at "),
            "{at}"
        );
        let line = include_str!("issue11.rs")
            .lines()
            .position(|l| l.ends_with("let d = after(2, i * 2).await;"))
            .unwrap();
        assert!(
            at.ends_with(&format!("issue11.rs:{}:21)", line + 1)),
            "{at}"
        );
        let _ = drain(s);
    }

    #[async_gen(yield = String)]
    async fn on_tokio(n: usize) {
        for i in 0..n {
            tokio::task::yield_now().await;
            yield_!(format!("#{i}"));
        }
    }

    #[test]
    #[cfg_attr(miri, ignore = "tokio's multi-threaded runtime is too slow under Miri")]
    fn send_streams_run_on_a_multi_threaded_runtime() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        let s = on_tokio(3);
        assert_send(&s);
        assert!(is_enum_path(&s));
        let out = rt.block_on(async move { tokio::spawn(s.collect::<Vec<_>>()).await.unwrap() });
        assert_eq!(out, ["#0", "#1", "#2"]);
    }

    struct Service {
        base: u32,
    }

    impl Service {
        #[async_gen(yield = u32)]
        async fn offsets(&self, n: u32) {
            for i in 0..n {
                yield_!(self.base + after(1, i).await);
            }
        }
    }

    impl Service {
        async fn lookup(&self, i: u32) -> u32 {
            after(1, self.base * i).await
        }

        /// The awaited futures borrow `*self`, which lives outside the stream.
        #[async_gen(yield = u32)]
        async fn lookups(&self, n: u32, other: &Service) {
            for i in 0..n {
                yield_!(self.lookup(i).await + other.lookup(i).await);
            }
        }
    }

    #[test]
    fn futures_borrowing_through_shared_reference_parameters_take_the_enum_path() {
        let (svc, other) = (Service { base: 10 }, Service { base: 1 });
        let s = svc.lookups(3, &other);
        assert!(is_enum_path(&s));
        let (items, pending) = drain(s);
        assert_eq!(items, [0, 11, 22]);
        assert_eq!(pending, 6);
    }

    #[test]
    fn methods_borrowing_self_take_the_enum_path() {
        let svc = Service { base: 10 };
        let s = svc.offsets(3);
        assert!(is_enum_path(&s));
        assert_eq!(drain(s).0, [10, 11, 12]);
    }
}

/// Bodies the enum path cannot hold keep compiling and running, on the async-block path.
mod async_block_path {
    use super::*;

    #[async_gen(yield = u32)]
    async fn from_a_local_stream(v: Vec<u32>) {
        let mut s = futures::stream::iter(v);
        // `s.next()` borrows `s`, a local of the body.
        while let Some(x) = s.next().await {
            yield_!(x);
        }
    }

    #[async_gen(yield = u32)]
    async fn reading_into_a_local_buffer() {
        let mut buf = [0u8; 4];
        async fn fill(buf: &mut [u8]) -> u32 {
            after(1, ()).await;
            buf.fill(7);
            4
        }
        let n = fill(&mut buf).await;
        yield_!(u32::from(buf[0]) * n);
    }

    #[async_gen(yield = u32)]
    async fn relaying(v: Vec<u32>) {
        let mut s = futures::stream::iter(v);
        // A borrowed stream: the loop's stream would borrow the local `s`.
        for_await!(x in &mut s {
            yield_!(x * 3);
        });
    }

    #[async_gen(yield = u32, pinned)]
    async fn asked_for(n: u32) {
        for i in 0..n {
            yield_!(after(1, i).await);
        }
    }

    #[async_gen(yield = u32)]
    async fn joining() {
        let (a, b) = futures::join!(after(1, 1u32), after(2, 2u32));
        yield_!(a + b);
    }

    struct Page {
        users: Vec<String>,
        next: Option<u32>,
    }

    async fn fetch(c: u32) -> Page {
        after(
            1,
            Page {
                users: vec![format!("u{c}")],
                next: (c < 2).then_some(c + 1),
            },
        )
        .await
    }

    /// `for user in page.users` moves one field and `page.next` reads another afterwards:
    /// fine in plain Rust, not for a state that saves `page` whole.
    #[async_gen(yield = String)]
    async fn paged() {
        let mut cursor = Some(0);
        while let Some(c) = cursor {
            let page = fetch(c).await;
            for user in page.users {
                yield_!(user);
            }
            cursor = page.next;
        }
    }

    #[test]
    fn a_partly_moved_local_takes_the_async_block() {
        let s = paged();
        assert!(!is_enum_path(&s));
        assert_eq!(drain(s).0, ["u0", "u1", "u2"]);
    }

    #[async_gen(yield = i64, pinned)]
    async fn nested_pinned() {
        yield_!({
            yield_!(1);
            2
        });
    }

    #[async_gen(yield = i64)]
    async fn nested_enum() {
        yield_!({
            yield_!(1);
            2
        });
    }

    /// Bug AI of the differential test: on the async-block path a `yield_!` in another's value
    /// borrowed the yielder twice (E0499).
    #[test]
    fn a_yield_inside_a_yields_value_on_both_paths() {
        assert_eq!(drain(nested_pinned()).0, [1, 2]);
        assert!(is_enum_path(&nested_enum()));
        assert_eq!(drain(nested_enum()).0, [1, 2]);
    }

    #[test]
    fn self_borrowing_bodies_work_as_before() {
        type Boxed = Pin<Box<dyn Stream<Item = u32>>>;
        let cases: Vec<(Boxed, Vec<u32>)> = vec![
            (Box::pin(from_a_local_stream(vec![1, 2])), vec![1, 2]),
            (Box::pin(reading_into_a_local_buffer()), vec![28]),
            (Box::pin(relaying(vec![0, 1, 2])), vec![0, 3, 6]),
            (Box::pin(asked_for(2)), vec![0, 1]),
            (Box::pin(joining()), vec![3]),
        ];
        for (s, want) in cases {
            assert_eq!(drain(s).0, want);
        }
        assert!(!is_enum_path(&from_a_local_stream(vec![])));
        assert!(!is_enum_path(&reading_into_a_local_buffer()));
        assert!(!is_enum_path(&relaying(vec![])));
        assert!(!is_enum_path(&asked_for(0)));
        assert!(!is_enum_path(&joining()));
    }

    #[test]
    fn consumers_see_the_same_stream_on_both_paths() {
        block_on(async {
            let mut a = Vec::new();
            for_await!(x in super::enum_path_twin(4) { a.push(x) });
            let mut b = Vec::new();
            for_await!(x in asked_for(4) { b.push(x) });
            assert_eq!(a, b);
        });
    }
}

#[async_gen(yield = u32)]
async fn enum_path_twin(n: u32) {
    for i in 0..n {
        yield_!(after(1, i).await);
    }
}

/// `async_gen_block!` takes the same paths, with the locals it names moved into its state.
mod block_form {
    use super::*;
    use coro_core::async_gen_block;

    #[test]
    fn a_block_that_owns_its_futures_takes_the_enum_path() {
        let names = vec!["a".to_string(), "b".to_string()];
        let step = 2;
        let s = async_gen_block!(yield = String => {
            for (i, n) in names.into_iter().enumerate() {
                let waited = after(step, i).await;
                yield_!(format!("{n}{waited}"));
            }
        });
        assert!(format!("{s:?}").starts_with("async_gen_block ("));
        let (items, pending) = drain(s);
        assert_eq!(items, ["a0", "b1"]);
        assert_eq!(pending, 4);
    }

    #[test]
    fn a_block_borrowing_its_own_stream_takes_the_async_block() {
        let v = vec![1, 2, 3];
        let s = async_gen_block!(yield = i32 => {
            let mut inner = futures::stream::iter(v);
            while let Some(x) = inner.next().await {
                yield_!(-x);
            }
        });
        assert!(!is_enum_path(&s));
        assert_eq!(drain(s).0, [-1, -2, -3]);
    }
}

/// `#[async_gen(yield = Y, resume = R)]`: async generators driven by `start().await` and
/// `send(v).await` (Python's `asend`), with a return value.
mod async_send {
    use super::*;
    use coro_core::{AsyncGenerator, GeneratorState, GeneratorStatus};

    /// Python:
    /// ```python
    /// async def averager():
    ///     total = count = 0
    ///     average = None
    ///     while True:
    ///         term = yield average
    ///         if term is None: return (count, average)
    ///         total += await normalize(term); count += 1
    ///         average = total / count
    /// ```
    #[async_gen(yield = Option<f64>, resume = Option<f64>)]
    async fn averager() -> (u32, Option<f64>) {
        let (mut total, mut count) = (0.0, 0);
        let mut average = None;
        loop {
            let Some(term) = yield_!(average) else {
                return (count, average);
            };
            total += after(2, term).await;
            count += 1;
            average = Some(total / f64::from(count));
        }
    }

    #[test]
    fn send_runs_the_body_through_its_awaits_to_the_next_yield() {
        block_on(async {
            let mut g = pin!(averager());
            assert_eq!(g.status(), GeneratorStatus::Created);
            assert_eq!(g.as_mut().start().await, GeneratorState::Yielded(None));
            assert_eq!(
                g.as_mut().send(Some(10.0)).await,
                GeneratorState::Yielded(Some(10.0))
            );
            assert_eq!(
                g.as_mut().send(Some(30.0)).await,
                GeneratorState::Yielded(Some(20.0))
            );
            assert!(
                matches!(g.status(), GeneratorStatus::Suspended(p) if p.source == "yield_!(average)")
            );
            assert_eq!(
                g.as_mut().send(None).await,
                GeneratorState::Complete((2, Some(20.0)))
            );
            assert_eq!(g.status(), GeneratorStatus::Completed);
        });
    }

    #[test]
    fn a_resumption_is_pending_while_the_body_awaits() {
        let mut g = pin!(averager());
        let mut cx = Context::from_waker(Waker::noop());
        let mut start = g.as_mut().start();
        assert_eq!(
            Pin::new(&mut start).poll(&mut cx),
            Poll::Ready(GeneratorState::Yielded(None))
        );
        let mut send = g.as_mut().send(Some(4.0));
        assert!(Pin::new(&mut send).poll(&mut cx).is_pending());
        assert!(Pin::new(&mut send).poll(&mut cx).is_pending());
        assert_eq!(
            Pin::new(&mut send).poll(&mut cx),
            Poll::Ready(GeneratorState::Yielded(Some(4.0)))
        );
        let at = format!("{:?}", g.as_ref().get_ref());
        assert!(
            at.starts_with("averager (suspended at yield_!(average)"),
            "{at}"
        );
    }

    fn panic_message(f: impl FnOnce()) -> String {
        let err = catch_unwind(AssertUnwindSafe(f)).unwrap_err();
        err.downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| err.downcast_ref::<String>().cloned())
            .unwrap()
    }

    #[test]
    fn misuse_panics_and_leaves_the_generator_usable() {
        let mut g = pin!(averager());
        let msg = panic_message(|| {
            let _ = block_on(g.as_mut().send(Some(1.0)));
        });
        assert!(msg.contains("call start() first"), "{msg}");
        assert_eq!(g.status(), GeneratorStatus::Created);
        assert_eq!(block_on(g.as_mut().start()), GeneratorState::Yielded(None));
        let msg = panic_message(|| {
            let _ = block_on(g.as_mut().start());
        });
        assert!(msg.contains("expects a value"), "{msg}");
        assert_eq!(
            block_on(g.as_mut().send(Some(2.0))),
            GeneratorState::Yielded(Some(2.0))
        );

        // A resumption dropped while the body awaits, then another one: refused, not lost.
        let mut cx = Context::from_waker(Waker::noop());
        let mut send = g.as_mut().send(Some(8.0));
        assert!(Pin::new(&mut send).poll(&mut cx).is_pending());
        drop(send);
        let msg = panic_message(|| {
            let _ = block_on(g.as_mut().send(Some(9.0)));
        });
        assert!(msg.contains("still waiting in an .await"), "{msg}");
        // Polling on with nothing to send finishes the resumption that was dropped.
        assert_eq!(
            block_on(g.as_mut().start()),
            GeneratorState::Yielded(Some(5.0))
        );

        assert_eq!(
            block_on(g.as_mut().send(None)),
            GeneratorState::Complete((2, Some(5.0)))
        );
        let msg = panic_message(|| {
            let _ = block_on(g.as_mut().send(None));
        });
        assert!(msg.contains("after completion"), "{msg}");
    }

    #[async_gen(yield = (), resume = Tracked)]
    async fn collector(drops: Rc<Cell<usize>>) -> usize {
        let _guard = Tracked(drops.clone());
        let mut kept = Vec::new();
        loop {
            let t = yield_!();
            kept.push(after(1, t).await);
            if kept.len() == 3 {
                return kept.len();
            }
        }
    }

    #[test]
    fn close_drops_the_locals_and_the_parked_future_once() {
        let drops = Rc::new(Cell::new(0));
        let mut g = pin!(collector(drops.clone()));
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(block_on(g.as_mut().start()), GeneratorState::Yielded(()));
        assert_eq!(
            block_on(g.as_mut().send(Tracked(drops.clone()))),
            GeneratorState::Yielded(())
        );
        let mut send = g.as_mut().send(Tracked(drops.clone()));
        assert!(Pin::new(&mut send).poll(&mut cx).is_pending());
        drop(send);
        assert_eq!(drops.get(), 0);
        g.as_mut().close();
        // The guard, the kept value, and the one inside the parked future.
        assert_eq!(drops.get(), 3);
        assert_eq!(g.status(), GeneratorStatus::Completed);

        let drops = Rc::new(Cell::new(0));
        let mut g = pin!(collector(drops.clone()));
        block_on(async {
            g.as_mut().start().await;
            for _ in 0..2 {
                assert_eq!(
                    g.as_mut().send(Tracked(drops.clone())).await,
                    GeneratorState::Yielded(())
                );
            }
            assert_eq!(
                g.as_mut().send(Tracked(drops.clone())).await,
                GeneratorState::Complete(3)
            );
        });
        assert_eq!(drops.get(), 4);
    }

    /// A line-oriented protocol handler: each `send` hands it a chunk; it yields complete lines
    /// after an async "parse" of each, and returns how many it saw when sent `None`.
    #[async_gen(yield = Vec<String>, resume = Option<String>)]
    async fn lines() -> usize {
        let mut pending = String::new();
        let mut seen = 0;
        let mut out = Vec::new();
        while let Some(chunk) = yield_!(std::mem::take(&mut out)) {
            pending.push_str(&chunk);
            while let Some(at) = pending.find('\n') {
                let line: String = pending.drain(..=at).collect();
                out.push(after(1, line.trim_end().to_owned()).await);
                seen += 1;
            }
        }
        seen
    }

    #[test]
    fn on_tokio_with_owned_values() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut g = Box::pin(lines());
            assert_eq!(g.as_mut().start().await, GeneratorState::Yielded(vec![]));
            let got = g.as_mut().send(Some("ab\ncd".into())).await;
            assert_eq!(got, GeneratorState::Yielded(vec!["ab".to_string()]));
            let got = g.as_mut().send(Some("\n\nef\n".into())).await;
            assert_eq!(
                got,
                GeneratorState::Yielded(vec!["cd".into(), String::new(), "ef".into()])
            );
            assert_eq!(g.as_mut().send(None).await, GeneratorState::Complete(4));
        });
    }
}

/// `for_await!` and `yield_from!` inside an enum-path body: the loop's stream is parked in
/// place for the loop, while the loop's body awaits and yields.
mod loops_over_streams {
    use super::*;

    /// A stream that counts its drops, yielding `0..n` with a `Pending` before each item.
    #[async_gen(yield = u32)]
    async fn numbers(n: u32, drops: Rc<Cell<usize>>) {
        let _t = Tracked(drops);
        for i in 0..n {
            yield_!(after(1, i).await);
        }
    }

    #[async_gen(yield = String)]
    async fn relay(n: u32, drops: Rc<Cell<usize>>) {
        for_await!('outer: x in numbers(n, drops.clone()) {
            if x == 1 {
                continue;
            }
            for_await!(y in numbers(x, drops.clone()) {
                if y == 2 {
                    break;
                }
                let z = after(1, y * 10).await;
                yield_!(format!("{x}.{z}"));
            });
            if x == 4 {
                break 'outer;
            }
        });
        yield_!(format!("drops {}", drops.get()));
        yield_from!(async_gen_twin(drops.clone()));
    }

    #[async_gen(yield = String)]
    async fn async_gen_twin(drops: Rc<Cell<usize>>) {
        yield_!(format!("twin {}", drops.get()));
    }

    #[test]
    fn nested_loops_with_breaks_awaits_and_yields() {
        let drops = Rc::new(Cell::new(0));
        let s = relay(9, drops.clone());
        assert!(is_enum_path(&s));
        let (items, _) = drain(s);
        // x = 0: no inner items; 1: skipped; 2: 2.0 2.10; 3: 3.0 3.10 (break at y == 2); 4: 4.0 4.10, then break.
        assert_eq!(
            items,
            [
                "2.0", "2.10", "3.0", "3.10", "4.0", "4.10", "drops 5", "twin 5"
            ]
        );
        // Every stream was dropped when its loop ended: 4 inner ones and the outer one.
        assert_eq!(drops.get(), 5);
    }

    #[async_gen(yield = u32)]
    async fn first_over(limit: u32, drops: Rc<Cell<usize>>) -> Result<(), String> {
        for_await!(x in numbers(10, drops.clone()) {
            if x > limit {
                return Err(format!("{x} > {limit}"));
            }
            yield_!(x);
        });
        Ok(())
    }

    #[test]
    fn a_return_inside_the_loop_drops_its_stream_before_the_stream_ends() {
        let drops = Rc::new(Cell::new(0));
        let s = first_over(1, drops.clone());
        assert!(is_enum_path(&s));
        let (items, _) = drain(s);
        assert_eq!(items, [Ok(0), Ok(1), Err("2 > 1".to_string())]);
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn debug_shows_a_loop_waiting_for_its_next_item() {
        let drops = Rc::new(Cell::new(0));
        let mut s = pin!(relay(3, drops));
        assert!(poll_once(s.as_mut()).is_pending());
        let at = format!("{:?}", s.as_ref().get_ref());
        assert!(
            at.starts_with("relay (suspended at for_await!(.. in numbers(n, drops.clone())) at "),
            "{at}"
        );
    }

    #[test]
    fn dropped_mid_loop_drops_the_parked_streams() {
        let drops = Rc::new(Cell::new(0));
        {
            let mut s = pin!(relay(9, drops.clone()));
            let mut cx = Context::from_waker(Waker::noop());
            let mut seen = 0;
            while seen < 1 {
                if let Poll::Ready(Some(_)) = s.as_mut().poll_next(&mut cx) {
                    seen += 1;
                }
            }
            // Inside the inner loop at x = 2: the inner stream of x = 0 is gone, the outer
            // stream and this inner one are parked.
            assert_eq!(drops.get(), 1);
        }
        assert_eq!(drops.get(), 3);
    }
}
