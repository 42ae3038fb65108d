//! Marking an `#[async_gen]` body's suspensions for the enum path, and giving each parked value
//! its place.
//!
//! Input:  the body, which `path::check` sent to the enum path.
//! Output: the body with every `.await` outside closures, async blocks and items, and every
//!         `for_await!` / `yield_from!`, rewritten into `__coro_await!` markers (which the
//!         "contains a suspension" predicate sees, and `lower/await_point.rs` lowers), plus the
//!         number of places at each level of the parked-values tree.
//!
//! A value is parked at the level of its `for_await!` nesting: a loop's stream stays parked at
//! level `d` while the awaits of its body park at `d + 1`. Within a level, one value at a time.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Macro, Stmt};

use crate::for_await::ForAwait;
use crate::lower::await_point::AWAIT_MARKER;
use crate::scan::{YieldKind, yield_kind};

pub struct Marked {
    /// Places per level.
    pub levels: Vec<usize>,
    /// Markers written (each is lowered once).
    pub markers: usize,
    /// What `Debug` shows for a `for_await!` waiting for its next item, per (level, place).
    pub next_sources: Vec<((usize, usize), String)>,
}

/// `result_yield`: the `yield` type of a fn returning `Result` (its `yield_from!` items must be
/// that type), and the path to `coro_core`.
pub fn mark(body: &mut syn::Block, result_yield: Option<(&TokenStream, &TokenStream)>) -> Marked {
    let mut m = Marks {
        result_yield: result_yield.map(|(y, k)| (y.clone(), k.clone())),
        depth: 0,
        out: Marked {
            levels: Vec::new(),
            markers: 0,
            next_sources: Vec::new(),
        },
    };
    m.visit_block_mut(body);
    m.out
}

struct Marks {
    result_yield: Option<(TokenStream, TokenStream)>,
    depth: usize,
    out: Marked,
}

impl Marks {
    fn place(&mut self) -> (usize, usize) {
        let d = self.depth;
        if self.out.levels.len() <= d {
            self.out.levels.resize(d + 1, 0);
        }
        self.out.levels[d] += 1;
        (d, self.out.levels[d] - 1)
    }

    /// `__coro_await!(@level place kind, tokens)`, spanned at `span`.
    fn marker(&mut self, span: Span, head: &TokenStream, tokens: &TokenStream) -> TokenStream {
        self.out.markers += 1;
        let path = Ident::new(AWAIT_MARKER, span);
        quote_spanned!(span=> #path!(@ #head, #tokens))
    }

    // Desugar from `for_await!('l: pat in stream { body })` (and `yield_from!(stream)`, which is
    // `for_await!(item in stream { yield_!(item) })`)
    // into         { park stream at (d, k); 'l: loop {
    //                    let pat = match next item of (d, k) { Some(i) => i, None => break };
    //                    body } clear level d }
    fn for_await(&mut self, input: ForAwait, span: Span) -> Expr {
        let ForAwait {
            label,
            pat,
            mut expr,
            mut body,
        } = input;
        self.visit_expr_mut(&mut expr);
        let (level, place) = self.place();
        let source = format!("{}", expr.to_token_stream());
        self.out.next_sources.push(((level, place), source));
        self.depth += 1;
        self.visit_block_mut(&mut body);
        self.depth -= 1;
        let at = lit(level);
        let k = lit(place);
        let park = self.marker(expr.span(), &quote!(#at #k park), &quote!(#expr));
        let next = self.marker(span, &quote!(#at #k next), &TokenStream::new());
        let clear = self.marker(span, &quote!(#at clear), &TokenStream::new());
        let item = Ident::new("__coro_item", Span::mixed_site());
        let break_ = quote_spanned!(Span::mixed_site()=> break);
        let stmts = &body.stmts;
        syn::parse_quote!({
            #park;
            #label loop {
                let #pat = match #next {
                    ::core::option::Option::Some(#item) => #item,
                    ::core::option::Option::None => #break_,
                };
                #(#stmts)*
            }
            #clear;
        })
    }

    /// The loop a `for_await!` or `yield_from!` macro stands for, if it is one.
    fn expand(&mut self, mac: &Macro) -> Option<Expr> {
        let span = mac.path.span();
        let input = match yield_kind(&mac.path) {
            Some(YieldKind::YieldFrom) => {
                let expr: Expr = mac.parse_body().ok()?;
                // "expected `u32`, found `&str`" points at the user's stream.
                let at = expr.span();
                let item = Ident::new("__coro_from", Span::mixed_site().located_at(at));
                let y = Ident::new("yield_", at);
                let value = if let Some((ty, krate)) = &self.result_yield {
                    quote_spanned!(at=> <_ as #krate::OkItem<#ty>>::ok_item(#item))
                } else {
                    quote!(#item)
                };
                ForAwait {
                    label: None,
                    pat: syn::parse_quote!(#item),
                    expr,
                    body: syn::parse_quote!({ #y!(#value); }),
                }
            }
            _ if is_for_await(mac) => mac.parse_body::<ForAwait>().ok()?,
            _ => return None,
        };
        Some(self.for_await(input, span))
    }
}

fn is_for_await(mac: &Macro) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "for_await" && s.arguments.is_none())
}

fn lit(n: usize) -> syn::LitInt {
    syn::LitInt::new(&n.to_string(), Span::call_site())
}

impl VisitMut for Marks {
    // A `yield_!`'s value is part of the body (`yield_!(fetch(i).await)`).
    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        if yield_kind(&mac.path) == Some(YieldKind::Yield)
            && let Ok(mut value) = mac.parse_body::<Expr>()
        {
            self.visit_expr_mut(&mut value);
            mac.tokens = quote!(#value);
        }
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(m) = s
            && let Some(expanded) = self.expand(&m.mac)
        {
            *s = Stmt::Expr(expanded, m.semi_token);
            return;
        }
        visit_mut::visit_stmt_mut(self, s);
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(m) = e
            && let Some(expanded) = self.expand(&m.mac)
        {
            *e = expanded;
            return;
        }
        visit_mut::visit_expr_mut(self, e);
        let Expr::Await(aw) = e else {
            return;
        };
        let (level, place) = self.place();
        let (at, k) = (lit(level), lit(place));
        let base = &aw.base;
        // The marker has the span of the user's `operand.await`, so errors and `Debug` show it.
        let marker = self.marker(aw.span(), &quote!(#at #k await), &quote!(#base));
        let attrs = std::mem::take(&mut aw.attrs);
        let mut expr: Expr = syn::parse2(marker).expect("a macro call");
        if let Expr::Macro(m) = &mut expr {
            m.attrs = attrs;
        }
        *e = expr;
    }

    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
