//! The size of each generator object: what a contender costs in memory, beside its speed.

use crate::workloads::w3_names;
use crate::{coro_async, coro_blocks, coro_impls, coro_pinned, gen_stream, hand, peers};

/// The sizes table in Markdown.
pub fn sizes() -> String {
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
    let mut w3 = String::from("\n| W3 stream | bytes |\n|---|---:|\n");
    for (name, size) in [
        (w3_names::HAND, size_of_val(&hand::count_stream(0))),
        (w3_names::CORO, size_of_val(&coro_async::count(0))),
        (w3_names::PINNED, size_of_val(&coro_pinned::count_stream(0))),
        (w3_names::BLOCK, size_of_val(&coro_blocks::count_stream(0))),
        (w3_names::GENERATOR, size_of_val(&gen_stream::count(0))),
        (
            w3_names::ASYNC_STREAM,
            size_of_val(&peers::async_stream::count(0)),
        ),
    ] {
        w3.push_str(&format!("| {name} | {size} |\n"));
    }
    w3.push_str(&format!(
        "| {} | {} (+ `Arc`'d queue on the heap) |\n",
        w3_names::ASYNC_FN_STREAM,
        size_of_val(&peers::async_fn_stream::count(0))
    ));
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
