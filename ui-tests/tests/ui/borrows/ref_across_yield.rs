use coro_core::{generator, yield_};

#[generator(yield = ())]
fn lengths() {
    let s = String::from("hello");
    let r = &s;
    yield_!();
    println!("{r}");
}

fn main() {
    let _ = lengths();
}
