//! The tutorial's synchronous potato generator:
//!
//! ```python
//! all_potatos = Potato.make(5)
//! def take_potatos(num):
//!     count = 0
//!     while True:
//!         if len(all_potatos) == 0:
//!             time.sleep(.1)
//!         else:
//!             potato = all_potatos.pop()
//!             yield potato
//!             count += 1
//!             if count == num:
//!                 break
//! def buy_potatos():
//!     bucket = []
//!     for p in take_potatos(50):
//!         bucket.append(p)
//! ```
//!
//! In the Python program nothing ever refills the empty stock, so it sleeps forever after five
//! potatoes; as the tutorial's async version does, we refill the stock (1 to 10 potatoes) when
//! it runs out, here synchronously after a short sleep.

use std::cell::RefCell;
use std::time::Duration;

use coro_core::{generator, yield_};

use crate::rng::Rng;

/// A potato with an identity (Python prints `id(p)`).
#[derive(Debug, PartialEq, Eq)]
pub struct Potato {
    pub id: u64,
}

/// The shared stock, and where new potatoes' ids come from.
#[derive(Debug)]
pub struct Stock {
    pub potatoes: Vec<Potato>,
    next_id: u64,
    rng: Rng,
    pub refills: u32,
}

impl Stock {
    pub fn new(initial: u64, seed: u64) -> Self {
        let mut s = Stock {
            potatoes: Vec::new(),
            next_id: 1,
            rng: Rng::new(seed),
            refills: 0,
        };
        s.make(initial);
        s
    }

    /// `Potato.make(num)`
    pub fn make(&mut self, num: u64) {
        for _ in 0..num {
            self.potatoes.push(Potato { id: self.next_id });
            self.next_id += 1;
        }
    }

    /// Refills the stock with a random number of potatoes in `1..=max`.
    pub fn refill(&mut self, max: u64) {
        let n = self.rng.range(1, max);
        self.make(n);
        self.refills += 1;
    }
}

/// Yields `num` potatoes from the shared stock, refilling it whenever it is empty.
#[generator(yield = Potato)]
pub fn take_potatoes<'a>(stock: &'a RefCell<Stock>, num: usize) {
    let mut count = 0;
    loop {
        if stock.borrow().potatoes.is_empty() {
            std::thread::sleep(Duration::from_millis(10));
            stock.borrow_mut().refill(10);
        } else {
            let potato = stock.borrow_mut().potatoes.pop().expect("not empty");
            yield_!(potato);
            count += 1;
            if count == num {
                break;
            }
        }
    }
}

/// `buy_potatos()`: fills a bucket with 50 potatoes.
pub fn buy_potatoes(stock: &RefCell<Stock>) -> Vec<Potato> {
    let mut bucket = Vec::new();
    for p in take_potatoes(stock, 50) {
        bucket.push(p);
    }
    bucket
}

pub fn main() {
    let stock = RefCell::new(Stock::new(5, 2024));
    let bucket = buy_potatoes(&stock);
    let ids: Vec<u64> = bucket.iter().map(|p| p.id).take(8).collect();
    println!("bought {} potatoes (first ids: {ids:?}...)", bucket.len());
    println!("the stock was refilled {} times", stock.borrow().refills);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buys_exactly_fifty_and_refills_when_empty() {
        let stock = RefCell::new(Stock::new(5, 7));
        let bucket = buy_potatoes(&stock);
        assert_eq!(bucket.len(), 50);
        // the first five come from the initial stock, newest first (Python's pop())
        assert_eq!(
            bucket[..5].iter().map(|p| p.id).collect::<Vec<_>>(),
            [5, 4, 3, 2, 1]
        );
        assert!(stock.borrow().refills >= 5);
        let mut ids: Vec<u64> = bucket.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 50, "no potato is taken twice");
    }
}
