//! Compile time vs the size of one generator body:
//! `cargo run -p coro-benches --release --bin compile_curve -- [--write] [--limit SECS] [--sizes 10,30,...] [--seed N] [--inferred]`.
//!
//! For each size S it generates ONE function of S statements (see `coro_benches::curve_body`) in
//! two crates of a scratch workspace (`$CORO_CURVE_DIR`, default `<target dir>/compile-curve`,
//! with its own target dir inside): `curve-coro`, the body in `#[generator(yield = i64, resume =
//! i64)]`, and `curve-plain`, the same body in a plain fn with `yield_!(e)` = `black_box(e)`.
//! `coro-core` and `coro-macros` are copied into the scratch workspace at the start (so an edit
//! of the macros during the run does not change what is measured) and used by path.
//!
//! Per point, the dependencies already built:
//! - `cargo check -j1` of the crate after touching `src/lib.rs`, the median of 3 runs, or 1 run
//!   when it takes over 20 s; all runs with `CARGO_INCREMENTAL=0` (otherwise a touch replays the
//!   cached results of the unchanged body);
//! - `cargo +nightly rustc --profile check -- -Zunpretty=expanded`: the expansion's size;
//! - the same with `-Ztime-passes`: the `macro_expand_crate` and `type_check_crate` lines.
//!
//! Every cargo run has a time limit (`--limit`, default 120 s); a point over it is reported as
//! `> limit` and the larger sizes of that variant are skipped. `--write` replaces the
//! `compile-curve` section of `BENCHMARKS.md` (`--inferred`: bodies without type annotations on
//! their `let`s, the `compile-curve-inferred` section).

use std::fmt::Write as _;
use std::fs::File;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use coro_benches::{curve_body, report};

const SIZES: &[usize] = &[10, 30, 100, 200, 300, 500, 1000, 2000, 3000];
/// Points whose first `cargo check` takes longer than this are run once, not three times.
const SLOW: f64 = 20.0;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Plain,
    Coro,
}

impl Kind {
    fn crate_name(self) -> &'static str {
        match self {
            Kind::Plain => "curve-plain",
            Kind::Coro => "curve-coro",
        }
    }
}

/// A timed cargo run: seconds, or over the limit.
#[derive(Clone, Copy, Debug)]
enum Time {
    Secs(f64),
    Over,
}

#[derive(Debug, Default)]
struct Point {
    check: Option<Time>,
    /// Runs behind `check` (1 or 3).
    runs: usize,
    source_bytes: usize,
    expanded_bytes: Option<Result<usize, ()>>,
    expand: Option<Time>,
    typeck: Option<Time>,
}

struct Opts {
    write: bool,
    limit: f64,
    sizes: Vec<usize>,
    seed: u64,
    /// `--inferred`: the bodies' `let`s carry no type annotation.
    inferred: bool,
}

fn parse_args() -> Opts {
    let mut o = Opts {
        write: false,
        limit: 120.0,
        sizes: SIZES.to_vec(),
        seed: 1,
        inferred: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--write" => o.write = true,
            "--inferred" => o.inferred = true,
            "--limit" => o.limit = value().parse().expect("--limit SECS"),
            "--seed" => o.seed = value().parse().expect("--seed N"),
            "--sizes" => {
                o.sizes = value()
                    .split(',')
                    .map(|s| s.trim().parse().expect("--sizes 10,30,..."))
                    .collect();
            }
            _ => panic!("unknown argument {a}; see the doc comment of compile_curve.rs"),
        }
    }
    o
}

