//! What the async mode's bodies call, and how both compilations of an `#[async_gen]` body are
//! polled and compared.
//!
//! Like `runtime.rs`, this file is part of `coro-difftest` *and* copied verbatim into every async
//! batch crate (next to `runtime.rs`, as `mod async_rt`), so it depends on `std`, `coro_core` and
//! `super::runtime` only.
//!
//! A stream takes no resume values, so the values that steer a body's control flow come from an
//! *input queue*: [`input`] (awaited, `Pending` a given number of times first) and [`next_input`]
//! (read in place, for macro arguments, which may not hold an `.await` on the enum path) pop the
//! next value of the run's [`Script`], recorded as an `Ev::Resume`. Both compilations of a body
//! see the same queue, so a divergence shows in the trace.

use std::cell::RefCell;
use std::fmt::Debug;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use coro_core::Stream;

use super::runtime::{
    Ev, Info, Log, RUNAWAY, Script, Tracked, compare, is_runaway, mix, new_log, panic_message,
    push, take_events,
};

/// How a body ends: the stream's last item is `Err(Exit)` (the fn returns `Result<(), Exit>`),
/// so a `return v` and a `?` are both visible to the driver.
#[derive(Debug)]
pub enum Exit {
    /// `return v` or the tail value `v`.
    Ret(i64),
    /// `?` on an `Err(e)` of [`crate::runtime::res`].
    Err(i64),
    /// `?` on a `None` (through `.ok_or(Exit::None)`).
    None,
}

/// What `?` on a `Result<i64, i64>` converts its error with.
impl From<i64> for Exit {
    fn from(e: i64) -> Exit {
        Exit::Err(e)
    }
}

thread_local! {
    /// The input queue of the current run (set by [`run_stream`]).
    static INPUT: RefCell<Option<Script>> = const { RefCell::new(None) };
}

/// Pops the next input value (recorded as `resume v`).
pub fn next_input(log: &Log) -> i64 {
    let v = INPUT.with(|i| i.borrow().as_ref().map_or(0, Script::next_value));
    push(log, Ev::Resume(v));
    v
}

/// `Pending` `n` times (waking itself each time), then `v`.
pub async fn after<T>(n: usize, v: T) -> T {
    Pend(n).await;
    v
}

/// `Pending` `n` times, then the next input value: read when the future completes, so that an
/// abandoned `input(..)` consumes nothing.
pub async fn input(log: Log, n: usize) -> i64 {
    Pend(n).await;
    next_input(&log)
}

struct Pend(usize);

