use coro_core::{async_gen, yield_};

#[async_gen]
async fn numbers() {
    yield_!(1u32);
}

fn main() {}
