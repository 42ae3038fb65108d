// The typing prologue (emit/typing.rs): the body as plain Rust in a closure rustc checks first,
// each local the state stores at a type parameter tied where it is bound (`total`, the loop's
// iterator and `x`); `scale` holds a closure, whose type is new in each copy: never tied. `q`'s
// first value dies at a suspension, so a later arm declares it afresh and takes its type from a
// witness parameter (`__CoroW0`, lower/witness.rs) that no state stores.
#[generator(yield = u64, resume = u64)]
fn prologue(n: u64) -> Option<u64> {
    let scale = move |x: u64| x * n;
    let mut total = 0;
    for x in 0..n {
        total += yield_!(scale(x));
    }
    let mut q = None;
    q = Some(yield_!(total));
    q
}