fn main() {
    let opts = parse_args();
    let root = report::workspace_root();
    let dir = std::env::var_os("CORO_CURVE_DIR").map_or_else(
        || {
            std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| root.join("target"), PathBuf::from)
                .join("compile-curve")
        },
        PathBuf::from,
    );
    let target = dir.join("target");
    let tree = snapshot(&root, &dir);
    eprintln!("scratch workspace {}; coro: {tree}", dir.display());

    // Dependencies, built once for each toolchain on the smallest body.
    let small = curve_body::body(1, opts.seed, !opts.inferred);
    for kind in [Kind::Plain, Kind::Coro] {
        write_source(&dir, kind, &small);
    }
    for kind in [Kind::Plain, Kind::Coro] {
        let p = kind.crate_name();
        run(&dir, &target, false, &["check", "-j1", "-p", p], None).expect_done("warm-up");
        run(&dir, &target, true, &["check", "-j1", "-p", p], None).expect_done("warm-up");
    }

    let mut points: Vec<[Point; 2]> = Vec::new();
    let mut bodies = Vec::new();
    let mut dead = [false; 2];
    for &s in &opts.sizes {
        let body = curve_body::body(s, opts.seed, !opts.inferred);
        let mut row: [Point; 2] = Default::default();
        for (i, kind) in [Kind::Plain, Kind::Coro].into_iter().enumerate() {
            if dead[i] {
                continue;
            }
            row[i] = measure(&dir, &target, kind, &body, opts.limit);
            if matches!(row[i].check, Some(Time::Over)) {
                dead[i] = true;
            }
            eprintln!("S={s} {}: {:?}", kind.crate_name(), row[i]);
        }
        points.push(row);
        bodies.push(body);
    }

    let md = render(&opts, &tree, &bodies, &points);
    println!("{md}");
    if opts.write {
        let section = if opts.inferred {
            "compile-curve-inferred"
        } else {
            "compile-curve"
        };
        report::update_section(&root.join("BENCHMARKS.md"), section, &md)
            .expect("write BENCHMARKS.md");
    }
}

fn measure(dir: &Path, target: &Path, kind: Kind, body: &curve_body::Body, limit: f64) -> Point {
    let src = write_source(dir, kind, body);
    let lib = dir.join(kind.crate_name()).join("src/lib.rs");
    let p = kind.crate_name();
    let mut point = Point {
        source_bytes: src.len(),
        ..Point::default()
    };
    // The first check follows the new source, as a touch would.
    let mut times = Vec::new();
    loop {
        match run(dir, target, false, &["check", "-j1", "-p", p], Some(limit)) {
            Outcome::Over => {
                point.check = Some(Time::Over);
                return point;
            }
            Outcome::Done { secs, .. } => times.push(secs),
        }
        if times[0] > SLOW || times.len() == 3 {
            break;
        }
        touch(&lib);
    }
    point.runs = times.len();
    point.check = Some(Time::Secs(median(&mut times)));

    let nightly = |extra: &str| {
        touch(&lib);
        run(
            dir,
            target,
            true,
            &[
                "rustc",
                "-j1",
                "-p",
                p,
                "--lib",
                "--profile",
                "check",
                "--",
                extra,
            ],
            Some(limit),
        )
    };
    point.expanded_bytes = Some(match nightly("-Zunpretty=expanded") {
        Outcome::Done { stdout, .. } => Ok(stdout.len()),
        Outcome::Over => Err(()),
    });
    match nightly("-Ztime-passes") {
        Outcome::Done { stderr, .. } => {
            point.expand = pass(&stderr, "macro_expand_crate").map(Time::Secs);
            point.typeck = pass(&stderr, "type_check_crate").map(Time::Secs);
        }
        Outcome::Over => {
            point.expand = Some(Time::Over);
            point.typeck = Some(Time::Over);
        }
    }
    point
}

/// The seconds of a `time:   0.123; rss: ...  name` line of `-Ztime-passes`.
fn pass(stderr: &str, name: &str) -> Option<f64> {
    stderr.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix("time:")?;
        if line.split_whitespace().last()? != name {
            return None;
        }
        rest.split_once(';')?.0.trim().parse().ok()
    })
}

enum Outcome {
    Done {
        secs: f64,
        stdout: Vec<u8>,
        stderr: String,
    },
    Over,
}

