use coro_core::{gen_block, yield_};

async fn tick() {}

fn main() {
    let _g = gen_block!(yield = u32 => {
        tick().await;
        yield_!(1);
    });
}
