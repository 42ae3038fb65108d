//! `#[generator(yield = Y, resume = R, throw = E, pinned)]`: a pinned generator that an error
//! can be thrown into ([`Throw`]), on the runtime of `pinned.rs`.
//!
//! The body is a [`PinnedGen`] whose resume type is `Result<R, E>`: `send(v)` resumes it with
//! `Ok(v)`, `throw(e)` with `Err(e)`, and the expansion's `yield_!` raises an `Err` like `?`
//! (`yield_catch!` hands it to the body). This type only gives that generator the protocol of
//! `R` and `E`, as the enum mode's `Thrown` protocol does.

use core::fmt;
use core::future::Future;
use core::pin::Pin;

use crate::machine::throw_before_start;
use crate::pinned::{Body, Info, PinnedGen, Yielder, pinned};
use crate::{Generator, GeneratorState, GeneratorStatus, Throw};

/// The generator returned by a `#[generator(.., throw = E, pinned)]` fn: a [`PinnedGen`] that
/// also takes thrown errors. `!Unpin`: use it through `core::pin::pin!` or `Box::pin`, where
/// `Pin<&mut _>` and `Pin<Box<_>>` are [`Generator`]s and [`Throw`] generators (and
/// `Iterator`s when they take no resume value).
///
/// ```
/// use coro_core::{generator, yield_, yield_catch, Generator, GeneratorState, Throw};
///
/// #[generator(yield = usize, throw = String, pinned)]
/// fn lengths(text: String) -> Vec<String> {
///     let mut errors = Vec::new();
///     for word in text.split(' ') {              // borrows the local `text` across the yield
///         if let Err(e) = yield_catch!(word.len()) {
///             errors.push(format!("{word}: {e}"));
///         }
///     }
///     errors
/// }
///
/// let mut g = core::pin::pin!(lengths("ab cde".into()));
/// assert_eq!(g.start(), GeneratorState::Yielded(2));
/// assert_eq!(g.throw("bad".into()), GeneratorState::Yielded(3));
/// assert_eq!(g.start(), GeneratorState::Complete(vec!["ab: bad".to_string()]));
/// ```
pub struct PinnedThrowGen<Y, R, E, F: Body<Y, Result<R, E>>> {
    inner: PinnedGen<Y, Result<R, E>, F>,
}

/// Builds the generator of a `#[generator(.., throw = E, pinned)]` fn (not public API).
#[inline]
pub fn pinned_throwing<Y, R, E, Ret, F, Fut>(
    info: &'static Info,
    body: F,
) -> PinnedThrowGen<Y, R, E, F>
where
    F: FnOnce(Yielder<Y, Result<R, E>>) -> Fut,
    Fut: Future<Output = Ret>,
{
    PinnedThrowGen {
        inner: pinned::<Y, Result<R, E>, Ret, F, Fut>(info, body),
    }
}

impl<Y, R, E, F: Body<Y, Result<R, E>>> PinnedThrowGen<Y, R, E, F> {
    #[inline]
    fn inner(self: Pin<&mut Self>) -> Pin<&mut PinnedGen<Y, Result<R, E>, F>> {
        // SAFETY: `inner` is pinned with `self` (structural pinning): this type never moves it
        // out, has no `Drop` of its own, and is `!Unpin` whenever `PinnedGen` is.
        unsafe { self.map_unchecked_mut(|g| &mut g.inner) }
    }
}

macro_rules! throw_generator {
    ($($ptr:ty, $unit:ty);*) => {$(
        impl<Y, R, E, F: Body<Y, Result<R, E>>> Generator<R> for Pin<$ptr> {
            type Yield = Y;
            type Return = <F::Fut as Future>::Output;

            #[inline]
            #[track_caller]
            fn start(&mut self) -> GeneratorState<Y, Self::Return> {
                let unit = self.inner.resume_is_unit();
                match self.as_mut().inner().step(None, unit) {
                    Ok(s) => s,
                    Err(refusal) => refusal.raise(),
                }
            }

            #[inline]
            #[track_caller]
            fn send(&mut self, value: R) -> GeneratorState<Y, Self::Return> {
                match self.as_mut().inner().step(Some(Ok(value)), false) {
                    Ok(s) => s,
                    Err(refusal) => refusal.raise(),
                }
            }

            fn status(&self) -> GeneratorStatus {
                self.inner.status_of()
            }

            fn close(&mut self) {
                self.as_mut().inner().close_in_place();
            }
        }

        // Not offered in "other types implement `Throw`" notes: a plain generator that is not
        // `throw = E` gets the trait's own message, not a list of coro's pinned types.
        #[diagnostic::do_not_recommend]
        impl<Y, R, E, F: Body<Y, Result<R, E>>> Throw<E, R> for Pin<$ptr> {
            #[track_caller]
            fn throw(&mut self, error: E) -> GeneratorState<Y, Self::Return> {
                // Refused before the body runs, the error still the caller's (see `Throw`).
                if self.inner.is_created() {
                    throw_before_start();
                }
                match self.as_mut().inner().step(Some(Err(error)), false) {
                    Ok(s) => s,
                    Err(refusal) => refusal.raise(),
                }
            }
        }

        impl<Y, E, F: Body<Y, Result<(), E>>> Iterator for Pin<$unit> {
            type Item = Y;

            #[inline]
            #[track_caller]
            fn next(&mut self) -> Option<Y> {
                match self.as_mut().inner().step(None, true) {
                    Ok(GeneratorState::Yielded(y)) => Some(y),
                    Ok(GeneratorState::Complete(_)) | Err(crate::machine::Refusal::Completed) => None,
                    Err(refusal) => refusal.raise(),
                }
            }
        }

        impl<Y, E, F: Body<Y, Result<(), E>>> core::iter::FusedIterator for Pin<$unit> {}
    )*};
}

throw_generator!(&mut PinnedThrowGen<Y, R, E, F>, &mut PinnedThrowGen<Y, (), E, F>);
#[cfg(feature = "alloc")]
throw_generator!(
    alloc::boxed::Box<PinnedThrowGen<Y, R, E, F>>,
    alloc::boxed::Box<PinnedThrowGen<Y, (), E, F>>
);

impl<Y, R, E, F: Body<Y, Result<R, E>>> fmt::Debug for PinnedThrowGen<Y, R, E, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}
