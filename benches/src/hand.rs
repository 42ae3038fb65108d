//! Hand-written baselines (the limit every generator is measured against), the inputs, and a
//! minimal executor. Shared with `benches/nightly` through `#[path]`.

use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use coro_core::{Generator, GeneratorState, GeneratorStatus};
use futures_core::Stream;

// ---------------------------------------------------------------------------------------------
// Executor

/// Polls a future to completion with a no-op waker: the cheapest possible executor, so that a
/// stream's own cost is what the W3 numbers show.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// W1: yield 0..n

/// The hand-written counterpart of a counting generator.
pub struct Count {
    i: u64,
    n: u64,
}

pub fn count(n: u64) -> Count {
    Count { i: 0, n }
}

impl Iterator for Count {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            Some(i)
        } else {
            None
        }
    }
}

/// Sums an iterator with one `black_box` per item, so no contender's loop folds to a formula.
#[inline(always)]
pub fn sum_iter(it: impl Iterator<Item = u64>) -> u64 {
    let mut acc = 0u64;
    for x in it {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

// ---------------------------------------------------------------------------------------------
// W2: send round trip

/// Hand-written `Generator<u64>`: each `send(v)` adds `v` and yields the running total.
pub struct Accumulate {
    acc: u64,
}

pub fn accumulate() -> Accumulate {
    Accumulate { acc: 0 }
}

impl Generator<u64> for Accumulate {
    type Yield = u64;
    type Return = ();

    #[inline]
    fn start(&mut self) -> GeneratorState<u64, ()> {
        GeneratorState::Yielded(self.acc)
    }

    #[inline]
    fn send(&mut self, v: u64) -> GeneratorState<u64, ()> {
        self.acc = self.acc.wrapping_add(v);
        GeneratorState::Yielded(self.acc)
    }

    fn status(&self) -> GeneratorStatus {
        GeneratorStatus::Created
    }

    fn close(&mut self) {}
}

/// The W2 driver for any `coro_core::Generator<u64>`: start, then `n` sends.
#[inline(always)]
pub fn drive_send<G: Generator<u64, Yield = u64>>(mut g: G, n: u64) -> u64 {
    let mut acc = 0u64;
    if let GeneratorState::Yielded(a) = g.start() {
        acc ^= black_box(a);
    }
    for i in 0..n {
        match g.send(black_box(i)) {
            GeneratorState::Yielded(a) => acc = acc.wrapping_add(black_box(a)),
            GeneratorState::Complete(_) => break,
        }
    }
    acc
}

// ---------------------------------------------------------------------------------------------
// W3: a stream of 0..n

/// The hand-written counterpart of a counting async generator.
pub struct CountStream {
    i: u64,
    n: u64,
}

pub fn count_stream(n: u64) -> CountStream {
    CountStream { i: 0, n }
}

impl Stream for CountStream {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            Poll::Ready(Some(i))
        } else {
            Poll::Ready(None)
        }
    }
}

/// The hand-written counterpart of W3d's stream: `0..n` as freshly allocated `String`s.
pub struct CountStrings {
    i: u64,
    n: u64,
}

pub fn count_strings(n: u64) -> CountStrings {
    CountStrings { i: 0, n }
}

impl Stream for CountStrings {
    type Item = String;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<String>> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            Poll::Ready(Some(i.to_string()))
        } else {
            Poll::Ready(None)
        }
    }
}

/// Sums a stream with `for_await!` on [`block_on`], one `black_box` per item.
#[inline(always)]
pub fn sum_stream(s: impl Stream<Item = u64>) -> u64 {
    block_on(async {
        let mut acc = 0u64;
        coro_core::for_await!(x in s {
            acc = acc.wrapping_add(black_box(x));
        });
        acc
    })
}

// ---------------------------------------------------------------------------------------------
// W4: tokenizer

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// A token: its kind and its text (borrowed from the input).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
}

/// A deterministic pseudo-English text of about `bytes` bytes: words, numbers, punctuation,
/// spaces and newlines.
pub fn make_text(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "generator",
        "yields",
        "a",
        "value",
        "and",
        "suspends",
        "until",
        "resumed",
        "state",
        "machine",
        "of",
        "enum",
        "variants",
        "is",
        "compiled",
        "to",
        "jump",
        "table",
        "rust",
        "closure",
        "stream",
        "poll",
        "future",
        "x1",
        "tokio",
        "iter",
        "map",
    ];
    let mut s = String::with_capacity(bytes + 64);
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    while s.len() < bytes {
        let r = next();
        match r % 16 {
            0 => {
                s.push_str(&(r >> 20).rem_euclid(100_000).to_string());
            }
            1 => s.push(','),
            2 => s.push('.'),
            3 => s.push_str("()"),
            _ => s.push_str(WORDS[(r >> 8) as usize % WORDS.len()]),
        }
        s.push(if r >> 60 == 0 { '\n' } else { ' ' });
    }
    s
}

/// The hand-written tokenizer.
pub struct Tokens<'a> {
    text: &'a str,
    i: usize,
}

pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, i: 0 }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        let mut i = self.i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == bytes.len() {
            self.i = i;
            return None;
        }
        let start = i;
        let c = bytes[i];
        let kind = if c.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Number
        } else {
            i += 1;
            Kind::Punct
        };
        self.i = i;
        Some(Token {
            kind,
            text: &self.text[start..i],
        })
    }
}

/// Folds the tokens into a checksum, one `black_box` per token.
#[inline(always)]
pub fn sum_tokens<'a>(it: impl Iterator<Item = Token<'a>>) -> u64 {
    let mut acc = 0u64;
    for t in it {
        let t = black_box(t);
        acc = acc
            .wrapping_mul(31)
            .wrapping_add(t.kind as u64 * 1000 + t.text.len() as u64);
    }
    acc
}

// ---------------------------------------------------------------------------------------------
// W5: tree walk

/// A binary tree node.
pub struct Node {
    pub val: u64,
    pub left: Option<Box<Node>>,
    pub right: Option<Box<Node>>,
}

/// A complete binary tree of the given depth whose in-order walk yields `0..2^depth - 1`.
pub fn make_tree(depth: u32) -> Node {
    fn build(lo: u64, depth: u32) -> Node {
        // The subtree holds lo .. lo + 2^depth - 1; its root is the middle.
        let half = (1u64 << (depth - 1)) - 1;
        Node {
            val: lo + half,
            left: (depth > 1).then(|| Box::new(build(lo, depth - 1))),
            right: (depth > 1).then(|| Box::new(build(lo + half + 1, depth - 1))),
        }
    }
    build(0, depth)
}

/// The hand-written in-order walk: an explicit stack of the nodes whose right side is pending.
pub struct InOrder<'a> {
    stack: Vec<&'a Node>,
    cur: Option<&'a Node>,
}

pub fn in_order(root: &Node) -> InOrder<'_> {
    InOrder {
        stack: Vec::with_capacity(64),
        cur: Some(root),
    }
}

impl Iterator for InOrder<'_> {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        while let Some(n) = self.cur {
            self.stack.push(n);
            self.cur = n.left.as_deref();
        }
        let n = self.stack.pop()?;
        self.cur = n.right.as_deref();
        Some(n.val)
    }
}
