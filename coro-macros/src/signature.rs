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
    /// Its declared type (`None` for the receiver): see `lower/state_types.rs`.
    pub ty: Option<syn::Type>,
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
                    ty: None,
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
                        ty: Some((*pt.ty).clone()),
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
                        ty: Some((*pt.ty).clone()),
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
    // `resume = &[u8]`: every sent value is lent for its resumption only.
    // A shape `check_lent_resume` refuses gets `'static` instead, so that the fn emitted next to
    // that error adds none of its own.
    let lendable = |t: &&syn::Type| {
        lent_reference(t).is_some() && args.throw_ty.is_none() && args.pinned.is_none()
    };
    let (binder, r) = match args.resume_ty.as_ref().and_then(higher_ranked_resume) {
        Some(named) if args.resume_ty.as_ref().is_some_and(|t| lendable(&t)) => {
            let lt = syn::Lifetime::new(RESUME_LIFETIME, Span::call_site());
            (quote!(for<#lt>), named.to_token_stream())
        }
        Some(named) => {
            let text = named.to_token_stream().to_string();
            let fixed: syn::Type =
                syn::parse_str(&text.replace(RESUME_LIFETIME, "'static")).unwrap_or(named);
            (TokenStream::new(), fixed.to_token_stream())
        }
        None => (TokenStream::new(), r),
    };
    let protocol = match &args.throw_ty {
        None => quote!(#binder #krate::Generator<#r, Yield = #y, Return = #ret>),
        Some(e) => quote!(#binder #krate::Throw<#e, #r, Yield = #y, Return = #ret>),
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

/// The lifetime an elided `&` in the resume type becomes: `resume = &[u8]` lends each sent
/// value for one resumption only, so the generator is a `for<'r> Generator<&'r [u8]>`.
pub const RESUME_LIFETIME: &str = "'__coro_resume";

/// `resume = &[u8]` (an elided lifetime, at any depth): the resume type with each elided
/// reference lifetime named [`RESUME_LIFETIME`], or `None` when it has none.
pub fn higher_ranked_resume(ty: &syn::Type) -> Option<syn::Type> {
    use syn::visit_mut::VisitMut;
    struct Name(bool);
    impl VisitMut for Name {
        fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
            if r.lifetime.is_none() {
                r.lifetime = Some(syn::Lifetime::new(RESUME_LIFETIME, r.and_token.span));
                self.0 = true;
            }
            syn::visit_mut::visit_type_reference_mut(self, r);
        }
        fn visit_lifetime_mut(&mut self, l: &mut syn::Lifetime) {
            if l.ident == "_" {
                *l = syn::Lifetime::new(RESUME_LIFETIME, l.apostrophe);
                self.0 = true;
            }
        }
        // `fn(&T)` and `dyn Fn(&T)` bind their own elided lifetimes.
        fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
        fn visit_parenthesized_generic_arguments_mut(
            &mut self,
            _: &mut syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut named = ty.clone();
    let mut v = Name(false);
    v.visit_type_mut(&mut named);
    v.0.then_some(named)
}

/// `resume = &T` / `&mut T` with an elided lifetime: `(is_mut, T)`. Only that shape can lend a
/// borrow per resumption (the step is built higher-ranked in it).
pub fn lent_reference(ty: &syn::Type) -> Option<(bool, syn::Type)> {
    match ty {
        syn::Type::Reference(r)
            if r.lifetime.is_none() && higher_ranked_resume(&r.elem).is_none() =>
        {
            Some((r.mutability.is_some(), (*r.elem).clone()))
        }
        syn::Type::Paren(p) => lent_reference(&p.elem),
        _ => None,
    }
}

/// Rules of a resume type that lends a borrow (`resume = &[u8]`): only `&T`/`&mut T` (the step
/// is built higher-ranked in that one lifetime), and not yet with `throw` or `pinned`.
pub fn check_lent_resume(cx: &Ctxt, args: &Args) {
    let Some(ty) = &args.resume_ty else { return };
    if higher_ranked_resume(ty).is_none() {
        return;
    }
    if lent_reference(ty).is_none() {
        cx.error_spanned_by(
            ty,
            "a resume type that lends a borrow for each resumption must be a reference, `&T` or `&mut T` (e.g. `resume = &[u8]`)\nhelp: name the lifetime (`resume = (&'a [u8], u32)` with `'a` a lifetime of the fn) to borrow for the generator's whole life instead",
        );
    } else if args.throw_ty.is_some() || args.pinned.is_some() {
        let other = if args.throw_ty.is_some() {
            "throw"
        } else {
            "pinned"
        };
        cx.error_spanned_by(
            ty,
            format!("a resume type that lends a borrow for each resumption (`&T` with an elided lifetime) is not supported with `{other}` yet\nhelp: name the lifetime (`resume = &'a T`, with `'a` a lifetime of the fn)"),
        );
    }
}
