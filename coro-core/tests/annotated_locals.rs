//! Locals the user annotated (`let n: u64 = 0;`, and parameters) whose type the state enum can
//! name get a field of that type (see `coro-macros/src/lower/state_types.rs`); the others keep a type parameter.
//! Each shape here is one where naming the type in the enum would not compile or would mean
//! something else: they must all keep working.

#![warn(clippy::pedantic)] // the named fields are generated code: no lint may fire on them

use coro_core::{Generator, GeneratorState, generator, yield_};

mod common;

#[generator(yield = i64, resume = i64)]
fn typed_counter(limit: u64) -> i64 {
    let mut total: i64 = 0;
    let names: Vec<String> = vec!["a".into(), "b".into()];
    let f: Box<dyn Fn(&str) -> usize> = Box::new(str::len);
    let table: [u8; 4] = [1, 2, 3, 4];
    let hook: fn(i64) -> i64 = |x| x + 1;
    let mut i: u64 = 0;
    while i < limit {
        total += yield_!(hook(total));
        i += 1;
    }
    let lens: usize = names.iter().map(|n| f(n)).sum();
    total + i64::try_from(lens).expect("small") + i64::from(table[3])
}

#[test]
fn named_types_across_yields() {
    let (ys, ret) = common::drive(typed_counter(3), [10, 20, 30]);
    assert_eq!(ys, [1, 11, 31]);
    assert_eq!(ret, 60 + 2 + 4);
}

/// The fn's own type parameter: the enum, an item of its own, cannot name `T`.
#[generator(yield = T)]
fn repeat<T: Clone>(x: T, n: usize) -> usize {
    let item: T = x;
    let copies: Vec<T> = vec![item.clone(); n];
    let mut count: usize = 0;
    for c in copies {
        yield_!(c);
        count += 1;
    }
    count
}

#[test]
fn generic_param_in_annotation() {
    let mut g = repeat("x", 2);
    assert_eq!(g.start(), GeneratorState::Yielded("x"));
    assert_eq!(g.send(()), GeneratorState::Yielded("x"));
    assert_eq!(g.send(()), GeneratorState::Complete(2));
}

struct Pair<A>(A, A);

impl<A: Copy + std::fmt::Debug> Pair<A> {
    /// An impl's type parameter (single-letter, or any name in a method): not named either.
    #[generator(yield = A)]
    fn both(self) {
        let first: A = self.0;
        let second: Option<A> = Some(self.1);
        yield_!(first);
        if let Some(s) = second {
            yield_!(s);
        }
    }
}

#[test]
fn impl_param_in_annotation() {
    let items: Vec<i32> = Pair(1, 2).both().collect();
    assert_eq!(items, [1, 2]);
}

/// A type the body declares itself: the enum sits outside the scope the item moves into.
#[generator(yield = u8)]
fn local_item() {
    #[derive(Clone, Copy)]
    struct Tok(u8);
    let t: Tok = Tok(7);
    yield_!(1);
    yield_!(t.0);
}

#[test]
fn body_item_in_annotation() {
    assert_eq!(local_item().collect::<Vec<_>>(), [1, 7]);
}

/// A borrowed parameter's lifetime in the annotation (`&str` here is elided: refused).
#[generator(yield = usize)]
fn words(text: &str) {
    let parts: Vec<&str> = text.split(' ').collect();
    let count: usize = parts.len();
    for p in parts {
        yield_!(p.len());
    }
    yield_!(count);
}

#[test]
fn elided_lifetime_in_annotation() {
    assert_eq!(words("ab c").collect::<Vec<_>>(), [2, 1, 2]);
}

/// A `mut` local overwritten after a suspension before being read: later arms declare it afresh
/// (`let mut q: Option<i64>;`), with its annotation instead of a type witness.
#[generator(yield = i64, resume = i64)]
fn overwritten(c: bool) -> i64 {
    let mut q: Option<i64> = None;
    if c {
        q = Some(yield_!(1));
    }
    q = Some(yield_!(2) + q.unwrap_or(0));
    q.map_or(0, |x| x * 10)
}

#[test]
fn annotated_local_declared_afresh() {
    let (ys, ret) = common::drive(overwritten(true), [3, 4]);
    assert_eq!((ys, ret), (vec![1, 2], 70));
    let (ys, ret) = common::drive(overwritten(false), [5]);
    assert_eq!((ys, ret), (vec![2], 50));
}

/// `clone`: the enum derives `Clone`, so named types are left to inference there (an unmet
/// bound stays reported at the option).
#[generator(yield = u32, clone)]
fn cloneable() {
    let mut n: u32 = 0;
    loop {
        n += 1;
        yield_!(n);
    }
}

#[test]
fn clone_option_with_annotations() {
    let mut g = cloneable();
    assert_eq!(g.next(), Some(1));
    let mut h = g.clone();
    assert_eq!((g.next(), h.next()), (Some(2), Some(2)));
}

/// A large value held across a yield: a named field is as large in the enum as in a local, and
/// `clippy::large_enum_variant` (on by default) must not fire on the generated enum.
#[generator(yield = u8)]
fn big_buffer() {
    let buf: [u8; 4096] = [3; 4096];
    yield_!(buf[0]);
    yield_!(buf[4095]);
}

#[test]
fn large_named_field() {
    assert_eq!(big_buffer().collect::<Vec<_>>(), [3, 3]);
}
