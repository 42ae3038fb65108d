use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers(s: &str) {
    let n: u32 = s.parse()?;
    yield_!(n);
}

fn main() {}
