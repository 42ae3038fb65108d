//! Suspensions inside expressions: evaluation order, hoisting, macros, moves.

mod common;
use common::drive;

use std::cell::RefCell;

use coro_core::{Generator, GeneratorState, generator, yield_};

thread_local! {
    static ORDER: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn note(s: &str, v: i64) -> i64 {
    ORDER.with(|o| o.borrow_mut().push(s.to_string()));
    v
}

fn take_order() -> Vec<String> {
    ORDER.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

fn add3(a: i64, b: i64, c: i64) -> i64 {
    a * 100 + b * 10 + c
}

#[generator(yield = &'static str, resume = i64)]
fn call_args() -> i64 {
    add3(note("a", 1), yield_!("b"), note("c", 3))
}

#[test]
fn call_arguments_evaluate_left_to_right_around_the_yield() {
    take_order();
    let mut g = call_args();
    assert_eq!(g.start(), GeneratorState::Yielded("b"));
    assert_eq!(take_order(), ["a"], "a runs before the suspension, c after");
    assert_eq!(g.send(2), GeneratorState::Complete(123));
    assert_eq!(take_order(), ["c"]);
}

struct Acc {
    items: Vec<i64>,
}

impl Acc {
    fn push(&mut self, a: i64, b: i64) -> &mut Self {
        self.items.push(a * 10 + b);
        self
    }
}

#[generator(yield = i64, resume = i64)]
fn operands_and_methods() -> Vec<i64> {
    let base = 5;
    let sum = note("left", base) + yield_!(1) * 2 - yield_!(2);
    let mut acc = Acc { items: Vec::new() };
    acc.push(yield_!(3), sum);
    acc.push(note("x", 7), yield_!(4));
    let t = (yield_!(5), base);
    let arr = [base, yield_!(6), base];
    let nested = -(yield_!(7) + { yield_!(8) });
    let cast = yield_!(9) as u8 as i64;
    let r = &yield_!(10);
    acc.items.extend([t.0, t.1, arr[1], nested, cast, *r]);
    acc.items
}

#[test]
fn operands_method_receivers_tuples_arrays() {
    take_order();
    let (ys, r) = drive(operands_and_methods(), [10, 3, 7, 8, 11, 12, 1, 2, 300, 4]);
    assert_eq!(ys, (1..=10).collect::<Vec<_>>());
    let sum = 5 + 10 * 2 - 3;
    assert_eq!(r, [7 * 10 + sum, 70 + 8, 11, 5, 12, -3, 300 % 256, 4]);
    assert_eq!(take_order(), ["left", "x"]);
}

#[derive(Debug, PartialEq)]
struct Point {
    x: i64,
    y: i64,
    label: String,
}

// `let q = ..; q` on purpose: a struct literal with a suspension as a `let`'s value (plain-Rust
// clippy, which the body gets, would return it directly).
#[generator(yield = String, resume = i64)]
#[allow(clippy::let_and_return)]
fn struct_literals() -> Point {
    let label = String::from("p");
    let p = Point {
        x: yield_!("x".into()),
        y: 2,
        label,
    };
    let q = Point {
        y: yield_!("y".into()),
        ..p
    };
    q
}

#[test]
fn struct_literals_and_functional_update() {
    let (ys, r) = drive(struct_literals(), [1, 9]);
    assert_eq!(ys, ["x", "y"]);
    assert_eq!(
        r,
        Point {
            x: 1,
            y: 9,
            label: "p".into()
        }
    );
}

#[generator(yield = String, resume = i64)]
fn macros() -> String {
    let who = "world";
    let s = format!("{who} {} {}", note("f", 1), yield_!("fmt".into()));
    println!("printed {}", yield_!(s.clone()));
    let v = vec![yield_!("v0".into()), 2, yield_!("v2".into())];
    let w = vec![yield_!("rep".into()); 2];
    assert_eq!(yield_!("eq".into()), 5, "sent value must be 5");
    let mut out = String::new();
    use std::fmt::Write;
    write!(out, "{s}|{v:?}|{w:?}|{}", yield_!("write".into())).unwrap();
    out
}

#[test]
fn std_expression_list_macros() {
    let (ys, r) = drive(macros(), [42, 0, 1, 3, 7, 5, 99]);
    assert_eq!(ys, ["fmt", "world 1 42", "v0", "v2", "rep", "eq", "write"]);
    assert_eq!(r, "world 1 42|[1, 2, 3]|[7, 7]|99");
}

#[generator(yield = String)]
fn moves_and_reassignment(lines: Vec<&'static str>) -> usize {
    let mut count = 0;
    let mut line = String::new();
    for l in lines {
        line.push_str(l);
        if line.ends_with('\\') {
            line.pop();
            continue;
        }
        yield_!(line); // moves `line` ...
        line = String::new(); // ... and reassigns it: it is not saved across the yield
        count += 1;
    }
    count
}

#[test]
fn a_moved_local_reassigned_later_is_not_saved() {
    let g = moves_and_reassignment(vec!["a", "b\\", "c", "d"]);
    assert_eq!(g.collect::<Vec<_>>(), ["a", "bc", "d"]);
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "it must take ownership: the test is about moves"
)]
fn consume(s: String) -> usize {
    s.len()
}

#[generator(yield = usize, resume = bool)]
fn conditional_move() -> usize {
    let b = String::from("moved?");
    let keep = String::from("kept");
    if yield_!(0) {
        yield_!(consume(b));
    }
    yield_!(keep.len());
    keep.len() * 2
}

#[test]
fn a_conditionally_moved_local_works() {
    let mut g = conditional_move();
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(true), GeneratorState::Yielded(6));
    assert_eq!(g.send(false), GeneratorState::Yielded(4));
    assert_eq!(g.send(false), GeneratorState::Complete(8));
    let mut g = conditional_move();
    g.start();
    assert_eq!(g.send(false), GeneratorState::Yielded(4));
}

