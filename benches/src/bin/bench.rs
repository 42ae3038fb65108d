//! The benchmark runner: `cargo run -p coro-benches --release --bin bench [-- OPTIONS]`.
//!
//! With no option it runs everything and rewrites `BENCHMARKS.md`:
//! the runtime workloads (W1–W5 and sizes), the nightly reference (`benches/nightly`, built with
//! `RUSTC_BOOTSTRAP=1`) and the compile-time comparison (the `compile_time` binary).
//!
//! Options: `--runtime`, `--nightly`, `--compile-time` select parts; `--quick` runs fewer
//! rounds (for a smoke test); `--no-write` only prints.

use std::hint::black_box;
use std::process::Command;

use coro_benches::harness::{Config, Contender, Table, machine_info, measure};
use coro_benches::{coro_async, coro_impls, hand, peers, report, runs};

const N: u64 = 1 << 20;
/// The row of `proposed.rs`: today's expansion with internal blocks inlined (see "Analysis").
const PROPOSED: &str = "*coro, proposed lowering (hand-expanded)*";
const TEXT_BYTES: usize = 4 << 20;
const TREE_DEPTH: u32 = 18;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |f: &str| args.iter().any(|a| a == f);
    let all = !has("--runtime") && !has("--nightly") && !has("--compile-time");
    let quick = has("--quick");
    let write = !has("--no-write");
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

    if all || has("--runtime") {
        let machine = machine_info();
        println!("{machine}");
        let tables = runtime(cfg);
        let sizes = sizes();
        let mut md = String::new();
        md.push_str("## Runtime\n\n");
        md.push_str(&format!(
            "Measured {} (UTC) on:\n\n{machine}\n{} recorded rounds after {} warm-up rounds; in each round every \
             contender runs the whole workload once, in a rotated order. Figures are the median over rounds of \
             ns per item; *min* is the fastest round, *IQR* half the interquartile range (noise); × baseline \
             is the median over the hand-written baseline's median from the same run. Every item passes \
             through `std::hint::black_box`, so no contender's loop is folded away, and every contender's \
             checksum must equal the baseline's.\n\n",
            now_utc(),
            cfg.rounds,
            cfg.warmup
        ));
        for t in &tables {
            md.push_str(&t.markdown());
            md.push('\n');
        }
        md.push_str(&sizes);
        md.push_str(&targets(&tables));
        println!("{md}");
        if write {
            report::update_section(&path, "intro", INTRO).expect("write BENCHMARKS.md");
            report::update_section(&path, "runtime", &md).expect("write BENCHMARKS.md");
        }
    }
    if all || has("--nightly") {
        let root = report::workspace_root();
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.args(["run", "--release", "--manifest-path"])
            .arg(root.join("benches/nightly/Cargo.toml"))
            .arg("--")
            .env("RUSTC_BOOTSTRAP", "1")
            // Its own target dir: RUSTC_BOOTSTRAP builds must not invalidate the stable ones.
            .env("CARGO_TARGET_DIR", target_dir(&root).join("nightly"));
        if quick {
            cmd.arg("--quick");
        }
        if !write {
            cmd.arg("--no-write");
        }
        let ok = cmd.status().map(|s| s.success()).unwrap_or(false);
        if !ok && write {
            let body = "## Nightly reference\n\n*Not available in the last run*: `benches/nightly` did not build \
                        or run with `RUSTC_BOOTSTRAP=1` on this toolchain.\n";
            report::update_section(&path, "nightly", body).expect("write BENCHMARKS.md");
        }
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

/// The target dir this binary was built in (`CARGO_TARGET_DIR` or `<workspace>/target`).
fn target_dir(root: &std::path::Path) -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

const INTRO: &str = "# Benchmarks\n\n\
Generated by `benches/` (`cargo run -p coro-benches --release --bin bench`, which rewrites this file; \
`-- --runtime`, `-- --nightly` or `-- --compile-time` refresh one part, `-- --quick` is a smoke test). \
Contenders: hand-written `Iterator`/`Stream`/`Generator` impls (the baseline), coro, \
[genawaiter](https://crates.io/crates/genawaiter) 0.99, [next-gen](https://crates.io/crates/next-gen) 0.1, \
[corosensei](https://crates.io/crates/corosensei) 0.3 (stackful), [async-stream](https://crates.io/crates/async-stream) 0.3, \
[async-fn-stream](https://crates.io/crates/async-fn-stream) 0.3; and, separately built with `RUSTC_BOOTSTRAP=1`, \
the compiler's own `#[coroutine]` closures, `gen` blocks and futures-async-stream.\n\n\
Workloads: **W1** yield `0..N` as `u64`, summed · **W2** `send` round trip: receive a value, \
accumulate, yield the total · **W3** the same as W1 as an async stream, consumed with `for_await!` on a \
no-op-waker poll loop · **W4** tokenize a 4 MiB generated text into word/number/punctuation tokens \
borrowed from the text · **W5** in-order walk of a complete binary tree of depth 18 through recursive \
boxed sub-generators (`yield_from!`) · **size** of the generator object.";

/// `BENCH_ONLY=W3,W5` runs only those workloads (for profiling); the default runs all.
fn wanted(w: &str) -> bool {
    std::env::var("BENCH_ONLY").map_or(true, |only| only.split(',').any(|o| o.trim() == w))
}

fn runtime(cfg: Config) -> Vec<Table> {
    let mut tables = Vec::new();
    let n = N;

    // W1
    if wanted("W1") {
        tables.push(measure(
            "W1 iterate: yield 0..N (N = 2^20), summed",
            "",
            n,
            cfg,
            vec![
                Contender::new("hand-written Iterator", || runs::w1_hand(black_box(n))),
                Contender::new("coro (while loop)", || runs::w1_coro(black_box(n))),
                Contender::new("coro (for over a range)", || {
                    runs::w1_coro_for(black_box(n))
                }),
                Contender::new("coro gen_block!", || runs::w1_block(black_box(n))),
                Contender::new("coro pinned", || runs::w1_pinned(black_box(n))),
                Contender::new(PROPOSED, || runs::w1_proposed(black_box(n))),
                Contender::new("genawaiter (stack)", || {
                    peers::genawaiter::w1_stack(black_box(n))
                }),
                Contender::new("genawaiter (rc)", || peers::genawaiter::w1_rc(black_box(n))),
                Contender::new("next-gen", || peers::next_gen::w1(black_box(n))),
                Contender::new("corosensei", || peers::corosensei::w1(black_box(n))),
            ],
        ));
        eprintln!("{}", tables.last().unwrap().markdown());
    }

    // W2
    if wanted("W2") {
        tables.push(measure(
            "W2 send round trip: N sends, each answered with the running total",
            "",
            n,
            cfg,
            vec![
                Contender::new("hand-written Generator", || runs::w2_hand(black_box(n))),
                Contender::new("coro", || runs::w2_coro(black_box(n))),
                Contender::new("coro pinned", || runs::w2_pinned(black_box(n))),
                Contender::new("genawaiter (stack)", || {
                    peers::genawaiter::w2_stack(black_box(n))
                }),
                Contender::new("genawaiter (rc)", || peers::genawaiter::w2_rc(black_box(n))),
                Contender::new("next-gen", || peers::next_gen::w2(black_box(n))),
                Contender::new("corosensei", || peers::corosensei::w2(black_box(n))),
                Contender::skipped("async-stream, async-fn-stream", "n/a: no resume values"),
            ],
        ));
        eprintln!("{}", tables.last().unwrap().markdown());
    }

    // W3
    if wanted("W3") {
        tables.push(measure(
            "W3 async stream: 0..N (N = 2^20) consumed with for_await! on a no-op-waker poll loop",
            "",
            n,
            cfg,
            vec![
                Contender::new("hand-written Stream", || runs::w3_hand(black_box(n))),
                Contender::new("coro #[async_gen]", || runs::w3_coro(black_box(n))),
                Contender::new("coro async_gen_block!", || runs::w3_block(black_box(n))),
                Contender::new("async-stream", || runs::w3_async_stream(black_box(n))),
                Contender::new("async-fn-stream", || runs::w3_async_fn_stream(black_box(n))),
            ],
        ));
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

fn sizes() -> String {
    use std::mem::size_of_val;
    let text = "a b";
    let tree = hand::make_tree(2);
    let mut rows: Vec<(String, String, &str)> = vec![
        (
            "hand-written Iterator".into(),
            format!(
                "{} / {} / {}",
                size_of_val(&hand::count(0)),
                size_of_val(&hand::accumulate()),
                size_of_val(&hand::tokens(text))
            ),
            "",
        ),
        (
            "coro".into(),
            format!(
                "{} / {} / {}",
                size_of_val(&coro_impls::count(0)),
                size_of_val(&coro_impls::accumulate()),
                size_of_val(&coro_impls::tokens(text))
            ),
            "",
        ),
    ];
    rows.push((
        "coro W5 `walk` (per level, boxed)".into(),
        format!("{}", size_of_val(&coro_impls::walk(&tree))),
        "one heap box per tree node on the current path",
    ));
    for (name, size, note) in peers::genawaiter::sizes() {
        rows.push((name.into(), size.to_string(), note));
    }
    rows.push((
        "next-gen".into(),
        peers::next_gen::size().to_string(),
        "stack-pinned",
    ));
    rows.push((
        "corosensei".into(),
        peers::corosensei::size().to_string(),
        "+ a 1 MiB mmap'd stack (default)",
    ));
    let w3 = format!(
        "\n| W3 stream | bytes |\n|---|---:|\n| hand-written Stream | {} |\n| coro #[async_gen] | {} |\n| async-stream | {} |\n| async-fn-stream | {} (+ `Arc`'d queue on the heap) |\n",
        size_of_val(&hand::count_stream(0)),
        size_of_val(&coro_async::count(0)),
        size_of_val(&peers::async_stream::count(0)),
        size_of_val(&peers::async_fn_stream::count(0)),
    );
    let mut md = String::from(
        "### Size of the generator object (bytes)\n\n`size_of_val` of the value the generator fn returns. \
         For W1/W2/W4 the columns are *count / accumulate / tokenizer*; peers are given for W1.\n\n\
         | contender | bytes | note |\n|---|---:|---|\n",
    );
    for (name, size, note) in rows {
        md.push_str(&format!("| {name} | {size} | {note} |\n"));
    }
    md.push_str(&w3);
    md.push('\n');
    md
}

/// The targets, checked against this run.
fn targets(tables: &[Table]) -> String {
    let mut md =
        String::from("### Targets (this run)\n\n| target | measured | met |\n|---|---|---|\n");
    let mut row = |target: &str, measured: String, ok: bool| {
        md.push_str(&format!(
            "| {target} | {measured} | {} |\n",
            if ok { "yes" } else { "**no**" }
        ));
    };
    let ratio = |t: &Table, a: &str, b: &str| {
        t.median(a).unwrap_or(f64::NAN) / t.median(b).unwrap_or(f64::NAN)
    };
    let find = |w: &str| tables.iter().find(|t| t.title.starts_with(w));
    let (Some(w1), Some(w2), Some(w3), Some(w4)) = (find("W1"), find("W2"), find("W3"), find("W4"))
    else {
        return String::new();
    };
    let r = ratio(w1, "coro (while loop)", "hand-written Iterator");
    row(
        "W1 within 1.05× of hand-written",
        format!("{r:.2}×"),
        r <= 1.05,
    );
    let r = ratio(w2, "coro", "hand-written Generator");
    row(
        "W2 within 1.05× of hand-written",
        format!("{r:.2}×"),
        r <= 1.05,
    );
    let r = ratio(w4, "coro", "hand-written Iterator");
    row(
        "W4 within 1.05× of hand-written",
        format!("{r:.2}×"),
        r <= 1.05,
    );
    let r = ratio(w3, "coro #[async_gen]", "hand-written Stream");
    row(
        "W3 within 1.1× of a hand-written Stream",
        format!("{r:.2}×"),
        r <= 1.1,
    );
    let r = ratio(w3, "async-stream", "coro #[async_gen]");
    row(
        "W3 faster than async-stream",
        format!("async-stream is {r:.2}× coro"),
        r > 1.0,
    );
    for (t, coro) in [(w1, "coro (while loop)"), (w2, "coro")] {
        let c = t.median(coro).unwrap_or(f64::NAN);
        let best = t
            .rows
            .iter()
            .filter(|r| {
                r.skip.is_none()
                    && !r.name.starts_with("coro")
                    && !r.name.starts_with("hand")
                    && r.name != PROPOSED
            })
            .min_by(|a, b| a.median_ns.total_cmp(&b.median_ns));
        if let Some(best) = best {
            let r = best.median_ns / c;
            let w = &t.title[..2];
            row(
                &format!("{w}: ≥2× faster than every peer"),
                format!("fastest peer ({}) is {r:.1}× coro", best.name),
                r >= 2.0,
            );
        }
    }
    md.push('\n');
    md
}

fn now_utc() -> String {
    let out = Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M"])
        .output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
