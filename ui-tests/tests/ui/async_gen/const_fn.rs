use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
const async fn numbers() {
    yield_!(1);
}

fn main() {}
