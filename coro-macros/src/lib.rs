//! Procedural macros of `coro-core`. Depend on `coro-core`, which re-exports them.
//!
//! Data flows one way: tokens -> syn AST -> (scan, lower) -> state graph -> tokens.

mod args;
mod async_gen;
mod diag;
mod emit;
mod for_await;
mod generator;
mod lower;
mod scan;
mod signature;

#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod snapshot_tests;

use proc_macro::TokenStream;

/// Turns a fn whose body uses `yield_!` into a generator. See `coro_core::generator`.
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    generator::expand(args.into(), item.into()).into()
}

/// Turns an `async fn` whose body uses `yield_!` into a `Stream`. See `coro_core::async_gen`.
#[proc_macro_attribute]
pub fn async_gen(args: TokenStream, item: TokenStream) -> TokenStream {
    async_gen::expand(args.into(), item.into()).into()
}

/// `for_await!(pat in stream { body })`: Python's `async for`. See `coro_core::for_await`.
#[proc_macro]
pub fn for_await(input: TokenStream) -> TokenStream {
    for_await::expand(input.into()).into()
}
