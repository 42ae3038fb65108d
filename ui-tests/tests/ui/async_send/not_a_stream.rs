// An async generator is driven by `start`/`send`, not polled as a stream; a stream takes no values.
use coro_core::{async_gen, yield_};
use futures::StreamExt;

#[async_gen(yield = u32, resume = u32)]
async fn echo() {
    let mut v = 0;
    loop {
        v = yield_!(v);
    }
}

fn main() {
    futures::executor::block_on(async {
        let mut g = Box::pin(echo());
        let _ = g.next().await;
    });
}
