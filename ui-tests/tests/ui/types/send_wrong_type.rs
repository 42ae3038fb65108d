use coro_core::{generator, yield_, Generator};

#[generator(yield = u32, resume = u32)]
fn echo() {
    loop {
        let n = yield_!(0);
        let _ = n;
    }
}

fn main() {
    let mut g = echo();
    g.start();
    g.send("three");
}
