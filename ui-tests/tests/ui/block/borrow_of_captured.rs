use coro_core::{gen_block, yield_};

fn main() {
    let xs = vec![1u32, 2];
    let _g = gen_block!(yield = &u32 => {
        for x in &xs {
            yield_!(x);
        }
    });
}
