// `throw = E` in pinned mode keeps the enum mode's rules: `yield_!` raises a thrown error like
// `?`, so the fn needs a return type to complete with; `yield_catch!` needs `throw`.
use coro_core::{generator, yield_, yield_catch};

#[generator(yield = u32, throw = String, pinned)]
fn nothing_to_complete_with() {
    let v = vec![1u32];
    for x in &v {
        yield_!(*x);
    }
}

#[generator(yield = u32, pinned)]
fn catch_without_throw() -> u32 {
    let v = vec![1u32];
    let mut n = 0;
    for x in &v {
        if yield_catch!(*x).is_err() {
            n += 1;
        }
    }
    n
}

fn main() {}
