//! The item emitted next to a failed expansion: the user's fn, type-checked with the markers
//! made inert, so the reported error is the only one (see [`generator_fallback`]).

use proc_macro2::{Delimiter, Group, Ident, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::parse::Parser;
use syn::punctuated::Punctuated;

use crate::args::Args;
use crate::signature;

/// The user's item for [`crate::diag::error_output`] after a failed `#[generator]` expansion: a fn with the
/// same attributes, name, parameters and (when the options parsed) the same
/// `impl Generator<R, Yield = Y, Return = Ret>` return type, whose body type-checks the user's
/// code with every `yield_!`/`yield_from!` made inert. So the reported error is the only one:
/// neither the body (locals, imports of the markers) nor the callers (`for x in gen()`) produce
/// follow-on errors, and rust-analyzer keeps resolving names and completing inside the body.
///
/// Input:  `#[generator(yield = u32)] fn f(n: u32) -> bool { yield_!(n); true }`
/// Output:
/// ```text
/// fn f(n: u32) -> impl Generator<(), Yield = u32, Return = bool> + Debug + FusedIterator<Item = u32> {
///     let _ = move || -> bool { { yield_!(@used); fallback_yield::<(), _>((n,)) }; true };
///     { struct __CoroFallback; impl StateInfo for __CoroFallback { .. }
///       machine::<(), u32, bool, _, _>(__CoroFallback, |_, _| unreachable!()) }
/// }
/// ```
/// Qualifiers that the attribute rejected (`const`, `extern "C"`, `...`) are dropped, and a body
/// that `.await`s (also through `for_await!`) is wrapped in an `async` block rather than a closure,
/// so that none of them produces a second error.
pub fn generator_fallback(item: &TokenStream, args: Option<&Args>) -> TokenStream {
    let krate = args.map_or_else(|| quote!(::coro_core), |a| a.krate.clone());
    let item = &python_yields_as_markers(item, &krate);
    let resume = args.map(|a| {
        a.resume_ty
            .as_ref()
            .map_or_else(|| quote!(()), ToTokens::to_token_stream)
    });
    fallback(item.clone(), &krate, resume.as_ref(), args)
}

/// The user's item for [`crate::diag::error_output`] after a failed `#[async_gen]` expansion, like
/// [`generator_fallback`]: the fn keeps its stream return type (when the options parsed), so
/// `for_await!(x in f())` in callers produces no follow-on error, and its body is type-checked
/// inside an `async move` block with the markers made inert (`yield_!(e)` evaluates to `()`).
///
/// Input:  `#[async_gen(yield = u32)] async fn f(n: u32) { yield_!(n); }`
/// Output:
/// ```text
/// fn f(n: u32) -> impl FusedStream<Item = u32> + Debug {
///     let _ = async move { let __coro_v: () = { { yield_!(@used); fallback_yield::<(), _>((n,)) }; }; __coro_v };
///     async_gen::<u32, (), _, _>(|_: Yielder<u32>| async {})
/// }
/// ```
/// An `-> Result<(), E>` fn streams `Result<Y, E>` items; with any other (rejected) return type
/// the item type is `Y`.
pub fn async_gen_fallback(item: &TokenStream, args: Option<&Args>) -> TokenStream {
    let krate = args.map_or_else(|| quote!(::coro_core), |a| a.krate.clone());
    let item = &python_yields_as_markers(item, &krate);
    // `resume = R`: the markers evaluate to `R`, and the fn returns an async generator.
    let resume = args
        .and_then(|a| a.resume_ty.as_ref())
        .map_or_else(|| quote!(()), ToTokens::to_token_stream);
    let Ok(mut func) = syn::parse2::<syn::ItemFn>(item.clone()) else {
        return inert_markers(item.clone(), &krate, Some(&resume));
    };
    let attrs = std::mem::take(&mut func.attrs);
    let vis = func.vis.clone();
    let sig = &mut func.sig;
    drop_rejected_qualifiers(sig);
    let body = inert_body(&func.block, &krate, Some(&resume));
    let Some(args) = args else {
        return quote!(#(#attrs)* #vis #sig #body);
    };
    let ret = signature::return_type(sig);
    if args.resume_ty.is_some() {
        return async_generator_fallback(args, &attrs, &vis, sig, &body, &ret);
    }
    let y = &args.yield_ty;
    // `Result<(), E>` (any path ending in `Result`): the items are `Result<Y, E>`.
    let item_ty = match &sig.output {
        syn::ReturnType::Type(_, ty) => match &**ty {
            syn::Type::Path(p)
                if p.qself.is_none()
                    && p.path.segments.last().is_some_and(|s| s.ident == "Result") =>
            {
                let mut p = p.clone();
                if let Some(syn::PathArguments::AngleBracketed(a)) =
                    p.path.segments.last_mut().map(|s| &mut s.arguments)
                    && let Some(first) = a.args.first_mut()
                {
                    *first = syn::GenericArgument::Type(y.clone());
                }
                p.to_token_stream()
            }
            _ => y.to_token_stream(),
        },
        syn::ReturnType::Default => y.to_token_stream(),
    };
    sig.asyncness = None;
    let impl_token = Ident::new("impl", Span::mixed_site());
    sig.output = syn::parse_quote!(
        -> #impl_token #krate::__private::FusedStream<Item = #item_ty> + ::core::fmt::Debug
    );
    let value = typed_async_body(&body, &ret);
    quote! {
        #(#attrs)*
        #[allow(refining_impl_trait, unused_variables, unused_mut, unreachable_code)]
        #vis #sig {
            let _ = #value;
            #krate::__private::async_gen::<#item_ty, (), _, _>(
                |_: #krate::__private::Yielder<#item_ty>| async {},
            )
        }
    }
}

