//! `#[async_gen]`'s enum path: the body lowered by `#[generator]`'s passes, with each `.await`
//! one more suspension point (`lower/await_point.rs`), driven by coro-core's `AsyncMachine`.
//!
//! Input:
//! ```text
//! #[async_gen(yield = u64)]
//! async fn ticks(n: u64) { for i in 0..n { sleep(MS).await; yield_!(i); } }
//! ```
//! Output (the signature as the async-block path makes it):
//! ```text
//! fn ticks(n: u64) -> impl FusedStream<Item = u64> + Debug {
//!     enum ticks<T0, T1> { Start { n: T0 }, Yield1 { i: T0, iter: T1 }, Await0 { .. }, Done, Poisoned }
//!     async_machine::<u64, (), _, _, _>(ticks::Start { n }, Awaiting::None,
//!         |state, resume, mut awaiting: Pin<&mut Awaiting<_, ()>>, cx| { /* the arms */ })
//! }
//! ```

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::args::Args;
use crate::generator::{self, AsyncShape};
use crate::lower::Awaits;

use super::Output;

/// The stream expression and the signature it needs (parameters with patterns become hidden
/// names bound in the `Start` arm), or `None` when the body needs the async-block path: it
/// borrows its own locals in a way the lowering detects, or the lowering cannot take it.
pub fn stream(
    args: &Args,
    sig: &syn::Signature,
    body: &syn::Block,
    out: &Output,
) -> syn::Result<(syn::Signature, TokenStream)> {
    let mut body = body.clone();
    let y = &args.yield_ty;
    let y = quote!(#y);
    let result_yield =
        (out.result && crate::signature::nameable_in_body(&y)).then_some((&y, &args.krate));
    let marked = super::marks::mark(&mut body, result_yield);
    let mut func = syn::ItemFn {
        attrs: Vec::new(),
        vis: syn::Visibility::Inherited,
        sig: syn::Signature {
            asyncness: None,
            ..sig.clone()
        },
        block: Box::new(body),
    };
    let item = &out.item;
    let shape = AsyncShape {
        item: quote!(#item),
        awaits: Awaits {
            slot: Ident::new("__coro_awaiting", Span::mixed_site()),
            cx: Ident::new("__coro_cx", Span::mixed_site()),
            levels: marked.levels,
            next_sources: marked.next_sources,
            result: out.result,
            generator: args.resume_ty.is_some(),
        },
    };
    // For a stream, a lowering error (a self-borrow it detects, a shape it refuses) means: take
    // the other path, whose own checks and rustc report whatever is really wrong.
    let analysis = generator::analyze_with(args, &mut func, Some(shape))?;
    if analysis.graph.awaits_lowered != marked.markers {
        return Err(syn::Error::new(
            sig.ident.span(),
            "coro could not lower this body's awaits (a bug in coro, please report it)",
        ));
    }
    let name = sig.ident.to_string();
    let machine = generator::emit(args, analysis, name);
    Ok((func.sig, quote!({ #machine })))
}
