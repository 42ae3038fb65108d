//! Issue 12: generators that borrow their own locals across a `yield_!` (`pinned` mode). Each
//! shape is one that the enum mode rejects, from itertools' recipes, `CPython`'s tests and a new
//! user's first programs.

use std::cell::RefCell;
use std::collections::HashSet;
use std::pin::pin;
use std::rc::Rc;

use coro_core::{Generator, GeneratorState, GeneratorStatus, generator, yield_, yield_from};

mod shapes {
    use super::*;

    // itertools' dropwhile: the second loop continues the iterator the first one borrowed.
    #[generator(yield = u32, pinned)]
    fn dropwhile(items: Vec<u32>, limit: u32) {
        let mut it = items.into_iter();
        for x in &mut it {
            if x >= limit {
                yield_!(x);
                break;
            }
        }
        for x in it {
            yield_!(x);
        }
    }

    #[test]
    fn for_over_a_mut_borrowed_local_iterator() {
        let g = pin!(dropwhile(vec![1, 5, 2, 7], 4));
        assert_eq!(g.collect::<Vec<_>>(), [5, 2, 7]);
    }

    // itertools' unique_everseen: a closure over a local set, held across yields.
    #[generator(yield = char, pinned)]
    fn unique_everseen(text: &'static str) {
        let mut seen = HashSet::new();
        let mut fresh = |c: char| seen.insert(c);
        for c in text.chars() {
            if fresh(c) {
                yield_!(c);
            }
        }
    }

    #[test]
    fn a_closure_borrowing_a_local_set() {
        let g = pin!(unique_everseen("abracadabra"));
        assert_eq!(g.collect::<String>(), "abrcd");
    }

    // A CSV line split while its cells are yielded.
    #[generator(yield = String, pinned)]
    fn cells(line: String) -> usize {
        let mut n = 0;
        for cell in line.split(',') {
            yield_!(cell.to_owned());
            n += 1;
        }
        n
    }

    #[test]
    fn split_over_a_local_string_with_a_return_value() {
        let mut g = pin!(cells("a,b".to_string()));
        assert_eq!(g.start(), GeneratorState::Yielded("a".to_string()));
        assert_eq!(g.start(), GeneratorState::Yielded("b".to_string()));
        assert_eq!(g.start(), GeneratorState::Complete(2));
    }

    enum Cmd {
        Say(String),
        Count(u32),
    }

    // A match on a borrow of a local, with the binding used after a yield.
    #[generator(yield = u32, pinned)]
    fn run(cmds: Vec<Cmd>, log: Rc<RefCell<Vec<String>>>) {
        for cmd in cmds {
            match &cmd {
                Cmd::Say(s) => {
                    yield_!(1);
                    log.borrow_mut().push(s.clone());
                }
                Cmd::Count(n) => {
                    for i in 0..*n {
                        yield_!(i);
                    }
                }
            }
        }
    }

    #[test]
    fn a_match_on_a_borrowed_local() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let g = pin!(run(vec![Cmd::Say("hi".into()), Cmd::Count(2)], log.clone()));
        assert_eq!(g.collect::<Vec<_>>(), [1, 0, 1]);
        assert_eq!(*log.borrow(), ["hi"]);
    }

    // `let x = &mut 0;` and a RefCell borrowed through `borrow_mut().as_mut().unwrap()`.
    #[generator(yield = i64, resume = i64, pinned)]
    fn accumulate() -> i64 {
        let total = &mut 0;
        let last = RefCell::new(Some(0));
        loop {
            let v = yield_!(*total);
            if v == 0 {
                break;
            }
            *total += v;
            let mut slot = last.borrow_mut();
            let held = slot.as_mut().unwrap();
            yield_!(*held);
            *held = v;
        }
        *total + last.into_inner().unwrap_or(0)
    }

    #[test]
    fn references_to_locals_and_refcell_borrows() {
        let mut g = Box::pin(accumulate());
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(5), GeneratorState::Yielded(0)); // the previous `last`
        assert_eq!(g.send(-1), GeneratorState::Yielded(5)); // ignored, back at the loop head
        assert_eq!(g.send(2), GeneratorState::Yielded(5));
        assert_eq!(g.send(-1), GeneratorState::Yielded(7));
        assert_eq!(g.send(0), GeneratorState::Complete(9));
    }
}

