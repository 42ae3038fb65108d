//! Issue 10: shapes of ordinary Rust the lowering got wrong. One module per class.
// The shapes under test are what plain-Rust clippy lints flag (a loop that never loops, a
// redundant `continue`, a `vec!` that could be an array): each generator body gets the lints of a
// plain fn, so they are allowed here, where the shape is the point.
#![allow(clippy::never_loop, clippy::needless_continue, clippy::useless_vec)]

mod common;

mod tail_jumps {
    use coro_core::{Generator, GeneratorState, generator, yield_};

    #[generator(yield = i64)]
    fn tail_return() -> i64 {
        yield_!(1);
        return 5;
    }

    #[test]
    fn tail_return_completes() {
        let mut g = tail_return();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.start(), GeneratorState::Complete(5));
    }

    #[generator(yield = i64)]
    fn tail_break() -> i64 {
        let mut n = 0;
        loop {
            n += 1;
            yield_!(n);
            break;
        }
        n * 10
    }

    #[test]
    fn tail_break_leaves_loop() {
        let mut g = tail_break();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.start(), GeneratorState::Complete(10));
    }

    #[generator(yield = i64, resume = i64)]
    fn tail_break_value() -> i64 {
        let v = loop {
            break yield_!(1);
        };
        v * 2
    }

    #[test]
    fn tail_break_with_yielded_value() {
        let mut g = tail_break_value();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(21), GeneratorState::Complete(42));
    }

    #[generator(yield = String)]
    fn tail_break_owned_live() -> usize {
        let s = String::from("ab");
        let mut count = 0;
        loop {
            yield_!(s.clone());
            count += 1;
            if count == 2 {
                break;
            }
        }
        s.len() + count
    }

    #[test]
    fn tail_break_with_owned_local_live_across() {
        let mut g = tail_break_owned_live();
        assert_eq!(g.start(), GeneratorState::Yielded("ab".to_string()));
        assert_eq!(g.start(), GeneratorState::Yielded("ab".to_string()));
        assert_eq!(g.start(), GeneratorState::Complete(4));
    }

    #[generator(yield = i64)]
    fn tail_continue_and_labeled() -> i64 {
        let mut total = 0;
        'outer: for i in 0..4 {
            let mut j = 0;
            loop {
                j += 1;
                yield_!(i * 10 + j);
                total += 1;
                if j == 2 {
                    continue 'outer;
                }
                if i == 3 {
                    break 'outer;
                }
            }
        }
        total
    }

    #[test]
    fn tail_continue_and_labeled_break() {
        let mut g = tail_continue_and_labeled();
        let mut ys = Vec::new();
        let r = loop {
            match g.start() {
                GeneratorState::Yielded(y) => ys.push(y),
                GeneratorState::Complete(r) => break r,
            }
        };
        assert_eq!(ys, [1, 2, 11, 12, 21, 22, 31]);
        assert_eq!(r, 7);
    }

    #[generator(yield = i64, resume = i64)]
    fn tail_jumps_in_match_arms(n: i64) -> i64 {
        let mut acc = 0;
        loop {
            let got = yield_!(acc);
            match got {
                0 => break,
                1 => continue,
                2 => return acc * 100,
                v => {
                    acc += v;
                    if acc > n {
                        break;
                    }
                }
            }
        }
        acc
    }

    #[test]
    fn tail_jumps_as_match_arm_bodies() {
        use crate::common::drive;
        assert_eq!(
            drive(tail_jumps_in_match_arms(100), [5, 1, 0]),
            (vec![0, 5, 5], 5)
        );
        assert_eq!(
            drive(tail_jumps_in_match_arms(100), [5, 2]),
            (vec![0, 5], 500)
        );
        assert_eq!(drive(tail_jumps_in_match_arms(6), [5, 7]), (vec![0, 5], 12));
    }
}

/// Runs `f`, expecting a panic; returns its message and the `file:line` it was reported at.
fn panic_site(f: impl FnOnce()) -> (String, String) {
    use std::sync::{Arc, Mutex};
    static HOOK: Mutex<()> = Mutex::new(());
    let _one_at_a_time = HOOK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let site = Arc::new(Mutex::new(String::new()));
    let seen = Arc::clone(&site);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(l) = info.location() {
            *seen.lock().unwrap() = format!("{}:{}", l.file(), l.line());
        }
    }));
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).expect_err("no panic");
    std::panic::set_hook(previous);
    let msg = err
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| err.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let site = site.lock().unwrap().clone();
    (msg, site)
}

