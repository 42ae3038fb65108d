//! Bugs of `#[async_gen]` found by the async mode of the differential test, minimized: each
//! body is written twice, on the enum path and with `pinned` (the async-block path, rustc's own
//! lowering), and both must behave the same under `check_async` (traces, items, drops, panics,
//! to the end and dropped after each chosen poll). `#[ignore]`d while the bug is open.
//! (Not through a `macro_rules!` like `differential!`: `#[async_gen]` inside one does not see
//! the fn's parameter `log` from the body's tokens, E0425.)

use coro_core::{async_gen, for_await, yield_};
use coro_difftest::async_rt::{Exit, check_async, nums};
use coro_difftest::runtime::{Info, Log, Tracked, f2, opt};

fn check<S1, S2>(reference: impl Fn(Log) -> S1, enum_path: impl Fn(Log) -> S2, guards: &[u32])
where
    S1: coro_core::Stream<Item = Result<i64, Exit>> + std::fmt::Debug,
    S2: coro_core::Stream<Item = Result<i64, Exit>> + std::fmt::Debug,
{
    let info = Info {
        guards,
        temps: &[],
        strict_order: true,
        lenient_locals: false,
        exact_order: true,
    };
    for seed in 0..4 {
        if let Err(e) = check_async(&reference, &enum_path, &info, seed) {
            panic!("seed {seed}: {e}");
        }
    }
}

/// A panic in a `for_await!` body: rustc's async block drops the loop's stream (here the
/// `Tracked` #1 it holds) while unwinding, before the poll returns; the enum path keeps it
/// parked until the `#[async_gen]` stream itself is dropped. Seed 10813459 of the first run.
mod panic_in_for_await {
    use super::*;

    #[async_gen(yield = i64, pinned)]
    pub async fn reference(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 2) {
            f2(opt(x * 5).unwrap(), 0);
        });
        Ok(())
    }

    #[async_gen(yield = i64)]
    pub async fn enum_path(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 2) {
            f2(opt(x * 5).unwrap(), 0);
        });
        Ok(())
    }
}

#[test]

fn panic_in_for_await_body_drops_the_loops_stream_while_unwinding() {
    check(
        panic_in_for_await::reference,
        panic_in_for_await::enum_path,
        &[],
    );
}

/// Dropped while suspended inside a `for_await!` body: the loop's stream (#2) is the
/// innermost value and drops first in rustc's async block, before the guard `_g` (#1); the
/// enum path drops it last. Seed 10813463 of the first run.
mod drop_mid_for_await {
    use super::*;

    #[async_gen(yield = i64, pinned)]
    pub async fn reference(log: Log) -> Result<(), Exit> {
        let _g = Tracked::new(&log, 1, 0);
        for_await!(x in nums(log.clone(), 2, 3) {
            yield_!(x);
        });
        Ok(())
    }

    #[async_gen(yield = i64)]
    pub async fn enum_path(log: Log) -> Result<(), Exit> {
        let _g = Tracked::new(&log, 1, 0);
        for_await!(x in nums(log.clone(), 2, 3) {
            yield_!(x);
        });
        Ok(())
    }
}

#[test]

fn dropped_in_a_for_await_body_drops_the_loops_stream_first() {
    check(
        drop_mid_for_await::reference,
        drop_mid_for_await::enum_path,
        &[1],
    );
}

/// A `#[cfg(any())]` block inside a `for_await!` body still ran on the enum path (`yield 3`):
/// `#[cfg]` resolution did not look into `for_await!`'s tokens, which the enum path lowers as
/// part of the body (the async-block path left them to rustc). Bug AK, seeds 10813445 and
/// 10813719 of the async mode's default run.
mod cfg_in_for_await {
    use super::*;

    #[async_gen(yield = i64, pinned)]
    pub async fn reference(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 1) {
            if x != -1 {
                #[cfg(any())]
                {
                    yield_!(coro_difftest::async_rt::after(1, 3).await);
                }
            }
        });
        Ok(())
    }

    #[async_gen(yield = i64)]
    pub async fn enum_path(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 1) {
            if x != -1 {
                #[cfg(any())]
                {
                    yield_!(coro_difftest::async_rt::after(1, 3).await);
                }
            }
        });
        Ok(())
    }
}

#[test]
fn a_cfg_disabled_block_in_a_for_await_body_does_not_run() {
    check(
        cfg_in_for_await::reference,
        cfg_in_for_await::enum_path,
        &[],
    );
}

/// Bug AJ (seed 10813564; bug AD's family): the `.await`s after a `return` never run, but their
/// futures' types are parts of the enum path's state: while that code was left out, nothing gave
/// them a type (E0282 at the attribute). The code after the `return` is now emitted in dead arms.
mod awaits_after_return {
    use super::*;
    use coro_difftest::async_rt::after;

    #[async_gen(yield = i64, pinned)]
    #[allow(unreachable_code, unused_labels, clippy::needless_late_init)]
    pub async fn reference(log: Log) -> Result<(), Exit> {
        let t = Tracked::new(&log, 1, 2);
        {
            yield_!(t.get());
            return Err(Exit::Ret(after::<i64>(1, 3).await));
        }
        if let Some(x) = opt(after(1, 4).await) {
            let b;
            if x > 2 {
                b = x;
            } else {
                b = after(2, x + 1).await;
            }
            yield_!(b);
        }
        'l: {
            yield_!(after(0, 5).await);
            return Ok(());
        }
        yield_!(after(1, 6).await);
        Ok(())
    }

    #[async_gen(yield = i64)]
    #[allow(unreachable_code, unused_labels, clippy::needless_late_init)]
    pub async fn enum_path(log: Log) -> Result<(), Exit> {
        let t = Tracked::new(&log, 1, 2);
        {
            yield_!(t.get());
            return Err(Exit::Ret(after::<i64>(1, 3).await));
        }
        if let Some(x) = opt(after(1, 4).await) {
            let b;
            if x > 2 {
                b = x;
            } else {
                b = after(2, x + 1).await;
            }
            yield_!(b);
        }
        'l: {
            yield_!(after(0, 5).await);
            return Ok(());
        }
        yield_!(after(1, 6).await);
        Ok(())
    }

    // Dead code after a labeled block that always returns, in a `for_await!` body.
    #[async_gen(yield = i64, pinned)]
    #[allow(unreachable_code, unused_labels)]
    pub async fn reference_in_loop(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 2) {
            'l: {
                yield_!(x);
                return Ok(());
            }
            yield_!(after(1, x).await);
        });
        Ok(())
    }

    #[async_gen(yield = i64)]
    #[allow(unreachable_code, unused_labels)]
    pub async fn enum_path_in_loop(log: Log) -> Result<(), Exit> {
        for_await!(x in nums(log.clone(), 1, 2) {
            'l: {
                yield_!(x);
                return Ok(());
            }
            yield_!(after(1, x).await);
        });
        Ok(())
    }
}

#[test]
fn awaits_after_a_return_are_typed() {
    check(
        awaits_after_return::reference,
        awaits_after_return::enum_path,
        &[],
    );
    check(
        awaits_after_return::reference_in_loop,
        awaits_after_return::enum_path_in_loop,
        &[],
    );
}
