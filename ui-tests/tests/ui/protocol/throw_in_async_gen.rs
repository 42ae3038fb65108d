use coro_core::{async_gen, yield_, yield_catch};

#[async_gen(yield = u32, throw = String)]
async fn thrown() {
    yield_!(1);
}

#[async_gen(yield = u32)]
async fn caught() {
    let _ = yield_catch!(1);
}

fn main() {}
