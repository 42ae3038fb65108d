//! The files of an async batch crate (`Config::asyncs`): each program as an `#[async_gen]`
//! stream twice, and a `main` that runs `async_rt::check_async` on every pair.
//!
//! ```text
//! src/runtime.rs   a verbatim copy of runtime.rs (Tracked, the log, the comparison)
//! src/async_rt.rs  a verbatim copy of async_rt.rs (after, input, Nums, the stream driver)
//! src/p<i>.rs      program i with `#[async_gen(yield = i64, pinned)]`: the async-block path,
//!                  rustc's own lowering: the reference
//! src/g<i>.rs      program i with `#[async_gen(yield = i64)]`: the enum path under test
//! ```
//! The rest (building, excluding programs that fail to compile, reading `FAIL` blocks) is
//! `batch.rs`'s. A `FAIL` whose message starts with `FALLBACK` is a program whose enum
//! compilation took the async-block path: it tests nothing and is counted apart.

use std::fmt::Write as _;

use crate::program::Program;

/// The async runtime, copied into every async batch crate.
pub const ASYNC_RUNTIME_SRC: &str = include_str!("async_rt.rs");

fn source(p: &Program, pinned: bool) -> String {
    let info = if pinned {
        format!(
            "pub const INFO: Info = Info {{ guards: &{guards:?}, temps: &{temps:?}, strict_order: {strict}, lenient_locals: {lenient}, exact_order: false }};\n\n",
            guards = p.guards,
            temps = p.temps,
            strict = p.strict_order,
            lenient = p.lenient_locals,
        )
    } else {
        String::new()
    };
    format!(
        "//! seed {seed}\n#![allow(warnings, clippy::all)]\nuse crate::runtime::*;\nuse crate::async_rt::*;\n\
         use coro_core::{{async_gen, for_await, yield_, yield_from}};\n\n{info}\
         #[async_gen(yield = i64{pinned})]\npub async fn run(log: Log{extra}) -> Result<(), Exit> {body}\n",
        seed = p.seed,
        pinned = if pinned { ", pinned" } else { "" },
        extra = if p.slice_arg {
            ", xs: &'static [i64]"
        } else {
            ""
        },
        body = p.body,
    )
}

/// The reference compilation (async-block path).
pub fn reference_source(p: &Program) -> String {
    source(p, true)
}

/// The compilation under test (enum path).
pub fn enum_source(p: &Program) -> String {
    source(p, false)
}

pub fn main_source(programs: &[(usize, &Program)]) -> String {
    let mut s = String::from("#![allow(warnings, clippy::all)]\nmod runtime;\nmod async_rt;\n");
    for (i, _) in programs {
        let _ = writeln!(s, "mod p{i};\nmod g{i};");
    }
    s.push_str(
        "\nfn main() {\n    runtime::quiet_panics();\n    let mut runs = 0usize;\n    let mut report = |i: usize, r: Result<usize, String>| match r {\n        \
         Ok(n) => runs += n,\n        Err(e) => println!(\"FAIL {i}\\n{e}\\nEND\"),\n    };\n",
    );
    for (i, p) in programs {
        let xs = if p.slice_arg { ", runtime::XS" } else { "" };
        let _ = writeln!(
            s,
            "    println!(\"START {i}\");\n    report({i}, async_rt::check_async(|l| p{i}::run(l{xs}), |l| g{i}::run(l{xs}), &p{i}::INFO, {seed}));",
            seed = p.seed
        );
    }
    s.push_str("    println!(\"DONE {runs}\");\n}\n");
    s
}