mod refused_calls {
    use super::panic_site;
    use coro_core::{Generator, GeneratorState, GeneratorStatus, generator, yield_};

    #[generator(yield = String, resume = i64)]
    fn echo(prefix: String) -> usize {
        let mut n = 0;
        loop {
            let v = yield_!(format!("{prefix}{n}"));
            if v < 0 {
                return n;
            }
            n += 1;
        }
    }

    #[test]
    fn send_before_start_leaves_the_generator_usable() {
        let mut g = echo("p".to_string());
        let (msg, site) = panic_site(|| {
            g.send(1);
        });
        assert!(msg.contains("call start() first"), "{msg}");
        assert!(
            site.starts_with(&format!("{}:", file!())),
            "reported at {site}"
        );
        assert_eq!(g.status(), GeneratorStatus::Created);
        // Nothing ran and nothing was dropped: the argument is still there.
        assert_eq!(g.start(), GeneratorState::Yielded("p0".to_string()));
        assert_eq!(g.send(0), GeneratorState::Yielded("p1".to_string()));
        assert_eq!(g.send(-1), GeneratorState::Complete(1));
    }

    #[test]
    fn start_while_suspended_leaves_the_generator_usable() {
        let mut g = echo("q".to_string());
        assert_eq!(g.start(), GeneratorState::Yielded("q0".to_string()));
        let (msg, site) = panic_site(|| {
            g.start();
        });
        assert!(msg.contains("expects a value"), "{msg}");
        assert!(
            site.starts_with(&format!("{}:", file!())),
            "reported at {site}"
        );
        assert!(matches!(g.status(), GeneratorStatus::Suspended(_)));
        assert_eq!(g.send(5), GeneratorState::Yielded("q1".to_string()));
    }

    #[generator(yield = u8)]
    fn two() {
        yield_!(1);
        yield_!(2);
    }

    #[test]
    fn unit_send_before_start_is_start() {
        let mut g = two();
        assert_eq!(g.send(()), GeneratorState::Yielded(1));
        assert_eq!(g.send(()), GeneratorState::Yielded(2));
        assert_eq!(g.start(), GeneratorState::Complete(()));
    }

    #[test]
    fn resumed_after_completion_is_reported_at_the_call() {
        let mut g = two();
        while let GeneratorState::Yielded(_) = g.start() {}
        let (msg, site) = panic_site(|| {
            g.start();
        });
        assert_eq!(msg, "generator resumed after completion");
        assert!(
            site.starts_with(&format!("{}:", file!())),
            "reported at {site}"
        );
        // As an Iterator it stays fused.
        assert_eq!(g.next(), None);
        let mut boxed: Box<dyn Generator<Yield = u8, Return = ()>> = Box::new(two());
        while let GeneratorState::Yielded(_) = boxed.start() {}
        let (_, site) = panic_site(|| {
            boxed.send(());
        });
        assert!(
            site.starts_with(&format!("{}:", file!())),
            "boxed: reported at {site}"
        );
    }

    #[generator(yield = u8)]
    fn panics_once() {
        yield_!(1);
        panic!("body panicked");
    }

    #[test]
    fn resumed_after_panicking_is_reported_at_the_call() {
        let mut g = panics_once();
        assert_eq!(g.next(), Some(1));
        let (msg, _) = panic_site(|| {
            g.next();
        });
        assert_eq!(msg, "body panicked");
        assert_eq!(g.status(), GeneratorStatus::Poisoned);
        let (msg, site) = panic_site(|| {
            g.next();
        });
        assert_eq!(msg, "generator resumed after panicking");
        assert!(
            site.starts_with(&format!("{}:", file!())),
            "reported at {site}"
        );
    }
}

mod cfg_in_bodies {
    use coro_core::{async_gen, for_await, generator, yield_};

    #[generator(yield = i64)]
    fn cfg_statements() {
        #[cfg(any())]
        yield_!(100);
        yield_!(1);
        #[cfg(not(any()))]
        yield_!(2);
        #[cfg(any())]
        let z: Missing = yield_!(3);
        #[cfg(not(any()))]
        {
            yield_!(4);
        }
        yield_!({
            #[cfg(any())]
            yield_!(200);
            5
        });
        #[cfg(any())]
        for i in 0..3 {
            yield_!(i);
        }
        #[cfg(any())]
        loop {
            yield_!(5);
        }
    }

