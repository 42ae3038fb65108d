use coro_core::{generator, yield_};
use std::rc::Rc;

// A pinned generator is `Send` exactly when its state is: an `Rc` held across a yield is not.
#[generator(yield = u32, pinned)]
fn shared() {
    let rc = Rc::new(1);
    let r = &rc;
    yield_!(**r);
}

fn main() {
    let g = Box::pin(shared());
    std::thread::spawn(move || g.count());
}
