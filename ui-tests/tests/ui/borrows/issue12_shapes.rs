use coro_core::{generator, yield_};
use std::cell::RefCell;
use std::collections::HashSet;

// The shapes of issue 12, in enum mode: each gets coro's own error, naming the local, at the
// user's code, with the pinned mode offered.

#[generator(yield = u32)]
fn dropwhile(items: Vec<u32>) {
    let mut it = items.into_iter();
    for x in &mut it {
        yield_!(x);
    }
    for x in it {
        yield_!(x);
    }
}

#[generator(yield = char)]
fn unique_everseen(text: &'static str) {
    let mut seen = HashSet::new();
    let mut fresh = |c: char| seen.insert(c);
    for c in text.chars() {
        if fresh(c) {
            yield_!(c);
        }
    }
}

#[generator(yield = String)]
fn cells(line: String) {
    for cell in line.split(',') {
        yield_!(cell.to_owned());
    }
}

enum Cmd {
    Say(String),
}

#[generator(yield = u32)]
fn run(cmd: Cmd) {
    match &cmd {
        Cmd::Say(s) => {
            yield_!(1);
            println!("{s}");
        }
    }
}

#[generator(yield = i64)]
fn refs() {
    let x = &mut 0;
    yield_!(*x);
    *x += 1;
}

#[generator(yield = i64)]
fn refcell() {
    let cell = RefCell::new(Some(1));
    let mut b = cell.borrow_mut();
    let v = b.as_mut().unwrap();
    yield_!(*v);
    *v += 1;
}



#[generator(yield = u32)]
fn if_let(opt: Option<String>) {
    if let Some(s) = &opt {
        yield_!(1);
        println!("{s}");
    }
}
fn main() {}
