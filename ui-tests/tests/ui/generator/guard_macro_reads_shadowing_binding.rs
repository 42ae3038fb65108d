use coro_core::{generator, yield_};

macro_rules! small {
    ($x:expr) => {
        $x < 10
    };
}

#[generator(yield = i64)]
fn pairs(v: Vec<i64>) -> i64 {
    let n = v.len() as i64;
    for x in v {
        match x {
            // `n` here is the arm's own binding, read through a macro in the guard.
            n if small!(n) => yield_!(n),
            _ => {}
        }
    }
    n
}

fn main() {
    let _ = pairs(vec![1, 20]);
}
