//! The benchmark runner: `cargo run -p coro-benches --release --bin bench [-- OPTIONS]`.
//!
//! With no option it runs everything and rewrites `BENCHMARKS.md`: the runtime workloads (W1–W5
//! and sizes), the nightly reference (`benches/nightly`, built with `RUSTC_BOOTSTRAP=1`), both
//! again under the `release-cgu1` profile (when run under `release`), and the compile-time
//! comparison (the `compile_time` binary).
//!
//! Options: `--runtime`, `--nightly`, `--compile-time` select parts (for the profile this binary
//! was built with: `--release` or `--profile release-cgu1`); `--quick` runs fewer rounds and
//! counts instructions for the baselines only (a smoke test); `--no-callgrind` skips the
//! instruction counts; `--no-write` only prints. `--one KEY INDEX N` is the callgrind child (see
//! `coro_benches::callgrind`). `BENCH_ONLY=W1,W3` selects workloads (`W3` is W3a–d).

use std::hint::black_box;
use std::process::Command;

use coro_benches::harness::{Config, Contender, Table, machine_info, measure};
use coro_benches::workloads::{self, PROPOSED};
use coro_benches::{callgrind, hand, peers, report, runs, sizes, targets};

const N: u64 = 1 << 20;
const TEXT_BYTES: usize = 4 << 20;
const TREE_DEPTH: u32 = 18;
/// The profile the default command also runs, besides `release`.
const SECOND_PROFILE: &str = "release-cgu1";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some((key, index, n)) = callgrind::one_args(&args) {
        let mut w = workloads::build(&key, n).unwrap_or_else(|| panic!("no workload {key}"));
        let sum = (w.contenders[index].run)();
        println!("{sum}");
        return;
    }
    let has = |f: &str| args.iter().any(|a| a == f);
    let all = !has("--runtime") && !has("--nightly") && !has("--compile-time");
    let quick = has("--quick");
    let write = !has("--no-write");
    let count = !has("--no-callgrind") && callgrind::available();
    let cfg = if quick {
        Config {
            warmup: 1,
            rounds: 5,
        }
    } else {
        Config {
            warmup: 5,
            rounds: 31,
        }
    };
    let path = report::workspace_root().join("BENCHMARKS.md");
    let profile = report::profile();
    // Options the other runs are given too.
    let pass_on: Vec<&str> = ["--quick", "--no-write", "--no-callgrind"]
        .into_iter()
        .filter(|f| has(f))
        .collect();

    if all || has("--runtime") {
        let machine = machine_info(&report::profile_description(&profile));
        println!("{machine}");
        let mut tables = runtime(cfg);
        if count {
            count_instructions(&mut tables, quick);
        } else {
            eprintln!("instr/item: skipped (--no-callgrind, or no valgrind on PATH)");
        }
        let md = runtime_markdown(&profile, &machine, cfg, quick, &tables);
        println!("{md}");
        if write {
            report::update_section(&path, "intro", INTRO).expect("write BENCHMARKS.md");
            report::update_section(&path, &report::section("runtime", &profile), &md)
                .expect("write BENCHMARKS.md");
        }
    }
    if all || has("--nightly") {
        run_nightly(&profile, &pass_on, write);
    }
    if all && profile == "release" {
        // The same runtime and nightly tables from a build with one codegen unit.
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.args(["run", "--profile", SECOND_PROFILE, "-p", "coro-benches"])
            .args(["--bin", "bench", "--", "--runtime", "--nightly"])
            .args(&pass_on);
        let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
        assert!(ok, "the {SECOND_PROFILE} run failed");
    }
    if all || has("--compile-time") {
        let exe = std::env::current_exe().expect("current exe");
        let ct = exe.with_file_name(format!("compile_time{}", std::env::consts::EXE_SUFFIX));
        let mut cmd = if ct.exists() {
            Command::new(ct)
        } else {
            let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
            c.args([
                "run",
                "--release",
                "-p",
                "coro-benches",
                "--bin",
                "compile_time",
                "--",
            ]);
            c
        };
        if quick {
            cmd.arg("--quick");
        }
        if !write {
            cmd.arg("--no-write");
        }
        let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
        assert!(ok, "compile_time failed");
    }
}

