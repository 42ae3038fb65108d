//! The macros never panic: a deterministic randomized test that feeds mutated and arbitrary
//! token streams to `#[generator]`, `#[async_gen]` and `for_await!` (through `proc_macro2`, not the
//! compiler) and checks that each returns tokens.
//!
//! Inputs: mutations of a seed corpus of valid fns (delete / duplicate / swap token trees, change
//! delimiters, insert `yield_!`, `?`, `break`, `return`, `.await`, labels, ... at random
//! positions, truncate), mutated attribute options, and random token soup.
//!
//! Besides "no panic", when the item given to an attribute parses as a fn, the output must parse
//! as items (an expansion or `compile_error!` plus the fallback fn): a malformed output would be
//! reported by rustc as a confusing error at the attribute.
//!
//! - `CORO_FUZZ_ITERS=n`: number of mutated inputs (default sized for ~20 s in a debug build);
//! - `CORO_FUZZ_LONG=1`: 20x the default;
//! - `CORO_FUZZ_SEED=n`: another PRNG seed (the default is fixed, so CI runs are reproducible).
//!
//! The default run also stops after 40 s (a safety net for slow machines; the inputs are the
//! same sequence either way) and prints how many inputs it tried.
//!
//! On failure the test prints each failing input minimized (greedy token-tree deletion), with the
//! seed and iteration to replay it.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;
use std::time::{Duration, Instant};

mod corpus;
use corpus::{ASYNC_GENS, FOR_AWAITS, GENERATORS, OPTIONS, SNIPPETS};

/// `SplitMix64`: small, fast, good enough to pick mutations.
struct Rng(u64);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic(m) => write!(f, "panicked: {m}"),
            Failure::Malformed(m) => write!(f, "output does not parse: {m}"),
        }
    }
}

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).expect("below n")
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn ts(s: &str) -> TokenStream {
    TokenStream::from_str(s).unwrap_or_else(|e| panic!("bad corpus tokens {s:?}: {e}"))
}

fn tree_count(stream: &TokenStream) -> usize {
    stream
        .clone()
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => 1 + tree_count(&g.stream()),
            _ => 1,
        })
        .sum()
}

/// Applies `f` to the token list at a random nesting depth.
fn at_random_depth(
    rng: &mut Rng,
    stream: TokenStream,
    f: &mut dyn FnMut(&mut Rng, &mut Vec<TokenTree>),
) -> TokenStream {
    let mut tts: Vec<TokenTree> = stream.into_iter().collect();
    let groups: Vec<usize> = tts
        .iter()
        .enumerate()
        .filter(|(_, tt)| matches!(tt, TokenTree::Group(_)))
        .map(|(i, _)| i)
        .collect();
    if !groups.is_empty() && rng.chance(65) {
        let i = rng.pick(&groups);
        if let TokenTree::Group(g) = &tts[i] {
            let mut ng = Group::new(g.delimiter(), at_random_depth(rng, g.stream(), f));
            ng.set_span(g.span());
            tts[i] = TokenTree::Group(ng);
        }
    } else {
        f(rng, &mut tts);
    }
    tts.into_iter().collect()
}

fn mutate_once(rng: &mut Rng, stream: TokenStream) -> TokenStream {
    let op = rng.below(8);
    at_random_depth(rng, stream, &mut |rng, tts| match op {
        0 if !tts.is_empty() => {
            let i = rng.below(tts.len());
            tts.remove(i);
        }
        1 if !tts.is_empty() => {
            let i = rng.below(tts.len());
            let tt = tts[i].clone();
            tts.insert(i, tt);
        }
        2 if tts.len() >= 2 => {
            let i = rng.below(tts.len() - 1);
            let j = if rng.chance(70) {
                i + 1
            } else {
                rng.below(tts.len())
            };
            tts.swap(i, j);
        }
        3 => {
            let groups: Vec<usize> = (0..tts.len())
                .filter(|&i| matches!(tts[i], TokenTree::Group(_)))
                .collect();
            if groups.is_empty() {
                return;
            }
            let i = rng.pick(&groups);
            if let TokenTree::Group(g) = &tts[i] {
                let d = rng.pick(&[
                    Delimiter::Parenthesis,
                    Delimiter::Brace,
                    Delimiter::Bracket,
                    Delimiter::None,
                ]);
                tts[i] = TokenTree::Group(Group::new(d, g.stream()));
            }
        }
        4 if !tts.is_empty() => {
            let i = rng.below(tts.len());
            tts.truncate(i);
        }
        _ => {
            let snippet = ts(rng.pick(SNIPPETS));
            let at = rng.below(tts.len() + 1);
            let new: Vec<TokenTree> = snippet.into_iter().collect();
            tts.splice(at..at, new);
        }
    })
}

