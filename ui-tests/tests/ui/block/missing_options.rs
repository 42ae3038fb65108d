use coro_core::{async_gen_block, yield_};

fn main() {
    let _s = async_gen_block!({ yield_!(1u32) });
}
