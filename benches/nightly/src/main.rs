//! The compiler's own coroutines next to coro and the hand-written baselines, in the same run:
//! `#[coroutine]` closures, `gen` blocks, `async gen` blocks and futures-async-stream (which lowers
//! to `#[coroutine]`s). Needs `RUSTC_BOOTSTRAP=1` on a stable toolchain.
//!
//! Options: `--quick`, `--no-callgrind`, `--no-write` as for the main runner; `--one KEY INDEX
//! N` is the callgrind child of the N3a–d tables (see `streams`).
#![feature(
    coroutines,
    coroutine_trait,
    stmt_expr_attributes,
    gen_blocks,
    async_iterator
)]
#![allow(clippy::all, dead_code)]

#[path = "../../src/callgrind.rs"]
mod callgrind;
#[path = "../../src/consumers.rs"]
mod consumers;
#[path = "../../src/coro_async.rs"]
mod coro_async;
#[path = "../../src/coro_impls.rs"]
mod coro_impls;
#[path = "../../src/coro_pinned.rs"]
mod coro_pinned;
#[path = "../../src/hand.rs"]
mod hand;
#[path = "../../src/harness.rs"]
mod harness;
#[path = "../../src/report.rs"]
mod report;
mod streams;
#[path = "../../src/verdict.rs"]
mod verdict;

use std::hint::black_box;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

use hand::{Kind, Node, Token};
use harness::{Config, Contender, Table, measure};

const N: u64 = 1 << 20;
const TEXT_BYTES: usize = 4 << 20;
const TREE_DEPTH: u32 = 18;

/// Drains a unit-resumed coroutine, one `black_box` per item.
fn drain(mut co: Pin<&mut impl Coroutine<(), Yield = u64, Return = ()>>) -> u64 {
    let mut acc = 0u64;
    while let CoroutineState::Yielded(x) = co.as_mut().resume(()) {
        acc = acc.wrapping_add(black_box(x));
    }
    acc
}

fn count_coroutine(n: u64) -> impl Coroutine<(), Yield = u64, Return = ()> {
    #[coroutine]
    move || {
        let mut i = 0;
        while i < n {
            yield i;
            i += 1;
        }
    }
}

fn count_gen(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut i = 0;
        while i < n {
            yield i;
            i += 1;
        }
    }
}

fn accumulate_coroutine() -> impl Coroutine<u64, Yield = u64, Return = ()> {
    #[coroutine]
    |_first: u64| {
        let mut acc = 0u64;
        loop {
            let v = yield acc;
            acc = acc.wrapping_add(v);
        }
    }
}

fn drive_coroutine(co: impl Coroutine<u64, Yield = u64, Return = ()>, n: u64) -> u64 {
    let mut co = std::pin::pin!(co);
    let mut acc = 0u64;
    if let CoroutineState::Yielded(a) = co.as_mut().resume(0) {
        acc ^= black_box(a);
    }
    for i in 0..n {
        match co.as_mut().resume(black_box(i)) {
            CoroutineState::Yielded(a) => acc = acc.wrapping_add(black_box(a)),
            CoroutineState::Complete(()) => break,
        }
    }
    acc
}

fn tokens_gen(text: &str) -> impl Iterator<Item = Token<'_>> {
    gen move {
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            let start = i;
            let c = bytes[i];
            let kind = if c.is_ascii_alphabetic() {
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                Kind::Word
            } else if c.is_ascii_digit() {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                Kind::Number
            } else {
                i += 1;
                Kind::Punct
            };
            yield Token {
                kind,
                text: &text[start..i],
            };
        }
    }
}

