//! Issue 13: the rest of Python's generator protocol — throw, `yield from` any iterable, errors
//! as items, trait objects, sinks. Each test is modelled on a Python program (quoted above it).

use coro_core::{
    Generator, GeneratorExt, GeneratorState, GeneratorStatus, Throw, generator, yield_,
    yield_catch, yield_from,
};

#[derive(Debug, Clone, PartialEq, Eq)]
struct ValueError(&'static str);

mod throw {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    // def f():
    //     for i in range(3):
    //         try: yield i
    //         except ValueError as e: log.append(e)
    #[generator(yield = u32, throw = ValueError)]
    fn catches_and_goes_on() -> Vec<ValueError> {
        let mut log = Vec::new();
        for i in 0..3 {
            if let Err(e) = yield_catch!(i) {
                log.push(e);
            }
        }
        log
    }

    #[test]
    fn a_caught_error_resumes_the_body() {
        let mut g = catches_and_goes_on();
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        // Python: g.throw(ValueError) returns the next yielded value.
        assert_eq!(g.throw(ValueError("a")), GeneratorState::Yielded(1));
        assert_eq!(g.throw(ValueError("b")), GeneratorState::Yielded(2));
        assert_eq!(
            g.start(),
            GeneratorState::Complete(vec![ValueError("a"), ValueError("b")])
        );
    }

    // A `yield_!` that does not catch raises the error like `?`: the generator completes with it.
    #[generator(yield = u32, throw = ValueError)]
    fn leaf() -> Result<&'static str, ValueError> {
        yield_!(1);
        yield_!(2);
        Ok("leaf done")
    }

    #[generator(yield = u32, throw = ValueError)]
    fn branch() -> Result<&'static str, ValueError> {
        let r = yield_from!(leaf())?;
        yield_!(10);
        Ok(r)
    }

    #[generator(yield = u32, throw = ValueError)]
    fn root() -> Result<String, ValueError> {
        let r = yield_from!(branch())?;
        Ok(format!("root saw {r}"))
    }

    #[test]
    fn a_throw_travels_down_a_three_level_chain_and_its_error_comes_back_up() {
        let mut g = root();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        // Forwarded to `leaf`, whose `yield_!` raises it; `?` carries it through both levels.
        assert_eq!(
            g.throw(ValueError("deep")),
            GeneratorState::Complete(Err(ValueError("deep")))
        );
        assert_eq!(g.status(), GeneratorStatus::Completed);

        // Without a throw the chain runs to the end.
        let mut it = root().into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [1, 2, 10]);
        assert_eq!(
            it.into_return_value(),
            Some(Ok("root saw leaf done".to_string()))
        );
    }

    // The middle level catches what the leaf raised and goes on.
    #[generator(yield = u32, throw = ValueError)]
    fn recovering_branch() -> Result<u32, ValueError> {
        let mut recovered = 0;
        loop {
            match yield_from!(leaf()) {
                Ok(_) => return Ok(recovered),
                Err(_) => recovered += 1,
            }
        }
    }

    #[test]
    fn a_delegating_generator_can_catch_what_its_sub_generator_raised() {
        let mut g = recovering_branch();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(g.throw(ValueError("x")), GeneratorState::Yielded(1));
        assert_eq!(g.start(), GeneratorState::Yielded(2));
        assert_eq!(g.start(), GeneratorState::Complete(Ok(1)));
    }

    // PEP 380: a sub-generator without `throw` is closed and the error raised in the delegator.
    #[generator(yield = u32)]
    fn plain(dropped: Rc<RefCell<Vec<&'static str>>>) -> u32 {
        let _guard = Guard("plain's local", dropped);
        yield_!(7);
        yield_!(8);
        0
    }

    struct Guard(&'static str, Rc<RefCell<Vec<&'static str>>>);
    impl Drop for Guard {
        fn drop(&mut self) {
            self.1.borrow_mut().push(self.0);
        }
    }

    #[generator(yield = u32, throw = ValueError)]
    fn over_plain(dropped: Rc<RefCell<Vec<&'static str>>>) -> Result<u32, ValueError> {
        let _mine = Guard("delegator's local", dropped.clone());
        let r = yield_from!(plain(dropped.clone()));
        Ok(r)
    }

    #[test]
    fn a_throw_into_a_plain_sub_generator_closes_it_and_raises_at_the_yield_from() {
        let dropped = Rc::new(RefCell::new(Vec::new()));
        let mut g = over_plain(dropped.clone());
        assert_eq!(g.start(), GeneratorState::Yielded(7));
        assert_eq!(
            g.throw(ValueError("stop")),
            GeneratorState::Complete(Err(ValueError("stop")))
        );
        // The sub-generator is closed first, then the delegator's locals drop as it completes.
        assert_eq!(*dropped.borrow(), ["plain's local", "delegator's local"]);
    }

    #[generator(yield = u32, throw = ValueError)]
    fn over_items() -> Result<(), ValueError> {
        yield_from!(vec![1, 2, 3]);
        yield_!(4);
        Ok(())
    }

    #[test]
    fn a_throw_during_yield_from_an_iterable_is_raised_at_the_yield_from() {
        let mut g = over_items();
        assert_eq!(g.start(), GeneratorState::Yielded(1));
        assert_eq!(
            g.throw(ValueError("no more")),
            GeneratorState::Complete(Err(ValueError("no more")))
        );
        let mut g = over_items();
        let items: Vec<u32> = std::iter::from_fn(|| g.start().yielded()).collect();
        assert_eq!(items, [1, 2, 3, 4]);
    }

    #[test]
    fn close_after_throw_and_throw_after_close() {
        let mut g = catches_and_goes_on();
        g.start();
        assert_eq!(g.throw(ValueError("a")), GeneratorState::Yielded(1));
        g.close();
        assert_eq!(g.status(), GeneratorStatus::Completed);
        let caught =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.throw(ValueError("late"))));
        assert!(caught.is_err(), "throw into a closed generator panics");
        assert_eq!(g.status(), GeneratorStatus::Completed);
    }

    #[test]
    fn throw_into_a_finished_generator_panics_at_the_call() {
        let mut g = leaf();
        g.start();
        g.start();
        assert_eq!(g.start(), GeneratorState::Complete(Ok("leaf done")));
        let err =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.throw(ValueError("late"))))
                .expect_err("a finished generator refuses a throw");
        let message = err.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(message.contains("after completion"), "{message}");
    }

    #[test]
    fn throw_into_a_generator_that_has_not_started_panics_and_leaves_it_usable() {
        // Python closes it and raises the error at the caller; in Rust the caller still holds
        // the error, so this is a refusal like `send` before `start`.
        let mut g = catches_and_goes_on();
        let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            g.throw(ValueError("early"))
        }))
        .expect_err("throw before start is refused");
        let message = err.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(message.contains("has not started"), "{message}");
        assert_eq!(g.status(), GeneratorStatus::Created);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
    }

    // Locals drop when a thrown error completes the generator, as Python's `finally` runs.
    #[generator(yield = u32, throw = ValueError)]
    fn with_finally(log: Rc<RefCell<Vec<&'static str>>>) -> Result<(), ValueError> {
        let _f = Guard("finally", log);
        loop {
            yield_!(0);
        }
    }

    #[test]
    fn a_raised_throw_drops_the_suspended_locals() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut g = with_finally(log.clone());
        g.start();
        assert!(log.borrow().is_empty());
        assert_eq!(
            g.throw(ValueError("e")),
            GeneratorState::Complete(Err(ValueError("e")))
        );
        assert_eq!(*log.borrow(), ["finally"]);
    }

    // `throw` with a resume type: sends and throws both reach the pending `yield_catch!`.
    #[generator(yield = i64, resume = i64, throw = ValueError)]
    fn running_total() -> i64 {
        let mut total = 0;
        loop {
            match yield_catch!(total) {
                Ok(0) => return total,
                Ok(n) => total += n,
                Err(_) => total = 0,
            }
        }
    }

    #[test]
    fn sends_and_throws_mix_with_a_resume_type() {
        let mut g = running_total();
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.send(5), GeneratorState::Yielded(5));
        assert_eq!(g.throw(ValueError("reset")), GeneratorState::Yielded(0));
        assert_eq!(g.send(2), GeneratorState::Yielded(2));
        assert_eq!(g.send(0), GeneratorState::Complete(2));
    }

    #[test]
    fn throwing_generators_are_iterators_and_trait_objects() {
        let mut boxed: Box<dyn Throw<ValueError, Yield = u32, Return = Vec<ValueError>>> =
            Box::new(catches_and_goes_on());
        assert_eq!(boxed.start(), GeneratorState::Yielded(0));
        assert_eq!(boxed.throw(ValueError("b")), GeneratorState::Yielded(1));
        assert_eq!(catches_and_goes_on().collect::<Vec<_>>(), [0, 1, 2]);
    }
}

