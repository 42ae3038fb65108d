//! An edition-2021 user crate, built with `deny(warnings)`, `forbid(unsafe_code)` and
//! `clippy::pedantic` (from the workspace lints): the generated code must not trip any of them,
//! and `-> impl Generator` must capture the lifetimes of `&self` and borrowed arguments even
//! though edition 2021's capture rules would not do so for a plain `impl Trait`.
#![forbid(unsafe_code)]
#![deny(warnings)]

use coro_core::{generator, yield_, yield_from, GeneratorExt};

/// Borrowed words of a text.
#[generator(yield = &'a str)]
pub fn words<'a>(text: &'a str) -> usize {
    let mut n = 0;
    for w in text.split_whitespace() {
        yield_!(w);
        n += 1;
    }
    n
}

/// Elided lifetimes in arguments.
#[generator(yield = u8)]
pub fn bytes_of(a: &str, b: &[u8]) {
    for x in a.bytes() {
        yield_!(x);
    }
    for x in b {
        yield_!(*x);
    }
}

/// A store whose methods return generators borrowing it.
#[derive(Debug, Default)]
pub struct Store {
    items: Vec<u32>,
}

impl Store {
    pub fn new(items: Vec<u32>) -> Self {
        Store { items }
    }

    #[generator(yield = u32)]
    pub fn doubled(&self) {
        for x in &self.items {
            yield_!(x * 2);
        }
    }

    #[generator(yield = u32, resume = u32)]
    pub fn replace_each(&mut self) -> usize {
        for i in 0..self.items.len() {
            self.items[i] = yield_!(self.items[i]);
        }
        self.items.len()
    }

    #[allow(
        clippy::let_unit_value,
        reason = "the lint is right: binding `()` is the shape tested"
    )]
    #[generator(yield = u32)]
    pub fn chained(&self) -> usize {
        let first = yield_from!(self.doubled().boxed());
        let () = first;
        yield_!(0);
        self.items.len()
    }
}

/// A block form in an edition-2021 crate: a never-ending `gen_block!`, whose return type falls
/// back as a diverging closure's does (to `()` in edition 2021, with no lint).
pub fn counter_from(start: u32) -> impl Iterator<Item = u32> {
    coro_core::gen_block!(yield = u32 => {
        let mut i = start;
        loop {
            yield_!(i);
            i += 1;
        }
    })
}

/// A pinned generator borrowing its argument and its own local: the opaque body type captures
/// the argument's lifetime in edition 2021 too.
#[generator(yield = &'a str, pinned)]
pub fn pinned_words<'a>(text: &'a str, sep: &str) -> usize {
    let parts: Vec<&str> = text.split(sep).collect();
    for p in &parts {
        yield_!(*p);
    }
    parts.len()
}

#[cfg(test)]
mod pinned_tests {
    #[test]
    fn pinned_words_borrow_the_argument() {
        let text = String::from("a-b");
        let g = std::pin::pin!(super::pinned_words(&text, "-"));
        assert_eq!(g.collect::<Vec<_>>(), ["a", "b"]);
    }
}

/// Nine primitive counters held across yields: the frame representation
/// (`coro-macros/src/emit/frame.rs`) under the same lints.
#[generator(yield = u32, resume = u32)]
pub fn counters(limit: u32) -> u64 {
    let mut a: u32 = 0;
    let mut b: u32 = 1;
    let mut c: u64 = 0;
    let mut d: bool = false;
    let e: char = 'c';
    let mut f: usize = 0;
    let mut g: i16 = 0;
    let mut h: u8 = 0;
    let mut i: u32 = limit;
    while a < limit {
        a += yield_!(a);
        if a.is_multiple_of(2) {
            b = b.wrapping_mul(3) + yield_!(b);
            d = !d;
        } else {
            c += u64::from(yield_!(i));
            g -= 1;
        }
        f += 1;
        h = h.wrapping_add(1);
        i = i.saturating_sub(1);
    }
    c + u64::from(b)
        + u64::from(d)
        + u64::from(e)
        + f as u64
        + u64::from(g.unsigned_abs())
        + u64::from(h)
}
