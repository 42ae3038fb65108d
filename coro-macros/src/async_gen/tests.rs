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

/// Which path a body takes, and why (`path::check`).
mod which_path {
    use super::super::path::{Path, check};
    use quote::quote;

    fn path_of(body: &proc_macro2::TokenStream) -> Result<(), &'static str> {
        let block: syn::Block = syn::parse2(quote!({ #body })).expect("a block");
        match check(&block, &["this".to_string()]) {
            Path::Enum => Ok(()),
            Path::AsyncBlock(why, _) => Err(why),
        }
    }

    #[test]
    fn futures_that_own_what_they_name_take_the_enum_path() {
        assert_eq!(path_of(&quote!(yield_!(1);)), Ok(()));
        assert_eq!(
            path_of(&quote! {
                let d = sleep(Duration::from_millis(ms)).await;
                yield_!(fetch(self.id, url.clone(), v[i], *r, (a, b), [c], S { x }).await?);
                let f = async move { g(&x).await };
                f.await;
                yield_!(format!("{x}"));
                println!("{}", d);
                let e = after(2, f(g(1).await, { yield_!(2); 3 }, if c { h().await } else { 0 })).await;
            }),
            Ok(())
        );
    }

    #[test]
    fn loops_over_owned_streams_take_the_enum_path() {
        assert_eq!(
            path_of(&quote! {
                for_await!('l: x in numbers(n) {
                    'inner: loop { if x > 1 { break 'inner; } continue 'l; }
                    for_await!(y in more(x) { if y { break; } yield_!(fetch(y).await?); });
                });
                yield_from!(other(n));
            }),
            Ok(())
        );
    }

    #[test]
    fn borrowing_futures_and_hidden_awaits_take_the_async_block_path() {
        let borrow = Err("an awaited future that may borrow a local");
        assert_eq!(path_of(&quote!(rx.recv().await;)), borrow);
        // A shared-reference parameter borrows what lives outside the stream; once shadowed, it
        // may be a local.
        assert_eq!(
            path_of(&quote!(this.fetch(n).await; this.pool.get().await;)),
            Ok(())
        );
        assert_eq!(
            path_of(&quote!(let this = make(); this.fetch(n).await;)),
            borrow
        );
        assert_eq!(path_of(&quote!(read(&mut buf).await;)), borrow);
        assert_eq!(path_of(&quote!(make().run().await;)), borrow);
        assert_eq!(path_of(&quote!(f(s.as_str()).await;)), borrow);
        assert_eq!(path_of(&quote!(f({ let v = 1; &x }).await;)), borrow);
        assert_eq!(path_of(&quote!(yield_!(rx.recv().await);)), borrow);
        assert_eq!(
            path_of(&quote!(let (a, b) = join!(f(), g());)),
            Err("a macro that may expand to an `.await`")
        );
        assert_eq!(
            path_of(&quote!(println!("{}", f().await);)),
            Err("an `.await` inside a macro's arguments")
        );
        assert_eq!(
            path_of(&quote!(for_await!(x in &mut s { yield_!(x) });)),
            Err("a stream that may borrow a local")
        );
        assert_eq!(
            path_of(&quote!('outer: loop {
                for_await!(x in s { if x { break 'outer; } });
            })),
            Err("a `break`/`continue` out of a `for_await!` body to an outer label")
        );
        assert_eq!(
            path_of(&quote!(let c = || n + 1; yield_!(c());)),
            Err("a closure that is not `move`")
        );
        assert_eq!(
            path_of(&quote!(let f = async { n }; yield_!(f.await);)),
            Err("an async block that is not `move`")
        );
    }
}
