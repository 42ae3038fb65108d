//! `resume = &[u8]`: each sent value is *lent* for one resumption (the generator is a
//! `for<'r> Generator<&'r [u8]>`), so nothing holding it may be saved in the state.
//!
//! Input:  `let buf = yield_!(Need); for &b in buf { yield_!(Got(b)) }`
//! Output: an error at `buf`: the loop's iterator borrows the lent value across a `yield_!`.
//!
//! A local is lent when it is the value of a `yield_!`, or a `let`, `for`, `if let` or `match`
//! that binds it mentions a lent local, unless that value is plainly owned ([`owned_result`]:
//! `*v`, `v.len()`, `v.to_vec()`, arithmetic, ...). Without this check rustc reports
//! "implementation of `FnOnce` is not general enough" or "borrowed data escapes outside of
//! closure" at the attribute.
//!
//! Within one resumption a lent local may cross the joins and loop heads of lowered control
//! flow (`let line = yield_!(n); if line.is_empty() { yield_!(0); continue; } n += line.len();`):
//! the state enum cannot hold it (its type names the resumption's own lifetime), so its field
//! is `()` ([`detach`]) and a jump through the dispatch loop hands the value over in a local
//! of the step (see `emit/lent.rs`).

use proc_macro2::{Span, TokenStream, TokenTree};

use super::{Graph, JumpKind, LocalId, Lowerer};
use crate::diag::Ctxt;

impl Lowerer<'_> {
    /// Marks `locals` as lent when `tokens` (a lowered initializer) mention a lent local.
    pub fn note_lent(&mut self, tokens: &TokenStream, locals: std::ops::Range<LocalId>, at: Span) {
        if self.ctx.lent.is_some() && self.mentions_lent(tokens) {
            for l in locals {
                self.g.lent.push((l, at));
            }
        }
    }

    /// Marks the value of a `yield_!` as lent.
    pub fn note_resumed(&mut self, local: LocalId, at: Span) {
        if self.ctx.lent.is_some() {
            self.g.lent.push((local, at));
        }
    }

    /// Whether user expression `expr` names a lent local (as its names resolve now: ask
    /// before declaring what a pattern binds from it, which may shadow them).
    pub fn expr_mentions_lent(&self, expr: &syn::Expr) -> bool {
        self.ctx.lent.is_some()
            && !owned_result(expr)
            && self.mentions_lent(&quote::ToTokens::to_token_stream(expr))
    }

    /// Whether a `let` binds a lent value: its lowered initializer (or statement) `lowered`
    /// names a lent local and the value is not plainly owned.
    pub fn init_is_lent(&self, local: &syn::Local, lowered: Option<&TokenStream>) -> bool {
        // `let n: Option<usize> = line.find(',');`: the user's word that it owns its data.
        let annotated_owned = matches!(&local.pat, syn::Pat::Type(t) if names_no_borrow(&t.ty));
        self.ctx.lent.is_some()
            && !annotated_owned
            && !local
                .init
                .as_ref()
                .is_some_and(|init| owned_result(&init.expr))
            && lowered.is_some_and(|tokens| self.mentions_lent(tokens))
    }

    /// Marks what pattern `pat` bound from a lent value (`if let Some(w) = words.next()`,
    /// `for w in words`, a `match` arm's bindings; `locals`) as lent too, except the bindings
    /// under a `&` pattern: `Some(&b)` copies the byte out of the borrow.
    pub fn mark_lent(&mut self, locals: std::ops::Range<LocalId>, pat: &syn::Pat) {
        let copied: Vec<String> = super::names::pat_bindings(pat)
            .into_iter()
            .filter(|b| b.copied)
            .map(|b| b.ident.to_string())
            .collect();
        let at = syn::spanned::Spanned::span(pat);
        for l in locals {
            if !copied.contains(&self.g.locals[l].name.to_string()) {
                self.g.lent.push((l, at));
            }
        }
    }

    fn mentions_lent(&self, tokens: &TokenStream) -> bool {
        tokens.clone().into_iter().any(|tt| match tt {
            TokenTree::Ident(i) => self
                .resolve(&i.to_string())
                .is_some_and(|id| self.g.lent.iter().any(|(l, _)| *l == id)),
            TokenTree::Group(g) => self.mentions_lent(&g.stream()),
            _ => false,
        })
    }
}

