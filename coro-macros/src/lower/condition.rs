//! The condition of an `if` or `while` that contains a suspension.
//!
//! A condition is lowered in one of two ways. Most become a value tested where the branches
//! start (`if <residual> { .. } else { .. }`), with the bindings of `let`s declared in the
//! then-branch. A condition whose `&&`/`||` holds a suspension is lowered as jumps instead,
//! each operand branching straight to the then- or the else-block, as rustc's MIR and
//! regenerator's `explodeTest` do.
//!
//! Why not a value: a short-circuit's value joins its two ways in one block, so whatever the
//! branch on one outcome needs is saved on the other too (difftest AM: in
//! `while n < 2 && { yield_!(1); u = T::new(); true } { consume(u); }` the loop's exit saved `u`,
//! moved on that path: E0382).
//!
//! Desugar from: `if a && { yield_!(1); b } { then } else { otherwise }`
//! Desugar into: `if a { <yield; resumed: if b { goto T } else { goto F }> } else { goto F }`,
//!               then block `T: then; goto join` and block `F: otherwise; goto join`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Expr;

use super::{BlockId, BlockKind, LocalId, Lowerer};
use crate::scan::expr_has_yield;

impl Lowerer<'_> {
    /// The condition of an `if`/`while`, lowered as a value (only the first operand of a let
    /// chain may suspend), its `let` bindings declared by `declare_cond_bindings` inside the
    /// then-branch. Conditions for which [`by_jumps`] holds go to [`Self::cond_jumps`].
    pub(super) fn condition(&mut self, cond: &Expr) -> TokenStream {
        if !expr_has_yield(cond) {
            return self.verbatim_expr(cond);
        }
        match cond {
            Expr::Let(l) => {
                let v = self.expr(&l.expr);
                self.mention_hidden(&v);
                let v = self.in_unsafe(v);
                let pat = &l.pat;
                quote!(let #pat = #v)
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) && contains_let(cond) => {
                if expr_has_yield(&b.right) {
                    self.cx.error_spanned_by(
                        &b.right,
                        "a suspension in a let chain is only supported in its first condition; bind the value with `let` before the `if`",
                    );
                }
                let left = self.condition(&b.left);
                // Runs only when the left holds: what it assigns, the `else` branch may not see.
                let right = self.verbatim_expr_on(&b.right, false);
                quote!(#left && #right)
            }
            other => {
                let v = self.expr(other);
                self.mention_hidden(&v);
                self.in_unsafe(v)
            }
        }
    }

    /// Lowers `cond` as jumps: to `yes` when it holds, to `no` when not. The current block
    /// ends here (every way out is a jump).
    pub(super) fn cond_jumps(&mut self, cond: &Expr, yes: BlockId, no: BlockId) {
        match cond {
            Expr::Paren(p) => self.cond_jumps(&p.expr, yes, no),
            Expr::Group(g) => self.cond_jumps(&g.expr, yes, no),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
                self.cond_jumps(&u.expr, no, yes);
            }
            Expr::Binary(b)
                if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_))
                    && expr_has_yield(cond) =>
            {
                // Where the right operand is evaluated: a block of its own, entered from the
                // left's outcome that does not decide the whole.
                let right = self.new_block(BlockKind::Internal);
                if matches!(b.op, syn::BinOp::And(_)) {
                    self.cond_jumps(&b.left, right, no);
                } else {
                    self.cond_jumps(&b.left, yes, right);
                }
                self.switch_to(right);
                self.cond_jumps(&b.right, yes, no);
            }
            leaf => {
                let v = self.expr(leaf);
                self.mention_hidden(&v);
                let v = self.in_unsafe(v);
                let then = self.in_seq(|this| this.goto(yes, Vec::new()));
                let otherwise = self.in_seq(|this| this.goto(no, Vec::new()));
                self.emit_raw(quote!(if #v #then else #otherwise));
            }
        }
    }

    /// Declares the names bound by `let`s in a condition (in the then-branch's scope).
    pub(super) fn declare_cond_bindings(&mut self, cond: &Expr) {
        match cond {
            Expr::Let(l) => {
                let first = self.g.locals.len();
                let lent = self.expr_mentions_lent(&l.expr);
                self.declare_pattern(&l.pat, true);
                self.mark_pat(&l.pat, first);
                if lent {
                    self.mark_lent(first..self.g.locals.len(), &l.pat);
                }
                // `if let Some(s) = &opt`: the bindings borrow what the scrutinee does.
                self.record_borrows(&l.expr, first..self.g.locals.len());
                self.tie_sites(first..self.g.locals.len(), None);
                // An arm resumed inside the branch may declare a binding afresh for dead code
                // (`while let Some(x) = .. { ..; unsafe { { break } x % 7 } }`): typed through a
                // witness, as a `let`'s local is (difftest bug AU, seed 98704534).
                let end = self.g.locals.len();
                self.type_witnesses(first, end);
            }
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.declare_cond_bindings(&b.left);
                self.declare_cond_bindings(&b.right);
            }
            Expr::Paren(p) => self.declare_cond_bindings(&p.expr),
            _ => {}
        }
    }

    /// The locals a plain condition assigns on one outcome only: (when true, when false). Where
    /// that outcome's branch starts they hold a new value: a kill there.
    pub(super) fn outcome_kills(&self, cond: &Expr) -> (Vec<LocalId>, Vec<LocalId>) {
        if expr_has_yield(cond) {
            return (Vec::new(), Vec::new());
        }
        let (when_true, when_false) = super::assign::condition_effects(cond);
        let only = |a: &std::collections::BTreeSet<String>, b| {
            a.difference(b)
                .filter_map(|name| self.resolve(name))
                .collect::<Vec<_>>()
        };
        (only(&when_true, &when_false), only(&when_false, &when_true))
    }
}

