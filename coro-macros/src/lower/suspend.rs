//! Suspension points: `yield_!`, `yield_catch!` and `yield_from!`.
//!
//! Input:  the marker macro, inside a body being lowered.
//! Output: a `Yield` jump to a new resumed block, and the expression the marker evaluates to
//!         there (the sent value; under `throw = E` the `Result`, raised like `?` by `yield_!`;
//!         the sub-generator's return value for `yield_from!`).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Expr;
use syn::spanned::Spanned;

use super::{BlockKind, JumpKind, Lowerer, Point};

impl Lowerer<'_> {
    /// `yield_!(v)`: evaluate `v`, suspend, and in the resumed block evaluate to the sent value.
    /// With `throw = E`, a thrown error arrives instead: `yield_!` raises it like `?`, and
    /// `yield_catch!` (`catch`) evaluates to the `Result<R, E>`.
    pub fn lower_yield(&mut self, mac: &syn::Macro, used: bool, catch: bool) -> TokenStream {
        self.check_yield_form(mac, catch);
        let value = match mac
            .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        {
            Ok(args) if args.is_empty() => quote!(()),
            Ok(args) if args.len() == 1 => {
                let arg = args.first().expect("one");
                self.check_sink_value(arg);
                let v = self.expr(arg);
                self.mention_hidden(&v);
                // An `#[async_gen]` fn returning `Result<(), E>` yields `Ok(y)`.
                if self.ctx.awaits.as_ref().is_some_and(|a| a.result) {
                    quote!(::core::result::Result::Ok(#v))
                } else {
                    v
                }
            }
            Ok(args) => {
                self.cx.error_spanned_by(
                    &args,
                    "`yield_!` takes one value: `yield_!(value)`; to yield several, yield a tuple: `yield_!((a, b))`",
                );
                quote!(())
            }
            Err(err) => {
                self.cx.syn_error(err);
                quote!(())
            }
        };
        let value_span = mac.tokens.span();
        let point = self.point(mac);
        let resumed = self.new_block(BlockKind::Resume(point));
        let j = self.jump(resumed, JumpKind::Yield { value, value_span }, Vec::new());
        self.emit_raw(j);
        self.switch_to(resumed);
        let mut resume = self.resume_value();
        if self.ctx.throw_ty.is_some() && !catch {
            // Desugar from `yield_!(v)` into `yield_catch!(v)?`.
            resume = self.try_residual(&resume, mac.path.span());
        }
        if used {
            let (r_id, r) = self.temp("r");
            self.note_resumed(r_id, mac.path.span());
            self.emit_raw(quote!(let #r = #resume;));
            self.tie_sites(r_id..r_id + 1, None);
            // Where the value is used, a type mismatch points at the user's `yield_!`.
            let mut at_yield = r.clone();
            at_yield.set_span(r.span().located_at(mac.path.span()));
            quote!(#at_yield)
        } else {
            if !self.ctx.resume_is_unit || self.ctx.throw_ty.is_some() {
                self.emit_raw(quote!(let _ = #resume;));
            }
            quote!(())
        }
    }

    /// Rules of `throw = E` (see [`check_throw_rules`]).
    fn check_yield_form(&self, mac: &syn::Macro, catch: bool) {
        check_throw_rules(
            self.cx,
            mac,
            catch,
            self.ctx.throw_ty.as_ref(),
            self.ctx.returns_unit,
        );
    }

    /// A sink (`yield` omitted) yields `()`: a value given to `yield_!` gets coro's own error.
    fn check_sink_value(&self, arg: &Expr) {
        let unit = matches!(arg, Expr::Tuple(t) if t.elems.is_empty());
        if self.ctx.sink && !unit {
            self.cx.error_spanned_by(
                arg,
                "this generator has no `yield` type, so it yields `()` (a sink: it only receives values)\nhelp: write `yield_!()` to wait for the next value, or add `yield = Type` to `#[generator(..)]` to yield this one",
            );
        }
    }

    /// `yield_from!(g)`: start `g`, forward its yields out and the sent values in; evaluates to
    /// its return value.
    pub fn lower_yield_from(&mut self, mac: &syn::Macro) -> TokenStream {
        let arg = match mac.parse_body::<Expr>() {
            Ok(e) => e,
            Err(err) => {
                self.cx.syn_error(syn::Error::new(
                    err.span(),
                    "`yield_from!` takes one generator: `yield_from!(other_generator(args))`",
                ));
                return quote!(());
            }
        };
        let g = self.expr(&arg);
        self.mention_hidden(&g);
        let krate = &self.ctx.krate;
        let resume_ty = &self.ctx.resume_ty;
        let (gen_id, gv) = self.temp("gen");
        self.record_delegation_borrows(&arg, gen_id);
        let g = self.in_unsafe(g);
        // "not a generator" errors point at the user's argument.
        let span = arg.span();
        let calls = if let Some(calls) = self.delegate_calls(span) {
            let delegate = self.delegate(&g, span);
            self.emit_raw(quote!(let mut #gv = #delegate;));
            calls
        } else {
            self.emit_raw(quote!(let mut #gv = #g;));
            let proto = quote_spanned!(span=> <_ as #krate::__private::Generator<#resume_ty>>);
            (
                quote_spanned!(span=> #proto::start),
                quote_spanned!(span=> #proto::send),
                None,
            )
        };
        let (start, send, throw) = calls;
        let (ret_id, ret) = self.temp("ret");
        let cont = self.new_block(BlockKind::Internal);
        let point = self.point(mac);
        let resumed = self.new_block(BlockKind::Resume(point));
        let y = proc_macro2::Ident::new("__coro_y", Span::mixed_site().located_at(arg.span()));
        let v = proc_macro2::Ident::new("__coro_v", Span::mixed_site());
        let step = |this: &mut Self, call: TokenStream| {
            this.mention_hidden(&quote!(#gv));
            let yielded = this.jump(
                resumed,
                JumpKind::Yield {
                    value: quote!(#y),
                    value_span: arg.span(),
                },
                Vec::new(),
            );
            let completed = this.jump(cont, JumpKind::Goto, vec![(ret_id, quote!(#v))]);
            this.emit_raw(quote! {
                match #call {
                    #krate::__private::GeneratorState::Yielded(#y) => #yielded,
                    #krate::__private::GeneratorState::Complete(#v) => #completed,
                }
            });
        };
        step(self, quote_spanned!(span=> #start(&mut #gv)));
        self.switch_to(resumed);
        let resume = self.resume_value();
        let resumed_call = match throw {
            None => quote_spanned!(span=> #send(&mut #gv, #resume)),
            Some((throw, e_ty)) => {
                // PEP 380: a thrown error goes to the sub-generator; one it cannot take (or an
                // iterable) comes back and is raised here, like `?`.
                let value = proc_macro2::Ident::new("__coro_sent", Span::mixed_site());
                let err = proc_macro2::Ident::new("__coro_err", Span::mixed_site());
                let s = proc_macro2::Ident::new("__coro_s", Span::mixed_site());
                let raised = self.complete(&quote! {
                    #krate::FromResidual::from_residual(
                        ::core::result::Result::<::core::convert::Infallible, #e_ty>::Err(#err),
                    )
                });
                quote! {
                    match #resume {
                        ::core::result::Result::Ok(#value) => #send(&mut #gv, #value),
                        ::core::result::Result::Err(#err) => match #throw(&mut #gv, #err) {
                            ::core::result::Result::Ok(#s) => #s,
                            ::core::result::Result::Err(#err) => #raised,
                        },
                    }
                }
            }
        };
        step(self, resumed_call);
        self.switch_to(cont);
        quote!(#ret)
    }

    /// With a resume type of `()` or a `throw` type, `yield_from!` goes through the delegation
    /// ladder (`coro_core::Delegate`, hidden): its start, send and (with `throw`) throw calls.
    #[allow(
        clippy::type_complexity,
        reason = "three paths, named at the one call site"
    )]
    fn delegate_calls(
        &self,
        span: Span,
    ) -> Option<(TokenStream, TokenStream, Option<(TokenStream, TokenStream)>)> {
        if !self.ctx.resume_is_unit && self.ctx.throw_ty.is_none() {
            return None;
        }
        let krate = &self.ctx.krate;
        let resume_ty = &self.ctx.resume_ty;
        let e_ty = self
            .ctx
            .throw_ty
            .clone()
            .unwrap_or_else(|| quote!(::core::convert::Infallible));
        let proto = quote_spanned!(span=> <_ as #krate::Delegate<#resume_ty, #e_ty>>);
        let throw = self
            .ctx
            .throw_ty
            .as_ref()
            .map(|e| (quote_spanned!(span=> #proto::throw), e.clone()));
        Some((
            quote_spanned!(span=> #proto::start),
            quote_spanned!(span=> #proto::send),
            throw,
        ))
    }

    /// Desugar from `yield_from!(x)` into the rung of the delegation ladder `x`'s type fits
    /// (see coro-core's `delegate.rs`).
    fn delegate(&self, g: &TokenStream, span: Span) -> TokenStream {
        let e_ty = self
            .ctx
            .throw_ty
            .clone()
            .unwrap_or_else(|| quote!(::core::convert::Infallible));
        delegation_ladder(&self.ctx.krate, &self.ctx.resume_ty, &e_ty, g, span)
    }

    /// Registers a suspension point for `status()` and `Debug`.
    fn point(&mut self, mac: &syn::Macro) -> usize {
        self.g.points.push(point_of(mac));
        self.g.points.len() - 1
    }
}

/// Rules of `throw = E`, in both modes: `yield_catch!` needs it, and a `yield_!` that raises a
/// thrown error needs a return type to complete with (`returns_unit`: the fn returns `()`).
pub fn check_throw_rules(
    cx: &crate::diag::Ctxt,
    mac: &syn::Macro,
    catch: bool,
    throw_ty: Option<&TokenStream>,
    returns_unit: bool,
) {
    let Some(e) = throw_ty else {
        if catch {
            cx.error_spanned_by(
                &mac.path,
                "`yield_catch!` needs `throw = E` in `#[generator(..)]`: it evaluates to `Err(e)` when the generator is resumed by `throw(e)`, and there is no `throw` here\nhelp: add `throw = ErrorType` to the attribute, or write `yield_!`",
            );
        }
        return;
    };
    if !catch && returns_unit {
        cx.error_spanned_by(
            &mac.path,
            format!(
                "with `throw = {e}`, `yield_!` raises a thrown error like `?` does, so the fn must return a type the error converts into\nhelp: declare a return type such as `-> Result<(), {e}>`, or catch thrown errors here with `yield_catch!(..)`, which evaluates to `Result<_, {e}>`"
            ),
        );
    }
}

/// Desugar from `yield_from!(g)` into the rung of coro-core's delegation ladder `g`'s type fits
/// (see its `delegate.rs`); shared with pinned mode.
pub fn delegation_ladder(
    krate: &TokenStream,
    resume_ty: &TokenStream,
    e_ty: &TokenStream,
    g: &TokenStream,
    span: Span,
) -> TokenStream {
    let sub = proc_macro2::Ident::new("__coro_sub", Span::mixed_site());
    let kind = proc_macro2::Ident::new("delegate_kind", Span::mixed_site().located_at(span));
    quote! {{
        #[allow(unused_imports)]
        use #krate::__private::{
            CharsKind as _, ForwardKind as _, ItemsKind as _, OtherKind as _, PinnedKind as _,
            PinnedForwardKind as _, PinnedShieldKind as _, ShieldKind as _,
        };
        let #sub = #krate::__private::Sub::<_, #resume_ty, #e_ty>::new(#g);
        (&&&&#sub).#kind().wrap(#sub)
    }}
}

/// Where a suspension point is, for `status()` and `Debug`.
pub fn point_of(mac: &syn::Macro) -> Point {
    let span = mac.path.span();
    let source = span
        .join(mac.delimiter.span().close())
        .and_then(|s| s.source_text())
        .unwrap_or_else(|| format!("{}!({})", super::macros::macro_name(mac), mac.tokens));
    let start = span.start();
    Point {
        source,
        line: start.line,
        column: start.column + 1,
        is_await: false,
    }
}
