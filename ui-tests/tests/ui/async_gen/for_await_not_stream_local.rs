// A local `Vec` is not a stream: one error, at the operand, saying what to write instead.
use coro_core::for_await;

async fn sum() -> i32 {
    let vec_of_ints = vec![1, 2, 3];
    let mut total = 0;
    for_await!(x in vec_of_ints {
        total += x;
    });
    total
}

fn main() {
    let _ = sum();
}
