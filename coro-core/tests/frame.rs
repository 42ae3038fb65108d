//! Bodies with many primitive locals live across yields: past the frame's threshold (see
//! `coro-macros/src/emit/frame.rs`) they stay in one frame struct, and an arm copies out only
//! the locals its own code names. Each generator here is checked against the same body as a
//! plain fn (`yield_!(v)` records `v` and returns the next scripted send): a local that an arm
//! forgot to copy out or to store back would show as a wrong value.
//! (`tests/expand/frame.expanded.rs` in coro-macros shows such a body's frame.)

#![warn(clippy::pedantic)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::many_single_char_names,
    reason = "the bodies mix primitive types on purpose"
)]
#![allow(
    clippy::used_underscore_binding,
    reason = "an underscore local stored in the frame and read back is one of the shapes"
)]

mod common;
use common::drive;
use coro_core::{generator, yield_};
use std::cell::RefCell;

/// The plain-fn side of each comparison: what `yield_!` records, and the sends it answers with.
struct Script {
    yielded: Vec<i64>,
    sends: std::collections::VecDeque<i64>,
}

thread_local!(static SCRIPT: RefCell<Option<Script>> = const { RefCell::new(None) });

fn plain_yield(v: i64) -> i64 {
    SCRIPT.with(|s| {
        let mut s = s.borrow_mut();
        let s = s.as_mut().expect("script set");
        s.yielded.push(v);
        s.sends.pop_front().expect("script ran out")
    })
}

fn run_plain<R>(sends: &[i64], body: impl FnOnce() -> R) -> (Vec<i64>, R) {
    SCRIPT.with(|s| {
        *s.borrow_mut() = Some(Script {
            yielded: Vec::new(),
            sends: sends.iter().copied().collect(),
        });
    });
    let r = body();
    let yielded = SCRIPT.with(|s| s.borrow_mut().take().expect("script set").yielded);
    (yielded, r)
}

/// Defines the generator and its plain twin from one body.
macro_rules! twins {
    ($gen:ident, $plain:ident, ($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[generator(yield = i64, resume = i64)]
        fn $gen($($arg: $ty),*) -> $ret $body

        fn $plain($($arg: $ty),*) -> $ret {
            #[allow(unused_macros)]
            macro_rules! yield_ {
                ($v:expr) => {
                    plain_yield($v)
                };
            }
            $body
        }
    };
}

twins!(counters, counters_plain, (n: i64) -> i64 {
    let mut a: i64 = n;
    let mut b: i64 = 0;
    let mut c: u8 = 1;
    let mut d: bool = false;
    let e: char = 'x';
    let mut f: f64 = 0.25;
    let mut g: i32 = -3;
    let mut h: usize = 2;
    let mut i: u64 = 5;
    for k in 0..4_i64 {
        // Each round touches a few locals only; the rest must come back from the frame intact.
        match k % 3 {
            0 => a += yield_!(a),
            1 => {
                b = yield_!(b + i64::from(c));
                c = c.wrapping_mul(3);
            }
            _ => {
                if d {
                    g -= 1;
                    continue;
                }
                d = yield_!(i64::from(g)) > 0;
            }
        }
        h += 1;
        if h > 4 {
            f *= 2.0;
            i += yield_!(h as i64) as u64;
        }
    }
    let label = format!("{e}{h}{c}"); // names frame locals inside a format string only
    a + b + i64::from(c) + i64::from(d) + i64::from(g) + h as i64 + i as i64 + f as i64
        + label.len() as i64
});

#[test]
fn counters_match_plain() {
    let sends = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    for n in [0, 1, -7] {
        assert_eq!(
            drive(counters(n), sends),
            run_plain(&sends, || counters_plain(n))
        );
    }
}

twins!(shadowing, shadowing_plain, (n: i64) -> i64 {
    let mut x: i64 = n;
    let mut last: i64 = n;
    let y: i64 = 1;
    let z: i64 = 2;
    let w: i64 = 3;
    let v: i64 = 4;
    let u: i64 = 5;
    let t: i64 = 6;
    let s: i64 = 7;
    {
        // An inner `x` hides the outer one across a yield; the outer one is still in the frame.
        let mut x: i64 = x * 10 + yield_!(x);
        let r#type: i64 = yield_!(x + y);
        x += r#type;
        last += x;
    }
    x += last;
    let _quiet: i64 = yield_!(x);
    x += _quiet;
    let add = move |k: i64| k + z + w; // a closure copying frame locals
    x = add(yield_!(x));
    x = add(x);
    x + y + z + w + v + u + t + s
});

#[test]
fn shadowing_match_plain() {
    let sends = [2, 3, 4, 5, 6];
    for n in [1, 9] {
        assert_eq!(
            drive(shadowing(n), sends),
            run_plain(&sends, || shadowing_plain(n))
        );
    }
}

twins!(nested, nested_plain, (rounds: u32) -> i64 {
    let mut total: i64 = 0;
    let mut hits: u32 = 0;
    let mut last: i64 = -1;
    let mut seen: bool = false;
    let mut odd: u16 = 0;
    let mut even: u16 = 0;
    let mut peak: i64 = i64::MIN;
    let mut steps: usize = 0;
    let mut lag: i64 = 0;
    'outer: for r in 0..rounds {
        let mut k: i64 = i64::from(r);
        while k < 6 {
            steps += 1;
            let got = yield_!(k + lag);
            lag = last;
            last = got;
            if got % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
            peak = peak.max(got);
            if got > 40 {
                seen = true;
                break 'outer;
            }
            if got % 5 == 0 {
                k += 2;
                continue;
            }
            total += got;
            hits += 1;
            k += 1;
        }
    }
    total + i64::from(hits) + i64::from(seen) + i64::from(odd) * 100 + i64::from(even) * 1000
        + peak + steps as i64 + lag
});

#[test]
fn nested_match_plain() {
    let sends: Vec<i64> = (1..=60).map(|k| (k * 7) % 45).collect();
    for rounds in [0, 1, 3, 5] {
        assert_eq!(
            drive(nested(rounds), sends.iter().copied()),
            run_plain(&sends, || nested_plain(rounds))
        );
    }
}
