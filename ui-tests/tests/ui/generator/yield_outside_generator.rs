use coro_core::{yield_, yield_from};

fn plain() -> u32 {
    yield_!(1);
    yield_from!(std::iter::empty::<u32>());
    0
}

fn main() {
    plain();
}
