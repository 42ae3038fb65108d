//! `#[cfg(..)]` inside a body, resolved before the body is lowered.
//!
//! An attribute macro sees its item before rustc strips `#[cfg]`-disabled code, and a proc macro
//! cannot evaluate a predicate itself. A disabled statement that holds a `yield_!` would still
//! suspend, and a disabled `let` would still declare its names; so the macro asks rustc, one
//! predicate at a time: it emits two copies of a helper macro call, one under `#[cfg(P)]` and one
//! under `#[cfg(not(P))]`; rustc removes one; the other strips (or keeps) every node marked with
//! `P` and expands the attribute again, which asks about the next predicate. The body is expanded
//! once per distinct predicate, then lowered once with every `#[cfg]` resolved.
//!
//! Desugar from:
//! ```text
//! #[generator(yield = u8)] fn f() { #[cfg(feature = "x")] yield_!(1); yield_!(2); }
//! ```
//! into:
//! ```text
//! #[cfg(feature = "x")]      ::coro_core::__private::cfg_resolved! { generator true (feature = "x") (yield = u8) fn f() { .. } }
//! #[cfg(not(feature = "x"))] ::coro_core::__private::cfg_resolved! { generator false (feature = "x") (yield = u8) fn f() { .. } }
//! ```
//!
//! Resolved: `#[cfg]` on statements, match arms and struct-literal fields of the body, outside
//! closures, async blocks and nested items (rustc configures those itself when it compiles
//! them, as they are emitted as written).

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::visit_mut::{self, VisitMut};

use crate::args::Kind;
use crate::lower::macros::MacroArgs;

/// If the body of `func` (parsed from `item`) holds a `#[cfg]`, the expansion that resolves its
/// first predicate.
pub fn defer(
    kind: Kind,
    krate: &TokenStream,
    args: &TokenStream,
    item: &TokenStream,
    func: &syn::ItemFn,
) -> Option<TokenStream> {
    let mut body = (*func.block).clone();
    let mut first = FirstCfg(None);
    first.visit_block_mut(&mut body);
    let pred = first.0?;
    let kind = match kind {
        Kind::Generator => quote!(generator),
        Kind::AsyncGen => quote!(async_gen),
    };
    Some(quote! {
        #[cfg(#pred)]
        #krate::__private::cfg_resolved! { #kind true (#pred) (#args) #item }
        #[cfg(not(#pred))]
        #krate::__private::cfg_resolved! { #kind false (#pred) (#args) #item }
    })
}

/// The first `#[cfg]` predicate of a body, in source order (for the block forms, whose body
/// is not a fn's).
pub fn first_predicate(block: &syn::Block) -> Option<TokenStream> {
    let mut first = FirstCfg(None);
    first.visit_block_mut(&mut block.clone());
    first.0
}

/// Applies rustc's decision about `pred` to a body (see [`resolve`]).
pub fn strip(block: &mut syn::Block, pred: &TokenStream, keep: bool) {
    Strip {
        pred: pred.to_string(),
        keep,
    }
    .visit_block_mut(block);
}

/// The helper macro's input: `kind decision (pred) (args) item`.
pub struct Resolved {
    pub kind: Kind,
    pub args: TokenStream,
    pub item: TokenStream,
}

/// Parses the helper macro's input and applies its decision to the item.
pub fn resolve(input: TokenStream) -> syn::Result<Resolved> {
    let mut tts = input.into_iter();
    let kind = match tts.next() {
        Some(TokenTree::Ident(i)) if i == "generator" => Kind::Generator,
        Some(TokenTree::Ident(i)) if i == "async_gen" => Kind::AsyncGen,
        _ => return Err(internal()),
    };
    let keep = match tts.next() {
        Some(TokenTree::Ident(i)) if i == "true" => true,
        Some(TokenTree::Ident(i)) if i == "false" => false,
        _ => return Err(internal()),
    };
    let mut group = || match tts.next() {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => Ok(g.stream()),
        _ => Err(internal()),
    };
    let pred = group()?;
    let args = group()?;
    let mut func: syn::ItemFn = syn::parse2(tts.collect())?;
    Strip {
        pred: pred.to_string(),
        keep,
    }
    .visit_block_mut(&mut func.block);
    Ok(Resolved {
        kind,
        args,
        item: func.into_token_stream(),
    })
}

fn internal() -> syn::Error {
    syn::Error::new(
        proc_macro2::Span::call_site(),
        "`cfg_resolved!` is an internal macro of coro: use #[generator] or #[async_gen]",
    )
}

/// The argument of `yield_!(e)` / `yield_from!(e)`.
fn yield_argument(mac: &syn::Macro) -> Option<syn::Expr> {
    crate::scan::yield_kind(&mac.path)?;
    mac.parse_body::<syn::Expr>().ok()
}

/// The input of a `for_await!(..)`.
fn for_await_input(mac: &syn::Macro) -> Option<crate::for_await::ForAwait> {
    let last = mac.path.segments.last()?;
    (last.ident == "for_await" && last.arguments.is_none())
        .then(|| mac.parse_body().ok())
        .flatten()
}

/// The predicate of a `#[cfg(..)]` attribute.
fn cfg_predicate(attr: &syn::Attribute) -> Option<TokenStream> {
    match &attr.meta {
        syn::Meta::List(l) if l.path.is_ident("cfg") => Some(l.tokens.clone()),
        _ => None,
    }
}