    #[generator(yield = i64, resume = i64)]
    fn cfg_in_macro_arguments() -> Vec<i64> {
        vec![
            1,
            {
                #[cfg(any())]
                yield_!(100);
                2
            },
            yield_!(3),
        ]
    }

    #[test]
    fn disabled_statements_in_std_macro_arguments_are_gone() {
        assert_eq!(
            crate::common::drive(cfg_in_macro_arguments(), [30]),
            (vec![3], vec![1, 2, 30])
        );
    }

    #[test]
    fn disabled_statements_are_gone() {
        assert_eq!(cfg_statements().collect::<Vec<_>>(), [1, 2, 4, 5]);
    }

    #[generator(yield = i64)]
    fn cfg_arms_and_lets(n: i64) -> i64 {
        // A disabled `let` does not shadow: `x` stays the argument.
        let x = n;
        #[cfg(any())]
        let x = yield_!(x * 100);
        let r = match x {
            #[cfg(any())]
            1 => yield_!(-1),
            #[cfg(not(any()))]
            1 => {
                yield_!(10);
                1
            }
            _ => 0,
        };
        #[cfg(feature = "std")]
        yield_!(20);
        x + r
    }

    #[test]
    fn disabled_arms_and_lets_are_gone() {
        use coro_core::GeneratorExt;
        let mut it = cfg_arms_and_lets(1).into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [10, 20]);
        assert_eq!(it.into_return_value(), Some(2));
    }

    struct Counter(u32);

    impl Counter {
        // In impl-item position the attribute's deferred expansion is a macro call there.
        #[generator(yield = u32)]
        fn values(&self) {
            #[cfg(any())]
            yield_!(0);
            yield_!(self.0);
        }
    }

    #[test]
    fn disabled_statements_in_methods_are_gone() {
        assert_eq!(Counter(7).values().collect::<Vec<_>>(), [7]);
    }

    #[async_gen(yield = u32)]
    async fn cfg_stream() {
        #[cfg(any())]
        yield_!(100);
        yield_!(1);
        #[cfg(any())]
        for_await!(x in cfg_stream() {
            yield_!(x);
        });
        yield_!(2);
    }

    async fn drain() -> Vec<u32> {
        let mut out = Vec::new();
        for_await!(x in cfg_stream() {
            out.push(x);
        });
        out
    }

    #[test]
    fn disabled_statements_in_streams_are_gone() {
        assert_eq!(futures::executor::block_on(drain()), [1, 2]);
    }
}

/// One-line bodies, as a user writes them before rustfmt: no lint may fire on the fn's braces
/// (this file is built with `-D warnings` by CI's clippy run).
#[rustfmt::skip]
mod one_line_bodies {
    use coro_core::{async_gen, for_await, generator, yield_};

    #[async_gen(yield = u32)]
    async fn count(n: u32) { for i in 0..n { yield_!(i); } }

    #[generator(yield = u32)]
    fn count_sync(n: u32) { for i in 0..n { yield_!(i); } }

    #[generator(yield = u32)]
    fn tail_return(n: u32) -> u32 { yield_!(n); return n + 1 }

    async fn drain() -> Vec<u32> {
        let mut out = Vec::new();
        for_await!(x in count(3) { out.push(x); });
        out
    }

    #[test]
    fn one_line_bodies_work() {
        assert_eq!(futures::executor::block_on(drain()), [0, 1, 2]);
        assert_eq!(count_sync(3).collect::<Vec<_>>(), [0, 1, 2]);
        let mut g = coro_core::GeneratorExt::into_iter_with_return(tail_return(4));
        assert_eq!((&mut g).collect::<Vec<_>>(), [4]);
        assert_eq!(g.into_return_value(), Some(5));
    }
}

/// The same code in the layouts rustfmt accepts: each must lower alike.
mod layouts {
    use coro_core::{generator, yield_};

    #[generator(yield = i64)]
    fn arm_bodies(n: i64) -> i64 {
        let mut b = 0;
        for a in 0..n {
            match a % 3 {
                0 => {
                    b += 10;
                    yield_!(b);
                }
                1 => b -= 1,
                _ => {
                    b += 100;
                }
            }
        }
        b
    }

