//! Prints the program of a seed in both compilations: `cargo run -p coro-difftest -- <seed>`
//! (`-- <seed> async`: the async mode's two `#[async_gen]` compilations).

use coro_difftest::async_batch::{enum_source, reference_source};
use coro_difftest::batch::{generator_source, plain_source};
use coro_difftest::program::{Config, generate};

fn main() {
    let Some(seed) = std::env::args().nth(1).and_then(|s| s.parse::<u64>().ok()) else {
        eprintln!("usage: coro-difftest <seed> [async]");
        std::process::exit(2);
    };
    if std::env::args().nth(2).as_deref() == Some("async") {
        let p = generate(seed, &Config::async_mode());
        println!("{}\n{}", enum_source(&p), reference_source(&p));
    } else {
        let p = generate(seed, &Config::default());
        println!("{}\n{}", generator_source(&p), plain_source(&p));
    }
}
