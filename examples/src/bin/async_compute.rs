//! The seed's `compute`/`print_sum` program: an async fn awaiting another one.
//!
//! ```text
//! Compute 1 + 2 ...
//! 1 + 2 = 3
//! ```
//!
//! Run with `cargo run -p coro-examples --bin async_compute`.

use std::time::Duration;

/// Python: `async def compute(x, y): print(...); await asyncio.sleep(1.0); return x + y`.
async fn compute(x: i32, y: i32) -> i32 {
    println!("Compute {x} + {y} ...");
    // While this sleeps, `print_sum` is suspended too: the runtime is free to run other tasks.
    tokio::time::sleep(Duration::from_secs(1)).await;
    x + y
}

/// Python: `async def print_sum(x, y): result = await compute(x, y); print(...)`.
async fn print_sum(x: i32, y: i32) {
    let result = compute(x, y).await;
    println!("{x} + {y} = {result}");
}

/// Python: `loop.run_until_complete(print_sum(1, 2))`.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    print_sum(1, 2).await;
}
