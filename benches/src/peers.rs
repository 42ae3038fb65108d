//! The workloads written with peer crates, each in its own idiom, consumed the same way as the
//! baselines (one `black_box` per item).

use std::hint::black_box;

use crate::hand::{Kind, Node, Token};

/// The tokenizer's algorithm (the same as `hand::Tokens`), with a pluggable yield.
macro_rules! tokenize {
    ($text:expr, |$tok:ident| $yield:expr) => {{
        let text: &str = $text;
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
            let $tok = Token {
                kind,
                text: &text[start..i],
            };
            $yield;
        }
    }};
}

/// genawaiter, stack flavour (no allocation; the state lives in a caller-provided `Shelf`) and
/// `rc` flavour (the future is boxed). Used through its low-level API, which is what its
/// `let_gen_using!` macro expands to.
pub mod genawaiter {
    use super::*;
    use ::genawaiter::GeneratorState;
    use ::genawaiter::{rc, stack};
    use std::future::Future;
    use std::pin::Pin;

    async fn count(co: stack::Co<'_, u64>, n: u64) {
        let mut i = 0;
        while i < n {
            co.yield_(i).await;
            i += 1;
        }
    }

    async fn accumulate(co: stack::Co<'_, u64, u64>) {
        let mut acc = 0u64;
        loop {
            let v = co.yield_(acc).await;
            acc = acc.wrapping_add(v);
        }
    }

    async fn tokens<'a>(co: stack::Co<'_, Token<'a>>, text: &'a str) {
        tokenize!(text, |tok| co.yield_(tok).await);
    }

    #[inline(never)]
    pub fn w1_stack(n: u64) -> u64 {
        let mut shelf = stack::Shelf::new();
        // SAFETY: what `let_gen_using!` expands to: the shelf outlives the generator.
        let g = unsafe { stack::Gen::new(&mut shelf, |co| count(co, n)) };
        crate::hand::sum_iter(g.into_iter())
    }

    #[inline(never)]
    pub fn w1_rc(n: u64) -> u64 {
        let g = rc::Gen::new(|co| async move {
            let mut i = 0;
            while i < n {
                co.yield_(i).await;
                i += 1;
            }
        });
        crate::hand::sum_iter(g.into_iter())
    }

    #[inline(never)]
    pub fn w2_stack(n: u64) -> u64 {
        let mut shelf = stack::Shelf::new();
        // SAFETY: as above.
        let mut g = unsafe { stack::Gen::new(&mut shelf, accumulate) };
        let mut acc = 0u64;
        if let GeneratorState::Yielded(a) = g.resume_with(0) {
            acc ^= black_box(a);
        }
        for i in 0..n {
            match g.resume_with(black_box(i)) {
                GeneratorState::Yielded(a) => acc = acc.wrapping_add(black_box(a)),
                GeneratorState::Complete(()) => break,
            }
        }
        acc
    }

    #[inline(never)]
    pub fn w2_rc(n: u64) -> u64 {
        let mut g = rc::Gen::new(|co: rc::Co<u64, u64>| async move {
            let mut acc = 0u64;
            loop {
                let v = co.yield_(acc).await;
                acc = acc.wrapping_add(v);
            }
        });
        let mut acc = 0u64;
        if let GeneratorState::Yielded(a) = g.resume_with(0) {
            acc ^= black_box(a);
        }
        for i in 0..n {
            match g.resume_with(black_box(i)) {
                GeneratorState::Yielded(a) => acc = acc.wrapping_add(black_box(a)),
                GeneratorState::Complete(()) => break,
            }
        }
        acc
    }

    #[inline(never)]
    pub fn w4_stack(text: &str) -> u64 {
        let mut shelf = stack::Shelf::new();
        // SAFETY: as above.
        let g = unsafe { stack::Gen::new(&mut shelf, |co| tokens(co, text)) };
        crate::hand::sum_tokens(g.into_iter())
    }

    type Walk<'a> = rc::Gen<u64, (), Pin<Box<dyn Future<Output = ()> + 'a>>>;

    fn walk(node: &Node) -> Walk<'_> {
        rc::Gen::new(move |co| {
            Box::pin(async move {
                if let Some(l) = node.left.as_deref() {
                    let mut sub = walk(l);
                    while let GeneratorState::Yielded(v) = sub.resume() {
                        co.yield_(v).await;
                    }
                }
                co.yield_(node.val).await;
                if let Some(r) = node.right.as_deref() {
                    let mut sub = walk(r);
                    while let GeneratorState::Yielded(v) = sub.resume() {
                        co.yield_(v).await;
                    }
                }
            }) as Pin<Box<dyn Future<Output = ()>>>
        })
    }

    #[inline(never)]
    pub fn w5_rc(root: &Node) -> u64 {
        crate::hand::sum_iter(walk(root).into_iter())
    }

    /// (inline size, what else it needs) of the W1 generator.
    pub fn sizes() -> Vec<(&'static str, usize, &'static str)> {
        let mut shelf = stack::Shelf::new();
        let shelf_size = std::mem::size_of_val(&shelf);
        // SAFETY: as above.
        let g = unsafe { stack::Gen::new(&mut shelf, |co| count(co, 0)) };
        let gen_size = std::mem::size_of_val(&g);
        let rc_gen = rc::Gen::new(|co: rc::Co<u64>| async move {
            co.yield_(0u64).await;
        });
        vec![
            (
                "genawaiter (stack)",
                gen_size + shelf_size,
                "Shelf on the caller's stack + Pin<&mut> handle",
            ),
            (
                "genawaiter (rc)",
                std::mem::size_of_val(&rc_gen),
                "+ Rc airlock and boxed future on the heap",
            ),
        ]
    }
}

