// Code after a diverging statement is reported unreachable as in a plain fn: at the user's
// statement, the label on the user's `return`/`break`/`panic!`. (One difference, documented:
// when what follows is a `yield_!` or the body's tail value, rustc sees generated code there
// and the lowering keeps it quiet rather than report it at the attribute.)
#![deny(unreachable_code)]

use coro_core::{generator, yield_};

#[generator(yield = u32)]
fn after_return() -> u32 {
    yield_!(1);
    return 5;
    let _x = 3;
}

#[generator(yield = u32)]
fn after_break() -> u32 {
    let mut n = 0;
    loop {
        yield_!(n);
        n += 1;
        break;
        n += 2;
    }
    n
}

#[generator(yield = u32)]
fn after_panic(v: Vec<u32>) -> u32 {
    yield_!(1);
    panic!("no");
    let n = v.len();
    u32::try_from(n).unwrap_or(0)
}

#[generator(yield = u32)]
fn before_the_tail() -> u32 {
    yield_!(1);
    return 2;
    4
}

#[generator(yield = u32)]
fn before_a_yield() -> u32 {
    yield_!(1);
    return 2;
    yield_!(3);
    4
}

fn main() {
    let _ = (after_return(), after_break(), after_panic(vec![]), before_a_yield(), before_the_tail());
}
