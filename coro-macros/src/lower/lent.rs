//! `resume = &[u8]`: each sent value is *lent* for one resumption (the generator is a
//! `for<'r> Generator<&'r [u8]>`), so nothing holding it may be saved in the state.
//!
//! Input:  `let buf = yield_!(Need); for &b in buf { yield_!(Got(b)) }`
//! Output: an error at `buf`: the loop's iterator borrows the lent value across a `yield_!`.
//!
//! A local is lent when it is the value of a `yield_!`, or a `let` or `for` initializer
//! mentions a lent local. Without this check rustc reports "implementation of `FnOnce` is not
//! general enough" at the attribute.
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
        self.ctx.lent.is_some() && self.mentions_lent(&quote::ToTokens::to_token_stream(expr))
    }

    /// Marks what a pattern bound from a lent value (`if let Some(w) = words.next()`,
    /// `for w in words`, a `match` arm's bindings) as lent too.
    pub fn mark_lent(&mut self, locals: std::ops::Range<LocalId>, at: Span) {
        for l in locals {
            self.g.lent.push((l, at));
        }
    }

    pub fn mentions_lent(&self, tokens: &TokenStream) -> bool {
        tokens.clone().into_iter().any(|tt| match tt {
            TokenTree::Ident(i) => self
                .resolve(&i.to_string())
                .is_some_and(|id| self.g.lent.iter().any(|(l, _)| *l == id)),
            TokenTree::Group(g) => self.mentions_lent(&g.stream()),
            _ => false,
        })
    }
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
                     help: copy what you need out of it first (`.to_vec()`, `.to_owned()`, a length), or finish with it before that point"
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
