//! A real use: in-order traversal of a binary search tree with recursive `yield_from!`.
//! Recursion needs a box (a generator containing itself would have infinite size), exactly
//! as a recursive `async fn` does: `.boxed()` from `GeneratorExt`.

use coro_core::{Generator, GeneratorExt, generator, yield_, yield_from};

/// An unbalanced binary search tree.
#[derive(Debug, Default)]
pub struct Tree<T> {
    root: Option<Box<Node<T>>>,
}

#[derive(Debug)]
struct Node<T> {
    value: T,
    left: Tree<T>,
    right: Tree<T>,
}

impl<T: Ord> Tree<T> {
    pub fn new() -> Self {
        Tree { root: None }
    }

    pub fn insert(&mut self, value: T) {
        match &mut self.root {
            None => {
                self.root = Some(Box::new(Node {
                    value,
                    left: Tree::new(),
                    right: Tree::new(),
                }));
            }
            Some(node) if value < node.value => node.left.insert(value),
            Some(node) => node.right.insert(value),
        }
    }

    /// Values in order; the generator returns the depth of the deepest node it visited.
    #[generator(yield = &'a T)]
    pub fn in_order<'a>(&'a self) -> usize {
        let Some(node) = &self.root else { return 0 };
        let left_depth = yield_from!(node.left.in_order_boxed());
        yield_!(&node.value);
        let right_depth = yield_from!(node.right.in_order_boxed());
        1 + left_depth.max(right_depth)
    }

    fn in_order_boxed<'a>(&'a self) -> Box<dyn Generator<Yield = &'a T, Return = usize> + 'a> {
        self.in_order().boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_order_and_reports_depth() {
        let mut t = Tree::new();
        for v in [50, 30, 70, 20, 40, 60, 80, 35] {
            t.insert(v);
        }
        let mut it = t.in_order().into_iter_with_return();
        assert_eq!(
            (&mut it).copied().collect::<Vec<_>>(),
            [20, 30, 35, 40, 50, 60, 70, 80]
        );
        assert_eq!(it.into_return_value(), Some(4));
        assert_eq!(Tree::<u8>::new().in_order().count(), 0);
    }
}
