//! `yield_!` and `yield_from!`: markers that `#[generator]` and `#[async_gen]` rewrite.
//!
//! Outside those attributes they are a compile error. Each expansion also emits
//! `yield_!(@used)` once, with the user's path, so that `use coro_core::yield_;` stays a used
//! import after the attribute has consumed every other `yield_!` token.

/// Suspends the enclosing `#[generator]` (or `#[async_gen]`) with a value.
///
/// `yield_!(e)` hands `e` to the caller of `start`/`send` (or to the stream's consumer) and
/// evaluates to the value passed to the next `send`. `yield_!()` yields `()`.
/// Like Python's `x = yield e`.
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

/// Delegates to another generator (or, in `#[async_gen]`, to a stream), like Python's
/// `yield from g`: every value it yields is yielded here, every value sent here is sent to it,
/// and the expression evaluates to its return value.
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
/// `try: v = yield x` / `except E as e:`), so the body can recover and go on.
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
