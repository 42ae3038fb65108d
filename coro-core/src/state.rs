//! The outcome of one step of a generator, and where a generator stands.

use core::fmt;

/// What one resumption of a generator produced: a value from `yield_!`, or the fn's return value.
///
/// Python's `next(g)` / `g.send(v)` either give the next yielded value or raise `StopIteration`
/// carrying the return value; this enum is that pair of outcomes as a value.
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorState};
///
/// #[generator(yield = u32)]
/// fn one() -> &'static str {
///     yield_!(1);
///     "done"
/// }
///
/// let mut g = one();
/// let first = g.start();
/// assert!(first.is_yielded());
/// assert_eq!(first.map_yielded(|y| y * 10), GeneratorState::Yielded(10));
/// let last = g.start();
/// assert_eq!(last.complete(), Some("done")); // Python: StopIteration.value
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GeneratorState<Y, R> {
    /// The generator suspended at a `yield_!` with this value.
    Yielded(Y),
    /// The generator ran to its end and returned this value.
    Complete(R),
}

impl<Y, R> GeneratorState<Y, R> {
    /// The yielded value, if the generator suspended.
    pub fn yielded(self) -> Option<Y> {
        match self {
            GeneratorState::Yielded(y) => Some(y),
            GeneratorState::Complete(_) => None,
        }
    }

    /// The return value, if the generator completed.
    pub fn complete(self) -> Option<R> {
        match self {
            GeneratorState::Yielded(_) => None,
            GeneratorState::Complete(r) => Some(r),
        }
    }

    /// `true` if the generator suspended.
    pub fn is_yielded(&self) -> bool {
        matches!(self, GeneratorState::Yielded(_))
    }

    /// `true` if the generator completed.
    pub fn is_complete(&self) -> bool {
        matches!(self, GeneratorState::Complete(_))
    }

    /// Borrows the contents.
    pub fn as_ref(&self) -> GeneratorState<&Y, &R> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(y),
            GeneratorState::Complete(r) => GeneratorState::Complete(r),
        }
    }

    /// Maps the yielded value.
    pub fn map_yielded<T>(self, f: impl FnOnce(Y) -> T) -> GeneratorState<T, R> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(f(y)),
            GeneratorState::Complete(r) => GeneratorState::Complete(r),
        }
    }

    /// Maps the return value.
    pub fn map_complete<T>(self, f: impl FnOnce(R) -> T) -> GeneratorState<Y, T> {
        match self {
            GeneratorState::Yielded(y) => GeneratorState::Yielded(y),
            GeneratorState::Complete(r) => GeneratorState::Complete(f(r)),
        }
    }
}

/// A `yield_!` (or `yield_from!`) site in a generator's source, as reported by [`GeneratorStatus`].
/// It displays as `yield_!(x) at src/main.rs:7:18`.
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorStatus};
///
/// #[generator(yield = u32)]
/// fn two() {
///     yield_!(1);
///     yield_!(2);
/// }
///
/// let mut g = two();
/// g.start();
/// g.start();
/// let GeneratorStatus::Suspended(point) = g.status() else { unreachable!() };
/// assert_eq!(point.index, 1);
/// assert_eq!(point.source, "yield_!(2)");
/// assert!(point.to_string().starts_with("yield_!(2) at "));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct YieldPoint {
    /// Index of the suspension point among the generator's `yield_!`/`yield_from!` sites, in source order.
    pub index: usize,
    /// The source text of the suspension, e.g. `yield_!(status)`.
    pub source: &'static str,
    /// The file that holds it.
    pub file: &'static str,
    /// 1-based line of the suspension (0 when the compiler did not report one).
    pub line: u32,
    /// 1-based column of the suspension (0 when the compiler did not report one).
    pub column: u32,
}

impl fmt::Display for YieldPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {}:{}:{}",
            self.source, self.file, self.line, self.column
        )
    }
}

/// Where a generator stands, like Python's `inspect.getgeneratorstate`.
///
/// There is no `Running` state: a generator is only observable through `&self` between steps.
/// A generator's `Debug` output shows it too.
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorStatus};
///
/// #[generator(yield = u32)]
/// fn one() {
///     yield_!(1);
/// }
///
/// let mut g = one();
/// assert_eq!(g.status(), GeneratorStatus::Created);
/// g.start();
/// assert!(g.status().is_resumable());
/// assert!(g.status().to_string().starts_with("suspended at yield_!(1) at "));
/// g.start();
/// assert_eq!(g.status(), GeneratorStatus::Completed);
/// assert!(!g.status().is_resumable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeneratorStatus {
    /// Created but not started (`GEN_CREATED`): call `start()` to run it to its first `yield_!`.
    Created,
    /// Suspended at this `yield_!` (`GEN_SUSPENDED`), waiting for `send`.
    Suspended(YieldPoint),
    /// Ran to completion, or was closed (`GEN_CLOSED`): resuming it panics.
    Completed,
    /// Its body panicked: resuming it panics.
    Poisoned,
}

impl GeneratorStatus {
    /// `true` while the generator can still be resumed (created or suspended).
    pub fn is_resumable(&self) -> bool {
        matches!(
            self,
            GeneratorStatus::Created | GeneratorStatus::Suspended(_)
        )
    }
}

impl fmt::Display for GeneratorStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeneratorStatus::Created => f.write_str("created"),
            GeneratorStatus::Suspended(point) => write!(f, "suspended at {point}"),
            GeneratorStatus::Completed => f.write_str("completed"),
            GeneratorStatus::Poisoned => f.write_str("poisoned"),
        }
    }
}
