//! Procedural macros of `coro-core`. Depend on `coro-core`, which re-exports them.
//!
//! Data flows one way: tokens -> syn AST -> (scan, lower) -> state graph -> tokens.

mod args;
mod async_gen;
mod block;
mod cfg;
mod diag;
mod emit;
mod fallback;
mod for_await;
mod generator;
mod lower;
mod pinned;
mod scan;
mod signature;

#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod snapshot_tests;

use proc_macro::TokenStream;

/// Turns a fn whose body uses `yield_!` into a generator: an explicit enum state machine, with
/// no allocation, no `unsafe` and no pinning (Python's `def` with `yield`).
///
/// Use it through `coro_core`, which re-exports it: `use coro_core::{generator, yield_};`.
///
/// # Options
///
/// `#[generator(yield = Y, resume = R, throw = E, crate = path, clone, pinned)]`, in any order:
///
/// | option | meaning |
/// |---|---|
/// | `yield = Y` | the type of the values passed to `yield_!`; required, except with `resume` (a sink, which yields `()`) |
/// | `resume = R` | the type of the values passed to `send`, which `yield_!(..)` evaluates to; `()` when omitted. `&T`/`&mut T` with the lifetime elided lends each sent value for one resumption (`impl for<'r> Generator<&'r T, ..>`): it may not be kept across a `yield_!` |
/// | `throw = E` | the generator is a `Throw<E>`: `g.throw(e)` raises `e` at the pending `yield_!` (like `?`), or makes a `yield_catch!` evaluate to `Err(e)` |
/// | `crate = path` | where `coro_core` is, when you use it through a re-export (`crate = ::my_lib::coro`); `::coro_core` by default |
/// | `pinned` | the body may borrow its own locals across a `yield_!`; the fn returns a `!Unpin` `coro_core::PinnedGen`, used through `core::pin::pin!(g)` or `Box::pin(g)` (both are `Generator`s, and `Iterator`s when `R = ()`); with `throw = E` a `coro_core::PinnedThrowGen`, a `Throw` generator too |
/// | `clone` | the generator is also `Clone`: a clone is a fork that resumes independently from the same suspended state (every local saved across a `yield_!` must be `Clone`) |
///
/// # The generated signature
///
/// ```text
/// #[generator(yield = Y, resume = R)]
/// fn f(args) -> Ret { body }
/// // becomes
/// fn f(args) -> impl Generator<R, Yield = Y, Return = Ret> + Debug
///                [+ FusedIterator<Item = Y>, when R = ()]  [+ Clone, with `clone`]
/// // with `throw = E`: `impl Throw<E, R, Yield = Y, Return = Ret> + ..` (a `Throw` is a `Generator`)
/// ```
///
/// Calling `f` runs nothing: it stores the arguments in the new generator, which runs to its
/// first `yield_!` on `start()` (or `next()`). `Ret` is the declared return type (`()` when there
/// is none), delivered as `GeneratorState::Complete(ret)`. The opaque type captures the fn's
/// lifetimes and generics, in edition 2021 crates too. The attribute goes on free fns, inherent
/// methods and trait-impl methods with any receiver (`self`, `mut self`, `&self`, `&mut self`),
/// with generics, where clauses, `impl Trait` and pattern arguments; not on `async`, `const`,
/// `extern` or variadic fns.
///
/// # The body
///
/// Any Rust works, and `yield_!` may stand wherever an expression may (arguments, operands,
/// conditions, scrutinees, literals, std's `format!`/`println!`/`vec!`/`assert_eq!`/...
/// arguments), evaluated left to right. `yield_from!``(g)` delegates to another generator, or,
/// when `R = ()`, iterates any iterable (`yield_from!(0..3)`, a `Vec`, a `&str`'s `char`s).
/// `return` and `?` complete the generator: `?` (on `Result`, `Option` and `ControlFlow`, with
/// `From` conversion) makes the residual its return value. A closure, async block or nested item
/// in the body cannot `yield_!` (the macro says so, at the `yield_!`), and `.await` is rejected:
/// use `#[async_gen]`.
///
/// # Limits you will meet
///
/// - A local cannot be **borrowed across a `yield_!`** by another local of the same generator
///   (`for x in &v { yield_!(x) }` with `v` a local): the suspended state would borrow itself.
///   The macro reports it at the borrow; iterate by index or by value, or borrow from an
///   argument (`fn f<'a>(v: &'a [T])`, `&self`), which the generator then carries.
/// - **Recursion** needs a box, as for `async fn`: `yield_from!(walk(child).boxed())`.
/// - Used as an **`Iterator`**, a generator's return value is dropped, also the error of an early
///   `?`: the iteration just ends. `try_iter()` delivers that error as a last `Err` item;
///   `into_iter_with_return()` keeps the whole return value. Boxed (`.boxed()`,
///   `.boxed_send()`) and `&mut dyn` generators are iterators too.
///
/// # Examples
///
/// Python's `x = yield status` consumer, driven by `start` and `send`:
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorState};
///
/// #[generator(yield = bool, resume = i32)]
/// fn consumer() -> i32 {
///     let mut total = 0;
///     loop {
///         let n = yield_!(total < 5); // suspends; evaluates to the value sent next
///         if n == 0 {
///             return total;
///         }
///         total += n;
///     }
/// }
///
/// let mut c = consumer();
/// assert_eq!(c.start(), GeneratorState::Yielded(true)); // Python: c.send(None)
/// assert_eq!(c.send(3), GeneratorState::Yielded(true));
/// assert_eq!(c.send(4), GeneratorState::Yielded(false));
/// assert_eq!(c.send(0), GeneratorState::Complete(7));
/// ```
///
/// Without `resume`, a generator is an `Iterator`; `clone` forks it; methods work too:
///
/// ```
/// use coro_core::{generator, yield_};
///
/// struct Range {
///     end: u32,
/// }
///
/// impl Range {
///     #[generator(yield = u32, clone)]
///     fn evens(&self) {
///         for i in 0..self.end {
///             if i % 2 == 0 {
///                 yield_!(i);
///             }
///         }
///     }
/// }
///
/// let r = Range { end: 7 };
/// let mut evens = r.evens();
/// assert_eq!(evens.next(), Some(0));
/// let fork = evens.clone();
/// assert_eq!(evens.collect::<Vec<_>>(), [2, 4, 6]);
/// assert_eq!(fork.collect::<Vec<_>>(), [2, 4, 6]);
/// ```
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    generator::expand(args.into(), item.into()).into()
}

