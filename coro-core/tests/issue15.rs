//! Issue 15: the block forms `gen_block!` and `async_gen_block!`, generators and streams as
//! expressions that capture their environment like a `move` closure.

mod pipeline {
    use coro_core::{gen_block, yield_};

    /// `xs.iter().filter(..).map(..)` as a block: the same values, in the same order.
    #[test]
    fn filter_map_as_a_block() {
        let xs = vec![3u32, 8, 1, 6, 7, 2];
        let threshold = 2;
        let chained: Vec<u32> = xs
            .iter()
            .filter(|&&x| x > threshold)
            .map(|x| x * 10)
            .collect();
        // The block borrows `xs` through a reference taken before it (a borrow of a local the
        // block moved in, `for x in &xs`, could not be held across a `yield_!`).
        let view = &xs;
        let block = gen_block!(yield = u32 => {
            for x in view {
                if *x > threshold {
                    yield_!(x * 10);
                }
            }
        });
        assert_eq!(block.collect::<Vec<_>>(), chained);
        // By value, the block owns the values.
        let owned = gen_block!(yield = u32 => {
            for x in xs {
                if x > threshold {
                    yield_!(x * 10);
                }
            }
        });
        assert_eq!(owned.collect::<Vec<_>>(), chained);
    }

    /// Python's `(x * x for x in range(n) if x % 3)`, passed to a fn taking any iterator.
    #[test]
    fn passed_to_a_fn_and_boxed() {
        fn total(it: impl Iterator<Item = u64>) -> u64 {
            it.sum()
        }
        let n = 10u64;
        assert_eq!(
            total(
                gen_block!(yield = u64 => { for x in 0..n { if x % 3 != 0 { yield_!(x * x) } } })
            ),
            [1u64, 4, 16, 25, 49, 64].iter().sum::<u64>()
        );
        let boxed: Box<dyn Iterator<Item = u64>> =
            Box::new(gen_block!(yield = u64 => { yield_!(n); yield_!(n + 1); }));
        assert_eq!(boxed.collect::<Vec<_>>(), [10, 11]);
    }

    /// `, { body }` in place of `=> { body }`: the shape rustfmt formats.
    #[test]
    fn comma_before_the_body() {
        let n = 3;
        let g = gen_block!(yield = u32, {
            for i in 0..n {
                yield_!(i);
            }
        });
        assert_eq!(g.sum::<u32>(), 3);
    }

    /// A never-ending block is an `Iterator` too; its return type needs no annotation.
    #[test]
    fn endless_counter() {
        let start = 5u32;
        let counter = gen_block!(yield = u32 => {
            let mut i = start;
            loop {
                yield_!(i);
                i += 1;
            }
        });
        assert_eq!(counter.take(3).collect::<Vec<_>>(), [5, 6, 7]);
    }
}

mod captures {
    use coro_core::{Generator, GeneratorState, gen_block, yield_};

    /// A moved `Vec` and a borrowed `&str`: the block owns the one and borrows through the
    /// other, so it may outlive the fn that built it but not the text.
    fn labelled(values: Vec<u32>, label: &str) -> impl Iterator<Item = String> + '_ {
        gen_block!(yield = String => {
            for v in values {
                yield_!(format!("{label}: {v}"));
            }
        })
    }

    #[test]
    fn moved_vec_and_borrowed_str() {
        let text = String::from("n");
        let out: Vec<String> = labelled(vec![1, 2], &text).collect();
        assert_eq!(out, ["n: 1", "n: 2"]);
    }

    struct Inventory {
        items: Vec<(String, u32)>,
        min: u32,
    }

    impl Inventory {
        /// A block returned from a method: it captures `self` (a `&Inventory`), so it borrows
        /// the inventory for the returned iterator's lifetime.
        fn in_stock(&self) -> impl Iterator<Item = &str> + '_ {
            gen_block!(yield = &str => {
                for (name, count) in &self.items {
                    if *count >= self.min {
                        yield_!(name.as_str());
                    }
                }
            })
        }
    }

    #[test]
    fn method_borrowing_self() {
        let inv = Inventory {
            items: vec![("apple".into(), 3), ("pear".into(), 0), ("fig".into(), 1)],
            min: 1,
        };
        let names: Vec<&str> = inv.in_stock().collect();
        assert_eq!(names, ["apple", "fig"]);
    }

    const OFFSET: u32 = 100;
    fn helper(x: u32) -> u32 {
        x + 1
    }

    /// Constants, fns and variants are named, not captured; a `&mut` taken before the block is
    /// captured as that reference, so the caller sees the block's writes.
    #[test]
    fn items_are_not_captured_references_are() {
        let mut log = Vec::new();
        {
            let log = &mut log;
            let g = gen_block!(yield = u32 => {
                for i in 0..2 {
                    log.push(i);
                    yield_!(helper(i) + OFFSET);
                }
                Some(log.len())
            });
            assert_eq!(g.collect::<Vec<_>>(), [101, 102]);
        }
        assert_eq!(log, [0, 1]);
    }

    /// `move(..)` replaces the heuristic: here it lists a closure the block calls (call
    /// heads are not captured by default, they are usually fns).
    #[test]
    fn explicit_capture_list() {
        let keep = |x: &u32| x.is_multiple_of(2);
        let xs = vec![1u32, 2, 3, 4];
        let evens = gen_block!(yield = u32, move(keep, xs) => {
            for x in xs {
                if keep(&x) {
                    yield_!(x);
                }
            }
        });
        // Both were moved into the block; returning it from here would be fine.
        assert_eq!(evens.collect::<Vec<_>>(), [2, 4]);
    }

    /// The return value is the block's tail value (or a `return`), of whatever type it has.
    #[test]
    fn tail_value_and_return() {
        let limit = 3;
        let mut g = gen_block!(yield = u32 => {
            let mut n = 0;
            while n < 10 {
                if n == limit {
                    return format!("stopped at {n}");
                }
                yield_!(n);
                n += 1;
            }
            String::from("ran out")
        });
        for expected in 0..3 {
            assert_eq!(g.start(), GeneratorState::Yielded(expected));
        }
        assert_eq!(
            g.start(),
            GeneratorState::Complete("stopped at 3".to_string())
        );
    }
}

