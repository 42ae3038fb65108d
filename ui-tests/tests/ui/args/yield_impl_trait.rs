// The yield type is written in the generated signature and state: `impl Trait` cannot stand
// there. One error, at the `impl Trait`, says to name the type.
use coro_core::{async_gen, generator, yield_};

#[generator(yield = impl std::fmt::Display)]
fn labels() {
    yield_!(1u32);
}

#[async_gen(yield = Vec<impl Clone>)]
async fn items() {
    yield_!(vec![1u32]);
}

fn main() {
    let _ = labels();
    let _ = items();
}
