use coro_core::{generator, yield_};

// Values derived from a lent resume value are lent too; keeping one across a `yield_!` is the
// same error at its binding: a shadowing `let`, an `if let` binding, a `for` binding.
#[generator(yield = usize, resume = &str)]
fn shadowed() {
    let line = yield_!(0);
    let line = line.trim();
    yield_!(1);
    yield_!(line.len());
}

#[generator(yield = usize, resume = &str)]
fn bound() {
    let line = yield_!(0);
    if let Some(w) = line.split(' ').next() {
        yield_!(1);
        yield_!(w.len());
    }
}

#[generator(yield = usize, resume = &str)]
fn looped() {
    let line = yield_!(0);
    for w in line.split(' ') {
        let n = w.len();
        if n > 3 {
            yield_!(n);
        }
        yield_!(w.len());
    }
}

fn main() {}
