//! Combinations of constructs that stress the lowering: suspensions in conditions, scrutinees,
//! let-else branches, nested labeled blocks, shadowing in arms, `?` in loops.

mod common;
use common::drive;

use coro_core::{Generator, GeneratorState, generator, yield_, yield_from};

#[generator(yield = i64, resume = i64)]
fn yield_in_while_condition() -> i64 {
    let mut total = 0;
    let mut round = 0;
    while yield_!(round) > 0 {
        round += 1;
        total += round;
    }
    total
}

#[test]
fn a_suspension_in_a_while_condition_runs_every_iteration() {
    let (ys, r) = drive(yield_in_while_condition(), [1, 1, 1, 0]);
    assert_eq!(ys, [0, 1, 2, 3]);
    assert_eq!(r, 6);
}

#[generator(yield = String, resume = i64)]
fn scrutinee_and_guards() -> Vec<String> {
    let mut out = Vec::new();
    loop {
        let limit = 10;
        match yield_!("next".to_string()) {
            0 => break,
            n if n > limit => {
                let n = n - limit; // shadows the arm binding
                out.push(format!("big+{n}"));
            }
            n => {
                let label = format!("small {n}");
                yield_!(label.clone());
                out.push(label);
            }
        }
    }
    out
}

#[test]
fn suspensions_in_scrutinees_and_arms_with_guards_and_shadowing() {
    let (ys, r) = drive(scrutinee_and_guards(), [3, 0, 15, 0]);
    assert_eq!(ys, ["next", "small 3", "next", "next"]);
    assert_eq!(r, ["small 3", "big+5"]);
}

#[generator(yield = i64, resume = i64)]
fn let_else_with_suspension() -> i64 {
    let mut sum = 0;
    for i in 0..3 {
        let Some(v) = (i != 1).then_some(i * 10) else {
            let skipped = yield_!(-1);
            sum += skipped;
            continue;
        };
        sum += yield_!(v);
    }
    sum
}

#[test]
fn let_else_blocks_can_suspend() {
    let (ys, r) = drive(let_else_with_suspension(), [1, 100, 1000]);
    assert_eq!(ys, [0, -1, 20]);
    assert_eq!(r, 1101);
}

#[generator(yield = (i64, i64), resume = i64)]
fn nested_labels() -> i64 {
    'outer: loop {
        let found = 'search: {
            for i in 0..3 {
                for j in 0..3 {
                    if yield_!((i, j)) == 1 {
                        break 'search i * 10 + j;
                    }
                    if i == 2 && j == 2 {
                        break 'outer -1;
                    }
                }
            }
            unreachable!()
        };
        if found > 0 {
            break found;
        }
    }
}

#[test]
fn breaks_with_values_out_of_nested_labeled_blocks_and_loops() {
    let (ys, r) = drive(nested_labels(), [0, 0, 0, 0, 1]);
    assert_eq!(ys, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]);
    assert_eq!(r, 11);
    let (ys, r) = drive(nested_labels(), [0; 9]);
    assert_eq!(ys.len(), 9);
    assert_eq!(r, -1);
}

#[generator(yield = u32, resume = i64)]
fn question_mark_in_nested_loops(
    rows: Vec<Vec<&'static str>>,
) -> Result<u32, std::num::ParseIntError> {
    let mut total = 0;
    for row in rows {
        for cell in row {
            let v: u32 = cell.parse()?;
            if yield_!(v) < 0 {
                return Ok(total);
            }
            total += v;
        }
    }
    Ok(total)
}

#[test]
fn question_mark_and_return_from_nested_loops() {
    let (ys, r) = drive(
        question_mark_in_nested_loops(vec![vec!["1", "2"], vec!["3"]]),
        [0, 0, 0],
    );
    assert_eq!(ys, [1, 2, 3]);
    assert_eq!(r, Ok(6));
    let (ys, r) = drive(question_mark_in_nested_loops(vec![vec!["1", "x"]]), [0]);
    assert_eq!(ys, [1]);
    assert!(r.is_err());
    let (_, r) = drive(question_mark_in_nested_loops(vec![vec!["4", "5"]]), [0, -1]);
    assert_eq!(r, Ok(4));
}

struct Pipeline {
    stages: Vec<u32>,
}

impl Pipeline {
    #[generator(yield = u32)]
    fn stage(&self, i: usize) -> u32 {
        let s = self.stages[i];
        yield_!(s);
        yield_!(s + 1);
        s * 100
    }

    #[generator(yield = u32)]
    fn run(&self) -> Vec<u32> {
        let mut results = Vec::new();
        for i in 0..self.stages.len() {
            let r = yield_from!(self.stage(i));
            results.push(r);
        }
        results
    }
}

#[test]
fn yield_from_a_method_of_a_borrowed_self() {
    let p = Pipeline { stages: vec![1, 5] };
    let mut g = p.run();
    let mut ys = Vec::new();
    let ret = loop {
        match g.start() {
            GeneratorState::Yielded(y) => ys.push(y),
            GeneratorState::Complete(r) => break r,
        }
    };
    assert_eq!(ys, [1, 2, 5, 6]);
    assert_eq!(ret, [100, 500]);
}

#[generator(yield = i64, resume = i64)]
fn arithmetic_chain() -> i64 {
    let a = yield_!(1) + yield_!(2) * yield_!(3);
    let b = if yield_!(4) > 0 {
        yield_!(5)
    } else {
        -yield_!(6)
    };
    let c = match (yield_!(7), 2) {
        (x, y) if x > y => x - y,
        (x, _) => x,
    };
    a + b + c
}

#[test]
fn several_suspensions_in_one_expression_keep_evaluation_order() {
    let (ys, r) = drive(arithmetic_chain(), [10, 2, 3, 1, 50, 9]);
    assert_eq!(ys, [1, 2, 3, 4, 5, 7]);
    assert_eq!(r, (10 + 2 * 3) + 50 + (9 - 2));
    let (ys, r) = drive(arithmetic_chain(), [0, 0, 0, -1, 8, 1]);
    assert_eq!(ys, [1, 2, 3, 4, 6, 7]);
    assert_eq!(r, -8 + 1);
}