#[generator(yield = i64, resume = i64)]
fn assignments() -> (i64, i64, Vec<i64>) {
    let mut a = 1;
    a += yield_!(a);
    a *= yield_!(a);
    let mut v = vec![0; 3];
    v[1] = yield_!(a);
    let mut b;
    b = yield_!(-1);
    b -= 1;
    (a, b, v)
}

#[test]
fn assignment_and_compound_assignment() {
    let (ys, r) = drive(assignments(), [2, 5, 9, 20]);
    assert_eq!(ys, [1, 3, 15, -1]);
    assert_eq!(r, (15, 19, vec![0, 9, 0]));
}

#[generator(yield = i64)]
fn closures_and_items() -> i64 {
    fn helper(x: i64) -> i64 {
        x + 1
    }
    const K: i64 = 10;
    let add = |x: i64| x + K;
    let mut total = 0;
    for i in 0..3 {
        yield_!(add(helper(i)));
        total += i;
    }
    let f = move || total * 2;
    f()
}

#[test]
fn closures_and_nested_items_are_left_alone() {
    let mut it = coro_core::GeneratorExt::into_iter_with_return(closures_and_items());
    assert_eq!((&mut it).collect::<Vec<_>>(), [11, 12, 13]);
    assert_eq!(it.into_return_value(), Some(6));
}

#[generator(yield = u8)]
fn qualified_path() {
    coro_core::yield_!(1);
    ::coro_core::yield_!(2);
}

#[test]
fn fully_qualified_yield_works() {
    assert_eq!(qualified_path().collect::<Vec<_>>(), [1, 2]);
}

#[generator(yield = ())]
fn unit_yields() -> u8 {
    yield_!();
    yield_!(());
    3
}

#[test]
fn empty_yield_yields_unit() {
    assert_eq!(unit_yields().count(), 2);
}

#[generator(yield = String, resume = i64)]
fn format_string_captures() -> String {
    let name = String::from("coro");
    let n = yield_!(format!("{name}"));
    let tail = format!("{name}-{n}");
    tail
}

#[test]
fn names_used_only_inside_format_strings_are_saved() {
    let (ys, r) = drive(format_string_captures(), [7]);
    assert_eq!(ys, ["coro"]);
    assert_eq!(r, "coro-7");
}