    #[generator(yield = i64)]
    fn arm_bodies_braced(n: i64) -> i64 {
        let mut b = 0;
        for a in 0..n {
            match a % 3 {
                0 => {
                    b += 10;
                    yield_!(b);
                }
                1 => {
                    b -= 1;
                }
                _ => b += 100,
            }
        }
        b
    }

    #[test]
    fn match_arms_with_and_without_braces() {
        use coro_core::{Generator, GeneratorExt};
        fn check(g: impl Generator<Yield = i64, Return = i64>) {
            let mut g = g.into_iter_with_return();
            assert_eq!((&mut g).collect::<Vec<_>>(), [10, 119, 228]);
            assert_eq!(g.into_return_value(), Some(228));
        }
        check(arm_bodies(7));
        check(arm_bodies_braced(7));
    }
}

/// Types plain Rust infers from code after a suspension.
mod inference {
    use coro_core::{generator, yield_};

    // The parentheses are the issue's own shape (plain Rust calls them unnecessary, and so does
    // the typing prologue).
    #[generator(yield = i64, resume = i64)]
    #[allow(unused_parens)]
    fn if_value_joins() -> usize {
        let c = yield_!(0) > 0;
        let v = if c {
            let x = yield_!(1);
            vec![x]
        } else {
            Vec::new()
        };
        let mut n = 0;
        while let Some(k) = (if n < 2 { Some(yield_!(2)) } else { None }) {
            n += k;
        }
        v.len() + usize::try_from(n).unwrap_or(0)
    }

    #[test]
    fn if_values_are_typed_where_the_branches_meet() {
        use crate::common::drive;
        assert_eq!(drive(if_value_joins(), [1, 5, 1, 1]), (vec![0, 1, 2, 2], 3));
        assert_eq!(drive(if_value_joins(), [0, 2]), (vec![0, 2], 2));
    }

    #[allow(
        unused_assignments,
        reason = "the lint is right: `q` and `w` are never read, the shape tested"
    )]
    #[generator(yield = i64, resume = i64)]
    fn typed_by_a_later_assignment() -> i64 {
        let mut q = None;
        let mut w = Vec::new();
        let mut n = 0;
        if yield_!(0) > 0 {
            q = Some(yield_!(1));
            w = vec![yield_!(2).to_string()];
            n += 1;
        }
        let unused = if yield_!(3) < 0 {
            Some(yield_!(4))
        } else {
            None
        };
        let _ = unused;
        n
    }

    #[generator(yield = i64, resume = i64)]
    fn typed_by_the_other_branch() -> i64 {
        let mut found = 0;
        for k in 0..3 {
            let mut o = None;
            if k > 1 {
                o = Some(yield_!(k));
            }
            found += i64::from(o.is_some());
        }
        found
    }

    #[test]
    fn a_join_copied_into_one_branch_is_typed_by_the_others() {
        use crate::common::drive;
        assert_eq!(drive(typed_by_the_other_branch(), [5]), (vec![2], 1));
    }

    #[test]
    fn dead_locals_are_typed_by_later_assignments() {
        use crate::common::drive;
        assert_eq!(
            drive(typed_by_a_later_assignment(), [1, 7, 8, 0]),
            (vec![0, 1, 2, 3], 1)
        );
        assert_eq!(
            drive(typed_by_a_later_assignment(), [0, -1, 9]),
            (vec![0, 3, 4], 0)
        );
    }
}

mod attributed_tails {
    use coro_core::{generator, yield_};

    #[generator(yield = i64)]
    fn attributed_tail_if(n: i64) -> i64 {
        let mut i = 0;
        'outer: loop {
            i += 1;
            yield_!(i);
            #[allow(unused_parens)]
            if (i >= n) {
                break 'outer;
            }
        }
        i
    }

    #[generator(yield = i64)]
    fn attributed_tail_in_labeled_block(n: i64) -> i64 {
        let mut i = 0;
        'block: {
            while i < 10 {
                i += 1;
                for j in 0..2 {
                    yield_!(i * 100 + j);
                }
                yield_!(i);
                #[allow(unused_parens)]
                if (i >= n) {
                    break 'block;
                }
            }
        }
        i * 10
    }

    #[test]
    fn an_attribute_on_a_tail_expression_stays_valid() {
        use coro_core::GeneratorExt;
        let mut it = attributed_tail_in_labeled_block(2).into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [100, 101, 1, 200, 201, 2]);
        assert_eq!(it.into_return_value(), Some(20));
        let mut it = attributed_tail_if(3).into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(it.into_return_value(), Some(3));
    }
}

