use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn evens(v: Vec<u32>) {
    v.iter().filter(|x| *x % 2 == 0).for_each(|x| {
        yield_!(*x);
    });
}

fn main() {
    let _ = evens(vec![1, 2]);
}
