//! Probe for W3: `w3probe NAME... [--n N] [--rounds R]` prints min and median ns/item of each
//! named driver (`hand`, `coro`, `async_stream`, and the `w3_proto` variants `v0`...), interleaved,
//! with ratios to the first; `--once` runs each once, for instruction counts:
//! `valgrind --tool=callgrind w3probe coro --once --n 100000` (minus the same with `--n 0`,
//! divided by N). With no name it prints the streams' sizes.
use std::hint::black_box;
use std::time::Instant;

use coro_benches::runs;

fn driver(name: &str) -> fn(u64) -> u64 {
    match name {
        "hand" => runs::w3_hand,
        "coro" => runs::w3_coro,
        "async_stream" => runs::w3_async_stream,
        "v0" => runs::w3_proto_v0,
        "v1" => runs::w3_proto_v1,
        "v2" => runs::w3_proto_v2,
        "v4" => runs::w3_proto_v4,
        "v7" => runs::w3_proto_v7,
        _ => panic!("unknown driver {name}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut n = 1u64 << 20;
    let mut rounds = 41;
    let mut once = false;
    let mut names = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--n" => n = it.next().unwrap().parse().unwrap(),
            "--rounds" => rounds = it.next().unwrap().parse().unwrap(),
            "--once" => once = true,
            _ => names.push(a.clone()),
        }
    }
    if names.is_empty() {
        use coro_benches::{coro_async, hand, peers, w3_proto};
        println!(
            "sizes: hand {} v0 (before) {} coro {} async-stream {} v2 {}",
            size_of_val(&hand::count_stream(0)),
            size_of_val(&w3_proto::v0::count(0)),
            size_of_val(&coro_async::count(0)),
            size_of_val(&peers::async_stream::count(0)),
            size_of_val(&w3_proto::v2::count(0)),
        );
        return;
    }
    let fns: Vec<_> = names.iter().map(|s| driver(s)).collect();
    let expect = n * n.saturating_sub(1) / 2;
    if once {
        for f in &fns {
            assert_eq!(f(black_box(n)), expect);
        }
        return;
    }
    let mut times = vec![Vec::new(); fns.len()];
    for r in 0..rounds + 3 {
        for k in 0..fns.len() {
            let k = (k + r) % fns.len();
            let t = Instant::now();
            assert_eq!(fns[k](black_box(n)), expect);
            let dt = t.elapsed().as_nanos() as f64 / n as f64;
            if r >= 3 {
                times[k].push(dt);
            }
        }
    }
    let base = {
        let mut t = times[0].clone();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    for (name, mut t) in names.iter().zip(times) {
        t.sort_by(f64::total_cmp);
        let med = t[t.len() / 2];
        println!(
            "{name:>14}: min {:6.2}  med {:6.2} ns/item  ({:.2}x)",
            t[0],
            med,
            med / base
        );
    }
}