/// Methods whose result owns its data whatever the receiver borrows (std's, by name: the
/// macro cannot see types). `clone`, `max`, `trim`, `iter`, `collect` are not among them: on a
/// borrowed receiver they may return a borrow.
const OWNING_METHODS: &[&str] = &[
    "to_owned",
    "to_string",
    "to_vec",
    "into_owned",
    "len",
    "count",
    "is_empty",
    "is_some",
    "is_none",
    "is_ok",
    "is_err",
    "contains",
    "starts_with",
    "ends_with",
    "parse",
    "abs",
    "pow",
    "to_uppercase",
    "to_lowercase",
    "to_ascii_uppercase",
    "to_ascii_lowercase",
    "sum",
    "product",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "cmp",
    "partial_cmp",
];

/// Whether `expr`'s value is plainly owned, even computed from a lent one: a dereference (a
/// copy), an operator, a cast, a literal, `format!`, a call of an [`OWNING_METHODS`] method, a
/// range of such.
pub fn owned_result(expr: &syn::Expr) -> bool {
    use syn::Expr;
    match expr {
        Expr::Unary(_) | Expr::Binary(_) | Expr::Cast(_) | Expr::Lit(_) => true,
        Expr::Paren(p) => owned_result(&p.expr),
        Expr::Group(g) => owned_result(&g.expr),
        Expr::Macro(m) => m.mac.path.is_ident("format"),
        Expr::MethodCall(m) => OWNING_METHODS.iter().any(|o| m.method == o),
        Expr::Range(r) => [&r.start, &r.end]
            .into_iter()
            .flatten()
            .all(|e| owned_result(e) || matches!(&**e, Expr::Path(_))),
        _ => false,
    }
}

/// Whether a written type can hold no borrow: no `&`, no lifetime, no `_`, no `impl`. (A
/// struct with an elided lifetime parameter slips through, and rustc then reports it.)
fn names_no_borrow(ty: &syn::Type) -> bool {
    fn clean(tokens: TokenStream) -> bool {
        tokens.into_iter().all(|tt| match tt {
            TokenTree::Punct(p) => p.as_char() != '&' && p.as_char() != '\'',
            TokenTree::Ident(i) => i != "_" && i != "impl",
            TokenTree::Group(g) => clean(g.stream()),
            TokenTree::Literal(_) => true,
        })
    }
    clean(quote::ToTokens::to_token_stream(ty))
}

/// Reports each lent local that a suspension saves (once per local): a value lent for one
/// resumption cannot outlive it.
pub fn check(cx: &Ctxt, g: &Graph) {
    let mut reported: Vec<LocalId> = Vec::new();
    // A yield first: it is the reason a reader expects.
    let (yields, awaits): (Vec<_>, Vec<_>) = g
        .jumps
        .iter()
        .filter(|j| !matches!(j.kind, JumpKind::Goto))
        .partition(|j| matches!(j.kind, JumpKind::Yield { .. }));
    for jump in yields.into_iter().chain(awaits) {
        for &(l, at) in &g.lent {
            if reported.contains(&l) || !jump.save.contains(&l) {
                continue;
            }
            reported.push(l);
            let across = match jump.kind {
                JumpKind::Pending => "across an `.await`",
                _ => "across a later `yield_!`",
            };
            cx.error_at(
                at,
                format!(
                    "this holds the value sent to a `yield_!`, which a borrowed resume type lends for one resumption only, and it is kept {across}\n\
                     help: copy what you need out of it first (`.to_vec()`, `.to_owned()`, a length), or finish with it before that point\n\
                     help: if it owns its data already, say so with its type: `let n: Option<usize> = ..`"
                ),
            );
        }
    }
}

/// Gives each lent local a `()` field: the state never holds a lent value (a suspension that
/// would keep one is [`check`]'s error), and the jumps within a resumption pass it beside the
/// state.
pub fn detach(g: &mut Graph) {
    for &(l, _) in &g.lent {
        g.locals[l].state_ty = Some(quote::quote!(()));
    }
}
