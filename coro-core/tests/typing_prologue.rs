//! The typing prologue (coro-macros' `emit/typing.rs`): bodies whose locals it ties to the
//! state's type parameters, and bodies holding values of types that are new in each copy of
//! the code (closures, `async` blocks), which it must leave untied. Each one compiling is half
//! the test; each asserts what it computes.

use coro_core::{Generator, GeneratorState, generator, yield_};

fn drain<G: Generator<(), Yield = u64>>(mut g: G) -> (Vec<u64>, G::Return) {
    let mut out = Vec::new();
    loop {
        match g.start() {
            GeneratorState::Yielded(y) => out.push(y),
            GeneratorState::Complete(r) => return (out, r),
        }
    }
}

/// A closure kept across a yield, called after it.
#[generator(yield = u64)]
fn closure_local(k: u64) -> u64 {
    let add = move |x: u64| x + k;
    yield_!(add(1));
    add(2)
}

/// A `Vec` whose element type is only known from a later push of a closure.
#[generator(yield = u64)]
fn closures_in_a_vec() -> usize {
    let mut fs = Vec::new();
    yield_!(0);
    fs.push(|x: u64| x * 2);
    let n = fs.len();
    for f in fs {
        yield_!(f(21));
    }
    n
}

/// An iterator adapter with a closure, iterated across yields (its type holds the closure).
#[generator(yield = u64)]
fn adapter_loop(n: u64) -> u64 {
    let mut sum = 0;
    for x in (0..n).map(|i| i * 10).filter(|x| x % 20 == 0) {
        sum += x;
        yield_!(x);
    }
    sum
}

/// A loop's value that is a closure, through `break value`.
#[generator(yield = u64)]
fn closure_through_break() -> u64 {
    let f = loop {
        yield_!(1);
        break |x: u64| x + 100;
    };
    yield_!(f(1));
    f(2)
}

/// A closure's result (no closure in its type) next to an untied closure.
#[generator(yield = u64)]
fn closure_result(v: Vec<u64>) -> Vec<u64> {
    let doubled: Vec<u64> = v.iter().map(|x| x * 2).collect();
    let total = doubled.iter().sum::<u64>();
    yield_!(total);
    doubled
}

/// A closure called across yields next to locals the prologue ties (`total`, the loop's), one
/// returning a closure, one returning an iterator whose type holds a closure, and an alias.
#[generator(yield = u64)]
fn closures_called(n: u64) -> u64 {
    let scale = move |x: u64| x * n;
    let adder = move |k: u64| move |x: u64| x + k;
    let evens = move || (0..n).filter(|x| x % 2 == 0);
    let mut total = 0;
    for x in 0..n {
        yield_!(scale(x));
        total += x;
    }
    let add3 = adder(3);
    for e in evens() {
        yield_!(add3(e));
        total += e;
    }
    let again = scale;
    total + again(1)
}

/// Shapes the prologue ties: shadowing, match ergonomics, `let`-`else`, `if let` chains,
/// `while let`, nested `for` patterns, hoisted operands of inferred types, `?`, `return`.
#[generator(yield = u64)]
#[allow(clippy::question_mark, clippy::single_match)] // the shapes are the point
fn tied_shapes(words: Vec<String>) -> Option<usize> {
    let n = words.len();
    let n = n * 2;
    let firsts = words.iter().map(String::len).collect::<Vec<_>>();
    for (i, w) in words.clone().into_iter().enumerate() {
        if let Some(c) = w.chars().next()
            && c.is_ascii_lowercase()
        {
            yield_!(u64::from(u32::from(c)));
            yield_!(i as u64);
        }
    }
    let Some(first) = words.first() else {
        return None;
    };
    let mut stack = vec![first.len()];
    while let Some(top) = stack.pop() {
        yield_!(top as u64);
        if top > 1 {
            stack.push(top / 2);
        }
    }
    match words.as_slice() {
        [a, rest @ ..] => {
            let (a, rest) = (a.len() as u64, rest.len() as u64);
            yield_!(a);
            yield_!(rest);
        }
        [] => {}
    }
    let parsed: u64 = "7".parse().ok()?;
    let sum = firsts.iter().sum::<usize>()
        + usize::try_from({
            yield_!(parsed);
            parsed
        })
        .ok()?;
    Some(n + sum)
}

#[test]
fn untied_closures_work() {
    assert_eq!(drain(closure_local(5)), (vec![6], 7));
    assert_eq!(drain(closures_in_a_vec()), (vec![0, 42], 1));
    assert_eq!(drain(adapter_loop(5)), (vec![0, 20, 40], 60));
    assert_eq!(drain(closure_through_break()), (vec![1, 101], 102));
    assert_eq!(drain(closure_result(vec![1, 2])), (vec![6], vec![2, 4]));
    // 0 + 1 + 2 + 3, then the evens 0 + 2, then `again(1)`.
    assert_eq!(
        drain(closures_called(4)),
        (vec![0, 4, 8, 12, 3, 5], 6 + 2 + 4)
    );
}

#[test]
fn tied_shapes_work() {
    let words = vec!["ab".to_string(), "Cd".to_string(), "e".to_string()];
    let (out, ret) = drain(tied_shapes(words));
    assert_eq!(out, [97, 0, 101, 2, 2, 1, 2, 2, 7]);
    // n = 3 * 2, lengths 2 + 2 + 1, and the parsed 7.
    assert_eq!(ret, Some(6 + 5 + 7));
}
