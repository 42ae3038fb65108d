// One mistake, one message: the code around it (a local used after a `yield_!`, the `yield_`
// import, a `yield_!` inside `println!` or used as an operand) still type-checks, without
// follow-on errors or warnings.
use coro_core::{generator, yield_};

#[generator(yield = u32, resume = String)]
fn numbers(limit: u32) -> u32 {
    let mut total = 0;
    for i in 0..limit {
        let reply = yield_!(i);
        println!("{} {}", reply.len(), yield_!(i + 1));
        yield_!(i).len();
        let Some(c) = yield_!(i).pop() else { continue };
        total += i + c as u32;
        let f = || yield_!(total);
        f();
    }
    total
}

fn main() {
    let _ = numbers(3);
}
