use coro_core::{gen_block, yield_};

struct Pair {
    a: u32,
}

fn main() {
    let p = Pair { a: 1 };
    let q = 2u32;
    let _g = gen_block!(yield = u32, move(p.a) => { yield_!(p.a) });
    let _h = gen_block!(yield = u32, move(&q) => { yield_!(q) });
    let _i = gen_block!(yield = u32, move(q, q) => { yield_!(q) });
    let _j = gen_block!(yield = u32, move q => { yield_!(q) });
}
