use coro_core::{generator, yield_};

#[generator(yield = u32, resume = u32)]
fn echo() {
    let mut n = 0;
    loop {
        n = yield_!(n);
    }
}

fn main() {
    for n in echo() {
        println!("{n}");
    }
}
