//! A real use of `#[async_gen]`: lazily paginating an API.
//!
//! `all_users` hides the cursor bookkeeping and fetches a page only when the consumer has used
//! up the previous one, so taking the first 5 users fetches 2 pages, not all of them. An API
//! error ends the stream with an `Err` item (`?` in a fn returning `Result<(), E>`).
//!
//! Run with `cargo run -p coro-examples --bin async_paginate`.

use std::fmt;

use coro_core::{async_gen, for_await, yield_};
use futures::StreamExt;

#[derive(Debug)]
struct User {
    id: u32,
    name: String,
}

#[derive(Debug)]
struct ApiError(String);

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "API error: {}", self.0)
    }
}

struct Page {
    users: Vec<User>,
    next: Option<u32>,
}

/// A stand-in for an HTTP API: 3 users per page, 10 users, and page 3 fails if `flaky`.
struct Api {
    flaky: bool,
}

impl Api {
    async fn fetch(&self, cursor: u32) -> Result<Page, ApiError> {
        println!("  (fetching page {cursor})");
        tokio::task::yield_now().await; // the network round trip
        if self.flaky && cursor == 3 {
            return Err(ApiError("503 Service Unavailable".into()));
        }
        let first = cursor * 3;
        let users = (first..(first + 3).min(10))
            .map(|id| User {
                id,
                name: format!("user{id}"),
            })
            .collect();
        let next = (first + 3 < 10).then_some(cursor + 1);
        Ok(Page { users, next })
    }

    /// Every user, page after page, fetched on demand. The stream borrows `self`.
    #[async_gen(yield = User)]
    async fn all_users(&self) -> Result<(), ApiError> {
        let mut cursor = Some(0);
        while let Some(c) = cursor {
            let page = self.fetch(c).await?;
            for user in page.users {
                yield_!(user);
            }
            cursor = page.next;
        }
        Ok(())
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let api = Api { flaky: false };

    println!("first 5 users:");
    let first: Vec<_> = api.all_users().take(5).collect().await;
    for user in first {
        println!("{}", user.expect("no error").name);
    }

    println!("every user, until the API fails:");
    let flaky = Api { flaky: true };
    for_await!(user in flaky.all_users() {
        match user {
            Ok(User { id, name }) => println!("{id}: {name}"),
            Err(e) => println!("{e}"),
        }
    });
}