/// A `mut` local whose first value dies at a suspension: every later arm declares it afresh, and
/// its type must still be one type (difftest seeds 31427466, 31434647, 31417399, 31427641).
mod first_value_dies {
    use coro_core::{Generator, GeneratorState, generator, yield_};

    #[generator(yield = i64, resume = i64)]
    fn overwritten_on_every_path(c: bool) -> i64 {
        let mut q = None;
        if c {
            q = Some(yield_!(1));
        }
        q = Some(yield_!(2));
        q.map_or(5, |z| z + 1)
    }

    #[test]
    fn none_then_some_on_every_path() {
        for c in [true, false] {
            let mut g = overwritten_on_every_path(c);
            assert_eq!(g.start(), GeneratorState::Yielded(if c { 1 } else { 2 }));
            if c {
                assert_eq!(g.send(10), GeneratorState::Yielded(2));
            }
            assert_eq!(g.send(41), GeneratorState::Complete(42));
        }
    }

    // The first value is read (by a closure that cannot say its type) before it dies.
    #[generator(yield = i64, resume = i64)]
    fn read_then_overwritten(a: i64) -> i64 {
        let mut o = None;
        if i64::from(o.is_some()) < a - o.map_or(2, |z| z + 1) {
            o = Some(yield_!(0));
        }
        yield_!(1);
        o.unwrap_or(-1)
    }

    #[test]
    fn read_first_then_assigned_after_a_yield() {
        let mut g = read_then_overwritten(10);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(7), GeneratorState::Yielded(1));
        assert_eq!(g.send(0), GeneratorState::Complete(7));
        let mut g = read_then_overwritten(-10);
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(0), GeneratorState::Complete(-1));
    }

    #[generator(yield = usize, resume = String)]
    fn vec_replaced() -> Vec<String> {
        let mut words = Vec::new();
        words = vec![yield_!(words.len())];
        words.push(yield_!(words.len()));
        words
    }

    #[test]
    fn an_empty_vec_replaced_after_a_yield() {
        let mut g = vec_replaced();
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send("a".into()), GeneratorState::Yielded(1));
        assert_eq!(
            g.send("b".into()),
            GeneratorState::Complete(vec!["a".to_string(), "b".to_string()])
        );
    }

    // In a loop, with the local assigned in a match arm and a `let`-`else` binding.
    #[generator(yield = i64, resume = i64)]
    fn in_a_loop(xs: Vec<i64>) -> i64 {
        let mut total = 0;
        for x in xs {
            let Some(mut last) = Some(None) else {
                return -1;
            };
            match x {
                0 => last = Some(yield_!(x)),
                _ => last = Some(x),
            }
            total += last.unwrap_or(0);
        }
        total
    }

    #[test]
    fn assigned_in_match_arms_of_a_loop() {
        let mut g = in_a_loop(vec![3, 0, 4]);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(100), GeneratorState::Complete(107));
    }
}

/// Assignments inside std macros' arguments are assignments, not reads (difftest seed
/// 31426743: `debug_assert!` reassigning a moved local made it look live at a yield).
mod assignments_in_macros {
    use coro_core::{Generator, GeneratorState, generator, yield_};

    fn consume(s: String) -> usize {
        let n = s.len();
        drop(s);
        n
    }

    #[generator(yield = usize, resume = String)]
    fn reassigned_in_debug_assert(v: Vec<String>) -> usize {
        let mut n = 0;
        for mut s in v {
            if consume(s) > 0 {
                let w = yield_!(n);
                debug_assert!({
                    s = String::from("again");
                    s.push('!');
                    true
                });
                yield_!(w.len() + n);
            }
            n += 1;
        }
        n
    }

