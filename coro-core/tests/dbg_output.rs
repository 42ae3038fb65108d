//! `dbg!` of a `yield_!` prints what the user wrote, at the user's line, as `dbg!` of any
//! expression does (not a hidden temporary at the attribute's line), and passes the value on.

use std::process::Command;

use coro_core::{Generator, generator, yield_};

/// The line of the first `dbg!` below.
const DBG_LINE: u32 = line!() + 4;

#[generator(yield = u32, resume = u32)]
fn traced() -> (u32, u32) {
    let a = dbg!(yield_!(9));
    let pair = dbg!(yield_!(1) + 1, a);
    pair
}

fn run() -> (u32, u32) {
    let mut g = traced();
    assert_eq!(g.start().yielded(), Some(9));
    assert_eq!(g.send(5).yielded(), Some(1));
    g.send(7).complete().expect("completes")
}

#[test]
fn dbg_of_a_yield_prints_the_source_text_and_passes_the_value_on() {
    if std::env::var_os("CORO_DBG_CHILD").is_some() {
        assert_eq!(run(), (8, 5));
        return;
    }
    // `dbg!` writes to the process's stderr: run this test again in a child process to read it.
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "dbg_of_a_yield_prints_the_source_text_and_passes_the_value_on",
            "--nocapture",
        ])
        .env("CORO_DBG_CHILD", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    let file = file!();
    let (l1, l2) = (DBG_LINE, DBG_LINE + 1);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        lines,
        [
            format!("[{file}:{l1}:13] yield_!(9) = 5"),
            format!("[{file}:{l2}:16] yield_!(1) + 1 = 8"),
            format!("[{file}:{l2}:16] a = 5"),
        ],
        "{stderr}"
    );
}

/// The line of the `dbg!` below.
const ASYNC_DBG_LINE: u32 = line!() + 4;

#[coro_core::async_gen(yield = u32)]
async fn traced_stream() {
    let unit: () = dbg!(yield_!(3));
    unit
}

#[test]
fn dbg_of_a_yield_in_an_async_gen_prints_the_source_text() {
    if std::env::var_os("CORO_DBG_CHILD").is_some() {
        let mut items = Vec::new();
        futures::executor::block_on(async {
            coro_core::for_await!(x in traced_stream() { items.push(x) });
        });
        assert_eq!(items, [3]);
        return;
    }
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "dbg_of_a_yield_in_an_async_gen_prints_the_source_text",
            "--nocapture",
        ])
        .env("CORO_DBG_CHILD", "1")
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        lines,
        [format!("[{}:{ASYNC_DBG_LINE}:20] yield_!(3) = ()", file!())],
        "{stderr}"
    );
}
