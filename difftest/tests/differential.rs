//! Generates random generator bodies, compiles each as a `#[generator]` and as a plain fn, and
//! checks that both behave the same (see the crate docs for exactly what is compared).
//!
//! Short mode (default): 1000 programs in two batch crates of 500.
//! Long mode: `CORO_DIFFTEST_PROGRAMS=20000 cargo test -p coro-difftest --release --test
//! differential -- --nocapture` (batches of `CORO_DIFFTEST_BATCH`, default 500).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use coro_difftest::batch::{Options, campaign};
use coro_difftest::program::{Avoid, Config};

use coro_difftest::env_num;

#[test]
fn generated_bodies_behave_like_plain_rust() {
    let programs = usize::try_from(env_num("CORO_DIFFTEST_PROGRAMS", 1000)).expect("count");
    let batch_size = usize::try_from(env_num("CORO_DIFFTEST_BATCH", 500))
        .expect("batch")
        .max(1);
    let seed = env_num("CORO_DIFFTEST_SEED", 0x00C0_0001);
    let jobs = usize::try_from(env_num("CORO_DIFFTEST_JOBS", 2))
        .expect("jobs")
        .max(1);
    let known_bugs = std::env::var("CORO_DIFFTEST_KNOWN_BUGS").is_ok_and(|v| v == "1");
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().expect("workspace").to_path_buf();
    let lockfile = workspace.join("Cargo.lock");
    let config = Config {
        avoid: if known_bugs {
            Avoid::nothing()
        } else {
            Avoid::known_bugs()
        },
        ..Config::default()
    };
    let opts = Options {
        programs,
        batch_size,
        seed,
        work_dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coro-difftest"),
        core_dir: std::env::var_os("CORO_DIFFTEST_CORE_DIR")
            .map_or_else(|| workspace.join("coro-core"), PathBuf::from),
        lockfile: lockfile.exists().then_some(lockfile),
        jobs,
        run_timeout: Duration::from_secs(120),
        config,
    };
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
