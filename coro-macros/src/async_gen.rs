//! `#[async_gen(yield = Y)]`: an `async fn` whose body uses `yield_!` becomes a fn returning a
//! `futures_core::Stream<Item = Y>` (see `coro_core`'s `stream` module for the runtime half).
//!
//! Input:
//! ```text
//! #[async_gen(yield = u32)]
//! pub async fn counter(from: u32, (a, b): (u32, u32)) { yield_!(from); tick().await; }
//! ```
//! Output:
//! ```text
//! pub fn counter(from: u32, __arg1: (u32, u32)) -> impl ::coro_core::__private::Stream<Item = u32> {
//!     yield_!(@used);
//!     ::coro_core::__private::async_gen::<u32, (), _, _>(move |mut __yo| async move {
//!         let mut __yielder = __yo.handle(); // a copy of the slot pointer borrowing `__yo`
//!         let _ = &from;                    // every argument is moved into the stream
//!         let (a, b) = __arg1;
//!         { __yielder.yield_(from).await; tick().await; }
//!     })
//! }
//! ```
//! `__yo`, `__yielder` and `__argN` are `Span::mixed_site()` idents: user code cannot name them.
//! The `impl` token has a mixed-site span, i.e. this (edition-2024) crate's edition, so the
//! opaque type captures every generic parameter and lifetime of the fn in edition-2021 user
//! crates too. With `boxed`/`boxed_local` the return type is a `Pin<Box<dyn Stream>>`, whose
//! lifetime [`boxed::lifetime`] works out.

pub(crate) mod body;
mod boxed;
pub(crate) mod machine;
mod marks;
mod owned;
pub(crate) mod path;
#[cfg(test)]
mod tests;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::visit_mut::VisitMut;
use syn::{FnArg, GenericArgument, Ident, ItemFn, Pat, PathArguments, ReturnType, Type};

use crate::args::{self, Boxing, Kind};
use crate::diag::{Ctxt, error_output};
use crate::{scan, signature};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let arg_tokens = args.clone();
    let args = args::parse(Kind::AsyncGen, args, &cx);
    let func = match syn::parse2::<ItemFn>(item.clone()) {
        Ok(func) => Some(func),
        Err(err) => {
            let mut e = syn::Error::new(
                err.span(),
                "#[async_gen] applies to an `async fn` with a body (free fn or method)",
            );
            e.combine(err);
            cx.syn_error(e);
            None
        }
    };
    if let (Some(a), Some(f)) = (&args, &func)
        && let Some(deferred) = crate::cfg::defer(Kind::AsyncGen, &a.krate, &arg_tokens, &item, f)
    {
        return match cx.check() {
            Ok(()) => deferred,
            Err(err) => error_output(&err, None),
        };
    }
    let fallback_args = args.clone();
    let output = match (args, func) {
        (Some(args), Some(func)) => lower(&cx, &args, func),
        _ => None,
    };
    match (cx.check(), output) {
        (Ok(()), Some(output)) => output,
        (Err(err), _) => error_output(
            &err,
            Some(crate::fallback::async_gen_fallback(
                &item,
                fallback_args.as_ref(),
            )),
        ),
        // Unreachable in practice: every `None` above reported an error.
        (Ok(()), None) => error_output(
            &syn::Error::new(Span::call_site(), "#[async_gen] could not expand this fn"),
            Some(item),
        ),
    }
}

/// What the stream yields and what the body returns.
pub(crate) struct Output {
    /// The stream's `Item`: `Y`, or `Result<Y, E>` for a fn returning `Result<(), E>`.
    pub item: Type,
    /// The body's type: `()` or the declared `Result<(), E>`.
    pub ret: Type,
    pub result: bool,
}

