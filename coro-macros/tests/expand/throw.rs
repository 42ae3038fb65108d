// `throw = E`: `yield_catch!` evaluates to the `Result`, `yield_!` raises like `?`, and
// `yield_from!` goes through the delegation ladder (a throw is forwarded, or raised here).
#[generator(yield = u32, throw = Error)]
fn tolerant(limit: u32) -> Result<u32, Error> {
    let mut errors = 0;
    for i in 0..limit {
        if yield_catch!(i).is_err() {
            errors += 1;
        }
    }
    yield_!(errors);
    let total = yield_from!(sub())?;
    Ok(total + errors)
}
