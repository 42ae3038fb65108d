//! Procedural macros of `coro-core`. Depend on `coro-core`, which re-exports them.
//!
//! Data flows one way: tokens -> syn AST -> (scan, lower) -> state graph -> tokens.

mod args;
mod async_gen;
mod block;
mod cfg;
mod diag;
mod emit;
mod fallback;
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

/// `gen_block!(yield = Y [, resume = R] [, ..] => { body })`: a generator as an expression,
/// capturing like a `move` closure. See `coro_core::gen_block`.
#[proc_macro]
pub fn gen_block(input: TokenStream) -> TokenStream {
    block::expand::gen_block(&input.into()).into()
}

/// `async_gen_block!(yield = Y [, return = Result<(), E>] => { body })`: a `Stream` as an
/// expression, an `async move` block that yields. See `coro_core::async_gen_block`.
#[proc_macro]
pub fn async_gen_block(input: TokenStream) -> TokenStream {
    block::expand::async_gen_block(&input.into()).into()
}

/// `for_await!(pat in stream { body })`: Python's `async for`. See `coro_core::for_await`.
#[proc_macro]
pub fn for_await(input: TokenStream) -> TokenStream {
    for_await::expand(input.into()).into()
}

/// Not public API: one `#[cfg]` predicate of a body, decided by rustc (see `cfg.rs`).
#[doc(hidden)]
#[proc_macro]
pub fn __cfg_resolved(input: TokenStream) -> TokenStream {
    let input: proc_macro2::TokenStream = input.into();
    if let Some(expanded) = block::cfg::resolve(&input) {
        return expanded.into();
    }
    match cfg::resolve(input) {
        Ok(cfg::Resolved { kind, args, item }) => match kind {
            args::Kind::Generator => generator::expand(args, item),
            args::Kind::AsyncGen => async_gen::expand(args, item),
        }
        .into(),
        Err(err) => err.to_compile_error().into(),
    }
}