/// Input:  `-> Result<(), E>` (any path ending in `Result` whose first argument is `()`, so
///         aliases like `io::Result<()>` work), `-> ()` or nothing.
/// Output: the item type `Result<Y, E>` (the same path with `Y` for `()`), or `Y`.
pub(crate) fn output(cx: &Ctxt, ret: &ReturnType, yield_ty: &Type) -> Option<Output> {
    let ty = match ret {
        ReturnType::Default => {
            return Some(Output {
                item: yield_ty.clone(),
                ret: syn::parse_quote!(()),
                result: false,
            });
        }
        ReturnType::Type(_, ty) => &**ty,
    };
    if matches!(ty, Type::Tuple(t) if t.elems.is_empty()) {
        return Some(Output {
            item: yield_ty.clone(),
            ret: ty.clone(),
            result: false,
        });
    }
    if let Type::Path(p) = ty
        && p.qself.is_none()
        && let Some(last) = p.path.segments.last()
        && last.ident == "Result"
        && let PathArguments::AngleBracketed(args) = &last.arguments
        && let Some(GenericArgument::Type(Type::Tuple(unit))) = args.args.first()
        && unit.elems.is_empty()
    {
        let mut item = p.clone();
        if let Some(PathArguments::AngleBracketed(args)) =
            item.path.segments.last_mut().map(|s| &mut s.arguments)
        {
            args.args[0] = GenericArgument::Type(yield_ty.clone());
        }
        return Some(Output {
            item: Type::Path(item),
            ret: ty.clone(),
            result: true,
        });
    }
    cx.error_spanned_by(
        ty,
        "an #[async_gen] fn hands its values out with `yield_!` and returns nothing: its return \
         type must be `()` or `Result<(), E>` (then the stream's items are `Result<Y, E>`, \
         `yield_!(y)` yields `Ok(y)` and `?` yields the error as the last item)",
    );
    None
}

