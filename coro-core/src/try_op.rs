//! `?` inside `#[generator]` bodies. `core::ops::Try` is unstable, so the lowering rewrites
//! `e?` to a match on [`Branch::branch`] and completes the generator with
//! [`FromResidual::from_residual`], which mirrors what `?` does in a plain fn (including `From`).

use core::convert::Infallible;

/// Whether to continue with a value or return early with a residual.
#[derive(Debug)]
pub enum Flow<C, B> {
    /// `e?` evaluates to this.
    Continue(C),
    /// The generator completes with `Return::from_residual(this)`.
    Break(B),
}

/// Splits a `?` operand into its output and its residual.
pub trait Branch {
    /// What `e?` evaluates to.
    type Output;
    /// What an early return carries.
    type Residual;
    /// Splits the value.
    fn branch(self) -> Flow<Self::Output, Self::Residual>;
}

/// Builds the return value of an early `?` exit.
#[diagnostic::on_unimplemented(
    message = "this generator returns `{Self}`, which cannot carry `{R}` out of it",
    label = "the generator would complete here with `{R}`",
    note = "as with `?` in a plain fn, the fn's return type must take the error: e.g. `-> Result<T, E>` where the error converts into `E` with `From`, or `-> Option<T>` for `None`"
)]
pub trait FromResidual<R> {
    /// Converts the residual (with `From` for errors, as `?` does).
    fn from_residual(residual: R) -> Self;
}

impl<T, E> Branch for Result<T, E> {
    type Output = T;
    type Residual = Result<Infallible, E>;

    #[inline]
    fn branch(self) -> Flow<T, Result<Infallible, E>> {
        match self {
            Ok(v) => Flow::Continue(v),
            Err(e) => Flow::Break(Err(e)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Result<T, F> {
    #[inline]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(e) => Err(From::from(e)),
        }
    }
}

impl<T> Branch for Option<T> {
    type Output = T;
    type Residual = Option<Infallible>;

    #[inline]
    fn branch(self) -> Flow<T, Option<Infallible>> {
        match self {
            Some(v) => Flow::Continue(v),
            None => Flow::Break(None),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T> FromResidual<Option<Infallible>> for Option<T> {
    #[inline]
    fn from_residual(_: Option<Infallible>) -> Self {
        None
    }
}

impl<B, C> Branch for core::ops::ControlFlow<B, C> {
    type Output = C;
    type Residual = core::ops::ControlFlow<B, Infallible>;

    #[inline]
    fn branch(self) -> Flow<C, core::ops::ControlFlow<B, Infallible>> {
        match self {
            core::ops::ControlFlow::Continue(c) => Flow::Continue(c),
            core::ops::ControlFlow::Break(b) => Flow::Break(core::ops::ControlFlow::Break(b)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<B, C> FromResidual<core::ops::ControlFlow<B, Infallible>> for core::ops::ControlFlow<B, C> {
    #[inline]
    fn from_residual(residual: core::ops::ControlFlow<B, Infallible>) -> Self {
        match residual {
            core::ops::ControlFlow::Break(b) => core::ops::ControlFlow::Break(b),
        }
    }
}