/// Turns an `async fn` whose body uses `yield_!` into a `futures_core::Stream` (Python's
/// `async def` with `yield`). Consume it with `for_await!` or any `Stream` combinator.
///
/// Use it through `coro_core`, which re-exports it: `use coro_core::{async_gen, yield_};`.
///
/// # Options
///
/// `#[async_gen(yield = Y, resume = R, crate = path, boxed | boxed_local, pinned)]`:
///
/// | option | meaning |
/// |---|---|
/// | `yield = Y` (required) | the type of the values passed to `yield_!` |
/// | `crate = path` | where `coro_core` is, when you use it through a re-export; `::coro_core` by default |
/// | `boxed` | return `Pin<Box<dyn Stream<Item = ..> + Send + 'a>>`: for recursion and trait objects (needs the `alloc` feature) |
/// | `boxed_local` | the same without `Send` |
/// | `resume = R` | an async generator taking `R`s (see below) rather than a stream |
/// | `pinned` | always run the body as an async block (see "Two ways to run a body") |
///
/// With `resume = R` (and neither `boxed` nor `pinned`), the fn is an async generator instead of
/// a stream: it returns `impl AsyncGenerator<R, Yield = Y, Return = Ret> + Debug`, driven by
/// `start().await` / `send(value).await` (Python's `asend`), and `Ret` is any return type. See
/// `coro_core::AsyncGenerator`.
///
/// # The generated signature
///
/// ```text
/// #[async_gen(yield = Y)]
/// async fn f(args) [-> Result<(), E>] { body }
/// // becomes
/// fn f(args) -> impl FusedStream<Item = Y> + Debug      // Item = Result<Y, E> with `-> Result<(), E>`
/// ```
///
/// The stream captures the arguments and their lifetimes (in edition 2021 crates too), and needs
/// no heap allocation. Do not count on it being `Unpin`: `for_await!` pins it for you, otherwise
/// use `core::pin::pin!` or `Box::pin`. It is `Send`/`Sync` when the body's state is, as for any
/// `async fn`.
///
/// # The body
///
/// The body is written as an ordinary `async fn` body: any `.await`, and borrows of locals across
/// awaits and yields are fine. `yield_!(x)` hands `x` to the consumer and suspends until the next item is
/// asked for; `yield_from!(stream)` forwards every item of another stream. Declared
/// `-> Result<(), E>`, the items are `Result<Y, E>`: `yield_!(y)` yields `Ok(y)`, and `?` yields
/// the (converted) `Err` as the last item and ends the stream. A `yield_!` inside a closure or a
/// nested `async` block is a compile error: it could outlive the stream.
///
/// # Two ways to run a body
///
/// When every awaited future owns what it names (a call taking its arguments by value,
/// `x.clone()`, an `async move` block, a local future), the body is lowered as a `#[generator]`
/// body is, into an enum state machine: each `.await` is one more suspension point, its future
/// parked in a pinned slot beside the state, and `Debug` names the fn and where it waits
/// (`ticks (suspended at sleep(ms).await at src/lib.rs:4:9)`). Otherwise (an awaited future that
/// may borrow a local, such as `rx.recv().await` or `read(&mut buf).await`; `for_await!` or
/// `yield_from!` in the body; a macro other than std's, `log`'s and `tracing`'s, which could hide
/// an `.await`; a closure or async block that is not `move`; or the `pinned` option) the body runs
/// as an `async` block over a yield slot, and `Debug` prints `AsyncGen { .. }`. Both give the
/// same items.
///
/// # Examples
///
/// ```
/// use coro_core::{async_gen, for_await, yield_, yield_from};
///
/// #[async_gen(yield = u32)]
/// async fn countdown(from: u32) {
///     for i in (1..=from).rev() {
///         std::future::ready(()).await; // any future
///         yield_!(i);
///     }
/// }
///
/// #[async_gen(yield = u32)]
/// async fn parse<'a>(items: &'a [&'a str]) -> Result<(), std::num::ParseIntError> {
///     yield_from!(countdown(2)); // Ok(2), Ok(1)
///     for s in items {
///         yield_!(s.parse::<u32>()?); // Ok(..), then the Err as the last item
///     }
///     Ok(())
/// }
///
/// futures::executor::block_on(async {
///     let mut out = Vec::new();
///     for_await!(x in countdown(3) { out.push(x) });
///     assert_eq!(out, [3, 2, 1]);
///
///     let mut items = Vec::new();
///     for_await!(r in parse(&["7", "x", "9"]) { items.push(r.is_ok()) });
///     assert_eq!(items, [true, true, true, false]);
/// });
/// ```
///
/// `boxed` makes a recursive stream possible:
///
/// ```
/// use coro_core::{async_gen, for_await, yield_, yield_from};
///
/// #[async_gen(yield = u32, boxed)]
/// async fn depth_first(n: u32) {
///     if n > 0 {
///         yield_from!(depth_first(n - 1));
///     }
///     yield_!(n);
/// }
///
/// futures::executor::block_on(async {
///     let mut out = Vec::new();
///     for_await!(x in depth_first(3) { out.push(x) });
///     assert_eq!(out, [0, 1, 2, 3]);
/// });
/// ```
#[proc_macro_attribute]
pub fn async_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    async_gen::expand(args.into(), item.into()).into()
}

