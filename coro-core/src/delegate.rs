//! What `yield_from!(x)` drives: a generator (sends and throws forwarded, PEP 380), or, in a
//! generator whose resume type is `()`, any iterable (Python's `yield from range(3)`).
//!
//! Input:  the argument of `yield_from!`, wrapped as `Sub::<_, R, E>::new(x)` (`R` the resume
//!         type, `E` the `throw` type or `Infallible`).
//! Output: a [`Delegate`], chosen by the first rung of the ladder `x`'s type fits:
//!         1. `Throw<E, R>` generator: [`Forward`], a throw is forwarded into it;
//!         2. `Generator<R>`: [`Shield`], a throw closes it and is raised at the `yield_from!`;
//!            a pinned generator (`PinnedGen`) too, boxed and pinned first (`Box::pin`);
//!         3. `&str` or `String` (resume `()`): [`Chars`], its characters, as Python yields them;
//!         4. `IntoIterator` (resume `()`): [`Items`];
//!         5. anything else: itself, which then fails to be a `Delegate` with coro's message.
//!
//! Rust has no specialization, so the ladder is an autoref-specialization ladder: the macro
//! calls `(&&&&sub).delegate_kind()` with every rung's trait in scope, and method resolution
//! picks the impl with the most `&`s whose bounds hold. It needs `x`'s type to be known where
//! `yield_from!` stands, as it is for a call or a local of known type.

use core::marker::PhantomData;

use crate::{Generator, GeneratorState, Throw};

/// The argument of `yield_from!`, with the enclosing generator's resume and throw types.
#[derive(Debug)]
pub struct Sub<T, R, E>(T, PhantomData<fn(R) -> E>);

impl<T, R, E> Sub<T, R, E> {
    #[inline]
    pub fn new(value: T) -> Self {
        Sub(value, PhantomData)
    }
}

/// One delegation of `yield_from!`: the sub-generator's side of PEP 380.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` cannot delegate to `{Self}`",
    label = "not a generator resumed with `{R}`, nor an iterable",
    note = "`yield_from!(g)` takes a generator whose resume type is that of the enclosing generator (`{R}`); when that is `()`, it also takes any iterable (a range, a `Vec`, an iterator, a string's characters)",
    note = "to yield every item of an iterator in a generator that takes values, write `for x in iter {{ yield_!(x); }}`"
)]
pub trait Delegate<R, E> {
    /// What the sub-generator yields.
    type Yield;
    /// What `yield_from!` evaluates to.
    type Return;
    /// Runs it to its first yield.
    fn start(&mut self) -> GeneratorState<Self::Yield, Self::Return>;
    /// Resumes it with a sent value.
    fn send(&mut self, value: R) -> GeneratorState<Self::Yield, Self::Return>;
    /// Throws into it; `Err` hands the error back to be raised at the `yield_from!`.
    fn throw(&mut self, error: E) -> Result<GeneratorState<Self::Yield, Self::Return>, E>;
}

/// Rung 1: a sub-generator that takes thrown errors.
#[derive(Debug, Clone)]
pub struct Forward<G>(G);
/// Rung 2: a sub-generator that does not.
#[derive(Debug, Clone)]
pub struct Shield<G>(G);
/// Rung 3: a string's characters.
#[derive(Debug, Clone)]
pub struct Chars<S> {
    text: S,
    at: usize,
}
/// Rung 4: an iterable's items.
#[derive(Debug, Clone)]
pub struct Items<I>(I);

#[diagnostic::do_not_recommend]
impl<G: Throw<E, R>, R, E> Delegate<R, E> for Forward<G> {
    type Yield = G::Yield;
    type Return = G::Return;
    #[inline]
    fn start(&mut self) -> GeneratorState<G::Yield, G::Return> {
        self.0.start()
    }
    #[inline]
    fn send(&mut self, value: R) -> GeneratorState<G::Yield, G::Return> {
        self.0.send(value)
    }
    #[inline]
    fn throw(&mut self, error: E) -> Result<GeneratorState<G::Yield, G::Return>, E> {
        Ok(self.0.throw(error))
    }
}

