//! `#[generator(.., pinned)]`: the body becomes an `async move` block that coro-core's
//! `PinnedGen` drives as a generator, so it may borrow its own locals across a `yield_!`
//! (rustc's async lowering stores those borrows; the plain enum cannot).
//!
//! Input:  `#[generator(yield = u32, resume = i32, pinned)]
//!          fn f(v: Vec<u32>) -> usize { for x in &v { yield_!(*x); } v.len() }`
//! Output: `fn f(v: Vec<u32>) -> PinnedGen<u32, i32, impl PinnedBody<u32, i32, Fut = impl Future<Output = usize>>> {
//!              static INFO: PinnedInfo = PinnedInfo { name: "f", points: &[..], resume_is_unit: false };
//!              pinned::<u32, i32, usize, _, _>(&INFO, move |mut yo| async move {
//!                  let mut yielder = yo.handle(); let _ = &v;
//!                  for x in &v { resumed(&mut yielder.yield_(*x, 0).await); } v.len()
//!              })
//!          }`

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Macro, Stmt};

use crate::args::Args;
use crate::diag::Ctxt;
use crate::lower::Point;
use crate::lower::macros::MacroArgs;
use crate::lower::suspend::{check_throw_rules, delegation_ladder, point_of};
use crate::scan::{self, YieldKind};
use crate::signature;

// Input:  the parsed fn (checked like any `#[generator]` fn) and its options.
// Output: the fn returning the pinned generator (see the module docs).
pub fn expand(args: &Args, func: &syn::ItemFn) -> syn::Result<TokenStream> {
    let krate = &args.krate;
    let resume_ty = resume_type(args);
    let y = &args.yield_ty;
    let ret = signature::return_type(&func.sig);
    let mut sig = func.sig.clone();
    let rebind = crate::async_gen::rebind_args(&mut sig);
    let body = expression(
        args,
        &func.block,
        &func.sig.ident.to_string(),
        &ret,
        &rebind,
    )?;
    let impl_ = Ident::new("impl", Span::mixed_site());
    let body_ty = body_resume_type(args);
    sig.output = if let Some(e) = &args.throw_ty {
        syn::parse_quote! {
            -> #krate::PinnedThrowGen<#y, #resume_ty, #e, #impl_ #krate::PinnedBody<
                #y,
                #body_ty,
                Fut = #impl_ ::core::future::Future<Output = #ret>,
            >>
        }
    } else {
        syn::parse_quote! {
            -> #krate::PinnedGen<#y, #resume_ty, #impl_ #krate::PinnedBody<
                #y,
                #resume_ty,
                Fut = #impl_ ::core::future::Future<Output = #ret>,
            >>
        }
    };
    let syn::ItemFn { attrs, vis, .. } = func;
    // The body's awaits are the lowering's yields, not the user's: clippy's lints about holding a
    // borrow across an await would fire on code a plain fn accepts without a word.
    Ok(quote! {
        #(#attrs)*
        #[allow(clippy::await_holding_refcell_ref, clippy::await_holding_lock, clippy::await_holding_invalid_type)]
        #vis #sig {
            #body
        }
    })
}

fn resume_type(args: &Args) -> TokenStream {
    args.resume_ty
        .as_ref()
        .map_or_else(|| quote!(()), ToTokens::to_token_stream)
}

