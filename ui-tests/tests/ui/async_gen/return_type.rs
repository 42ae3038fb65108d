use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() -> u32 {
    yield_!(1);
    2
}

#[async_gen(yield = u32)]
async fn fallible() -> Result<u32, String> {
    yield_!(1);
    Ok(2)
}

fn main() {}
