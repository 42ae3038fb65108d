//! The Generator protocol: start/send, status, close, Debug, panics, `yield_from!`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use coro_core::{
    Generator, GeneratorExt, GeneratorState, GeneratorStatus, generator, yield_, yield_from,
};

#[generator(yield = bool, resume = i32)]
fn consumer() {
    let mut status = true;
    loop {
        let nr = yield_!(status);
        if nr == 3 {
            status = false;
        }
    }
}

#[generator(yield = bool)]
fn producer(mut c: impl Generator<i32, Yield = bool, Return = ()>) {
    for n in (1..=5).rev() {
        yield_!(c.send(n).yielded().unwrap());
    }
}

#[test]
fn seed_producer_consumer() {
    let mut c = consumer();
    assert_eq!(c.start(), GeneratorState::Yielded(true));
    let statuses: Vec<bool> = producer(c).collect();
    assert_eq!(statuses, [true, true, false, false, false]);
}

fn panic_message(f: impl FnOnce()) -> String {
    let err = catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_default()
}

#[test]
fn send_before_start_panics_and_says_to_call_start() {
    let mut c = consumer();
    let msg = panic_message(|| {
        c.send(1);
    });
    assert!(msg.contains("call start() first"), "{msg}");
}

#[test]
fn start_on_a_suspended_generator_with_a_resume_type_panics() {
    let mut c = consumer();
    c.start();
    let msg = panic_message(|| {
        c.start();
    });
    assert!(msg.contains("send(value)"), "{msg}");
}

#[generator(yield = u8)]
fn two() -> &'static str {
    yield_!(1);
    yield_!(2);
    "done"
}

#[test]
fn resume_after_completion_panics_but_iteration_is_fused() {
    let mut g = two();
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(
        g.start(),
        GeneratorState::Yielded(2),
        "with R = (), start() resumes like next()"
    );
    assert_eq!(g.send(()), GeneratorState::Complete("done"));
    let msg = panic_message(|| {
        g.send(());
    });
    assert_eq!(msg, "generator resumed after completion");

    let mut it = two();
    assert_eq!(it.by_ref().count(), 2);
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
}

#[generator(yield = u8)]
fn panics_midway() {
    yield_!(1);
    panic!("boom");
}

#[test]
fn a_panicking_body_poisons_the_generator() {
    let mut g = panics_midway();
    assert_eq!(g.next(), Some(1));
    assert_eq!(
        panic_message(|| {
            let _ = g.next();
        }),
        "boom"
    );
    assert_eq!(g.status(), GeneratorStatus::Poisoned);
    assert_eq!(
        panic_message(|| {
            let _ = g.next();
        }),
        "generator resumed after panicking"
    );
}

#[test]
fn status_close_and_debug() {
    let mut g = two();
    assert_eq!(g.status(), GeneratorStatus::Created);
    assert_eq!(format!("{g:?}"), "two (created)");
    g.start();
    let GeneratorStatus::Suspended(point) = g.status() else {
        panic!("{:?}", g.status())
    };
    assert_eq!(point.index, 0);
    assert_eq!(point.source, "yield_!(1)");
    assert!(point.file.ends_with("gen_protocol.rs"));
    assert!(point.line > 0);
    let dbg = format!("{g:?}");
    assert!(dbg.starts_with("two (suspended at yield_!(1) at "), "{dbg}");
    g.start();
    assert!(matches!(g.status(), GeneratorStatus::Suspended(p) if p.index == 1));
    g.close();
    assert_eq!(g.status(), GeneratorStatus::Completed);
    assert_eq!(g.next(), None);
    assert_eq!(
        panic_message(|| {
            let _ = g.start();
        }),
        "generator resumed after completion"
    );
    let mut done = two();
    done.by_ref().for_each(drop);
    assert_eq!(done.status(), GeneratorStatus::Completed);
}

#[generator(yield = i32, resume = i32)]
fn echo(limit: usize) -> usize {
    let mut seen = 0;
    let mut last = 0;
    while seen < limit {
        last = yield_!(last * 10);
        seen += 1;
    }
    seen
}

#[allow(
    clippy::cast_sign_loss,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = i32, resume = i32)]
fn delegate() -> (usize, usize) {
    let first = yield_from!(echo(2));
    let x = yield_!(-1);
    let second = yield_from!(echo(x as usize));
    (first, second)
}

#[test]
fn yield_from_forwards_yields_out_and_sends_in_and_returns_the_value() {
    let mut g = delegate();
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.send(1), GeneratorState::Yielded(10));
    assert_eq!(g.send(2), GeneratorState::Yielded(-1));
    assert!(matches!(g.status(), GeneratorStatus::Suspended(p) if p.source == "yield_!(-1)"));
    assert_eq!(g.send(1), GeneratorState::Yielded(0));
    assert!(
        matches!(g.status(), GeneratorStatus::Suspended(p) if p.source.starts_with("yield_from!"))
    );
    assert_eq!(g.send(7), GeneratorState::Complete((2, 1)));
}

enum Node {
    Leaf(u32),
    Branch(Box<Node>, u32, Box<Node>),
}

#[generator(yield = u32)]
fn walk(node: &Node) {
    match node {
        Node::Leaf(v) => {
            yield_!(*v);
        }
        Node::Branch(l, v, r) => {
            yield_from!(walk(l).boxed());
            yield_!(*v);
            yield_from!(walk(r).boxed());
        }
    }
}

#[test]
fn recursive_tree_walk_through_boxed_generators() {
    use Node::{Branch, Leaf};
    let t = Branch(
        Box::new(Branch(Box::new(Leaf(1)), 2, Box::new(Leaf(3)))),
        4,
        Box::new(Leaf(5)),
    );
    assert_eq!(walk(&t).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
}

#[generator(yield = u8)]
fn no_yield_at_all(x: u8) -> u8 {
    x + 1
}

#[test]
fn a_generator_without_yields_completes_on_start() {
    let mut g = no_yield_at_all(1);
    assert_eq!(g.start(), GeneratorState::Complete(2));
}

#[test]
fn a_suspended_generator_is_clone_free_but_boxable_and_dyn() {
    let gens: Vec<Box<dyn Generator<Yield = u8, Return = &'static str>>> =
        vec![two().boxed(), Box::new(two())];
    for mut g in gens {
        assert_eq!(g.start(), GeneratorState::Yielded(1));
    }
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "the lint is right: this test keeps the shape on purpose"
)]
#[generator(yield = u32, resume = u32, clone)]
fn running_sum(start: u32) -> u32 {
    let mut total = start;
    let mut history = Vec::new();
    loop {
        let x = yield_!(total);
        if x == 0 {
            return history.len() as u32;
        }
        history.push(x);
        total += x;
    }
}

#[test]
fn a_clone_generator_forks_its_suspended_state() {
    let mut g = running_sum(10);
    assert_eq!(g.start(), GeneratorState::Yielded(10));
    assert_eq!(g.send(5), GeneratorState::Yielded(15));
    let mut fork = g.clone();
    assert_eq!(fork.status(), g.status());
    assert_eq!(g.send(1), GeneratorState::Yielded(16));
    assert_eq!(
        fork.send(100),
        GeneratorState::Yielded(115),
        "the fork resumes from the copied state"
    );
    assert_eq!(g.send(0), GeneratorState::Complete(2));
    assert_eq!(fork.send(0), GeneratorState::Complete(2));
}
