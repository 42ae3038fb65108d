use coro_core::{Generator, async_gen_block, gen_block, yield_};

fn main() {
    let g = gen_block!(yield = u32 => {
        yield_!("text");
    });
    let _ = g;
    let mut h = gen_block!(yield = u32, resume = i32, return = String => {
        let got: String = yield_!(1);
        got.len()
    });
    h.start();
    let s = async_gen_block!(yield = u32 => {
        yield_!(-1i64);
    });
    let _ = s;
}
