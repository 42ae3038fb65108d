// One mistake, one message: the fn still exists (markers made inert), so neither its callers nor
// the locals used after the mistake produce follow-on errors.
use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn numbers(limit: u32) -> u32 {
    let mut total = 0;
    for i in 0..limit {
        let doubled = yield_!(i) ;
        total += i;
        let _ = doubled;
        let f = || yield_!(total);
        f();
    }
    total
}

fn main() {
    for n in numbers(3) {
        println!("{n}");
    }
}
