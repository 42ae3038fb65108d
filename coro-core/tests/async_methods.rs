//! `#[async_gen]` on methods (every receiver), generics, lifetimes, trait impls, boxing.

use std::pin::Pin;

use coro_core::{async_gen, for_await, yield_, yield_from};
use futures::executor::block_on;
use futures::stream::{Stream, StreamExt};

fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    block_on(s.collect())
}

#[derive(Clone)]
struct Deck {
    cards: Vec<String>,
}

impl Deck {
    #[async_gen(yield = &str)]
    async fn by_ref(&self) {
        for c in &self.cards {
            yield_!(c.as_str());
        }
    }

    #[async_gen(yield = String)]
    async fn draining(&mut self) {
        while let Some(c) = self.cards.pop() {
            yield_!(c);
        }
    }

    #[async_gen(yield = String)]
    async fn by_value(self) {
        for c in self.cards {
            yield_!(c);
        }
    }

    #[async_gen(yield = usize)]
    async fn boxed_self(self: Box<Self>) {
        yield_!(self.cards.len());
    }

    #[async_gen(yield = usize)]
    async fn pinned_self(self: Pin<&mut Self>) {
        yield_!(self.cards.len());
    }

    /// Borrows from two arguments with different (elided) lifetimes.
    #[async_gen(yield = String)]
    async fn tagged(&self, tag: &str) {
        for c in &self.cards {
            yield_!(format!("{tag}:{c}"));
        }
    }

    /// An associated fn without receiver.
    #[async_gen(yield = u8)]
    async fn constant() {
        yield_!(7);
    }
}

fn deck() -> Deck {
    Deck {
        cards: vec!["a".into(), "b".into()],
    }
}

#[test]
fn every_receiver() {
    let mut d = deck();
    assert_eq!(collect(d.by_ref()), ["a", "b"]);
    assert_eq!(collect(d.tagged("t")), ["t:a", "t:b"]);
    assert_eq!(collect(d.clone().by_value()), ["a", "b"]);
    assert_eq!(collect(Box::new(d.clone()).boxed_self()), [2]);
    let mut pinned = d.clone();
    assert_eq!(collect(Pin::new(&mut pinned).pinned_self()), [2]);
    assert_eq!(collect(d.draining()), ["b", "a"]);
    assert!(d.cards.is_empty());
    assert_eq!(collect(Deck::constant()), [7]);
}

#[async_gen(yield = T)]
async fn repeat<T: Clone + Send, const N: usize>(value: T) {
    for _ in 0..N {
        yield_!(value.clone());
    }
}

#[async_gen(yield = <I as IntoIterator>::Item)]
async fn from_iter<I>(items: I)
where
    I: IntoIterator,
{
    for x in items {
        yield_!(x);
    }
}

#[async_gen(yield = &'a str)]
async fn split<'a>(text: &'a str, sep: char) {
    for part in text.split(sep) {
        yield_!(part);
    }
}

#[async_gen(yield = u32)]
async fn patterns((a, b): (u32, u32), _: String, mut c: u32, [d, ..]: [u32; 2]) {
    c += 1;
    yield_!(a);
    yield_!(b);
    yield_!(c);
    yield_!(d);
}

#[async_gen(yield = String)]
async fn impl_trait_arg(s: impl Stream<Item = u32>) {
    for_await!(x in s {
        yield_!(x.to_string());
    });
}

#[test]
fn generics_lifetimes_patterns() {
    assert_eq!(collect(repeat::<_, 3>('x')), ['x', 'x', 'x']);
    assert_eq!(collect(from_iter(vec![1, 2])), [1, 2]);
    let text = String::from("a,b");
    let parts = collect(split(&text, ','));
    assert_eq!(parts, ["a", "b"]);
    assert_eq!(
        collect(patterns((1, 2), String::new(), 3, [5, 6])),
        [1, 2, 4, 5]
    );
    assert_eq!(
        collect(impl_trait_arg(futures::stream::iter([1, 2]))),
        ["1", "2"]
    );
}

