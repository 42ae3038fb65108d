//! Prints the program of a seed in both compilations: `cargo run -p coro-difftest -- <seed>`.

use coro_difftest::batch::{generator_source, plain_source};
use coro_difftest::program::{Config, generate};

fn main() {
    let Some(seed) = std::env::args().nth(1).and_then(|s| s.parse::<u64>().ok()) else {
        eprintln!("usage: coro-difftest <seed>");
        std::process::exit(2);
    };
    let p = generate(seed, &Config::default());
    println!("{}\n{}", generator_source(&p), plain_source(&p));
}
