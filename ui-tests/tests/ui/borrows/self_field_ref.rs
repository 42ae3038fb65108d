use coro_core::{generator, yield_};

struct Bag {
    items: Vec<u32>,
}

impl Bag {
    #[generator(yield = u32)]
    fn drain_all(self) {
        for x in self.items.iter() {
            yield_!(*x);
        }
    }
}

fn main() {
    let _ = Bag { items: vec![1] }.drain_all();
}
