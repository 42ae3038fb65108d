use coro_core::{gen_block, yield_};

fn main() {
    let v = vec![1u32, 2];
    let _g = gen_block!(yield = u32 => {
        v.iter().for_each(|x| yield_!(*x));
    });
}
