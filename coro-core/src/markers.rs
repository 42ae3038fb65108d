//! `yield_!` and `yield_from!`: markers that `#[generator]` and `#[async_gen]` rewrite.
//!
//! Outside those attributes they are a compile error. Each expansion also emits
//! `yield_!(@used)` once, with the user's path, so that `use coro_core::yield_;` stays a used
//! import after the attribute has consumed every other `yield_!` token.
//!
//! The `(@used)` rule is an implementation detail: under `cfg(doc)` (rustdoc, also when it
//! collects doctests) each macro is declared with the forms a user writes only, so its page
//! shows those. Doctests link the real (`not(doc)`) definitions.

/// Suspends the enclosing [`#[generator]`](crate::generator) or
/// [`#[async_gen]`](crate::async_gen) with a value (Python's `x = yield value`).
///
/// - `yield_!(value)` hands `value` to the caller of [`start`](crate::Generator::start) /
///   [`send`](crate::Generator::send) (or to the stream's consumer) and suspends. When the
///   generator is resumed with `send(r)`, the expression evaluates to `r`: its type is the
///   generator's `resume` type (`()` when there is none, and always `()` in `#[async_gen]`).
/// - `yield_!()` yields `()` (for `yield = ()`).
/// - In an `#[async_gen]` fn declared `-> Result<(), E>`, `yield_!(y)` yields `Ok(y)`.
///
/// It may stand wherever an expression may in the body: `let n = yield_!(x) + 1;`,
/// `f(yield_!(a), yield_!(b))` (left to right), `println!("{}", yield_!(x))`. Not inside a
/// closure, an `async` block or a nested fn within the body (the macro reports it there), and
/// not outside a generator: this is a compile error:
///
/// ```compile_fail
/// fn not_a_generator() {
///     coro_core::yield_!(1);
/// }
/// ```
///
/// # Examples
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorState};
///
/// // Python: def running_max(): best = yield None; while True: best = max(best, (yield best))
/// #[generator(yield = Option<i32>, resume = i32)]
/// fn running_max() {
///     let mut best = yield_!(None);
///     loop {
///         best = best.max(yield_!(Some(best)));
///     }
/// }
///
/// let mut g = running_max();
/// assert_eq!(g.start(), GeneratorState::Yielded(None));
/// assert_eq!(g.send(3), GeneratorState::Yielded(Some(3)));
/// assert_eq!(g.send(1), GeneratorState::Yielded(Some(3)));
/// assert_eq!(g.send(8), GeneratorState::Yielded(Some(8)));
/// ```
#[cfg(doc)]
#[macro_export]
macro_rules! yield_ {
    ($value:expr) => { ... };
    () => { ... };
}

#[cfg(not(doc))]
#[macro_export]
macro_rules! yield_ {
    (@used) => {};
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_!` can only be used inside a `#[generator]` fn or an `#[async_gen]` async fn \
             (and not inside a closure, async block or nested item within it)"
        )
    };
}

/// Delegates to another generator (or, in [`#[async_gen]`](crate::async_gen), to a stream),
/// like Python's `result = yield from g`.
///
/// - In a [`#[generator]`](crate::generator): every value `g` yields is yielded here, every value
///   sent here is sent on to `g`, and `yield_from!(g)` evaluates to `g`'s return value. `g` must
///   be a [`Generator`](crate::Generator) with the same `Yield` type and resume type as the
///   enclosing generator (a `&mut G` argument is one too: the caller keeps `G`). A recursive
///   delegation needs a box: `yield_from!(walk(child).boxed())`. When the resume type is `()`,
///   `g` may also be any iterable, as in Python's `yield from range(3)`: a range, a `Vec`, an
///   array, an iterator, or a `&str`/`String` (its `char`s); the expression is then `()`. Under
///   `throw = E`, a thrown error is forwarded into `g` when `g` is a [`Throw<E>`](crate::Throw)
///   generator; otherwise `g` is closed and the error raised here, like `?` (PEP 380).
/// - In an `#[async_gen]`: every item of the stream `g` is yielded here (as `Ok(item)` in a
///   `-> Result<(), E>` fn); the expression is `()`. To delegate to a plain iterator, write
///   `for x in iter { yield_!(x); }`.
///
/// # Examples
///
/// ```
/// use coro_core::{generator, yield_, yield_from};
///
/// #[generator(yield = u32)]
/// fn inner(n: u32) -> u32 {
///     for i in 0..n {
///         yield_!(i);
///     }
///     n * 10
/// }
///
/// #[generator(yield = u32)]
/// fn outer() {
///     let r = yield_from!(inner(2)); // yields 0, 1; evaluates to 20
///     yield_!(r);
/// }
///
/// assert_eq!(outer().collect::<Vec<_>>(), [0, 1, 20]);
///
/// #[generator(yield = char)]
/// fn letters() {
///     yield_from!("ab");
///     yield_from!(['c', 'd']);
/// }
///
/// assert_eq!(letters().collect::<String>(), "abcd");
/// ```
#[cfg(doc)]
#[macro_export]
macro_rules! yield_from {
    ($generator_or_stream:expr) => { ... };
}

#[cfg(not(doc))]
#[macro_export]
macro_rules! yield_from {
    (@used) => {};
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` can only be used inside a `#[generator]` fn or an `#[async_gen]` async fn \
             (and not inside a closure, async block or nested item within it)"
        )
    };
}

/// In a `#[generator(.., throw = E)]` fn: suspends like `yield_!`, and evaluates to
/// `Ok(sent value)`, or `Err(e)` when the generator is resumed by `throw(e)` (Python's
/// `try: v = yield x` / `except E as e:`), so the body can recover and go on. (A plain
/// `yield_!` in such a fn raises the thrown error like `?`.)
///
/// ```
/// use coro_core::{generator, yield_catch, Generator, GeneratorState, Throw};
///
/// #[generator(yield = &'static str, resume = u32, throw = String)]
/// fn doubler() {
///     let mut reply = "send a number";
///     loop {
///         reply = match yield_catch!(reply) {
///             Ok(n) if n % 2 == 0 => "even",
///             Ok(_) => "odd",
///             Err(_) => "an error was thrown in, and caught",
///         };
///     }
/// }
///
/// let mut g = doubler();
/// assert_eq!(g.start(), GeneratorState::Yielded("send a number"));
/// assert_eq!(g.send(4), GeneratorState::Yielded("even"));
/// assert_eq!(g.throw("oops".into()), GeneratorState::Yielded("an error was thrown in, and caught"));
/// assert_eq!(g.send(3), GeneratorState::Yielded("odd"));
/// ```
#[cfg(doc)]
#[macro_export]
macro_rules! yield_catch {
    ($value:expr) => { ... };
    () => { ... };
}

#[cfg(not(doc))]
#[macro_export]
macro_rules! yield_catch {
    (@used) => {};
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_catch!` can only be used inside a `#[generator(.., throw = E)]` fn (and not \
             inside a closure, async block or nested item within it)"
        )
    };
}
