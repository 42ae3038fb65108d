use coro_core::{gen_block, yield_};

fn main() {
    let g = gen_block!(resume = i32 => {
        let _ = yield_!(1u32);
    });
    // No follow-on error: the fallback is still a generator.
    let _ = g;
}
