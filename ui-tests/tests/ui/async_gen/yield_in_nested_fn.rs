use coro_core::{async_gen, yield_};

#[async_gen(yield = u32)]
async fn numbers() {
    fn helper() {
        yield_!(1);
    }
    helper();
}

fn main() {}
