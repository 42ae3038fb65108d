use coro_core::{async_gen_block, gen_block, yield_};

fn main() {
    let _s = async_gen_block!(yield = u32, boxed => { yield_!(1) });
    let _r = async_gen_block!(yield = u32, resume = u8 => { yield_!(1) });
    let _g = gen_block!(yield = u32, retrun = u8 => { yield_!(1) });
}
