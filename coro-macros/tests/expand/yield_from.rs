// Delegation: `yield_from!` forwards the inner generator's yields and sent values, and
// evaluates to its return value.
#[generator(yield = String, resume = bool)]
fn outer(names: Vec<String>) -> usize {
    let mut accepted = 0;
    for name in names {
        accepted += yield_from!(ask(name));
    }
    accepted
}
