//! Control flow with suspensions: every construct, and combinations.
// The shapes under test are what plain-Rust clippy lints flag (a loop that never loops): each generator body gets the lints of a
// plain fn, so they are allowed here, where the shape is the point.
#![allow(clippy::never_loop)]

mod common;
use common::drive;

use coro_core::{Generator, GeneratorExt, GeneratorState, generator, yield_};

#[generator(yield = u32)]
fn countdown(from: u32) -> &'static str {
    let mut i = from;
    while i > 0 {
        yield_!(i);
        i -= 1;
    }
    "liftoff"
}

#[test]
fn while_loop_and_return_value() {
    assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    let mut it = countdown(2).into_iter_with_return();
    assert_eq!((&mut it).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(it.into_return_value(), Some("liftoff"));
}

#[generator(yield = i64, resume = i64)]
fn if_chains(n: i64) -> i64 {
    let mut acc = 0;
    for i in 0..n {
        if i % 3 == 0 {
            acc += yield_!(i);
        } else if i % 3 == 1 {
            let got = yield_!(-i);
            if got > 100 {
                return got;
            }
            acc -= got;
        } else {
            acc += 1000;
        }
    }
    acc
}

#[test]
fn if_else_if_else_with_yields_in_branches() {
    let (ys, r) = drive(if_chains(6), [10, 20, 30, 40]);
    assert_eq!(ys, [0, -1, 3, -4]);
    assert_eq!(r, 10 - 20 + 1000 + 30 - 40 + 1000);
    // an early return from inside a branch
    let (ys, r) = drive(if_chains(6), [1, 500]);
    assert_eq!(ys, [0, -1]);
    assert_eq!(r, 500);
}

#[generator(yield = String, resume = i64)]
fn conditions() -> Vec<String> {
    let mut log = Vec::new();
    if yield_!("first?".to_string()) > 0 {
        log.push("positive".to_string());
    }
    let v = Some(3);
    if let Some(x) = v
        && x > 2
    {
        yield_!(format!("chain {x}"));
    }
    if let Some(y) = Some(yield_!("scrutinee".into())) {
        log.push(format!("got {y}"));
    }
    let b = false || yield_!("rhs of ||".into()) == 7;
    log.push(format!("b={b}"));
    let c = true && yield_!("rhs of &&".into()) == 8;
    log.push(format!("c={c}"));
    // short circuit: the right side (and its yield) must not run
    let d = false && yield_!("never".into()) == 0;
    log.push(format!("d={d}"));
    log
}

#[test]
fn yields_in_conditions_and_short_circuits() {
    let (ys, r) = drive(conditions(), [1, 0, 9, 7, 8]);
    assert_eq!(
        ys,
        ["first?", "chain 3", "scrutinee", "rhs of ||", "rhs of &&"]
    );
    assert_eq!(r, ["positive", "got 9", "b=true", "c=true", "d=false"]);
}

#[derive(Debug, Clone, PartialEq)]
enum Cmd {
    Push(i64),
    Pop,
    Quit,
}

#[allow(
    clippy::cast_possible_wrap,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = i64, resume = i64)]
fn matcher(cmds: Vec<Cmd>) -> Vec<i64> {
    let mut stack = Vec::new();
    for cmd in cmds {
        match cmd {
            Cmd::Push(n) if n < 0 => {
                let fixed = yield_!(n);
                stack.push(fixed);
            }
            Cmd::Push(n) => stack.push(n),
            Cmd::Pop => {
                let top = stack.pop().unwrap_or_default();
                yield_!(top);
            }
            Cmd::Quit => break,
        }
    }
    let total = match yield_!(stack.len() as i64) {
        0 => 0,
        k => k * 10,
    };
    stack.push(total);
    stack
}

#[test]
fn match_with_guards_and_yields_in_arms_and_scrutinee() {
    let cmds = vec![
        Cmd::Push(1),
        Cmd::Push(-5),
        Cmd::Pop,
        Cmd::Push(2),
        Cmd::Quit,
        Cmd::Push(9),
    ];
    let (ys, r) = drive(matcher(cmds), [50, 0, 3]);
    assert_eq!(ys, [-5, 50, 2]);
    assert_eq!(r, [1, 2, 30]);
}

#[generator(yield = (u32, u32))]
fn labeled() -> u32 {
    let mut found = 0;
    'outer: for i in 0..5 {
        let mut j = 0;
        loop {
            j += 1;
            if j > 3 {
                continue 'outer;
            }
            if i * j == 6 {
                found = i * 10 + j;
                break 'outer;
            }
            if (i + j) % 2 == 0 {
                continue;
            }
            yield_!((i, j));
        }
    }
    found
}

#[test]
fn labeled_break_and_continue() {
    let mut it = labeled().into_iter_with_return();
    let ys: Vec<_> = (&mut it).collect();
    assert_eq!(ys, [(0, 1), (0, 3), (1, 2), (2, 1)]);
    assert_eq!(it.into_return_value(), Some(23));
}

#[generator(yield = u8)]
fn break_values() -> (u32, u32, &'static str) {
    let mut n = 0;
    let a = loop {
        n += 1;
        yield_!(1);
        if n == 3 {
            break n * 100;
        }
    };
    let b = 'blk: {
        if a > 0 {
            yield_!(2);
            break 'blk a + 1;
        }
        0
    };
    let c = loop {
        break if yield_!(3) == () { "unit" } else { "?" };
    };
    (a, b, c)
}

#[test]
fn break_with_values_from_loops_and_labeled_blocks() {
    let mut it = break_values().into_iter_with_return();
    assert_eq!((&mut it).collect::<Vec<_>>(), [1, 1, 1, 2, 3]);
    assert_eq!(it.into_return_value(), Some((300, 301, "unit")));
}