mod protocol {
    use super::*;

    #[generator(yield = u32, pinned)]
    fn counted(items: Vec<u32>) -> usize {
        for x in &items {
            yield_!(*x);
        }
        items.len()
    }

    #[generator(yield = u32)]
    fn plain(n: u32) -> u32 {
        for i in 0..n {
            yield_!(i);
        }
        n
    }

    // `yield_from!` both ways: a pinned generator in an enum-mode one (boxed by the ladder),
    // and an enum-mode generator, an iterable and a pinned one inside a pinned one.
    #[generator(yield = u32)]
    fn enum_over_pinned() -> usize {
        yield_from!(counted(vec![7, 8]))
    }

    #[generator(yield = u32, pinned)]
    fn pinned_over_all() -> (u32, usize) {
        let a = yield_from!(plain(2));
        yield_from!(vec![10, 11]);
        let b = yield_from!(counted(vec![20]));
        (a, b)
    }

    #[test]
    fn yield_from_in_both_directions() {
        let mut g = enum_over_pinned();
        assert_eq!(g.start(), GeneratorState::Yielded(7));
        assert_eq!(g.start(), GeneratorState::Yielded(8));
        assert_eq!(g.start(), GeneratorState::Complete(2));
        let mut g = pin!(pinned_over_all());
        let mut items = Vec::new();
        let ret = loop {
            match g.start() {
                GeneratorState::Yielded(y) => items.push(y),
                GeneratorState::Complete(r) => break r,
            }
        };
        assert_eq!(items, [0, 1, 10, 11, 20]);
        assert_eq!(ret, (2, 1));
    }

    #[generator(yield = String, resume = u32, pinned)]
    fn echo(prefix: String) {
        let p = &prefix;
        loop {
            let n = yield_!(format!("{p}?"));
            yield_!(format!("{p}{n}"));
        }
    }

    #[test]
    fn send_refusals_status_and_debug() {
        let mut g = pin!(echo("#".into()));
        assert_eq!(g.status(), GeneratorStatus::Created);
        assert_eq!(format!("{:?}", g.as_ref().get_ref()), "echo (created)");
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.send(1)));
        assert!(refused.is_err(), "send before start is refused");
        assert_eq!(
            g.status(),
            GeneratorStatus::Created,
            "and leaves it untouched"
        );
        assert_eq!(g.start(), GeneratorState::Yielded("#?".into()));
        match g.status() {
            GeneratorStatus::Suspended(p) => assert_eq!(p.source, "yield_!(format!(\"{p}?\"))"),
            other => panic!("{other:?}"),
        }
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.start()));
        assert!(
            refused.is_err(),
            "start while a value is expected is refused"
        );
        assert_eq!(g.send(4), GeneratorState::Yielded("#4".into()));
        g.close();
        assert_eq!(g.status(), GeneratorStatus::Completed);
        let late = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.send(1)));
        assert!(late.is_err(), "resumed after close");
    }

    struct Noisy(&'static str, Rc<RefCell<Vec<&'static str>>>);
    impl Drop for Noisy {
        fn drop(&mut self) {
            self.1.borrow_mut().push(self.0);
        }
    }

    #[generator(yield = u32, pinned)]
    fn holds(log: Rc<RefCell<Vec<&'static str>>>) {
        let outer = Noisy("outer", log.clone());
        let r = &outer;
        {
            let _inner = Noisy("inner", log.clone());
            yield_!(1);
        }
        yield_!(u32::try_from(r.0.len()).unwrap());
    }

    #[test]
    fn exact_drop_accounting() {
        let log = Rc::new(RefCell::new(Vec::new()));
        {
            let mut g = pin!(holds(log.clone()));
            assert_eq!(g.start(), GeneratorState::Yielded(1));
            assert!(log.borrow().is_empty());
        } // dropped while suspended: both locals drop, innermost first
        assert_eq!(*log.borrow(), ["inner", "outer"]);
        log.borrow_mut().clear();
        let mut g = Box::pin(holds(log.clone()));
        g.start();
        assert_eq!(g.start(), GeneratorState::Yielded(5));
        assert_eq!(*log.borrow(), ["inner"]);
        g.close();
        assert_eq!(*log.borrow(), ["inner", "outer"]);
        drop(g);
        assert_eq!(log.borrow().len(), 2, "each local dropped exactly once");
    }

    #[generator(yield = u32, pinned)]
    fn panics(after: u32) {
        let v = vec![1, 2, 3];
        for x in &v {
            assert!(*x < after, "boom");
            yield_!(*x);
        }
    }

    #[test]
    fn a_panic_poisons_it() {
        let mut g = Box::pin(panics(2));
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.start())).is_err());
        assert_eq!(g.status(), GeneratorStatus::Poisoned);
        let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.start()));
        let message = again.expect_err("poisoned").downcast_ref::<&str>().copied();
        assert_eq!(message, Some("generator resumed after panicking"));
    }

    fn assert_send<T: Send>(_: &T) {}
    fn unpin<T: Unpin>(_: &T) {}

    #[test]
    fn send_when_its_state_is_and_boxed_is_unpin() {
        let g = Box::pin(counted(vec![1, 2]));
        assert_send(&g);
        let got = std::thread::spawn(move || g.collect::<Vec<_>>())
            .join()
            .unwrap();
        assert_eq!(got, [1, 2]);
        unpin(&Box::pin(counted(vec![])));
    }

    // `?` and `return` inside the body complete it, as in any generator.
    #[generator(yield = i64, pinned)]
    fn parse(text: &'static str) -> Result<usize, std::num::ParseIntError> {
        let words: Vec<&str> = text.split(' ').collect();
        for w in &words {
            yield_!(w.parse()?);
        }
        Ok(words.len())
    }

    #[test]
    fn question_mark_and_try_iter() {
        use coro_core::GeneratorExt;
        let mut g = pin!(parse("1 x"));
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert!(matches!(g.start(), GeneratorState::Complete(Err(_))));
        let items: Vec<_> = Box::pin(parse("4 5")).try_iter().collect();
        assert_eq!(items, [Ok(4), Ok(5)]);
    }
}