/// Runs `benches/nightly` under the same profile as this binary.
fn run_nightly(profile: &str, pass_on: &[&str], write: bool) {
    let root = report::workspace_root();
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["run", "--profile", profile, "--manifest-path"])
        .arg(root.join("benches/nightly/Cargo.toml"))
        .arg("--")
        .args(pass_on)
        .env("RUSTC_BOOTSTRAP", "1")
        // Its own target dir: RUSTC_BOOTSTRAP builds must not invalidate the stable ones.
        .env("CARGO_TARGET_DIR", target_dir(&root).join("nightly"));
    let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
    if !ok && write {
        let body = format!(
            "## Nightly reference, profile `{profile}`\n\n*Not available in the last run*: \
             `benches/nightly` did not build or run with `RUSTC_BOOTSTRAP=1` on this toolchain.\n"
        );
        report::update_section(
            &root.join("BENCHMARKS.md"),
            &report::section("nightly", profile),
            &body,
        )
        .expect("write BENCHMARKS.md");
    }
}

/// Fills the instr/item column of every workload that can be built for any N.
fn count_instructions(tables: &mut [Table], quick: bool) {
    for t in tables.iter_mut() {
        let key = t.title.split_whitespace().next().unwrap_or("").to_string();
        if workloads::KEYS.contains(&key.as_str()) {
            eprintln!("callgrind: {key}");
            callgrind::count_table(t, &key, quick);
        }
    }
}

fn runtime_markdown(
    profile: &str,
    machine: &str,
    cfg: Config,
    quick: bool,
    tables: &[Table],
) -> String {
    let mut md = format!("## Runtime, profile `{profile}`\n\n");
    md.push_str(&format!(
        "Measured {} (UTC) on:\n\n{machine}\n{} recorded rounds after {} warm-up rounds; in each round every \
         contender runs the whole workload once, in a rotated order. Figures are the median over rounds of \
         ns per item; *min* is the fastest round, *IQR* half the interquartile range (noise); × baseline \
         is the median over the hand-written baseline's median from the same run. Every item passes \
         through `std::hint::black_box`, so no contender's loop is folded away, and every contender's \
         checksum must equal the baseline's. *instr/item*: instructions per item counted by callgrind \
         (valgrind), (Ir(2n) − Ir(n)) / n for n = {} items, so startup and setup cancel out{}; its × baseline \
         is over the baseline's count.\n\n",
        now_utc(),
        cfg.rounds,
        cfg.warmup,
        callgrind::ITEMS,
        if quick { " (*--quick*: baselines only)" } else { "" },
    ));
    for t in tables {
        md.push_str(&t.markdown());
        md.push('\n');
    }
    // The sizes do not depend on the profile: reported once, with `release`.
    if profile == "release" {
        md.push_str(&sizes::sizes());
    }
    md.push_str(&targets::targets(tables));
    md
}

/// The target dir this binary was built in (`CARGO_TARGET_DIR` or `<workspace>/target`).
fn target_dir(root: &std::path::Path) -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

const INTRO: &str = "# Benchmarks\n\n\
Generated by `benches/` (`cargo run -p coro-benches --release --bin bench`, which rewrites this file; \
`-- --runtime`, `-- --nightly` or `-- --compile-time` refresh one part for the profile the runner was \
built with, `-- --quick` is a smoke test). The runtime and nightly tables come in two profiles: \
`--release` (cargo's defaults: codegen-units 16) and `--profile release-cgu1` (codegen-units = 1, \
defined in the workspace `Cargo.toml`); the default command runs both, or refresh one with \
`cargo run -p coro-benches --release --bin bench -- --runtime --nightly` and \
`cargo run -p coro-benches --profile release-cgu1 --bin bench -- --runtime --nightly`. \
Beside the times, *instr/item* is callgrind's instruction count per item (valgrind must be on `PATH`; \
`--no-callgrind` skips it). `BENCH_ONLY=W1,W3` selects workloads. \
Contenders: hand-written `Iterator`/`Stream`/`Generator` impls (the baseline), coro, \
[genawaiter](https://crates.io/crates/genawaiter) 0.99, [next-gen](https://crates.io/crates/next-gen) 0.1, \
[corosensei](https://crates.io/crates/corosensei) 0.3 (stackful), [async-stream](https://crates.io/crates/async-stream) 0.3, \
[async-fn-stream](https://crates.io/crates/async-fn-stream) 0.3; and, separately built with `RUSTC_BOOTSTRAP=1`, \
the compiler's own `#[coroutine]` closures, `gen` and `async gen` blocks and futures-async-stream.\n\n\
Workloads: **W1** yield `0..N` as `u64`, summed · **W2** `send` round trip: receive a value, \
accumulate, yield the total · **W3a–d** a stream of `0..N` without self-borrows under four consumers: \
**a** `poll_next` in a loop with `Waker::noop()`, **b** `futures::executor::block_on` + \
`while let Some(x) = s.next().await`, **c** `block_on` + `for_await!`, **d** a tokio `current_thread` \
runtime's `block_on` + `next().await` over `String` items (`i.to_string()`, the baseline makes the same \
strings); coro's `#[async_gen]` body takes the enum state machine, `#[async_gen(.., pinned)]` the \
async-block runtime that self-borrowing bodies fall back to; the compiler's own `async gen` on the same \
consumers is in the nightly section (N3a–d) · **W4** tokenize a 4 MiB generated text into \
word/number/punctuation tokens borrowed from the text · **W5** in-order walk of a complete binary tree \
of depth 18 through recursive boxed sub-generators (`yield_from!`) · **size** of the generator object.";

