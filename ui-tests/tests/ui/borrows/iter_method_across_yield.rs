use coro_core::{generator, yield_};

#[generator(yield = char)]
fn letters() {
    let s = String::from("abc");
    for c in s.chars() {
        yield_!(c);
    }
}

fn main() {
    let _ = letters();
}
