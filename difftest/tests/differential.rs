//! Generates random generator bodies, compiles each as a `#[generator]` and as a plain fn, and
//! checks that both behave the same (see the crate docs for exactly what is compared).
//!
//! Short mode (default): 1000 programs in two batch crates of 500.
//! Long mode: `CORO_DIFFTEST_PROGRAMS=20000 cargo test -p coro-difftest --release --test
//! differential -- --nocapture` (batches of `CORO_DIFFTEST_BATCH`, default 500).

use std::path::{Path, PathBuf};
use std::time::Instant;

use coro_difftest::batch::{FromEnv, Options, campaign};
use coro_difftest::program::Config;

#[test]
fn generated_bodies_behave_like_plain_rust() {
    let opts = Options::from_env(FromEnv {
        programs: ("CORO_DIFFTEST_PROGRAMS", 1000),
        seed: ("CORO_DIFFTEST_SEED", 0x00C0_0001),
        manifest_dir: Path::new(env!("CARGO_MANIFEST_DIR")),
        work_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coro-difftest"),
        config: Config::default(),
    });
    let (programs, seed) = (opts.programs, opts.seed);
    let start = Instant::now();
    let report = campaign(&opts);
    eprintln!(
        "coro-difftest: seed {seed:#x}, {}; total {:.1}s",
        report.summary(),
        start.elapsed().as_secs_f64()
    );
    assert!(
        report.failures.is_empty(),
        "differential test failures:\n{}",
        report.summary()
    );
    assert!(
        report.checked * 10 >= programs * 9,
        "only {} of {programs} programs were checked",
        report.checked
    );
}
