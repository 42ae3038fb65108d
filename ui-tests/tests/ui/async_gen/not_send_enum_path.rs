// Auto traits follow the state: an `Rc` held across a suspension makes the stream `!Send`, and
// the message names the user's fn and the held type.
use coro_core::{async_gen, yield_};
use std::rc::Rc;

async fn tick() {}

#[async_gen(yield = u32)]
async fn local() {
    let rc = Rc::new(1);
    tick().await;
    yield_!(*rc);
}

fn assert_send<T: Send>(_: T) {}

fn main() {
    assert_send(local());
}
