//! Expanding the block forms into the attributes' machines.
//!
//! `gen_block!(yield = u32 => { for x in v { yield_!(x + k) } })`, with captures `v` and `k`,
//! is lowered as the fn `fn gen_block(mut v: _, mut k: _) -> _ { .. }` would be by
//! `#[generator]`: the state enum is generic over every saved local, so its `Start` variant is
//! built from the captured locals at the block's own site (`Start { v: v, k: k }`), their types
//! inferred there, and the block evaluates to the same `Machine` the attribute returns:
//! ```text
//! { yield_!(@used); enum __CoroState<T0, T1> { Start { v: T0, k: T1 }, .. } impl StateInfo ..;
//!   let g = machine::<(), u32, _, _, _>(__CoroState::Start { v: v, k: k }, |state, resume| ..); g }
//! ```
//! Captured locals are bound `mut` in the machine (each arm allows `unused_mut`), as if the
//! block began with `let mut v = v;`.
//!
//! `async_gen_block!(yield = u32 => { .. })` is `#[async_gen]`'s body as written: an
//! `async move` block inside a `move` closure, which rustc itself makes capture exactly the
//! locals it uses.
//!
//! On error the output is the error and, for IDEs, the body type-checked with inert markers
//! inside a closure (or `async` block), as the attributes' fallback does.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::VisitMut;
use syn::{FnArg, Type};

use super::{Form, Input};
use crate::args::{Args, Kind};
use crate::diag::Ctxt;
use crate::{async_gen, fallback, scan, signature};

