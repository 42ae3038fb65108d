// A captured local is moved into the block, as into a `move` closure.
use coro_core::{gen_block, yield_};

fn main() {
    let names = vec![String::from("a")];
    let g = gen_block!(yield = String => {
        for n in names {
            yield_!(n);
        }
    });
    println!("{}", names.len());
    drop(g);
}