/// next-gen: `#[generator]` fns lowered to `async fn`s, stack-pinned by `mk_gen!`.
pub mod next_gen {
    use super::*;
    use ::next_gen::prelude::*;

    #[generator(yield(u64))]
    fn count(n: u64) {
        let mut i = 0;
        while i < n {
            yield_!(i);
            i += 1;
        }
    }

    #[generator(yield(u64), resume(u64))]
    fn accumulate() {
        let mut acc = 0u64;
        loop {
            let v = yield_!(acc);
            acc = acc.wrapping_add(v);
        }
    }

    #[generator(yield(Token<'a>))]
    fn tokens<'a>(text: &'a str) {
        tokenize!(text, |tok| yield_!(tok));
    }

    #[generator(yield(u64))]
    fn walk<'a>(node: &'a Node) {
        if let Some(l) = node.left.as_deref() {
            let mut sub = walk.call_boxed((l,));
            while let GeneratorState::Yielded(v) = sub.as_mut().resume(()) {
                yield_!(v);
            }
        }
        yield_!(node.val);
        if let Some(r) = node.right.as_deref() {
            let mut sub = walk.call_boxed((r,));
            while let GeneratorState::Yielded(v) = sub.as_mut().resume(()) {
                yield_!(v);
            }
        }
    }

    #[inline(never)]
    pub fn w1(n: u64) -> u64 {
        mk_gen!(let g = count(n));
        crate::hand::sum_iter(g)
    }

    #[inline(never)]
    pub fn w2(n: u64) -> u64 {
        mk_gen!(let mut g = accumulate());
        let mut acc = 0u64;
        if let GeneratorState::Yielded(a) = g.as_mut().resume(0) {
            acc ^= black_box(a);
        }
        for i in 0..n {
            match g.as_mut().resume(black_box(i)) {
                GeneratorState::Yielded(a) => acc = acc.wrapping_add(black_box(a)),
                GeneratorState::Returned(()) => break,
            }
        }
        acc
    }

    #[inline(never)]
    pub fn w4(text: &str) -> u64 {
        mk_gen!(let g = tokens(text));
        crate::hand::sum_tokens(g)
    }

    #[inline(never)]
    pub fn w5(root: &Node) -> u64 {
        mk_gen!(let g = walk(root));
        crate::hand::sum_iter(g)
    }

    pub fn size() -> usize {
        mk_gen!(let mut g = count(0));
        let size = std::mem::size_of_val(&*g);
        // next-gen aborts when a generator that never ran is dropped: run it to completion.
        let _ = g.as_mut().resume(());
        size
    }
}

/// corosensei: stackful coroutines (each gets its own 1 MiB stack by default).
pub mod corosensei {
    use super::*;
    use ::corosensei::{Coroutine, CoroutineResult, ScopedCoroutine, Yielder};

    fn drain(mut next: impl FnMut() -> CoroutineResult<u64, ()>) -> u64 {
        let mut acc = 0u64;
        while let CoroutineResult::Yield(x) = next() {
            acc = acc.wrapping_add(black_box(x));
        }
        acc
    }