fn mutate(rng: &mut Rng, stream: TokenStream) -> TokenStream {
    let mut out = stream;
    for _ in 0..=rng.below(4) {
        out = mutate_once(rng, out);
    }
    out
}

/// Random tokens from a vocabulary, with random groups.
fn soup(rng: &mut Rng, depth: usize) -> TokenStream {
    const WORDS: &[&str] = &[
        "fn",
        "async",
        "const",
        "unsafe",
        "extern \"C\"",
        "pub",
        "f",
        "x",
        "self",
        "Self",
        "mut",
        "let",
        "loop",
        "while",
        "for",
        "in",
        "if",
        "else",
        "match",
        "return",
        "break",
        "continue",
        "yield_",
        "yield_from",
        "for_await",
        "!",
        "?",
        ".",
        ",",
        ";",
        ":",
        "::",
        "=",
        "=>",
        "->",
        "&",
        "'a",
        "'a:",
        "_",
        "1",
        "\"s\"",
        "u32",
        "impl",
        "dyn",
        "<",
        ">",
        "|",
        "||",
        "#",
        "...",
        "await",
        "move",
        "where",
        "@",
        "used",
    ];
    let n = rng.below(24);
    let mut out = TokenStream::new();
    for _ in 0..n {
        if depth < 4 && rng.chance(20) {
            let d = rng.pick(&[
                Delimiter::Parenthesis,
                Delimiter::Brace,
                Delimiter::Bracket,
                Delimiter::None,
            ]);
            out.extend([TokenTree::Group(Group::new(d, soup(rng, depth + 1)))]);
        } else {
            out.extend(ts(rng.pick(WORDS)));
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Generator,
    AsyncGen,
    ForAwait,
    GeneratorFallback,
    AsyncGenFallback,
}

enum Failure {
    Panic(String),
    /// The item parsed as a fn but the output does not parse as items.
    Malformed(String),
}

fn run(target: Target, args: &TokenStream, item: &TokenStream) -> Result<(), Failure> {
    let (args, item) = (args.clone(), item.clone());
    let item_is_fn = syn::parse2::<syn::ItemFn>(item.clone()).is_ok();
    let out = catch_unwind(AssertUnwindSafe(|| match target {
        Target::Generator => crate::generator::expand(args, item),
        Target::AsyncGen => crate::async_gen::expand(args, item),
        Target::ForAwait => crate::for_await::expand(item),
        Target::GeneratorFallback | Target::AsyncGenFallback => {
            let cx = crate::diag::Ctxt::new();
            let kind = if target == Target::GeneratorFallback {
                crate::args::Kind::Generator
            } else {
                crate::args::Kind::AsyncGen
            };
            let parsed = crate::args::parse(kind, args, &cx);
            drop(cx.check());
            if let Ok(func) = syn::parse2::<syn::ItemFn>(item.clone()) {
                let cx = crate::diag::Ctxt::new();
                crate::scan::check_fn(&cx, &func, kind);
                drop(cx.check());
            }
            if target == Target::GeneratorFallback {
                crate::fallback::generator_fallback(&item, parsed.as_ref())
            } else {
                crate::fallback::async_gen_fallback(&item, parsed.as_ref())
            }
        }
    }))
    .map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
            .unwrap_or_else(|| "<non-string panic>".to_string());
        Failure::Panic(msg)
    })?;
    if item_is_fn
        && target != Target::ForAwait
        && let Err(e) = syn::parse2::<syn::File>(out.clone())
    {
        return Err(Failure::Malformed(format!("{e}: {out}")));
    }
    Ok(())
}

/// Greedy minimization: drop token trees (at any depth) while the input still fails the same way.
fn minimize(target: Target, args: &TokenStream, item: &TokenStream) -> TokenStream {
    let fails_like = |candidate: &TokenStream, original: &Failure| {
        matches!(
            (run(target, args, candidate), original),
            (Err(Failure::Panic(_)), Failure::Panic(_))
                | (Err(Failure::Malformed(_)), Failure::Malformed(_))
        )
    };
    let Err(original) = run(target, args, item) else {
        return item.clone();
    };
    let mut best = item.clone();
    loop {
        let mut improved = false;
        let n = tree_count(&best);
        for k in 0..n {
            let candidate = remove_nth(&best, k, &mut 0);
            if tree_count(&candidate) < tree_count(&best) && fails_like(&candidate, &original) {
                best = candidate;
                improved = true;
                break;
            }
        }
        if !improved {
            return best;
        }
    }
}

