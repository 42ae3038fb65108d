use coro_core::{generator, yield_};

#[generator(yield = u32, resume = String)]
fn echo() {
    let n: u32 = yield_!(1);
    yield_!(n);
}

fn main() {
    let _ = echo();
}
