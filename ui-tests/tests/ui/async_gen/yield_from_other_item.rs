use coro_core::{async_gen, yield_, yield_from};

#[async_gen(yield = &'static str)]
async fn words() {
    yield_!("a");
}

#[async_gen(yield = u32)]
async fn numbers() {
    yield_from!(words());
}

fn main() {
    let _ = numbers();
}