mod yield_from_iterables {
    use super::*;

    // def f(): yield from range(3); yield from [10, 20]; yield from "ab"
    #[generator(yield = u32)]
    fn numbers() {
        yield_from!(0..3);
        yield_from!(vec![10, 20]);
        yield_from!([30]);
        yield_from!((1..=2).map(|x| x * 100));
    }

    #[test]
    fn ranges_vecs_arrays_and_iterators() {
        assert_eq!(
            numbers().collect::<Vec<_>>(),
            [0, 1, 2, 10, 20, 30, 100, 200]
        );
    }

    #[generator(yield = char)]
    fn letters(owned: String) {
        yield_from!("ab");
        yield_from!(owned);
        yield_from!("é!".chars().rev());
    }

    #[test]
    fn strings_yield_their_characters() {
        assert_eq!(letters("cd".to_string()).collect::<String>(), "abcd!é");
    }

    #[generator(yield = u32)]
    fn sub() -> &'static str {
        yield_!(1);
        "sub's return value"
    }

    #[generator(yield = u32)]
    fn mixes() -> (&'static str, ()) {
        let a = yield_from!(sub()); // a generator is delegated to: its return value comes back
        let () = yield_from!(vec![2, 3]); // an iterable: evaluates to `()`
        yield_from!([4u32, 5].into_iter());
        (a, ())
    }

    #[test]
    fn a_generator_argument_stays_a_generator() {
        let mut it = mixes().into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(it.return_value(), Some(&("sub's return value", ())));
    }

    // The iterator is held across the suspension: state, status and drop accounting hold.
    #[generator(yield = String)]
    fn owned_items(words: Vec<String>) {
        for round in 0..2 {
            yield_from!(
                words
                    .iter()
                    .map(|w| format!("{round}:{w}"))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn owned_items_in_a_loop() {
        let got: Vec<String> = owned_items(vec!["a".into(), "b".into()]).collect();
        assert_eq!(got, ["0:a", "0:b", "1:a", "1:b"]);
        let mut g = owned_items(vec!["x".into()]);
        g.next();
        assert!(
            matches!(g.status(), GeneratorStatus::Suspended(p) if p.source.contains("yield_from!"))
        );
    }
}

mod errors_as_items {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum ParseError {
        NotANumber(String),
    }

    // def parse(lines):
    //     for line in lines: yield int(line)   # raises ValueError on a bad line
    #[generator(yield = i64)]
    fn parse(lines: Vec<&'static str>) -> Result<(), ParseError> {
        for line in lines {
            let n = line
                .trim()
                .parse()
                .map_err(|_| ParseError::NotANumber(line.to_string()))?;
            yield_!(n);
        }
        Ok(())
    }

    #[test]
    fn a_pipeline_receives_the_error_as_its_last_item() {
        let items: Vec<Result<i64, ParseError>> = parse(vec!["1", " 2", "three", "4"])
            .try_iter()
            .map(|r| r.map(|n| n * 10))
            .collect();
        assert_eq!(
            items,
            [Ok(10), Ok(20), Err(ParseError::NotANumber("three".into()))]
        );
    }

    #[test]
    fn collect_into_a_result_stops_at_the_error() {
        let all: Result<Vec<i64>, ParseError> = parse(vec!["1", "2"]).try_iter().collect();
        assert_eq!(all, Ok(vec![1, 2]));
        let bad: Result<Vec<i64>, ParseError> = parse(vec!["1", "x"]).try_iter().collect();
        assert_eq!(bad, Err(ParseError::NotANumber("x".into())));
        // A plain `Iterator` drops the return value: the error is lost (why `try_iter` exists).
        assert_eq!(parse(vec!["1", "x", "3"]).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn try_iter_is_fused() {
        let mut it = parse(vec!["z"]).try_iter();
        assert!(matches!(it.next(), Some(Err(_))));
        assert_eq!(it.next(), None);
        assert_eq!(it.next(), None);
    }
}

mod trait_objects {
    use super::*;

    #[generator(yield = u32)]
    fn count(n: u32) -> u32 {
        for i in 0..n {
            yield_!(i);
        }
        n
    }

    #[generator(yield = u32)]
    fn word() -> &'static str {
        yield_!(42);
        "word"
    }

    #[test]
    fn a_vec_of_boxed_heterogeneous_generators_is_iterated_directly() {
        let gens: Vec<Box<dyn Generator<Yield = u32, Return = String>>> = vec![
            count(3).map_return(|n| format!("counted {n}")).boxed(),
            word().map_return(str::to_string).boxed(),
        ];
        let mut all = Vec::new();
        for g in gens {
            for x in g {
                all.push(x);
            }
        }
        assert_eq!(all, [0, 1, 2, 42]);
    }

    #[test]
    fn map_return_maps_only_the_return_value() {
        let mut g = count(1).map_return(|n| n * 100);
        assert_eq!(g.start(), GeneratorState::Yielded(0));
        assert_eq!(g.start(), GeneratorState::Complete(100));
    }

    #[test]
    fn borrowed_trait_objects_iterate_and_stay_fused() {
        let mut g = count(2);
        let d: &mut dyn Generator<Yield = u32, Return = u32> = &mut g;
        assert_eq!(d.collect::<Vec<_>>(), [0, 1]);
        let mut d: &mut dyn Generator<Yield = u32, Return = u32> = &mut g;
        assert_eq!(
            d.next(),
            None,
            "a completed trait object answers None, not a panic"
        );
    }

    #[test]
    fn boxed_send_keeps_send() {
        let g = count(3).boxed_send();
        let got = std::thread::spawn(move || g.collect::<Vec<_>>())
            .join()
            .unwrap();
        assert_eq!(got, [0, 1, 2]);
    }
}

mod sinks {
    use super::*;

    // def printer(out):
    //     while True:
    //         line = yield
    //         out.append(line.upper())
    #[generator(resume = String)]
    fn upper_into(out: &mut Vec<String>) {
        loop {
            let line = yield_!();
            if line.is_empty() {
                return;
            }
            out.push(line.to_uppercase());
        }
    }

    #[test]
    fn a_sink_only_consumes() {
        let mut out = Vec::new();
        let mut s = upper_into(&mut out);
        assert_eq!(s.start(), GeneratorState::Yielded(()));
        assert_eq!(s.send("a".into()), GeneratorState::Yielded(()));
        assert_eq!(s.send("bc".into()), GeneratorState::Yielded(()));
        assert_eq!(s.send(String::new()), GeneratorState::Complete(()));
        drop(s);
        assert_eq!(out, ["A", "BC"]);
    }
}

mod with_other_features {
    use super::*;

    #[test]
    fn a_gen_block_takes_throw_too() {
        let start = 10u32;
        let mut g = coro_core::gen_block!(yield = u32, throw = ValueError => {
            let mut n = start;
            loop {
                if yield_catch!(n).is_err() {
                    n = start;
                } else {
                    n += 1;
                }
            }
        });
        assert_eq!(g.start(), GeneratorState::Yielded(10));
        assert_eq!(g.start(), GeneratorState::Yielded(11));
        assert_eq!(g.throw(ValueError("reset")), GeneratorState::Yielded(10));
    }

    // `clone` forks a generator suspended inside `yield_from!` of an iterable.
    #[generator(yield = u32, clone)]
    fn forkable() {
        yield_from!(vec![1, 2, 3]);
        yield_from!("x".chars().map(|c| c as u32));
    }

    #[test]
    fn clone_during_yield_from_an_iterable() {
        let mut g = forkable();
        assert_eq!(g.next(), Some(1));
        let fork = g.clone();
        assert_eq!(g.collect::<Vec<_>>(), [2, 3, 120]);
        assert_eq!(fork.collect::<Vec<_>>(), [2, 3, 120]);
    }
}
