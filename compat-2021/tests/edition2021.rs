use coro_compat_2021::{bytes_of, counter_from, words, Store};
use coro_core::{Generator, GeneratorState};

#[test]
fn lifetimes_are_captured_in_edition_2021() {
    let text = String::from("a b");
    assert_eq!(words(&text).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(
        bytes_of("hi", &[1, 2]).collect::<Vec<_>>(),
        [104, 105, 1, 2]
    );
    let mut store = Store::new(vec![1, 2]);
    assert_eq!(store.doubled().collect::<Vec<_>>(), [2, 4]);
    assert_eq!(store.chained().collect::<Vec<_>>(), [2, 4, 0]);
    let mut g = store.replace_each();
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(g.send(10), GeneratorState::Yielded(2));
    assert_eq!(g.send(20), GeneratorState::Complete(2));
    drop(g);
    assert_eq!(store.doubled().collect::<Vec<_>>(), [20, 40]);
}

#[test]
fn never_ending_block_in_edition_2021() {
    assert_eq!(counter_from(7).take(3).collect::<Vec<_>>(), [7, 8, 9]);
}

#[test]
fn frame_counters_in_edition_2021() {
    let mut g = coro_compat_2021::counters(3);
    let mut sent = Vec::new();
    let mut step = g.start();
    let mut k = 0;
    let total = loop {
        match step {
            GeneratorState::Yielded(y) => {
                sent.push(y);
                k += 1;
                step = g.send(k);
            }
            GeneratorState::Complete(r) => break r,
        }
    };
    // a: 0 +1 -> 1 (odd: c += 2 -> yields i=3), i=2; a: 1 +3 -> 4 (even: b = 3 + 4 = 7), done.
    assert_eq!(sent, vec![0, 3, 1, 1]);
    assert_eq!(total, 2 + 7 + 1 + u64::from('c') + 2 + 1 + 2);
}