/// `resume = &[u8]`: each `send` lends a borrow for that resumption only (a higher-ranked
/// `for<'r> Generator<&'r [u8]>`), the natural shape of a protocol parser.
mod lent_resume {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Frame {
        Need,
        Got(Vec<u8>),
    }

    // Frames end at a 0 byte; a frame may span several buffers.
    #[generator(yield = Frame, resume = &[u8])]
    fn frames() {
        let mut pending = Vec::new();
        loop {
            let buf = yield_!(Frame::Need);
            let mut done = Vec::new();
            for &b in buf {
                if b == 0 {
                    done.push(std::mem::take(&mut pending));
                } else {
                    pending.push(b);
                }
            }
            for frame in done {
                yield_!(Frame::Got(frame));
            }
        }
    }

    #[test]
    fn a_fresh_buffer_each_send() {
        let mut g = frames();
        assert_eq!(g.start(), GeneratorState::Yielded(Frame::Need));
        let mut got = Vec::new();
        for chunk in [vec![1u8, 2, 0, 3], vec![4, 0, 5, 0]] {
            let mut state = g.send(&chunk); // `chunk` is only lent to this resumption
            while let GeneratorState::Yielded(Frame::Got(f)) = state {
                got.push(f);
                state = g.send(&[]);
            }
            drop(chunk);
        }
        assert_eq!(got, [vec![1, 2], vec![3, 4], vec![5]]);
    }

    // Beazley's frame parser, fed from one buffer the caller reuses for every read.
    #[test]
    fn a_reused_buffer() {
        let input: &[u8] = &[7, 7, 0, 1, 0, 9, 9, 9, 0];
        let mut buffer = [0u8; 2];
        let mut g = frames();
        g.start();
        let mut got = Vec::new();
        for chunk in input.chunks(2) {
            buffer[..chunk.len()].copy_from_slice(chunk);
            let mut state = g.send(&buffer[..chunk.len()]);
            while let GeneratorState::Yielded(Frame::Got(f)) = state {
                got.push(f);
                state = g.send(&[]);
            }
            buffer = [0xff; 2]; // overwritten: the generator kept no borrow of it
        }
        assert_eq!(got, [vec![7, 7], vec![1], vec![9, 9, 9]]);
    }

