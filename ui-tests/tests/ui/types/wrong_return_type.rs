use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn numbers(stop: bool) -> u32 {
    yield_!(1);
    if stop {
        return "done";
    }
    2
}

fn main() {
    let _ = numbers(true);
}
