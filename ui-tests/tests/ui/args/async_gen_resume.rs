use coro_core::{async_gen, yield_};

#[async_gen(yield = u32, resume = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {}