/// The returned stream borrows every argument: both `&str`s here (elided lifetimes).
#[test]
fn captures_elided_lifetimes() {
    #[async_gen(yield = usize)]
    async fn lens(a: &str, b: &str) {
        yield_!(a.len());
        yield_!(b.len());
    }
    let (a, b) = (String::from("ab"), String::from("cde"));
    assert_eq!(collect(lens(&a, &b)), [2, 3]);
}

// A trait with a return-position `impl Stream`, implemented with `#[async_gen]`.
trait Source {
    fn items(&self) -> impl Stream<Item = u32>;
}

struct Range3;

impl Source for Range3 {
    #[async_gen(yield = u32)]
    async fn items(&self) {
        for i in 0..3 {
            yield_!(i);
        }
    }
}

// A dyn-compatible trait: `boxed` gives the `Pin<Box<dyn Stream + Send + '_>>` it declares.
trait DynSource {
    fn items(&self) -> Pin<Box<dyn Stream<Item = u32> + Send + '_>>;
}

struct Upto(u32);

impl DynSource for Upto {
    #[async_gen(yield = u32, boxed)]
    async fn items(&self) {
        for i in 0..self.0 {
            yield_!(i);
        }
    }
}

#[test]
fn trait_impls() {
    assert_eq!(collect(Range3.items()), [0, 1, 2]);
    let sources: Vec<Box<dyn DynSource>> = vec![Box::new(Upto(1)), Box::new(Upto(2))];
    let all: Vec<u32> = sources.iter().flat_map(|s| collect(s.items())).collect();
    assert_eq!(all, [0, 0, 1]);
}

/// Recursion needs a box: the stream type would otherwise contain itself.
struct Tree {
    value: u32,
    children: Vec<Tree>,
}

#[async_gen(yield = u32, boxed_local)]
async fn walk(tree: &Tree) {
    yield_!(tree.value);
    for child in &tree.children {
        yield_from!(walk(child));
    }
}

#[async_gen(yield = u32, boxed)]
async fn countdown(n: u32) {
    if n > 0 {
        yield_!(n);
        yield_from!(countdown(n - 1));
    }
}

/// The general boxed case: several lifetimes and a type parameter.
#[async_gen(yield = String, boxed)]
async fn zip_names<T: std::fmt::Display + Sync>(a: &[T], b: &str, c: &'static str) {
    for x in a {
        yield_!(format!("{x}{b}{c}"));
    }
}

#[test]
fn boxed_streams() {
    let tree = Tree {
        value: 1,
        children: vec![
            Tree {
                value: 2,
                children: vec![Tree {
                    value: 3,
                    children: vec![],
                }],
            },
            Tree {
                value: 4,
                children: vec![],
            },
        ],
    };
    let s: Pin<Box<dyn Stream<Item = u32> + '_>> = walk(&tree);
    assert_eq!(collect(s), [1, 2, 3, 4]);
    let s: Pin<Box<dyn Stream<Item = u32> + Send>> = countdown(3);
    assert_eq!(collect(s), [3, 2, 1]);
    assert_eq!(collect(zip_names(&[1, 2], "-", "!")), ["1-!", "2-!"]);
}

struct Counter {
    n: u32,
}

impl Counter {
    /// By-value `self` in the general boxed case gets `Self: '__coro`.
    #[async_gen(yield = u32, boxed)]
    async fn into_stream(self, step: &u32) {
        let mut i = 0;
        while i < self.n {
            yield_!(i);
            i += step;
        }
    }
}

#[test]
fn boxed_by_value_self() {
    assert_eq!(collect(Counter { n: 5 }.into_stream(&2)), [0, 2, 4]);
}

mod renamed {
    // `crate = path` for users who re-export coro_core under another name.
    pub use coro_core as my_coro;

    #[my_coro::async_gen(yield = u8, crate = crate::renamed::my_coro)]
    pub async fn one() {
        my_coro::yield_!(1);
    }
}

#[test]
fn crate_option_and_qualified_markers() {
    assert_eq!(collect(renamed::one()), [1]);
}
