use coro_core::{generator, yield_};

#[generator(yield = u32, throw = String, pinned)]
fn thrown() -> Result<(), String> {
    yield_!(1);
    Ok(())
}

fn main() {}
