//! In-order walk of a binary search tree with recursive `yield_from!`.
//! `cargo run -p coro-examples --bin tree_walk`

use coro_core::GeneratorExt;
use coro_examples::tree::Tree;

fn main() {
    let mut tree = Tree::new();
    for word in "the quick brown fox jumps over the lazy dog".split(' ') {
        tree.insert(word);
    }
    let mut walk = tree.in_order().into_iter_with_return();
    let words: Vec<&str> = walk.by_ref().copied().collect();
    println!("{}", words.join(" "));
    println!("depth: {}", walk.into_return_value().unwrap_or(0));
}
