use coro_core::{gen_block, yield_};

fn main() {
    let _g = gen_block!(yield = u32 => yield_!(1));
    let _h = gen_block!(yield = u32 => { yield_!(1) } { yield_!(2) });
}