#[diagnostic::do_not_recommend]
impl<G: Generator<R>, R, E> Delegate<R, E> for Shield<G> {
    type Yield = G::Yield;
    type Return = G::Return;
    #[inline]
    fn start(&mut self) -> GeneratorState<G::Yield, G::Return> {
        self.0.start()
    }
    #[inline]
    fn send(&mut self, value: R) -> GeneratorState<G::Yield, G::Return> {
        self.0.send(value)
    }
    /// PEP 380: a sub-generator without `throw` is closed, and the error raised in the
    /// delegating generator.
    fn throw(&mut self, error: E) -> Result<GeneratorState<G::Yield, G::Return>, E> {
        self.0.close();
        Err(error)
    }
}

#[diagnostic::do_not_recommend]
impl<S: AsRef<str>, E> Delegate<(), E> for Chars<S> {
    type Yield = char;
    type Return = ();
    #[inline]
    fn start(&mut self) -> GeneratorState<char, ()> {
        match self.text.as_ref()[self.at..].chars().next() {
            Some(c) => {
                self.at += c.len_utf8();
                GeneratorState::Yielded(c)
            }
            None => GeneratorState::Complete(()),
        }
    }
    #[inline]
    fn send(&mut self, (): ()) -> GeneratorState<char, ()> {
        Delegate::<(), E>::start(self)
    }
    fn throw(&mut self, error: E) -> Result<GeneratorState<char, ()>, E> {
        Err(error)
    }
}

#[diagnostic::do_not_recommend]
impl<I: Iterator, E> Delegate<(), E> for Items<I> {
    type Yield = I::Item;
    type Return = ();
    #[inline]
    fn start(&mut self) -> GeneratorState<I::Item, ()> {
        match self.0.next() {
            Some(y) => GeneratorState::Yielded(y),
            None => GeneratorState::Complete(()),
        }
    }
    #[inline]
    fn send(&mut self, (): ()) -> GeneratorState<I::Item, ()> {
        Delegate::<(), E>::start(self)
    }
    fn throw(&mut self, error: E) -> Result<GeneratorState<I::Item, ()>, E> {
        Err(error)
    }
}

// The tags' `wrap` takes `self`: the tag's type, which method resolution chose, is what picks
// the `wrap`. Each tag is the selection result, so the `self` is the point.

/// The tag of rung 1; its `wrap` builds the delegate.
#[derive(Debug)]
pub struct ForwardTag;
/// The tag of rung 2.
#[derive(Debug)]
pub struct ShieldTag;
/// The tag of rung 2 for a pinned generator.
#[derive(Debug)]
pub struct PinnedTag;
/// The tag of rung 1 for a pinned generator that takes thrown errors (`PinnedThrowGen`).
#[derive(Debug)]
pub struct PinnedForwardTag;
/// The tag of rung 2 for a `PinnedThrowGen` whose error type is not the delegating one's.
#[derive(Debug)]
pub struct PinnedShieldTag;
/// The tag of rung 3.
#[derive(Debug)]
pub struct CharsTag;
/// The tag of rung 4.
#[derive(Debug)]
pub struct ItemsTag;
/// The tag of rung 5: no delegate.
#[derive(Debug)]
pub struct OtherTag;

#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl ForwardTag {
    #[inline]
    pub fn wrap<G, R, E>(self, sub: Sub<G, R, E>) -> Forward<G> {
        Forward(sub.0)
    }
}
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl ShieldTag {
    #[inline]
    pub fn wrap<G, R, E>(self, sub: Sub<G, R, E>) -> Shield<G> {
        Shield(sub.0)
    }
}
#[cfg(feature = "alloc")]
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl PinnedTag {
    /// A pinned generator must not move once resumed: it is boxed and pinned here.
    #[inline]
    pub fn wrap<Y, R, F: crate::pinned::Body<Y, R>, E>(
        self,
        sub: Sub<crate::PinnedGen<Y, R, F>, R, E>,
    ) -> Shield<core::pin::Pin<alloc::boxed::Box<crate::PinnedGen<Y, R, F>>>> {
        Shield(alloc::boxed::Box::pin(sub.0))
    }
}
/// A pinned generator that takes thrown errors, boxed for a `yield_from!`.
#[cfg(feature = "alloc")]
type BoxedThrowGen<Y, R, E, F> =
    core::pin::Pin<alloc::boxed::Box<crate::PinnedThrowGen<Y, R, E, F>>>;

