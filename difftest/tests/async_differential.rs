//! The async mode: random bodies compiled as `#[async_gen]` streams on the enum path and on the
//! async-block path (`pinned`, rustc's own lowering, the reference), polled under the same input
//! queue, to the end and dropped mid-way; items, traces, drops and panics are compared (see
//! `src/async_rt.rs`), and every program must really take the enum path.
//!
//! Short mode (default): 300 programs in one batch crate.
//! Long mode: `CORO_DIFFTEST_ASYNC_PROGRAMS=5000 cargo test -p coro-difftest --test
//! async_differential -- --nocapture` (seed `CORO_DIFFTEST_ASYNC_SEED`, batches of
//! `CORO_DIFFTEST_BATCH`, cargo `-j` `CORO_DIFFTEST_JOBS`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use coro_difftest::batch::{FromEnv, Options, campaign};
use coro_difftest::program::Config;

#[test]
fn async_gen_enum_path_behaves_like_the_async_block_path() {
    let opts = Options::from_env(FromEnv {
        programs: ("CORO_DIFFTEST_ASYNC_PROGRAMS", 300),
        seed: ("CORO_DIFFTEST_ASYNC_SEED", 0x00A5_0001),
        manifest_dir: Path::new(env!("CARGO_MANIFEST_DIR")),
        // Its own directory: batch crates of the two modes differ in their files.
        work_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coro-difftest-async"),
        config: Config::async_mode(),
    });
    let (programs, seed) = (opts.programs, opts.seed);
    let start = Instant::now();
    let report = campaign(&opts);
    eprintln!(
        "coro-difftest (async): seed {seed:#x}, {}; total {:.1}s; fell back: {:?}",
        report.summary(),
        start.elapsed().as_secs_f64(),
        report.fallbacks
    );
    assert!(
        report.failures.is_empty(),
        "async differential test failures:\n{}",
        report.summary()
    );
    // A program that takes the async-block path tests nothing: at most one in ten may (the
    // default run had 20 of 300 once awaits nested in operands counted as owned; a change of
    // the generator or of the macro's path rules that sends more there fails here).
    assert!(
        report.fallbacks.len() * 10 <= programs,
        "only {} of {programs} programs were compared on the enum path ({} fell back)",
        report.checked,
        report.fallbacks.len()
    );
}