impl Outcome {
    fn expect_done(self, what: &str) {
        assert!(matches!(self, Outcome::Done { .. }), "{what} timed out");
    }
}

/// Runs cargo (stable, or `+nightly`) in `dir` with `target` as target dir, killing it (and the
/// rustc under it) after `limit` seconds. Panics if cargo fails. When the run compiled anything
/// but the one crate named after `-p` (say, the toolchain's artifacts were gone), it is run again
/// so that the time is of that crate alone.
fn run(dir: &Path, target: &Path, nightly: bool, args: &[&str], limit: Option<f64>) -> Outcome {
    let krate = args
        .iter()
        .position(|a| *a == "-p")
        .map(|i| args[i + 1])
        .expect("-p crate");
    for _attempt in 0..3 {
        let out_path = dir.join("cargo.stdout");
        let err_path = dir.join("cargo.stderr");
        let mut cmd = if nightly {
            let mut c = Command::new("cargo");
            c.arg("+nightly").env_remove("RUSTUP_TOOLCHAIN");
            c
        } else {
            Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        };
        cmd.current_dir(dir)
            .args(args)
            .env("CARGO_TARGET_DIR", target)
            .env_remove("RUSTFLAGS")
            .env_remove("RUSTC")
            .env_remove("RUSTC_BOOTSTRAP")
            // Incremental compilation would replay the cached type check of an unchanged body
            // after a mere touch (0.5 s instead of 3.3 s at S = 300): measure the full check.
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("CARGO_BUILD_JOBS")
            .stdin(Stdio::null())
            .stdout(File::create(&out_path).expect("create stdout file"))
            .stderr(File::create(&err_path).expect("create stderr file"))
            .process_group(0);
        let start = Instant::now();
        let mut child = cmd.spawn().expect("run cargo");
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for cargo") {
                break status;
            }
            if limit.is_some_and(|l| start.elapsed().as_secs_f64() > l) {
                // The whole process group: cargo and the rustc it runs.
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .status();
                let _ = child.wait();
                return Outcome::Over;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let secs = start.elapsed().as_secs_f64();
        let stdout = std::fs::read(&out_path).unwrap_or_default();
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        assert!(
            status.success(),
            "cargo {args:?} failed in {}:\n{}",
            dir.display(),
            stderr.lines().take(60).collect::<Vec<_>>().join("\n")
        );
        let others = stderr.lines().any(|l| {
            let l = l.trim_start();
            (l.starts_with("Compiling ") || l.starts_with("Checking "))
                && l.split_whitespace().nth(1) != Some(krate)
        });
        let checked = stderr.lines().any(|l| {
            let l = l.trim_start();
            (l.starts_with("Compiling ") || l.starts_with("Checking "))
                && l.split_whitespace().nth(1) == Some(krate)
        });
        assert!(
            checked || limit.is_none(),
            "cargo {args:?} did not compile {krate} (fresh?):\n{stderr}"
        );
        if !others || limit.is_none() {
            return Outcome::Done {
                secs,
                stdout,
                stderr,
            };
        }
        eprintln!("  (cargo {args:?} rebuilt other crates; again)");
        touch(&dir.join(krate).join("src/lib.rs"));
    }
    panic!("cargo {args:?} keeps rebuilding other crates");
}

