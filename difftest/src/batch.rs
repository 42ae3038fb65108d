//! Batches of generated bodies: one crate per batch, built once with cargo, run once.
//!
//! Layout of a batch crate (`<dir>/`):
//! ```text
//! Cargo.toml      depends on coro-core by absolute path; its own [workspace]
//! src/main.rs     runs `rt::check` on every program, prints `FAIL <i>` blocks and `DONE <runs>`
//! src/rt.rs       a verbatim copy of this crate's runtime.rs
//! src/p<i>.rs     program i as a plain fn: `yield_!` is a local macro calling the scripted Ctx
//! src/g<i>.rs     program i as `#[generator(yield = i64, resume = i64)]`
//! ```
//! A program whose generator file fails to compile while its plain file compiles is a lowering
//! bug; it is reported and left out, and the batch is rebuilt without it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::async_batch;
use crate::program::{Config, Program, generate};

/// The runtime, copied into every batch crate.
pub const RUNTIME_SRC: &str = include_str!("runtime.rs");

/// How a campaign runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Programs in total.
    pub programs: usize,
    /// Programs per batch crate.
    pub batch_size: usize,
    /// Seed of program 0; program i uses `seed + i`.
    pub seed: u64,
    /// Where batch crates live (each gets `<work_dir>/batch<k>`, sharing `<work_dir>/target`).
    pub work_dir: PathBuf,
    /// The `coro-core` crate directory.
    pub core_dir: PathBuf,
    /// A `Cargo.lock` to start from (pins dependency versions, avoids resolution).
    pub lockfile: Option<PathBuf>,
    /// `cargo -j`.
    pub jobs: usize,
    /// Kill a batch binary after this long.
    pub run_timeout: Duration,
    pub config: Config,
}

/// What a test chooses for a campaign; the rest comes from the environment
/// ([`Options::from_env`]).
#[derive(Debug)]
pub struct FromEnv<'a> {
    /// The variable holding the number of programs, and its default.
    pub programs: (&'a str, u64),
    /// The variable holding the seed, and its default.
    pub seed: (&'a str, u64),
    /// The crate's `CARGO_MANIFEST_DIR` (its parent is the workspace).
    pub manifest_dir: &'a Path,
    pub work_dir: PathBuf,
    /// The mode's configuration; its `avoid` is set from `CORO_DIFFTEST_KNOWN_BUGS`.
    pub config: Config,
}

impl Options {
    /// The options of a test campaign: `CORO_DIFFTEST_BATCH` (default 500),
    /// `CORO_DIFFTEST_JOBS` (2), `CORO_DIFFTEST_CORE_DIR` (the workspace's `coro-core`), and
    /// `CORO_DIFFTEST_KNOWN_BUGS=1` (generate the shapes of open bugs too).
    ///
    /// # Panics
    /// If a variable is not a number, or the manifest dir has no parent.
    pub fn from_env(e: FromEnv<'_>) -> Options {
        let count = |name: &str, default: u64| {
            usize::try_from(crate::env_num(name, default)).expect("a count")
        };
        let known_bugs = std::env::var("CORO_DIFFTEST_KNOWN_BUGS").is_ok_and(|v| v == "1");
        let workspace = e.manifest_dir.parent().expect("workspace").to_path_buf();
        let lockfile = workspace.join("Cargo.lock");
        Options {
            programs: count(e.programs.0, e.programs.1),
            batch_size: count("CORO_DIFFTEST_BATCH", 500).max(1),
            seed: crate::env_num(e.seed.0, e.seed.1),
            work_dir: e.work_dir,
            core_dir: std::env::var_os("CORO_DIFFTEST_CORE_DIR")
                .map_or_else(|| workspace.join("coro-core"), PathBuf::from),
            lockfile: lockfile.exists().then_some(lockfile),
            jobs: count("CORO_DIFFTEST_JOBS", 2).max(1),
            run_timeout: Duration::from_secs(120),
            config: Config {
                avoid: if known_bugs {
                    crate::program::Avoid::nothing()
                } else {
                    crate::program::Avoid::known_bugs()
                },
                ..e.config
            },
        }
    }
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Failure {
    pub seed: u64,
    /// `compile(generator)`, `compile(plain)`, `mismatch`, `crash`.
    pub kind: &'static str,
    pub message: String,
    /// The files of the program.
    pub files: Vec<PathBuf>,
}

/// What a campaign found.
#[derive(Debug, Default)]
pub struct Report {
    /// Programs whose two compilations both built and were compared.
    pub checked: usize,
    /// Comparisons (program x script x drop point).
    pub runs: usize,
    pub failures: Vec<Failure>,
    /// Findings matching a known, still-open bug that the options tolerate (not failures).
    pub known: Vec<Failure>,
    /// Async mode: seeds of programs whose enum compilation took the async-block path (they
    /// test nothing; the generator should never write one).
    pub fallbacks: Vec<u64>,
    pub build_time: Duration,
    pub run_time: Duration,
    /// Total yields reached across plain runs to completion (a size measure).
    pub batches: usize,
}

impl Report {
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} programs checked in {} batches, {} comparisons; build {:.1}s, run {:.1}s; {} failures, {} known-bug hits, {} fell back to the async block",
            self.checked,
            self.batches,
            self.runs,
            self.build_time.as_secs_f64(),
            self.run_time.as_secs_f64(),
            self.failures.len(),
            self.known.len(),
            self.fallbacks.len()
        );
        for f in &self.failures {
            let _ = write!(
                s,
                "\n--- seed {} ({}): {}\n    files: {:?}",
                f.seed, f.kind, f.message, f.files
            );
        }
        s
    }
}

