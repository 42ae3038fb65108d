use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers(v: Vec<u32>) {
    v.into_iter().for_each(|x| {
        yield_!(x);
    });
}

fn main() {}
