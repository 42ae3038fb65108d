//! What the typing prologue of a `#[generator]` expansion calls (see coro-macros'
//! `emit/typing.rs`): a closure that is type-checked but never called, holding the user's body
//! as plain Rust, in which each local the state enum stores at a type parameter is tied to that
//! parameter right where the local is bound.
//!
//! Why: rustc checks the prologue before the step closure's arms, so by the time it meets the
//! arms' many paths to the generic state enum, every parameter the prologue tied is already
//! known, and no path leaves obligations pending on it. Without it a body of 500 statements
//! took seconds per path-parameter pair to check (issue 10).

use core::marker::PhantomData;

/// `initial`, after type-checking (never calling) `prologue` on a value of its type.
#[inline]
pub fn typed<S, R>(initial: S, prologue: impl FnOnce(S) -> R) -> S {
    // Never called: only its types matter.
    drop(prologue);
    initial
}

/// Ties `value`'s type to the state enum's type parameter `witness` stands for.
#[inline]
pub fn tie<T>(_witness: &PhantomData<T>, _value: &T) {}

/// `value`, its type tied to the state enum's type parameter `witness` stands for.
#[inline]
pub fn tied<T>(_witness: &PhantomData<T>, value: T) -> T {
    value
}

/// A value of the type parameter `witness` stands for, in rustc's eyes: only ever called under
/// `if false`, where it gives a local declared afresh in an arm its type.
pub fn never_of<T>(_witness: &PhantomData<T>) -> T {
    unreachable!("a type witness is never asked for a value")
}
