use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn numbers() {
    let v = vec![1, 2, 3];
    for x in &v {
        yield_!(*x);
    }
}

fn main() {
    let _ = numbers();
}
