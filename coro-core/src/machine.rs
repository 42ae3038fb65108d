//! The runtime half of `#[generator]`: a state enum generated per fn, driven by a non-capturing
//! step closure. Everything here is reached through `__private` by generated code only.

use core::fmt;
use core::iter::FusedIterator;

use crate::{Generator, GeneratorState, GeneratorStatus, Throw};

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
    /// `throw` before `start`: no `yield_!` is waiting to receive the error.
    ThrowNotStarted,
    /// An async generator resumed while still waiting in an `.await` of an earlier resumption
    /// (whose future was dropped before it completed): the sent value would be lost.
    Running,
    /// Not a refusal: an `#[async_gen]` body is waiting for the future it awaits (the step
    /// saved its state at that `.await`). Only an `AsyncMachine`'s step returns it.
    Pending,
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
            Refusal::ThrowNotStarted => throw_before_start(),
            Refusal::Running => resumed_while_running(),
            Refusal::Pending => unreachable!("only an `#[async_gen]` body awaits"),
        }
    }
}

/// What one step returns: the protocol's outcome, or why it refused to run.
pub type Step<Y, Ret> = Result<GeneratorState<Y, Ret>, Refusal>;

/// How a protocol call reaches the step: what `send` passes and whether `throw` exists.
///
/// A plain generator's step takes `Option<R>` (`None` from `start`); one declared with
/// `throw = E` takes `Option<Result<R, E>>` (`Some(Err(e))` from `throw`). The choice is a type
/// parameter of [`Machine`], so a plain generator pays nothing for `throw`.
pub trait Protocol<R> {
    /// What the step receives from `send` (and `throw`).
    type Input;
    /// The input of `send(value)`.
    fn send(value: R) -> Self::Input;
}

/// The protocol of a generator without `throw`.
#[derive(Clone, Copy, Debug)]
pub enum Plain {}

impl<R> Protocol<R> for Plain {
    type Input = R;
    #[inline]
    fn send(value: R) -> R {
        value
    }
}

/// The protocol of a generator declared with `throw = E`.
#[derive(Debug)]
pub struct Thrown<E>(core::marker::PhantomData<fn(E)>);

impl<R, E> Protocol<R> for Thrown<E> {
    type Input = Result<R, E>;
    #[inline]
    fn send(value: R) -> Result<R, E> {
        Ok(value)
    }
}

/// The generator object returned by a `#[generator]` fn.
///
/// `S` is the fn's state enum, `F` its (zero-sized, non-capturing) step closure and `P` its
/// [`Protocol`]. The step receives `None` from `start`/`next` and `Some(input)` from `send`
/// (and `throw`).
///
/// Hidden, so that rustc does not list its impls among "the following other types implement
/// trait `Generator<R>`" (a `#[generator]` fn's opaque type is what users see).
#[doc(hidden)]
pub struct Machine<S, F, P = Plain> {
    state: S,
    step: F,
    protocol: core::marker::PhantomData<fn() -> P>,
}

impl<S, F, P> Machine<S, F, P> {
    /// What every constructor below builds; they differ only in the step's bound.
    #[inline]
    fn new(state: S, step: F) -> Self {
        Machine {
            state,
            step,
            protocol: core::marker::PhantomData,
        }
    }
}

// By hand: a derive would ask `P: Clone`, which `Thrown<E>` need not be.
impl<S: Clone, F: Clone, P> Clone for Machine<S, F, P> {
    fn clone(&self) -> Self {
        Machine {
            state: self.state.clone(),
            step: self.step.clone(),
            protocol: core::marker::PhantomData,
        }
    }
}

/// Builds a generator from its initial state and step closure. The turbofish carries the user's
/// `resume`, `yield` and return types so that type errors point at the user's code.
#[inline]
pub fn machine<R, Y, Ret, S, F>(state: S, step: F) -> Machine<S, F>
where
    S: StateInfo,
    F: Fn(&mut S, Option<R>) -> Step<Y, Ret>,
{
    Machine::new(state, step)
}

/// [`machine`] for `resume = &T`: the step is higher-ranked in the borrow, so the generator is a
/// `for<'r> Generator<&'r T>` (each sent borrow lasts one resumption).
#[inline]
pub fn machine_lent<T: ?Sized, Y, Ret, S, F>(state: S, step: F) -> Machine<S, F>
where
    S: StateInfo,
    F: for<'r> Fn(&mut S, Option<&'r T>) -> Step<Y, Ret>,
{
    Machine::new(state, step)
}

/// [`machine_lent`] for `resume = &mut T`.
#[inline]
pub fn machine_lent_mut<T: ?Sized, Y, Ret, S, F>(state: S, step: F) -> Machine<S, F>
where
    S: StateInfo,
    F: for<'r> Fn(&mut S, Option<&'r mut T>) -> Step<Y, Ret>,
{
    Machine::new(state, step)
}

/// [`machine`] for a generator declared with `throw = E`.
#[inline]
pub fn throwing_machine<R, E, Y, Ret, S, F>(state: S, step: F) -> Machine<S, F, Thrown<E>>
where
    S: StateInfo,
    F: Fn(&mut S, Option<Result<R, E>>) -> Step<Y, Ret>,
{
    Machine::new(state, step)
}

