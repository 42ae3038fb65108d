// A `for` loop (its iterator is saved across the yield) next to an RAII guard that is never
// mentioned again: the guard is kept to the end of its scope, as in plain Rust.
#[generator(yield = u32)]
fn evens(span: &Span, limit: u32) -> usize {
    let _guard = span.enter();
    let mut count = 0;
    for i in 0..limit {
        if i % 2 == 1 {
            continue;
        }
        yield_!(i);
        count += 1;
    }
    count
}
