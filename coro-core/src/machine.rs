//! The runtime half of `#[generator]`: a state enum generated per fn, driven by a non-capturing
//! step closure. Everything here is reached through `__private` by generated code only.

use core::fmt;
use core::iter::FusedIterator;

use crate::{Generator, GeneratorState, GeneratorStatus};

/// Implemented by the state enum that `#[generator]` declares inside each fn.
pub trait StateInfo {
    /// The generator fn's name, for `Debug`.
    const NAME: &'static str;
    /// Where the generator stands.
    fn status(&self) -> GeneratorStatus;
    /// Drops the suspended locals: the state becomes `Done`.
    fn close(&mut self);
}

/// Why the step refused to run: the protocol call does not fit the generator's state. The step
/// leaves the state as it found it (nothing ran, nothing dropped) and the caller panics at the
/// user's call (`#[track_caller]` through `start`/`send`/`next`), as Python raises a `TypeError`
/// that leaves the generator usable.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Resumed after it completed (or was closed).
    Completed,
    /// Resumed after its body panicked.
    Panicked,
    /// `send` before `start`: no `yield_!` is waiting for the value.
    NotStarted,
    /// `start` while suspended at a `yield_!` that needs a value.
    NeedsValue,
}

impl Refusal {
    /// Panics with the message of this misuse, at the user's call.
    #[cold]
    #[inline(never)]
    #[track_caller]
    pub fn raise(self) -> ! {
        match self {
            Refusal::Completed => resumed_after_completion(),
            Refusal::Panicked => resumed_after_panicking(),
            Refusal::NotStarted => send_before_start(),
            Refusal::NeedsValue => start_while_suspended(),
        }
    }
}

/// What one step returns: the protocol's outcome, or why it refused to run.
pub type Step<Y, Ret> = Result<GeneratorState<Y, Ret>, Refusal>;

/// The generator object returned by a `#[generator]` fn.
///
/// `S` is the fn's state enum, `F` its (zero-sized, non-capturing) step closure. The step
/// receives `None` from `start`/`next` and `Some(value)` from `send`.
///
/// Hidden, so that rustc does not list its impls among "the following other types implement
/// trait `Generator<R>`" (a `#[generator]` fn's opaque type is what users see).
#[doc(hidden)]
#[derive(Clone)]
pub struct Machine<S, F> {
    state: S,
    step: F,
}

/// Builds a generator from its initial state and step closure. The turbofish carries the user's
/// `resume`, `yield` and return types so that type errors point at the user's code.
#[inline]
pub fn machine<R, Y, Ret, S, F>(state: S, step: F) -> Machine<S, F>
where
    S: StateInfo,
    F: Fn(&mut S, Option<R>) -> Step<Y, Ret>,
{
    Machine { state, step }
}

impl<S, F, R, Y, Ret> Generator<R> for Machine<S, F>
where
    S: StateInfo,
    F: Fn(&mut S, Option<R>) -> Step<Y, Ret>,
{
    type Yield = Y;
    type Return = Ret;

    #[inline]
    #[track_caller]
    fn start(&mut self) -> GeneratorState<Y, Ret> {
        match (self.step)(&mut self.state, None) {
            Ok(s) => s,
            Err(refusal) => refusal.raise(),
        }
    }

    #[inline]
    #[track_caller]
    fn send(&mut self, value: R) -> GeneratorState<Y, Ret> {
        match (self.step)(&mut self.state, Some(value)) {
            Ok(s) => s,
            Err(refusal) => refusal.raise(),
        }
    }

    fn status(&self) -> GeneratorStatus {
        self.state.status()
    }

    fn close(&mut self) {
        self.state.close();
    }
}

impl<S, F, Y, Ret> Iterator for Machine<S, F>
where
    S: StateInfo,
    F: Fn(&mut S, Option<()>) -> Step<Y, Ret>,
{
    type Item = Y;

    #[inline]
    #[track_caller]
    fn next(&mut self) -> Option<Y> {
        match (self.step)(&mut self.state, None) {
            Ok(GeneratorState::Yielded(y)) => Some(y),
            // Fused: a completed generator keeps answering `None`.
            Ok(GeneratorState::Complete(_)) | Err(Refusal::Completed) => None,
            Err(refusal) => refusal.raise(),
        }
    }
}

impl<S, F, Y, Ret> FusedIterator for Machine<S, F>
where
    S: StateInfo,
    F: Fn(&mut S, Option<()>) -> Step<Y, Ret>,
{
}

impl<S: StateInfo, F> fmt::Debug for Machine<S, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", S::NAME, self.state.status())
    }
}

/// The step was asked to resume a completed generator.
#[cold]
#[inline(never)]
#[track_caller]
pub fn resumed_after_completion() -> ! {
    panic!("generator resumed after completion")
}

/// The step was asked to resume a generator whose body panicked.
#[cold]
#[inline(never)]
#[track_caller]
pub fn resumed_after_panicking() -> ! {
    panic!("generator resumed after panicking")
}

/// `send` on a generator that never ran: the value would have no `yield_!` to receive it.
#[cold]
#[inline(never)]
#[track_caller]
pub fn send_before_start() -> ! {
    panic!(
        "send() called on a generator that has not started: call start() first to run it to its \
         first yield_! (Python: g.send(None)); a value sent now would be lost"
    )
}

/// `start` on a suspended generator whose pending `yield_!` needs a value.
#[cold]
#[inline(never)]
#[track_caller]
pub fn start_while_suspended() -> ! {
    panic!(
        "start() called on a generator suspended at a yield_! that expects a value: resume it with \
         send(value)"
    )
}

/// Stores the next state. The old one is always `Poisoned` (the step took the state out when
/// it started), so it is forgotten rather than dropped: that spares LLVM a drop call it cannot
/// prove away (measured on recursive `yield_from!`).
#[inline]
pub fn set_state<S>(state: &mut S, next: S) {
    core::mem::forget(core::mem::replace(state, next));
}

/// Ties two types together (see `Emit::type_tie`); never called at run time.
#[inline]
pub fn same_type<T>(_: &T, _: &T) {}

/// The value sent to a suspended generator, or a panic if it was resumed by `start`.
///
/// Takes it out of the step's argument: the step's dispatch loop may pass through several arms
/// in one resumption, and only the first (the resumed one) receives the value.
#[inline]
#[track_caller]
pub fn resumed<R>(resume: &mut Option<R>) -> R {
    match resume.take() {
        Some(r) => r,
        None => start_while_suspended(),
    }
}

/// What `yield_!(e)` becomes in the plain fn emitted next to a macro error: it type-checks as
/// an expression of the resume type, so the error the macro reported is the only one.
#[doc(hidden)]
pub fn fallback_yield<R, Y>(_value: Y) -> R {
    unreachable!("fallback of a generator that failed to compile")
}

/// What `yield_from!(g)` becomes in the plain fn emitted next to a macro error.
#[doc(hidden)]
pub fn fallback_yield_from<R, G: Generator<R>>(_generator: G) -> G::Return {
    unreachable!("fallback of a generator that failed to compile")
}
