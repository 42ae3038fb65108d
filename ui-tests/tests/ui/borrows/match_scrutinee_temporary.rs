use std::cell::RefCell;

use coro_core::{generator, yield_};

#[generator(yield = i32, resume = i32)]
fn scrutinee_borrows_a_local() -> i32 {
    let cell = RefCell::new(1);
    let v = match *cell.borrow() {
        0 => yield_!(0),
        n => n,
    };
    v
}

fn main() {
    let _ = scrutinee_borrows_a_local();
}
