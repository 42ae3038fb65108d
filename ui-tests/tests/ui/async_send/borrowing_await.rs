// An async generator (`resume = ..`) runs only as an enum state machine: a future that borrows
// a local of the body is refused at that future, with what to do instead.
use coro_core::{async_gen, yield_};

async fn fill(buf: &mut Vec<u8>) {
    buf.push(1);
}

#[async_gen(yield = usize, resume = u8)]
async fn reader() {
    let mut buf = Vec::new();
    loop {
        let b = yield_!(buf.len());
        buf.push(b);
        fill(&mut buf).await;
    }
}

fn main() {}