/// The extra parameter of programs that take the slice argument.
fn extra_param(p: &Program) -> &'static str {
    if p.slice_arg { ", xs: &[i64]" } else { "" }
}

/// The plain compilation of a program.
pub fn plain_source(p: &Program) -> String {
    format!(
        "//! seed {seed}\n#![allow(warnings, clippy::all)]\nuse crate::rt::*;\n\npub const INFO: Info = Info {{ guards: &{guards:?}, temps: &{temps:?}, strict_order: {strict}, lenient_locals: {lenient}, exact_order: false }};\n\n\
         pub fn run(log: Log, __ctx: &Ctx{extra}) -> {ret} {{\n    macro_rules! yield_ {{\n        ($e:expr) => {{\n            __ctx.yield_($e)\n        }};\n    }}\n    \
         macro_rules! yield_from {{\n        ($e:expr) => {{\n            __ctx.yield_from($e)\n        }};\n    }}\n    {body}\n}}\n",
        seed = p.seed,
        guards = p.guards,
        temps = p.temps,
        strict = p.strict_order,
        lenient = p.lenient_locals,
        extra = extra_param(p),
        ret = p.ret.rust(),
        body = p.body,
    )
}

/// The generator compilation of a program.
pub fn generator_source(p: &Program) -> String {
    format!(
        "//! seed {seed}\n#![allow(warnings, clippy::all)]\nuse crate::rt::*;\nuse coro_core::{{generator, yield_, yield_from}};\n\n\
         #[generator(yield = i64, resume = i64{clone}{pinned})]\npub fn run(log: Log{extra}) -> {ret} {body}\n",
        seed = p.seed,
        clone = if p.clone { ", clone" } else { "" },
        pinned = if p.pinned { ", pinned" } else { "" },
        extra = extra_param(p),
        ret = p.ret.rust(),
        body = p.body,
    )
}

fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents)
            .unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