fn lower(cx: &Ctxt, args: &args::Args, func: ItemFn) -> Option<TokenStream> {
    let ItemFn {
        attrs,
        vis,
        mut sig,
        block,
    } = func;
    let brace = block.brace_token;
    if sig.asyncness.is_none() {
        cx.error_spanned_by(
            sig.fn_token,
            "#[async_gen] needs an `async fn`: write `async fn` (its body may `.await` and `yield_!`)",
        );
    }
    if let Some(c) = &sig.constness {
        cx.error_spanned_by(c, "an #[async_gen] fn cannot be `const`");
    }
    if let Some(v) = &sig.variadic {
        cx.error_spanned_by(v, "an #[async_gen] fn cannot be variadic");
    }
    // `resume = R`: an async generator, whose return value is any type.
    let generator = args.resume_ty.is_some();
    let out = if generator {
        check_generator_options(cx, args);
        let ret = signature::return_type(&sig);
        Output {
            item: args.yield_ty.clone(),
            ret: syn::parse_quote!(#ret),
            result: false,
        }
    } else {
        output(cx, &sig.output, &args.yield_ty)?
    };
    if cx.has_errors() {
        return None;
    }
    let krate = &args.krate;

    // The body: expand `for_await!`, check, rewrite the markers.
    let mut block = *block;
    let path = match args.pinned {
        None => path::check(&block, &shared_references(&sig)),
        Some(span) => path::Path::AsyncBlock("`pinned`", span),
    };
    // The enum path lowers `for_await!` itself (`marks.rs`); the async block expands it here.
    let as_written = block.clone();
    let for_await_paths = body::expand_for_await(cx, &mut block, krate);
    scan::check_body(cx, &block, Kind::AsyncGen);
    body::check_macro_tokens(cx, &block);
    if cx.has_errors() {
        return None;
    }
    let mut used = scan::marker_paths(&block);
    used.extend(for_await_paths);
    let keep = body::keep_imports_used(&used);
    let item = &out.item;
    let stream = run_body(cx, args, &mut sig, (&as_written, block), &out, path)?;

    sig.asyncness = None;
    let (ret_ty, body_tokens) = match args.boxing {
        None if args.resume_ty.is_some() => {
            let impl_ = Ident::new("impl", Span::mixed_site());
            let (r, y, ret) = (&args.resume_ty, &args.yield_ty, &out.ret);
            let protocol = quote!(#krate::AsyncGenerator<#r, Yield = #y, Return = #ret>);
            (quote!(#impl_ #protocol + ::core::fmt::Debug), stream)
        }
        None => {
            let impl_ = Ident::new("impl", Span::mixed_site());
            // `FusedStream: Stream`, so this is an `impl Stream<Item = ..>` too.
            let fused = quote!(#krate::__private::FusedStream<Item = #item>);
            (quote!(#impl_ #fused + ::core::fmt::Debug), stream)
        }
        Some((boxing, span)) => {
            let lifetime = boxed::lifetime(&mut sig);
            let send = match boxing {
                Boxing::Send => quote_spanned!(span=> + ::core::marker::Send),
                Boxing::Local => TokenStream::new(),
            };
            (
                quote! {
                    ::core::pin::Pin<#krate::__private::Box<
                        dyn #krate::__private::Stream<Item = #item> #send + #lifetime
                    >>
                },
                quote!(#krate::__private::Box::pin(#stream)),
            )
        }
    };
    let arrow = match &sig.output {
        ReturnType::Type(arrow, _) => *arrow,
        ReturnType::Default => syn::Token![->](sig.ident.span()),
    };
    sig.output = ReturnType::Type(arrow, Box::new(Type::Verbatim(ret_ty)));
    let mut out_block = TokenStream::new();
    brace.surround(&mut out_block, |t| {
        keep.to_tokens(t);
        body_tokens.to_tokens(t);
    });
    // A trait may declare `-> impl Stream<Item = Y>`: our `FusedStream + Debug` refines it.
    // Clippy asks for `#[must_use]` (`FusedStream` and boxes are not marked), which we cannot
    // add blindly: the fn may implement a trait method.
    let allow = if args.boxing.is_some() {
        quote!(#[allow(clippy::must_use_candidate)])
    } else {
        quote!(#[allow(refining_impl_trait, clippy::must_use_candidate)])
    };
    Some(quote!(#(#attrs)* #allow #vis #sig #out_block))
}

/// The expression the fn returns, on the path `path` chose: the enum state machine (of the body
/// as written), or (for a stream that cannot take it) the async block (of the body with its
/// `for_await!`s expanded). `sig` gets the enum path's parameters.
fn run_body(
    cx: &Ctxt,
    args: &args::Args,
    sig: &mut syn::Signature,
    (as_written, expanded): (&syn::Block, syn::Block),
    out: &Output,
    path: path::Path,
) -> Option<TokenStream> {
    let generator = args.resume_ty.is_some();
    let enum_path = match path {
        path::Path::Enum => Ok(machine::stream(args, sig, as_written, out)),
        path::Path::AsyncBlock(why, at) => Err((why, at)),
    };
    match enum_path {
        Ok(Ok((enum_sig, stream))) => {
            *sig = enum_sig;
            Some(stream)
        }
        // An async generator has no other path: its errors are the user's to see.
        Ok(Err(err)) if generator => {
            cx.syn_error(err);
            None
        }
        Err((why, at)) if generator => {
            cx.error_at(
                at,
                format!(
                    "an `#[async_gen]` that takes values (`resume = ..`) runs its body as an enum state machine, which cannot hold {why}\nhelp: await futures that own what they use (pass values, `clone()` them, or build them in `async move` blocks), or take values with a stream and a channel instead of `resume`"
                ),
            );
            None
        }
        _ => async_block_stream(cx, args, sig, expanded, out),
    }
}

/// The parameters that are shared references (`&self`, `stock: &Stock`, `s: &'a str`).
fn shared_references(sig: &syn::Signature) -> Vec<String> {
    sig.inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Receiver(r) if r.reference.is_some() && r.mutability.is_none() => {
                Some("self".to_string())
            }
            FnArg::Typed(pt) => match (&*pt.pat, &*pt.ty) {
                (Pat::Ident(pi), Type::Reference(r)) if r.mutability.is_none() => {
                    Some(pi.ident.to_string())
                }
                _ => None,
            },
            FnArg::Receiver(_) => None,
        })
        .collect()
}

/// What `resume = R` cannot be combined with (yet), each at its option.
fn check_generator_options(cx: &Ctxt, args: &args::Args) {
    if let Some((_, span)) = args.boxing {
        cx.error_at(
            span,
            "`boxed`/`boxed_local` box a stream; an `#[async_gen]` that takes values (`resume = ..`) is an async generator\nhelp: box it with `Box::pin(generator)`",
        );
    }
    if let Some(span) = args.pinned {
        cx.error_at(
            span,
            "`pinned` runs a stream's body as an async block; an `#[async_gen]` that takes values (`resume = ..`) always runs as an enum state machine",
        );
    }
    if let Some(r) = &args.resume_ty
        && signature::lent_reference(r).is_some()
    {
        cx.error_spanned_by(
            r,
            "an `#[async_gen]` cannot take borrowed values yet: lending each sent value for one resumption (`resume = &T`) works for `#[generator]` only\nhelp: send owned values (`resume = Vec<u8>`, `resume = String`)",
        );
    }
}

/// The fallback path: the body as an async block over a yield slot.
fn async_block_stream(
    cx: &Ctxt,
    args: &args::Args,
    sig: &mut syn::Signature,
    mut block: syn::Block,
    out: &Output,
) -> Option<TokenStream> {
    let krate = &args.krate;
    let yielder = Ident::new("__yielder", Span::mixed_site());
    let yo = Ident::new("__yo", Span::mixed_site());
    body::Rewriter {
        cx,
        krate,
        yielder: yielder.clone(),
        result: out.result,
    }
    .visit_block_mut(&mut block);
    if cx.has_errors() {
        return None;
    }
    let rebind = rebind_args(sig);
    let (item, ret) = (&out.item, &out.ret);
    // The body's statements go straight into the async block: the user's braces around them
    // as the block's tail would trip `unused_braces` at the fn's own braces.
    let stmts = &block.stmts;
    Some(quote! {
        #krate::__private::async_gen::<#item, #ret, _, _>(move |mut #yo: #krate::__private::Yielder<#item>| async move {
            let mut #yielder = #yo.handle();
            #rebind
            #(#stmts)*
        })
    })
}

/// Every argument is moved into the stream, as an async fn moves them into its future.
/// Input:  `(&self, name: T, (a, b): (u32, u32), _: G)`
/// Output: the same signature with `__arg2: (u32, u32), __arg3: G`, and for the body
///         `let _ = &self; let _ = &name; let (a, b) = __arg2; let _ = &__arg3;`
/// Plain `name: T` stays in the signature (for docs and spans); other patterns are bound inside
/// the body from a hygienic `__argN`.
pub(crate) fn rebind_args(sig: &mut syn::Signature) -> TokenStream {
    let mut rebind = TokenStream::new();
    for (i, arg) in sig.inputs.iter_mut().enumerate() {
        match arg {
            // `let _ = &x;` makes the `move` closure and block capture `x` whole. The mention
            // gets the call-site span: same hygiene as the user's binding, but marked as macro
            // output, so lints like `clippy::used_underscore_binding` leave `_guard: T` alone.
            FnArg::Receiver(_) => {
                let self_token = syn::Token![self](Span::call_site());
                rebind.extend(quote_spanned!(Span::mixed_site()=> let _ = &#self_token;));
            }
            FnArg::Typed(pt) => match &*pt.pat {
                Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                    let mut ident = pi.ident.clone();
                    ident.set_span(Span::call_site());
                    rebind.extend(quote_spanned!(Span::mixed_site()=> let _ = &#ident;));
                }
                _ => {
                    let name = Ident::new(&format!("__arg{i}"), Span::mixed_site());
                    let pat = std::mem::replace(&mut *pt.pat, syn::parse_quote!(#name));
                    if matches!(pat, Pat::Wild(_)) {
                        rebind.extend(quote_spanned!(Span::mixed_site()=> let _ = &#name;));
                    } else {
                        rebind.extend(quote_spanned!(Span::mixed_site()=> let #pat = #name;));
                    }
                }
            },
        }
    }

    rebind
}