/// A failed expansion as an expression: the errors (worded for `form`), then the fallback.
fn error_expr(
    form: Form,
    captures: &[Ident],
    err: &syn::Error,
    fallback: &TokenStream,
) -> TokenStream {
    let err = super::messages::compile_errors(err, form, captures);
    quote!({ #err #fallback })
}

/// The lint levels of a fallback's copy of the body: it never runs, so its code is
/// unreachable and its bindings may look unused.
fn fallback_allow() -> TokenStream {
    quote!(#[allow(unused_variables, unused_mut, unreachable_code, clippy::all, clippy::pedantic)])
}

/// The last top-level `{ .. }` of unparsable input: most likely the body.
fn raw_fallback(input: &TokenStream) -> TokenStream {
    let body = input.clone().into_iter().filter_map(|tt| match tt {
        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g),
        _ => None,
    });
    let Some(group) = body.last() else {
        return TokenStream::new();
    };
    let Ok(block) = syn::parse2::<syn::Block>(TokenTree::Group(group).into()) else {
        return TokenStream::new();
    };
    let krate = quote!(::coro_core);
    let body = fallback::inert_body(&block, &krate, None);
    let allow = fallback_allow();
    let value = if scan::block_awaits(&block) {
        quote!(async move #body)
    } else {
        quote!(move || #body)
    };
    quote!(#allow let _ = #value;)
}

/// The validated options and the `return = Type` of a block form.
type Options = Option<(Args, Option<Type>)>;

/// What both forms do first: parse, validate the options, and resolve `#[cfg]`s in the body
/// (`Err`: the tokens to emit instead, an error or the `#[cfg]`-deferred expansion).
fn prelude(input: &TokenStream, form: Form) -> Result<(Input, Ctxt, Options), TokenStream> {
    let parsed = match Input::parse_tokens(input.clone(), form) {
        Ok(parsed) => parsed,
        Err(err) => return Err(error_expr(form, &[], &err, &raw_fallback(input))),
    };
    let cx = Ctxt::new();
    let args = parsed.args(form, &cx, input);
    if let Some((a, _)) = &args
        && !cx.has_errors()
        && let Some(deferred) = super::cfg::defer(form, &parsed, &a.krate)
    {
        return Err(deferred);
    }
    Ok((parsed, cx, args))
}

pub fn gen_block(input: &TokenStream) -> TokenStream {
    let form = Form::Gen;
    let (parsed, cx, args) = match prelude(input, form) {
        Ok(p) => p,
        Err(tokens) => return tokens,
    };
    scan::check_body(&cx, &parsed.body, Kind::Generator);
    let captures = super::captures(&parsed, &cx);
    let fallback = |args: Option<&(Args, Option<Type>)>| gen_fallback(&parsed, args);
    if let Err(err) = cx.check() {
        return error_expr(form, &captures, &err, &fallback(args.as_ref()));
    }
    let Some((args, ret)) = &args else {
        let err = syn::Error::new(Span::call_site(), "gen_block! could not read its options");
        return error_expr(form, &captures, &err, &fallback(None));
    };
    if args.pinned.is_some() {
        // An `async move` block in a `move` closure: rustc finds the captures itself.
        let ret = ret
            .as_ref()
            .map_or_else(|| quote!(_), ToTokens::to_token_stream);
        let body = crate::pinned::expression(args, &parsed.body, "gen_block", &ret, &quote!());
        return match body {
            Ok(tokens) => quote!({ #tokens }),
            Err(err) => error_expr(form, &captures, &err, &fallback(None)),
        };
    }
    match lower(&parsed, args, ret.as_ref(), &captures) {
        Ok(tokens) => tokens,
        Err(err) => error_expr(
            form,
            &captures,
            &err,
            &fallback(Some(&(args.clone(), ret.clone()))),
        ),
    }
}

fn lower(
    parsed: &Input,
    args: &Args,
    ret: Option<&Type>,
    captures: &[Ident],
) -> syn::Result<TokenStream> {
    let inputs = capture_params(captures);
    // `-> _`: the return value's type is inferred from the body, like a closure's.
    let output = ret.map_or_else(|| quote!(-> _), |t| quote!(-> #t));
    let name = Ident::new("gen_block", Span::mixed_site());
    let body = &parsed.body;
    let mut func: syn::ItemFn = syn::parse2(quote!(fn #name(#(#inputs),*) #output #body))?;
    let markers = scan::marker_paths(&parsed.body);
    let machine = crate::generator::machine(args, &mut func, "gen_block".into())?;
    let used = markers.iter().map(|p| quote!(#p!(@used);));
    let krate = &args.krate;
    let g = Ident::new("__coro_block", Span::mixed_site());
    // With `return = T` the type is known; without, a body that never completes leaves it
    // to the hint's fallback.
    let hint = ret
        .is_none()
        .then(|| quote!(#krate::__private::return_hint(&#g, || ::core::unreachable!());));
    Ok(quote!({
        #(#used)*
        let #g = { #machine };
        #hint
        #g
    }))
}

/// The fallback of `gen_block!`: the body type-checked once in a closure that never runs (the
/// captures are moved into it, as into the generator), and a generator of the declared types.
fn gen_fallback(parsed: &Input, args: Option<&(Args, Option<Type>)>) -> TokenStream {
    let krate = args.map_or_else(|| quote!(::coro_core), |(a, _)| a.krate.clone());
    let resume = args.map(|(a, _)| {
        a.resume_ty
            .as_ref()
            .map_or_else(|| quote!(()), ToTokens::to_token_stream)
    });
    let body = fallback::inert_body(&parsed.body, &krate, resume.as_ref());
    let allow = fallback_allow();
    let ret = args.and_then(|(_, r)| r.as_ref());
    let value = match ret {
        _ if scan::block_awaits(&parsed.body) => quote!(async move #body),
        Some(t) => quote!(move || -> #t #body),
        None => quote!(move || #body),
    };
    let Some((args, _)) = args else {
        return quote!(#allow let _ = #value;);
    };
    let nameable = |t: TokenStream| {
        if signature::nameable_in_body(&t) {
            t
        } else {
            quote!(_)
        }
    };
    let r = resume.unwrap_or_else(|| quote!(()));
    let y = nameable(args.yield_ty.to_token_stream());
    let ret = nameable(ret.map_or_else(|| quote!(()), ToTokens::to_token_stream));
    let state = Ident::new("__CoroFallback", Span::mixed_site());
    let state_item = fallback::inert_state(&krate, &state, "gen_block");
    // The same protocol as the machine would have had, so that a `throw(..)` on it is no second
    // error.
    let build = match &args.throw_ty {
        None => quote!(#krate::__private::machine::<#r, #y, #ret, _, _>),
        Some(e) => quote!(#krate::__private::throwing_machine::<#r, #e, #y, #ret, _, _>),
    };
    quote! {
        #allow
        let _ = #value;
        #state_item
        #build(#state, |_: &mut #state, _| ::core::unreachable!())
    }
}

pub fn async_gen_block(input: &TokenStream) -> TokenStream {
    let form = Form::AsyncGen;
    let (parsed, cx, args) = match prelude(input, form) {
        Ok(p) => p,
        Err(tokens) => return tokens,
    };
    let output = args.as_ref().and_then(|(a, ret)| {
        let ret = ret.as_ref().map_or(syn::ReturnType::Default, |t| {
            syn::ReturnType::Type(syn::Token![->](Span::call_site()), Box::new(t.clone()))
        });
        async_gen::output(&cx, &ret, &a.yield_ty)
    });
    let stream = match (&args, &output) {
        (Some((args, _)), Some(output)) if !cx.has_errors() => {
            Some(stream(&cx, &parsed, args, output))
        }
        _ => None,
    };
    let item = output.as_ref().map(|o| o.item.to_token_stream());
    let krate = args.as_ref().map(|(a, _)| a.krate.clone());
    match (cx.check(), stream) {
        (Ok(()), Some(stream)) => stream,
        (Err(err), _) => error_expr(form, &[], &err, &stream_fallback(&parsed, krate, item)),
        (Ok(()), None) => {
            let err = syn::Error::new(
                Span::call_site(),
                "async_gen_block! could not read its options",
            );
            error_expr(form, &[], &err, &stream_fallback(&parsed, krate, item))
        }
    }
}

/// `#[async_gen]`'s expansion of the body, as an expression.
fn stream(cx: &Ctxt, parsed: &Input, args: &Args, out: &async_gen::Output) -> TokenStream {
    let krate = &args.krate;
    let mut block = parsed.body.clone();
    let for_await_paths = async_gen::body::expand_for_await(cx, &mut block, krate);
    scan::check_body(cx, &block, Kind::AsyncGen);
    async_gen::body::check_macro_tokens(cx, &block);
    let mut used = scan::marker_paths(&block);
    used.extend(for_await_paths);
    let keep = async_gen::body::keep_imports_used(&used);
    if !cx.has_errors()
        && let Some(stream) = enum_stream(parsed, args, out)
    {
        return quote!({
            #keep
            #stream
        });
    }
    let yielder = Ident::new("__yielder", Span::mixed_site());
    let yo = Ident::new("__yo", Span::mixed_site());
    async_gen::body::Rewriter {
        cx,
        krate,
        yielder: yielder.clone(),
        result: out.result,
    }
    .visit_block_mut(&mut block);
    let (item, ret) = (&out.item, &out.ret);
    let stmts = &block.stmts;
    quote!({
        #keep
        #krate::__private::async_gen::<#item, #ret, _, _>(move |mut #yo: #krate::__private::Yielder<#item>| async move {
            let mut #yielder = #yo.handle();
            #(#stmts)*
        })
    })
}

/// The synthesized fn's parameters for a block's captures: `mut v: _` (`mut self: _`), moved in
/// as a `move` closure moves them, their types inferred at the block's site.
fn capture_params(captures: &[Ident]) -> Vec<FnArg> {
    captures
        .iter()
        .map(|c| -> FnArg {
            if c == "self" {
                let s = syn::Token![self](c.span());
                syn::parse_quote!(mut #s: _)
            } else {
                syn::parse_quote!(mut #c: _)
            }
        })
        .collect()
}

/// `#[async_gen]`'s enum path, for a body it can take: the block's captures (the locals it
/// names, as `gen_block!` finds them) become the parameters of a synthesized `async fn`, moved
/// into its `Start` state as an `async move` block would move them.
fn enum_stream(parsed: &Input, args: &Args, out: &async_gen::Output) -> Option<TokenStream> {
    let async_gen::path::Path::Enum = async_gen::path::check(&parsed.body, &[]) else {
        return None;
    };
    let inputs = capture_params(&super::captures::of_block(&parsed.body));
    let name = Ident::new("async_gen_block", Span::mixed_site());
    let ret = &out.ret;
    let sig: syn::Signature = syn::parse2(quote!(fn #name(#(#inputs),*) -> #ret)).ok()?;
    async_gen::machine::stream(args, &sig, &parsed.body, out)
        .ok()
        .map(|(_, stream)| stream)
}

/// The fallback of `async_gen_block!`: the body type-checked in an `async move` block that is
/// never polled, and an empty stream of the declared item type.
fn stream_fallback(
    parsed: &Input,
    krate: Option<TokenStream>,
    item: Option<TokenStream>,
) -> TokenStream {
    let krate = krate.unwrap_or_else(|| quote!(::coro_core));
    let unit = quote!(());
    let body = fallback::inert_body(&parsed.body, &krate, Some(&unit));
    let allow = fallback_allow();
    let Some(item) = item else {
        return quote!(#allow let _ = async move #body;);
    };
    quote! {
        #allow
        let _ = async move #body;
        #krate::__private::async_gen::<#item, (), _, _>(|_: #krate::__private::Yielder<#item>| async {})
    }
}

/// `cfg_resolved!`'s input for a block form: the decided body, expanded again (which asks
/// about the next predicate, if any). `None`: the input is an attribute's.
pub fn resolve(input: &TokenStream) -> Option<TokenStream> {
    let mut tts = input.clone().into_iter();
    let form = match tts.next() {
        Some(TokenTree::Ident(i)) if i == "gen_block" => Form::Gen,
        Some(TokenTree::Ident(i)) if i == "async_gen_block" => Form::AsyncGen,
        _ => return None,
    };
    let keep = matches!(tts.next(), Some(TokenTree::Ident(i)) if i == "true");
    let mut group = |delim| match tts.next() {
        Some(TokenTree::Group(g)) if g.delimiter() == delim => Some(g.stream()),
        _ => None,
    };
    let (Some(pred), Some(options), Some(body)) = (
        group(Delimiter::Parenthesis),
        group(Delimiter::Parenthesis),
        group(Delimiter::Brace),
    ) else {
        return Some(
            syn::Error::new(
                Span::call_site(),
                "`cfg_resolved!` is an internal macro of coro",
            )
            .to_compile_error(),
        );
    };
    let mut block: syn::Block = match syn::parse2(quote!({ #body })) {
        Ok(b) => b,
        Err(err) => return Some(err.to_compile_error()),
    };
    crate::cfg::strip(&mut block, &pred, keep);
    let input = quote!(#options => #block);
    Some(match form {
        Form::Gen => gen_block(&input),
        Form::AsyncGen => async_gen_block(&input),
    })
}
