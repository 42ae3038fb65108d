use coro_core::{generator, yield_};

macro_rules! twice {
    ($e:expr) => {
        ($e, $e)
    };
}

#[generator(yield = u32, resume = u32)]
fn pairs() {
    let p = twice!(yield_!(1));
    drop(p);
}

fn main() {
    let _ = pairs();
}