#[generator(yield = i32)]
fn while_let_and_nested_loops() -> usize {
    let mut stack = vec![vec![1, 2], vec![], vec![3]];
    let mut count = 0;
    while let Some(inner) = stack.pop() {
        for x in inner {
            let mut k = 0;
            while k < x {
                k += 1;
                count += 1;
            }
            yield_!(x * 10 + k);
        }
    }
    count
}

#[test]
fn while_let_for_and_inner_plain_loops() {
    let mut it = while_let_and_nested_loops().into_iter_with_return();
    assert_eq!((&mut it).collect::<Vec<_>>(), [33, 11, 22]);
    assert_eq!(it.into_return_value(), Some(6));
}

#[allow(
    clippy::identity_op,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = &'static str)]
fn blocks() -> i32 {
    let x = {
        let a = 1;
        yield_!("in block");
        a + 1
    };
    let y = unsafe {
        // Read through the pointer before suspending: the state (and `x` in it) may move
        // while the generator is suspended, so a raw pointer must not be held across a yield.
        let p = &raw const x;
        let read = *p;
        yield_!("in unsafe");
        read + 0
    };
    {
        {
            yield_!("nested");
        }
    }
    x * 10 + y
}

#[test]
fn nested_and_unsafe_blocks() {
    let mut it = blocks().into_iter_with_return();
    assert_eq!(
        (&mut it).collect::<Vec<_>>(),
        ["in block", "in unsafe", "nested"]
    );
    assert_eq!(it.into_return_value(), Some(22));
}

#[derive(Debug, PartialEq)]
struct MyErr(String);

impl From<std::num::ParseIntError> for MyErr {
    fn from(e: std::num::ParseIntError) -> Self {
        MyErr(e.to_string())
    }
}

#[generator(yield = i64)]
fn parse_all(items: Vec<&'static str>) -> Result<i64, MyErr> {
    let mut sum = 0;
    for s in items {
        let n: i64 = s.parse()?;
        yield_!(n);
        sum += n;
    }
    Ok(sum)
}

#[generator(yield = u8)]
fn first_even(v: Vec<u8>) -> Option<u8> {
    let mut it = v.into_iter();
    loop {
        let x = it.next()?;
        yield_!(x);
        if x % 2 == 0 {
            return Some(x);
        }
    }
}

#[test]
fn question_mark_completes_with_from_conversion() {
    let mut it = parse_all(vec!["1", "2", "x", "4"]).into_iter_with_return();
    assert_eq!((&mut it).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(
        it.into_return_value(),
        Some(Err(MyErr("invalid digit found in string".into())))
    );
    let mut ok = parse_all(vec!["5", "6"]).into_iter_with_return();
    assert_eq!((&mut ok).count(), 2);
    assert_eq!(ok.into_return_value(), Some(Ok(11)));

    let mut o = first_even(vec![1, 3, 4, 5]).into_iter_with_return();
    assert_eq!((&mut o).collect::<Vec<_>>(), [1, 3, 4]);
    assert_eq!(o.into_return_value(), Some(Some(4)));
    let mut none = first_even(vec![1]).into_iter_with_return();
    assert_eq!((&mut none).collect::<Vec<_>>(), [1]);
    assert_eq!(none.into_return_value(), Some(None));
}

#[generator(yield = String)]
fn shadowing() -> String {
    let x = 1;
    let x = x + 1; // same-scope shadowing
    let mut out = String::new();
    for i in 0..2 {
        let x = x * 10 + i; // shadows a local that stays live for the next iteration
        yield_!(format!("inner {x}"));
        out.push_str(&x.to_string());
    }
    yield_!(format!("outer {x}"));
    let s = String::from("a");
    let s = s + "b";
    yield_!(s.clone());
    out + &s
}

#[test]
fn shadowing_keeps_outer_locals_alive() {
    let mut it = shadowing().into_iter_with_return();
    assert_eq!(
        (&mut it).collect::<Vec<_>>(),
        ["inner 20", "inner 21", "outer 2", "ab"]
    );
    assert_eq!(it.into_return_value(), Some("2021ab".to_string()));
}

#[allow(
    clippy::needless_late_init,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = String, resume = i64)]
fn lets() -> (i64, String) {
    let (a, mut b): (i64, i64) = (1, 2);
    let c;
    let d: i64 = yield_!(format!("{a} {b}"));
    b += d;
    c = b * 2;
    let Some(e) = Some(yield_!("e".into())) else {
        unreachable!()
    };
    let Ok(f) = "7".parse::<i64>() else {
        yield_!("unreachable".to_string());
        return (-1, String::new());
    };
    let text;
    if c > 0 {
        text = format!("{c}");
    } else {
        text = String::from("neg");
    }
    yield_!(text.clone());
    (a + b + c + e + f, text)
}

#[test]
fn let_forms() {
    let (ys, r) = drive(lets(), [3, 4, 0]);
    assert_eq!(ys, ["1 2", "e", "10"]);
    assert_eq!(r, (1 + 5 + 10 + 4 + 7, "10".to_string()));
}

#[allow(
    clippy::cast_possible_wrap,
    clippy::needless_late_init,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = i64, resume = i64)]
fn deferred_init() -> i64 {
    let x;
    let label: &str;
    let c = yield_!(0);
    if c > 0 {
        x = c * 2;
        label = "pos";
    } else {
        x = -c;
        label = "neg";
    }
    let y = match yield_!(x) {
        0 => {
            let z;
            z = 7;
            z
        }
        n => n,
    };
    x + y + label.len() as i64
}

#[test]
fn deferred_initialization_on_every_path_after_a_suspension() {
    let mut g = deferred_init();
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(10));
    assert_eq!(g.send(0), GeneratorState::Complete(10 + 7 + 3));
}
