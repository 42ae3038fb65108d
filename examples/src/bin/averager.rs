//! Python's classic coroutine averager, driven with `send`, and a delegating grouper using
//! `yield_from!` whose return values collect each group's summary.
//! `cargo run -p coro-examples --bin averager`

use coro_core::{Generator, generator, yield_};
use coro_examples::averager::{averager, summarize};

#[generator(yield = f64, resume = Option<f64>)]
fn noisy_averager() {
    let mut avg = averager();
    let mut current = avg.start();
    while let coro_core::GeneratorState::Yielded(a) = current {
        let x = yield_!(a);
        if let Some(x) = x {
            println!("  received {x}");
        }
        current = avg.send(x);
    }
}

fn main() {
    let mut avg = noisy_averager();
    avg.start();
    for x in [10.0, 30.0, 5.0] {
        println!("average so far: {:?}", avg.send(Some(x)).yielded());
    }
    let groups: [&[f64]; 2] = [&[40.9, 38.5, 44.3], &[1.6, 1.5, 1.4, 1.3]];
    for (i, s) in summarize(&groups).iter().enumerate() {
        println!("group {i}: {} values, average {:.2}", s.count, s.average);
    }
}
