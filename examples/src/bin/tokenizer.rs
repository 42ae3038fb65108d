//! Tokenizes an expression with a generator that yields borrowed tokens.
//! `cargo run -p coro-examples --bin tokenizer -- 'x = 1 + f("y")'`

use coro_core::GeneratorExt;
use coro_examples::tokenizer::tokenize;

fn main() {
    let src = std::env::args()
        .nth(1)
        .unwrap_or_else(|| r#"area = pi * r * r + offset("cm")"#.into());
    let mut tokens = tokenize(&src).into_iter_with_return();
    for token in &mut tokens {
        println!("{token:?}");
    }
    match tokens.into_return_value() {
        Some(Ok(n)) => println!("{n} tokens"),
        Some(Err(e)) => println!("error at byte {}: {}", e.offset, e.message),
        None => unreachable!("the loop ran the generator to its end"),
    }
}
