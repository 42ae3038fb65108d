// Lints fire on the user's code inside a block form as in a plain block, at the user's spans;
// none fires on generated code.
#![deny(warnings)]

use coro_core::{async_gen_block, gen_block, yield_};

fn main() {
    let n = 3u32;
    let g = gen_block!(yield = u32 => {
        let unused = n * 2;
        for i in 0..n {
            yield_!(i);
        }
    });
    let _ = g;
    let s = async_gen_block!(yield = u32 => {
        let also_unused = 1;
        yield_!(n);
    });
    let _ = s;
}