    #[generator(yield = usize, resume = &str)]
    fn word_lengths() -> usize {
        let mut total = 0;
        loop {
            let line = yield_!(total);
            if line.is_empty() {
                return total;
            }
            total += line.split(' ').count();
        }
    }

    #[test]
    fn borrowed_str_lines() {
        let mut g = word_lengths();
        g.start();
        let line = String::from("a b c");
        assert_eq!(g.send(&line), GeneratorState::Yielded(3));
        assert_eq!(g.send(&String::from("d")), GeneratorState::Yielded(4));
        assert_eq!(g.send(""), GeneratorState::Complete(4));
    }

    // `&mut T`: the caller's buffer, written by the generator at each step.
    #[generator(yield = (), resume = &mut Vec<u32>)]
    fn fill() {
        let mut next = 0;
        loop {
            let out = yield_!();
            out.push(next);
            next += 1;
        }
    }

    #[test]
    fn a_mutable_borrow_each_send() {
        let mut g = fill();
        g.start();
        let mut a = Vec::new();
        g.send(&mut a);
        g.send(&mut a);
        let mut b = Vec::new();
        g.send(&mut b);
        assert_eq!((a, b), (vec![0, 1], vec![2]));
    }

    // A lent value may cross the joins of one resumption: here the `if` whose branch suspends
    // and leaves (`continue;`), so the code after it is a join the dispatch loop reaches.
    #[generator(yield = usize, resume = &str)]
    fn lengths_skipping() -> usize {
        let mut total = 0;
        loop {
            let line = yield_!(total);
            if line == "skip" {
                yield_!(0);
                continue;
            }
            if line.is_empty() {
                return total;
            }
            total += line.len();
        }
    }

    #[test]
    fn across_a_join_after_a_branch_that_suspends() {
        let mut g = lengths_skipping();
        g.start();
        let a = String::from("abc");
        assert_eq!(g.send(&a), GeneratorState::Yielded(3));
        drop(a);
        assert_eq!(g.send("skip"), GeneratorState::Yielded(0));
        // Resumes the `yield_!(0)` (its value unused), then the loop's `yield_!(total)`.
        assert_eq!(g.send("ignored"), GeneratorState::Yielded(3));
        assert_eq!(g.send("de"), GeneratorState::Yielded(5));
        assert_eq!(g.send(""), GeneratorState::Complete(5));
    }

    // The same with a tail `continue` (no `;`), in a `match`, and with an iterator that
    // borrows the lent value crossing the join too.
    #[generator(yield = u32, resume = &str)]
    fn words() -> u32 {
        let mut count = 0;
        loop {
            let line = yield_!(count);
            let mut it = line.split(' ');
            match it.next() {
                Some("#") => {
                    yield_!(u32::MAX);
                    continue;
                }
                Some("end") => break,
                _ => {}
            }
            for w in it {
                count += u32::try_from(w.len()).unwrap();
            }
            count += u32::try_from(line.len()).unwrap();
        }
        count
    }

    #[test]
    fn an_iterator_over_it_across_a_match_join() {
        let mut g = words();
        g.start();
        let buf = String::from("a bb ccc"); // the first word is skipped by `it`
        assert_eq!(g.send(&buf), GeneratorState::Yielded(5 + 8));
        assert_eq!(g.send("# x"), GeneratorState::Yielded(u32::MAX));
        assert_eq!(g.send("ignored"), GeneratorState::Yielded(13));
        assert_eq!(g.send("x y"), GeneratorState::Yielded(13 + 1 + 3));
        assert_eq!(g.send("end"), GeneratorState::Complete(17));
    }

    // A mutable lent value across a join inside a loop whose other branch suspends.
    #[generator(yield = (), resume = &mut Vec<u32>)]
    fn fill_some() {
        let mut next = 0;
        loop {
            let out = yield_!();
            if next % 3 == 2 {
                next += 1;
                yield_!();
                continue;
            }
            out.push(next);
            next += 1;
        }
    }

