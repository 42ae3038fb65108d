// On the enum path, an awaited output that is dropped gets `unused_must_use` at the user's
// `.await`, as in a plain `async fn`; and the user's own code keeps its lints.
#![deny(unused_must_use, unused_variables)]
use coro_core::{async_gen, yield_};

async fn fallible() -> Result<u32, String> {
    Ok(1)
}

#[async_gen(yield = u32)]
async fn s() {
    fallible().await;
    let unused = 5;
    yield_!(1);
}

fn main() {
    let _ = s();
}
