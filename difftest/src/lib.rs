//! Differential testing of `#[generator]`'s lowering against plain Rust (issue #6).
//!
//! [`program::generate`] turns a seed into a random generator body (nested loops, labeled
//! blocks, `if`/`match` with guards, `break` with values, `return`, `?`, shadowing, moves of
//! non-`Copy` values, values with counting `Drop` impls, `yield_!` in statement and expression
//! positions). [`batch`] compiles every body twice — as a `#[generator(yield = i64, resume =
//! i64)]` fn and as a plain fn in which `yield_!(x)` calls a scripted context — and
//! [`runtime::check`] runs both under the same resume scripts, to completion and abandoned at
//! chosen suspension points, comparing what they did.
//!
//! # What the comparison checks
//! The observable events of a run are: creations and uses of `Tracked` values, yields, resume
//! values consumed, the return value (or panic message), and drops. Runs of the two compilations
//! must agree as follows (see [`runtime::compare`]):
//! 1. all events except drops are identical, in order;
//! 2. every `Tracked` is dropped exactly once, also when the generator is dropped or `close()`d
//!    while suspended (the plain run emulates this by unwinding from the k-th `yield_!`), and
//!    dropping a `close()`d generator drops nothing more;
//! 3. *guards* — locals never mentioned after their `let` — drop at exactly the same place in
//!    both, relative to all non-drop events and to each other (DESIGN §3.2: they are kept to the
//!    end of their scope, as in plain Rust);
//! 4. every other value drops, in the generator, after its last use and no later than in the
//!    plain run. This encodes the documented difference: a local dead at a block boundary of the
//!    state machine (a suspension point, or a join/loop head of a construct containing one) is
//!    dropped there, and temporaries of a statement containing a `yield_!` may be dropped
//!    before the end of that statement;
//! 5. the values the generator drops at the same place as the plain run (not early) drop in
//!    the same order there. Values dropped early are not ordered against each other.
//!
//! # Running
//! `cargo test -p coro-difftest` checks 1000 programs (`tests/differential.rs`). Environment:
//! `CORO_DIFFTEST_PROGRAMS` (count), `CORO_DIFFTEST_BATCH` (programs per crate, default 500),
//! `CORO_DIFFTEST_SEED`, `CORO_DIFFTEST_JOBS` (cargo -j, default 2), `CORO_DIFFTEST_KNOWN_BUGS=1`
//! (turn every `program::Avoid` switch off: also generate the shapes of the open bugs V-Z). To
//! look at one program: `cargo run -p coro-difftest -- <seed>`.

pub mod async_batch;
#[allow(clippy::pedantic, missing_debug_implementations)]
pub mod async_rt;
pub mod batch;
pub mod program;
pub mod rng;
#[allow(clippy::pedantic, missing_debug_implementations)]
pub mod runtime;

/// Compiles one body twice, like a generated program: `$name::coro::run` is the
/// `#[generator(yield = i64, resume = i64)]` fn, `$name::plain::run` the plain fn whose
/// `yield_!` calls the scripted context, and `$name::check(seed, strict_order)` runs
/// [`runtime::check`] on them. The body may use `log: Log` (named by the caller, for hygiene) and
/// everything in [`runtime`].
///
/// ```
/// coro_difftest::differential!(demo -> i64, guards = [1], |log| {
///     let _g = Tracked::new(&log, 1, 0);
///     let x = yield_!(1);
///     x + 1
/// });
/// assert!(demo::check(7, true).is_ok());
/// ```
#[macro_export]
macro_rules! differential {
    ($name:ident -> $ret:ty, guards = [$($g:expr),* $(,)?], |$log:ident| { $($body:tt)* }) => {
        #[allow(unused, unreachable_code, clippy::all, clippy::pedantic)]
        mod $name {
            pub const GUARDS: &[u32] = &[$($g),*];
            pub mod plain {
                use $crate::runtime::*;
                pub fn run($log: Log, __ctx: &Ctx) -> $ret {
                    macro_rules! yield_ {
                        ($e:expr) => {
                            __ctx.yield_($e)
                        };
                    }
                    macro_rules! yield_from {
                        ($e:expr) => {
                            __ctx.yield_from($e)
                        };
                    }
                    { $($body)* }
                }
            }
            pub mod coro {
                use $crate::runtime::*;
                use ::coro_core::{generator, yield_, yield_from};
                #[generator(yield = i64, resume = i64)]
                pub fn run($log: Log) -> $ret { $($body)* }
            }
            /// Compares both compilations under three scripts and several drop points.
            pub fn check(seed: u64, strict_order: bool) -> ::core::result::Result<usize, ::std::string::String> {
                let info = $crate::runtime::Info { guards: GUARDS, temps: &[], strict_order, lenient_locals: false, exact_order: false };
                $crate::runtime::check(plain::run, coro::run, &info, seed)
            }
            /// The same, also comparing the order of drops that fall at the same place (for
            /// bodies where nothing may drop early: see `Info::exact_order`).
            pub fn check_exact(seed: u64) -> ::core::result::Result<usize, ::std::string::String> {
                let info = $crate::runtime::Info { guards: GUARDS, temps: &[], strict_order: true, lenient_locals: false, exact_order: true };
                $crate::runtime::check(plain::run, coro::run, &info, seed)
            }
        }
    };
}

/// A number from the environment (`CORO_DIFFTEST_*`), or `default` when unset.
///
/// # Panics
/// If the variable is set to something that is not a number.
pub fn env_num(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}
