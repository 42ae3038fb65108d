use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() {
    let fut = async {
        yield_!(1);
    };
    fut.await;
}

fn main() {}