/// What the body's yields receive: the resume type, or with `throw = E` a `Result<R, E>`
/// (`Err` when resumed by `throw`; see coro-core's `pinned_throw.rs`).
fn body_resume_type(args: &Args) -> TokenStream {
    let resume_ty = resume_type(args);
    if let Some(e) = &args.throw_ty {
        quote!(::core::result::Result<#resume_ty, #e>)
    } else {
        resume_ty
    }
}

/// The pinned generator as an expression: `body` in an `async move` block inside a `move`
/// closure, so it takes what it uses from its surroundings as a closure does (a fn's
/// parameters, or `gen_block!(.., pinned => ..)`'s environment). `ret` may be `_`.
pub fn expression(
    args: &Args,
    block: &syn::Block,
    name: &str,
    ret: &TokenStream,
    rebind: &TokenStream,
) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let krate = &args.krate;
    let resume_ty = resume_type(args);
    let body_ty = body_resume_type(args);
    let throw_ty = args.throw_ty.as_ref().map(ToTokens::to_token_stream);
    let y = &args.yield_ty;
    let yielder = Ident::new("__coro_yielder", Span::mixed_site());
    let mut rewriter = Rewriter {
        cx: &cx,
        krate,
        yielder: &yielder,
        resume_ty: &resume_ty,
        resume_is_unit: args.resume_is_unit(),
        throw_ty: throw_ty.as_ref(),
        // `_` (a `gen_block!`'s): rustc says whether the error converts.
        returns_unit: ret.to_string() == "()",
        points: Vec::new(),
    };
    let markers = scan::marker_paths(block);
    let mut block = block.clone();
    rewriter.visit_block_mut(&mut block);
    let points = std::mem::take(&mut rewriter.points);
    cx.check()?;
    let unit = args.resume_is_unit();
    let point_values = points.iter().enumerate().map(|(index, p)| {
        let (source, line, column) = (
            &p.source,
            u32::try_from(p.line).unwrap_or(0),
            u32::try_from(p.column).unwrap_or(0),
        );
        quote!(#krate::__private::YieldPoint {
            index: #index,
            source: #source,
            file: ::core::file!(),
            line: #line,
            column: #column,
        })
    });
    let info = Ident::new("__CORO_INFO", Span::mixed_site());
    let yo = Ident::new("__coro_yo", Span::mixed_site());
    let stmts = &block.stmts;
    let used = markers.iter().map(|p| quote!(#p!(@used);));
    let build = if let Some(e) = &throw_ty {
        quote!(#krate::__private::pinned_throwing::<#y, #resume_ty, #e, #ret, _, _>)
    } else {
        quote!(#krate::__private::pinned::<#y, #resume_ty, #ret, _, _>)
    };
    Ok(quote! {
        #(#used)*
        static #info: #krate::__private::PinnedInfo = #krate::__private::PinnedInfo {
            name: #name,
            points: &[#(#point_values),*],
            resume_is_unit: #unit,
        };
        #build(
            &#info,
            move |mut #yo: #krate::__private::PinnedYielder<#y, #body_ty>| async move {
                let mut #yielder = #yo.handle();
                #rebind
                #(#stmts)*
            },
        )
    })
}

/// Rewrites the markers into awaits on the yielder, at any depth of the body's code and inside
/// the std macros whose arguments are expressions. Closures, async blocks and nested items are
/// left alone (`scan::check_fn` reports a marker there).
struct Rewriter<'a> {
    cx: &'a Ctxt,
    krate: &'a TokenStream,
    yielder: &'a Ident,
    resume_ty: &'a TokenStream,
    resume_is_unit: bool,
    /// `throw = E`: yields receive `Result<R, E>`.
    throw_ty: Option<&'a TokenStream>,
    /// The body's value is `()`: a thrown error has nothing to complete with.
    returns_unit: bool,
    points: Vec<Point>,
}

