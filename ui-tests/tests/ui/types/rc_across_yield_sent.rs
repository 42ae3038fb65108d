// An `Rc` held across a `yield_!` makes the generator `!Send`: sending it to a thread is an
// error whose notes explain it through the generator's state, named after the fn
// (`shared<Rc<u32>>`). They do not name the local and its `yield_!` yet.
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
