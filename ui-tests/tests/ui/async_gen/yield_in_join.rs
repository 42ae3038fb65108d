use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() {
    futures::join!(async { yield_!(1) }, async { yield_!(2) });
}

fn main() {}
