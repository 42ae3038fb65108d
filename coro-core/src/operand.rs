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
