use coro_core::{generator, yield_};

async fn fetch() -> u32 {
    1
}

#[generator(yield = u32)]
fn numbers() {
    let n = fetch().await;
    yield_!(n);
}

fn main() {
    let _ = numbers();
}