/// The inert body as an `async move` block, its value annotated with the return type when the
/// body can name it (so a wrong tail value is still reported once).
fn typed_async_body(body: &TokenStream, ret: &TokenStream) -> TokenStream {
    let v = Ident::new("__coro_v", Span::mixed_site());
    if signature::nameable_in_body(ret) {
        quote!(async move { let #v: #ret = #body; #v })
    } else {
        quote!(async move #body)
    }
}

/// A state type for a fallback's machine, always `Poisoned` (the machine never runs).
pub fn inert_state(krate: &TokenStream, state: &Ident, name: &str) -> TokenStream {
    quote! {
        struct #state;
        impl #krate::__private::StateInfo for #state {
            const NAME: &'static str = #name;
            fn status(&self) -> #krate::__private::GeneratorStatus {
                #krate::__private::GeneratorStatus::Poisoned
            }
            fn close(&mut self) {}
        }
    }
}

/// [`async_gen_fallback`] for `resume = R`: the body type-checked in an async block that never
/// runs, and an async generator of the declared types.
fn async_generator_fallback(
    args: &Args,
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    sig: &mut syn::Signature,
    body: &TokenStream,
    ret: &TokenStream,
) -> TokenStream {
    let krate = &args.krate;
    let y = &args.yield_ty;
    // `resume = &[u8]` was refused; `'static` keeps rustc from adding E0106 to that error.
    let r = match args.resume_ty.as_ref().and_then(signature::lent_reference) {
        Some((true, inner)) => quote!(&'static mut #inner),
        Some((false, inner)) => quote!(&'static #inner),
        None => args.resume_ty.to_token_stream(),
    };
    sig.asyncness = None;
    let impl_token = Ident::new("impl", Span::mixed_site());
    sig.output = syn::parse_quote!(
        -> #impl_token #krate::AsyncGenerator<#r, Yield = #y, Return = #ret> + ::core::fmt::Debug
    );
    let state = Ident::new("__CoroFallback", Span::mixed_site());
    let state_item = inert_state(krate, &state, "async_gen");
    let value = typed_async_body(body, ret);
    quote! {
        #(#attrs)*
        #[allow(refining_impl_trait, unused_variables, unused_mut, unreachable_code)]
        #vis #sig {
            let _ = #value;
            #state_item
            #krate::__private::async_generator::<#r, #y, #ret, _, _, _>(
                #state,
                (),
                |_: &mut #state, _, _: ::core::pin::Pin<&mut ()>, _: &mut ::core::task::Context<'_>| ::core::unreachable!(),
            )
        }
    }
}

fn fallback(
    item: TokenStream,
    krate: &TokenStream,
    resume: Option<&TokenStream>,
    args: Option<&Args>,
) -> TokenStream {
    let Ok(mut func) = syn::parse2::<syn::ItemFn>(item.clone()) else {
        return inert_markers(item, krate, resume);
    };
    let attrs = std::mem::take(&mut func.attrs);
    let vis = func.vis.clone();
    let sig = &mut func.sig;
    drop_rejected_qualifiers(sig);
    let awaits = sig.asyncness.is_none() && crate::scan::block_awaits(&func.block);
    let body = inert_body(&func.block, krate, resume);
    let ret = signature::return_type(sig);
    let nameable_ret = signature::nameable_in_body(&ret);
    let allow = quote!(#[allow(unused_variables, unused_mut, unreachable_code)]);
    let wrapped = || {
        let v = Ident::new("__coro_v", Span::mixed_site());
        match (awaits, nameable_ret) {
            (true, true) => quote!(async move { let #v: #ret = #body; #v }),
            (true, false) => quote!(async move #body),
            (false, true) => quote!(move || -> #ret #body),
            (false, false) => quote!(move || #body),
        }
    };
    match args {
        Some(args) if sig.asyncness.is_none() => {
            let opaque = signature::opaque_return(args, &ret);
            sig.output = syn::parse_quote!(-> #opaque);
            let value = wrapped();
            let state = Ident::new("__CoroFallback", Span::mixed_site());
            let state_item = inert_state(krate, &state, &sig.ident.to_string());
            let nameable = |t: TokenStream| {
                if signature::nameable_in_body(&t) {
                    t
                } else {
                    quote!(_)
                }
            };
            let (r, y, ret) = (
                resume.cloned().unwrap_or_else(|| quote!(())),
                nameable(args.yield_ty.to_token_stream()),
                nameable(ret),
            );
            let lent = args.resume_ty.as_ref().and_then(signature::lent_reference);
            let build = match &args.throw_ty {
                None if lent.is_some() => {
                    let (is_mut, inner) = lent.expect("checked");
                    let ctor = if is_mut {
                        quote!(machine_lent_mut)
                    } else {
                        quote!(machine_lent)
                    };
                    quote!(#krate::__private::#ctor::<#inner, #y, #ret, _, _>)
                }
                None => quote!(#krate::__private::machine::<#r, #y, #ret, _, _>),
                Some(e) => quote!(#krate::__private::throwing_machine::<#r, #e, #y, #ret, _, _>),
            };
            quote! {
                #(#attrs)*
                #[allow(refining_impl_trait)]
                #allow
                #vis #sig {
                    let _ = #value;
                    #state_item
                    #build(#state, |_: &mut #state, _| ::core::unreachable!())
                }
            }
        }
        _ if awaits => {
            let value = wrapped();
            let ret = if nameable_ret { ret } else { quote!(_) };
            quote! {
                #(#attrs)*
                #allow
                #vis #sig {
                    let _ = #value;
                    #krate::__private::fallback_yield::<#ret, _>(())
                }
            }
        }
        _ => quote!(#(#attrs)* #vis #sig #body),
    }
}

/// The fn's block with its markers made inert; the block as written if a marker stood where a
/// block expression cannot (a pattern, a type: `let yield_!() = ..`), which the expansion
/// reported.
pub(crate) fn inert_body(
    block: &syn::Block,
    krate: &TokenStream,
    resume: Option<&TokenStream>,
) -> TokenStream {
    let body = inert_markers(block.to_token_stream(), krate, resume);
    if syn::parse2::<syn::Block>(body.clone()).is_ok() {
        body
    } else {
        block.to_token_stream()
    }
}

/// Every `[path::]yield_!(args)` / `yield_from!(args)` in `tokens` (at any depth, inside other
/// macros too) becomes a block that keeps the user's import of the marker used and type-checks
/// `args` as a plain expression:
/// - `yield_!(e)` -> `{ yield_!(@used); fallback_yield::<R, _>((e,)) }`, an expression of the
///   resume type `R`;
/// - `yield_from!(g)` -> `{ yield_from!(@used); fallback_yield_from::<R, _>(g) }`, of `g`'s
///   return type.
///
/// When `R` is unknown (the options did not parse), a marker used as a statement becomes
/// `{ yield_!(@used); let _ = (e,); }` and one used as a value `fallback_yield::<_, _>((e,))`,
/// which rustc infers from the context.
fn inert_markers(
    tokens: TokenStream,
    krate: &TokenStream,
    resume: Option<&TokenStream>,
) -> TokenStream {
    inert_markers_typed(tokens, krate, resume, None)
}

/// [`inert_markers`], where a `yield_!(e)` with a known yield type `Y` checks `e` as one
/// (`fallback_yield::<R, (Y,)>((e,))`), as the expansion does: `yield_!("x".into())`.
#[allow(clippy::too_many_lines)] // one token walk: its cases read best together
pub(crate) fn inert_markers_typed(
    tokens: TokenStream,
    krate: &TokenStream,
    resume: Option<&TokenStream>,
    yield_ty: Option<&TokenStream>,
) -> TokenStream {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(tts.len());
    let mut i = 0;
    while i < tts.len() {
        let marker = match &tts[i] {
            TokenTree::Ident(id) if id == "yield_" || id == "yield_catch" => {
                Some((false, id.clone()))
            }
            TokenTree::Ident(id) if id == "yield_from" => Some((true, id.clone())),
            _ => None,
        };
        let bang = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        let args = match tts.get(i + 2) {
            Some(TokenTree::Group(g)) if g.delimiter() != Delimiter::None => Some(g.clone()),
            _ => None,
        };
        let (Some((is_from, ident)), true, Some(args)) = (marker, bang, args) else {
            match &tts[i] {
                TokenTree::Group(g) => {
                    let mut ng = Group::new(
                        g.delimiter(),
                        inert_markers_typed(g.stream(), krate, resume, yield_ty),
                    );
                    ng.set_span(g.span());
                    out.push(TokenTree::Group(ng));
                }
                other => out.push(other.clone()),
            }
            i += 1;
            continue;
        };
        // The path the user wrote (`coro_core::`, `::coro_core::`), kept for the `@used` call.
        let mut start = out.len();
        while start >= 2
            && matches!(&out[start - 1], TokenTree::Punct(p) if p.as_char() == ':')
            && matches!(&out[start - 2], TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        {
            start -= 2;
            if start >= 1 && matches!(&out[start - 1], TokenTree::Ident(_)) {
                start -= 1;
            }
        }
        let path: TokenStream = out.drain(start..).collect();
        let mut inner: Vec<TokenTree> = inert_markers_typed(args.stream(), krate, resume, yield_ty)
            .into_iter()
            .collect();
        if matches!(inner.last(), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
            inner.pop();
        }
        let mut inner: TokenStream = inner.into_iter().collect();
        // Arguments that are not expressions were reported by the expansion; repeating them
        // would make the whole fallback item fail to parse.
        let parses = if is_from {
            syn::parse2::<syn::Expr>(inner.clone()).is_ok()
        } else {
            Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated
                .parse2(inner.clone())
                .is_ok()
        };
        if !parses {
            inner = TokenStream::new();
        }
        let statement = matches!(tts.get(i + 3), Some(TokenTree::Punct(p)) if p.as_char() == ';');
        let used = quote!(#path #ident!(@used););
        let value = match (is_from, resume) {
            (_, None) if statement => {
                if inner.is_empty() {
                    quote!()
                } else {
                    quote!(let _ = (#inner,);)
                }
            }
            (true, Some(r)) if !inner.is_empty() => {
                quote!(#krate::__private::fallback_yield_from::<#r, _>(#inner))
            }
            (_, r) => {
                let r = r.cloned().unwrap_or_else(|| quote!(_));
                // `yield_catch!` evaluates to a `Result` (its error type unknown here: none).
                let r = if ident == "yield_catch" {
                    quote!(::core::result::Result<#r, ::core::convert::Infallible>)
                } else {
                    r
                };
                let (inner, y) = match yield_ty {
                    _ if inner.is_empty() => (quote!(()), quote!(_)),
                    Some(y) if !is_from => (quote!((#inner,)), quote!((#y,))),
                    _ => (quote!((#inner,)), quote!(_)),
                };
                quote!(#krate::__private::fallback_yield::<#r, #y>(#inner))
            }
        };
        let mut g = Group::new(Delimiter::Brace, quote!(#used #value));
        g.set_span(args.span());
        if statement {
            out.push(TokenTree::Group(g));
        } else {
            // A block is not an operand everywhere (`yield_!(x).len()` at the start of a
            // statement, `let p = yield_!() else { .. }`): parenthesize it. The parentheses carry
            // a span of this macro, so `unused_parens` leaves them alone.
            let mut p = Group::new(
                Delimiter::Parenthesis,
                TokenStream::from(TokenTree::Group(g)),
            );
            p.set_span(Span::mixed_site().located_at(args.span()));
            out.push(TokenTree::Group(p));
        }
        i += 3;
    }
    out.into_iter().collect()
}

/// Python-style `yield e` (reported by `scan::check_body`) becomes `krate::yield_!(e)`, which
/// [`inert_markers`] then makes inert: rustc's own errors about the unstable `yield` expression
/// would otherwise follow ours.
fn python_yields_as_markers(item: &TokenStream, krate: &TokenStream) -> TokenStream {
    struct Rewrite<'a>(&'a TokenStream);
    impl syn::visit_mut::VisitMut for Rewrite<'_> {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            if let syn::Expr::Yield(y) = e {
                let krate = self.0;
                let span = y.yield_token.span;
                let value = y.expr.as_ref().map(ToTokens::to_token_stream);
                let ident = Ident::new("yield_", span);
                *e = syn::parse_quote!(#krate::#ident!(#value));
            }
        }
    }
    let Ok(mut func) = syn::parse2::<syn::ItemFn>(item.clone()) else {
        return item.clone();
    };
    syn::visit_mut::VisitMut::visit_item_fn_mut(&mut Rewrite(krate), &mut func);
    func.into_token_stream()
}

/// Removes the qualifiers the attribute rejected (`const`, `extern "C"`, a variadic `...`), so
/// that the fallback item does not produce a second error about them.
fn drop_rejected_qualifiers(sig: &mut syn::Signature) {
    sig.constness = None;
    sig.abi = None;
    if sig.variadic.take().is_some() {
        sig.inputs = std::mem::take(&mut sig.inputs).into_iter().collect();
    }
}
