//! Adapters over any [`Generator`]: errors as items ([`TryIter`]), a mapped return value
//! ([`MapReturn`]), and iteration of boxed and borrowed trait objects.

use crate::{Generator, GeneratorState, GeneratorStatus, Throw};

/// The iterator of [`GeneratorExt::try_iter`](crate::GeneratorExt::try_iter): the yielded
/// values as `Ok`, then the error the generator completed with as a last `Err` item.
///
/// ```
/// use coro_core::{generator, yield_, GeneratorExt};
///
/// #[generator(yield = u8)]
/// fn digits(text: &'static str) -> Result<(), char> {
///     for c in text.chars() {
///         yield_!(c.to_digit(10).ok_or(c)? as u8);
///     }
///     Ok(())
/// }
///
/// let items: Vec<Result<u8, char>> = digits("12x3").try_iter().collect();
/// assert_eq!(items, [Ok(1), Ok(2), Err('x')]);
/// ```
#[derive(Debug, Clone)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct TryIter<G> {
    generator: G,
    done: bool,
}

impl<G> TryIter<G> {
    pub(crate) fn new(generator: G) -> Self {
        TryIter {
            generator,
            done: false,
        }
    }

    /// The generator being iterated.
    pub fn generator(&self) -> &G {
        &self.generator
    }
}

impl<G, T, E> Iterator for TryIter<G>
where
    G: Generator<(), Return = Result<T, E>>,
{
    type Item = Result<G::Yield, E>;

    #[track_caller]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.generator.start() {
            GeneratorState::Yielded(y) => Some(Ok(y)),
            GeneratorState::Complete(r) => {
                self.done = true;
                r.err().map(Err)
            }
        }
    }
}

impl<G, T, E> core::iter::FusedIterator for TryIter<G> where G: Generator<(), Return = Result<T, E>> {}

/// The generator of [`GeneratorExt::map_return`](crate::GeneratorExt::map_return): the same
/// yields, and the return value passed through a fn.
///
/// ```
/// use coro_core::{generator, yield_, Generator, GeneratorExt, GeneratorState};
///
/// #[generator(yield = u32)]
/// fn one() -> u32 {
///     yield_!(1);
///     10
/// }
///
/// let mut g = one().map_return(|r| format!("returned {r}"));
/// assert_eq!(g.start(), GeneratorState::Yielded(1));
/// assert_eq!(g.start(), GeneratorState::Complete("returned 10".to_string()));
/// ```
#[derive(Clone)]
pub struct MapReturn<G, F> {
    generator: G,
    map: F,
}

impl<G, F> MapReturn<G, F> {
    pub(crate) fn new(generator: G, map: F) -> Self {
        MapReturn { generator, map }
    }
}

impl<G: core::fmt::Debug, F> core::fmt::Debug for MapReturn<G, F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.generator.fmt(f)
    }
}

impl<R, G: Generator<R>, U, F: FnMut(G::Return) -> U> Generator<R> for MapReturn<G, F> {
    type Yield = G::Yield;
    type Return = U;

    #[track_caller]
    fn start(&mut self) -> GeneratorState<G::Yield, U> {
        self.generator.start().map_complete(&mut self.map)
    }

    #[track_caller]
    fn send(&mut self, value: R) -> GeneratorState<G::Yield, U> {
        self.generator.send(value).map_complete(&mut self.map)
    }

    fn status(&self) -> GeneratorStatus {
        self.generator.status()
    }

    fn close(&mut self) {
        self.generator.close();
    }
}

#[diagnostic::do_not_recommend]
impl<E, R, G: Throw<E, R>, U, F: FnMut(G::Return) -> U> Throw<E, R> for MapReturn<G, F> {
    #[track_caller]
    fn throw(&mut self, error: E) -> GeneratorState<G::Yield, U> {
        self.generator.throw(error).map_complete(&mut self.map)
    }
}

/// One step of a trait object used as an iterator: fused by its status, as the generated
/// generators' own `Iterator` impl is.
#[track_caller]
fn next_of<Y, Ret>(g: &mut (impl Generator<Yield = Y, Return = Ret> + ?Sized)) -> Option<Y> {
    if g.status() == GeneratorStatus::Completed {
        return None;
    }
    g.start().yielded()
}

// `Box<dyn Generator<..>>` and `&mut dyn Generator<..>` are iterators, with each combination of
// auto traits a trait object is commonly written with (a `dyn` type is one type per set).
macro_rules! dyn_iterator {
    ($($bounds:tt)*) => {
        #[cfg(feature = "alloc")]
        impl<'a, Y, Ret> Iterator
            for alloc::boxed::Box<dyn Generator<(), Yield = Y, Return = Ret> $($bounds)* + 'a>
        {
            type Item = Y;
            #[track_caller]
            fn next(&mut self) -> Option<Y> {
                next_of(&mut **self)
            }
        }

        impl<'a, Y, Ret> Iterator
            for &mut (dyn Generator<(), Yield = Y, Return = Ret> $($bounds)* + 'a)
        {
            type Item = Y;
            #[track_caller]
            fn next(&mut self) -> Option<Y> {
                next_of(&mut **self)
            }
        }
    };
}

dyn_iterator!();
dyn_iterator!(+ Send);
dyn_iterator!(+ Sync);
dyn_iterator!(+ Send + Sync);
