//! Drop accounting: every value is dropped exactly once, whether the generator completes, is
//! dropped while suspended at any point, is closed, or panics; guards live to their scope's end.

use std::cell::RefCell;
use std::rc::Rc;

use coro_core::{Generator, GeneratorState, generator, yield_, yield_from};

type Log = Rc<RefCell<Vec<String>>>;

struct Tracked {
    name: &'static str,
    log: Log,
}

impl Tracked {
    fn new(name: &'static str, log: &Log) -> Self {
        log.borrow_mut().push(format!("new {name}"));
        Tracked {
            name,
            log: log.clone(),
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.log.borrow_mut().push(format!("drop {}", self.name));
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "it must take ownership: the test is about moves"
)]
fn consume(t: Tracked) -> &'static str {
    t.name
}

#[generator(yield = &'static str)]
fn many_locals(log: Log) {
    let a = Tracked::new("a", &log);
    yield_!("p0");
    let b = Tracked::new("b", &log);
    for i in 0..2 {
        let c = Tracked::new(if i == 0 { "c0" } else { "c1" }, &log);
        yield_!(c.name);
        if i == 1 {
            yield_!(consume(b));
            break;
        }
    }
    let d = Tracked::new("d", &log);
    yield_!(a.name);
    yield_!(d.name);
}

fn balanced(log: &Log) {
    let log = log.borrow();
    let news: Vec<_> = log.iter().filter_map(|l| l.strip_prefix("new ")).collect();
    for n in &news {
        let drops = log
            .iter()
            .filter(|l| l.strip_prefix("drop ") == Some(n))
            .count();
        assert_eq!(drops, 1, "{n} dropped {drops} times: {log:?}");
    }
    assert_eq!(news.len(), log.len() / 2, "{log:?}");
}

#[test]
fn dropping_at_every_suspension_point_drops_each_value_once() {
    // How many suspension points a full run passes through.
    let full = {
        let log = Log::default();
        let n = many_locals(log.clone()).count();
        balanced(&log);
        n
    };
    assert_eq!(full, 6);
    for stop in 0..=full {
        let log = Log::default();
        let mut g = many_locals(log.clone());
        for _ in 0..stop {
            g.next();
        }
        drop(g);
        balanced(&log);
    }
}

#[test]
fn close_drops_the_suspended_locals_now() {
    let log = Log::default();
    let mut g = many_locals(log.clone());
    g.next();
    g.next();
    // `c0` is dead once yielded (its name was copied out), so it is dropped at that suspension.
    assert_eq!(*log.borrow(), ["new a", "new b", "new c0", "drop c0"]);
    g.close();
    balanced(&log);
    assert_eq!(
        *log.borrow(),
        ["new a", "new b", "new c0", "drop c0", "drop b", "drop a"]
    );
}

#[generator(yield = u8)]
fn guard_order(log: Log) {
    let _guard = Tracked::new("guard", &log);
    let used = Tracked::new("used", &log);
    {
        let _inner = Tracked::new("inner", &log);
        yield_!(1);
        log.borrow_mut().push("end of inner scope".into());
    }
    yield_!(2);
    log.borrow_mut().push(format!("using {}", used.name));
    yield_!(3);
    log.borrow_mut().push("end of body".into());
}

#[test]
fn guards_live_to_their_scope_end_and_dead_locals_drop_at_the_suspension() {
    let log = Log::default();
    assert_eq!(guard_order(log.clone()).count(), 3);
    assert_eq!(
        *log.borrow(),
        [
            "new guard",
            "new used",
            "new inner",
            "end of inner scope",
            "drop inner", // a guard: dropped at its scope's end, as in plain Rust
            "using used",
            "drop used", // dead after its last use: dropped at the next suspension (documented)
            "end of body",
            "drop guard",
        ]
    );
}

#[generator(yield = u8)]
fn panicking(log: Log) {
    let _a = Tracked::new("a", &log);
    yield_!(1);
    let _b = Tracked::new("b", &log);
    panic!("inside");
}

#[test]
fn a_panic_unwinds_the_arm_and_drops_everything_once() {
    let log = Log::default();
    let mut g = panicking(log.clone());
    g.next();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
    assert!(r.is_err());
    drop(g);
    balanced(&log);
}

#[generator(yield = u8, resume = Tracked)]
fn receives(log: Log) -> usize {
    let mut kept = Vec::new();
    for _ in 0..3 {
        let t = yield_!(0);
        if t.name != "skip" {
            kept.push(t);
        }
    }
    let _ = log;
    kept.len()
}

#[test]
fn sent_values_are_dropped_once_too() {
    let log = Log::default();
    let mut g = receives(log.clone());
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    g.send(Tracked::new("x", &log));
    g.send(Tracked::new("skip", &log));
    assert_eq!(g.send(Tracked::new("y", &log)), GeneratorState::Complete(2));
    drop(g);
    balanced(&log);
    // dropped early while suspended
    let mut g = receives(log.clone());
    g.start();
    g.send(Tracked::new("z", &log));
    drop(g);
    balanced(&log);
}

#[generator(yield = &'static str)]
fn inner(log: Log) -> &'static str {
    let _t = Tracked::new("inner-local", &log);
    yield_!("i1");
    yield_!("i2");
    "inner-done"
}

#[generator(yield = &'static str)]
fn outer(log: Log) {
    let _o = Tracked::new("outer-local", &log);
    let r = yield_from!(inner(log.clone()));
    yield_!(r);
}

#[test]
fn dropping_during_yield_from_drops_the_inner_generator() {
    for stop in 0..=3 {
        let log = Log::default();
        let mut g = outer(log.clone());
        for _ in 0..stop {
            g.next();
        }
        drop(g);
        balanced(&log);
    }
    let log = Log::default();
    assert_eq!(
        outer(log.clone()).collect::<Vec<_>>(),
        ["i1", "i2", "inner-done"]
    );
}