/// The attributes of the nodes this pass resolves.
fn stmt_attrs(stmt: &mut syn::Stmt) -> Option<&mut Vec<syn::Attribute>> {
    match stmt {
        syn::Stmt::Local(l) => Some(&mut l.attrs),
        syn::Stmt::Macro(m) => Some(&mut m.attrs),
        syn::Stmt::Expr(e, _) => expr_attrs(e),
        // Nested items keep their `#[cfg]`: they are emitted as written.
        syn::Stmt::Item(_) => None,
    }
}

fn expr_attrs(e: &mut syn::Expr) -> Option<&mut Vec<syn::Attribute>> {
    use syn::Expr;
    Some(match e {
        Expr::Array(x) => &mut x.attrs,
        Expr::Assign(x) => &mut x.attrs,
        Expr::Binary(x) => &mut x.attrs,
        Expr::Block(x) => &mut x.attrs,
        Expr::Break(x) => &mut x.attrs,
        Expr::Call(x) => &mut x.attrs,
        Expr::Continue(x) => &mut x.attrs,
        Expr::ForLoop(x) => &mut x.attrs,
        Expr::If(x) => &mut x.attrs,
        Expr::Loop(x) => &mut x.attrs,
        Expr::Macro(x) => &mut x.attrs,
        Expr::Match(x) => &mut x.attrs,
        Expr::MethodCall(x) => &mut x.attrs,
        Expr::Paren(x) => &mut x.attrs,
        Expr::Path(x) => &mut x.attrs,
        Expr::Return(x) => &mut x.attrs,
        Expr::Tuple(x) => &mut x.attrs,
        Expr::Unary(x) => &mut x.attrs,
        Expr::Unsafe(x) => &mut x.attrs,
        Expr::While(x) => &mut x.attrs,
        _ => return None,
    })
}

/// Finds the first `#[cfg]` predicate in source order.
struct FirstCfg(Option<TokenStream>);

impl FirstCfg {
    fn look(&mut self, attrs: &[syn::Attribute]) {
        if self.0.is_none() {
            self.0 = attrs.iter().find_map(cfg_predicate);
        }
    }
}

impl VisitMut for FirstCfg {
    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let Some(attrs) = stmt_attrs(stmt) {
            self.look(attrs);
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }
    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        self.look(&arm.attrs);
        visit_mut::visit_arm_mut(self, arm);
    }
    fn visit_field_value_mut(&mut self, f: &mut syn::FieldValue) {
        self.look(&f.attrs);
        visit_mut::visit_field_value_mut(self, f);
    }
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(mut e) = yield_argument(mac) {
            self.visit_expr_mut(&mut e);
        } else if let Some(mut f) = for_await_input(mac) {
            self.visit_expr_mut(&mut f.expr);
            self.visit_block_mut(&mut f.body);
        } else if let Some(mut args) = MacroArgs::parse(mac) {
            for e in args.exprs_mut() {
                self.visit_expr_mut(e);
            }
        }
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Removes the nodes whose `#[cfg]` is the decided predicate (when it is false), or the
/// attribute alone (when it is true).
struct Strip {
    pred: String,
    keep: bool,
}

impl Strip {
    /// Whether the node stays; drops the decided attribute from it.
    fn decide(&self, attrs: &mut Vec<syn::Attribute>) -> bool {
        let mut stays = true;
        attrs.retain(|a| match cfg_predicate(a) {
            Some(p) if p.to_string() == self.pred => {
                stays &= self.keep;
                false
            }
            _ => true,
        });
        stays
    }
}

impl VisitMut for Strip {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        block
            .stmts
            .retain_mut(|s| stmt_attrs(s).is_none_or(|attrs| self.decide(attrs)));
        visit_mut::visit_block_mut(self, block);
    }
    fn visit_expr_match_mut(&mut self, m: &mut syn::ExprMatch) {
        m.arms.retain_mut(|arm| self.decide(&mut arm.attrs));
        visit_mut::visit_expr_match_mut(self, m);
    }
    fn visit_expr_struct_mut(&mut self, s: &mut syn::ExprStruct) {
        let fields = std::mem::take(&mut s.fields);
        for pair in fields.into_pairs() {
            let (mut field, comma) = pair.into_tuple();
            if self.decide(&mut field.attrs) {
                s.fields.push_value(field);
                if let Some(c) = comma {
                    s.fields.push_punct(c);
                }
            }
        }
        visit_mut::visit_expr_struct_mut(self, s);
    }
    /// The arguments of the std macros the lowering reads as expressions (`vec![..]`,
    /// `format!(..)`, ...): a `yield_!` there suspends, so a `#[cfg]` there counts too.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(mut e) = yield_argument(mac) {
            let before = e.to_token_stream().to_string();
            self.visit_expr_mut(&mut e);
            if e.to_token_stream().to_string() != before {
                mac.tokens = e.into_token_stream();
            }
        } else if let Some(mut f) = for_await_input(mac) {
            // `#[async_gen]`'s enum path lowers a `for_await!` body as part of its own.
            let before = f.to_tokens().to_string();
            self.visit_expr_mut(&mut f.expr);
            self.visit_block_mut(&mut f.body);
            let after = f.to_tokens();
            if after.to_string() != before {
                mac.tokens = after;
            }
        } else if let Some(mut args) = MacroArgs::parse(mac) {
            let before = args.to_tokens().to_string();
            for e in args.exprs_mut() {
                self.visit_expr_mut(e);
            }
            let after = args.to_tokens();
            if after.to_string() != before {
                mac.tokens = after;
            }
        }
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