    #[test]
    fn a_moved_local_reassigned_inside_debug_assert() {
        let mut g = reassigned_in_debug_assert(vec!["a".into(), "b".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send("xyz".into()), GeneratorState::Yielded(3));
        assert_eq!(g.send(String::new()), GeneratorState::Yielded(1));
        assert_eq!(g.send("x".into()), GeneratorState::Yielded(2));
        assert_eq!(g.send(String::new()), GeneratorState::Complete(2));
    }

    #[generator(yield = usize)]
    fn reassigned_in_format_args(v: Vec<String>) -> String {
        let mut last = String::new();
        let mut out = String::new();
        for s in v {
            let n = consume(last);
            yield_!(n);
            out = format!("{out}{}", {
                last = s;
                last.clone()
            });
        }
        out
    }

    #[test]
    fn a_moved_local_reassigned_inside_format() {
        let mut g = reassigned_in_format_args(vec!["ab".into(), "c".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.start(), GeneratorState::Yielded(2));
        assert_eq!(g.start(), GeneratorState::Complete("abc".to_string()));
    }
}

/// Code after an expression that always diverges is type-checked by rustc, and may be all that
/// gives a local its type (difftest bug AD, seeds 20280684, 20268677): the lowering emits it as
/// dead arms, never run, whose locals are tied to the live ones' types.
mod dead_code_types {
    use coro_core::{Generator, GeneratorState, generator, yield_};

    // Only the `3` after the `return` types the pushed value, and only the push types `v`.
    #[generator(yield = i64, resume = i64)]
    #[allow(unreachable_code, unused_unsafe, clippy::diverging_sub_expression)]
    fn push_after_return() -> Option<i64> {
        let mut v = Vec::new();
        v.push(
            (unsafe {
                {
                    yield_!(1);
                    return None;
                }
                3
            }) % 7,
        );
        Some(v.iter().sum::<i64>())
    }

    // Without the `;`, in a match arm, with an owned local live across the yield.
    #[generator(yield = usize, resume = i64)]
    #[allow(unreachable_code, clippy::diverging_sub_expression)]
    fn push_after_tail_return(n: i64) -> usize {
        let s = String::from("ab");
        match n {
            0 => {
                let mut v = Vec::new();
                v.push({
                    {
                        yield_!(s.len());
                        return s.len();
                    }
                    s.len()
                });
                v.len()
            }
            _ => s.len() + 1,
        }
    }

    // A branch's value typed by code after a `match` whose arms all return.
    #[generator(yield = i64, resume = i64)]
    #[allow(unreachable_code, unused_unsafe)]
    fn branch_after_diverging_match(c: bool) -> Option<usize> {
        let vs = if c {
            let x = unsafe {
                match yield_!(1) {
                    0 => return None,
                    _ => return Some(1),
                }
            };
            vec![x]
        } else {
            Vec::new()
        };
        Some(vs.len())
    }

    // Statements after a `return` in nested loops, the value pushed owned and live across a
    // yield.
    // `kept` is only pushed to after the `return`: plain Rust calls its `mut` unneeded.
    #[generator(yield = usize, resume = i64)]
    #[allow(unreachable_code, unused_mut)]
    fn statements_after_return(words: Vec<String>) -> usize {
        let mut kept = Vec::new();
        'outer: for w in words {
            loop {
                let s = w.clone();
                if yield_!(s.len()) > 0 {
                    continue 'outer;
                }
                return kept.len();
                kept.push(s);
            }
        }
        kept.len()
    }

    // An `if` without `else` as a loop body's tail, its branch cut by a `return`.
    #[generator(yield = usize, resume = i64)]
    #[allow(unreachable_code, unused_mut)]
    fn if_tail_cut_by_return(words: Vec<String>) -> usize {
        let mut kept = Vec::new();
        for w in words {
            let s = w.clone();
            if yield_!(s.len()) > 0 {
                return kept.len();
                let t = s.len();
                kept.push(t);
            }
        }
        kept.len()
    }

    #[test]
    fn dead_code_gives_the_types() {
        let mut g = if_tail_cut_by_return(vec!["abc".into(), "d".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(3));
        assert_eq!(g.send(0), GeneratorState::Yielded(1));
        assert_eq!(g.send(0), GeneratorState::Complete(0));
        let mut g = if_tail_cut_by_return(vec!["abc".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(3));
        assert_eq!(g.send(1), GeneratorState::Complete(0));

        let mut g = push_after_return();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(0), GeneratorState::Complete(None));

        let mut g = push_after_tail_return(0);
        assert_eq!(g.start(), GeneratorState::Yielded(2));
        assert_eq!(g.send(0), GeneratorState::Complete(2));
        let mut g = push_after_tail_return(1);
        assert_eq!(g.start(), GeneratorState::Complete(3));

        let mut g = branch_after_diverging_match(true);
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(0), GeneratorState::Complete(None));
        let mut g = branch_after_diverging_match(false);
        assert_eq!(g.start(), GeneratorState::Complete(Some(0)));

        let mut g = statements_after_return(vec!["a".into(), "bc".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(1), GeneratorState::Yielded(2));
        assert_eq!(g.send(0), GeneratorState::Complete(0));
    }
}

/// A let chain's right operand runs only when the left holds: what it assigns, the `else`
/// branch may not see (difftest bug AE, seed 20265897: E0381 on a `for mut s` binding).
mod let_chain_assignments {
    use coro_core::{Generator, GeneratorState, generator, yield_};

    fn opt(x: usize) -> Option<usize> {
        (x > 0).then_some(x)
    }

    #[generator(yield = usize, resume = usize)]
    fn reassigned_in_the_chain(words: Vec<String>) -> usize {
        let mut total = 0;
        for mut s in words {
            let mut n = 0;
            loop {
                n += 1;
                if n > 2 {
                    break;
                }
                if (yield_!(s.len()) > 5 || s.len() == 5)
                    && let Some(x) = opt({
                        s = String::from("xyz");
                        n
                    })
                {
                    total += x + yield_!(s.len());
                } else {
                    continue;
                }
                total += s.len();
            }
        }
        total
    }

    #[test]
    fn the_else_branch_keeps_the_old_value() {
        let mut g = reassigned_in_the_chain(vec!["abcde".into(), "ab".into()]);
        assert_eq!(g.start(), GeneratorState::Yielded(5));
        assert_eq!(g.send(0), GeneratorState::Yielded(3));
        assert_eq!(g.send(10), GeneratorState::Yielded(3));
        // `s` was not reassigned on this `else` path: still "ab" for the next word.
        assert_eq!(g.send(0), GeneratorState::Yielded(2));
        assert_eq!(g.send(10), GeneratorState::Yielded(3));
        assert_eq!(g.send(0), GeneratorState::Yielded(3));
        assert_eq!(g.send(0), GeneratorState::Complete(18));
    }
}

/// Bug AN (difftest seed 70602336): `vec!`'s elements are read by value, left to right, so a
/// local among them holds its value from before a later element's suspension assigned it.
mod vec_elements_read_in_order {
    use coro_core::{Generator, generator, yield_};

    /// The return value, with `sent` answering every yield.
    fn drive(g: impl Generator<i64, Yield = i64, Return = i64>, sent: i64) -> i64 {
        crate::common::drive(g, std::iter::repeat(sent)).1
    }

    #[generator(yield = i64, resume = i64)]
    fn nested_yield() -> i64 {
        let mut a = yield_!(0);
        let vs = vec![
            a,
            yield_!({
                a -= yield_!(a);
                4
            }),
        ];
        vs[0] * 100 + a
    }

    #[generator(yield = i64, resume = i64)]
    fn assigned_then_yield() -> i64 {
        let mut a = yield_!(0);
        let vs = vec![
            a,
            {
                a += 1;
                yield_!(a)
            },
            a,
        ];
        vs[0] * 10_000 + vs[2] * 100 + a
    }

    #[generator(yield = i64, resume = i64)]
    fn field_in_a_loop() -> i64 {
        let mut p = (1, 0);
        let mut total = 0;
        for _ in 0..3 {
            let vs = vec![
                p.0,
                yield_!({
                    p.0 *= 2;
                    p.0
                }),
            ];
            total = total * 10 + vs[0];
        }
        total
    }

    #[test]
    fn elements_keep_their_values() {
        // a = 7; vs[0] = 7; then a -= 7.
        assert_eq!(drive(nested_yield(), 7), 700);
        // a = 5; vs = [5, 5, 6]; a = 6.
        assert_eq!(drive(assigned_then_yield(), 5), 50_606);
        // p.0 = 1, 2, 4 before each doubling.
        assert_eq!(drive(field_in_a_loop(), 0), 124);
    }
}
