//! A real use of `send` and `yield from`: Fluent Python's running averager and its delegating
//! "grouper", which reports each group's final average through the return value.

use coro_core::{Generator, generator, yield_, yield_from};

/// Summary returned when the averager receives `None`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub count: u32,
    pub average: f64,
}

/// Receives numbers with `send(Some(x))`, yields the running average; `send(None)` ends it.
#[generator(yield = f64, resume = Option<f64>)]
pub fn averager() -> Summary {
    let mut total = 0.0;
    let mut count = 0;
    let mut average = f64::NAN;
    while let Some(term) = yield_!(average) {
        total += term;
        count += 1;
        average = total / f64::from(count);
    }
    Summary { count, average }
}

/// Delegates to one averager per group and collects each group's summary.
#[generator(yield = f64, resume = Option<f64>)]
pub fn grouper(groups: usize) -> Vec<Summary> {
    let mut results = Vec::new();
    for _ in 0..groups {
        let summary = yield_from!(averager());
        results.push(summary);
    }
    results
}

/// Feeds `groups` through a grouper, like the book's client code.
pub fn summarize(groups: &[&[f64]]) -> Vec<Summary> {
    let mut g = grouper(groups.len());
    g.start();
    let mut results = Vec::new();
    for group in groups {
        for &x in *group {
            g.send(Some(x));
        }
        if let coro_core::GeneratorState::Complete(r) = g.send(None) {
            results = r;
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use coro_core::GeneratorState;

    #[test]
    fn running_average_and_summary() {
        let mut a = averager();
        assert!(a.start().yielded().unwrap().is_nan());
        assert_eq!(a.send(Some(10.0)), GeneratorState::Yielded(10.0));
        assert_eq!(a.send(Some(30.0)), GeneratorState::Yielded(20.0));
        assert_eq!(
            a.send(None),
            GeneratorState::Complete(Summary {
                count: 2,
                average: 20.0
            })
        );
    }

    #[test]
    fn grouper_collects_each_groups_summary() {
        let s = summarize(&[&[1.0, 2.0, 3.0], &[10.0, 20.0]]);
        assert_eq!(
            s,
            [
                Summary {
                    count: 3,
                    average: 2.0
                },
                Summary {
                    count: 2,
                    average: 15.0
                }
            ]
        );
    }
}
