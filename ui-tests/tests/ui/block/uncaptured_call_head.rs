// A closure the block only calls is not captured (call heads are fns far more often): the
// generator borrows it, so it cannot outlive it. `move(keep, xs)` moves both in.
use coro_core::{gen_block, yield_};

fn evens(xs: Vec<u32>) -> impl Iterator<Item = u32> {
    let keep = |x: &u32| x % 2 == 0;
    gen_block!(yield = u32 => {
        for x in xs {
            if keep(&x) {
                yield_!(x);
            }
        }
    })
}

fn main() {
    let _ = evens(vec![1, 2]);
}
