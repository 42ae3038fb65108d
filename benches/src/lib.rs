//! coro's benchmarks: hand-written baselines, coro and peer crates on the same workloads.
//!
//! Run everything and rewrite `BENCHMARKS.md`: `cargo run -p coro-benches --release --bin bench`.

pub mod coro_async;
pub mod coro_blocks;
pub mod coro_impls;
pub mod coro_pinned;
pub mod curve_body;
pub mod hand;
pub mod harness;
pub mod peers;
pub mod proposed;
pub mod report;
pub mod runs;
