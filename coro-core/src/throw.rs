//! Python's `g.throw(e)` as a trait: generators declared with `#[generator(.., throw = E)]`.

use crate::{Generator, GeneratorState};

/// A generator that an error can be thrown into (Python's `g.throw(e)`): made by a
/// `#[generator(yield = Y, throw = E)]` fn.
///
/// The thrown error arrives at the `yield_!` the generator is suspended at:
/// - `yield_!(v)` propagates it like `?`: the generator completes with
///   `Return::from(Err(e))` (its locals drop, as Python's `finally` blocks run);
/// - `yield_catch!(v)` evaluates to `Err(e)` instead of `Ok(sent value)`, so the body can
///   recover and go on, as an `except` clause does;
/// - `yield_from!(sub)` forwards it to `sub` when `sub` is a `Throw<E>` generator too (PEP 380);
///   otherwise it closes `sub` and raises the error at the `yield_from!`.
///
/// ```
/// use coro_core::{generator, yield_, yield_catch, GeneratorState, Throw, Generator};
///
/// #[generator(yield = u32, throw = String)]
/// fn tally() -> Vec<String> {
///     let mut errors = Vec::new();
///     for i in 0..3 {
///         if let Err(e) = yield_catch!(i) {
///             errors.push(e); // caught: go on with the next value
///         }
///     }
///     errors
/// }
///
/// let mut g = tally();
/// assert_eq!(g.start(), GeneratorState::Yielded(0));
/// assert_eq!(g.throw("bad".to_string()), GeneratorState::Yielded(1));
/// assert_eq!(g.start(), GeneratorState::Yielded(2));
/// assert_eq!(g.start(), GeneratorState::Complete(vec!["bad".to_string()]));
/// ```
///
/// # Differences from Python
/// Python raises the thrown exception straight back at the caller of `throw` when the
/// generator has not started or has finished. In Rust the caller still owns the error, so
/// `throw` on a generator that has not started panics (like `send`) and leaves it untouched;
/// on a completed one it panics like every other resumption.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot have a `{E}` thrown into it",
    label = "not a `Throw<{E}>` generator",
    note = "generators that take thrown errors are declared with `#[generator(yield = .., throw = {E})]`"
)]
pub trait Throw<E, R = ()>: Generator<R> {
    /// Resumes the generator by raising `error` at its pending `yield_!` (see the trait docs).
    ///
    /// # Panics
    /// On a generator that has not started, has completed or is poisoned; the panic is
    /// reported at this call and leaves the generator as it was.
    #[track_caller]
    fn throw(&mut self, error: E) -> GeneratorState<Self::Yield, Self::Return>;
}

#[diagnostic::do_not_recommend]
impl<E, R, G: Throw<E, R> + ?Sized> Throw<E, R> for &mut G {
    #[track_caller]
    fn throw(&mut self, error: E) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).throw(error)
    }
}

#[diagnostic::do_not_recommend]
#[cfg(feature = "alloc")]
impl<E, R, G: Throw<E, R> + ?Sized> Throw<E, R> for alloc::boxed::Box<G> {
    #[track_caller]
    fn throw(&mut self, error: E) -> GeneratorState<Self::Yield, Self::Return> {
        (**self).throw(error)
    }
}
