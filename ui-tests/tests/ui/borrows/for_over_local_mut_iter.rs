// `for x in &mut it` over a local iterator, across a yield: the hint keeps the iterator usable
// after the loop (`while let Some(x) = it.next()`), rather than `for x in it`, which consumes it.
use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn firsts() {
    let mut it = 0..10u32;
    for x in &mut it {
        if x == 3 {
            break;
        }
        yield_!(x);
    }
    yield_!(it.next().unwrap_or(0));
}

fn main() {
    let _ = firsts();
}
