// An `Rc` held across a `yield_!` makes the generator `!Send`: sending it to a thread is an
// error. Its notes still name the generated state enum (allow-listed in no_hidden_names.rs);
// they should name the local and the yield.
use coro_core::{generator, yield_};
use std::rc::Rc;

#[generator(yield = u32)]
fn shared() {
    let rc = Rc::new(1u32);
    yield_!(*rc);
    drop(rc);
}

fn main() {
    let g = shared();
    std::thread::spawn(move || g.count());
}
