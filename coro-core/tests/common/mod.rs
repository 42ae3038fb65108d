//! Helpers shared by the generator integration tests.

use coro_core::{Generator, GeneratorState};

/// Drives a generator with scripted sends: `start()`, then one `send` per yielded value.
/// Returns the yielded values and the return value.
pub fn drive<G, Y, R>(mut g: G, sends: impl IntoIterator<Item = i64>) -> (Vec<Y>, R)
where
    G: Generator<i64, Yield = Y, Return = R>,
{
    let mut sends = sends.into_iter();
    let mut out = Vec::new();
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(y) => {
                out.push(y);
                step = g.send(sends.next().expect("script ran out"));
            }
            GeneratorState::Complete(r) => return (out, r),
        }
    }
}