    #[test]
    fn a_mutable_borrow_across_a_join() {
        let mut g = fill_some();
        g.start();
        let mut a = Vec::new();
        for _ in 0..4 {
            g.send(&mut a);
        }
        let mut b = Vec::new();
        g.send(&mut b);
        g.send(&mut b);
        assert_eq!((a, b), (vec![0, 1], vec![3, 4]));
    }

    // Shadowed (`let line = line.trim()`), split, and bound by `while let`: all lent, all used
    // across the joins of labeled `break`/`continue`, none kept across a `yield_!`.
    #[generator(yield = usize, resume = &str)]
    fn fields_total() -> usize {
        let mut total = 0;
        'outer: loop {
            let line = yield_!(total);
            let line = line.trim();
            let mut parts = line.split(',');
            while let Some(p) = parts.next() {
                if p == "stop" {
                    break 'outer;
                }
                if p == "wait" {
                    yield_!(0);
                    continue 'outer;
                }
                total += p.len();
            }
            total += line.len()
        }
        total
    }

    // What the error's help suggests works: values computed from a lent one that own their
    // data (`*v`, `.abs()`, `.to_string().len()`, `.to_owned()`, arithmetic) may cross yields.
    #[generator(yield = i64, resume = &i64)]
    fn owned_copies() {
        let mut total = 0;
        loop {
            let v = *yield_!(total);
            let n = yield_!(-1).abs();
            let len = yield_!(-2).to_string().len();
            let twice = yield_!(-3) * 2;
            yield_!(0);
            total += v + n + i64::try_from(len).unwrap() + twice;
        }
    }

    #[generator(yield = usize, resume = &str)]
    fn kept_lines() -> Vec<String> {
        let mut kept = Vec::new();
        loop {
            let line = yield_!(kept.len()).to_owned();
            if line.is_empty() {
                return kept;
            }
            yield_!(0);
            kept.push(line);
        }
    }

    // Where coro cannot tell (a method not known to own its result), the `let`'s type says so.
    #[generator(yield = usize, resume = &str)]
    fn commas() {
        loop {
            let line = yield_!(0);
            let at: Option<usize> = line.find(',');
            yield_!(1);
            yield_!(at.unwrap_or(usize::MAX));
        }
    }

    #[test]
    fn an_annotated_owned_value_crosses_yields() {
        let mut g = commas();
        g.start();
        let text = String::from("ab,c");
        assert_eq!(g.send(&text), GeneratorState::Yielded(1));
        drop(text);
        assert_eq!(g.send(""), GeneratorState::Yielded(2));
        assert_eq!(g.send(""), GeneratorState::Yielded(0));
    }

    #[test]
    fn owned_values_computed_from_it_cross_yields() {
        let mut g = owned_copies();
        g.start();
        let five = 5;
        assert_eq!(g.send(&five), GeneratorState::Yielded(-1));
        assert_eq!(g.send(&-3), GeneratorState::Yielded(-2));
        assert_eq!(g.send(&100), GeneratorState::Yielded(-3));
        assert_eq!(g.send(&4), GeneratorState::Yielded(0));
        assert_eq!(g.send(&0), GeneratorState::Yielded(5 + 3 + 3 + 8));

        let mut k = kept_lines();
        k.start();
        let buf = String::from("first");
        assert_eq!(k.send(&buf), GeneratorState::Yielded(0));
        drop(buf);
        assert_eq!(k.send("ignored"), GeneratorState::Yielded(1));
        assert_eq!(
            k.send(""),
            GeneratorState::Complete(vec!["first".to_owned()])
        );
    }

    // A `&b` pattern copies the byte out of the lent buffer: it may be kept across yields,
    // in an `if let`, a `match` arm with a guard, a `for`.
    #[generator(yield = u8, resume = &[u8])]
    fn first_byte() {
        loop {
            let buf = yield_!(0);
            if let Some(&b) = buf.first() {
                yield_!(1);
                yield_!(b);
            }
        }
    }

    #[generator(yield = u8, resume = &[u8])]
    fn last_byte() {
        loop {
            let buf = yield_!(0);
            match buf.last() {
                Some(&last) if last > 5 => {
                    yield_!(2);
                    yield_!(last);
                }
                _ => {}
            }
        }
    }

    #[generator(yield = u8, resume = &[u8])]
    fn a_nine() {
        loop {
            let buf = yield_!(0);
            for &x in buf {
                if x == 9 {
                    yield_!(3);
                    yield_!(x);
                    break;
                }
            }
        }
    }

    fn three_items(mut g: impl for<'a> Generator<&'a [u8], Yield = u8, Return = ()>) -> Vec<u8> {
        g.start();
        let first = vec![4u8, 9, 7];
        let mut out = vec![g.send(&first)];
        drop(first);
        out.push(g.send(&[]));
        out.push(g.send(&[]));
        out.into_iter()
            .map(|s| match s {
                GeneratorState::Yielded(y) => y,
                GeneratorState::Complete(()) => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn bytes_copied_out_by_ref_patterns_cross_yields() {
        assert_eq!(three_items(first_byte()), [1, 4, 0]);
        assert_eq!(three_items(last_byte()), [2, 7, 0]);
        assert_eq!(three_items(a_nine()), [3, 9, 0]);
    }

    #[test]
    fn shadowed_split_and_bound_across_labeled_jumps() {
        let mut g = fields_total();
        g.start();
        let s = String::from("  ab,c ");
        assert_eq!(g.send(&s), GeneratorState::Yielded(3 + 4));
        drop(s);
        assert_eq!(g.send("x,wait,y"), GeneratorState::Yielded(0));
        assert_eq!(g.send("z"), GeneratorState::Yielded(8)); // resumed `yield_!(0)`, then `continue 'outer`
        assert_eq!(g.send("q,stop"), GeneratorState::Complete(9));
    }
}

/// `gen_block!(.., pinned => ..)`: the block form of pinned mode, capturing like a `move`
/// closure (rustc finds the captures: the body is an `async move` block).
mod pinned_block {
    use super::*;
    use coro_core::gen_block;

    #[test]
    fn a_block_borrowing_its_own_and_captured_locals() {
        let text = String::from("x,yy,zzz");
        let min = 2;
        let g = pin!(gen_block!(yield = usize, pinned => {
            let parts: Vec<&str> = text.split(',').collect(); // borrows the moved-in `text`
            for p in &parts {                                  // and its own `parts`
                if p.len() >= min {
                    yield_!(p.len());
                }
            }
        }));
        assert_eq!(g.collect::<Vec<_>>(), [2, 3]);
    }

    #[test]
    fn with_resume_values_and_a_return_value() {
        let mut g = Box::pin(
            gen_block!(yield = u32, resume = u32, return = u32, pinned => {
                let mut total = 0;
                let t = &mut total;
                loop {
                    let v = yield_!(*t);
                    if v == 0 {
                        break;
                    }
                    *t += v;
                }
                total
            }),
        );
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(4), GeneratorState::Yielded(4));
        assert_eq!(g.send(0), GeneratorState::Complete(4));
    }
}

/// Shapes the differential tester found wrong in pinned mode on its first run (157 of 843
/// programs): a `yield_!` inside another's value (two borrows of the yielder), and a
/// suspension at the start of a statement followed by an operator (`yield_from!(..) - x`).
mod found_by_difftest {
    use super::*;

    #[generator(yield = i64, resume = i64, pinned)]
    fn nested() -> i64 {
        let a = yield_!(yield_!(1) + 10);
        a
    }

    #[test]
    fn a_yield_inside_a_yields_value() {
        let mut g = pin!(nested());
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.send(5), GeneratorState::Yielded(15));
        assert_eq!(g.send(7), GeneratorState::Complete(7));
    }

    #[generator(yield = i64, resume = i64)]
    fn sub() -> i64 {
        yield_!(0);
        100
    }

    #[generator(yield = i64, resume = i64, pinned)]
    fn leading() -> i64 {
        yield_from!(sub()) - yield_!(2)
    }

    #[test]
    fn a_suspension_starting_a_statement() {
        let mut g = pin!(leading());
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(0), GeneratorState::Yielded(2));
        assert_eq!(g.send(1), GeneratorState::Complete(99));
    }
}
