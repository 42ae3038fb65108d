use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() {
    yield_!("one");
}

fn main() {
    let _ = numbers();
}
