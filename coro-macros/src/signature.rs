//! The generator fn's signature: what may carry the attribute, how parameters become the
//! `Start` variant's fields, and the opaque return type.
//!
//! Input:  `fn f(&self, mut n: u32, (a, b): (u8, u8)) -> String`
//! Output: `fn f(&self, n: u32, __coro_a2: (u8, u8)) -> impl Generator<R, Yield = Y, Return = String> + ..`
//!         with `self`, `n` and `__coro_a2` stored in `Start`, and `let (a, b) = __coro_a2;`
//!         as the body's first statement.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::{FnArg, Pat, ReturnType, Signature};

use crate::args::{Args, Kind};
use crate::diag::Ctxt;

/// Reports signatures the attribute cannot apply to.
pub fn check(cx: &Ctxt, sig: &Signature, kind: Kind) {
    let attr = match kind {
        Kind::Generator => "#[generator]",
        Kind::AsyncGen => "#[async_gen]",
    };
    if kind == Kind::Generator
        && let Some(a) = &sig.asyncness
    {
        cx.error_spanned_by(
            a,
            "#[generator] cannot be applied to an `async fn`: a generator runs synchronously\n\
                 help: for an async generator (a Stream), use `#[async_gen(yield = ...)]` instead; \
                 otherwise remove `async`",
        );
    }
    if let Some(c) = &sig.constness {
        cx.error_spanned_by(
            c,
            format!("{attr} cannot be applied to a `const fn`: a generator is a runtime state machine\nhelp: remove `const`"),
        );
    }
    if let Some(v) = &sig.variadic {
        // A variadic fn is always `extern "C"`: one error says it all.
        cx.error_spanned_by(v, format!("{attr} cannot be applied to a variadic fn: a generator's arguments are stored in it"));
    } else if let Some(abi) = &sig.abi {
        cx.error_spanned_by(
            abi,
            format!(
                "{attr} cannot be applied to an `extern` fn: it returns a Rust generator object\n\
                 help: remove `{}` (or wrap the generator in an `extern` fn that drives it)",
                abi.to_token_stream()
            ),
        );
    }
}

/// A parameter as the lowering sees it.
pub struct Param {
    /// The name user code uses for it (`__coro_self` for the receiver).
    pub name: Ident,
    pub mutable: bool,
    /// How the fn body refers to the parameter to store it in `Start`.
    pub value: TokenStream,
    /// A wildcard parameter: kept to the end like a guard.
    pub wildcard: bool,
    /// Its type is certainly owned (`Vec<T>`, `String`, ...).
    pub owned: bool,
}

/// Rewrites the inputs for the outer fn and describes each parameter; patterns other than a
/// plain identifier are destructured by `prologue` statements at the start of the body.
pub fn params(sig: &mut Signature, prologue: &mut Vec<syn::Stmt>) -> (Vec<Param>, Option<Ident>) {
    let mut out = Vec::new();
    let mut self_ident = None;
    for (i, input) in sig.inputs.iter_mut().enumerate() {
        match input {
            FnArg::Receiver(r) => {
                let name = Ident::new("__coro_self", Span::mixed_site());
                let mutable = r.mutability.is_some() && r.reference.is_none();
                if r.reference.is_none() {
                    r.mutability = None;
                }
                let self_token = &r.self_token;
                // `self`, `mut self`, `self: Self`, `self: Box<Self>`: borrowing a field of it
                // borrows the generator's own state.
                let owned = r.reference.is_none()
                    && (r.colon_token.is_none()
                        || matches!(&*r.ty, syn::Type::Path(p) if p.path.is_ident("Self"))
                        || crate::lower::borrows::is_owned_type(&r.ty));
                out.push(Param {
                    name: name.clone(),
                    mutable,
                    value: quote!(#self_token),
                    wildcard: false,
                    owned,
                });
                self_ident = Some(name);
            }
            FnArg::Typed(pt) => match &mut *pt.pat {
                Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                    let mutable = pi.mutability.take().is_some();
                    let ident = pi.ident.clone();
                    let owned = crate::lower::borrows::is_owned_type(&pt.ty);
                    out.push(Param {
                        name: ident.clone(),
                        mutable,
                        value: quote!(#ident),
                        wildcard: false,
                        owned,
                    });
                }
                other => {
                    let hidden = Ident::new(&format!("__coro_a{i}"), Span::mixed_site());
                    let wildcard = matches!(other, Pat::Wild(_));
                    if !wildcard {
                        let pat = other.clone();
                        prologue.push(syn::parse_quote!(let #pat = #hidden;));
                    }
                    *other = Pat::Ident(syn::PatIdent {
                        attrs: Vec::new(),
                        by_ref: None,
                        mutability: None,
                        ident: hidden.clone(),
                        subpat: None,
                    });
                    out.push(Param {
                        name: hidden.clone(),
                        mutable: false,
                        value: quote!(#hidden),
                        wildcard,
                        owned: false,
                    });
                }
            },
        }
    }
    (out, self_ident)
}

/// The fn's declared return type (`()` when omitted).
pub fn return_type(sig: &Signature) -> TokenStream {
    match &sig.output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, ty) => ty.to_token_stream(),
    }
}

/// `-> impl Generator<R, Yield = Y, Return = Ret> + Debug (+ Iterator + FusedIterator)`, with
/// `Throw<E, R, ..>` in place of `Generator<R, ..>` under `throw = E`.
///
/// The `impl` keyword carries a span of this (edition 2024) macro crate, so the opaque type
/// captures every lifetime in scope in edition-2021 user crates too: the state holds all the
/// arguments, so it must.
pub fn opaque_return(args: &Args, ret: &TokenStream) -> TokenStream {
    let krate = &args.krate;
    let y = &args.yield_ty;
    let r = if let Some(t) = &args.resume_ty {
        t.to_token_stream()
    } else {
        quote!(())
    };
    let iter = args
        .resume_is_unit()
        .then(|| quote!(+ ::core::iter::FusedIterator<Item = #y>));
    // Spanned at the option: "`X: Clone` is not satisfied" then points at `clone`.
    let clone = args
        .clone
        .map(|span| quote_spanned!(span=> + ::core::clone::Clone));
    let impl_token = quote_spanned!(Span::mixed_site()=> impl);
    let protocol = match &args.throw_ty {
        None => quote!(#krate::Generator<#r, Yield = #y, Return = #ret>),
        Some(e) => quote!(#krate::Throw<#e, #r, Yield = #y, Return = #ret>),
    };
    quote!(#impl_token #protocol + ::core::fmt::Debug #iter #clone)
}

/// Whether a type can be written as a `let` annotation inside the body.
pub fn nameable_in_body(ty: &TokenStream) -> bool {
    fn walk(ts: TokenStream) -> bool {
        ts.into_iter().all(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => i != "impl",
            proc_macro2::TokenTree::Group(g) => walk(g.stream()),
            _ => true,
        })
    }
    walk(ty.clone())
}
