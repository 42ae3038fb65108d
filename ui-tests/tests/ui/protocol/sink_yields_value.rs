use coro_core::{generator, yield_};

// No `yield` option: a sink, which yields `()`.
#[generator(resume = String)]
fn printer() {
    loop {
        let line = yield_!(0u8);
        println!("{line}");
    }
}

fn main() {}