/// `gen_block!(yield = Y [, resume = R] [, ..] => { body })`: a generator as an expression,
/// capturing like a `move` closure. See `coro_core::gen_block`.
#[proc_macro]
pub fn gen_block(input: TokenStream) -> TokenStream {
    block::expand::gen_block(&input.into()).into()
}

/// `async_gen_block!(yield = Y [, return = Result<(), E>] => { body })`: a `Stream` as an
/// expression, an `async move` block that yields. See `coro_core::async_gen_block`.
#[proc_macro]
pub fn async_gen_block(input: TokenStream) -> TokenStream {
    block::expand::async_gen_block(&input.into()).into()
}

/// `for_await!(pattern in stream { body })`: Python's `async for`, for any
/// `futures_core::Stream`, in any async code (an `async fn`, an `async` block, an
/// `#[async_gen]` body).
///
/// The stream is pinned on the stack, so it needs no `Unpin` bound. `break` and `continue` work,
/// also with a label: `for_await!('outer: x in s { .. })`. The pattern must be irrefutable, as
/// in `let`. It is an expression of type `()`, like `for`. For an `Iterator`, write a plain
/// `for` loop; to turn one into a stream, `futures::stream::iter(v)`.
///
/// # Examples
///
/// ```
/// use coro_core::for_await;
/// use futures::StreamExt; // enumerate
///
/// async fn first_even_sum() -> u32 {
///     let mut total = 0;
///     for_await!((i, x) in futures::stream::iter([1u32, 2, 3, 4, 5]).enumerate() {
///         if x % 2 == 1 {
///             continue;
///         }
///         total += x;
///         if i >= 3 {
///             break;
///         }
///     });
///     total
/// }
///
/// assert_eq!(futures::executor::block_on(first_even_sum()), 6);
/// ```
#[proc_macro]
pub fn for_await(input: TokenStream) -> TokenStream {
    for_await::expand(input.into()).into()
}

/// Not public API: one `#[cfg]` predicate of a body, decided by rustc (see `cfg.rs`).
#[doc(hidden)]
#[proc_macro]
pub fn __cfg_resolved(input: TokenStream) -> TokenStream {
    let input: proc_macro2::TokenStream = input.into();
    if let Some(expanded) = block::expand::resolve(&input) {
        return expanded.into();
    }
    match cfg::resolve(input) {
        Ok(cfg::Resolved { kind, args, item }) => match kind {
            args::Kind::Generator => generator::expand(args, item),
            args::Kind::AsyncGen => async_gen::expand(args, item),
        }
        .into(),
        Err(err) => err.to_compile_error().into(),
    }
}
