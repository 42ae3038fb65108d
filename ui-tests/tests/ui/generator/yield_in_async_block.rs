use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn outer() {
    let fut = async {
        yield_!(1);
    };
    drop(fut);
}

fn main() {
    let _ = outer();
}
