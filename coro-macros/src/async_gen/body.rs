//! Rewriting an `#[async_gen]` body: `for_await!` is expanded in place, `yield_!`/`yield_from!`
//! become awaits on the stream's yield handle, in the AST and inside other macros' tokens.
//!
//! Three passes over the body, in this order:
//! 1. [`expand_for_await`]: `for_await!(..)` calls become plain loops (so pass 2 and 3 see their
//!    bodies as ordinary code);
//! 2. checks: `scan::check_body` (markers inside closures, async blocks, nested items), plus
//!    [`check_macro_tokens`] for the same mistakes inside other macros' tokens (best effort:
//!    only tokens that parse as comma-separated expressions are checked);
//! 3. [`Rewriter`]: markers become awaits.
//!
//! Soundness does not depend on the checks of pass 2: the yield handle is a hygienic local that
//! mutably borrows the body's `Yielder`, so even a marker that ends up in a closure or async block
//! (even a `move` one) after some other macro's expansion can only use it within the body's future.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Macro, Path, Stmt, Token};

use crate::args::Kind;
use crate::diag::Ctxt;
use crate::for_await::{self, ForAwait};
use crate::scan::{self, YieldKind};

fn is_for_await(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident == "for_await" && s.arguments.is_none())
}

/// Pass 1.
/// Input:  `for_await!(x in s { yield_!(x) })`
/// Output: the loop of [`for_await::lower`], with `yield_!(x)` still a macro.
/// Returns the paths the user wrote for `for_await`, to keep their imports used.
pub fn expand_for_await(cx: &Ctxt, block: &mut Block, krate: &TokenStream) -> Vec<Path> {
    struct Expander<'a> {
        cx: &'a Ctxt,
        krate: &'a TokenStream,
        paths: Vec<Path>,
    }
    impl Expander<'_> {
        fn expand(&mut self, mac: &Macro) -> Option<Expr> {
            if !is_for_await(&mac.path) {
                return None;
            }
            let key = mac.path.to_token_stream().to_string();
            if !self
                .paths
                .iter()
                .any(|p| p.to_token_stream().to_string() == key)
            {
                self.paths.push(mac.path.clone());
            }
            let mut parsed: ForAwait = match mac.parse_body() {
                Ok(parsed) => parsed,
                Err(err) => {
                    self.cx.syn_error(err);
                    return None;
                }
            };
            self.visit_expr_mut(&mut parsed.expr);
            self.visit_block_mut(&mut parsed.body);
            let span = mac
                .path
                .segments
                .last()
                .map_or_else(Span::call_site, |s| s.ident.span());
            let tokens = for_await::lower(&parsed, self.krate, span);
            match syn::parse2(tokens) {
                Ok(expr) => Some(expr),
                Err(err) => {
                    self.cx.syn_error(err);
                    None
                }
            }
        }
    }
    impl VisitMut for Expander<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            if let Expr::Macro(m) = e {
                if let Some(new) = self.expand(&m.mac) {
                    *e = new;
                }
                return;
            }
            visit_mut::visit_expr_mut(self, e);
        }
        fn visit_stmt_mut(&mut self, s: &mut Stmt) {
            if let Stmt::Macro(m) = s {
                if let Some(new) = self.expand(&m.mac) {
                    *s = Stmt::Expr(new, m.semi_token);
                }
                return;
            }
            visit_mut::visit_stmt_mut(self, s);
        }
        // `for_await!` in these is expanded on its own later, with `::coro_core` paths.
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut expander = Expander {
        cx,
        krate,
        paths: Vec::new(),
    };
    expander.visit_block_mut(block);
    expander.paths
}

/// Pass 2, for what `scan::check_body` cannot see: markers inside closures or async blocks that
/// sit in another macro's tokens, e.g. `futures::join!(async { yield_!(1) }, ...)`.
pub fn check_macro_tokens(cx: &Ctxt, block: &Block) {
    struct Macros<'a> {
        cx: &'a Ctxt,
    }
    impl<'ast> Visit<'ast> for Macros<'_> {
        fn visit_macro(&mut self, mac: &'ast Macro) {
            if scan::yield_kind(&mac.path).is_some()
                || scan::is_block_macro(&mac.path)
                || !scan::tokens_mention_yield(&mac.tokens)
            {
                return;
            }
            let parsed = if is_for_await(&mac.path) {
                mac.parse_body::<ForAwait>().ok().map(|f| {
                    vec![
                        f.expr,
                        Expr::Block(syn::ExprBlock {
                            attrs: Vec::new(),
                            label: None,
                            block: f.body,
                        }),
                    ]
                })
            } else {
                mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                    .ok()
                    .map(|p| p.into_iter().collect())
            };
            let Some(exprs) = parsed else { return };
            let stmts = exprs
                .into_iter()
                .map(|e| Stmt::Expr(e, Some(Token![;](Span::call_site()))))
                .collect();
            let inner = Block {
                brace_token: syn::token::Brace::default(),
                stmts,
            };
            scan::check_body(self.cx, &inner, Kind::AsyncGen);
            self.visit_block(&inner);
        }
        // Markers in these were reported by `scan::check_body` already.
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    Macros { cx }.visit_block(block);
}

