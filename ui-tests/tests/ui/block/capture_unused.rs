use coro_core::{gen_block, yield_};

fn main() {
    let (a, b) = (1u32, 2u32);
    let g = gen_block!(yield = u32, move(a, b) => { yield_!(a) });
    let _ = (g, b);
}
