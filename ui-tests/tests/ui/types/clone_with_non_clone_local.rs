use coro_core::{generator, yield_};

struct Token;

#[generator(yield = u32, clone)]
fn holds_a_token() {
    let t = Token;
    yield_!(1);
    drop(t);
}

fn main() {
    let g = holds_a_token();
    let _copy = g.clone();
}