mod protocol {
    use coro_core::{Generator, GeneratorState, GeneratorStatus, gen_block, yield_, yield_from};

    /// Python's `def averager(): total = n = 0; while True: x = yield avg; ...`, inline.
    #[test]
    fn send_return_close_status_debug() {
        let stop_at = 3;
        let mut avg = gen_block!(yield = f64, resume = f64 => {
            let (mut total, mut n) = (0.0, 0);
            loop {
                let x = yield_!(if n == 0 { 0.0 } else { total / f64::from(n) });
                total += x;
                n += 1;
                if n == stop_at {
                    return (total, n);
                }
            }
        });
        assert_eq!(avg.status(), GeneratorStatus::Created);
        assert_eq!(format!("{avg:?}"), "gen_block (created)");
        assert_eq!(avg.start(), GeneratorState::Yielded(0.0));
        assert!(
            matches!(avg.status(), GeneratorStatus::Suspended(p) if p.source == "yield_!(if n == 0 { 0.0 } else { total / f64::from(n) })")
        );
        assert_eq!(avg.send(10.0), GeneratorState::Yielded(10.0));
        assert_eq!(avg.send(20.0), GeneratorState::Yielded(15.0));
        assert_eq!(avg.send(30.0), GeneratorState::Complete((60.0, 3)));
        assert_eq!(avg.status(), GeneratorStatus::Completed);

        let mut closed = gen_block!(yield = u8 => { yield_!(1); yield_!(2); });
        assert_eq!(closed.next(), Some(1));
        closed.close();
        assert_eq!(closed.status(), GeneratorStatus::Completed);
        assert_eq!(closed.next(), None);
    }

    /// `yield_from!` inside a block forwards the inner generator and evaluates to its return.
    #[test]
    fn yield_from_and_clone() {
        let inner = gen_block!(yield = u32, clone => { yield_!(1); yield_!(2); "inner done" });
        let mut outer = gen_block!(yield = u32, clone => {
            let said = yield_from!(inner);
            yield_!(u32::try_from(said.len()).unwrap());
        });
        assert_eq!(outer.next(), Some(1));
        let fork = outer.clone();
        assert_eq!(outer.collect::<Vec<_>>(), [2, 10]);
        assert_eq!(fork.collect::<Vec<_>>(), [2, 10]);
    }

    /// `crate = path` names coro-core when it is re-exported under another path.
    #[test]
    fn crate_option() {
        mod reexport {
            pub use coro_core as core_again;
        }
        let g = gen_block!(yield = u8, crate = reexport::core_again => { yield_!(7); });
        assert_eq!(g.collect::<Vec<_>>(), [7]);
    }

    #[test]
    #[should_panic(expected = "generator resumed after completion")]
    fn resumed_after_completion() {
        let mut g = gen_block!(yield = u8, resume = u8 => { let _ = yield_!(0); });
        g.start();
        g.send(1);
        g.send(2);
    }
}

mod nested {
    use coro_core::{Generator, GeneratorState, gen_block, generator, yield_, yield_from};

    /// Blocks inside a generator's body: their `yield_!`s are their own.
    #[generator(yield = u32)]
    fn evens_then_odds(n: u32) -> usize {
        let evens = gen_block!(yield = u32 => {
            for i in 0..n {
                if i % 2 == 0 {
                    yield_!(i);
                }
            }
        });
        let mut seen = 0;
        for e in evens {
            yield_!(e * 10);
            seen += 1;
        }
        yield_from!(gen_block!(yield = u32 => {
            for i in (0..n).filter(|i| i % 2 == 1) {
                yield_!(i);
            }
        }));
        seen
    }

