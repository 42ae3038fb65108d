//! Unit tests of the body passes on token input.
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::Block;

use super::body::{Rewriter, check_macro_tokens, expand_for_await};
use crate::diag::Ctxt;

fn rewriter_output(tokens: &TokenStream, result: bool) -> String {
    let cx = Ctxt::new();
    let krate = quote!(::coro_core);
    let rw = Rewriter {
        cx: &cx,
        krate: &krate,
        yielder: Ident::new("y", Span::call_site()),
        result,
    };
    let out = rw.subst(tokens).to_string();
    assert!(cx.check().is_ok());
    out
}

#[test]
fn subst_rewrites_markers_at_any_depth_and_with_paths() {
    let out = rewriter_output(
        &quote!(println!("{}", f(yield_!(a + 1), coro_core::yield_!()))),
        false,
    );
    assert_eq!(
        out,
        quote!(println!("{}", f(y.yield_(a + 1).await, y.yield_(()).await))).to_string()
    );
    let out = rewriter_output(&quote!(vec![::coro_core::yield_!(x)]), true);
    assert_eq!(out, quote!(vec![y.yield_ok(x).await]).to_string());
}

#[test]
fn subst_leaves_other_tokens_alone() {
    let input = quote!(yield_ + 1, yield_from, a::yield_::b!(c), yield_![]);
    let out = rewriter_output(&input, false);
    // `yield_![]` is a marker call too (any delimiter), the rest is not.
    assert!(out.starts_with(&quote!(yield_ + 1, yield_from, a::yield_::b!(c),).to_string()));
    assert!(out.ends_with(&quote!(y.yield_(()).await).to_string()));
}

#[test]
fn subst_reports_bad_arguments() {
    let cx = Ctxt::new();
    let krate = quote!(::coro_core);
    let rw = Rewriter {
        cx: &cx,
        krate: &krate,
        yielder: Ident::new("y", Span::call_site()),
        result: false,
    };
    let _ = rw.subst(&quote!(f(yield_!(a, b), yield_from!())));
    let err = cx.check().unwrap_err();
    let messages: Vec<_> = err.into_iter().map(|e| e.to_string()).collect();
    assert!(
        messages.iter().any(|m| m.contains("takes one expression")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("needs a stream")),
        "{messages:?}"
    );
}

#[test]
fn for_await_is_expanded_in_place_and_its_path_recorded() {
    let cx = Ctxt::new();
    let mut block: Block = syn::parse_quote!({
        coro_core::for_await!(x in s { yield_!(x) });
    });
    let paths = expand_for_await(&cx, &mut block, &quote!(::coro_core));
    assert!(cx.check().is_ok());
    assert_eq!(paths.len(), 1);
    let text = block.to_token_stream().to_string();
    assert!(text.contains("loop"), "{text}");
    assert!(text.contains("yield_ ! (x)"), "{text}");
    assert!(!text.contains("for_await"), "{text}");
}

#[test]
fn markers_in_async_blocks_inside_macros_are_reported() {
    let cx = Ctxt::new();
    let block: Block = syn::parse_quote!({
        join!(async { yield_!(1) }, other);
    });
    check_macro_tokens(&cx, &block);
    let err = cx.check().unwrap_err().to_string();
    assert!(err.contains("async block"), "{err}");
}
