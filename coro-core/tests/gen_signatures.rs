//! `#[generator]` on every kind of fn: receivers, generics, lifetimes, where clauses,
//! `impl Trait` and pattern arguments, trait impls.

use std::fmt::Display;

use coro_core::{Generator, GeneratorExt, GeneratorState, generator, yield_};

struct Tree {
    items: Vec<u32>,
    name: String,
}

impl Tree {
    #[generator(yield = &'a u32)]
    fn by_ref<'a>(&'a self) {
        for x in &self.items {
            yield_!(x);
        }
    }

    #[generator(yield = u32)]
    fn elided(&self) -> usize {
        for x in self.items.iter().copied() {
            yield_!(x * 2);
        }
        self.name.len()
    }

    #[generator(yield = u32)]
    fn drain(&mut self) {
        while let Some(x) = self.items.pop() {
            yield_!(x);
        }
        self.name.push('!');
    }

    #[generator(yield = String)]
    fn into_names(self) -> Vec<u32> {
        yield_!(self.name.clone());
        self.items
    }

    #[generator(yield = u32)]
    fn owned_mut(mut self) -> String {
        self.items.push(99);
        for x in self.items.clone() {
            yield_!(x);
        }
        self.name
    }

    #[generator(yield = u32)]
    fn associated(n: u32) {
        yield_!(Self::double(n));
    }

    fn double(n: u32) -> u32 {
        n * 2
    }
}

#[test]
fn every_receiver_kind() {
    let mut t = Tree {
        items: vec![1, 2, 3],
        name: "t".into(),
    };
    assert_eq!(t.by_ref().copied().collect::<Vec<_>>(), [1, 2, 3]);
    let mut e = t.elided().into_iter_with_return();
    assert_eq!((&mut e).collect::<Vec<_>>(), [2, 4, 6]);
    assert_eq!(e.into_return_value(), Some(1));
    assert_eq!(t.drain().collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(t.name, "t!");
    t.items = vec![7];
    let mut g = Tree {
        items: vec![4],
        name: "own".into(),
    }
    .into_names();
    assert_eq!(g.start(), GeneratorState::Yielded("own".to_string()));
    assert_eq!(g.start(), GeneratorState::Complete(vec![4]));
    let mut m = t.owned_mut().into_iter_with_return();
    assert_eq!((&mut m).collect::<Vec<_>>(), [7, 99]);
    assert_eq!(m.into_return_value(), Some("t!".to_string()));
    assert_eq!(Tree::associated(4).collect::<Vec<_>>(), [8]);
}

#[generator(yield = T)]
fn repeat_each<T: Clone, I>(items: I, times: usize) -> usize
where
    I: IntoIterator<Item = T>,
{
    let mut n = 0;
    for item in items {
        for _ in 0..times {
            yield_!(item.clone());
            n += 1;
        }
    }
    n
}

#[generator(yield = &'a str)]
fn words<'a>(text: &'a str) {
    for w in text.split_whitespace() {
        yield_!(w);
    }
}

#[generator(yield = String)]
fn show_all(items: impl IntoIterator<Item = impl Display>, sep: &str) {
    for i in items {
        yield_!(format!("{i}{sep}"));
    }
}

#[generator(yield = i32)]
fn patterns((a, b): (i32, i32), [c, d]: [i32; 2], Wrapper(e): Wrapper, _: u8, mut f: i32) {
    f += 1;
    yield_!(a + b);
    yield_!(c * d);
    yield_!(e);
    yield_!(f);
}

struct Wrapper(i32);

#[test]
fn generics_lifetimes_impl_trait_and_patterns() {
    let mut g = repeat_each(vec!['a', 'b'], 2).into_iter_with_return();
    assert_eq!((&mut g).collect::<String>(), "aabb");
    assert_eq!(g.into_return_value(), Some(4));
    let text = String::from("hello generator world");
    assert_eq!(
        words(&text).collect::<Vec<_>>(),
        ["hello", "generator", "world"]
    );
    assert_eq!(show_all([1, 2], ",").collect::<String>(), "1,2,");
    assert_eq!(
        patterns((1, 2), [3, 4], Wrapper(5), 0, 6).collect::<Vec<_>>(),
        [3, 12, 5, 7]
    );
}

trait Source {
    fn numbers(&self) -> impl Generator<Yield = u64, Return = ()> + '_;
    fn boxed_numbers(&self) -> Box<dyn Generator<Yield = u64, Return = ()> + '_>;
}

struct Range(u64);

impl Source for Range {
    #[generator(yield = u64)]
    fn numbers(&self) {
        for i in 0..self.0 {
            yield_!(i);
        }
    }

    fn boxed_numbers(&self) -> Box<dyn Generator<Yield = u64, Return = ()> + '_> {
        self.numbers().boxed()
    }
}

#[test]
fn trait_impl_methods_and_trait_objects() {
    let r = Range(3);
    let mut g = r.numbers();
    let mut got = Vec::new();
    while let GeneratorState::Yielded(x) = g.start() {
        got.push(x);
    }
    assert_eq!(got, [0, 1, 2]);
    let mut b = r.boxed_numbers();
    assert_eq!(b.start(), GeneratorState::Yielded(0));
}

/// A generator that borrows an argument carries its lifetime; the state is a plain value.
#[test]
fn generators_are_movable_values() {
    let text = String::from("a b c");
    let mut g = words(&text);
    assert_eq!(g.next(), Some("a"));
    let mut moved = Box::new(g); // moving a suspended generator is fine: nothing is pinned
    assert_eq!(moved.next(), Some("b"));
    let mut v = [*moved];
    assert_eq!(v[0].next(), Some("c"));
}

fn assert_send<T: Send>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}

#[test]
fn auto_traits_follow_the_state() {
    let g = repeat_each(vec![1u8], 1);
    assert_send(&g);
    assert_unpin(&g);
}
