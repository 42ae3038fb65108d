use coro_core::{generator, yield_};

#[generator(yield = u32, resume = (&[u8], u32))]
fn tuple() {
    let _ = yield_!(1);
}

#[derive(Debug)]
struct E;

#[generator(yield = u32, resume = &[u8], throw = E)]
fn thrown() -> Result<(), E> {
    let _ = yield_!(1);
    Ok(())
}

fn main() {}
