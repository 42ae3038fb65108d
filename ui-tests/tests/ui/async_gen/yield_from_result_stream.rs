// In a `-> Result<(), E>` #[async_gen], `yield_from!` forwards each item as `Ok(item)`: a stream
// whose items are already `Result`s is a mismatch, reported at the user's operand.
use coro_core::{async_gen, yield_from};

#[derive(Debug)]
struct User;

#[async_gen(yield = User)]
async fn users() -> Result<(), std::io::Error> {
    yield_from!(futures::stream::iter([Ok::<User, std::io::Error>(User)]));
    Ok(())
}

fn main() {
    let _ = users();
}