fn walk_gen(node: &Node) -> Box<dyn Iterator<Item = u64> + '_> {
    Box::new(gen move {
        if let Some(l) = node.left.as_deref() {
            for v in walk_gen(l) {
                yield v;
            }
        }
        yield node.val;
        if let Some(r) = node.right.as_deref() {
            for v in walk_gen(r) {
                yield v;
            }
        }
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some((key, index, n)) = callgrind::one_args(&args) {
        let (_, mut contenders) = streams::build(&key, n).unwrap_or_else(|| panic!("no {key}"));
        println!("{}", (contenders[index].run)());
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let count = !args.iter().any(|a| a == "--no-callgrind") && callgrind::available();
    let write = !args.iter().any(|a| a == "--no-write");
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
    let n = N;
    let mut tables: Vec<Table> = Vec::new();

    tables.push(measure(
        "N1 iterate (as W1)",
        "",
        n,
        cfg,
        vec![
            Contender::new("hand-written Iterator", || {
                hand::sum_iter(hand::count(black_box(n)))
            }),
            Contender::new("coro", || hand::sum_iter(coro_impls::count(black_box(n)))),
            Contender::new("`gen` block", || hand::sum_iter(count_gen(black_box(n)))),
            Contender::new("`#[coroutine]` closure", || {
                drain(std::pin::pin!(count_coroutine(black_box(n))))
            }),
        ],
    ));
    eprintln!("{}", tables.last().unwrap().markdown());
    tables.push(measure(
        "N2 send round trip (as W2)",
        "",
        n,
        cfg,
        vec![
            Contender::new("hand-written Generator", || {
                hand::drive_send(hand::accumulate(), black_box(n))
            }),
            Contender::new("coro", || {
                hand::drive_send(coro_impls::accumulate(), black_box(n))
            }),
            Contender::new("`#[coroutine]` closure", || {
                drive_coroutine(accumulate_coroutine(), black_box(n))
            }),
        ],
    ));
    eprintln!("{}", tables.last().unwrap().markdown());
    for key in streams::KEYS {
        let (title, contenders) = streams::build(key, n).expect("a listed key");
        let mut t = measure(&title, "", n, cfg, contenders);
        if count {
            callgrind::count_table(&mut t, key, quick);
        }
        eprintln!("{}", t.markdown());
        tables.push(t);
    }
    let text = hand::make_text(TEXT_BYTES);
    let count = hand::tokens(&text).count() as u64;
    let t = text.as_str();
    tables.push(measure(
        "N4 tokenizer (as W4)",
        "ns per token.",
        count,
        cfg,
        vec![
            Contender::new("hand-written Iterator", || {
                hand::sum_tokens(hand::tokens(black_box(t)))
            }),
            Contender::new("coro", || {
                hand::sum_tokens(coro_impls::tokens(black_box(t)))
            }),
            Contender::new("`gen` block", || hand::sum_tokens(tokens_gen(black_box(t)))),
        ],
    ));
    eprintln!("{}", tables.last().unwrap().markdown());
    let tree = hand::make_tree(TREE_DEPTH);
    let nodes = (1u64 << TREE_DEPTH) - 1;
    let root = &tree;
    tables.push(measure(
        "N5 recursion (as W5)",
        "",
        nodes,
        cfg,
        vec![
            Contender::new("hand-written Iterator (explicit stack)", || {
                hand::sum_iter(hand::in_order(black_box(root)))
            }),
            Contender::new("coro (yield_from! + boxed)", || {
                hand::sum_iter(coro_impls::walk(black_box(root)))
            }),
            Contender::new("`gen` block (boxed, `for` + `yield`)", || {
                hand::sum_iter(walk_gen(black_box(root)))
            }),
        ],
    ));
    eprintln!("{}", tables.last().unwrap().markdown());

    let profile = report::profile();
    let mut md = format!(
        "## Nightly reference, profile `{profile}`\n\nThe compiler's own lowering of the same bodies, measured in one run with \
         coro and the hand-written baselines by `benches/nightly` (its own workspace, built with `RUSTC_BOOTSTRAP=1` on \
         the stable toolchain, {}; same harness, rules and instr/item method as above).\n\n",
        report::profile_description(&profile),
    );
    for t in &tables {
        md.push_str(&t.markdown());
        md.push('\n');
    }
    md.push_str(&format!(
        "Sizes (bytes): `gen` block W1 {}, `#[coroutine]` W1 {} / W2 {}, `async gen` W3 {}, futures-async-stream W3 {}, `gen` tokenizer {}.\n",
        std::mem::size_of_val(&count_gen(0)),
        std::mem::size_of_val(&count_coroutine(0)),
        std::mem::size_of_val(&accumulate_coroutine()),
        std::mem::size_of_val(&streams::count_async_gen(0)),
        std::mem::size_of_val(&streams::count_fas(0)),
        std::mem::size_of_val(&tokens_gen("")),
    ));
    md.push('\n');
    md.push_str(&streams::targets(&tables));
    println!("{md}");
    if write {
        report::update_section(
            &report::workspace_root().join("BENCHMARKS.md"),
            &report::section("nightly", &profile),
            &md,
        )
        .expect("write BENCHMARKS.md");
    }
}
