use coro_core::{async_gen, yield_from};

#[async_gen(yield = u32)]
async fn numbers() {
    yield_from!(vec![1u32, 2, 3]);
}

fn main() {
    let _ = numbers();
}
