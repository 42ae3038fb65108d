// Plain Rust tracks moves per field; a generator's state saves a local whole, so a field moved
// out by a `for` loop cannot stay behind for a later use of the other fields.
use coro_core::{generator, yield_};

struct Page {
    users: Vec<String>,
    next: Option<u32>,
}

fn fetch(c: u32) -> Page {
    Page { users: vec![format!("u{c}")], next: (c < 2).then_some(c + 1) }
}

#[generator(yield = String)]
fn all_users() {
    let mut cursor = Some(0);
    while let Some(c) = cursor {
        let page = fetch(c);
        for user in page.users {
            yield_!(user);
        }
        cursor = page.next;
    }
}

fn main() {
    let _ = all_users();
}
