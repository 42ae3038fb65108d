//! The workloads written with coro. Shared with `benches/nightly` through `#[path]`.

use coro_core::{GeneratorExt, generator, yield_, yield_from};

use crate::hand::{Kind, Node, Token};

/// W1.
#[generator(yield = u64)]
pub fn count(n: u64) {
    let mut i = 0;
    while i < n {
        yield_!(i);
        i += 1;
    }
}

/// W1, written with a `for` loop over a range (the range is a saved local).
#[generator(yield = u64)]
pub fn count_for(n: u64) {
    for i in 0..n {
        yield_!(i);
    }
}

/// W2.
#[generator(yield = u64, resume = u64)]
pub fn accumulate() {
    let mut acc = 0u64;
    loop {
        let v = yield_!(acc);
        acc = acc.wrapping_add(v);
    }
}

/// W4: the same algorithm as `hand::Tokens`, as straight-line code.
#[generator(yield = Token<'a>)]
pub fn tokens<'a>(text: &'a str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == bytes.len() {
            break;
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
        yield_!(Token {
            kind,
            text: &text[start..i]
        });
    }
}

/// W5: recursion through boxed sub-generators.
#[generator(yield = u64)]
pub fn walk<'a>(node: &'a Node) {
    if let Some(l) = node.left.as_deref() {
        yield_from!(walk(l).boxed());
    }
    yield_!(node.val);
    if let Some(r) = node.right.as_deref() {
        yield_from!(walk(r).boxed());
    }
}

/// W5 without recursion: an explicit stack inside one generator.
#[generator(yield = u64)]
pub fn walk_flat<'a>(root: &'a Node) {
    let mut stack: Vec<&'a Node> = Vec::with_capacity(64);
    let mut cur = Some(root);
    loop {
        while let Some(n) = cur {
            stack.push(n);
            cur = n.left.as_deref();
        }
        let Some(n) = stack.pop() else { break };
        cur = n.right.as_deref();
        yield_!(n.val);
    }
}
