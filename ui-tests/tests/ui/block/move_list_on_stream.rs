use coro_core::{async_gen_block, yield_};

fn main() {
    let a = 1u32;
    let _s = async_gen_block!(yield = u32, move(a) => { yield_!(a) });
}