impl<S, F, P, R, Y, Ret> Generator<R> for Machine<S, F, P>
where
    S: StateInfo,
    P: Protocol<R>,
    F: Fn(&mut S, Option<P::Input>) -> Step<Y, Ret>,
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
        match (self.step)(&mut self.state, Some(P::send(value))) {
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

#[diagnostic::do_not_recommend]
impl<S, F, R, E, Y, Ret> Throw<E, R> for Machine<S, F, Thrown<E>>
where
    S: StateInfo,
    F: Fn(&mut S, Option<Result<R, E>>) -> Step<Y, Ret>,
{
    #[inline]
    #[track_caller]
    fn throw(&mut self, error: E) -> GeneratorState<Y, Ret> {
        match (self.step)(&mut self.state, Some(Err(error))) {
            Ok(s) => s,
            Err(refusal) => refusal.raise(),
        }
    }
}

impl<S, F, P, Y, Ret> Iterator for Machine<S, F, P>
where
    S: StateInfo,
    P: Protocol<()>,
    F: Fn(&mut S, Option<P::Input>) -> Step<Y, Ret>,
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

impl<S, F, P, Y, Ret> FusedIterator for Machine<S, F, P>
where
    S: StateInfo,
    P: Protocol<()>,
    F: Fn(&mut S, Option<P::Input>) -> Step<Y, Ret>,
{
}

impl<S: StateInfo, F, P> fmt::Debug for Machine<S, F, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", S::NAME, self.state.status())
    }
}

/// Stands, in an arm of dead code that is never entered, for the user's diverging statement
/// before it (a `return;`), so that rustc's `unreachable_code` lint reports the user's next
/// statement as in a plain fn, its label on the user's statement (the call has that span).
#[inline(always)]
pub fn dead_code_follows() -> ! {
    unreachable!("a generator's arm of dead code was entered")
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

/// `throw` on a generator that never ran: no `yield_!` is waiting to receive the error.
#[cold]
#[inline(never)]
#[track_caller]
pub fn throw_before_start() -> ! {
    panic!(
        "throw() called on a generator that has not started: no yield_! is waiting to receive \
         the error; call start() first, or close() it (Python would close it and raise the \
         error at the caller, who already holds it)"
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

/// The step was given a value while its body waits in an `.await` of an earlier resumption.
#[cold]
#[inline(never)]
#[track_caller]
pub fn resumed_while_running() -> ! {
    panic!(
        "async generator resumed while an earlier start()/send() of it is still waiting in an \
         .await (that resumption's future was dropped before it completed): await each \
         resumption to its end"
    )
}

/// Stores the next state. The old one is always `Poisoned` (the step took the state out when
/// it started), so it is forgotten rather than dropped: that spares LLVM a drop call it cannot
/// prove away (measured on recursive `yield_from!`).
#[inline]
pub fn set_state<S>(state: &mut S, next: S) {
    core::mem::forget(core::mem::replace(state, next));
}

/// The type of a local, as a zero-sized value the state can carry across arms (see the
/// macro crate's `lower/witness.rs`): it ties the type of a local an arm declares afresh to its
/// first declaration's.
pub struct TypeOf<T>(core::marker::PhantomData<fn() -> T>);

impl<T> TypeOf<T> {
    /// The witness of `value`'s type.
    #[inline]
    pub fn of(_: &T) -> Self {
        TypeOf(core::marker::PhantomData)
    }

    /// A value of the type, in rustc's eyes: only ever called under `if false`.
    pub fn never(self) -> T {
        unreachable!("a type witness is never asked for a value")
    }
}

// By hand: a derive would ask `T: Clone`/`T: Copy` (the `clone` option clones the state).
impl<T> Clone for TypeOf<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for TypeOf<T> {}

impl<T> fmt::Debug for TypeOf<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TypeOf")
    }
}

/// Gives a `gen_block!`'s return type a fallback: `returns` diverges, so when the body never
/// completes (`loop { yield_!(i) }`) the type is the never-type fallback's, as for a closure
/// whose body diverges, and otherwise the body's. Does nothing at run time.
#[inline(always)]
pub fn return_hint<S, F, P, R, Y, Ret>(_: &Machine<S, F, P>, _returns: impl FnOnce() -> Ret)
where
    P: Protocol<R>,
    F: Fn(&mut S, Option<P::Input>) -> Step<Y, Ret>,
{
}

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

/// The value or error a `throw = E` generator was resumed with (`None` means `start()`, which
/// only a generator whose resume type is `()` accepts at a `yield_!`).
#[inline]
#[track_caller]
pub fn resumed_or_thrown<R, E>(resume: &mut Option<Result<R, E>>) -> Result<R, E> {
    match resume.take() {
        Some(r) => r,
        None => start_while_suspended(),
    }
}

/// [`resumed_or_thrown`] with a resume type of `()`: `start()`/`next()` resume with `Ok(())`.
#[inline]
pub fn resumed_unit_or_thrown<E>(resume: &mut Option<Result<(), E>>) -> Result<(), E> {
    resume.take().unwrap_or(Ok(()))
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
