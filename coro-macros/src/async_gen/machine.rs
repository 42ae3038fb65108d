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

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use crate::args::Args;
use crate::generator::{self, AsyncShape};
use crate::lower::Awaits;
use crate::lower::await_point::AWAIT_MARKER;

use super::Output;

/// The stream expression and the signature it needs (parameters with patterns become hidden
/// names bound in the `Start` arm), or `None` when the body needs the async-block path: it
/// borrows its own locals in a way the lowering detects, or the lowering cannot take it.
pub fn stream(
    args: &Args,
    sig: &syn::Signature,
    body: &syn::Block,
    out: &Output,
    awaits: usize,
) -> syn::Result<(syn::Signature, TokenStream)> {
    let mut body = body.clone();
    let mut marked = MarkAwaits(0);
    marked.visit_block_mut(&mut body);
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
            count: awaits,
            result: out.result,
            generator: args.resume_ty.is_some(),
        },
    };
    // For a stream, a lowering error (a self-borrow it detects, a shape it refuses) means: take
    // the other path, whose own checks and rustc report whatever is really wrong.
    let analysis = generator::analyze_with(args, &mut func, Some(shape))?;
    if analysis.graph.awaits_lowered != awaits || marked.0 != awaits {
        return Err(syn::Error::new(
            sig.ident.span(),
            "coro could not lower this body's awaits (a bug in coro, please report it)",
        ));
    }
    let name = sig.ident.to_string();
    let machine = generator::emit(args, analysis, name);
    Ok((func.sig, quote!({ #machine })))
}

/// Desugar from `operand.await` into `__coro_await!(operand)`, outside closures, async blocks
/// and items (their awaits are their own), innermost first.
struct MarkAwaits(usize);

impl VisitMut for MarkAwaits {
    // A `yield_!`'s value is part of the body (`yield_!(fetch(i).await)`).
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if crate::scan::yield_kind(&mac.path) == Some(crate::scan::YieldKind::Yield)
            && let Ok(mut value) = mac.parse_body::<syn::Expr>()
        {
            self.visit_expr_mut(&mut value);
            mac.tokens = quote!(#value);
        }
    }
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        visit_mut::visit_expr_mut(self, e);
        let syn::Expr::Await(aw) = e else {
            return;
        };
        self.0 += 1;
        let base = &aw.base;
        // The marker spans the user's `operand.await`, so `Debug` and errors show it.
        let path = Ident::new(AWAIT_MARKER, aw.span());
        let mut group = Group::new(Delimiter::Parenthesis, TokenStream::new());
        group.set_span(aw.await_token.span());
        let mac = syn::Macro {
            path: path.into(),
            bang_token: syn::Token![!](aw.await_token.span()),
            delimiter: syn::MacroDelimiter::Paren(syn::token::Paren {
                span: group.delim_span(),
            }),
            tokens: quote!(#base),
        };
        *e = syn::Expr::Macro(syn::ExprMacro {
            attrs: std::mem::take(&mut aw.attrs),
            mac,
        });
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
