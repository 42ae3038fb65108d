use coro_core::generator;

#[generator(yield = u32)]
struct Numbers;

fn main() {}