    #[inline(never)]
    pub fn w1(n: u64) -> u64 {
        let mut co = Coroutine::new(move |y: &Yielder<(), u64>, ()| {
            let mut i = 0;
            while i < n {
                y.suspend(i);
                i += 1;
            }
        });
        drain(|| co.resume(()))
    }

    #[inline(never)]
    pub fn w2(n: u64) -> u64 {
        let mut co = Coroutine::new(|y: &Yielder<u64, u64>, first: u64| {
            let _ = first;
            let mut acc = 0u64;
            loop {
                let v = y.suspend(acc);
                acc = acc.wrapping_add(v);
            }
        });
        let mut acc = 0u64;
        if let CoroutineResult::Yield(a) = co.resume(0) {
            acc ^= black_box(a);
        }
        for i in 0..n {
            match co.resume(black_box(i)) {
                CoroutineResult::Yield(a) => acc = acc.wrapping_add(black_box(a)),
                CoroutineResult::Return(()) => break,
            }
        }
        acc
    }

    #[inline(never)]
    pub fn w4(text: &str) -> u64 {
        let co = ScopedCoroutine::new(|y: &Yielder<(), Token<'_>>, ()| {
            tokenize!(text, |tok| y.suspend(tok));
        });
        co.scope(|mut co| {
            let mut acc = 0u64;
            while let CoroutineResult::Yield(t) = co.as_mut().resume(()) {
                let t = black_box(t);
                acc = acc
                    .wrapping_mul(31)
                    .wrapping_add(t.kind as u64 * 1000 + t.text.len() as u64);
            }
            acc
        })
    }

    fn walk(y: &Yielder<(), u64>, node: &Node) {
        if let Some(l) = node.left.as_deref() {
            walk(y, l);
        }
        y.suspend(node.val);
        if let Some(r) = node.right.as_deref() {
            walk(y, r);
        }
    }

    #[inline(never)]
    pub fn w5(root: &Node) -> u64 {
        let co = ScopedCoroutine::new(|y: &Yielder<(), u64>, ()| walk(y, root));
        co.scope(|mut co| drain(|| co.as_mut().resume(())))
    }

    pub fn size() -> usize {
        let co = Coroutine::new(|y: &Yielder<(), u64>, ()| y.suspend(0));
        std::mem::size_of_val(&co)
    }
}

/// async-stream: `stream!` blocks (values pass through a thread-local slot).
pub mod async_stream {
    use super::*;
    use ::async_stream::stream;
    use futures_core::Stream;
    use std::pin::Pin;

    #[inline(never)]
    pub fn count(n: u64) -> impl Stream<Item = u64> {
        stream! {
            let mut i = 0;
            while i < n {
                yield i;
                i += 1;
            }
        }
    }

    #[inline(never)]
    pub fn count_strings(n: u64) -> impl Stream<Item = String> {
        stream! {
            let mut i = 0u64;
            while i < n {
                yield i.to_string();
                i += 1;
            }
        }
    }

    fn walk(node: &Node) -> Pin<Box<dyn Stream<Item = u64> + '_>> {
        Box::pin(stream! {
            if let Some(l) = node.left.as_deref() {
                for await v in walk(l) {
                    yield v;
                }
            }
            yield node.val;
            if let Some(r) = node.right.as_deref() {
                for await v in walk(r) {
                    yield v;
                }
            }
        })
    }

    #[inline(never)]
    pub fn w5(root: &Node) -> u64 {
        crate::hand::sum_stream(walk(root))
    }
}

/// async-fn-stream: an `async` closure given an emitter (values pass through an `Arc`'d queue).
pub mod async_fn_stream {
    use ::async_fn_stream::fn_stream;
    use futures_core::Stream;

    #[inline(never)]
    pub fn count(n: u64) -> impl Stream<Item = u64> {
        fn_stream(move |emitter| async move {
            let mut i = 0;
            while i < n {
                emitter.emit(i).await;
                i += 1;
            }
        })
    }

    #[inline(never)]
    pub fn count_strings(n: u64) -> impl Stream<Item = String> {
        fn_stream(move |emitter| async move {
            let mut i = 0u64;
            while i < n {
                emitter.emit(i.to_string()).await;
                i += 1;
            }
        })
    }
}
