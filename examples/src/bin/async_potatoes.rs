//! The seed's async potato generator (Python: `async def take_potatos(num)` with `yield` and
//! `await`, consumed with `async for`).
//!
//! A shared stock of potatoes is refilled, after a short (pseudo-random) wait, whenever it runs
//! empty. First one buyer takes 50 potatoes; then a potato buyer and a tomato buyer take 10 each,
//! concurrently, from one shared stock.
//!
//! Run with `cargo run -p coro-examples --bin async_potatoes`.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use coro_core::{async_gen, for_await, yield_};

/// Python's `Potato` objects were told apart by `id(p)`; ours carry a serial number.
#[derive(Debug)]
struct Potato {
    id: u32,
}

/// The shared stock (Python's global `all_potatos`), plus a tiny deterministic PRNG standing
/// in for Python's `random` module.
struct Stock {
    potatoes: RefCell<Vec<Potato>>,
    made: Cell<u32>,
    seed: Cell<u64>,
}

impl Stock {
    fn new(initial: u32) -> Self {
        let stock = Stock {
            potatoes: RefCell::new(Vec::new()),
            made: Cell::new(0),
            seed: Cell::new(42),
        };
        stock.make(initial);
        stock
    }

    /// Python: `all_potatos.extend(Potato.make(n))`.
    fn make(&self, n: u32) {
        let mut potatoes = self.potatoes.borrow_mut();
        for _ in 0..n {
            self.made.set(self.made.get() + 1);
            potatoes.push(Potato {
                id: self.made.get(),
            });
        }
    }

    /// A number in `lo..=hi` (xorshift64: plenty for a demo, and the output is reproducible).
    fn random(&self, lo: u64, hi: u64) -> u64 {
        let mut x = self.seed.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.seed.set(x);
        lo + x % (hi - lo + 1)
    }
}

/// Python: `async def ask_for_potato(): await asyncio.sleep(random.random()); all_potatos.extend(...)`.
async fn ask_for_potato(stock: &Stock, most: u64) {
    tokio::time::sleep(Duration::from_millis(stock.random(1, 50))).await;
    stock.make(u32::try_from(stock.random(1, most)).expect("small"));
}

/// Python: `async def take_potatos(num)`, an async generator. The stream borrows `stock`
/// across its awaits and yields.
#[async_gen(yield = Potato)]
async fn take_potatos(stock: &Stock, num: usize, most: u64) {
    let mut count = 0;
    loop {
        // `while`, not Python's `if`: with two buyers, the other one may empty the stock while
        // this one waits (in Python that race ends in `IndexError: pop from empty list`).
        while stock.potatoes.borrow().is_empty() {
            ask_for_potato(stock, most).await;
        }
        let potato = stock.potatoes.borrow_mut().pop().expect("not empty");
        yield_!(potato);
        count += 1;
        if count == num {
            break;
        }
    }
}

/// Python: `async for p in take_potatos(50): bucket.append(p); print(f'Got potato {id(p)}...')`.
async fn buy_potatos(stock: &Stock, bucket: &RefCell<Vec<Potato>>, num: usize, most: u64) {
    for_await!(p in take_potatos(stock, num, most) {
        println!("Got potato {}...", p.id);
        bucket.borrow_mut().push(p);
    });
}

async fn buy_tomatos(stock: &Stock, bucket: &RefCell<Vec<Potato>>, num: usize, most: u64) {
    for_await!(p in take_potatos(stock, num, most) {
        println!("Got tomato {}...", p.id);
        bucket.borrow_mut().push(p);
    });
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // First program: 5 potatoes in stock, refills of 1 to 10.
    let stock = Stock::new(5);
    let bucket = RefCell::new(Vec::new());
    buy_potatos(&stock, &bucket, 50, 10).await;
    println!("bucket: {} potatoes", bucket.borrow().len());

    // Second program: 2 in stock, refills of 1 to 3, two buyers at once
    // (Python: `loop.run_until_complete(asyncio.wait([buy_potatos(), buy_tomatos()]))`).
    let stock = Stock::new(2);
    let bucket = RefCell::new(Vec::new());
    tokio::join!(
        buy_potatos(&stock, &bucket, 10, 3),
        buy_tomatos(&stock, &bucket, 10, 3)
    );
    println!("bucket: {} potatoes and tomatoes", bucket.borrow().len());
}
