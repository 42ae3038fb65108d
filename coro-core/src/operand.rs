//! The bound through which `for_await!` and `yield_from!` (in `#[async_gen]`) check their
//! operand: it exists for its compile error only.

use futures_core::Stream;

/// What `for_await!(x in s { .. })` and `yield_from!(s)` accept: any `Stream`. A trait of its
/// own only for its message: a non-stream operand is reported once, at the user's expression,
/// with what to write instead.
///
/// The second impl never applies (`Unreachable` has no impls). It is there so that selection
/// has two candidates and evaluates them: for a non-stream both fail, the operand's stream type
/// is an error, and no second "not a `Stream`" follows at the `.await`. (With one candidate
/// rustc would take the impl, normalize `Stream` to the operand's type and report it again.)
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Stream`: `for_await!`, and `yield_from!` in an `#[async_gen]`, consume a stream",
    label = "not a `Stream`",
    note = "for an iterator or a collection, write a plain `for` loop, or make it a stream with `futures::stream::iter(..)`",
    note = "an `#[async_gen]` fn returns a stream; an `async fn` returns a future, to `.await`"
)]
pub trait StreamOperand<Via> {
    /// The stream itself.
    type Stream: Stream;
    /// Returns the stream.
    fn into_stream(self) -> Self::Stream;
}

/// The impl of [`StreamOperand`] that applies.
#[derive(Debug)]
pub enum Direct {}

/// The impl of [`StreamOperand`] that never applies.
#[derive(Debug)]
pub enum Never {}

/// Implemented by nothing.
pub trait Unreachable: Stream {}

impl<S: Stream> StreamOperand<Direct> for S {
    type Stream = S;
    #[inline]
    fn into_stream(self) -> S {
        self
    }
}

impl<S: Unreachable> StreamOperand<Never> for S {
    type Stream = S;
    #[inline]
    fn into_stream(self) -> S {
        self
    }
}

/// How `yield_from!` forwards an item in an `#[async_gen]` fn returning `Result<(), E>`: as
/// `Ok(item)`. A trait of its own only for its message: an item that is not the `yield` type
/// (often a `Result` already) is reported at the user's operand, instead of as an argument of
/// a method of the yield handle, with rustc's suggestion to `.expect()` the attribute.
///
/// Implemented for the pair (handle, item) and called with one argument, so that both types
/// are known when rustc checks the bound: with two arguments it would fix the item type from
/// the handle's first and report a mismatched argument instead. The future's type does not go
/// through the impl (`Out` is a parameter), so a failed bound is not reported again at its
/// `.await`.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` yields each item of this stream as `Ok(item)`, but its items are not the fn's `yield` type",
    label = "the items of this stream are not the `yield` type",
    note = "the fn returns `Result`, so `yield_!(x)` and `yield_from!` yield `Ok(x)`; to forward a stream of `Result`s and stop at the first error, write `for_await!(r in stream {{ yield_!(r?); }})`"
)]
pub trait YieldFromOk<'h, Out> {
    /// Yields `Ok(item)`.
    fn yield_from_ok(self) -> crate::stream::Yield<'h, Out>;
}

impl<'h, Y, E> YieldFromOk<'h, Result<Y, E>>
    for (&'h mut crate::stream::YieldHandle<'_, Result<Y, E>>, Y)
{
    #[inline]
    fn yield_from_ok(self) -> crate::stream::Yield<'h, Result<Y, E>> {
        self.0.yield_ok(self.1)
    }
}

/// `yield_from!` in an `#[async_gen]` fn returning `Result` on the enum path: each item of the
/// stream must be the `yield` type, as it is yielded as `Ok(item)`. A trait of its own only for
/// its message, reported at the user's stream (as [`YieldFromOk`]'s on the async-block path).
#[diagnostic::on_unimplemented(
    message = "`yield_from!` yields each item of this stream as `Ok(item)`, but its items are not the fn's `yield` type",
    label = "the items of this stream are not the `yield` type",
    note = "the fn returns `Result`, so `yield_!(x)` and `yield_from!` yield `Ok(x)`; to forward a stream of `Result`s and stop at the first error, write `for_await!(r in stream {{ yield_!(r?); }})`"
)]
pub trait OkItem<Y> {
    /// The item itself.
    fn ok_item(self) -> Y;
}

impl<Y> OkItem<Y> for Y {
    #[inline]
    fn ok_item(self) -> Y {
        self
    }
}