/// Whether `cond` is lowered by [`Lowerer::cond_jumps`]: a suspension under a `&&`/`||` (seen
/// through parentheses and `!`), and no `let` (a let chain's bindings scope the then-branch).
pub(super) fn by_jumps(cond: &Expr) -> bool {
    fn short_circuit(e: &Expr) -> bool {
        match e {
            Expr::Paren(p) => short_circuit(&p.expr),
            Expr::Group(g) => short_circuit(&g.expr),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => short_circuit(&u.expr),
            Expr::Binary(b) => matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)),
            _ => false,
        }
    }
    expr_has_yield(cond) && short_circuit(cond) && !contains_let(cond)
}

fn contains_let(e: &Expr) -> bool {
    match e {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            contains_let(&b.left) || contains_let(&b.right)
        }
        Expr::Paren(p) => contains_let(&p.expr),
        _ => false,
    }
}

/// `temp_free` for every `let` scrutinee of a condition (a plain `bool` condition's
/// temporaries drop before the branch runs).
pub(super) fn cond_temp_free(cond: &Expr) -> bool {
    match cond {
        Expr::Let(l) => temp_free(&l.expr),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            cond_temp_free(&b.left) && cond_temp_free(&b.right)
        }
        Expr::Paren(p) => cond_temp_free(&p.expr),
        _ => true,
    }
}

/// Whether evaluating `e` leaves no temporary that matters (one with a destructor or a borrow)
/// alive: places, literals, and calls on places whose arguments are such (`it.next()`,
/// `below(&mut n, x % 3)`), but not `cell.borrow_mut().pop()`.
pub(super) fn temp_free(e: &Expr) -> bool {
    fn place(e: &Expr) -> bool {
        match e {
            Expr::Path(_) => true,
            Expr::Field(f) => place(&f.base),
            Expr::Paren(p) => place(&p.expr),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => place(&u.expr),
            _ => false,
        }
    }
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        // `f().x` and `*cell.borrow()` keep the call's result alive as a temporary.
        Expr::Field(f) => place(&f.base),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => place(&u.expr),
        Expr::Paren(p) => temp_free(&p.expr),
        Expr::Group(g) => temp_free(&g.expr),
        Expr::Unary(u) => temp_free(&u.expr),
        Expr::Binary(b) => temp_free(&b.left) && temp_free(&b.right),
        Expr::Reference(r) => place(&r.expr),
        Expr::MethodCall(m) => place(&m.receiver) && m.args.iter().all(temp_free),
        Expr::Call(c) => matches!(&*c.func, Expr::Path(_)) && c.args.iter().all(temp_free),
        Expr::Cast(c) => temp_free(&c.expr),
        _ => false,
    }
}
