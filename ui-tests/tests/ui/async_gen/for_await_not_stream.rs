use coro_core::for_await;

async fn sum() -> u32 {
    let mut total = 0;
    for_await!(x in vec![1u32, 2, 3] {
        total += x;
    });
    total
}

fn main() {
    let _ = sum();
}
