//! coro's benchmarks: hand-written baselines, coro and peer crates on the same workloads.
//!
//! Run everything and rewrite `BENCHMARKS.md`: `cargo run -p coro-benches --release --bin bench`
//! (which also runs the runtime tables under the `release-cgu1` profile); one profile's runtime
//! tables only: `cargo run -p coro-benches --profile release-cgu1 --bin bench -- --runtime`.

pub mod callgrind;
pub mod consumers;
pub mod coro_async;
pub mod coro_blocks;
pub mod coro_impls;
pub mod coro_pinned;
pub mod curve_body;
pub mod gen_stream;
pub mod hand;
pub mod harness;
pub mod peers;
pub mod proposed;
pub mod report;
pub mod runs;
pub mod sizes;
pub mod targets;
pub mod verdict;
pub mod workloads;