/// `BENCH_ONLY=W3,W5` runs only those workloads (for profiling; `W3` selects W3a–d); the
/// default runs all.
fn wanted(w: &str) -> bool {
    std::env::var("BENCH_ONLY").map_or(true, |only| {
        only.split(',').any(|o| {
            let o = o.trim();
            w.strip_prefix(o)
                .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_lowercase()))
        })
    })
}

fn runtime(cfg: Config) -> Vec<Table> {
    let mut tables = Vec::new();
    for key in workloads::KEYS.iter().filter(|k| wanted(k)) {
        let w = workloads::build(key, N).expect("a listed workload");
        tables.push(measure(&w.title, &w.note, N, cfg, w.contenders));
        eprintln!("{}", tables.last().unwrap().markdown());
    }

    // W4
    if wanted("W4") {
        let text = hand::make_text(TEXT_BYTES);
        let count = hand::tokens(&text).count() as u64;
        let t = text.as_str();
        tables.push(measure(
            &format!(
                "W4 tokenizer: {} MiB of text, {count} tokens",
                TEXT_BYTES >> 20
            ),
            "ns per token.",
            count,
            cfg,
            vec![
                Contender::new("hand-written Iterator", || runs::w4_hand(black_box(t))),
                Contender::new("coro", || runs::w4_coro(black_box(t))),
                Contender::new(PROPOSED, || runs::w4_proposed(black_box(t))),
                Contender::new("genawaiter (stack)", || {
                    peers::genawaiter::w4_stack(black_box(t))
                }),
                Contender::new("next-gen", || peers::next_gen::w4(black_box(t))),
                Contender::new("corosensei", || peers::corosensei::w4(black_box(t))),
            ],
        ));
        eprintln!("{}", tables.last().unwrap().markdown());
    }

    // W5
    if wanted("W5") {
        let tree = hand::make_tree(TREE_DEPTH);
        let nodes = (1u64 << TREE_DEPTH) - 1;
        let root = &tree;
        tables.push(measure(
        &format!("W5 recursion: in-order walk of a complete binary tree of depth {TREE_DEPTH} ({nodes} nodes)"),
        "Recursive contenders forward each item through every level above it (depth 18: ~17 hops per item) \
         and allocate one sub-generator per node; corosensei recurses on its own stack instead; the \
         hand-written baseline and `coro (explicit stack)` keep a `Vec` of pending nodes.",
        nodes,
        cfg,
        vec![
            Contender::new("hand-written Iterator (explicit stack)", || runs::w5_hand(black_box(root))),
            Contender::new("coro (yield_from! + boxed)", || runs::w5_coro(black_box(root))),
            Contender::new("coro (explicit stack)", || runs::w5_coro_flat(black_box(root))),
            Contender::new("genawaiter (rc, boxed)", || peers::genawaiter::w5_rc(black_box(root))),
            Contender::new("next-gen (call_boxed)", || peers::next_gen::w5(black_box(root))),
            Contender::new("corosensei (recursive fn)", || peers::corosensei::w5(black_box(root))),
            Contender::new("async-stream (boxed)", || peers::async_stream::w5(black_box(root))),
        ],
    ));
        eprintln!("{}", tables.last().unwrap().markdown());
    }
    tables
}

fn now_utc() -> String {
    let out = Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M"])
        .output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
