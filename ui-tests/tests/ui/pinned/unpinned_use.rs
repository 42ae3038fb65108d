use coro_core::{generator, yield_, Generator};

#[generator(yield = u32, pinned)]
fn numbers() {
    let v = vec![1, 2];
    for x in &v {
        yield_!(*x);
    }
}

fn main() {
    // Not pinned: the generator must be pinned before it is resumed.
    let mut g = numbers();
    g.start();
}