    #[test]
    fn block_inside_a_generator() {
        let mut g = evens_then_odds(5);
        let mut out = Vec::new();
        let ret = loop {
            match g.start() {
                GeneratorState::Yielded(v) => out.push(v),
                GeneratorState::Complete(r) => break r,
            }
        };
        assert_eq!(out, [0, 20, 40, 1, 3]);
        assert_eq!(ret, 3);
    }

    /// A block inside the operand of a `yield_!`, in a loop of the enclosing generator.
    #[generator(yield = u32)]
    fn sums(rounds: u32) {
        for r in 1..=rounds {
            yield_!(gen_block!(yield = u32 => { for i in 0..=r { yield_!(i) } }).sum::<u32>());
        }
    }

    #[test]
    fn block_in_a_yield_operand() {
        assert_eq!(sums(3).collect::<Vec<_>>(), [1, 3, 6]);
    }

    /// A block in a block, the inner one built from the outer's locals on each round.
    #[test]
    fn block_inside_a_block() {
        let rows = 3u32;
        let grid = gen_block!(yield = (u32, u32) => {
            for r in 0..rows {
                let cols = gen_block!(yield = u32 => { for c in 0..=r { yield_!(c) } });
                for c in cols {
                    yield_!((r, c));
                }
            }
        });
        assert_eq!(grid.count(), 6);
    }
}

#[path = "issue15/streams.rs"]
mod streams;

#[path = "issue15/async_stream_readme.rs"]
mod async_stream_readme;

mod inside_attributes {
    use coro_core::{
        Generator, GeneratorState, async_gen, async_gen_block, gen_block, generator, yield_,
    };
    use futures::stream::StreamExt;

    struct Tree {
        labels: Vec<&'static str>,
    }

    impl Tree {
        /// A block in a `#[generator]` method, capturing the method's `self`, inside a closure
        /// of the body: its `yield_!` belongs to the block, not to the method.
        #[generator(yield = String)]
        fn describe(&self) {
            let make = |prefix: &'static str| {
                gen_block!(yield = String, move(prefix, self) => {
                    for l in &self.labels {
                        yield_!(format!("{prefix}{l}"));
                    }
                })
            };
            for s in make("- ") {
                yield_!(s);
            }
        }
    }

    #[test]
    fn block_in_a_closure_in_a_method() {
        let t = Tree {
            labels: vec!["a", "b"],
        };
        assert_eq!(t.describe().collect::<Vec<_>>(), ["- a", "- b"]);
    }

    #[async_gen(yield = u32)]
    async fn outer(n: u32) {
        let inner = async_gen_block!(yield = u32 => {
            for i in 0..n {
                yield_!(i * 100);
            }
        });
        for_await_sum(inner).await;
        yield_!(n);
    }

    async fn for_await_sum(s: impl futures::Stream<Item = u32>) -> u32 {
        s.fold(0, |a, b| async move { a + b }).await
    }

    #[tokio::test]
    async fn stream_block_in_an_async_gen() {
        assert_eq!(outer(3).collect::<Vec<_>>().await, [3]);
    }

    /// `?` in a `gen_block!` completes it with the error, given its return type.
    #[test]
    fn question_mark_with_a_return_type() {
        let inputs = vec!["1", "2", "z"];
        let mut g = gen_block!(yield = u32, return = Result<usize, std::num::ParseIntError> => {
            let n = inputs.len();
            for s in inputs {
                yield_!(s.parse::<u32>()?);
            }
            Ok(n)
        });
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.start(), GeneratorState::Yielded(2));
        assert!(matches!(g.start(), GeneratorState::Complete(Err(_))));
    }

    /// Names only a format string or another macro's tokens mention are captured too.
    #[test]
    fn captures_in_macro_tokens() {
        let name = String::from("x");
        let limit = 2usize;
        let g = gen_block!(yield = String => {
            let mut v = Vec::new();
            while v.len() < limit {
                v.push(1);
                yield_!(format!("{name}{}", v.len()));
            }
            debug_assert!(v.len() == limit, "{name}");
        });
        assert_eq!(g.collect::<Vec<_>>(), ["x1", "x2"]);
    }
}

/// `#[cfg]` inside a block form is resolved before lowering, as in the attributes: a disabled
/// `yield_!` does not suspend.
mod cfg {
    use coro_core::{async_gen_block, gen_block, yield_};
    use futures::stream::StreamExt;

    #[test]
    fn disabled_statements_do_not_yield() {
        let n = 1u8;
        let g = gen_block!(yield = u8 => {
            #[cfg(any())]
            yield_!(0);
            yield_!(n);
            #[cfg(all())]
            yield_!(n + 1);
            #[cfg(not(all()))]
            let n = 100;
            yield_!(n + 2);
        });
        assert_eq!(g.collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[tokio::test]
    async fn in_a_stream_block() {
        let s = async_gen_block!(yield = u8 => {
            #[cfg(any())]
            yield_!(0);
            yield_!(1);
        });
        assert_eq!(s.collect::<Vec<_>>().await, [1]);
    }
}