fn touch(path: &Path) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .expect("touch");
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Sets up the scratch workspace: copies of `coro-core` and `coro-macros` (manifest, `src/`, and
/// `doc/` and `README.md` where a crate has them: coro-core's docs are `include_str!`ed),
/// the root manifest with its member list replaced, the lock file, and the two bench crates.
/// Returns a description of the copied code (the commit, and whether it had local changes).
fn snapshot(root: &Path, dir: &Path) -> String {
    std::fs::create_dir_all(dir).expect("create scratch dir");
    for krate in ["coro-core", "coro-macros"] {
        let to = dir.join(krate);
        let _ = std::fs::remove_dir_all(&to);
        copy_dir(&root.join(krate).join("src"), &to.join("src"));
        if root.join(krate).join("doc").is_dir() {
            copy_dir(&root.join(krate).join("doc"), &to.join("doc"));
        }
        let readme = root.join(krate).join("README.md");
        if readme.exists() {
            // A symlink to the workspace README in coro-core: copy what it points to.
            std::fs::copy(&readme, to.join("README.md")).expect("copy README");
        }
        std::fs::copy(root.join(krate).join("Cargo.toml"), to.join("Cargo.toml"))
            .expect("copy manifest");
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("root Cargo.toml");
    let mut out = String::new();
    for line in manifest.lines() {
        if line.starts_with("members") {
            out.push_str(
                "members = [\"coro-core\", \"coro-macros\", \"curve-plain\", \"curve-coro\"]\n",
            );
        } else if !line.starts_with("default-members") {
            out.push_str(line);
            out.push('\n');
        }
    }
    write_if_changed(&dir.join("Cargo.toml"), &out);
    if let Ok(lock) = std::fs::read_to_string(root.join("Cargo.lock"))
        && !dir.join("Cargo.lock").exists()
    {
        write_if_changed(&dir.join("Cargo.lock"), &lock);
    }
    for (kind, deps) in [
        (Kind::Plain, ""),
        (Kind::Coro, "coro-core = { path = \"../coro-core\" }\n"),
    ] {
        let d = dir.join(kind.crate_name());
        std::fs::create_dir_all(d.join("src")).expect("create crate dir");
        write_if_changed(
            &d.join("Cargo.toml"),
            &format!(
                "[package]\nname = {:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{deps}",
                kind.crate_name()
            ),
        );
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let head = git(&["rev-parse", "--short", "HEAD"]);
    let dirty = git(&[
        "status",
        "--porcelain",
        "--",
        "coro-core/src",
        "coro-macros/src",
    ]);
    if dirty.is_empty() {
        format!("commit {head}")
    } else {
        format!("commit {head} with uncommitted changes")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy file");
        }
    }
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("write generated file");
    }
}

/// Writes the crate's `src/lib.rs` (always, so that its mtime is new); returns the source.
fn write_source(dir: &Path, kind: Kind, body: &curve_body::Body) -> String {
    let src = match kind {
        Kind::Plain => curve_body::plain_source(body),
        Kind::Coro => curve_body::coro_source(body),
    };
    std::fs::write(dir.join(kind.crate_name()).join("src/lib.rs"), &src).expect("write lib.rs");
    src
}

fn version(nightly: bool) -> String {
    let mut cmd = Command::new("rustc");
    if nightly {
        cmd.arg("+nightly").env_remove("RUSTUP_TOOLCHAIN");
    }
    cmd.arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

#[allow(clippy::cast_precision_loss)]
fn render(opts: &Opts, tree: &str, bodies: &[curve_body::Body], points: &[[Point; 2]]) -> String {
    let limit = opts.limit;
    let secs = |t: Option<Time>| match t {
        None => "—".to_string(),
        Some(Time::Over) => format!("> {limit:.0} s"),
        Some(Time::Secs(s)) => format!("{s:.2}"),
    };
    let check = |p: &Point| match p.check {
        Some(Time::Secs(s)) if p.runs == 1 => format!("{s:.2}¹"),
        None => "skipped".into(),
        t => secs(t),
    };
    let kb = |p: &Point| match p.expanded_bytes {
        Some(Ok(b)) => format!("{:.0}", b as f64 / 1024.0),
        Some(Err(())) => format!("> {limit:.0} s"),
        None => "—".into(),
    };
    let per_source = |p: &Point| match p.expanded_bytes {
        Some(Ok(b)) if p.source_bytes > 0 => format!("{:.1}×", b as f64 / p.source_bytes as f64),
        _ => "—".into(),
    };
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let mut md = String::new();
    if opts.inferred {
        let _ = writeln!(
            md,
            "## Compile time vs body size: locals typed by inference\n"
        );
        let _ = writeln!(
            md,
            "The same bodies with `let mut v3 = v0 + 5i64;` for `let mut v3: i64 = v0 + 5;`: the \
             state enum then has a type parameter for each local held across a yield, for rustc to \
             infer (an annotated local of a prelude type has a field of that type; see \
             `coro-macros/src/lower/state_types.rs`), each tied to its local's type in the typing \
             prologue (`coro-macros/src/emit/typing.rs`); every path to a variant still \
             instantiates all of them, which is what grows faster here than with annotations. \
             Generated with `--inferred`.\n"
        );
    } else {
        let _ = writeln!(md, "## Compile time vs body size\n");
    }
    let _ = writeln!(
        md,
        "ONE function whose body has S statements (nested ones included; a seeded mix of `let`s, \
         `a += yield_!(b)`, `for`/`while` loops, `match`es and `if`/`else` with yields in them, some \
         nested up to 3 deep; seed {}), as `#[generator(yield = i64, resume = i64)]` (coro) and as a \
         plain fn with `yield_!(e)` = `std::hint::black_box(e)` (plain). Check: `cargo check -j1` of \
         that crate alone after a touch of its `lib.rs`, its dependencies built (default `dev` \
         profile, `CARGO_INCREMENTAL=0`: with incremental compilation a touch replays the cached \
         type check of the unchanged body), {}, {cores} logical cores \
         (`nproc`; shared with other work), median of 3 (¹: one run, over {SLOW:.0} s); the limit per \
         cargo run is {limit:.0} s, past which the larger sizes of that variant are skipped. \
         Expansion: the bytes of `-Zunpretty=expanded`, against the bytes of the crate's `lib.rs`; \
         `macro_expand_crate` and `type_check_crate` from `-Ztime-passes` (both with {}, check \
         profile). coro-core/coro-macros: {tree}. Generated by the `compile_curve` binary of \
         `benches/` (`--write --limit {limit:.0}`).\n",
        opts.seed,
        version(false),
        version(true)
    );
    let _ = writeln!(
        md,
        "| S | plain check s | coro check s | ratio | coro expansion KB | expansion / source | macro_expand s | type_check s |"
    );
    let _ = writeln!(md, "|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (s, row) in opts.sizes.iter().zip(points) {
        let [plain, coro] = row;
        let ratio = match (plain.check, coro.check) {
            (Some(Time::Secs(p)), Some(Time::Secs(c))) if p > 0.0 => format!("{:.1}×", c / p),
            (Some(Time::Secs(p)), Some(Time::Over)) if p > 0.0 => format!("> {:.0}×", limit / p),
            _ => "—".into(),
        };
        let _ = writeln!(
            md,
            "| {s} | {} | {} | {ratio} | {} | {} | {} | {} |",
            check(plain),
            check(coro),
            kb(coro),
            per_source(coro),
            secs(coro.expand),
            secs(coro.typeck),
        );
    }
    let _ = writeln!(
        md,
        "\nThe bodies and the plain variant's own figures (its `macro_expand_crate` is `macro_rules!` \
         only; its expansion / source shows what pretty-printing alone does to the size):\n"
    );
    let _ = writeln!(
        md,
        "| S | statements | yields | nesting | source KB | plain expansion KB | plain expansion / source | plain macro_expand s | plain type_check s |"
    );
    let _ = writeln!(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for ((s, row), body) in opts.sizes.iter().zip(points).zip(bodies) {
        let plain = &row[0];
        let _ = writeln!(
            md,
            "| {s} | {} | {} | {} | {:.1} | {} | {} | {} | {} |",
            body.statements,
            body.yields,
            body.max_depth,
            curve_body::coro_source(body).len() as f64 / 1024.0,
            kb(plain),
            per_source(plain),
            secs(plain.expand),
            secs(plain.typeck),
        );
    }
    md
}