impl Future for Pend {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A small hand-written stream for `for_await!` and `yield_from!`: holds a `Tracked` created
/// with it (dropped with the stream), yields `n mod 4` values, each after `i mod 2` `Pending`s,
/// and reads its `Tracked` when it ends.
#[derive(Debug)]
pub struct Nums {
    t: Tracked,
    n: i64,
    i: i64,
    pend: bool,
}

pub fn nums(log: Log, site: u32, n: i64) -> Nums {
    Nums {
        t: Tracked::new(&log, site, n),
        n: n.rem_euclid(4),
        i: 0,
        pend: false,
    }
}

impl Stream for Nums {
    type Item = i64;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<i64>> {
        if self.i >= self.n {
            // `i > n` after the end: a second `None` must not read again.
            if self.i == self.n {
                self.i += 1;
                let _ = self.t.get();
            }
            return Poll::Ready(None);
        }
        if self.i % 2 == 1 && !self.pend {
            self.pend = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.pend = false;
        self.i += 1;
        Poll::Ready(Some((self.t.val() * 10 + self.i) % 1000))
    }
}

/// Polls the stream `make(log)` with a no-op waker under the input script `seed`, recording each
/// `Pending` (as `note "pending"`), item, the final `Err(Exit)` or end, and panics; with
/// `stop_at = Some(k)` the stream is dropped after its k-th poll. Returns the events and the
/// stream's `Debug` before the first poll.
pub fn run_stream<S>(
    make: impl FnOnce(Log) -> S,
    seed: u64,
    stop_at: Option<usize>,
) -> (Vec<Ev>, String)
where
    S: Stream<Item = Result<i64, Exit>> + Debug,
{
    let log = new_log();
    INPUT.with(|i| *i.borrow_mut() = Some(Script::new(seed)));
    let debug;
    {
        let mut s = Box::pin(make(log.clone()));
        debug = format!("{s:?}");
        let mut cx = Context::from_waker(Waker::noop());
        let mut polls = 0;
        loop {
            if stop_at == Some(polls) {
                break;
            }
            polls += 1;
            match catch_unwind(AssertUnwindSafe(|| s.as_mut().poll_next(&mut cx))) {
                Ok(Poll::Pending) => push(&log, Ev::Note("pending".into())),
                Ok(Poll::Ready(Some(Ok(x)))) => push(&log, Ev::Yield(x)),
                Ok(Poll::Ready(Some(Err(e)))) => push(&log, Ev::Ret(format!("{e:?}"))),
                Ok(Poll::Ready(None)) => {
                    push(&log, Ev::Ret("end".into()));
                    break;
                }
                Err(p) => {
                    push(&log, Ev::Panic(panic_message(&*p)));
                    break;
                }
            }
            if is_runaway(&log) {
                push(&log, Ev::Panic(RUNAWAY.to_string()));
                break;
            }
        }
    }
    INPUT.with(|i| *i.borrow_mut() = None);
    (take_events(&log), debug)
}

/// Which implementation a stream's `Debug` names: the async-block path prints `AsyncGen { .. }`.
pub fn is_async_block(debug: &str) -> bool {
    debug.starts_with("AsyncGen")
}

/// Runs one body compiled twice — `reference` with `#[async_gen(.., pinned)]` (rustc's own
/// async lowering), `enum_path` on coro's enum state machine — under three input scripts, to
/// the end and dropped after up to four chosen polls, and compares each pair of runs with
/// [`compare`] (the reference in the role of plain Rust). Returns the number of comparisons;
/// fails if either compilation took the other path.
pub fn check_async<S1, S2>(
    reference: impl Fn(Log) -> S1,
    enum_path: impl Fn(Log) -> S2,
    info: &Info,
    seed: u64,
) -> Result<usize, String>
where
    S1: Stream<Item = Result<i64, Exit>> + Debug,
    S2: Stream<Item = Result<i64, Exit>> + Debug,
{
    let mut runs = 0;
    for s in 0..3u64 {
        let script = mix(seed ^ mix(s + 1));
        let (p, pd) = run_stream(&reference, script, None);
        if !is_async_block(&pd) {
            return Err(format!(
                "the pinned compilation is not an async block: {pd}"
            ));
        }
        if p.iter().any(|e| matches!(e, Ev::Panic(m) if m == RUNAWAY)) {
            return Err(format!(
                "script {script:#x}: the reference does not terminate: a bug of the program generator"
            ));
        }
        let (g, gd) = run_stream(&enum_path, script, None);
        if is_async_block(&gd) {
            return Err(format!(
                "FALLBACK: the enum compilation is an async block: {gd}"
            ));
        }
        runs += 1;
        compare(&p, &g, info).map_err(|e| format!("script {script:#x}, run to the end: {e}"))?;
        // Polls of the full run: one per recorded pending/item/end/panic event.
        let polls = p
            .iter()
            .filter(|e| matches!(e, Ev::Note(_) | Ev::Yield(_) | Ev::Ret(_) | Ev::Panic(_)))
            .count();
        if polls < 2 {
            continue;
        }
        let mut stops = vec![0, 1, polls - 1];
        for j in 0..2u64 {
            #[allow(clippy::cast_possible_truncation)]
            stops.push(1 + (mix(script ^ j) % (polls as u64 - 1)) as usize);
        }
        stops.sort_unstable();
        stops.dedup();
        for k in stops {
            let (p, _) = run_stream(&reference, script, Some(k));
            let (g, _) = run_stream(&enum_path, script, Some(k));
            runs += 1;
            compare(&p, &g, info)
                .map_err(|e| format!("script {script:#x}, dropped after poll {k}: {e}"))?;
        }
    }
    Ok(runs)
}
