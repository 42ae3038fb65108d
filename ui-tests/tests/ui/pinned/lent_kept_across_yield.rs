use coro_core::{generator, yield_};

// Each sent `&[u8]` is lent for one resumption: holding it across a yield is an error.
#[generator(yield = usize, resume = &[u8])]
fn keeps() {
    loop {
        let buf = yield_!(0);
        yield_!(1);
        yield_!(buf.len());
    }
}

#[generator(yield = u8, resume = &[u8])]
fn iterates() {
    let buf = yield_!(0);
    for &b in buf {
        yield_!(b);
    }
}

fn main() {}