fn main_source(programs: &[(usize, &Program)]) -> String {
    let mut s = String::from("#![allow(warnings, clippy::all)]\nmod rt;\n");
    for (i, _) in programs {
        let _ = writeln!(s, "mod p{i};\nmod g{i};");
    }
    s.push_str(
        "\nfn main() {\n    rt::quiet_panics();\n    let mut runs = 0usize;\n    let mut report = |i: usize, r: Result<usize, String>| match r {\n        \
         Ok(n) => runs += n,\n        Err(e) => println!(\"FAIL {i}\\n{e}\\nEND\"),\n    };\n",
    );
    for (i, p) in programs {
        let (pf, gf) = match (p.slice_arg, p.pinned) {
            (true, false) => (
                format!("|l, c| p{i}::run(l, c, rt::XS)"),
                format!("|l| g{i}::run(l, rt::XS)"),
            ),
            (true, true) => (
                format!("|l, c| p{i}::run(l, c, rt::XS)"),
                format!("|l| Box::pin(g{i}::run(l, rt::XS))"),
            ),
            (false, false) => (format!("p{i}::run"), format!("g{i}::run")),
            (false, true) => (format!("p{i}::run"), format!("|l| Box::pin(g{i}::run(l))")),
        };
        let clone = if p.clone {
            format!(
                ".and_then(|n| rt::check_clone({pf}, {gf}, {seed}).map(|m| n + m))",
                seed = p.seed
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "    println!(\"START {i}\");\n    report({i}, rt::check({pf}, {gf}, &p{i}::INFO, {seed}){clone});",
            seed = p.seed
        );
    }
    s.push_str("    println!(\"DONE {runs}\");\n}\n");
    s
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Errors of a failed build, by program index and file kind ('p' or 'g'); `None` key: other files.
fn build(
    dir: &Path,
    target: &Path,
    jobs: usize,
    frame_min: &str,
) -> Result<(), BTreeMap<Option<(usize, char)>, String>> {
    let out = Command::new(cargo())
        .current_dir(dir)
        .env("CORO_FRAME_MIN", frame_min)
        .args([
            "build",
            "--offline",
            "--quiet",
            "--message-format",
            "short",
            "-j",
            &jobs.to_string(),
        ])
        .env("CARGO_TARGET_DIR", target)
        .env_remove("CARGO_MAKEFLAGS")
        .env_remove("MAKEFLAGS")
        .env_remove("MFLAGS")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("running cargo");
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut errors: BTreeMap<Option<(usize, char)>, String> = BTreeMap::new();
    for line in stderr.lines() {
        if !line.contains("error") || line.starts_with("error: could not compile") {
            continue;
        }
        let key = line.strip_prefix("src/").and_then(|rest| {
            let kind = rest.chars().next()?;
            let num: String = rest[1..].chars().take_while(char::is_ascii_digit).collect();
            let after = &rest[1 + num.len()..];
            ((kind == 'p' || kind == 'g') && after.starts_with(".rs:"))
                .then(|| (num.parse().ok(), kind))
        });
        let key = match key {
            Some((Some(i), k)) => Some((i, k)),
            _ => None,
        };
        let e = errors.entry(key).or_default();
        e.push_str(line);
        e.push('\n');
    }
    if errors.is_empty() {
        errors.insert(None, stderr.into_owned());
    }
    Err(errors)
}

/// Runs the batch binary; returns its stdout (or what it printed before being killed).
fn run_binary(bin: &Path, timeout: Duration) -> (String, Option<String>) {
    let mut child = Command::new(bin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running batch");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let problem = loop {
        match child.try_wait().expect("waiting") {
            Some(status) if status.success() => break None,
            Some(status) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                break Some(format!("batch binary exited with {status}: {}", err.trim()));
            }
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break Some(format!(
                    "batch binary killed after {timeout:?} (a body does not terminate?)"
                ));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    (reader.join().unwrap_or_default(), problem)
}

/// The file writers of a mode: plain (or reference), generator (or enum path), main.
type Sources = (
    fn(&Program) -> String,
    fn(&Program) -> String,
    fn(&[(usize, &Program)]) -> String,
);

/// The frame threshold the macro builds batch `k` with (`coro-macros/src/emit/frame.rs`): odd
/// batches keep every primitive local held across a yield in the frame (the programs are far
/// below the threshold a user's body must pass), even ones none, so both representations of
/// the state meet every shape. `CORO_FRAME_MIN` set by the caller wins.
fn frame_min(k: usize) -> String {
    std::env::var("CORO_FRAME_MIN")
        .unwrap_or_else(|_| if k % 2 == 1 { "1" } else { "1000000" }.to_string())
}

/// Builds and runs one batch of programs (crate `batch<k>`).
#[allow(clippy::too_many_lines)]
fn run_batch(opts: &Options, k: usize, programs: &[Program], report: &mut Report) {
    let n = programs.len();
    let first_seed = programs.first().map_or(opts.seed, |p| p.seed);
    let dir = opts.work_dir.join(format!("batch{k}"));
    let target = opts.work_dir.join("target");
    std::fs::create_dir_all(dir.join("src")).expect("creating batch dir");
    let core = opts.core_dir.canonicalize().expect("coro-core dir");
    write_if_changed(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"coro-difftest-batch{k}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ncoro-core = {{ path = {core:?} }}\n\n[workspace]\n\n\
             [profile.dev]\nopt-level = 0\ndebug = false\nincremental = false\n\n\
             [profile.dev.build-override]\nopt-level = 1\n",
            core = core.display().to_string()
        ),
    );
    if let Some(lock) = opts
        .lockfile
        .as_ref()
        .filter(|_| !dir.join("Cargo.lock").exists())
    {
        let _ = std::fs::copy(lock, dir.join("Cargo.lock"));
    }
    let asyncs = opts.config.asyncs;
    if asyncs {
        write_if_changed(&dir.join("src/runtime.rs"), RUNTIME_SRC);
        write_if_changed(&dir.join("src/async_rt.rs"), async_batch::ASYNC_RUNTIME_SRC);
    } else {
        write_if_changed(&dir.join("src/rt.rs"), RUNTIME_SRC);
    }
    let (plain_src, gen_src, main_src): Sources = if asyncs {
        (
            async_batch::reference_source,
            async_batch::enum_source,
            async_batch::main_source,
        )
    } else {
        (plain_source, generator_source, main_source)
    };
    let files = |i: usize| {
        vec![
            dir.join(format!("src/p{i}.rs")),
            dir.join(format!("src/g{i}.rs")),
        ]
    };
    for (i, p) in programs.iter().enumerate() {
        write_if_changed(&dir.join(format!("src/p{i}.rs")), &plain_src(p));
        write_if_changed(&dir.join(format!("src/g{i}.rs")), &gen_src(p));
    }
    let mut included: Vec<usize> = (0..n).collect();
    let build_start = Instant::now();
    let mut built = false;
    for _attempt in 0..6 {
        let list: Vec<(usize, &Program)> = included.iter().map(|&i| (i, &programs[i])).collect();
        write_if_changed(&dir.join("src/main.rs"), &main_src(&list));
        match build(&dir, &target, opts.jobs, &frame_min(k)) {
            Ok(()) => {
                built = true;
                break;
            }
            Err(errors) => {
                // Errors in main.rs follow from a program that failed (its fallback fn has
                // another type): only fatal when no program file has an error.
                let program_errors = errors.keys().any(Option::is_some);
                if let Some(other) = errors.get(&None).filter(|_| !program_errors) {
                    report.failures.push(Failure {
                        seed: first_seed,
                        kind: "harness",
                        message: format!(
                            "batch {k} failed to build outside program files:\n{other}"
                        ),
                        files: vec![dir.clone()],
                    });
                    return;
                }
                let mut by_program: BTreeMap<usize, (bool, String)> = BTreeMap::new();
                for (key, msg) in &errors {
                    let Some((i, kind)) = *key else { continue };
                    let e = by_program.entry(i).or_default();
                    e.0 |= kind == 'p';
                    e.1.push_str(msg);
                }
                for (i, (plain_failed, msg)) in by_program {
                    let avoid = opts.config.avoid;
                    let known = !plain_failed
                        && (avoid.type_inference || (asyncs && avoid.async_type_inference))
                        && msg.contains("E0282");
                    let list = if known {
                        &mut report.known
                    } else {
                        &mut report.failures
                    };
                    list.push(Failure {
                        seed: programs[i].seed,
                        kind: if plain_failed {
                            "compile(plain): bug in the program generator"
                        } else {
                            "compile(generator)"
                        },
                        message: msg,
                        files: files(i),
                    });
                    included.retain(|&x| x != i);
                }
            }
        }
    }
    report.build_time += build_start.elapsed();
    if !built {
        report.failures.push(Failure {
            seed: first_seed,
            kind: "harness",
            message: format!("batch {k} still fails to build after excluding failing programs"),
            files: vec![dir],
        });
        return;
    }
    let bin = target.join("debug").join(format!("coro-difftest-batch{k}"));
    let run_start = Instant::now();
    let (stdout, problem) = run_binary(&bin, opts.run_timeout);
    report.run_time += run_start.elapsed();
    report.batches += 1;
    let mut last_started = None;
    let mut lines = stdout.lines();
    let mut failed = Vec::new();
    let mut done = false;
    while let Some(line) = lines.next() {
        if let Some(i) = line.strip_prefix("START ") {
            last_started = i.parse::<usize>().ok();
        } else if let Some(i) = line.strip_prefix("FAIL ") {
            let i: usize = i.parse().expect("FAIL index");
            let mut msg = String::new();
            for l in lines.by_ref() {
                if l == "END" {
                    break;
                }
                msg.push_str(l);
                msg.push('\n');
            }
            failed.push(i);
            if msg.starts_with("FALLBACK") {
                report.fallbacks.push(programs[i].seed);
                continue;
            }
            report.failures.push(Failure {
                seed: programs[i].seed,
                kind: "mismatch",
                message: msg,
                files: files(i),
            });
        } else if let Some(r) = line.strip_prefix("DONE ") {
            report.runs += r.parse::<usize>().unwrap_or(0);
            done = true;
        }
    }
    if let Some(problem) = problem.filter(|_| !done) {
        let i = last_started.unwrap_or(0);
        report.failures.push(Failure {
            seed: programs[i].seed,
            kind: "crash",
            message: problem,
            files: files(i),
        });
        // Programs after the crash were not run.
        included.retain(|&x| x < i);
        failed.push(i);
    }
    report.checked += included.iter().filter(|i| !failed.contains(i)).count();
}

/// Generates, builds and checks `opts.programs` programs in batches.
pub fn campaign(opts: &Options) -> Report {
    let mut report = Report::default();
    let mut first = 0;
    let mut k = 0;
    while first < opts.programs {
        let n = opts.batch_size.min(opts.programs - first);
        let programs: Vec<Program> = (first..first + n)
            .map(|i| generate(opts.seed.wrapping_add(i as u64), &opts.config))
            .collect();
        run_batch(opts, k, &programs, &mut report);
        first += n;
        k += 1;
    }
    report
}

/// Builds and checks the given programs as one batch crate (`batch<k>` in `opts.work_dir`).
pub fn check_programs(opts: &Options, k: usize, programs: &[Program]) -> Report {
    let mut report = Report::default();
    run_batch(opts, k, programs, &mut report);
    report
}