impl Rewriter<'_> {
    fn point(&mut self, mac: &Macro) -> usize {
        self.points.push(point_of(mac));
        self.points.len() - 1
    }

    /// What the awaited yield evaluates to in the body: the sent value (with `throw = E`, the
    /// sent value or the thrown error, a `Result`).
    fn resumed(&self, received: &TokenStream) -> TokenStream {
        let krate = self.krate;
        if self.throw_ty.is_some() {
            return if self.resume_is_unit {
                quote!(#krate::__private::resumed_unit_or_thrown(&mut #received))
            } else {
                quote!(#krate::__private::resumed_or_thrown(&mut #received))
            };
        }
        if self.resume_is_unit {
            quote!({ let _ = #received; })
        } else {
            let krate = self.krate;
            quote!(#krate::__private::resumed(&mut #received))
        }
    }

    // Desugar from `yield_!(v)` into `resumed(&mut yielder.yield_(v, point).await)`; with
    // `throw = E`, `yield_catch!(v)` into the `Result` it resumes with, and `yield_!(v)` into
    // `yield_catch!(v)?`.
    fn yield_(&mut self, mac: &Macro, catch: bool) -> Expr {
        check_throw_rules(self.cx, mac, catch, self.throw_ty, self.returns_unit);
        let value = if mac.tokens.is_empty() {
            quote!(())
        } else {
            match mac.parse_body::<Expr>() {
                Ok(mut e) => {
                    self.visit_expr_mut(&mut e);
                    e.into_token_stream()
                }
                Err(err) => {
                    self.cx.syn_error(err);
                    quote!(())
                }
            }
        };
        let at = self.point(mac);
        let yielder = self.yielder;
        let await_ = Ident::new("await", mac.path.span());
        // The value first: it may hold a `yield_!` of its own, which borrows the yielder too.
        let v = Ident::new("__coro_value", Span::mixed_site());
        let received = quote!(#yielder.yield_(#v, #at).#await_);
        let mut resumed = self.resumed(&received);
        if self.throw_ty.is_some() && !catch {
            resumed = self.raise(&resumed, mac.path.span());
        }
        // Parenthesized: a block at the start of a statement would end there (`{..} - x`).
        Expr::Verbatim(quote!(({ let #v = #value; #resumed })))
    }

    /// `r?` for a thrown error: the body completes with it (the enum mode's `try_residual`).
    fn raise(&self, r: &TokenStream, at: Span) -> TokenStream {
        let krate = self.krate;
        let c = Ident::new("__coro_c", Span::mixed_site());
        let res = Ident::new("__coro_res", Span::mixed_site());
        let done = quote_spanned!(at=> <_ as #krate::FromResidual<_>>::from_residual(#res));
        quote! {
            (match #krate::__private::Branch::branch(#r) {
                #krate::__private::Flow::Continue(#c) => #c,
                #krate::__private::Flow::Break(#res) => return #done,
            })
        }
    }

    // Desugar from `yield_from!(g)` into a loop that starts `g`, yields what it yields and sends
    // it what is sent here; it evaluates to `g`'s return value.
    fn yield_from(&mut self, mac: &Macro) -> Expr {
        let mut arg = match mac.parse_body::<Expr>() {
            Ok(e) => e,
            Err(err) => {
                self.cx.syn_error(err);
                return Expr::Verbatim(quote!(()));
            }
        };
        self.visit_expr_mut(&mut arg);
        let at = self.point(mac);
        let (krate, resume_ty, yielder) = (self.krate, self.resume_ty, self.yielder);
        let span = arg.span();
        let operand = arg.into_token_stream();
        // Through the delegation ladder whatever the resume type: a pinned sub-generator is
        // boxed there, a plain one delegated to, an iterable (resume `()`) iterated.
        let e_ty = self
            .throw_ty
            .cloned()
            .unwrap_or_else(|| quote!(::core::convert::Infallible));
        let sub = delegation_ladder(krate, resume_ty, &e_ty, &operand, span);
        let proto = quote_spanned!(span=> <_ as #krate::Delegate<#resume_ty, #e_ty>>);
        let name = |n: &str| Ident::new(n, Span::mixed_site());
        let (gen_, state, item, ret, received) = (
            name("__coro_gen"),
            name("__coro_s"),
            name("__coro_y"),
            name("__coro_v"),
            name("__coro_r"),
        );
        let await_ = Ident::new("await", mac.path.span());
        let sent = self.resumed(&quote!(#received));
        let resume = if self.throw_ty.is_some() {
            // PEP 380: a thrown error goes to the sub-generator; one it cannot take (or an
            // iterable) comes back and is raised here, like `?`.
            let (value, err, s) = (name("__coro_sent"), name("__coro_err"), name("__coro_t"));
            let raised = quote_spanned!(span=> return <_ as #krate::FromResidual<_>>::from_residual(
                ::core::result::Result::<::core::convert::Infallible, #e_ty>::Err(#err),
            ));
            quote! {
                match #sent {
                    ::core::result::Result::Ok(#value) => #proto::send(&mut #gen_, #value),
                    ::core::result::Result::Err(#err) => match #proto::throw(&mut #gen_, #err) {
                        ::core::result::Result::Ok(#s) => #s,
                        ::core::result::Result::Err(#err) => #raised,
                    },
                }
            }
        } else {
            quote!(#proto::send(&mut #gen_, #sent))
        };
        Expr::Verbatim(quote! {({
            let mut #gen_ = #sub;
            let mut #state = #proto::start(&mut #gen_);
            loop {
                match #state {
                    #krate::__private::GeneratorState::Yielded(#item) => {
                        let mut #received = #yielder.yield_(#item, #at).#await_;
                        #state = #resume;
                    }
                    #krate::__private::GeneratorState::Complete(#ret) => break #ret,
                }
            }
        })})
    }

    fn marker(&mut self, kind: YieldKind, mac: &Macro) -> Expr {
        match kind {
            YieldKind::Yield => self.yield_(mac, false),
            YieldKind::YieldCatch => self.yield_(mac, true),
            YieldKind::YieldFrom => self.yield_from(mac),
        }
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            Expr::Macro(m) => {
                if let Some(kind) = scan::yield_kind(&m.mac.path) {
                    *e = self.marker(kind, &m.mac);
                } else {
                    self.visit_macro_mut(&mut m.mac);
                }
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(m) = s
            && let Some(kind) = scan::yield_kind(&m.mac.path)
        {
            let e = self.marker(kind, &m.mac);
            let semi = m.semi_token;
            *s = Stmt::Expr(e, semi);
            return;
        }
        visit_mut::visit_stmt_mut(self, s);
    }

    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        if scan::is_block_macro(&mac.path) || !scan::tokens_mention_yield(&mac.tokens) {
            return;
        }
        let Some(mut args) = MacroArgs::parse(mac) else {
            let name = crate::lower::macros::macro_name(mac);
            self.cx.error_spanned_by(
                &*mac,
                format!(
                    "`yield_!` inside `{name}!`: the generator cannot see into this macro's tokens; bind the value first: `let v = yield_!(..); {name}!(.. v ..)`"
                ),
            );
            return;
        };
        for e in args.exprs_mut() {
            self.visit_expr_mut(e);
        }
        mac.tokens = args.to_tokens();
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