#[cfg(feature = "alloc")]
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl PinnedForwardTag {
    /// Boxed and pinned like a `PinnedGen`; thrown errors are forwarded to it.
    #[inline]
    pub fn wrap<Y, R, E, F: crate::pinned::Body<Y, Result<R, E>>>(
        self,
        sub: Sub<crate::PinnedThrowGen<Y, R, E, F>, R, E>,
    ) -> Forward<BoxedThrowGen<Y, R, E, F>> {
        Forward(alloc::boxed::Box::pin(sub.0))
    }
}
#[cfg(feature = "alloc")]
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl PinnedShieldTag {
    /// Boxed and pinned; it cannot take the delegating generator's errors.
    #[inline]
    pub fn wrap<Y, R, E2, F: crate::pinned::Body<Y, Result<R, E2>>, E>(
        self,
        sub: Sub<crate::PinnedThrowGen<Y, R, E2, F>, R, E>,
    ) -> Shield<BoxedThrowGen<Y, R, E2, F>> {
        Shield(alloc::boxed::Box::pin(sub.0))
    }
}
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl CharsTag {
    #[inline]
    pub fn wrap<S, R, E>(self, sub: Sub<S, R, E>) -> Chars<S> {
        Chars { text: sub.0, at: 0 }
    }
}
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl ItemsTag {
    #[inline]
    pub fn wrap<I: IntoIterator, R, E>(self, sub: Sub<I, R, E>) -> Items<I::IntoIter> {
        Items(sub.0.into_iter())
    }
}
#[allow(
    clippy::unused_self,
    reason = "the tag's type selects the wrap (see above)"
)]
impl OtherTag {
    #[inline]
    pub fn wrap<T, R, E>(self, sub: Sub<T, R, E>) -> T {
        sub.0
    }
}

pub trait ForwardKind {
    fn delegate_kind(self) -> ForwardTag;
}
pub trait ShieldKind {
    fn delegate_kind(self) -> ShieldTag;
}
pub trait PinnedKind {
    fn delegate_kind(self) -> PinnedTag;
}
pub trait PinnedForwardKind {
    fn delegate_kind(self) -> PinnedForwardTag;
}
pub trait PinnedShieldKind {
    fn delegate_kind(self) -> PinnedShieldTag;
}
pub trait CharsKind {
    fn delegate_kind(self) -> CharsTag;
}
pub trait ItemsKind {
    fn delegate_kind(self) -> ItemsTag;
}
pub trait OtherKind {
    fn delegate_kind(self) -> OtherTag;
}

impl<G: Throw<E, R>, R, E> ForwardKind for &&&&Sub<G, R, E> {
    #[inline]
    fn delegate_kind(self) -> ForwardTag {
        ForwardTag
    }
}
impl<G: Generator<R>, R, E> ShieldKind for &&&Sub<G, R, E> {
    #[inline]
    fn delegate_kind(self) -> ShieldTag {
        ShieldTag
    }
}
#[cfg(feature = "alloc")]
impl<Y, R, F: crate::pinned::Body<Y, R>, E> PinnedKind for &&&Sub<crate::PinnedGen<Y, R, F>, R, E> {
    #[inline]
    fn delegate_kind(self) -> PinnedTag {
        PinnedTag
    }
}
#[cfg(feature = "alloc")]
impl<Y, R, E, F: crate::pinned::Body<Y, Result<R, E>>> PinnedForwardKind
    for &&&&Sub<crate::PinnedThrowGen<Y, R, E, F>, R, E>
{
    #[inline]
    fn delegate_kind(self) -> PinnedForwardTag {
        PinnedForwardTag
    }
}
#[cfg(feature = "alloc")]
impl<Y, R, E2, F: crate::pinned::Body<Y, Result<R, E2>>, E> PinnedShieldKind
    for &&&Sub<crate::PinnedThrowGen<Y, R, E2, F>, R, E>
{
    #[inline]
    fn delegate_kind(self) -> PinnedShieldTag {
        PinnedShieldTag
    }
}
impl<E> CharsKind for &&Sub<&str, (), E> {
    #[inline]
    fn delegate_kind(self) -> CharsTag {
        CharsTag
    }
}
#[cfg(feature = "alloc")]
impl<E> CharsKind for &&Sub<alloc::string::String, (), E> {
    #[inline]
    fn delegate_kind(self) -> CharsTag {
        CharsTag
    }
}
impl<I: IntoIterator, E> ItemsKind for &Sub<I, (), E> {
    #[inline]
    fn delegate_kind(self) -> ItemsTag {
        ItemsTag
    }
}
impl<T, R, E> OtherKind for Sub<T, R, E> {
    #[inline]
    fn delegate_kind(self) -> OtherTag {
        OtherTag
    }
}
