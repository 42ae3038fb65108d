// Annotated locals: `total` gets a field of its own type in the state enum (no type parameter,
// no type witness although it is `mut`); `item`, of the fn's type parameter, keeps a parameter,
// as does the unannotated `count` (`names` dies before the first yield: no field).
#[generator(yield = T, resume = u64)]
fn tally<T: Clone>(item: T) -> u64 {
    let mut total: u64 = 0;
    let names: Vec<String> = Vec::new();
    let count = names.len();
    total += yield_!(item.clone());
    total += yield_!(item);
    total + count as u64
}