/// Removes the `target`-th token tree in pre-order.
fn remove_nth(stream: &TokenStream, target: usize, counter: &mut usize) -> TokenStream {
    let mut out = TokenStream::new();
    for tt in stream.clone() {
        let here = *counter;
        *counter += 1;
        if here == target {
            if let TokenTree::Group(g) = &tt {
                *counter += tree_count(&g.stream());
            }
            continue;
        }
        match tt {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), remove_nth(&g.stream(), target, counter));
                ng.set_span(g.span());
                out.extend([TokenTree::Group(ng)]);
            }
            other => out.extend([other]),
        }
    }
    out
}

/// Known failures, skipped so the test stays green while a fix is pending. None at present:
/// the two found so far (the async fallback copying malformed marker arguments, and `i? = 1`
/// producing unparsable output) are fixed and their inputs are part of the corpus again.
fn known_issue(_target: Target, _item: &TokenStream, _failure: &Failure) -> bool {
    false
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
#[allow(clippy::too_many_lines)] // the input mix reads best in one place
fn macros_never_panic() {
    let long = std::env::var_os("CORO_FUZZ_LONG").is_some();
    let default_iters = if cfg!(debug_assertions) {
        15_000
    } else {
        100_000
    };
    let iters = env_usize("CORO_FUZZ_ITERS").unwrap_or(if long {
        default_iters * 20
    } else {
        default_iters
    });
    let seed = env_usize("CORO_FUZZ_SEED").unwrap_or(0xC0_20) as u64;
    // A safety net for slow machines; the inputs are a deterministic sequence either way.
    let explicit = std::env::var_os("CORO_FUZZ_ITERS").is_some();
    let budget = if long || explicit {
        Duration::from_secs(3600)
    } else {
        Duration::from_secs(40)
    };
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut tried = 0usize;
    let mut failures: Vec<String> = Vec::new();
    let known = std::cell::Cell::new(0usize);
    let check = |target: Target,
                 args: &TokenStream,
                 item: &TokenStream,
                 iter: usize,
                 failures: &mut Vec<String>| {
        if let Err(failure) = run(target, args, item) {
            if known_issue(target, item, &failure) {
                known.set(known.get() + 1);
                return;
            }
            let min = minimize(target, args, item);
            let failure = run(target, args, &min).err().unwrap_or(failure);
            failures.push(format!("{target:?} seed={seed:#x} iter={iter}\n  args: {args}\n  minimized item: {min}\n  {failure}"));
        }
    };

    // The corpus itself, unmutated.
    for (args, item) in GENERATORS {
        check(Target::Generator, &ts(args), &ts(item), 0, &mut failures);
        tried += 1;
    }
    for (args, item) in ASYNC_GENS {
        check(Target::AsyncGen, &ts(args), &ts(item), 0, &mut failures);
        tried += 1;
    }

    let mut iter = 0;
    while iter < iters && started.elapsed() < budget && failures.len() < 10 {
        iter += 1;
        let roll = rng.below(100);
        let (target, args, item) = if roll < 55 {
            let (a, i) = rng.pick(GENERATORS);
            let args = if rng.chance(15) {
                let o = rng.pick(OPTIONS);
                mutate(&mut rng, ts(o))
            } else {
                ts(a)
            };
            (Target::Generator, args, mutate(&mut rng, ts(i)))
        } else if roll < 75 {
            let (a, i) = rng.pick(ASYNC_GENS);
            let args = if rng.chance(15) {
                let o = rng.pick(OPTIONS);
                mutate(&mut rng, ts(o))
            } else {
                ts(a)
            };
            (Target::AsyncGen, args, mutate(&mut rng, ts(i)))
        } else if roll < 83 {
            {
                let input = rng.pick(FOR_AWAITS);
                (
                    Target::ForAwait,
                    TokenStream::new(),
                    mutate(&mut rng, ts(input)),
                )
            }
        } else if roll < 88 {
            let (a, i) = rng.pick(GENERATORS);
            let fallback = if rng.chance(50) {
                Target::GeneratorFallback
            } else {
                Target::AsyncGenFallback
            };
            (fallback, ts(a), mutate(&mut rng, ts(i)))
        } else {
            let target = rng.pick(&[Target::Generator, Target::AsyncGen, Target::ForAwait]);
            let args = if rng.chance(50) {
                soup(&mut rng, 0)
            } else {
                ts(rng.pick(OPTIONS))
            };
            (target, args, soup(&mut rng, 0))
        };
        check(target, &args, &item, iter, &mut failures);
        tried += 1;
    }
    println!(
        "macros_never_panic: {tried} inputs in {:.1?} (seed {seed:#x}; {} known-issue inputs skipped{})",
        started.elapsed(),
        known.get(),
        if iter < iters && failures.is_empty() {
            ", stopped by the time budget"
        } else {
            ""
        }
    );
    assert!(
        failures.is_empty(),
        "{} failing inputs:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
