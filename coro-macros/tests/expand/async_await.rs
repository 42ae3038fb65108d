// An `#[async_gen]` body on the enum path: an `.await` parked at level 0, a `for_await!` whose
// stream is parked at level 0 while its body's await parks at level 1, and `?` on an awaited
// `Result`.
#[async_gen(yield = u64)]
async fn scaled(n: u64) -> Result<(), Error> {
    let factor = fetch_factor(n).await?;
    for_await!(x in numbers(n) {
        let y = scale(x, factor).await;
        yield_!(y);
    });
    Ok(())
}