/// Pass 3: turns the markers into awaits on the yield handle.
pub struct Rewriter<'a> {
    pub cx: &'a Ctxt,
    pub krate: &'a TokenStream,
    /// The hygienic yield handle local (`Yielder::handle`, borrowing the body's `Yielder`).
    pub yielder: Ident,
    /// The fn returns `Result<(), E>`: yielded values are wrapped in `Ok`.
    pub result: bool,
}

impl Rewriter<'_> {
    /// Input:  `yield_!(x)` / `yield_!()` / `yield_from!(s)`
    /// Output: `__yielder.yield_(x).await` (`yield_ok` for `Result` fns) / `yield_(())` /
    ///         `{ let mut __yf = pin!(s); while let Some(__v) = next(__yf.as_mut()).await { yield } }`
    fn marker(&self, kind: YieldKind, span: Span, args: &TokenStream) -> Option<TokenStream> {
        let nested = scan::tokens_mention_yield(args);
        let args = self.subst(args);
        let yielder = &self.yielder;
        let method = Ident::new(if self.result { "yield_ok" } else { "yield_" }, span);
        let await_ = Ident::new("await", span);
        match kind {
            YieldKind::Yield if args.is_empty() => {
                Some(quote_spanned!(span=> #yielder.#method(()).#await_))
            }
            // A yield in the value (`yield_!({ yield_!(1); 2 })`) borrows the yielder too: the
            // value goes first (bug AI of the differential test: E0499).
            YieldKind::Yield if nested => {
                let expr: Expr = self.parse_arg(kind, span, args)?;
                let v = Ident::new("__coro_value", Span::mixed_site());
                Some(quote_spanned!(span=> { let #v = #expr; #yielder.#method(#v).#await_ }))
            }
            YieldKind::Yield => {
                let expr: Expr = self.parse_arg(kind, span, args)?;
                Some(quote_spanned!(span=> #yielder.#method(#expr).#await_))
            }
            YieldKind::YieldCatch => {
                self.cx.error_at(
                    span,
                    "`yield_catch!` is for `#[generator(.., throw = E)]` fns: a stream cannot be thrown into, so use `yield_!`",
                );
                None
            }
            YieldKind::YieldFrom => {
                if args.is_empty() {
                    self.cx
                        .error_at(span, "`yield_from!` needs a stream: `yield_from!(stream)`");
                    return None;
                }
                let expr: Expr = self.parse_arg(kind, span, args)?;
                let krate = self.krate;
                let from = Ident::new("__yield_from", Span::mixed_site());
                let item = Ident::new("__item", Span::mixed_site());
                let next = quote_spanned!(expr.span()=> #krate::__private::next);
                let check = quote_spanned!(expr.span()=> #krate::StreamOperand::into_stream);
                // "expected `Y`, found `Z`" points at the user's expression.
                let item_at = Ident::new("__item", Span::mixed_site().located_at(expr.span()));
                let forward = if self.result {
                    // A wrong item type is reported at the operand (see `YieldFromOk`).
                    quote_spanned! {expr.span()=>
                        #krate::YieldFromOk::yield_from_ok((&mut #yielder, #item_at))
                    }
                } else {
                    quote_spanned!(span=> #yielder.#method(#item_at))
                };
                Some(quote_spanned! {span=>
                    {
                        let mut #from = ::core::pin::pin!(#check(#expr));
                        while let ::core::option::Option::Some(#item) =
                            #next(::core::pin::Pin::as_mut(&mut #from)).#await_
                        {
                            #forward.#await_;
                        }
                    }
                })
            }
        }
    }

    fn parse_arg(&self, kind: YieldKind, span: Span, args: TokenStream) -> Option<Expr> {
        match syn::parse2::<Expr>(args) {
            Ok(expr) => Some(expr),
            Err(err) => {
                let what = match kind {
                    YieldKind::Yield | YieldKind::YieldCatch => {
                        "`yield_!` takes one expression (or none, to yield `()`)"
                    }
                    YieldKind::YieldFrom => "`yield_from!` takes one expression: the stream",
                };
                let mut e = syn::Error::new(span, what);
                e.combine(err);
                self.cx.syn_error(e);
                None
            }
        }
    }

    fn rewrite_macro(&self, mac: &mut Macro) -> Option<Expr> {
        if let Some(kind) = scan::yield_kind(&mac.path) {
            let span = mac
                .path
                .segments
                .last()
                .map_or_else(Span::call_site, |s| s.ident.span());
            let tokens = self.marker(kind, span, &mac.tokens)?;
            return match syn::parse2(tokens) {
                Ok(expr) => Some(expr),
                Err(err) => {
                    self.cx.syn_error(err);
                    None
                }
            };
        }
        if scan::is_block_macro(&mac.path) || !scan::tokens_mention_yield(&mac.tokens) {
            return None;
        }
        // `dbg!(yield_!(x))` prints `yield_!(x)`, not the rewritten `.await` (see `dbg_with_source`).
        if crate::lower::macros::macro_name(mac) == "dbg"
            && let Ok(args) =
                Punctuated::<Expr, Token![,]>::parse_terminated.parse2(mac.tokens.clone())
            && !args.is_empty()
        {
            let exprs: Vec<&Expr> = args.iter().collect();
            let values: Vec<TokenStream> = args
                .iter()
                .map(|e| self.subst(&e.to_token_stream()))
                .collect();
            let printed = crate::lower::macros::dbg_with_source(mac, &exprs, &values);
            return syn::parse2(printed).ok();
        }
        mac.tokens = self.subst(&mac.tokens);
        None
    }

    /// Token-level rewriting inside another macro's input (`println!("{}", yield_!(x))`, a
    /// `for_await!` inside a closure's macro, ...): `[path ::] yield_ ! (args)` is replaced by the
    /// marker's expansion, at any depth.
    pub(super) fn subst(&self, tokens: &TokenStream) -> TokenStream {
        let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let mut out = TokenStream::new();
        let mut i = 0;
        while i < tts.len() {
            if let Some((end, kind, span, group)) = marker_call(&tts, i) {
                match self.marker(kind, span, &group.stream()) {
                    Some(expansion) => out.extend(expansion),
                    // Keep the call: the error is reported, and the marker's own
                    // `compile_error!` never fires because the expansion fails as a whole.
                    None => out.extend(tts[i..=end].iter().cloned()),
                }
                i = end + 1;
                continue;
            }
            // A block form's input keeps its own markers.
            if let (TokenTree::Ident(id), Some(TokenTree::Punct(p)), Some(TokenTree::Group(_))) =
                (&tts[i], tts.get(i + 1), tts.get(i + 2))
                && (id == "gen_block" || id == "async_gen_block")
                && p.as_char() == '!'
            {
                out.extend(tts[i..i + 3].iter().cloned());
                i += 3;
                continue;
            }
            match &tts[i] {
                TokenTree::Group(g) => {
                    let mut new = Group::new(g.delimiter(), self.subst(&g.stream()));
                    new.set_span(g.span());
                    out.extend([TokenTree::Group(new)]);
                }
                tt => out.extend([tt.clone()]),
            }
            i += 1;
        }
        out
    }
}

/// Recognizes `[::] a :: b :: yield_ ! (..)` starting at `tts[start]`: returns the index of the
/// argument group, the marker kind, the marker ident's span and the group.
fn marker_call(tts: &[TokenTree], start: usize) -> Option<(usize, YieldKind, Span, &Group)> {
    let is_colon = |i: usize| matches!(tts.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':');
    let mut i = start;
    if is_colon(i) && is_colon(i + 1) {
        i += 2;
    }
    loop {
        let TokenTree::Ident(ident) = tts.get(i)? else {
            return None;
        };
        if is_colon(i + 1) && is_colon(i + 2) {
            i += 3;
            continue;
        }
        let kind = if ident == "yield_" {
            YieldKind::Yield
        } else if ident == "yield_from" {
            YieldKind::YieldFrom
        } else {
            return None;
        };
        let bang = matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
        return match tts.get(i + 2) {
            Some(TokenTree::Group(g)) if bang && g.delimiter() != Delimiter::None => {
                Some((i + 2, kind, ident.span(), g))
            }
            _ => None,
        };
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        if let Expr::Macro(m) = e {
            if let Some(new) = self.rewrite_macro(&mut m.mac) {
                *e = new;
            }
            return;
        }
        visit_mut::visit_expr_mut(self, e);
    }
    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        if let Stmt::Macro(m) = s {
            if let Some(new) = self.rewrite_macro(&mut m.mac) {
                *s = Stmt::Expr(new, m.semi_token);
            }
            return;
        }
        visit_mut::visit_stmt_mut(self, s);
    }
    // Markers here were reported by pass 2; leave them for their `compile_error!`.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `yield_!(@used);` for each path the user wrote (see `coro_core`'s markers module), and the
/// same for `for_await!`, whose calls the attribute expanded itself.
pub fn keep_imports_used(paths: &[Path]) -> TokenStream {
    paths.iter().map(|p| quote!(#p!(@used);)).collect()
}
