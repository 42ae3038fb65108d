use coro_core::{generator, yield_, yield_from};

struct Tree {
    value: u32,
    children: Vec<Tree>,
}

#[generator(yield = u32)]
fn walk(t: &Tree) {
    yield_!(t.value);
    for c in &t.children {
        yield_from!(walk(c));
    }
}

fn main() {
    let t = Tree { value: 1, children: Vec::new() };
    for v in walk(&t) {
        println!("{v}");
    }
}
